import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Accessors = Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (list: unknown) => (list as Model[]).map((item) => item.get('name')).sort();
const selects = (statements: string[]) => statements.filter((statement) => statement.startsWith('SELECT')).length;

for (const dialect of testDialects) {
  describe(`lazy loads batched per tick on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic<Model>;
    let Owner: ModelStatic<Model>;
    let pugs: Array<Model & Accessors>;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Pug = db.define('pugs', { name: DataTypes.STRING });
      Owner = db.define('owners', { name: DataTypes.STRING });
      const Friend = db.define('friends', { name: DataTypes.STRING });
      const Toy = db.define('toys', { name: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Pug.hasMany(Toy);
      Pug.belongsToMany(Friend, { through: 'friendship' });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      await db.sync({ force: true });
      const owner = await Owner.create({ name: 'Ann' });
      pugs = (await Pug.bulkCreate([0, 1, 2, 3, 4].map((index) => ({ name: `pug${index}`, ownerId: index % 2 === 0 ? owner.get('id') : null })))) as Array<Model & Accessors>;
      const friends = await Friend.bulkCreate([0, 1, 2, 3, 4].map((index) => ({ name: `friend${index}` })));
      for (const [index, pug] of pugs.entries()) {
        await pug['addFriends']!(friends.slice(0, index));
        await Toy.bulkCreate([{ name: `toy of pug${index}`, pugId: pug.get('id') }]);
      }
    });
    after(async () => {
      await db.close();
    });

    test('Promise.all of getFriends sends one query per level, and each pug gets its own friends', async () => {
      sql.statements.length = 0;
      const results = await Promise.all(pugs.map((pug) => pug['getFriends']!()));
      assert.equal(selects(sql.statements), 2, 'one SELECT of join rows, one of friends, for five pugs');
      results.forEach((friends, index) => {
        assert.deepEqual(names(friends), [0, 1, 2, 3, 4].slice(0, index).map((n) => `friend${n}`));
        for (const friend of friends as Model[]) assert.equal((friend.get('friendship') as Model).get('pugId'), pugs[index]!.get('id'));
      });
    });

    test('hasMany and belongsTo getters batch too; calls with equal options share a query, differing ones do not', async () => {
      sql.statements.length = 0;
      const toys = await Promise.all(pugs.map((pug) => pug['getToys']!()));
      const owners = await Promise.all(pugs.map((pug) => pug['getOwner']!()));
      assert.equal(selects(sql.statements), 2);
      toys.forEach((list, index) => assert.deepEqual(names(list), [`toy of pug${index}`]));
      owners.forEach((owner, index) => assert.equal(owner === null ? null : (owner as Model).get('name'), index % 2 === 0 ? 'Ann' : null));
      sql.statements.length = 0;
      await Promise.all(pugs.map((pug) => pug['getToys']!({ where: { name: 'x' } })));
      assert.equal(selects(sql.statements), 1, 'equal options: one query');
      sql.statements.length = 0;
      const named = await Promise.all(pugs.map((pug, index) => pug['getToys']!({ where: { name: `toy of pug${index % 2}` } })));
      assert.equal(selects(sql.statements), 2, 'two distinct options: two queries');
      named.forEach((list, index) => assert.deepEqual(names(list), index < 2 ? [`toy of pug${index}`] : []));
    });
  });
}
