import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { BaseError, ConnectionAcquireTimeoutError, DatabaseError, DataTypes, EagerLoadingError, ForeignKeyConstraintError, Op, QueryError, Sequelize, UniqueConstraintError, UsageError, ValidationError, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDatabaseUrl, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`errors as Sequelize v6 raises them on ${dialect}: refused queries, finished transactions, build includes`, () => {
    let sequelize: Sequelize;
    let Owner: ModelStatic<Model>;
    let Pet: ModelStatic<Model>;
    let Lonely: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Owner = sequelize.define('ev_owner', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { timestamps: false });
      Pet = sequelize.define('ev_pet', { name: DataTypes.STRING }, { timestamps: false });
      Lonely = sequelize.define('ev_lonely', { x: DataTypes.STRING }, { timestamps: false });
      Owner.hasMany(Pet, { foreignKey: 'ownerId' });
      Pet.belongsTo(Owner, { foreignKey: 'ownerId' });
      await sequelize.sync({ force: true });
      await Owner.create({ name: 'a', age: 1 });
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(() => {
      sql.statements.length = 0;
    });

    test('a query refused before SQL (unknown attribute, a value its type cannot hold) is a DatabaseError, as v6 gets from the database', async () => {
      const refused = (pattern: RegExp) => (error: Error) => {
        assert.ok(error instanceof DatabaseError, `expected a DatabaseError, got ${error.name}`);
        assert.ok(error instanceof BaseError);
        assert.equal(error.name, 'SequelizeDatabaseError');
        assert.match(error.message, pattern);
        assert.ok(error.parent instanceof Error);
        assert.equal(error.sql, '');
        return true;
      };
      await assert.rejects(Owner.findAll({ where: { nope: 1 } }), refused(/^ev_owner has no attribute "nope" \(used in where\)/));
      await assert.rejects(Owner.findAll({ order: [['nope', 'ASC']] }), refused(/^ev_owner has no attribute "nope" \(used in order\)/));
      await assert.rejects(Owner.findAll({ attributes: ['nope'] }), refused(/^ev_owner has no attribute "nope"/));
      await assert.rejects(Owner.count({ where: { age: { [Op.gt]: 'abc' } } }), refused(/ev_owner\.age.*"abc" is not a valid integer/));
      await assert.rejects(Owner.findAll({ where: { age: 'abc' } }), refused(/ev_owner\.age/));
      assert.deepEqual(sql.statements, []);
    });

    test('build with an include of a model that is not associated: EagerLoadingError with v6\'s message', () => {
      assert.throws(() => Owner.build({ name: 'x' }, { include: [Lonely] }), (error: Error) => error instanceof EagerLoadingError && error.message === 'ev_lonely is not associated to ev_owner!');
      assert.throws(() => Owner.build({ name: 'x' }, { include: [{ model: Pet, include: [Lonely] }] }), /: ev_lonely is not associated to ev_pet!$/);
      assert.equal(Owner.build({ name: 'x', ev_pets: [{ name: 'p' }] }, { include: [Pet] }).get('name'), 'x');
    });

    test('a managed transaction whose callback ended it rejects as v6 does; its work stays rolled back', async () => {
      await assert.rejects(
        sequelize.transaction(async (t) => {
          await Owner.create({ name: 'undone' }, { transaction: t });
          await t.rollback();
          return 'resolved';
        }),
        (error: Error) => error instanceof UsageError && error.message === 'Transaction cannot be committed because it has been finished with state: rollback',
      );
      assert.equal(await Owner.count({ where: { name: 'undone' } }), 0);
      await assert.rejects(sequelize.transaction(async (t) => t.commit()), /: Transaction cannot be committed because it has been finished with state: commit$/);
    });

    test('a statement on a finished transaction: v6\'s message, with the rejected query as sql', async () => {
      const t = await sequelize.transaction();
      await t.rollback();
      await assert.rejects(Owner.findAll({ transaction: t }), (error: Error & { sql?: string }) => {
        assert.ok(error.message.startsWith(`rollback has been called on this transaction(${t.id}), you can no longer use it. (The rejected query is attached as the 'sql' property of this error)`));
        assert.match(error.sql ?? '', /^SELECT /);
        return true;
      });
    });

    test('a foreign key failure of a save carries the value on MySQL, as v6; DatabaseError takes sql from its parent', async () => {
      await assert.rejects(Pet.create({ name: 'p', ownerId: 999 }), (error: Error) => {
        assert.ok(error instanceof ForeignKeyConstraintError);
        if (isMysql) assert.equal(error.value, 999);
        return true;
      });
      const wrapped = new DatabaseError(Object.assign(new Error('failed'), { sql: 'SELECT 1', parameters: [1] }));
      assert.equal(wrapped.sql, 'SELECT 1');
      assert.deepEqual(wrapped.parameters, [1]);
    });

    test('finder arguments v6 refuses: findAll/findOne of a non-object, a string attributes; increment without where; unknown updateOnDuplicate', async () => {
      const queryError = (pattern: RegExp) => (error: Error) => error instanceof QueryError && error.name === 'SequelizeQueryError' && pattern.test(error.message);
      await assert.rejects(Owner.findAll('a' as never), queryError(/^The argument passed to findAll must be an options object, use findByPk if you wish to pass a single primary key value \(ev_owner\.findAll got "a"\)/));
      await assert.rejects(Owner.findOne(1 as never), queryError(/^The argument passed to findOne must be an options object.*ev_owner\.findOne got 1/));
      await assert.rejects(Owner.findAll({ attributes: 'name' as never }), queryError(/^The attributes option must be an array of column names or an object \(ev_owner/));
      await assert.rejects(Owner.increment('age', {} as never), (error: Error) => error instanceof UsageError && /^Missing where attribute in the options parameter passed to ev_owner\.increment/.test(error.message));
      await assert.rejects(Owner.decrement('age', undefined as never), /ev_owner\.decrement/);
      await assert.rejects(Owner.bulkCreate([{ name: 'a' }], { updateOnDuplicate: ['nope'] }), (error: Error) => error instanceof DatabaseError && /ev_owner has no attribute "nope" \(used in updateOnDuplicate\)/.test(error.message));
      assert.deepEqual(sql.statements, []);
      assert.deepEqual((await Owner.findAll({ raw: true, attributes: ['age'] })).map((row) => row['age']), [1]);
    });

    test('a unique failure of upsert names the built instance in its items, as v6', { skip: isMysql ? 'MySQL upserts on any unique key' : false }, async () => {
      const Keyed = sequelize.define('ev_keyed', { code: { type: DataTypes.STRING, unique: true }, label: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
      await Keyed.sync({ force: true });
      await Keyed.create({ code: 'a', label: 'taken' });
      await assert.rejects(Keyed.upsert({ code: 'b', label: 'taken' }), (error: Error) => {
        assert.ok(error instanceof UniqueConstraintError);
        assert.equal((error.errors[0]!.instance as Model | null)?.get('code'), 'b');
        return true;
      });
    });

    test('a deadlock victim\'s transaction is finished (rollback), as v6 marks it', { skip: isMysql ? false : 'MySQL/MariaDB roll a deadlock victim back on the server' }, async () => {
      const Row = sequelize.define('ev_row', { n: DataTypes.INTEGER }, { timestamps: false });
      await Row.sync({ force: true });
      await Row.bulkCreate([{ n: 1 }, { n: 2 }]);
      const first = await sequelize.transaction();
      const second = await sequelize.transaction();
      await Row.update({ n: 10 }, { where: { id: 1 }, transaction: first });
      await Row.update({ n: 20 }, { where: { id: 2 }, transaction: second });
      const outcomes = await Promise.allSettled([
        Row.update({ n: 11 }, { where: { id: 2 }, transaction: first }),
        new Promise((resolve) => setTimeout(resolve, 200)).then(() => Row.update({ n: 21 }, { where: { id: 1 }, transaction: second })),
      ]);
      const victim = outcomes[0].status === 'rejected' ? first : second;
      const survivor = victim === first ? second : first;
      assert.equal(outcomes.filter((outcome) => outcome.status === 'rejected').length, 1);
      assert.equal(victim.finished, 'rollback');
      await assert.rejects(victim.rollback(), /finished with state: rollback/);
      await survivor.commit();
      assert.equal(await Row.count({ where: { n: [11, 21] } }), 1);
    });

    test('no free connection within pool.acquire: ConnectionAcquireTimeoutError, "Operation timeout" as v6 says', { skip: dialect === 'sqlite' ? 'SQLite has one connection and no acquire timeout' : false }, async () => {
      const small = new Sequelize(testDatabaseUrl(dialect), { logging: false, pool: { max: 1, acquire: 300 } });
      const holding = await small.transaction();
      await assert.rejects(small.query('SELECT 1', { transaction: null }), (error: Error) => error instanceof ConnectionAcquireTimeoutError && error.name === 'SequelizeConnectionAcquireTimeoutError' && /^Operation timeout/.test(error.message));
      await holding.rollback();
      await small.close();
    });

    test('validation errors as v6 shows them: lower-cased validator keys, no message key in JSON', async () => {
      const Checked = sequelize.define('ev_checked', { email: { type: DataTypes.STRING, validate: { isEmail: true } } }, { timestamps: false });
      const error = await Checked.build({ email: 'nope' }).validate().then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof ValidationError);
      assert.equal(error.errors[0]!.getValidatorKey(), 'function.isemail');
      assert.equal(error.errors[0]!.getValidatorKey(false), 'isemail');
      assert.equal(error.errors[0]!.getValidatorKey(true, '-'), 'function-isemail');
      assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(error)) as object), ['name', 'errors']);
      // A custom validator throwing an object with a message: that message, as v6 reads it.
      const Custom = sequelize.define('ev_custom', { code: { type: DataTypes.STRING, validate: { shaped(value: unknown) {
        if (value === 'x') throw { message: 'code may not be x' };
      } } } }, { timestamps: false });
      await assert.rejects(Custom.build({ code: 'x' }).validate(), (caught: Error) => caught instanceof ValidationError && caught.errors[0]!.message === 'code may not be x');
    });

    test('an error thrown by a beforeConnect hook reaches the caller as thrown', async () => {
      const other = new Sequelize(testDatabaseUrl(dialect), { logging: false });
      const refusal = new Error('no token');
      other.addHook('beforeConnect', () => {
        throw refusal;
      });
      await assert.rejects(other.authenticate(), (error: unknown) => error === refusal);
      await other.close();
    });
  });
}
