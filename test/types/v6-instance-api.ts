// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import { CreationOptional, DataTypes, GroupedCountResultItem, InferAttributes, InferCreationAttributes, Model, NonAttribute, Op, Sequelize, Transaction } from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class Item extends Model<InferAttributes<Item>, InferCreationAttributes<Item>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare price: number;
  declare kind: CreationOptional<string>;
  declare tags: string | null;

  get label(): NonAttribute<string> {
    return `${this.getDataValue('name').toUpperCase()} (${this.getDataValue('price').toFixed(2)})`;
  }
  setName(value: string): void {
    this.setDataValue('name', value.trim());
  }
}
Item.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: {
      type: DataTypes.STRING,
      allowNull: false,
      get() {
        const raw: string = this.getDataValue('name');
        return raw;
      },
    },
    price: { type: DataTypes.FLOAT, allowNull: false },
    kind: { type: DataTypes.STRING, allowNull: false, defaultValue: 'misc' },
    tags: DataTypes.STRING,
  },
  { sequelize, modelName: 'item', timestamps: false },
);

async function totals(t?: Transaction): Promise<GroupedCountResultItem[]> {
  return Item.count({ group: ['kind'], transaction: t });
}

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const a = await Item.create({ name: ' apple ', price: 1.5 });
  await Item.bulkCreate([{ name: 'pear', price: 2, kind: 'fruit' }, { name: 'nail', price: 0.1, kind: 'tool' }, { name: 'fig', price: 3, kind: 'fruit' }]);
  a.setName(' Apple ');
  const json = a.toJSON();
  const jsonName: string = json.name;
  const plain = a.get({ plain: true });
  const plainPrice: number = plain.price;
  const prevName: string | undefined = a.previous('name');
  await a.save();
  const label = a.label;
  const grouped = await totals();
  const byKind = grouped.map((g) => [g.kind, g.count]);
  const { count, rows } = await Item.findAndCountAll({ where: { price: { [Op.gt]: 1 } }, order: [['name', 'ASC']] });
  const seq = Item.sequelize!;
  const names = await seq.transaction(async (t) => (await Item.findAll({ transaction: t, attributes: ['name'] })).map((i) => i.name));
  const Found = sequelize.models.item as typeof Item;
  const again = await Found.findByPk(a.id);
  const dv: number = a.dataValues.price;
  return { jsonName, plainPrice, prevName, label, byKind, count, rows: rows.length, names, again: again?.name, dv, isNew: a.isNewRecord };
}
