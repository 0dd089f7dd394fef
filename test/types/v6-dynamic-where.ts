// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Op, Sequelize, WhereOptions, Attributes, Order, FindOptions } from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const events: string[] = [];
sequelize.addHook('afterConnect', (connection, config) => {
  events.push(`connect:${typeof connection}:${typeof config}`);
});
sequelize.beforeDefine((attributes, options) => {
  events.push(`define:${Object.keys(attributes).length}:${typeof options}`);
});
sequelize.addHook('afterDefine', (model) => {
  events.push(`defined:${model.name}`);
});

class Book extends Model<InferAttributes<Book>, InferCreationAttributes<Book>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare year: number;
  declare genre: string | null;
}
Book.init(
  { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, title: DataTypes.STRING, year: DataTypes.INTEGER, genre: DataTypes.STRING },
  { sequelize, timestamps: false },
);

interface Query { q?: string; from?: number; genres?: string[]; sort?: 'year' | 'title' }

function buildWhere(query: Query): WhereOptions {
  const where: WhereOptions = {};
  const and: WhereOptions[] = [];
  if (query.q) and.push({ title: { [Op.like]: `%${query.q}%` } });
  if (query.from !== undefined) and.push({ year: { [Op.gte]: query.from } });
  if (query.genres?.length) and.push({ genre: { [Op.in]: query.genres } });
  return and.length ? { ...where, [Op.and]: and } : where;
}
function buildTyped(query: Query): WhereOptions<Attributes<Book>> {
  const where: WhereOptions<Attributes<Book>> = {};
  if (query.q) Object.assign(where, { title: { [Op.like]: `%${query.q}%` } });
  return where;
}

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  await Book.bulkCreate([{ title: 'Dune', year: 1965, genre: 'sf' }, { title: 'Emma', year: 1815, genre: null }, { title: 'Dracula', year: 1897, genre: 'horror' }]);
  const query: Query = { q: 'D', from: 1800, sort: 'year' };
  const order: Order = [[query.sort ?? 'id', 'ASC']];
  const found = await Book.findAll({ where: buildWhere(query), order });
  const typed = await Book.count({ where: buildTyped({ q: 'm' }) });
  const opts: FindOptions = { where: { genre: null }, limit: 5 };
  const nulls = await Book.findAll(opts);
  return { found: found.map((b) => b.title), typed, nulls: nulls.map((b) => b.title), events: events.filter((e) => !e.startsWith('connect')).length };
}
