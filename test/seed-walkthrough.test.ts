import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, EagerLoadingError, Sequelize, type ModelStatic, type Model } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Accessors = Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (list: unknown) => (list as Model[]).map((item) => item.get('name')).sort();

for (const dialect of testDialects) {
  describe(`the seed walkthrough on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Owner: ModelStatic;
    let Friend: ModelStatic;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Pug = db.define('pugs', { name: DataTypes.STRING });
      Owner = db.define('owners', { name: DataTypes.STRING });
      Pug.belongsTo(Owner);
      Owner.hasMany(Pug);
      Friend = db.define('friends', { name: DataTypes.STRING });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      Pug.belongsToMany(Friend, { through: 'friendship' });
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('1. a table "friendship" with the two keys and timestamps; pugs and friends unchanged', async () => {
      const columns = Object.keys(await db.getQueryInterface().describeTable('friendship')).sort();
      assert.deepEqual(columns, ['createdAt', 'friendId', 'pugId', 'updatedAt']);
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('friends')).sort(), ['createdAt', 'id', 'name', 'updatedAt']);
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('pugs')).sort(), ['createdAt', 'id', 'name', 'ownerId', 'updatedAt']);
      const references = await db.getQueryInterface().getForeignKeyReferencesForTable('friendship');
      assert.deepEqual(references.map((reference) => reference.referencedTableName).sort(), ['friends', 'pugs']);
    });

    test('2. the generated join model is reachable and keyed by both foreign keys', () => {
      const Friendship = db.model('friendship');
      assert.equal(Friendship.tableName, 'friendship');
      assert.deepEqual([...Friendship.primaryKeyAttributes].sort(), ['friendId', 'pugId']);
      assert.deepEqual(Object.keys(Pug.associations).sort(), ['friends', 'owner']);
      assert.deepEqual(Object.keys(Friend.associations), ['pugs']);
    });

    test('3. the accessors add, get, remove and set through the join table', async () => {
      const cody = (await Pug.create({ name: 'Cody' })) as unknown as Accessors & Model;
      const [fan, walker, groomer] = await Friend.bulkCreate([{ name: 'fan' }, { name: 'walker' }, { name: 'groomer' }]);
      const added = (await cody['addFriend']!(fan)) as Model[];
      assert.equal(added.length, 1);
      assert.equal(added[0]!.get('pugId'), cody.get('id'));
      assert.equal(await cody['addFriend']!(fan), undefined, 'linking an existing pair adds nothing');
      sql.statements.length = 0;
      await cody['addFriends']!([walker, groomer]);
      assert.equal(sql.statements.filter((statement) => statement.startsWith('INSERT')).length, 1, 'addFriends is one multi-row INSERT');
      assert.deepEqual(names(await cody['getFriends']!()), ['fan', 'groomer', 'walker']);
      const [first] = (await cody['getFriends']!()) as Model[];
      assert.ok(first!.get('friendship'), 'the join row rides along as friend.friendship');
      assert.equal(await cody['countFriends']!(), 3);
      assert.equal(await cody['hasFriend']!(fan), true);
      assert.equal(await cody['removeFriend']!(groomer), 1);
      assert.equal(await cody['removeFriends']!([walker]), 1);
      assert.deepEqual(names(await cody['getFriends']!()), ['fan']);
      const friend = walker as unknown as Accessors;
      await friend['setPugs']!([cody]);
      assert.deepEqual(names(await friend['getPugs']!()), ['Cody']);
      await assert.rejects(cody['addFriend']!(cody), /expects friends instances/);
    });

    test('a failing setFriends leaves the join table as it was', async () => {
      const pug = (await Pug.create({ name: 'Atomic' })) as unknown as Accessors & Model;
      const [a, b] = await Friend.bulkCreate([{ name: 'a' }, { name: 'b' }]);
      await pug['setFriends']!([a]);
      await assert.rejects(pug['setFriends']!([b, 999999]));
      assert.deepEqual(names(await pug['getFriends']!()), ['a']);
    });

    test('one-to-many accessors', async () => {
      const owner = (await Owner.create({ name: 'Ann' })) as unknown as Accessors & Model;
      const [p1, p2] = await Pug.bulkCreate([{ name: 'p1' }, { name: 'p2' }]);
      await owner['setPugs']!([p1, p2]);
      assert.deepEqual(names(await owner['getPugs']!()), ['p1', 'p2']);
      assert.equal(await owner['countPugs']!(), 2);
      const pug = (await p1!.reload()) as unknown as Accessors;
      assert.equal(((await pug['getOwner']!()) as Model).get('name'), 'Ann');
      await owner['removePug']!(p2);
      assert.deepEqual(names(await owner['getPugs']!()), ['p1']);
    });

    test('4. findAll({ include }) nests friends under each pug, in both directions', async () => {
      await db.model('friendship').destroy({ where: {} });
      await Pug.destroy({ where: {} });
      await Friend.destroy({ where: {} });
      const cody = (await Pug.create({ name: 'Cody' })) as unknown as Accessors & Model;
      const lonely = await Pug.create({ name: 'Lonely' });
      const fan = await Friend.create({ name: 'CodyFan <3' });
      await cody['addFriend']!(fan);
      const pugs = await Pug.findAll({ include: [{ model: Friend }], order: [['name', 'ASC']] });
      const json = pugs.map((pug) => pug.toJSON()) as Array<Record<string, unknown>>;
      assert.equal(json[0]!['name'], 'Cody');
      const friends = json[0]!['friends'] as Array<Record<string, unknown>>;
      assert.equal(friends.length, 1);
      assert.equal(friends[0]!['name'], 'CodyFan <3');
      assert.equal((friends[0]!['friendship'] as Record<string, unknown>)['pugId'], cody.get('id'));
      assert.deepEqual(json[1]!['friends'], []);
      assert.equal((pugs[0] as unknown as { friends: Model[] }).friends.length, 1, 'the include is also the property pug.friends');
      assert.equal(lonely.get('name'), 'Lonely');
      const withPugs = await Friend.findAll({ include: [Pug] });
      assert.deepEqual(names(withPugs[0]!.get('pugs')), ['Cody']);
      const withOwner = await Pug.findAll({ include: [Owner] });
      assert.equal(withOwner[0]!.get('owner'), null);
    });

    test('including a model that is not associated names both models', async () => {
      const Toy = db.define('toy', { name: DataTypes.STRING });
      await assert.rejects(Pug.findAll({ include: [Toy] }), (error: unknown) => {
        assert.ok(error instanceof EagerLoadingError);
        assert.match(error.message, /toy is not associated to pugs/);
        return true;
      });
    });
  });
}
