// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, ModelAttributeColumnOptions, Sequelize } from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
class Counter extends Model<InferAttributes<Counter>, InferCreationAttributes<Counter>> {
  declare id: CreationOptional<number>;
  declare hits: CreationOptional<number>;
  declare label: string;
}
Counter.init(
  { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, hits: { type: DataTypes.INTEGER, defaultValue: 0 }, label: DataTypes.STRING },
  { sequelize, tableName: 'counters', timestamps: false },
);

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const c = await Counter.create({ label: 'a' });
  await c.increment('hits', { by: 2 });
  await c.decrement({ hits: 1 });
  await Counter.increment({ hits: 5 }, { where: { label: 'a' } });
  await c.reload();
  const attrs = Counter.getAttributes();
  const hitsColumn: ModelAttributeColumnOptions = attrs.hits;
  const raw = Counter.rawAttributes.label;
  const pk: string = Counter.primaryKeyAttribute;
  const pks: readonly string[] = Counter.primaryKeyAttributes;
  const table: string = Counter.tableName;
  const optsTable = Counter.options.tableName;
  const name: string = Counter.name;
  const isCounter = c instanceof Counter;
  const ctor = c.constructor as typeof Counter;
  return { hits: c.hits, hitsDefault: hitsColumn.defaultValue, rawField: raw.field, pk, pks, table, optsTable, name, isCounter, ctor: ctor.name };
}
