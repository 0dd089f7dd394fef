import { DataTypes, Op, Sequelize, associate, col, fn, literal, where, type Sequelize as Db } from '../../src/index.js';

declare const db: Db;

const { Pug, Friend, Toy } = associate(
  {
    Pug: db.define('Pug', { name: DataTypes.STRING }),
    Friend: db.define('Friend', { name: DataTypes.STRING }),
    Toy: db.define('Toy', { name: DataTypes.STRING, price: DataTypes.INTEGER }),
  },
  [
    ['Pug', 'hasMany', 'Toy'],
    ['Pug', 'belongsToMany', 'Friend', { through: 'friendship' }],
  ],
);

// v6's joined aggregates type-check as written against Sequelize.
const counted = await Pug.findAll({
  attributes: { include: [[fn('COUNT', col('Friends.id')), 'friendCount']] },
  include: [{ model: Friend, attributes: [], through: { attributes: [] } }],
  group: ['Pug.id'],
  order: [[literal('friendCount'), 'DESC']],
  having: where(fn('COUNT', col('Friends.id')), Op.gte, 2),
  subQuery: false,
  limit: 10,
});
void counted[0]?.get('friendCount');
await Pug.findAll({ attributes: ['name', [Sequelize.fn('SUM', Sequelize.col('Toys.price')), 'total']], include: [{ model: Toy, attributes: [], required: true, duplicating: false }], group: [col('Pug.id')], order: [[fn('COUNT', col('Toys.id')), 'DESC']], raw: true });
await Pug.count({ include: [Toy], group: ['Pug.id'] });
await Pug.sum('Toys.price', { include: [{ model: Toy, attributes: [] }] });
await Pug.findAll({ includeIgnoreAttributes: false, attributes: ['id', [fn('COUNT', col('Toys.id')), 'n']], include: [Toy], group: ['Pug.id'] });
