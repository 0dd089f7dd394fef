// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  AbstractDataType, DataType, DataTypeAbstract, DataTypes, Model, ModelAttributeColumnOptions, ModelAttributes, ModelOptions,
  ModelValidateOptions, Sequelize, InitOptions, IndexesOptions, ModelIndexesOptions, ModelScopeOptions, Optional, ScopeOptions,
  ModelAttributeColumnReferencesOptions, ModelSetterOptions, ModelGetterOptions,
} from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

// Attribute maps built separately and typed with v6's names.
interface ItemAttributes { id: number; sku: string; qty: number; meta: object | null; kind: 'a' | 'b'; price: number; tags: string | null }
type ItemCreation = Optional<ItemAttributes, 'id' | 'meta' | 'kind' | 'tags'>;
class Item extends Model<ItemAttributes, ItemCreation> {
  declare id: number;
  declare sku: string;
  declare qty: number;
  declare meta: object | null;
  declare kind: 'a' | 'b';
  declare price: number;
  declare tags: string | null;
}

const stringType: DataType = DataTypes.STRING(32);
const abstractType: DataTypeAbstract = DataTypes.INTEGER;
const instanceType: AbstractDataType = new DataTypes.TEXT();
const skuColumn: ModelAttributeColumnOptions<Item> = {
  type: stringType,
  allowNull: false,
  unique: true,
  validate: { len: [2, 32], notEmpty: true },
  comment: 'stock keeping unit',
  set(this: Item, value: string) {
    this.setDataValue('sku', value.toUpperCase());
  },
};
const references: ModelAttributeColumnReferencesOptions = { model: 'warehouses', key: 'id' };
void references;
const attributes: ModelAttributes<Item, ItemAttributes> = {
  id: { type: abstractType, primaryKey: true, autoIncrement: true },
  sku: skuColumn,
  qty: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, validate: { min: 0 } },
  meta: { type: DataTypes.JSON },
  kind: { type: DataTypes.ENUM('a', 'b'), defaultValue: 'a' },
  price: {
    type: DataTypes.DECIMAL(10, 2),
    get(this: Item) {
      const raw = this.getDataValue('price');
      return raw === null ? null : Number(raw);
    },
  },
  tags: { type: instanceType, allowNull: true },
};
const validate: ModelValidateOptions = {
  qtyNotHuge(this: Item) {
    if (this.qty > 1000) throw new Error('too many');
  },
};
const indexes: ModelIndexesOptions[] = [{ fields: ['sku'], unique: true, name: 'items_sku' }];
const scopes: ModelScopeOptions<ItemAttributes> = { inStock: { where: { qty: 1 } } };
const options: InitOptions<Item> = {
  sequelize,
  tableName: 'items',
  timestamps: false,
  validate,
  indexes,
  scopes,
  defaultScope: { attributes: { exclude: ['tags'] } },
};
const modelOptions: ModelOptions<Item> = { timestamps: false, paranoid: false, underscored: true };
void modelOptions;
const idx: IndexesOptions = { fields: ['qty'] };
void idx;
const getterOpts: ModelGetterOptions<Item> = {};
const setterOpts: ModelSetterOptions<Item> = {};
void getterOpts;
void setterOpts;
Item.init(attributes, options);

// DataTypes used as values and types in helpers.
function column(type: DataType, allowNull = true): ModelAttributeColumnOptions {
  return { type, allowNull };
}
const Extra = sequelize.define('extra', {
  a: column(DataTypes.STRING),
  b: column(DataTypes.BOOLEAN, false),
  c: column(DataTypes.DATEONLY),
  d: column(DataTypes.UUID),
  e: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
  f: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
  g: column(DataTypes.BIGINT),
  h: column(DataTypes.DOUBLE),
  j: column(DataTypes.CHAR(2)),
  k: column(DataTypes.TEXT('long')),
  l: column(DataTypes.BLOB),
  m: { type: DataTypes.VIRTUAL(DataTypes.STRING, ['a']), get() { return 'v'; } },
});

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const item = await Item.create({ sku: 'ab1', qty: 2, price: 3.5 });
  const scoped = await Item.scope('inStock').count();
  const rows = await Item.findAll({ raw: true });
  const ex = await Extra.create({ b: true });
  const kinds = Object.keys(Item.getAttributes()).sort();
  const typeKey = Item.getAttributes().sku.type.toString({});
  let err: string | null = null;
  try {
    await Item.create({ sku: 'x', qty: 2000, price: 1 });
  } catch (e) {
    err = (e as Error).name;
  }
  return { sku: item.sku, price: item.price, scoped, rows: rows.length, m: ex.get('m'), kinds, typeKey, err, isStr: DataTypes.STRING.key };
}
