// findByPk(id) answers from a cached plan, synchronously where the driver can (SQLite), and dates read back
// through a position-based parser that remembers the last text. These tests pin what the fast paths must
// still honour: hooks and logging added later, transactions passed or ambient, exact dates, driver errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DatabaseError, DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

for (const dialect of testDialects) {
  describe(`read fast paths on ${dialect}`, () => {
    let db: Sequelize;
    let Pet: ModelStatic<Model>;

    before(async () => {
      db = await connect(dialect);
      Pet = db.define('pets', { name: DataTypes.STRING, seenAt: DataTypes.DATE });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('hooks and logging added after the first findByPk are honoured', async () => {
      const pet = await Pet.create({ name: 'Cody' });
      const id = pet.get('id') as number;
      assert.equal((await Pet.findByPk(id))?.get('name'), 'Cody');
      const seen: string[] = [];
      const beforeFind = () => void seen.push('beforeFind');
      const afterFind = (found: unknown) => void seen.push(`afterFind:${(found as Model).get('name') as string}`);
      const beforeQuery = () => void seen.push('beforeQuery');
      Pet.addHook('beforeFind', beforeFind);
      Pet.addHook('afterFind', afterFind);
      db.addHook('beforeQuery', beforeQuery);
      try {
        await Pet.findByPk(id);
        assert.deepEqual(seen, ['beforeFind', 'beforeQuery', 'afterFind:Cody']);
      } finally {
        Pet.removeHook('beforeFind', beforeFind);
        Pet.removeHook('afterFind', afterFind);
        db.removeHook('beforeQuery', beforeQuery);
      }
      const logged: string[] = [];
      assert.equal((await Pet.findByPk(id, { logging: (sql: string) => logged.push(sql) }))?.get('name'), 'Cody');
      assert.equal(logged.length, 1);
      assert.match(logged[0]!, /SELECT/);
      await Pet.findByPk(id);
      assert.equal(seen.length, 3);
    });

    test('findByPk hands the same instance state as findOne: values, key order, types, clean', async () => {
      const seenAt = new Date('2024-02-29T23:59:58.123Z');
      const created = await Pet.create({ name: 'Order', seenAt });
      const id = created.get('id') as number;
      const fast = (await Pet.findByPk(id))!;
      const general = (await Pet.findOne({ where: { id } }))!;
      assert.deepEqual(Object.keys(fast.dataValues), Object.keys(general.dataValues));
      assert.deepEqual(fast.toJSON(), general.toJSON());
      assert.ok(fast.get('seenAt') instanceof Date);
      assert.equal((fast.get('seenAt') as Date).toISOString(), seenAt.toISOString());
      assert.equal(fast.changed(), false);
      assert.equal(fast.isNewRecord, false);
      fast.set('name', 'Renamed');
      assert.deepEqual(fast.changed(), ['name']);
      assert.equal(fast.previous('name'), 'Order');
      await fast.save();
      assert.equal((await Pet.findByPk(id))?.get('name'), 'Renamed');
    });

    test('findByPk reads inside the transaction passed or ambient, and refuses a finished one', async () => {
      const unmanaged = await db.transaction();
      const inside = await Pet.create({ name: 'uncommitted' }, { transaction: unmanaged });
      const id = inside.get('id') as number;
      assert.equal((await Pet.findByPk(id, { transaction: unmanaged }))?.get('name'), 'uncommitted');
      await unmanaged.rollback();
      assert.equal(await Pet.findByPk(id), null);
      await assert.rejects(Pet.findByPk(id, { transaction: unmanaged }), /rollback has been called on this transaction\(.*\), you can no longer use it/);
      await assert.rejects(db.transaction(async () => {
        const ambient = await Pet.create({ name: 'ambient' });
        assert.equal((await Pet.findByPk(ambient.get('id') as number))?.get('name'), 'ambient');
        throw new Error('undo');
      }), /undo/);
      assert.equal(await Pet.count({ where: { name: 'ambient' } }), 0);
    });

    test('concurrent managed transactions keep their ambient one after another ends, and later ones too', async () => {
      let releaseSecond!: () => void;
      const secondMayGoOn = new Promise<void>((resolve) => (releaseSecond = resolve));
      const first = db.transaction(async () => {
        await Pet.create({ name: 'first' });
      });
      // SQLite runs one transaction at a time (the second waits for the first); the others overlap them.
      const second = db.transaction(async () => {
        await secondMayGoOn;
        await Pet.create({ name: 'second' });
        throw new Error('undo second');
      });
      await first;
      releaseSecond();
      await assert.rejects(second, /undo second/);
      assert.equal(await Pet.count({ where: { name: 'first' } }), 1);
      assert.equal(await Pet.count({ where: { name: 'second' } }), 0);
      await assert.rejects(db.transaction(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await Pet.create({ name: 'third' });
        throw new Error('undo third');
      }), /undo third/);
      assert.equal(await Pet.count({ where: { name: 'third' } }), 0);
    });

    test('dates read back exactly, each a Date of its own', async () => {
      const instants = [
        new Date('2024-05-01T13:04:05.123Z'),
        new Date('1969-12-31T23:59:59.999Z'),
        new Date('2000-02-29T00:00:00.000Z'),
        new Date('1600-03-01T12:30:00.001Z'),
        new Date('9999-12-31T23:59:59.999Z'),
      ];
      for (const seenAt of instants) {
        const id = (await Pet.create({ name: 'dated', seenAt })).get('id') as number;
        const found = (await Pet.findByPk(id))!;
        assert.equal((found.get('seenAt') as Date).toISOString(), seenAt.toISOString());
        const again = (await Pet.findByPk(id))!;
        assert.notEqual(again.get('seenAt'), found.get('seenAt'));
        assert.notEqual(found.get('createdAt'), found.get('updatedAt'));
        assert.equal((found.get('createdAt') as Date).getTime(), (found.get('updatedAt') as Date).getTime());
        (found.get('seenAt') as Date).setTime(0);
        assert.equal(((await Pet.findByPk(id))!.get('seenAt') as Date).toISOString(), seenAt.toISOString());
      }
      if (dialect === 'sqlite') {
        // Text written by other programs still reads back through the general parser.
        const id = (await Pet.create({ name: 'foreign text' })).get('id') as number;
        await db.query('UPDATE pets SET "seenAt" = ? WHERE id = ?', { replacements: ['2024-05-01T13:04:05.5+02:00', id] });
        assert.equal(((await Pet.findByPk(id))!.get('seenAt') as Date).toISOString(), '2024-05-01T11:04:05.500Z');
        await db.query('UPDATE pets SET "seenAt" = ? WHERE id = ?', { replacements: ['0050-06-01 10:00:00.000 +00:00', id] });
        assert.equal(((await Pet.findByPk(id))!.get('seenAt') as Date).getUTCFullYear(), 50);
      }
    });

    test('driver errors on the fast path are still converted', async () => {
      const Gone = db.define('gone_pets', { name: DataTypes.STRING });
      await Gone.sync({ force: true });
      await Gone.create({ name: 'here' });
      assert.equal((await Gone.findByPk(1))?.get('name'), 'here');
      await Gone.drop();
      await assert.rejects(Gone.findByPk(1), (error: unknown) => error instanceof DatabaseError);
    });
  });
}
