import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, Deferrable, ForeignKeyConstraintError, Sequelize, Transaction, type Model, type ModelStatic } from '../src/index.js';
import { captureSql, connect, testDatabaseUrl, testDialects } from './setup/dialects.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A namespace shaped like cls-hooked's (get/set/run/bind), over AsyncLocalStorage. */
function fakeNamespace() {
  const storage = new AsyncLocalStorage<Record<string, unknown>>();
  return {
    get: (key: string) => storage.getStore()?.[key],
    set: (key: string, value: unknown) => {
      const context = storage.getStore();
      if (!context) throw new Error('No context available. ns.run() or ns.bind() must be called first.');
      context[key] = value;
      return value;
    },
    run: (fn: (context: unknown) => void) => {
      const context = Object.create(storage.getStore() ?? null) as Record<string, unknown>;
      storage.run(context, () => fn(context));
      return context;
    },
    bind: <F>(fn: F) => fn,
  };
}

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`transactions as in v6 on ${dialect}: locks, ids, savepoints, Deferrable, CLS`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    let Toy: ModelStatic<Model>;
    const sql = captureSql();

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
      Pug = sequelize.define('tx_pug', { name: DataTypes.STRING }, { timestamps: false });
      Toy = sequelize.define('tx_toy', { name: DataTypes.STRING }, { timestamps: false });
      Pug.hasMany(Toy, { foreignKey: 'pugId' });
      await sequelize.sync({ force: true });
      await Pug.bulkCreate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(() => {
      sql.statements.length = 0;
    });

    const selects = () => sql.statements.filter((statement) => statement.startsWith('SELECT'));

    test('lock levels, lock.of and skipLocked print what v6 prints on the dialect', async () => {
      const cases: Array<[Record<string, unknown>, string, string, string]> = [
        // options, PostgreSQL, MySQL/MariaDB, SQLite
        [{ lock: true }, ' FOR UPDATE', ' FOR UPDATE', ''],
        [{ lock: Transaction.LOCK.UPDATE }, ' FOR UPDATE', ' FOR UPDATE', ''],
        [{ lock: Transaction.LOCK.SHARE }, ' FOR SHARE', ' LOCK IN SHARE MODE', ''],
        [{ lock: Transaction.LOCK.KEY_SHARE }, ' FOR KEY SHARE', ' FOR UPDATE', ''],
        [{ lock: Transaction.LOCK.NO_KEY_UPDATE }, ' FOR NO KEY UPDATE', ' FOR UPDATE', ''],
        [{ lock: { level: Transaction.LOCK.UPDATE, of: 'model' } }, ' FOR UPDATE OF "tx_pug"', ' FOR UPDATE', ''],
        [{ lock: true, skipLocked: true }, ' FOR UPDATE SKIP LOCKED', ' FOR UPDATE', ''],
      ];
      for (const [given, postgres, mysql, sqlite] of cases) {
        const options = typeof given['lock'] === 'object' ? { ...given, lock: { ...(given['lock'] as object), of: Pug } } : given;
        sql.statements.length = 0;
        await sequelize.transaction(async (t) => {
          assert.equal((await Pug.findAll({ ...options, transaction: t, order: [['id', 'ASC']] })).length, 3);
        });
        const [statement] = selects();
        const expected = dialect === 'postgres' ? postgres : isMysql ? mysql : sqlite;
        assert.ok(expected === '' ? !/ FOR | LOCK IN /.test(statement!) : statement!.endsWith(expected), `${JSON.stringify(given)}: ${statement}`);
      }
      await assert.rejects(Pug.findAll({ lock: 'EVERYTHING' as never }), /Invalid lock "EVERYTHING"/);
    });

    if (dialect === 'postgres') {
      test('skipLocked passes over the rows another transaction holds; lock.of locks only the named table', async () => {
        const holder = await sequelize.transaction();
        await Pug.findByPk(1, { lock: true, transaction: holder });
        const free = await sequelize.transaction(async (t) => Pug.findAll({ lock: true, skipLocked: true, transaction: t, order: [['id', 'ASC']] }));
        assert.deepEqual(free.map((pug) => pug.get('name')), ['b', 'c']);
        await holder.commit();
        await Toy.create({ name: 'ball', pugId: 2 });
        const [pug] = await sequelize.transaction(async (t) => Pug.findAll({ where: { id: 2 }, include: [Toy], lock: { level: t.LOCK.UPDATE, of: Pug }, transaction: t }));
        assert.deepEqual((pug!.get('tx_toys') as Model[]).map((toy) => toy.get('name')), ['ball']);
      });
    }

    test('transaction ids are UUIDs; savepoints share the id and are named <id>-sp-<n>', async () => {
      const outer = await sequelize.transaction();
      assert.match(outer.id, uuid);
      assert.equal(outer.name, undefined);
      const first = await sequelize.transaction({ transaction: outer });
      await Pug.create({ name: 'kept' }, { transaction: first });
      const second = await sequelize.transaction({ transaction: outer });
      assert.deepEqual([first.id, first.name, second.name, first.parent === outer], [outer.id, `${outer.id}-sp-1`, `${outer.id}-sp-2`, true]);
      assert.equal(outer.savepoints.length, 2);
      const quote = (name: string) => sequelize.dialect.compiler.quoteIdentifier(name);
      assert.ok(sql.statements.includes(`SAVEPOINT ${quote(`${outer.id}-sp-2`)}`), sql.statements.join('\n'));
      await Pug.create({ name: 'undone' }, { transaction: second });
      await second.rollback();
      assert.ok(sql.statements.includes(`ROLLBACK TO SAVEPOINT ${quote(`${outer.id}-sp-2`)}`), sql.statements.join('\n'));
      await outer.commit();
      assert.deepEqual([await Pug.count({ where: { name: 'kept' } }), await Pug.count({ where: { name: 'undone' } })], [1, 0]);
      await Pug.destroy({ where: { name: 'kept' } });
      const next = await sequelize.transaction();
      assert.notEqual(next.id, outer.id);
      await next.rollback();
    });

    test('isolationLevel and transactionType from the constructor fill every transaction\'s options', async () => {
      const own = new Sequelize(testDatabaseUrl(dialect), { logging: sql.logging, isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE, transactionType: Transaction.TYPES.IMMEDIATE });
      const t = await own.transaction();
      assert.deepEqual(t.options, { type: 'IMMEDIATE', isolationLevel: 'SERIALIZABLE', readOnly: false });
      await t.commit();
      const given = await own.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED, autocommit: false });
      assert.deepEqual(given.options, { type: 'IMMEDIATE', isolationLevel: 'READ COMMITTED', readOnly: false, autocommit: false });
      await given.commit();
      if (dialect === 'sqlite') assert.ok(sql.statements.includes('BEGIN IMMEDIATE TRANSACTION'), sql.statements.join('\n'));
      else assert.ok(sql.statements.some((statement) => /ISOLATION LEVEL SERIALIZABLE/.test(statement)), sql.statements.join('\n'));
      await own.close();
    });

    test('Deferrable: classes callable without new; references.deferrable and SET CONSTRAINTS in a transaction where the dialect defers', async () => {
      assert.equal(String(Deferrable.INITIALLY_DEFERRED()), 'DEFERRABLE INITIALLY DEFERRED');
      assert.equal(new Deferrable.NOT().toString(), 'NOT DEFERRABLE');
      assert.deepEqual(Deferrable.SET_DEFERRED(['pets_owner_fk']).constraints, ['pets_owner_fk']);
      assert.equal(Sequelize.Deferrable, Deferrable);
      const Owner = sequelize.define('tx_owner', {}, { timestamps: false });
      const Pet = sequelize.define('tx_pet', {
        ownerId: { type: DataTypes.INTEGER, references: { model: 'tx_owners', key: 'id', deferrable: Deferrable.INITIALLY_IMMEDIATE } },
      }, { timestamps: false });
      await Owner.sync({ force: true });
      await Pet.sync({ force: true });
      if (dialect === 'postgres') {
        const [reference] = await sequelize.getQueryInterface().getForeignKeyReferencesForTable('tx_pets');
        assert.equal(reference?.deferrable, 'INITIALLY_IMMEDIATE');
      }
      sql.statements.length = 0;
      const work = async () => {
        await Pet.create({ ownerId: 41 });
        await Owner.create({ id: 41 });
      };
      if (dialect === 'postgres') {
        // The pet comes before its owner: fine once the check waits for the commit.
        await sequelize.transaction({ deferrable: Deferrable.SET_DEFERRED }, work);
        assert.ok(sql.statements.includes('SET CONSTRAINTS ALL DEFERRED'), sql.statements.join('\n'));
        await assert.rejects(sequelize.transaction(async () => {
          await Pet.create({ ownerId: 42 });
        }), ForeignKeyConstraintError);
        await sequelize.transaction({ deferrable: Deferrable.SET_IMMEDIATE(['x_fk']) }, async () => {}).catch(() => undefined);
        assert.ok(sql.statements.includes('SET CONSTRAINTS "x_fk" IMMEDIATE'), sql.statements.join('\n'));
      } else {
        // No deferrable keys here (v6 prints nothing for them either): the option is left out.
        await Owner.create({ id: 41 });
        await sequelize.transaction({ deferrable: Deferrable.SET_DEFERRED }, async () => {
          await Pet.create({ ownerId: 41 });
        });
        assert.ok(!sql.statements.some((statement) => /SET CONSTRAINTS|DEFERRABLE/.test(statement)), sql.statements.join('\n'));
      }
      assert.equal(await Pet.count(), 1);
    });

    test('useCLS(namespace): managed transactions are its "transaction"; one the application sets there is used', async () => {
      assert.throws(() => Sequelize.useCLS(undefined as never), /Must provide CLS namespace/);
      assert.throws(() => Sequelize.useCLS({} as never), /Must provide CLS namespace/);
      const namespace = fakeNamespace();
      assert.equal(Sequelize.useCLS(namespace), Sequelize);
      try {
        assert.equal(Sequelize._cls, namespace);
        await sequelize.transaction(async (t) => {
          assert.equal(namespace.get('transaction'), t);
          await new Promise((resolve) => setTimeout(resolve, 5));
          assert.equal(namespace.get('transaction'), t);
        });
        assert.equal(namespace.get('transaction'), undefined);
        const unmanaged = await sequelize.transaction();
        await new Promise<void>((resolve, reject) => {
          namespace.run(() => {
            namespace.set('transaction', unmanaged);
            Pug.create({ name: 'in cls' }).then(() => resolve(), reject);
          });
        });
        await unmanaged.rollback();
        assert.equal(await Pug.count({ where: { name: 'in cls' } }), 0);
      } finally {
        Sequelize._cls = undefined;
      }
      assert.equal(Sequelize._cls, undefined);
    });
  });
}
