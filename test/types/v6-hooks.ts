// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  CreateOptions, CreationOptional, DataTypes, FindOptions, InferAttributes, InferCreationAttributes, InstanceDestroyOptions, Model,
  SaveOptions, Sequelize, UpdateOptions, ValidationError, ValidationErrorItem, Attributes, BulkCreateOptions, DestroyOptions,
} from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', {
  logging: false,
  hooks: { beforeDefine: (attributes, options) => void [attributes, options] },
});
const log: string[] = [];

class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare passwordHash: string;
  declare loginCount: CreationOptional<number>;
}
Account.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING, allowNull: false, unique: true, validate: { isEmail: { msg: 'bad email' } } },
    passwordHash: { type: DataTypes.STRING, allowNull: false },
    loginCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  },
  {
    sequelize,
    hooks: {
      beforeCreate: (account: Account, options: CreateOptions<Attributes<Account>>) => {
        account.email = account.email.toLowerCase();
        log.push(`beforeCreate:${options.transaction ? 'tx' : 'none'}`);
      },
      afterCreate: async (account) => {
        log.push(`afterCreate:${account.id}`);
      },
    },
  },
);

Account.beforeSave(async (account: Account, options: SaveOptions<Attributes<Account>>) => {
  if (account.changed('passwordHash')) account.passwordHash = `hashed:${account.passwordHash}`;
  log.push(`beforeSave:${(options.fields ?? []).length > 0}`);
});
Account.addHook('beforeValidate', 'trim', (account: Account) => {
  if (account.email) account.email = account.email.trim();
});
Account.addHook('afterDestroy', (instance: Account, options: InstanceDestroyOptions) => {
  log.push(`afterDestroy:${instance.id}:${options.force === true}`);
});
Account.beforeFind((options: FindOptions<Attributes<Account>>) => {
  options.order ??= [['id', 'ASC']];
});
Account.afterFind((result: Account | readonly Account[] | null) => {
  if (Array.isArray(result)) log.push(`afterFind:${result.length}`);
});
Account.beforeBulkUpdate((options: UpdateOptions<Attributes<Account>>) => {
  log.push(`beforeBulkUpdate:${Object.keys(options.where ?? {}).length}`);
});
Account.beforeBulkCreate((instances: Account[], options: BulkCreateOptions<Attributes<Account>>) => {
  log.push(`beforeBulkCreate:${instances.length}:${options.validate === true}`);
});
Account.beforeBulkDestroy((options: DestroyOptions<Attributes<Account>>) => {
  log.push(`beforeBulkDestroy:${options.individualHooks === true}`);
});
Account.afterValidate('name', (account: Account): void => {
  log.push(`afterValidate:${account.email}`);
});
sequelize.addHook('afterBulkSync', () => {
  log.push('afterBulkSync');
});
sequelize.beforeCreate((model: Model) => {
  log.push(`global:${model.constructor.name}`);
});

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const a = await Account.create({ email: ' ANN@Example.com ', passwordHash: 'pw' });
  a.passwordHash = 'new';
  await a.save({ fields: ['passwordHash'] });
  await Account.findAll();
  await Account.update({ loginCount: 1 }, { where: { id: a.id } });
  await Account.bulkCreate([{ email: 'b@c.de', passwordHash: 'x' }], { validate: true });
  let err: unknown;
  try {
    await Account.create({ email: 'nope', passwordHash: 'x' });
  } catch (e) {
    err = e;
  }
  const messages = err instanceof ValidationError ? err.errors.map((i: ValidationErrorItem) => [i.path, i.message, i.validatorKey]) : null;
  Account.removeHook('beforeValidate', 'trim');
  const hasIt = Account.hasHook('beforeValidate');
  await a.destroy();
  await Account.destroy({ where: {}, individualHooks: false });
  return { log, email: a.email, hash: a.passwordHash, messages, hasIt };
}
