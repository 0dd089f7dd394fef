import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssociationError, DataTypes, ForeignKeyConstraintError, type Model, type ModelStatic, type Sequelize } from '../src/index.js';
import { captureSql, connect, testDialects } from './setup/dialects.js';

type Row = Model & Record<string, (...args: unknown[]) => Promise<unknown>>;
const names = (list: unknown) => (list as Model[]).map((item) => item.get('name')).sort();

for (const dialect of testDialects) {
  describe(`association definition errors on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect);
    });
    after(async () => {
      await db.close();
    });

    test('associating with something that is not a model names the source and the call', () => {
      const Pug = db.define('pug', {});
      assert.throws(() => Pug.hasMany({} as never), (error: Error) => error instanceof AssociationError && /^pug\.hasMany called with something that's not a subclass of Sequelize\.Model/.test(error.message));
      assert.throws(() => Pug.belongsTo('owner' as never), /pug\.belongsTo called with something that's not a subclass of Sequelize\.Model \(got owner\)/);
      assert.throws(() => Pug.belongsToMany(undefined as never, { through: 'x' }), /pug\.belongsToMany called with something that's not a subclass of Sequelize\.Model/);
    });

    test('a misspelt option is named with the likely intended one, and nothing is added to either model', () => {
      const Shop = db.define('shop', {});
      const Item = db.define('item', {});
      assert.throws(() => Shop.hasMany(Item, { foreignkey: 'storeId' } as never), /Unknown option "foreignkey" in the association shop -> item; did you mean "foreignKey"\?/);
      assert.throws(() => Item.belongsTo(Shop, { onDelte: 'CASCADE' } as never), /did you mean "onDelete"/);
      assert.deepEqual(Object.keys(Item.rawAttributes), ['id', 'createdAt', 'updatedAt']);
      assert.deepEqual(Object.keys(Shop.associations), []);
    });

    test('belongsToMany: through is required; a self-association needs an alias; hasMany refuses through', () => {
      const Person = db.define('person', {});
      const Club = db.define('club', {});
      assert.throws(() => Person.belongsToMany(Club, {} as never), /person\.belongsToMany\(club\) requires a "through" option/);
      assert.throws(() => Person.belongsToMany(Person, { through: 'acquaintance' }), /needs an alias: pass "as"/);
      assert.equal(db.isDefined('acquaintance'), false, 'no join model is left behind');
      assert.throws(() => Person.hasMany(Club, { through: 'membership' } as never), /belongsToMany/);
    });

    test('a through model whose own key to one side has another name than the association expects', () => {
      const Actor = db.define('actor', {});
      const Film = db.define('film', {});
      const Role = db.define('role', { performer: { type: DataTypes.INTEGER, references: { model: 'actors', key: 'id' } } });
      assert.throws(() => Actor.belongsToMany(Film, { through: Role }), /through model role has "performer" referencing actors, but actor\.belongsToMany\(film\) expects the key "actorId": pass foreignKey: 'performer'/);
      const association = Actor.belongsToMany(Film, { through: Role, foreignKey: 'performer' });
      assert.equal(association.foreignKey, 'performer');
      assert.deepEqual(Object.keys(Role.rawAttributes).sort(), ['createdAt', 'filmId', 'performer', 'updatedAt']);
    });

    test('duplicate aliases and attribute/alias collisions', () => {
      const Farm = db.define('farm', { cow: DataTypes.STRING });
      const Cow = db.define('cow', {});
      Farm.hasMany(Cow, { as: 'herd' });
      assert.throws(() => Farm.hasMany(Cow, { as: 'herd' }), /alias herd in two separate associations of farm/);
      assert.throws(() => Farm.hasOne(Cow), /Naming collision between attribute 'cow' and association 'cow' on model farm/);
      assert.equal(Cow.rawAttributes['farmId']?.fieldName, 'farmId', 'only the first association added a key');
    });
  });

  describe(`accessor errors on ${dialect}`, () => {
    let db: Sequelize;
    let Pug: ModelStatic;
    let Friend: ModelStatic;
    let Toy: ModelStatic;
    let Owner: ModelStatic;
    let pug: Row;
    const sql = captureSql();

    before(async () => {
      db = await connect(dialect, { logging: sql.logging });
      Pug = db.define('pug', { name: DataTypes.STRING });
      Friend = db.define('friend', { name: DataTypes.STRING });
      Toy = db.define('toy', { name: DataTypes.STRING });
      Owner = db.define('owner', { name: DataTypes.STRING });
      const Friendship = db.define('friendship', { level: DataTypes.INTEGER });
      Pug.belongsToMany(Friend, { through: Friendship });
      Pug.hasMany(Toy);
      Pug.belongsTo(Owner);
      await db.sync({ force: true });
      pug = (await Pug.create({ name: 'Cody' })) as Row;
    });
    after(async () => {
      await db.close();
    });

    test('an instance of the wrong model is refused before any SQL, naming both models', async () => {
      const toy = await Toy.create({ name: 'ball' });
      sql.statements.length = 0;
      await assert.rejects(pug['addFriend']!(toy), (error: Error) => error instanceof AssociationError && error.message === 'pug.addFriend expects friend instances or friend keys, but got an instance of toy.');
      await assert.rejects(pug['setFriends']!([toy]), /pug\.setFriends expects friend instances .* instance of toy/);
      await assert.rejects(pug['hasToy']!(await Friend.build({ name: 'x' })), /pug\.hasToy expects toy instances .* instance of friend/);
      await assert.rejects(pug['setOwner']!(toy), /pug\.setOwner expects owner instances .* instance of toy/);
      await assert.rejects(pug['addFriend']!(Friend.build({ name: 'unsaved' })), /pug\.addFriend was given a friend without its id \(not saved yet\?\)/);
      assert.deepEqual(sql.statements, []);
    });

    test('a key that does not exist fails with ForeignKeyConstraintError', async () => {
      await assert.rejects(pug['addFriend']!(99999), ForeignKeyConstraintError);
      await assert.rejects(pug['setOwner']!(99999), ForeignKeyConstraintError);
      await assert.rejects(Toy.create({ name: 'x', pugId: 99999 }), ForeignKeyConstraintError);
    });

    test('nothing is written when a multi-step accessor fails: setFriends with a bad key keeps the old links', async () => {
      const [rex, tom] = await Friend.bulkCreate([{ name: 'Rex' }, { name: 'Tom' }]);
      await pug['setFriends']!([rex, tom]);
      await assert.rejects(pug['setFriends']!([tom, 99999]), ForeignKeyConstraintError);
      assert.deepEqual(names(await pug['getFriends']!()), ['Rex', 'Tom']);
    });

    test('createFriend whose join row cannot be written creates no friend', async () => {
      const before = await Friend.count();
      await assert.rejects(pug['createFriend']!({ name: 'Zed' }, { through: { level: 'not a number' } }));
      assert.equal(await Friend.count(), before);
    });
  });
}
