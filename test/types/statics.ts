import Sequelize, { DataTypes, Op, ValidationError } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

// The class carries the named exports as statics, as sequelize@6's does: the seed writes `Sequelize.STRING`.
expectType<Equal<typeof Sequelize.STRING, typeof DataTypes.STRING>>();
expectType<Equal<typeof Sequelize.INTEGER, typeof DataTypes.INTEGER>>();
expectType<Equal<typeof Sequelize.DataTypes, typeof DataTypes>>();
expectType<Equal<typeof Sequelize.Op, typeof Op>>();
expectType<Equal<typeof Sequelize.ValidationError, typeof ValidationError>>();

const db = new Sequelize('sqlite::memory:');
const Pug = db.define('pugs', { name: Sequelize.STRING, age: { type: Sequelize.INTEGER, allowNull: false } });
expectType<Equal<InstanceType<typeof Pug>['age'], number>>();
// `Sequelize.Op` is the typed Op, so its operators are checked like the named export's.
await Pug.findAll({ where: { age: { [Sequelize.Op.gt]: 2 } } });
// @ts-expect-error a string given to an INTEGER through Sequelize.Op
await Pug.findAll({ where: { age: { [Sequelize.Op.gt]: 'two' } } });
// @ts-expect-error STIRNG is not a static of the class
db.define('typo', { name: Sequelize.STIRNG });
const sql = Sequelize.fn('COUNT', Sequelize.col('id'));
void sql;
// Still a class: instances have the instance type, subclasses work.
class Tenant extends Sequelize {}
const tenant: Sequelize = new Tenant('sqlite::memory:');
void tenant;

// Models the compiler knows nothing about (the join model, `db.models.X`) take any attribute, as in v6.
const Friendship = db.model('friendship');
await Friendship.findAll({ where: { pugId: 1 }, order: [['createdAt', 'DESC']] });
const link = await Friendship.create({ pugId: 1, friendId: 2 });
await link.update({ friendId: 3 });
void link.get('pugId');
