// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  CreateOptions, DataTypes, DestroyOptions, FindAndCountOptions, FindAttributeOptions, FindOptions, IncludeOptions, Includeable,
  InferAttributes, InferCreationAttributes, CreationOptional, Model, Op, Order, Sequelize, Transaction, UpdateOptions, WhereOptions,
  Attributes, CreationAttributes, QueryTypes, fn, col, literal, where, CountOptions, BulkCreateOptions, UpsertOptions, FindOrCreateOptions,
  Transactionable, Identifier, NonNullFindOptions, GroupOption,
} from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class Product extends Model<InferAttributes<Product>, InferCreationAttributes<Product>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare price: number;
  declare stock: number | null;
  declare category: string | null;
  declare vendorId: number | null;
}
class Vendor extends Model<InferAttributes<Vendor>, InferCreationAttributes<Vendor>> {
  declare id: CreationOptional<number>;
  declare name: string;
}
Product.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: { type: DataTypes.STRING, allowNull: false },
    price: { type: DataTypes.FLOAT, allowNull: false },
    stock: DataTypes.INTEGER,
    category: DataTypes.STRING,
    vendorId: DataTypes.INTEGER,
  },
  { sequelize, timestamps: false },
);
Vendor.init({ id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING }, { sequelize, timestamps: false });
Product.belongsTo(Vendor, { foreignKey: 'vendorId', as: 'vendor' });
Vendor.hasMany(Product, { foreignKey: 'vendorId', as: 'products' });

// A service layer typed with v6's option types.
function priceFilter(min?: number, max?: number): WhereOptions<Attributes<Product>> {
  const w: WhereOptions<Attributes<Product>> = {};
  const price: Record<symbol, number> = {};
  if (min !== undefined) price[Op.gte] = min;
  if (max !== undefined) price[Op.lte] = max;
  return { ...w, price };
}
const vendorInclude: IncludeOptions = { model: Vendor, as: 'vendor', required: false, attributes: ['name'] };
const includes: Includeable[] = [vendorInclude];
const defaultOrder: Order = [['price', 'DESC'], ['name', 'ASC']];
const attrs: FindAttributeOptions = { exclude: ['stock'] };

async function list(options: FindOptions<Attributes<Product>> = {}): Promise<Product[]> {
  return Product.findAll({ order: defaultOrder, ...options });
}
async function page(opts: FindAndCountOptions<Attributes<Product>>) {
  return Product.findAndCountAll(opts);
}
async function make(values: CreationAttributes<Product>, options?: CreateOptions<Attributes<Product>>): Promise<Product> {
  return Product.create(values, options);
}
async function bump(id: Identifier, t?: Transaction) {
  const options: UpdateOptions<Attributes<Product>> = { where: { id: Number(id) }, transaction: t };
  return Product.update({ stock: 5 }, options);
}
async function remove(options: DestroyOptions<Attributes<Product>>) {
  return Product.destroy(options);
}
async function inTx<T>(work: (t: Transaction) => Promise<T>): Promise<T> {
  return sequelize.transaction(work);
}
function withTx(opts: Transactionable) {
  return opts.transaction ?? null;
}

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const v = await Vendor.create({ name: 'Acme' });
  const bulkOpts: BulkCreateOptions<Attributes<Product>> = { validate: true };
  await Product.bulkCreate([
    { name: 'a', price: 1, stock: 1, category: 'x', vendorId: v.id },
    { name: 'b', price: 2, stock: null, category: 'y', vendorId: v.id },
    { name: 'c', price: 3, stock: 3, category: null, vendorId: null },
  ], bulkOpts);
  // @ts-expect-error joinery checks attribute names: an `attributes` value typed as v6's plain FindAttributeOptions (any string) needs FindAttributeOptions<Attributes<Product>> (docs/types.md)
  const cheap = await list({ where: priceFilter(undefined, 2), include: includes, attributes: attrs });
  const ors = await Product.findAll({ where: { [Op.or]: [{ category: 'x' }, { category: null }] }, order: [['id', 'ASC']] });
  const like = await Product.findAll({ where: { name: { [Op.like]: '%b%' }, price: { [Op.between]: [0, 10] } } });
  const inList = await Product.findAll({ where: { id: { [Op.in]: [1, 3] }, category: { [Op.ne]: null } } });
  const notIn = await Product.count({ where: { id: { [Op.notIn]: [1] } } });
  const { count, rows } = await page({ limit: 2, offset: 0, order: [['id', 'ASC']] });
  const made = await make({ name: 'd', price: 4 }, { fields: ['name', 'price'] });
  const [affected] = await bump(made.id);
  const grouped = await Product.findAll({
    attributes: ['category', [fn('COUNT', col('id')), 'n']],
    group: ['category'] as GroupOption,
    order: [[literal('n'), 'DESC'], ['category', 'ASC']],
    raw: true,
  });
  const countOpts: CountOptions<Attributes<Product>> = { where: where(fn('lower', col('name')), 'a') };
  const lowerA = await Product.count(countOpts);
  const viaTx = await inTx(async (t) => {
    const p = await Product.create({ name: 'tx', price: 9 }, { transaction: t });
    withTx({ transaction: t });
    return p.id;
  });
  const upsertOpts: UpsertOptions<Attributes<Product>> = { returning: true };
  const [up] = await Product.upsert({ id: 1, name: 'a2', price: 1.5 }, upsertOpts);
  const foc: FindOrCreateOptions<Attributes<Product>, CreationAttributes<Product>> = { where: { name: 'e' }, defaults: { name: 'e', price: 5 } };
  const [e, created] = await Product.findOrCreate(foc);
  const nn: NonNullFindOptions<Attributes<Product>> = { where: { id: 1 }, rejectOnEmpty: true };
  const sure = await Product.findOne(nn);
  const raws = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM Products', { type: QueryTypes.SELECT });
  const removed = await remove({ where: { price: { [Op.gt]: 8 } } });
  const max = await Product.max<number, Product>('price');
  const sum = await Product.sum('price');
  const vendorWithProducts = await Vendor.findOne({ include: [{ model: Product, as: 'products', where: { price: { [Op.lt]: 3 } } }] });
  return {
    cheap: cheap.map((p) => p.toJSON()), ors: ors.map((p) => p.name), like: like.map((p) => p.name), inList: inList.map((p) => p.name), notIn,
    count, rows: rows.length, made: made.name, affected, grouped, lowerA, viaTx, up: up.name, e: e.name, created, sure: sure.name, raws, removed,
    max, sum, vendorWithProducts: vendorWithProducts?.toJSON(),
  };
}
