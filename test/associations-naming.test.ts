import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataTypes, type Sequelize } from '../src/index.js';
import { connect, testDialects } from './setup/dialects.js';

// Names observed on sequelize@6.37 with sqlite3 for the same definitions (see the report for the scratch scripts).
const accessorNames = (association: { accessors: Record<string, string> }) => Object.values(association.accessors).sort();

for (const dialect of testDialects) {
  describe(`association key and accessor names on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect);
    });
    after(async () => {
      await db.close();
    });

    test('default keys come from the singular model name and the primary key; accessors from singular/plural', () => {
      const Pug = db.define('pug', { name: DataTypes.STRING });
      const Owner = db.define('owner', { name: DataTypes.STRING });
      const Toy = db.define('toy', {});
      const Collar = db.define('collar', {});
      const Friend = db.define('friend', {});
      const belongsTo = Pug.belongsTo(Owner);
      const hasMany = Pug.hasMany(Toy);
      const hasOne = Pug.hasOne(Collar);
      const belongsToMany = Pug.belongsToMany(Friend, { through: 'friendship' });
      assert.deepEqual([belongsTo.foreignKey, belongsTo.as], ['ownerId', 'owner']);
      assert.deepEqual([hasMany.foreignKey, hasMany.as], ['pugId', 'toys']);
      assert.deepEqual([hasOne.foreignKey, hasOne.as], ['pugId', 'collar']);
      assert.deepEqual([belongsToMany.foreignKey, belongsToMany.otherKey, belongsToMany.as], ['pugId', 'friendId', 'friends']);
      assert.deepEqual(accessorNames(belongsTo), ['createOwner', 'getOwner', 'setOwner']);
      assert.deepEqual(accessorNames(hasOne), ['createCollar', 'getCollar', 'setCollar']);
      assert.deepEqual(accessorNames(hasMany), ['addToy', 'addToys', 'countToys', 'createToy', 'getToys', 'hasToy', 'hasToys', 'removeToy', 'removeToys', 'setToys']);
      assert.deepEqual(accessorNames(belongsToMany), ['addFriend', 'addFriends', 'countFriends', 'createFriend', 'getFriends', 'hasFriend', 'hasFriends', 'removeFriend', 'removeFriends', 'setFriends']);
      for (const name of accessorNames(belongsToMany)) assert.equal(typeof (Pug.prototype as unknown as Record<string, unknown>)[name], 'function', name);
      assert.deepEqual(Pug.getAssociations(Friend), [belongsToMany]);
      assert.equal(Pug.getAssociationForAlias(Friend, 'friends'), belongsToMany);
      assert.equal(Pug.getAssociationForAlias(Friend, 'pals'), null);
      assert.equal(Pug.getAssociationForAlias(Owner, undefined), belongsTo);
      assert.deepEqual([Pug.hasAlias('toys'), Pug.hasAlias('toy')], [true, false]);
    });

    test("a method the model class defines itself is not replaced by an accessor (v6's mixin rule)", () => {
      const Shelter = db.define('shelter', {});
      const Dog = db.define('shelterDog', {});
      const own = function getShelterDogs() { return 'mine'; };
      Object.defineProperty(Shelter.prototype, 'getShelterDogs', { value: own, configurable: true, writable: true });
      Shelter.hasMany(Dog);
      assert.equal((Shelter.prototype as unknown as Record<string, unknown>)['getShelterDogs'], own);
      assert.equal(typeof (Shelter.prototype as unknown as Record<string, unknown>)['addShelterDog'], 'function');
    });

    test('irregular plurals go through inflection; `as` as a string or {singular, plural}', () => {
      const Person = db.define('Person', {});
      const Child = db.define('Child', {});
      const Mouse = db.define('mouse', {});
      const children = Person.hasMany(Child);
      const mice = Person.hasMany(Mouse);
      const kids = Person.belongsToMany(Child, { through: 'parenthood', as: 'kids' });
      const beasts = Person.hasMany(Mouse, { as: { singular: 'beast', plural: 'beasties' } });
      const wares = Person.hasMany(Child, { as: 'wares' });
      assert.deepEqual([children.as, children.accessors.add, children.foreignKey], ['Children', 'addChild', 'PersonId']);
      assert.deepEqual([mice.as, mice.accessors.add], ['mice', 'addMouse']);
      assert.deepEqual([kids.as, kids.accessors.add, kids.accessors.get, kids.foreignKey, kids.otherKey], ['kids', 'addKid', 'getKids', 'PersonId', 'ChildId']);
      assert.deepEqual([beasts.as, beasts.accessors.add, beasts.accessors.get, beasts.foreignKey], ['beasties', 'addBeast', 'getBeasties', 'PersonId']);
      assert.deepEqual([wares.as, wares.accessors.add, wares.accessors.get], ['wares', 'addWare', 'getWares']);
    });

    test('an alias names the belongsTo key; hasOne takes its key from the alias too (a v6 quirk)', () => {
      const Car = db.define('car', {});
      const Person = db.define('person', {});
      const Dog = db.define('dog', { name: { type: DataTypes.STRING, unique: true } });
      const Collar = db.define('necklace', {});
      const driver = Car.belongsTo(Person, { as: 'driver' });
      const hasOne = Dog.hasOne(Collar, { sourceKey: 'name', as: 'Necklace' });
      assert.deepEqual([driver.foreignKey, driver.as, driver.accessors.get], ['driverId', 'driver', 'getDriver']);
      assert.ok(Car.rawAttributes['driverId']);
      assert.deepEqual([hasOne.foreignKey, hasOne.as, hasOne.accessors.set], ['NecklaceId', 'Necklace', 'setNecklace']);
    });

    test('sourceKey/targetKey change what the key references, not its name (Sequelize names it from the primary key)', () => {
      const Pug = db.define('pug2', {});
      const Owner = db.define('owner2', { name: { type: DataTypes.STRING, unique: true } });
      const Cat = db.define('cat', { name: { type: DataTypes.STRING, unique: true } });
      const Kitten = db.define('kitten', {});
      const belongsTo = Pug.belongsTo(Owner, { targetKey: 'name' });
      const hasMany = Cat.hasMany(Kitten, { sourceKey: 'name' });
      assert.equal(belongsTo.foreignKey, 'owner2Id');
      assert.deepEqual(Pug.rawAttributes['owner2Id']!.references, { model: 'owner2s', key: 'name' });
      assert.equal(hasMany.foreignKey, 'catId');
      assert.deepEqual(Kitten.rawAttributes['catId']!.references, { model: 'cats', key: 'name' });
    });

    test('foreignKey as an object: name, field and allowNull', () => {
      const Boat = db.define('boat', {});
      const Captain = db.define('captain', {});
      const association = Boat.belongsTo(Captain, { foreignKey: { name: 'skipperId', allowNull: false, field: 'skipper_fk' } });
      assert.equal(association.foreignKey, 'skipperId');
      assert.equal(Boat.rawAttributes['skipperId']!.field, 'skipper_fk');
      assert.equal(Boat.rawAttributes['skipperId']!.allowNull, false);
    });

    test('self-associations: belongsToMany needs `as`, and the other key is named from it', () => {
      const Human = db.define('human', {});
      assert.throws(() => Human.belongsToMany(Human, { through: 'acquaintance' }), /alias|"as"/);
      const friends = Human.belongsToMany(Human, { as: 'friends', through: 'humanFriendship' });
      assert.deepEqual([friends.foreignKey, friends.otherKey, friends.accessors.add], ['humanId', 'friendId', 'addFriend']);
      assert.deepEqual(Object.keys(db.model('humanFriendship').rawAttributes).sort(), ['createdAt', 'friendId', 'humanId', 'updatedAt']);
      const Node = db.define('node', {});
      const parent = Node.belongsTo(Node, { as: 'parent' });
      const children = Node.hasMany(Node, { as: 'children', foreignKey: 'parentId' });
      assert.deepEqual([parent.foreignKey, children.foreignKey, children.accessors.get], ['parentId', 'parentId', 'getChildren']);
    });

    test('the second side of a pair shares the join table and its keys', () => {
      const Pug = db.define('pug3', {});
      const Friend = db.define('friend3', {});
      const first = Pug.belongsToMany(Friend, { through: 'friendship3', foreignKey: 'pugKey' });
      const second = Friend.belongsToMany(Pug, { through: 'friendship3' });
      assert.equal(second.otherKey, 'pugKey');
      assert.equal(first.otherKey, second.foreignKey);
      assert.deepEqual(Object.keys(db.model('friendship3').rawAttributes).sort(), ['createdAt', 'friend3Id', 'pugKey', 'updatedAt']);
    });

    test('a pair with sourceKey/targetKey: the second side mirrors the first (where v6 mixes the two up)', async () => {
      const Pug = db.define('pug4', { name: { type: DataTypes.STRING, unique: true } });
      const Friend = db.define('friend4', { code: { type: DataTypes.STRING, unique: true } });
      const first = Pug.belongsToMany(Friend, { through: 'pf4', sourceKey: 'name', targetKey: 'code' });
      const second = Friend.belongsToMany(Pug, { through: 'pf4' });
      assert.deepEqual([first.foreignKey, first.otherKey, first.sourceKey, first.targetKey], ['pug4Name', 'friend4Code', 'name', 'code']);
      assert.deepEqual([second.foreignKey, second.otherKey, second.sourceKey, second.targetKey], ['friend4Code', 'pug4Name', 'code', 'name']);
      await Pug.sync();
      await Friend.sync();
      await db.model('pf4').sync();
      const pug = await Pug.create({ name: 'cody' });
      const friend = await Friend.create({ code: 'rex' });
      await (pug as unknown as Record<string, (value: unknown) => Promise<unknown>>)['addFriend4']!(friend);
      const pugs = (await (friend as unknown as Record<string, () => Promise<Array<{ get(key: string): unknown }>>>)['getPug4s']!());
      assert.deepEqual(pugs.map((found) => found.get('name')), ['cody']);
    });
  });

  describe(`underscored naming on ${dialect}`, () => {
    let db: Sequelize;
    before(async () => {
      db = await connect(dialect, { define: { underscored: true } });
    });
    after(async () => {
      await db.close();
    });

    test('keys stay camelCase attributes with snake_case columns, also on the join table', async () => {
      const Pug = db.define('pug', { name: DataTypes.STRING });
      const Friend = db.define('friend', { name: DataTypes.STRING });
      const Owner = db.define('owner', { name: DataTypes.STRING });
      const friends = Pug.belongsToMany(Friend, { through: 'friendship' });
      Friend.belongsToMany(Pug, { through: 'friendship' });
      Pug.belongsTo(Owner);
      assert.deepEqual([friends.foreignKey, friends.otherKey], ['pugId', 'friendId']);
      assert.equal(Pug.rawAttributes['ownerId']!.field, 'owner_id');
      await db.sync({ force: true });
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('friendship')).sort(), ['created_at', 'friend_id', 'pug_id', 'updated_at']);
      assert.deepEqual(Object.keys(await db.getQueryInterface().describeTable('pugs')).sort(), ['created_at', 'id', 'name', 'owner_id', 'updated_at']);
      const pug = await Pug.create({ name: 'Cody' });
      const friend = await Friend.create({ name: 'Rex' });
      await (pug as unknown as { addFriend(value: unknown): Promise<unknown> }).addFriend(friend);
      const found = (await (pug as unknown as { getFriends(): Promise<Array<{ get(key: string): unknown }>> }).getFriends());
      assert.equal(found.length, 1);
      assert.equal((found[0]!.get('friendship') as { get(key: string): unknown }).get('pugId'), pug.get('id'));
      const accessors = pug as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const rex2 = await Friend.create({ name: 'Rex2' });
      const [deleted, inserted] = (await accessors['setFriends']!([rex2])) as [number, unknown[]];
      assert.deepEqual([deleted, inserted.length], [1, 1]);
      assert.equal(await accessors['countFriends']!(), 1);
      assert.equal(await accessors['hasFriend']!(rex2), true);
      assert.equal(await accessors['removeFriend']!(rex2), 1);
    });

    test('a source with its own underscored option gives the join table snake_case columns', async () => {
      const db2 = await connect(dialect);
      try {
        const Pug = db2.define('pug', {}, { underscored: true });
        const Friend = db2.define('friend', {});
        Pug.belongsToMany(Friend, { through: 'friendship' });
        const join = db2.model('friendship');
        assert.deepEqual(['pugId', 'friendId', 'createdAt'].map((name) => join.rawAttributes[name]!.field), ['pug_id', 'friend_id', 'created_at']);
      } finally {
        await db2.close();
      }
    });
  });
}
