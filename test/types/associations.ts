import { DataTypes, associate, type Sequelize } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

declare const db: Sequelize;

// The seed's models, defined as usual; `associate` runs Pug.belongsTo(Owner) etc. and types what they add.
const { Pug, Owner, Friend } = associate(
  {
    Pug: db.define('pugs', { name: { type: DataTypes.STRING, allowNull: false } }),
    Owner: db.define('owners', { name: DataTypes.STRING }),
    Friend: db.define('friends', { name: DataTypes.STRING }),
  },
  [
    ['Pug', 'belongsTo', 'Owner'],
    ['Owner', 'hasMany', 'Pug'],
    ['Friend', 'belongsToMany', 'Pug', { through: 'friendship' }],
    ['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }],
  ],
);

const owner = await Owner.create({ name: 'Ann' });
// The foreign key belongsTo/hasMany add is an attribute, optional on create.
const pug = await Pug.create({ name: 'Cody', ownerId: owner.id });
expectType<Equal<typeof pug.ownerId, number | null>>();

// Accessors named from the model names, as Sequelize names them.
expectType<Equal<Awaited<ReturnType<typeof pug.getFriends>>[number]['name'], string | null>>();
const friends = await pug.getFriends({ where: { name: 'CodyFan <3' } });
const [fan] = friends;
if (fan) {
  await pug.addFriend(fan, { through: {} });
  await pug.addFriend(fan.id);
  await pug.addFriends([fan, 2]);
  const removed: number = await pug.removeFriend(fan);
  void removed;
  const pugsOfFan = await fan.getPugs();
  expectType<Equal<(typeof pugsOfFan)[number]['name'], string>>();
  await fan.setPugs([pug]);
}
const friendCount: number = await pug.countFriends();
void friendCount;
const theOwner = await pug.getOwner();
expectType<Equal<NonNullable<typeof theOwner>['name'], string | null>>();
await pug.setOwner(owner);
const ownersPugs = await owner.getPugs();
// Associated instances carry their own accessors: the types are mutually recursive.
if (ownersPugs[0]) await ownersPugs[0].getOwner();
const hasIt: boolean = await owner.hasPug(pug);
void hasIt;
// @ts-expect-error misspelt accessor
await pug.getFreinds();
// @ts-expect-error addFriend takes a friend or its key, not an owner's name
await pug.addFriend('Ann');
// @ts-expect-error where in an accessor is checked against the target
await pug.getFriends({ where: { nmae: 'x' } });
// @ts-expect-error Owner has no belongsToMany to Friend
await owner.getFriends();

// Includes type the properties they fill; without the include there is no such property.
const [withOwner] = await Pug.findAll({ include: [Owner] });
if (withOwner) {
  expectType<Equal<NonNullable<typeof withOwner.owner>['name'], string | null>>();
  expectType<Equal<(typeof withOwner.name), string>>();
}
const [plain] = await Pug.findAll();
// @ts-expect-error owner is only there after include: [Owner]
void plain?.owner;
const [nested] = await Pug.findAll({ include: [{ model: Friend }, { model: Owner, include: [Pug] }] });
if (nested) {
  expectType<Equal<(typeof nested.friends)[number]['name'], string | null>>();
  expectType<Equal<NonNullable<typeof nested.owner>['pugs'][number]['name'], string>>();
}
const byName = await Pug.findOne({ include: ['owner'], where: { name: 'Cody' } });
if (byName) void byName.owner;
// @ts-expect-error where is still checked when include shapes the result
await Pug.findAll({ include: [Owner], where: { nmae: 'x' } });

// `as` renames the association, its accessors and its include property.
const { Walker, Dog } = associate(
  { Walker: db.define('walker', { name: DataTypes.STRING }), Dog: db.define('dog', { name: DataTypes.STRING }) },
  [
    ['Dog', 'belongsTo', 'Walker', { as: 'companion' }],
    ['Walker', 'hasMany', 'Dog', { as: 'charges' }],
  ],
);
const dog = await Dog.create({ name: 'Rex', companionId: 1 });
await dog.getCompanion();
const walker = await Walker.create({ name: 'Sam' });
const charges = await walker.getCharges();
expectType<Equal<(typeof charges)[number]['companionId'], number | null>>();
await walker.addCharge(dog);
const countCharges: number = await walker.countCharges();
void countCharges;
const [walkerWithDogs] = await Walker.findAll({ include: [{ model: Dog, as: 'charges' }] });
if (walkerWithDogs) expectType<Equal<(typeof walkerWithDogs.charges)[number]['name'], string | null>>();
// @ts-expect-error the alias replaces the default accessor name
await walker.getDogs();
