// Include levels read their rows as arrays where the driver offers them (SQLite) and as objects elsewhere.
// Pins what the positional reading must keep: each child's own values and types, its join row, and the parent
// it belongs to, with attribute subsets, join-table attribute subsets and a nested level.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

type Loaded = Model & Record<string, unknown>;

for (const dialect of testDialects) {
  describe(`include level rows on ${dialect}`, () => {
    let db: Sequelize;

    before(async () => {
      db = await connect(dialect);
      const Pug = db.define('pugs', { name: DataTypes.STRING });
      const Friend = db.define('friends', { name: DataTypes.STRING, good: DataTypes.BOOLEAN, tags: DataTypes.JSON, born: DataTypes.DATE });
      const Toy = db.define('toys', { name: DataTypes.STRING, price: DataTypes.INTEGER });
      const Friendship = db.define('friendship', { level: DataTypes.INTEGER, since: DataTypes.DATE });
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      Friend.hasMany(Toy);
      await db.sync({ force: true });
      const [cody, doug] = await Pug.bulkCreate([{ name: 'Cody' }, { name: 'Doug' }]);
      const [ann, bob] = await Friend.bulkCreate([
        { name: 'Ann', good: true, tags: { likes: ['walks'] }, born: new Date('2020-01-02T03:04:05.006Z') },
        { name: 'Bob', good: false, tags: [1, 2], born: new Date('2021-06-07T08:09:10.011Z') },
      ]);
      await Friendship.bulkCreate([
        { pugId: cody!.get('id'), friendId: ann!.get('id'), level: 1, since: new Date('2024-01-01T00:00:00.000Z') },
        { pugId: cody!.get('id'), friendId: bob!.get('id'), level: 2, since: new Date('2024-02-01T00:00:00.000Z') },
        { pugId: doug!.get('id'), friendId: bob!.get('id'), level: 3, since: new Date('2024-03-01T00:00:00.000Z') },
      ]);
      await Toy.bulkCreate([{ name: 'ball', price: 3, friendId: ann!.get('id') }, { name: 'rope', price: 5, friendId: bob!.get('id') }]);
    });
    after(async () => {
      await db.close();
    });

    test('children keep their values, types and join rows, stitched to the right parent', async () => {
      const pugs = (await db.model('pugs').findAll({ include: [{ model: db.model('friends') }], order: [['id', 'ASC']] })) as Loaded[];
      const summary = pugs.map((pug) => [pug.get('name'), (pug.get('friends') as Loaded[]).map((friend) => friend.get('name')).sort()]);
      assert.deepEqual(summary, [['Cody', ['Ann', 'Bob']], ['Doug', ['Bob']]]);
      const ann = (pugs[0]!.get('friends') as Loaded[]).find((friend) => friend.get('name') === 'Ann')!;
      assert.equal(ann.get('good'), true);
      assert.deepEqual(ann.get('tags'), { likes: ['walks'] });
      assert.ok(ann.get('born') instanceof Date);
      assert.equal((ann.get('born') as Date).toISOString(), '2020-01-02T03:04:05.006Z');
      const link = ann.get('friendship') as Loaded;
      assert.equal(link.get('level'), 1);
      assert.equal((link.get('since') as Date).toISOString(), '2024-01-01T00:00:00.000Z');
      const bobOfDoug = (pugs[1]!.get('friends') as Loaded[])[0]!;
      assert.equal(bobOfDoug.get('good'), false);
      assert.equal((bobOfDoug.get('friendship') as Loaded).get('level'), 3);
    });

    test('attribute subsets of the child and of the join row, and a nested level, read the right columns', async () => {
      const pugs = (await db.model('pugs').findAll({
        include: [{ model: db.model('friends'), attributes: ['born', 'name'], through: { attributes: ['level'] }, include: [{ model: db.model('toys'), attributes: ['price'] }] }],
        order: [['id', 'ASC']],
      })) as Loaded[];
      const friends = (pugs[0]!.get('friends') as Loaded[]).sort((a, b) => String(a.get('name')).localeCompare(String(b.get('name'))));
      assert.deepEqual(friends.map((friend) => Object.keys(friend.toJSON()).filter((key) => key !== 'friendship' && key !== 'toys').sort()), [['born', 'name'], ['born', 'name']]);
      assert.deepEqual(friends.map((friend) => (friend.get('friendship') as Loaded).toJSON()), [{ level: 1 }, { level: 2 }]);
      assert.deepEqual(friends.map((friend) => (friend.get('toys') as Loaded[]).map((toy) => toy.get('price'))), [[3], [5]]);
      assert.ok(friends[1]!.get('born') instanceof Date);
    });
  });
}
