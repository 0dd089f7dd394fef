// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
// The shape sequelize-auto generates (init-models.ts + one class per table).
import * as Sequelize from '../../src/index.js';
import { DataTypes, Model, Optional } from '../../src/index.js';

export interface customerAttributes {
  id: number;
  first_name: string;
  last_name?: string;
  email?: string;
  created_at?: Date;
}
export type customerPk = 'id';
export type customerId = customer[customerPk];
export type customerOptionalAttributes = 'id' | 'last_name' | 'email' | 'created_at';
export type customerCreationAttributes = Optional<customerAttributes, customerOptionalAttributes>;

export class customer extends Model<customerAttributes, customerCreationAttributes> implements customerAttributes {
  declare id: number;
  declare first_name: string;
  declare last_name?: string;
  declare email?: string;
  declare created_at?: Date;

  // customer hasMany order via customer_id
  declare orders: order[];
  declare getOrders: Sequelize.HasManyGetAssociationsMixin<order>;
  declare setOrders: Sequelize.HasManySetAssociationsMixin<order, orderId>;
  declare addOrder: Sequelize.HasManyAddAssociationMixin<order, orderId>;
  declare addOrders: Sequelize.HasManyAddAssociationsMixin<order, orderId>;
  declare createOrder: Sequelize.HasManyCreateAssociationMixin<order>;
  declare removeOrder: Sequelize.HasManyRemoveAssociationMixin<order, orderId>;
  declare removeOrders: Sequelize.HasManyRemoveAssociationsMixin<order, orderId>;
  declare hasOrder: Sequelize.HasManyHasAssociationMixin<order, orderId>;
  declare hasOrders: Sequelize.HasManyHasAssociationsMixin<order, orderId>;
  declare countOrders: Sequelize.HasManyCountAssociationsMixin;

  static initModel(sequelize: Sequelize.Sequelize): typeof customer {
    return customer.init({
      id: { autoIncrement: true, type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      first_name: { type: DataTypes.STRING(50), allowNull: false },
      last_name: { type: DataTypes.STRING(50), allowNull: true },
      email: { type: DataTypes.STRING(100), allowNull: true, unique: 'email_unique' },
      created_at: { type: DataTypes.DATE, allowNull: true, defaultValue: Sequelize.Sequelize.literal('CURRENT_TIMESTAMP') },
    }, {
      sequelize,
      tableName: 'customer',
      timestamps: false,
      indexes: [
        { name: 'PRIMARY', unique: true, using: 'BTREE', fields: [{ name: 'id' }] },
        { name: 'email_unique', unique: true, fields: [{ name: 'email' }] },
      ],
    });
  }
}

export interface orderAttributes {
  id: number;
  customer_id: number;
  total: string;
  status: 'new' | 'paid';
}
export type orderPk = 'id';
export type orderId = order[orderPk];
export type orderCreationAttributes = Optional<orderAttributes, 'id' | 'status'>;

export class order extends Model<orderAttributes, orderCreationAttributes> implements orderAttributes {
  declare id: number;
  declare customer_id: number;
  declare total: string;
  declare status: 'new' | 'paid';

  declare customer: customer;
  declare getCustomer: Sequelize.BelongsToGetAssociationMixin<customer>;
  declare setCustomer: Sequelize.BelongsToSetAssociationMixin<customer, customerId>;
  declare createCustomer: Sequelize.BelongsToCreateAssociationMixin<customer>;

  static initModel(sequelize: Sequelize.Sequelize): typeof order {
    return order.init({
      id: { autoIncrement: true, type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      customer_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'customer', key: 'id' } },
      total: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
      status: { type: DataTypes.ENUM('new', 'paid'), allowNull: false, defaultValue: 'new' },
    }, {
      sequelize,
      tableName: 'order',
      timestamps: false,
      indexes: [{ name: 'fk_customer', using: 'BTREE', fields: [{ name: 'customer_id' }] }],
    });
  }
}

export function initModels(sequelize: Sequelize.Sequelize) {
  const customerModel = customer.initModel(sequelize);
  const orderModel = order.initModel(sequelize);
  orderModel.belongsTo(customerModel, { as: 'customer', foreignKey: 'customer_id' });
  customerModel.hasMany(orderModel, { as: 'orders', foreignKey: 'customer_id' });
  return { customer: customerModel, order: orderModel };
}

export async function run(): Promise<Record<string, unknown>> {
  const sequelize = new Sequelize.Sequelize('sqlite::memory:', { logging: false });
  const models = initModels(sequelize);
  await sequelize.sync();
  const c = await models.customer.create({ first_name: 'Ada' });
  await c.createOrder({ total: '9.50', customer_id: c.id });
  const rows = await models.order.findAll({ include: [{ model: models.customer, as: 'customer', attributes: ['first_name'] }] });
  return { orders: rows.map((o) => [o.total, o.status, o.customer.first_name]), count: await c.countOrders() };
}
