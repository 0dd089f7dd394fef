import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Sequelize, type Model, type ModelStatic } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Statements an app leaves outside an open unmanaged transaction (a forgotten `{ transaction: t }`). v6 runs
// them on another connection where the dialect has a pool; on SQLite's one connection they run inside the open
// transaction. Either way they must not wait for a commit that comes only after them.
const soon = <T>(work: Promise<T>, what: string) => Promise.race([
  work,
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} still waiting after 3 s`)), 3000)),
]);

for (const dialect of testDialects) {
  const oneConnection = dialect === 'sqlite';
  describe(`statements outside an open unmanaged transaction on ${dialect}`, () => {
    let sequelize: Sequelize;
    let Pug: ModelStatic<Model>;
    let Friend: ModelStatic<Model>;

    before(async () => {
      sequelize = await connect(dialect);
      Pug = sequelize.define('outsidePug', { name: DataTypes.STRING });
      Friend = sequelize.define('outsideFriend', { name: DataTypes.STRING });
      Pug.belongsToMany(Friend, { through: 'outsideFriendship' });
      Friend.belongsToMany(Pug, { through: 'outsideFriendship' });
      await sequelize.sync({ force: true });
    });
    after(async () => {
      await sequelize.close();
    });

    test('reads, writes and multi-step writes without { transaction } answer at once; on one connection they are part of the transaction, as in v6', async () => {
      const friend = await Friend.create({ name: 'f' });
      const t = await sequelize.transaction();
      const pug = await Pug.create({ name: 'in' }, { transaction: t });
      assert.equal(await soon(Pug.count(), 'count'), oneConnection ? 1 : 0);
      await soon(Pug.create({ name: 'out' }), 'create');
      // setFriends runs its statements in a transaction of its own: here, a savepoint of the open one.
      if (oneConnection) await soon((pug as unknown as { setOutsideFriends(list: unknown[]): Promise<unknown> }).setOutsideFriends([friend]), 'setFriends');
      await soon(sequelize.transaction(async () => Pug.create({ name: 'managed' })), 'a managed transaction');
      await t.rollback();
      const left = (await Pug.findAll({ order: [['name', 'ASC']] })).map((row) => row.get('name'));
      assert.deepEqual(left, oneConnection ? [] : ['managed', 'out'], 'on one connection everything was inside the rolled-back transaction');
      assert.equal(await sequelize.model('outsideFriendship').count(), 0);
      await Pug.destroy({ where: {} });
    });

    test('after commit or rollback, statements are on their own again', async () => {
      const t = await sequelize.transaction();
      await Pug.create({ name: 'kept' }, { transaction: t });
      await t.commit();
      const u = await sequelize.transaction();
      await u.rollback();
      await Pug.create({ name: 'alone' });
      assert.deepEqual((await Pug.findAll({ order: [['name', 'ASC']] })).map((row) => row.get('name')), ['alone', 'kept']);
      await Pug.destroy({ where: {} });
    });

    if (oneConnection) {
      test('a second unmanaged transaction and a managed one become savepoints of the open one; transaction: null is refused, not left waiting', async () => {
        const outer = await sequelize.transaction();
        const inner = await soon(sequelize.transaction(), 'a second unmanaged transaction');
        await Pug.create({ name: 'undone' }, { transaction: inner });
        await inner.rollback();
        await assert.rejects(sequelize.transaction(async () => {
          await Pug.create({ name: 'failed' });
          throw new Error('boom');
        }), /boom/);
        await Pug.create({ name: 'outer' });
        await assert.rejects(Pug.count({ transaction: null }), (error: Error) => error.name === 'JoineryUsageError' && /would wait for ever/.test(error.message));
        await outer.commit();
        assert.deepEqual((await Pug.findAll()).map((row) => row.get('name')), ['outer']);
        await Pug.destroy({ where: {} });
      });
    }
  });
}
