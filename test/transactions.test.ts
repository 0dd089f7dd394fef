import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, QueryTypes, Sequelize, Transaction } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  const isMysql = dialect === 'mysql' || dialect === 'mariadb';
  describe(`transactions on ${dialect}`, () => {
    let sequelize: Sequelize;
    const sql = captureSql();
    const counter = () => sequelize.define('counter', { value: DataTypes.INTEGER }, { timestamps: false });

    before(async () => {
      sequelize = await connect(dialect, { logging: sql.logging });
    });
    after(async () => {
      await sequelize.close();
    });
    beforeEach(async () => {
      sql.statements.length = 0;
    });

    async function values(): Promise<number[]> {
      const rows = (await sequelize.query('SELECT value FROM counters ORDER BY value', { type: QueryTypes.SELECT, transaction: null })) as { value: number }[];
      return rows.map((row) => row.value);
    }

    test('managed: commits and returns the callback value; rolls back and rethrows', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      const result = await sequelize.transaction(async (t) => {
        await Counter.create({ value: 1 }, { transaction: t });
        return 'done';
      });
      assert.equal(result, 'done');
      await assert.rejects(sequelize.transaction(async (t) => {
        await Counter.create({ value: 2 }, { transaction: t });
        throw new Error('boom');
      }), /boom/);
      assert.deepEqual(await values(), [1]);
    });

    test('unmanaged: commit, rollback, finished, afterCommit only after a commit, no second commit', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      const fired: string[] = [];
      const kept = await sequelize.transaction();
      assert.ok(kept instanceof Transaction);
      assert.deepEqual(kept.options, { type: 'DEFERRED', isolationLevel: null, readOnly: false });
      kept.afterCommit((t) => fired.push(`kept ${t === kept}`));
      await Counter.create({ value: 1 }, { transaction: kept });
      assert.deepEqual(fired, []);
      await kept.commit();
      assert.equal(kept.finished, 'commit');
      assert.deepEqual(fired, ['kept true']);
      await assert.rejects(kept.commit(), /Transaction cannot be committed because it has been finished with state: commit/);
      await assert.rejects(Counter.create({ value: 9 }, { transaction: kept }), /commit has been called on this transaction\(.*\), you can no longer use it/);
      const dropped = await sequelize.transaction();
      dropped.afterCommit(() => fired.push('dropped'));
      await Counter.create({ value: 2 }, { transaction: dropped });
      await dropped.rollback();
      assert.equal(dropped.finished, 'rollback');
      assert.deepEqual(fired, ['kept true']);
      assert.deepEqual(await values(), [1]);
    });

    test('nested transactions are savepoints: an inner rollback keeps the outer work', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      await sequelize.transaction(async (outer) => {
        await Counter.create({ value: 1 });
        await assert.rejects(sequelize.transaction(async (inner) => {
          assert.equal(inner.parent, outer);
          await Counter.create({ value: 2 });
          throw new Error('inner fails');
        }), /inner fails/);
        const explicit = await sequelize.transaction({ transaction: outer });
        await Counter.create({ value: 3 }, { transaction: explicit });
        await explicit.commit();
        await Counter.create({ value: 4 });
      });
      assert.deepEqual(await values(), [1, 3, 4]);
      assert.ok(sql.statements.some((statement) => /^SAVEPOINT /.test(statement)));
      assert.ok(sql.statements.some((statement) => /^ROLLBACK TO SAVEPOINT /.test(statement)));
    });

    test('AsyncLocalStorage: queries in the callback join the transaction without { transaction }; transaction: null opts out', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      await assert.rejects(sequelize.transaction(async () => {
        await Counter.create({ value: 1 });
        await sequelize.query('UPDATE counters SET value = 5');
        // Outside the transaction its uncommitted row is invisible. SQLite has one connection, held by the open
        // transaction, so a statement outside it would wait for ever: it is refused instead.
        if (dialect !== 'sqlite') assert.equal(await Counter.count({ transaction: null }), 0);
        else await assert.rejects(Counter.count({ transaction: null }), /transaction: null inside a managed transaction/);
        await new Promise((resolve) => setTimeout(resolve, 1));
        assert.equal(await Counter.count(), 1);
        assert.deepEqual((await Counter.findAll()).map((row) => row.get('value')), [5]);
        throw new Error('undo');
      }), /undo/);
      assert.deepEqual(await values(), []);
      await Counter.create({ value: 7 });
      // The ambient transaction ends with its callback: later queries run outside it.
      await Counter.create({ value: 8 });
      assert.deepEqual(await values(), [7, 8]);
    });

    test('isolation levels are applied (and do not leak to the next transaction)', async () => {
      assert.deepEqual(Transaction.ISOLATION_LEVELS, { READ_UNCOMMITTED: 'READ UNCOMMITTED', READ_COMMITTED: 'READ COMMITTED', REPEATABLE_READ: 'REPEATABLE READ', SERIALIZABLE: 'SERIALIZABLE' });
      if (dialect === 'sqlite') return;
      const level = async (t: Transaction) => {
        const query = dialect === 'postgres' ? 'SHOW transaction_isolation' : 'SELECT @@tx_isolation AS level';
        const [row] = (await sequelize.query(query, { type: QueryTypes.SELECT, transaction: t })) as Record<string, string>[];
        return Object.values(row!)[0]!.replace('-', ' ').toUpperCase();
      };
      if (dialect === 'postgres') {
        const serializable = await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE });
        assert.equal(await level(serializable), 'SERIALIZABLE');
        await serializable.commit();
        await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ }, async (t) => assert.equal(await level(t), 'REPEATABLE READ'));
      }
      // Proof by behaviour: READ UNCOMMITTED sees another transaction's uncommitted row (MariaDB), the default does not.
      const Counter = counter();
      await Counter.sync({ force: true });
      const writer = await sequelize.transaction();
      await Counter.create({ value: 1 }, { transaction: writer });
      const dirty = await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_UNCOMMITTED });
      const seenDirty = await Counter.count({ transaction: dirty });
      await dirty.commit();
      const clean = await sequelize.transaction();
      const seenClean = await Counter.count({ transaction: clean });
      await clean.commit();
      await writer.rollback();
      if (isMysql) assert.equal(seenDirty, 1);
      assert.equal(seenClean, 0);
    });

    test('lock: true / transaction.LOCK.UPDATE select FOR UPDATE and make a second locker wait', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      const row = await Counter.create({ value: 1 });
      const first = await sequelize.transaction();
      assert.equal(first.LOCK.UPDATE, 'UPDATE');
      await Counter.findByPk(row.get('id') as number, { transaction: first, lock: true });
      if (dialect !== 'sqlite') assert.ok(sql.statements.some((statement) => /FOR UPDATE/.test(statement)), sql.statements.join('\n'));
      const second = sequelize.transaction(async (t) => (await Counter.findByPk(row.get('id') as number, { transaction: t, lock: t.LOCK.UPDATE }))!.get('value'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await Counter.update({ value: 2 }, { where: { id: row.get('id') }, transaction: first });
      await first.commit();
      assert.equal(await second, 2);
    });

    test('concurrent managed transactions: serialized on SQLite (no SQLITE_BUSY), each isolated elsewhere', async () => {
      const Counter = counter();
      await Counter.sync({ force: true });
      await Counter.create({ value: 0 });
      await Promise.all(Array.from({ length: 5 }, () => sequelize.transaction(async (t) => {
        const current = (await Counter.findOne({ transaction: t, lock: true }))!;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await current.update({ value: (current.get('value') as number) + 1 }, { transaction: t });
      })));
      assert.deepEqual(await values(), [5]);
    });

    if (dialect === 'sqlite') {
      test('SQLite transaction types DEFERRED / IMMEDIATE / EXCLUSIVE; a file database takes one writer at a time', async () => {
        assert.deepEqual(Transaction.TYPES, { DEFERRED: 'DEFERRED', IMMEDIATE: 'IMMEDIATE', EXCLUSIVE: 'EXCLUSIVE' });
        await sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, async () => {});
        assert.ok(sql.statements.includes('BEGIN IMMEDIATE TRANSACTION'), sql.statements.join('\n'));
        const storage = join(mkdtempSync(join(tmpdir(), 'joinery-tx-')), 'tx.sqlite');
        const file = new Sequelize(`sqlite:${storage}`, { logging: false });
        const Row = file.define('row', { n: DataTypes.INTEGER });
        await file.sync();
        await Promise.all(Array.from({ length: 20 }, (_, n) => file.transaction(async () => {
          await Row.create({ n });
          await Row.count();
        })));
        assert.equal(await Row.count(), 20);
        await file.close();
      });
    } else {
      test('pool.max limits the connections in use; transactions beyond it wait for one', async () => {
        const small = await connect(dialect, { pool: { max: 2 } });
        const pidQuery = dialect === 'postgres' ? 'SELECT pg_backend_pid() AS pid, pg_sleep(0.05)' : 'SELECT CONNECTION_ID() AS pid, SLEEP(0.05)';
        const pids = await Promise.all(Array.from({ length: 8 }, async () => ((await small.query(pidQuery, { type: QueryTypes.SELECT, plain: true })) as { pid: number }).pid));
        assert.ok(new Set(pids).size <= 2, `used ${new Set(pids).size} connections`);
        const order: string[] = [];
        const a = await small.transaction();
        const b = await small.transaction();
        const c = small.transaction().then((t) => { order.push('c started'); return t; });
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push('a ends');
        await a.commit();
        await (await c).commit();
        await b.commit();
        assert.deepEqual(order, ['a ends', 'c started']);
        await small.close();
      });
    }
  });
}
