// The typed forms at run time: `associate()` wires the same associations as the plain calls, so the accessors and
// include properties its types promise exist; the class style rejects public class fields that shadow attributes.
// Type-checked as well (test/types/tsconfig.json includes this file), so the calls below are the typed ones.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssociationError, DataTypes, Model, UsageError, associate, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

function defineSchema(db: Sequelize) {
  return associate(
    {
      Pug: db.define('pugs', { name: { type: DataTypes.STRING, allowNull: false } }),
      Owner: db.define('owners', { name: DataTypes.STRING }),
      Friend: db.define('friends', { name: DataTypes.STRING }),
      Walker: db.define('walker', { name: DataTypes.STRING }),
    },
    [
      ['Pug', 'belongsTo', 'Owner'],
      ['Owner', 'hasMany', 'Pug'],
      ['Friend', 'belongsToMany', 'Pug', { through: 'friendship' }],
      ['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }],
      ['Pug', 'belongsTo', 'Walker', { as: 'companion' }],
    ],
  );
}

for (const dialect of testDialects) {
  describe(`associate() and the class style on ${dialect}`, () => {
    let db: Sequelize;
    let schema: ReturnType<typeof defineSchema>;

    before(async () => {
      db = await connect(dialect);
      schema = defineSchema(db);
      await db.sync({ force: true });
    });
    after(async () => {
      await db.close();
    });

    test('associate() makes the plain association calls, under the names its types derive', () => {
      const { Pug, Owner, Friend } = schema;
      assert.deepEqual(Object.keys(Pug.associations).sort(), ['companion', 'friends', 'owner']);
      assert.deepEqual(Object.keys(Owner.associations), ['pugs']);
      assert.deepEqual(Object.keys(Friend.associations), ['pugs']);
      assert.ok(Pug.getAttributes()['ownerId'], 'belongsTo adds ownerId to pugs');
      assert.ok(Pug.getAttributes()['companionId'], '`as` names the foreign key');
      assert.equal(db.model('friendship').name, 'friendship');
    });

    test('the typed accessors work: get, set, add, count, has, remove, create', async () => {
      const { Pug, Owner, Friend, Walker } = schema;
      const owner = await Owner.create({ name: 'Ann' });
      const pug = await Pug.create({ name: 'Cody', ownerId: owner.id });
      const [fan, groomer] = await Friend.bulkCreate([{ name: 'CodyFan <3' }, { name: 'Groomer' }]);
      assert.ok(fan && groomer);

      await pug.addFriend(fan);
      await pug.addFriends([groomer.id]);
      assert.equal(await pug.countFriends(), 2);
      assert.equal(await pug.hasFriend(fan), true);
      assert.equal(await pug.hasFriends([fan, groomer]), true);
      assert.deepEqual((await pug.getFriends({ where: { name: 'Groomer' } })).map((friend) => friend.name), ['Groomer']);
      assert.equal(await pug.removeFriend(groomer), 1);
      assert.deepEqual((await fan.getPugs()).map((found) => found.name), ['Cody']);

      assert.equal((await pug.getOwner())?.name, 'Ann');
      assert.deepEqual((await owner.getPugs()).map((found) => found.name), ['Cody']);
      assert.equal(await owner.countPugs(), 1);
      const made = await owner.createPug({ name: 'Doug' });
      assert.equal(made.ownerId, owner.id);

      const walker = await pug.createCompanion({ name: 'Sam' });
      assert.equal((await Pug.findByPk(pug.id))?.companionId, walker.id);
      await pug.setCompanion(null);
      assert.equal(await pug.getCompanion(), null);
      assert.ok(await Walker.findByPk(walker.id));
    });

    test('includes fill the properties the types name, nested as written', async () => {
      const { Pug, Owner, Friend } = schema;
      const owner = await Owner.create({ name: 'Lee' });
      const pug = await Pug.create({ name: 'Rex', ownerId: owner.id });
      const friend = await Friend.create({ name: 'Neighbour' });
      await friend.addPug(pug);

      const [found] = await Pug.findAll({ where: { name: 'Rex' }, include: [Owner, { model: Friend }] });
      assert.equal(found?.owner?.name, 'Lee');
      assert.deepEqual(found?.friends.map((item) => item.name), ['Neighbour']);
      const byAlias = await Pug.findOne({ where: { name: 'Rex' }, include: ['owner', { association: 'friends' }] });
      assert.equal(byAlias?.owner?.name, 'Lee');
      assert.equal(byAlias?.friends.length, 1);
      const [nested] = await Owner.findAll({ where: { name: 'Lee' }, include: [{ model: Pug, include: [Friend] }] });
      assert.deepEqual(nested?.pugs.map((item) => item.friends.map((nestedFriend) => nestedFriend.name)), [['Neighbour']]);
    });

    test('associate() names the model or kind that is wrong, before touching any model', () => {
      const Lone = db.define('lone', { name: DataTypes.STRING });
      assert.throws(
        () => associate({ Lone }, [['Lone', 'belongsTo', 'Missing' as 'Lone']]),
        (error: unknown) => error instanceof AssociationError && /"Missing"/.test(error.message) && /Lone/.test(error.message),
      );
      assert.throws(
        () => associate({ Lone }, [['Lone', 'hasLots' as 'hasMany', 'Lone']]),
        (error: unknown) => error instanceof AssociationError && /"hasLots" is not an association kind/.test(error.message),
      );
      assert.deepEqual(Object.keys(Lone.associations), []);
    });

    test('class style with `declare` fields reads and writes attribute values', async () => {
      class Kennel extends Model<InferAttributes<Kennel>, InferCreationAttributes<Kennel>> {
        declare id: CreationOptional<number>;
        declare label: string;
      }
      Kennel.init({ label: { type: DataTypes.STRING, allowNull: false } }, { sequelize: db, modelName: 'kennel' });
      await Kennel.sync({ force: true });
      const kennel = await Kennel.create({ label: 'North' });
      assert.equal(kennel.label, 'North');
      kennel.label = 'South';
      await kennel.save();
      assert.equal((await Kennel.findByPk(kennel.id))?.label, 'South');
    });

    test('a public class field instead of `declare` fails at init, naming the field and the fix', () => {
      class Crate extends Model<InferAttributes<Crate>, InferCreationAttributes<Crate>> {
        declare id: CreationOptional<number>;
        label!: string;
      }
      assert.throws(
        () => Crate.init({ label: DataTypes.STRING }, { sequelize: db }),
        (error: unknown) => error instanceof UsageError && /Crate/.test(error.message) && /"label"/.test(error.message) && /declare label/.test(error.message),
      );
    });
  });
}
