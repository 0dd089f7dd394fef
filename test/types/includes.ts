import { DataTypes, Op, associate, literal, type Sequelize } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

declare const db: Sequelize;

const { Pug, Owner, Friend } = associate(
  {
    Pug: db.define('pugs', { name: { type: DataTypes.STRING, allowNull: false }, age: DataTypes.INTEGER }),
    Owner: db.define('owners', { name: DataTypes.STRING }),
    Friend: db.define('friends', { name: DataTypes.STRING, since: DataTypes.DATE }),
  },
  [
    ['Pug', 'belongsTo', 'Owner'],
    ['Owner', 'hasMany', 'Pug'],
    ['Friend', 'belongsToMany', 'Pug', { through: 'friendship' }],
    ['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }],
  ],
);

// Every way of naming the include fills the same property.
type FriendsOf<T> = T extends { friends: infer F } ? F : 'absent';
const [byModel] = await Pug.findAll({ include: [Friend] });
const [byObject] = await Pug.findAll({ include: [{ model: Friend }] });
const [byName] = await Pug.findAll({ include: ['friends'] });
const [byAssociation] = await Pug.findAll({ include: [{ association: 'friends' }] });
const [single] = await Pug.findAll({ include: Friend });
expectType<Equal<FriendsOf<NonNullable<typeof byModel>>[number]['name'], string | null>>();
expectType<Equal<FriendsOf<NonNullable<typeof byObject>>[number]['since'], Date | null>>();
expectType<Equal<FriendsOf<NonNullable<typeof byName>>[number]['name'], string | null>>();
expectType<Equal<FriendsOf<NonNullable<typeof byAssociation>>[number]['name'], string | null>>();
expectType<Equal<FriendsOf<NonNullable<typeof single>>[number]['name'], string | null>>();
const [none] = await Pug.findAll({ include: [Owner] });
expectType<Equal<FriendsOf<NonNullable<typeof none>>, 'absent'>>();
// @ts-expect-error friends is only there after including it
void none?.friends;

// Nested includes type each level; a level not included is absent.
const [owner] = await Owner.findAll({ include: [{ model: Pug, include: [{ model: Friend, where: { name: 'Fan' } }] }] });
if (owner) {
  expectType<Equal<(typeof owner.pugs)[number]['friends'][number]['name'], string | null>>();
  // @ts-expect-error the pugs' owner was not included
  void owner.pugs[0]?.owner;
}
const friendOfPug = await Friend.findOne({ include: [{ association: 'pugs', include: ['owner'] }] });
if (friendOfPug) expectType<Equal<NonNullable<(typeof friendOfPug.pugs)[number]['owner']>['name'], string | null>>();

// Include-level where and attributes are checked against the included model.
await Pug.findAll({ include: [{ model: Friend, where: { name: { [Op.like]: 'C%' }, since: { [Op.lt]: new Date() } }, attributes: ['name'], required: true }] });
await Pug.findAll({ include: [{ association: 'owner', where: { name: 'Ann' }, attributes: { exclude: ['createdAt'] } }] });
await Pug.findAll({ include: [{ model: Friend, where: { '$pugs.name$': 'Cody' }, through: { attributes: [] } }] });
// @ts-expect-error misspelt attribute in an include's where
await Pug.findAll({ include: [{ model: Friend, where: { nmae: 'Fan' } }] });
// @ts-expect-error a misspelt key next to a right one is still caught
await Pug.findAll({ include: [{ model: Friend, where: { name: 'Fan', snice: new Date() } }] });
// @ts-expect-error a string given to a DATE's operator... no: a number given to a STRING in an include's where
await Pug.findAll({ include: [{ model: Friend, where: { name: 5 } }] });
// @ts-expect-error the where of { association } is checked against its target (Owner has no age)
await Pug.findAll({ include: [{ association: 'owner', where: { age: 3 } }] });
// @ts-expect-error misspelt attribute in an include's attributes
await Pug.findAll({ include: [{ model: Friend, attributes: ['nmae'] }] });
// @ts-expect-error misspelt attribute two levels down
await Owner.findAll({ include: [{ model: Pug, include: [{ model: Friend, where: { nmae: 'x' } }] }] });
// @ts-expect-error misspelt include option
await Pug.findAll({ include: [{ model: Friend, reqired: true }] });

// order: columns are checked against the model the path reaches.
await Pug.findAll({ include: [Friend, Owner], order: [[Friend, 'name', 'ASC'], [Owner, 'name'], ['owner', 'name', 'DESC'], ['name', 'DESC'], 'age', [literal('age'), 'desc']] });
await Owner.findAll({ include: [{ model: Pug, include: [Friend] }], order: [[Pug, Friend, 'since', 'DESC'], [{ model: Pug, as: 'pugs' }, 'age', 'ASC']] });
// @ts-expect-error Friend has no age
await Pug.findAll({ include: [Friend], order: [[Friend, 'age', 'ASC']] });
// @ts-expect-error misspelt column through an association name
await Pug.findAll({ include: [Owner], order: [['owner', 'nmae', 'DESC']] });
// @ts-expect-error not a direction
await Pug.findAll({ include: [Friend], order: [[Friend, 'name', 'UP']] });
// @ts-expect-error two steps down: Friend has no age
await Owner.findAll({ include: [{ model: Pug, include: [Friend] }], order: [[Pug, Friend, 'age', 'DESC']] });

// An include's attributes narrow the included instances as the root's do.
const [narrowed] = await Pug.findAll({ include: [{ model: Friend, attributes: ['name'] }, { association: 'owner', attributes: ['id', 'name'] }] });
if (narrowed) {
  expectType<Equal<(typeof narrowed.friends)[number]['name'], string | null>>();
  expectType<Equal<NonNullable<typeof narrowed.owner>['name'], string | null>>();
  // @ts-expect-error since was not selected
  void narrowed.friends[0]?.since;
}
