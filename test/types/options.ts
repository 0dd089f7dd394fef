import { DataTypes, QueryTypes, Sequelize, Transaction, col, fn } from '../../src/index.js';

// Every option key of sequelize@6's typings for these calls compiles; a misspelt one does not (no index signature).
declare const db: Sequelize;
declare const transaction: Transaction;
const Pug = db.define('pug', { name: { type: DataTypes.STRING, allowNull: false }, age: DataTypes.INTEGER }, { paranoid: true });
const logging = (sql: string, timing?: number) => void [sql, timing];

await Pug.findAll({
  where: { name: 'Cody' }, attributes: ['name', 'age'], include: [], order: [['age', 'DESC']], group: ['name', fn('lower', col('name'))],
  having: { total: 1 }, limit: 10, offset: 5, groupedLimit: undefined, lock: transaction.LOCK.UPDATE, skipLocked: true, raw: false, nest: false,
  plain: false, paranoid: false, subQuery: false, indexHints: [{ type: 'USE', values: ['idx'] }], useMaster: false, type: 'SELECT',
  replacements: { name: 'Cody' }, bind: [1], mapToModel: false, retry: { max: 1 }, fieldMap: {}, logging, benchmark: true, transaction, hooks: true,
});
await Pug.findAll({ lock: { level: transaction.LOCK.SHARE, of: Pug }, logging: false, transaction: null });
await Pug.findOne({ where: { age: 2 }, rejectOnEmpty: true });
await Pug.findByPk(1, { rejectOnEmpty: new Error('no pug'), attributes: { exclude: ['age'] } });
await Pug.findAndCountAll({ where: { age: 2 }, distinct: true, col: 'id', limit: 2 });
await Pug.count({ where: { age: 2 }, include: [], distinct: true, group: 'name', col: 'id', paranoid: true, useMaster: false, attributes: ['name'], logging, benchmark: false, transaction, hooks: false });
await Pug.findOrCreate({ where: { name: 'Cody' }, defaults: { age: 2 }, transaction, fields: ['name'], validate: true, silent: false, ignoreDuplicates: false, returning: true, isNewRecord: true });
await Pug.max('age', { where: { age: 1 }, paranoid: false, dataType: 'INTEGER', distinct: false, logging, transaction });
await Pug.create({ name: 'Cody' }, { fields: ['name', 'age'], returning: ['name'], validate: true, silent: true, ignoreDuplicates: false, raw: false, isNewRecord: true, include: [], logging, benchmark: true, transaction, hooks: false });
await Pug.bulkCreate([{ name: 'Cody' }], {
  fields: ['name'], validate: true, individualHooks: true, ignoreDuplicates: false, updateOnDuplicate: ['age'], include: [], returning: true,
  conflictWhere: { age: 1 }, conflictAttributes: ['name'], searchPath: 'public', logging, benchmark: false, transaction, hooks: true,
});
await Pug.update({ age: 3 }, { where: { name: 'Cody' }, fields: ['age'], validate: true, sideEffects: true, individualHooks: false, returning: ['age'], limit: 1, silent: true, paranoid: false, logging, benchmark: true, transaction, hooks: true });
await Pug.destroy({ where: { age: 1 }, force: true, truncate: false, cascade: false, individualHooks: false, limit: 1, restartIdentity: false, logging, benchmark: true, transaction, hooks: true });
await Pug.restore({ where: { age: 1 }, individualHooks: false, limit: 1, logging, benchmark: true, transaction, hooks: true });
await Pug.truncate({ cascade: true, restartIdentity: true, force: false, logging, transaction });
await Pug.upsert({ name: 'Cody' }, { fields: ['name'], returning: true, validate: true, conflictWhere: { age: 1 }, conflictFields: ['name'], searchPath: 'public', logging, benchmark: true, transaction, hooks: true });
await Pug.increment('age', { where: { name: 'Cody' }, by: 2, silent: true, searchPath: 'public', logging, benchmark: false, transaction });
await Pug.increment({ age: 2 }, { where: { name: 'Cody' } });
const pug = await Pug.create({ name: 'Doug' });
await pug.save({ fields: ['name'], validate: false, omitNull: true, returning: true, silent: true, logging, benchmark: true, transaction, hooks: true });
await pug.update({ age: 4 }, { fields: ['age'], where: {}, raw: false, reset: false, silent: false, transaction });
await pug.reload({ attributes: ['name'], include: [], paranoid: false, logging, transaction });
await pug.increment(['age'], { by: 1, transaction });
await pug.destroy({ force: true, logging, benchmark: true, transaction, hooks: false });
await pug.restore({ logging, transaction, hooks: true });

