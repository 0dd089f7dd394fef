// Include levels are read the way the dialect reads many rows cheapest: one JSON document per level on SQLite
// (falling back to plain rows for REAL/BLOB columns, computed columns and BLOBs in text columns), plain rows
// elsewhere. Pins what every strategy must hand back alike: dataValues keys in order, the join row, child order,
// empty lists and null belongsTo, dates/JSON/booleans/awkward text in children, nested levels, instance state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Loaded = Model & Record<string, unknown>;
const awkward = `it's "quoted" \\ back\nslash é 😀`;

for (const dialect of testDialects) {
  describe(`include level strategies on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic<Model>;
    let Friend: ModelStatic<Model>;
    let Toy: ModelStatic<Model>;
    let Owner: ModelStatic<Model>;
    let Reading: ModelStatic<Model>;
    const capture = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: capture.logging });
      Owner = db.define('owners', { name: DataTypes.STRING });
      Pug = db.define('pugs', { name: DataTypes.STRING });
      Friend = db.define('friends', { name: DataTypes.STRING, good: DataTypes.BOOLEAN, tags: DataTypes.JSON, born: DataTypes.DATE, day: DataTypes.DATEONLY });
      Toy = db.define('toys', { name: DataTypes.STRING, rank: DataTypes.INTEGER });
      Reading = db.define('readings', { value: DataTypes.DOUBLE, raw: DataTypes.BLOB });
      const Friendship = db.define('friendship', { level: DataTypes.INTEGER, since: DataTypes.DATE, note: DataTypes.TEXT });
      Pug.belongsToMany(Friend, { through: Friendship });
      Friend.belongsToMany(Pug, { through: Friendship });
      Friend.hasMany(Toy);
      Toy.belongsTo(Owner);
      Pug.hasMany(Reading);
      await db.sync({ force: true });
      const [cody, doug] = await Pug.bulkCreate([{ name: 'Cody' }, { name: 'Doug' }, { name: 'Lonely' }]);
      const [ann, bob, cat] = await Friend.bulkCreate([
        { name: awkward, good: true, tags: { likes: ['walks', null], n: 1.5 }, born: new Date('2020-01-02T03:04:05.006Z'), day: '2020-01-02' },
        { name: 'Bob', good: false, tags: '0', born: null, day: null },
        { name: 'Cat', good: null, tags: null, born: new Date('1999-12-31T23:59:59.999Z'), day: '1999-12-31' },
      ]);
      await Friendship.bulkCreate([
        { pugId: cody!.get('id'), friendId: ann!.get('id'), level: 1, since: new Date('2024-01-01T00:00:00.000Z'), note: awkward },
        { pugId: cody!.get('id'), friendId: bob!.get('id'), level: 3, since: null, note: null },
        { pugId: cody!.get('id'), friendId: cat!.get('id'), level: 2, since: new Date('2024-02-01T00:00:00.000Z'), note: 'c' },
        { pugId: doug!.get('id'), friendId: bob!.get('id'), level: 4, since: new Date('2024-03-01T00:00:00.000Z'), note: 'd' },
      ]);
      const [alice] = await Owner.bulkCreate([{ name: 'Alice' }]);
      await Toy.bulkCreate([
        { name: 'ball', rank: 2, friendId: ann!.get('id'), ownerId: alice!.get('id') },
        { name: 'rope', rank: 1, friendId: ann!.get('id'), ownerId: null },
        { name: 'bone', rank: 3, friendId: bob!.get('id'), ownerId: alice!.get('id') },
      ]);
      await Reading.bulkCreate([
        { value: 0.1 + 0.2, raw: Buffer.from([0, 255, 1]), pugId: cody!.get('id') },
        { value: 1e300, raw: null, pugId: cody!.get('id') },
      ]);
    });
    after(async () => {
      await db.close();
    });

    const byName = (list: Loaded[]) => list.map((item) => item.get('name'));

    test('children carry their values, types and join row, dataValues keys in order, per parent, empty lists too', async () => {
      const pugs = (await Pug.findAll({ include: [{ model: Friend }], order: [['id', 'ASC'], [Friend, 'name', 'ASC']] })) as Loaded[];
      assert.deepEqual(pugs.map((pug) => [pug.get('name'), byName(pug.get('friends') as Loaded[])]), [['Cody', ['Bob', 'Cat', awkward]], ['Doug', ['Bob']], ['Lonely', []]]);
      const [bob, cat, ann] = pugs[0]!.get('friends') as Loaded[];
      assert.deepEqual(Object.keys(ann!.dataValues), ['id', 'name', 'good', 'tags', 'born', 'day', 'createdAt', 'updatedAt', 'friendship']);
      assert.ok(Object.prototype.hasOwnProperty.call(ann, 'friendship'));
      assert.equal(ann!.get('name'), awkward);
      assert.equal(ann!.get('good'), true);
      assert.deepEqual(ann!.get('tags'), { likes: ['walks', null], n: 1.5 });
      assert.equal((ann!.get('born') as Date).toISOString(), '2020-01-02T03:04:05.006Z');
      assert.equal(ann!.get('day'), '2020-01-02');
      assert.ok(ann!.get('createdAt') instanceof Date);
      assert.deepEqual([bob!.get('good'), bob!.get('tags'), bob!.get('born'), bob!.get('day')], [false, '0', null, null]);
      assert.deepEqual([cat!.get('good'), cat!.get('tags'), (cat!.get('born') as Date).toISOString()], [null, null, '1999-12-31T23:59:59.999Z']);
      const link = ann!.get('friendship') as Loaded;
      assert.deepEqual(Object.keys(link.dataValues), ['level', 'since', 'note', 'createdAt', 'updatedAt', 'pugId', 'friendId']);
      assert.deepEqual([link.get('level'), (link.get('since') as Date).toISOString(), link.get('note'), link.get('pugId')], [1, '2024-01-01T00:00:00.000Z', awkward, pugs[0]!.get('id')]);
      assert.equal((bob!.get('friendship') as Loaded).get('since'), null);
      const json = pugs[0]!.toJSON() as { friends: Array<Record<string, unknown>> };
      assert.equal(json.friends[2]!['name'], awkward);
      assert.deepEqual(Object.keys(json.friends[2]!['friendship'] as object), ['level', 'since', 'note', 'createdAt', 'updatedAt', 'pugId', 'friendId']);
      assert.equal(((pugs[1]!.get('friends') as Loaded[])[0]!.get('friendship') as Loaded).get('level'), 4);
    });

    test('children come in the include order, by a join-table column and under a per-parent limit', async () => {
      const desc = (await Pug.findAll({ where: { name: 'Cody' }, include: [{ model: Friend }], order: [[Friend, 'name', 'DESC']] })) as Loaded[];
      assert.deepEqual(byName(desc[0]!.get('friends') as Loaded[]), [awkward, 'Cat', 'Bob']);
      const byLevel = (await Pug.findAll({ where: { name: 'Cody' }, include: [{ model: Friend }], order: [[Friend, db.model('friendship'), 'level', 'DESC']] })) as Loaded[];
      assert.deepEqual((byLevel[0]!.get('friends') as Loaded[]).map((friend) => (friend.get('friendship') as Loaded).get('level')), [3, 2, 1]);
      const limited = (await Pug.findAll({ include: [{ model: Friend, limit: 2, order: [['name', 'ASC']] }], order: [['id', 'ASC']] })) as Loaded[];
      assert.deepEqual(limited.map((pug) => byName(pug.get('friends') as Loaded[])), [['Bob', 'Cat'], ['Bob'], []]);
    });

    test('nested levels, null belongsTo, aliased attributes and a join-row subset read alike', async () => {
      const pugs = (await Pug.findAll({
        where: { name: 'Cody' },
        include: [{
          model: Friend, attributes: [['name', "it's"], 'id'], through: { attributes: ['level'] },
          include: [{ model: Toy, include: [{ model: Owner }] }],
        }],
        order: [[Friend, 'name', 'ASC'], [Friend, Toy, 'rank', 'ASC']],
      })) as Loaded[];
      const friends = pugs[0]!.get('friends') as Loaded[];
      assert.deepEqual(friends.map((friend) => Object.keys(friend.dataValues)), [["it's", 'id', 'friendship', 'toys'], ["it's", 'id', 'friendship', 'toys'], ["it's", 'id', 'friendship', 'toys']]);
      assert.deepEqual(friends.map((friend) => friend.get("it's")), ['Bob', 'Cat', awkward]);
      assert.deepEqual(friends.map((friend) => (friend.get('friendship') as Loaded).toJSON()), [{ level: 3 }, { level: 2 }, { level: 1 }]);
      const toys = friends[2]!.get('toys') as Loaded[];
      assert.deepEqual(byName(toys), ['rope', 'ball']);
      assert.equal(toys[0]!.get('owner'), null);
      assert.equal((toys[1]!.get('owner') as Loaded).get('name'), 'Alice');
      assert.deepEqual(friends[1]!.get('toys'), []);
    });

    test('REAL and BLOB children read back exactly', async () => {
      const pugs = (await Pug.findAll({ where: { name: 'Cody' }, include: [{ model: Reading }], order: [[Reading, 'id', 'ASC']] })) as Loaded[];
      const readings = pugs[0]!.get('readings') as Loaded[];
      assert.equal(readings[0]!.get('value'), 0.1 + 0.2);
      assert.equal(readings[1]!.get('value'), 1e300);
      assert.deepEqual([...(readings[0]!.get('raw') as Buffer)], [0, 255, 1]);
      assert.equal(readings[1]!.get('raw'), null);
    });

    test('loaded children are clean, stored instances that save only what changes', async () => {
      const pugs = (await Pug.findAll({ where: { name: 'Doug' }, include: [{ model: Friend }] })) as Loaded[];
      const bob = (pugs[0]!.get('friends') as Loaded[])[0]!;
      const link = bob.get('friendship') as Loaded;
      assert.deepEqual([bob.isNewRecord, bob.changed(), link.isNewRecord, link.changed()], [false, false, false, false]);
      bob.set('good', true);
      assert.deepEqual(bob.changed(), ['good']);
      await bob.save();
      assert.equal(((await Friend.findByPk(bob.get('id') as number)) as Loaded).get('good'), true);
      bob.set('good', false);
      await bob.save();
    });

    if (dialect === 'sqlite') {
      test('SQLite reads a level as one JSON document, and REAL/BLOB levels or BLOBs in text as plain rows', async () => {
        capture.statements.length = 0;
        await Pug.findAll({ include: [{ model: Friend, include: [Toy] }] });
        assert.equal(capture.statements.filter((text) => text.includes('json_group_array')).length, 2);
        capture.statements.length = 0;
        await Pug.findAll({ include: [Reading] });
        assert.equal(capture.statements.filter((text) => text.includes('json_group_array')).length, 0);
        const ann = (await Friend.findOne({ where: { name: awkward } })) as Loaded;
        await db.query('UPDATE friends SET name = ? WHERE id = ?', { replacements: [Buffer.from('blob'), ann.get('id')] });
        try {
          const pugs = (await Pug.findAll({ where: { name: 'Cody' }, include: [{ model: Friend }], order: [[Friend, 'id', 'ASC']] })) as Loaded[];
          const name = (pugs[0]!.get('friends') as Loaded[])[0]!.get('name');
          assert.ok(Buffer.isBuffer(name));
          assert.equal((name as Buffer).toString(), 'blob');
        } finally {
          await db.query('UPDATE friends SET name = ? WHERE id = ?', { replacements: [awkward, ann.get('id')] });
        }
      });
    }
  });
}

for (const dialect of testDialects) {
  describe(`addFriends without join values on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect);
      const Pug = db.define('pugs', { name: DataTypes.STRING });
      const Friend = db.define('friends', { name: DataTypes.STRING });
      Pug.belongsToMany(Friend, { through: 'friendship' });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('inserts only the missing pairs and resolves with their join rows, keys first', async () => {
      const pug = (await db.model('pugs').create({ name: 'Cody' })) as Loaded;
      const friends = (await db.model('friends').bulkCreate([{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cat' }])) as Loaded[];
      await (pug['addFriend'] as (f: unknown) => Promise<unknown>)(friends[0]);
      const added = (await (pug['addFriends'] as (f: unknown) => Promise<Loaded[]>)(friends)) as Loaded[];
      assert.deepEqual(added.map((row) => row.get('friendId')), [friends[1]!.get('id'), friends[2]!.get('id')]);
      assert.deepEqual(Object.keys(added[0]!.dataValues).slice(0, 2), ['pugId', 'friendId']);
      assert.deepEqual([added[0]!.isNewRecord, added[0]!.get('pugId')], [false, pug.get('id')]);
      assert.equal(await db.model('friendship').count(), 3);
      assert.equal(await (pug['addFriends'] as (f: unknown) => Promise<unknown>)(friends), undefined);
    });
  });
}
