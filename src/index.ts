import { Sequelize } from './sequelize.js';

export { Sequelize };
export { Model, type ModelStatic } from './model/model.js';
export * from './data-types/index.js';
export * from './errors/index.js';
export { Op } from './sql/operators.js';
export { fn, col, literal, where, and, or, cast, json, Fn, Col, Literal, Cast, Where, Json } from './sql/sql-helpers.js';
export { QueryTypes } from './query-types.js';
export { Transaction } from './transaction/transaction.js';
export { QueryInterface } from './schema/query-interface.js';
export type { SequelizeOptions } from './config.js';
export type { FindOptions } from './query/find-options.js';
export type { ModelOptions, IndexOptions } from './metadata/model-options.js';

export default Sequelize;