// @ts-expect-error misspelt option name: wehre
await Pug.findAll({ wehre: { name: 'Cody' } });
// @ts-expect-error misspelt option name: limt
await Pug.findOne({ limt: 1 });
// @ts-expect-error misspelt option name in count
await Pug.count({ distnct: true });
// @ts-expect-error misspelt option name in create
await Pug.create({ name: 'Cody' }, { transacton: transaction });
// @ts-expect-error misspelt option name in update
await Pug.update({ age: 1 }, { where: { name: 'Cody' }, individualHook: true });
// @ts-expect-error misspelt option name in destroy
await Pug.destroy({ where: { age: 1 }, forse: true });
// @ts-expect-error misspelt option name in bulkCreate
await Pug.bulkCreate([{ name: 'Cody' }], { ignoreDuplicate: true });
// @ts-expect-error fields are checked against the attributes
await Pug.create({ name: 'Cody' }, { fields: ['nmae'] });
// @ts-expect-error update needs a where
await Pug.update({ age: 1 }, {});
// @ts-expect-error misspelt option name on an instance
await pug.save({ feilds: ['name'] });

// define/init options are sequelize@6's ModelOptions keys; a misspelt one fails instead of being ignored.
db.define('bowl', { size: DataTypes.INTEGER }, {
  tableName: 'bowls', freezeTableName: true, timestamps: true, paranoid: false, underscored: true, createdAt: 'made', updatedAt: false,
  deletedAt: 'gone', name: { singular: 'bowl', plural: 'bowls' }, modelName: 'bowl', indexes: [{ fields: ['size'] }], defaultScope: {}, scopes: {},
  hooks: {}, validate: {}, omitNull: false, version: false, schema: 'public', engine: 'InnoDB', charset: 'utf8', collate: 'utf8_bin',
  comment: 'bowls', initialAutoIncrement: '1', hasTrigger: false, whereMergeStrategy: 'and',
});
// @ts-expect-error misspelt define option: parnoid
db.define('typo', { size: DataTypes.INTEGER }, { parnoid: true });
// @ts-expect-error misspelt define option in the explicit-type form
db.define<import('../../src/index.js').Model>('typo', {}, { tablename: 'x' });

// new Sequelize(url, options) / new Sequelize({ … }): every v6 option key compiles, a misspelt one does not.
new Sequelize('postgres://localhost/db', {
  dialect: 'postgres', dialectModule: {}, dialectModulePath: 'pg', dialectOptions: { ssl: { rejectUnauthorized: false }, application_name: 'x' },
  storage: ':memory:', database: 'db', username: 'u', password: 'p', host: 'h', port: 5432, ssl: true, protocol: 'tcp',
  define: { timestamps: false }, query: { raw: true }, set: { fields: [] }, sync: { alter: false }, timezone: '+00:00', omitNull: false,
  native: false, replication: false, pool: { max: 5, min: 0, idle: 1, acquire: 1, evict: 1, maxUses: 10, validate: () => true },
  quoteIdentifiers: true, isolationLevel: 'READ COMMITTED', transactionType: 'DEFERRED', typeValidation: false, operatorsAliases: false,
  standardConformingStrings: true, clientMinMessages: 'warning', hooks: { beforeConnect: () => undefined }, minifyAliases: false,
  logQueryParameters: true, retry: { max: 3, match: [/deadlock/] }, schema: 'public', attributeBehavior: 'throw', logging, benchmark: true,
});
new Sequelize({ dialect: 'mysql', replication: { read: [{ host: 'r1' }], write: { host: 'w' } }, logging: true });
new Sequelize('db', 'user', 'password', { dialect: 'mysql', dialectOptions: { charset: 'utf8mb4', connectTimeout: 1000 } });
// @ts-expect-error a misspelt option (logging) is not an option
new Sequelize('sqlite::memory:', { loging: false });
// @ts-expect-error nor is a driver's own setting at the top level: it belongs in dialectOptions
new Sequelize({ dialect: 'postgres', application_name: 'x' });
// @ts-expect-error pool options are exact too
new Sequelize({ dialect: 'sqlite', pool: { maximum: 5 } });

// sequelize.query(sql, options): every v6 QueryOptions key compiles, a misspelt one does not.
await db.query('SELECT 1', {
  type: QueryTypes.SELECT, replacements: { a: 1 }, bind: [1], raw: true, plain: false, nest: false, model: Pug, instance: undefined,
  mapToModel: true, fieldMap: { a: 'b' }, retry: { max: 1 }, useMaster: false, searchPath: 'public', transaction, logging, benchmark: true,
});
// @ts-expect-error a misspelt query option (replacements) is not an option
await db.query('SELECT 1', { replacement: [1] });
// @ts-expect-error `where` is a finder's option, not sequelize.query's
await db.query('SELECT 1', { where: { a: 1 } });
