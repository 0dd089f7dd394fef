// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
// A generic repository over any model, as service layers write it.
import {
  Attributes, CreationAttributes, CreationOptional, DataTypes, FindOptions, Identifier, InferAttributes, InferCreationAttributes, Model, ModelStatic,
  Op, Sequelize, Transaction, UpdateOptions, WhereOptions, DestroyOptions,
} from '../../src/index.js';

class Repository<M extends Model> {
  constructor(private readonly model: ModelStatic<M>) {}

  findAll(options?: FindOptions<Attributes<M>>): Promise<M[]> {
    return this.model.findAll(options);
  }
  findById(id: Identifier, transaction?: Transaction): Promise<M | null> {
    return this.model.findByPk(id, { transaction });
  }
  findOne(where: WhereOptions<Attributes<M>>): Promise<M | null> {
    return this.model.findOne({ where });
  }
  create(values: CreationAttributes<M>, transaction?: Transaction): Promise<M> {
    return this.model.create(values, { transaction });
  }
  async update(where: WhereOptions<Attributes<M>>, values: Partial<Attributes<M>>): Promise<number> {
    const options: UpdateOptions<Attributes<M>> = { where };
    const [count] = await this.model.update(values, options);
    return count;
  }
  remove(options: DestroyOptions<Attributes<M>>): Promise<number> {
    return this.model.destroy(options);
  }
  count(where?: WhereOptions<Attributes<M>>): Promise<number> {
    return this.model.count({ where });
  }
}

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
class City extends Model<InferAttributes<City>, InferCreationAttributes<City>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare population: number;
}
City.init(
  { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: { type: DataTypes.STRING, allowNull: false }, population: { type: DataTypes.INTEGER, allowNull: false } },
  { sequelize, timestamps: false },
);

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const cities = new Repository(City);
  const oslo = await cities.create({ name: 'Oslo', population: 700 });
  await cities.create({ name: 'Bergen', population: 280 });
  const big = await cities.findAll({ where: { population: { [Op.gt]: 500 } } });
  const found = await cities.findById(oslo.id);
  const one = await cities.findOne({ name: 'Bergen' });
  const updated = await cities.update({ name: 'Bergen' }, { population: 285 });
  const [n, rows] = await City.update({ population: 701 }, { where: { id: oslo.id }, returning: true });
  const total = await cities.count();
  const removed = await cities.remove({ where: { population: { [Op.lt]: 300 } } });
  const typed = await City.findOne<City>({ where: { name: 'Oslo' } });
  return { big: big.map((c) => c.name), found: found?.name, one: one?.population, updated, n, rows: rows.length, total, removed, typed: typed?.name };
}
