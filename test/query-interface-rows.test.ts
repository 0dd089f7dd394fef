import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Op, QueryTypes, Sequelize, fn, col, literal } from '../src/index.js';
import type { QueryInterface } from '../src/schema/query-interface.js';
import { connect, testDialects } from './setup/dialects.js';

/** The row-level QueryInterface calls seeders and data migrations make, with v6's results per dialect. */
for (const dialect of testDialects) {
  describe(`QueryInterface rows on ${dialect}`, () => {
    let sequelize: Sequelize;
    let qi: QueryInterface;
    const isMysql = dialect === 'mysql' || dialect === 'mariadb';
    const isPostgres = dialect === 'postgres';

    before(async () => {
      sequelize = await connect(dialect);
      qi = sequelize.getQueryInterface();
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      await qi.dropAllTables();
      await qi.createTable('users', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING, allowNull: false },
        email: { type: DataTypes.STRING, unique: true },
        n: { type: DataTypes.INTEGER, defaultValue: 0 },
        createdAt: { type: DataTypes.DATE, allowNull: false, defaultValue: isPostgres ? fn('NOW') : literal('CURRENT_TIMESTAMP') },
      });
    });

    const names = async () => (await sequelize.query('SELECT name, n FROM users ORDER BY id', { type: QueryTypes.SELECT })) as { name: string; n: number }[];

    test('bulkInsert resolves v6s value: the id on SQLite/MySQL, the rows PostgreSQL returns with `returning`', async () => {
      const plain = await qi.bulkInsert('users', [{ name: 'a' }, { name: 'b' }]);
      const returned = await qi.bulkInsert('users', [{ name: 'c', n: 2 }], { returning: true });
      const columns = await qi.bulkInsert('users', [{ name: 'd' }], { returning: ['id'] });
      if (isPostgres) {
        assert.deepEqual(plain, []);
        assert.deepEqual((returned as Record<string, unknown>[]).map((row) => [row['id'], row['name'], row['n']]), [[3, 'c', 2]]);
        assert.ok((returned as Record<string, unknown>[])[0]!['createdAt'] instanceof Date);
        assert.deepEqual(columns, [{ id: 4 }]);
      } else {
        assert.equal(plain, dialect === 'sqlite' ? 2 : 1);
        assert.equal(returned, 3);
        assert.equal(columns, 4);
      }
    });

    test('bulkInsert with ignoreDuplicates and updateOnDuplicate (upsertKeys)', async () => {
      await qi.bulkInsert('users', [{ name: 'a', email: 'a@x' }]);
      await qi.bulkInsert('users', [{ name: 'dup', email: 'a@x' }, { name: 'b', email: 'b@x' }], { ignoreDuplicates: true });
      await qi.bulkInsert('users', [{ name: 'a2', email: 'a@x', n: 7 }], { updateOnDuplicate: ['name', 'n'], upsertKeys: ['email'] });
      assert.deepEqual(await names(), [{ name: 'a2', n: 7 }, { name: 'b', n: 0 }]);
    });

    test('insert(null, table, values) resolves the INSERT result; with an instance it gets its id and is saved', async () => {
      const result = await qi.insert(null, 'users', { name: 'a', n: 1 });
      assert.deepEqual(result, isPostgres ? [[], 1] : [1, 1]);
      if (isPostgres) {
        const [rows, count] = (await qi.insert(null, 'users', { name: 'b' }, { returning: true })) as [Record<string, unknown>[], number];
        assert.deepEqual([rows[0]!['id'], rows[0]!['name'], count], [2, 'b', 1]);
      } else {
        assert.deepEqual(await qi.insert(null, 'users', { name: 'b' }), [2, 1]);
      }
      const User = sequelize.define('user', { name: DataTypes.STRING, email: DataTypes.STRING, n: DataTypes.INTEGER }, { timestamps: false, tableName: 'users' });
      const user = User.build({ name: 'c', n: 3 });
      const [saved, affected] = (await qi.insert(user, 'users', { name: 'c', n: 3 })) as [unknown, number];
      assert.equal(saved, user);
      assert.equal(affected, 1);
      assert.equal(user.isNewRecord, false);
      assert.equal(user.get('id'), 3);
      assert.deepEqual(await names(), [{ name: 'a', n: 1 }, { name: 'b', n: 0 }, { name: 'c', n: 3 }]);
    });

    test('update, delete, increment and decrement by table name', async () => {
      await qi.bulkInsert('users', [{ name: 'a', n: 1 }, { name: 'b', n: 2 }, { name: 'c', n: 3 }]);
      const updated = await qi.update(null, 'users', { name: 'A' }, { name: 'a' });
      assert.deepEqual(updated, isPostgres ? [[], 1] : [undefined, 1]);
      const incremented = await qi.increment(null, 'users', { n: { [Op.gte]: 2 } }, { n: 10 }, { name: 'big' });
      if (isPostgres) {
        const [rows, count] = incremented as [Record<string, unknown>[], number];
        assert.deepEqual([rows.map((row) => row['n']).sort(), count], [[12, 13], 2]);
      } else {
        assert.deepEqual(incremented, [undefined, 2]);
      }
      await qi.decrement(null, 'users', { name: 'A' }, { n: 5 }, {});
      assert.deepEqual(await names(), [{ name: 'A', n: -4 }, { name: 'big', n: 12 }, { name: 'big', n: 13 }]);
      await qi.delete(null, 'users', { n: { [Op.gt]: 12 } });
      assert.deepEqual(await names(), [{ name: 'A', n: -4 }, { name: 'big', n: 12 }]);
    });

    test('upsert inserts, then updates on the conflicting unique key (from the model or conflictFields)', async () => {
      const User = sequelize.define('user', { name: DataTypes.STRING, email: { type: DataTypes.STRING, unique: true }, n: DataTypes.INTEGER }, { timestamps: false, tableName: 'users' });
      const [, created] = await qi.upsert('users', { name: 'a', email: 'a@x', n: 1 }, { n: 1 }, { email: 'a@x' }, { model: User });
      const [, createdAgain] = await qi.upsert('users', { name: 'a', email: 'a@x', n: 2 }, { n: 2 }, { email: 'a@x' }, { model: User });
      await qi.upsert('users', { name: 'b', email: 'b@x', n: 5 }, { n: 5, name: 'b' }, {}, { conflictFields: ['email'] });
      await qi.upsert('users', { name: 'B', email: 'b@x', n: 6 }, { n: 6, name: 'B' }, {}, { conflictFields: ['email'] });
      assert.deepEqual(await names(), [{ name: 'a', n: 2 }, { name: 'B', n: 6 }]);
      assert.deepEqual([created, createdAgain], isMysql ? [true, false] : [null, null]);
    });

    test('bulkDelete with a where, and with { truncate: true }', async () => {
      await qi.bulkInsert('users', [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      await qi.bulkDelete('users', { id: [1, 2] });
      assert.deepEqual(await names(), [{ name: 'c', n: 0 }]);
      await qi.bulkDelete('users', {}, { truncate: true, restartIdentity: true, cascade: isPostgres });
      assert.deepEqual(await names(), []);
      const id = await qi.bulkInsert('users', [{ name: 'z' }], { returning: true });
      if (isPostgres) assert.equal((id as Record<string, unknown>[])[0]!['id'], 1);
    });

    test('select and rawSelect take attributes, order, group, limit, offset and dataType', async () => {
      await qi.bulkInsert('users', [{ name: 'a', n: 1 }, { name: 'b', n: 2 }, { name: 'c', n: 2 }]);
      assert.deepEqual(await qi.select(null, 'users', { attributes: ['id', 'name'], where: { name: 'a' } }), [{ id: 1, name: 'a' }]);
      assert.deepEqual(await qi.select(null, 'users', { attributes: ['name'], order: [['id', 'DESC']], limit: 2, offset: 1 }), [{ name: 'b' }, { name: 'a' }]);
      const counts = await qi.select(null, 'users', { attributes: ['n', [fn('COUNT', col('id')), 'total']], group: ['n'], order: [['n', 'ASC']] }) as Record<string, unknown>[];
      assert.deepEqual(counts.map((row) => [row['n'], Number(row['total'])]), [[1, 1], [2, 2]]);
      assert.equal(await qi.rawSelect('users', { attributes: [[fn('COUNT', col('id')), 'count']], dataType: DataTypes.INTEGER }, 'count'), 3);
      assert.equal(await qi.rawSelect('users', { attributes: [[fn('MAX', col('n')), 'max']], where: { name: { [Op.ne]: 'c' } } }, 'max'), 2);
      assert.deepEqual(await qi.rawSelect('users', { plain: false, attributes: ['name'], order: [['name', 'DESC']] }, 'name'), [{ name: 'c' }, { name: 'b' }, { name: 'a' }]);
      const User = sequelize.define('user', { fullName: { type: DataTypes.STRING, field: 'name' }, n: DataTypes.INTEGER }, { timestamps: false, tableName: 'users' });
      const [user] = (await qi.select(User, 'users', { where: { fullName: 'b' } })) as InstanceType<typeof User>[];
      assert.ok(user instanceof User);
      assert.equal(user.isNewRecord, false);
      assert.equal(user.get('fullName'), 'b');
    });

    test('bulkUpdate with null and Date values', async () => {
      await qi.bulkInsert('users', [{ name: 'a' }, { name: 'b', email: 'b@x' }]);
      const when = new Date('2020-01-02T03:04:05.000Z');
      assert.equal(await qi.bulkUpdate('users', { createdAt: when }, { email: null }), 1);
      const stamp = await qi.rawSelect('users', { where: { name: 'a' }, dataType: DataTypes.DATE }, 'createdAt');
      assert.equal((stamp as Date).toISOString(), when.toISOString());
      assert.equal(await qi.rawSelect('users', { where: { createdAt: when } }, 'name'), 'a');
    });

    test('queryGenerator: quoting, escaping and SQL text helpers', () => {
      const generator = qi.queryGenerator;
      const q = (name: string) => (isPostgres ? `"${name}"` : `\`${name}\``);
      assert.equal(generator.dialect, sequelize.getDialect());
      assert.equal(generator.quoteTable('users'), q('users'));
      assert.equal(generator.quoteIdentifier('a b'), q('a b'));
      assert.equal(generator.quoteIdentifiers('a.b'), `${q('a')}.${q('b')}`);
      assert.match(generator.escape("it's"), /^'it(''|\\')s'$/);
      assert.equal(generator.whereQuery({ name: 'x', n: { [Op.gt]: 1 } }), `WHERE ${q('name')} = 'x' AND ${q('n')} > 1`);
      assert.equal(generator.getWhereConditions({ name: 'x' }), `${q('name')} = 'x'`);
      assert.equal(generator.selectQuery('users', { where: { name: 'x' }, limit: 2 }), `SELECT * FROM ${q('users')} WHERE ${q('users')}.${q('name')} = 'x' LIMIT 2;`);
      assert.deepEqual(generator.insertQuery('users', { name: 'x' }).bind, ['x']);
    });
  });
}
