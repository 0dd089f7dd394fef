import { DataTypes, Op, fn, col, literal, type Sequelize } from '../../src/index.js';
import { type Equal, expectType } from './helpers.js';

declare const db: Sequelize;
const Pug = db.define('pug', { name: { type: DataTypes.STRING, allowNull: false }, age: DataTypes.INTEGER, born: DataTypes.DATE });

// where: attribute keys, values and operator values are checked.
await Pug.findAll({ where: { name: 'Cody', age: { [Op.gte]: 2, [Op.lt]: 10 } } });
await Pug.findAll({ where: { age: [1, 2, 3], name: { [Op.like]: 'Co%' }, born: { [Op.between]: ['2020-01-01', new Date()] } } });
await Pug.findAll({ where: { [Op.or]: [{ name: 'Cody' }, { age: null }], '$owner.name$': 'Ann' } });
await Pug.findAll({ where: { age: { [Op.in]: [1, 2] }, name: { [Op.ne]: null } } });
// @ts-expect-error misspelt attribute in where
await Pug.findAll({ where: { nmae: 'Cody' } });
// @ts-expect-error a string given to an INTEGER
await Pug.findAll({ where: { age: 'three' } });
// @ts-expect-error an operator value of the wrong type
await Pug.findAll({ where: { age: { [Op.gt]: 'two' } } });
// @ts-expect-error IN takes a list of the attribute's type
await Pug.findAll({ where: { age: { [Op.in]: ['a'] } } });
// @ts-expect-error misspelt attribute inside Op.or
await Pug.findAll({ where: { [Op.or]: [{ nmae: 'Cody' }] } });

// attributes and order.
await Pug.findAll({ attributes: ['name', [fn('COUNT', col('id')), 'n']], order: [['name', 'DESC'], ['age', 'ASC NULLS LAST'], 'born'] });
await Pug.findAll({ attributes: { exclude: ['born'] }, order: [[literal('age'), 'DESC']] });
// @ts-expect-error misspelt attribute in attributes
await Pug.findAll({ attributes: ['nmae'] });
// @ts-expect-error misspelt attribute in order
await Pug.findAll({ order: [['nmae', 'DESC']] });
// @ts-expect-error not a direction
await Pug.findAll({ order: [['name', 'DOWN']] });

// attributes: ['name'] narrows the result type.
const names = await Pug.findAll({ attributes: ['name'] });
expectType<Equal<(typeof names)[number]['name'], string>>();
// @ts-expect-error age was not selected
void names[0]!.age;
const all = await Pug.findAll();
expectType<Equal<(typeof all)[number]['age'], number | null>>();

// create / bulkCreate / update / destroy / count.
await Pug.bulkCreate([{ name: 'Cody' }, { name: 'Doug', age: 3 }]);
// @ts-expect-error a string given to an INTEGER in bulkCreate
await Pug.bulkCreate([{ name: 'Cody', age: 'x' }]);
await Pug.update({ age: 5 }, { where: { name: 'Cody' } });
// @ts-expect-error misspelt attribute in update values
await Pug.update({ aeg: 5 }, { where: { name: 'Cody' } });
// @ts-expect-error misspelt attribute in update where
await Pug.update({ age: 5 }, { where: { nmae: 'Cody' } });
await Pug.destroy({ where: { age: { [Op.lt]: 1 } } });
// @ts-expect-error a string given to an INTEGER in destroy's where
await Pug.destroy({ where: { age: 'x' } });
const howMany: number = await Pug.count({ where: { name: 'Cody' } });
void howMany;
const [row, created] = await Pug.findOrCreate({ where: { name: 'Cody' }, defaults: { age: 2 } });
expectType<Equal<typeof row.name, string>>();
expectType<Equal<typeof created, boolean>>();
