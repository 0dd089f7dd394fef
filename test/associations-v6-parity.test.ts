import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, Model, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Behaviour compared against sequelize@6 with the same scripts on every dialect (class-style models).
for (const dialect of testDialects) {
  describe(`associations as sequelize@6 has them (differential cases) on ${dialect}`, () => {
    let db: Sequelize;
    class Owner extends Model {}
    class Pug extends Model {}
    class Friendship extends Model {}

    before(async () => {
      db = await connect(dialect);
      Owner.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'owner' });
      Pug.init({ name: DataTypes.STRING }, { sequelize: db, modelName: 'pug' });
      Friendship.init({ level: DataTypes.INTEGER }, { sequelize: db, modelName: 'friendship' });
      Owner.hasMany(Pug);
      Pug.belongsTo(Owner);
      Pug.belongsToMany(Pug, { as: 'friends', through: Friendship, foreignKey: 'pugId', otherKey: 'friendId' });
      await db.sync({ force: true });
      const owner = await Owner.create({ name: 'Ann' });
      const [a, b] = await Pug.bulkCreate([{ name: 'a', ownerId: owner.get('id') }, { name: 'b', ownerId: owner.get('id') }]);
      await (a as unknown as { addFriend(friend: Pug, options: object): Promise<unknown> }).addFriend(b!, { through: { level: 2 } });
    });
    after(() => db.close());

    test('include: { all: true } also takes a self-referencing belongsToMany (Pug friends)', async () => {
      const [first] = await Pug.findAll({ include: [{ all: true }], order: [['id', 'ASC']] });
      const json = first!.toJSON() as Record<string, unknown>;
      assert.deepEqual(Object.keys(json).filter((key) => ['owner', 'friends'].includes(key)), ['owner', 'friends']);
      const friends = json['friends'] as Array<{ name: string; friendship: { level: number } }>;
      assert.deepEqual(friends.map((friend) => [friend.name, friend.friendship.level]), [['b', 2]]);
    });

    test('include: { all: true, nested: true } goes into the self-association once, not back into the owner', async () => {
      const [first] = await Pug.findAll({ include: [{ all: true, nested: true }], order: [['id', 'ASC']] });
      const friend = (first!.toJSON() as { friends: Array<Record<string, unknown>> }).friends[0]!;
      assert.equal(friend['name'], 'b');
      assert.ok('owner' in friend && !('friends' in friend));
      const [ann] = await Owner.findAll({ include: [{ all: true, nested: true }] });
      const pug = (ann!.toJSON() as { pugs: Array<Record<string, unknown>> }).pugs[0]!;
      assert.ok('friends' in pug && !('owner' in pug));
    });
  });
}
