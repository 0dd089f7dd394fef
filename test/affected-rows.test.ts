import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DataTypes, OptimisticLockError, QueryTypes, Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Record<string, unknown> & { get(key: string): unknown; save(): Promise<unknown>; changed(key: string, value: boolean): void };

/**
 * Affected-row counts as Sequelize v6 reports them. On MySQL/MariaDB v6 connects without CLIENT_FOUND_ROWS, so an
 * UPDATE counts the rows it changed (an UPDATE writing the values a row already holds counts 0); SQLite and
 * PostgreSQL count the rows an UPDATE matched.
 */
for (const dialect of testDialects) {
  describe(`affected-row counts on ${dialect}`, () => {
    const countsChanged = dialect === 'mysql' || dialect === 'mariadb';
    /** The count v6 reports for `matched` rows of which `changed` get new values. */
    const count = (matched: number, changed: number) => (countsChanged ? changed : matched);
    let sequelize: Sequelize;
    let Item: ReturnType<typeof defineItem>;
    let Versioned: ReturnType<typeof defineVersioned>;

    function defineItem() {
      return sequelize.define('item', { name: { type: DataTypes.STRING, unique: true }, n: DataTypes.INTEGER }, { timestamps: false });
    }
    function defineVersioned() {
      return sequelize.define('versioned', { n: DataTypes.INTEGER }, { version: true, timestamps: false });
    }
    const table = () => sequelize.getQueryInterface().quoteIdentifier('items');

    before(async () => {
      sequelize = await connect(dialect);
    });
    beforeEach(async () => {
      Item = defineItem();
      Versioned = defineVersioned();
      await sequelize.sync({ force: true });
      await Item.bulkCreate([{ name: 'a', n: 1 }, { name: 'b', n: 1 }, { name: 'c', n: 2 }]);
    });
    after(async () => {
      await sequelize.close();
    });

    test('Model.update resolves [n] with the rows it changed (MySQL) or matched', async () => {
      assert.deepEqual(await Item.update({ n: 1 }, { where: { n: 1 } }), [count(2, 0)]);
      assert.deepEqual(await Item.update({ n: 2 }, { where: {} }), [count(3, 2)]);
      assert.deepEqual(await Item.update({ n: 3 }, { where: {} }), [3]);
      assert.deepEqual(await Item.update({ n: 3 }, { where: { n: 99 } }), [0]);
      assert.deepEqual((await Item.findAll({ order: [['name', 'ASC']] })).map((row) => row.get('n')), [3, 3, 3]);
    });

    test('Model.update with individualHooks: the changed rows when every record changes alike, else the records', async () => {
      // Two of three rows already hold 1: the records' changes differ, v6 saves them one by one and counts them.
      const [mixed, records] = await Item.update({ n: 1 }, { where: {}, individualHooks: true });
      assert.deepEqual([mixed, records!.length], [3, 3]);
      const [same] = await Item.update({ n: 1 }, { where: {}, individualHooks: true });
      assert.equal(same, count(3, 0));
      const [all] = await Item.update({ n: 4 }, { where: {}, individualHooks: true });
      assert.equal(all, 3);
      assert.deepEqual((await Item.findAll()).map((row) => row.get('n')), [4, 4, 4]);
    });

    test('Model.increment and decrement by 0 count no changed row on MySQL', async () => {
      const [[, unchanged]] = await Item.increment('n', { by: 0, where: {} });
      assert.equal(unchanged, count(3, 0));
      const [[, decremented]] = await Item.decrement('n', { by: 0, where: { n: 1 } });
      assert.equal(decremented, count(2, 0));
      const [[, incremented]] = await Item.increment('n', { by: 1, where: {} });
      assert.equal(incremented, 3);
    });

    test('queryInterface.bulkUpdate and sequelize.query UPDATE/BULKUPDATE', async () => {
      const qi = sequelize.getQueryInterface();
      assert.equal(await qi.bulkUpdate('items', { n: 1 }, { n: 1 }), count(2, 0));
      assert.equal(await qi.bulkUpdate('items', { n: 5 }, { n: 1 }), 2);
      const [, unchanged] = (await sequelize.query(`UPDATE ${table()} SET n = 5 WHERE n = 5`, { type: QueryTypes.UPDATE })) as unknown as [unknown, number];
      assert.equal(unchanged, count(2, 0));
      const [, changed] = (await sequelize.query(`UPDATE ${table()} SET n = 6`, { type: QueryTypes.UPDATE })) as unknown as [unknown, number];
      assert.equal(changed, 3);
      assert.equal(await sequelize.query(`UPDATE ${table()} SET n = 6`, { type: QueryTypes.BULKUPDATE }), count(3, 0));
      if (countsChanged) {
        // The raw result is the driver's header, as in v6: affectedRows counts changed rows.
        const [, header] = (await sequelize.query(`UPDATE ${table()} SET n = 6`)) as unknown as [unknown, { affectedRows: number }];
        assert.equal(header.affectedRows, 0);
      }
    });

    test('upsert: created is true for an insert only; an unchanged update is not created', async () => {
      const created = (await Item.upsert({ name: 'z', n: 1 }))[1];
      const changed = (await Item.upsert({ name: 'z', n: 2 }))[1];
      const unchanged = (await Item.upsert({ name: 'z', n: 2 }))[1];
      if (countsChanged) assert.deepEqual([created, changed, unchanged], [true, false, false]);
      else assert.deepEqual([created, changed, unchanged], [null, null, null]);
      assert.equal(await Item.count({ where: { name: 'z' } }), 1);
      assert.equal((await Item.findOne({ where: { name: 'z' } }))!.get('n'), 2);
    });

    test('findOrCreate still finds, then creates', async () => {
      const [found, foundCreated] = await Item.findOrCreate({ where: { name: 'a' }, defaults: { n: 9 } });
      assert.deepEqual([found.get('n'), foundCreated], [1, false]);
      const [made, madeCreated] = await Item.findOrCreate({ where: { name: 'y' }, defaults: { n: 9 } });
      assert.deepEqual([made.get('n'), madeCreated], [9, true]);
    });

    test('optimistic locking: a save that rewrites the same value still bumps the version; a stale one throws', async () => {
      const first = (await Versioned.create({ n: 1 })) as unknown as Row;
      const stale = (await Versioned.findByPk(first.get('id') as number)) as unknown as Row;
      first.changed('n', true);
      await first.save();
      assert.equal((await Versioned.findByPk(first.get('id') as number))!.get('version'), 1);
      first.set('n', 2);
      await first.save();
      assert.equal(first.get('version'), 2);
      stale.set('n', 3);
      await assert.rejects(stale.save(), OptimisticLockError);
      assert.equal((await Versioned.findByPk(first.get('id') as number))!.get('n'), 2);
      const [[, bumped]] = await Versioned.increment('n', { by: 0, where: {} });
      assert.equal(bumped, 1);
    });

    test('belongsToMany set with unchanged through values updates no join row on MySQL', async () => {
      const User = sequelize.define('user', { name: DataTypes.STRING }, { timestamps: false });
      const Friendship = sequelize.define('friendship', { kind: DataTypes.STRING }, { timestamps: false });
      User.belongsToMany(User, { as: 'friends', through: Friendship });
      await sequelize.sync({ force: true });
      const [u1, u2, u3] = await User.bulkCreate([{ name: 'u1' }, { name: 'u2' }, { name: 'u3' }]);
      const owner = u1 as unknown as { setFriends(friends: unknown[], options: object): Promise<unknown> };
      await owner.setFriends([u2, u3], { through: { kind: 'x' } });
      assert.deepEqual(await owner.setFriends([u2, u3], { through: { kind: 'x' } }), [[count(1, 0)], [count(1, 0)]]);
      assert.deepEqual(await owner.setFriends([u2, u3], { through: { kind: 'y' } }), [[1], [1]]);
      assert.deepEqual((await Friendship.findAll()).map((row) => row.get('kind')), ['y', 'y']);
    });
  });
}
