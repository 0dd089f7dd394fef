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
      await t.rollback();
      const left = (await Pug.findAll({ order: [['name', 'ASC']] })).map((row) => row.get('name'));
      assert.deepEqual(left, oneConnection ? [] : ['out'], 'on one connection everything was inside the rolled-back transaction');
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
      test('a multi-step write that fails rolls back its own part only (a savepoint); transaction: null is refused, not left waiting', async () => {
        const friend = await Friend.create({ name: 'g' });
        const outer = await sequelize.transaction();
        const pug = (await Pug.create({ name: 'outer' })) as unknown as { setOutsideFriends(list: unknown[]): Promise<unknown> };
        await soon(pug.setOutsideFriends([friend]), 'setFriends');
        // Its DELETE of the old link runs, then the INSERT of a friend that does not exist fails: the link is back.
        await assert.rejects(soon(pug.setOutsideFriends([999_999]), 'a failing setFriends'), (error: Error) => error.name === 'SequelizeForeignKeyConstraintError');
        assert.equal(await sequelize.model('outsideFriendship').count(), 1);
        await assert.rejects(Pug.count({ transaction: null }), (error: Error) => error.name === 'JoineryUsageError' && /would wait for ever/.test(error.message));
        await outer.commit();
        assert.deepEqual((await Pug.findAll()).map((row) => row.get('name')), ['outer']);
        assert.equal(await sequelize.model('outsideFriendship').count(), 1);
        await sequelize.model('outsideFriendship').destroy({ where: {} });
        await Pug.destroy({ where: {} });
      });

      test('a managed transaction begun meanwhile still waits for the unmanaged one, as a unit of work of its own', async () => {
        const outer = await sequelize.transaction();
        await Pug.create({ name: 'first' }, { transaction: outer });
        const later = sequelize.transaction(async (t) => Pug.count({ transaction: t }));
        await new Promise((resolve) => setTimeout(resolve, 30));
        await outer.commit();
        assert.equal(await later, 1);
        await Pug.destroy({ where: {} });
      });
    }
  });
}
