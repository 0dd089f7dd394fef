import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;

// Which hooks the read accessors run, as sequelize@6 runs them: the target's find hooks, never the join model's.
for (const dialect of testDialects) {
  describe(`hooks the association read accessors run, as v6, on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Toy: ModelStatic;
    let Friend: ModelStatic;
    let Friendship: ModelStatic;
    const fired: string[] = [];
    let pug: Row;

    before(async () => {
      db = await connect(dialect);
      Pug = db.define('pug', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING, tenant: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING, tenant: DataTypes.STRING });
      Friendship = db.define('friendship', {});
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: Friendship });
      await db.sync({ force: true });
      pug = (await Pug.create({ name: 'Cody' })) as Row;
      await pug['addToys']!(await Toy.bulkCreate([{ name: 'a', tenant: 't1' }, { name: 'b', tenant: 't2' }]));
      await pug['addFriends']!(await Friend.bulkCreate([{ name: 'x', tenant: 't1' }, { name: 'y', tenant: 't2' }]));
      // A tenant filter of the kind v6 users add in beforeFind.
      for (const model of [Toy, Friend]) {
        model.addHook('beforeFind', (options: { where?: object }) => {
          fired.push(`${model.name}.beforeFind`);
          options.where = { ...(options.where ?? {}), tenant: 't1' };
        });
        model.addHook('beforeCount', () => { fired.push(`${model.name}.beforeCount`); });
      }
      Friendship.addHook('beforeFind', () => { fired.push('friendship.beforeFind'); });
    });
    after(() => db.close());

    test('countToys runs the target beforeFind (its condition counts), not beforeCount', async () => {
      fired.length = 0;
      assert.equal(await pug['countToys']!(), 1);
      assert.deepEqual(fired, ['toy.beforeFind']);
    });

    test('getFriends / countFriends / hasFriend run the target find hooks and not the join model\'s', async () => {
      fired.length = 0;
      assert.deepEqual(((await pug['getFriends']!()) as Model[]).map((friend) => friend.get('name')), ['x']);
      assert.deepEqual(fired, ['friend.beforeFind']);
      fired.length = 0;
      assert.equal(await pug['countFriends']!(), 1);
      assert.deepEqual(fired, ['friend.beforeFind']);
      const y = await Friend.unscoped().findOne({ where: { name: 'y' }, hooks: false });
      fired.length = 0;
      assert.equal(await pug['hasFriend']!(y), false);
      assert.deepEqual(fired, ['friend.beforeFind']);
    });
  });
}
