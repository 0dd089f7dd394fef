import { DataTypes } from './data-types/index.js';
import * as errors from './errors/index.js';
import { Model } from './model/model.js';
import { IndexHints, QueryTypes, TableHints } from './query-types.js';
import { Op } from './types/operators.js';
import { and, cast, col, fn, json, literal, or, where, Cast, Col, Fn, Json, Literal, Where } from './sql/sql-helpers.js';
import { Transaction } from './transaction/transaction.js';
import { Deferrable } from './sql/deferrable.js';
import { Validator } from './model/validator-export.js';
import { useInflection } from './utils/inflection.js';

/**
 * What `Sequelize.X` carries, as on sequelize@6's class: data types (`Sequelize.STRING`), `Op`, errors,
 * helpers. The CommonJS entry exports the class itself, so `require('joinery').STRING` works too.
 */
export const sequelizeStatics = {
  ...DataTypes,
  DataTypes,
  Op,
  Model,
  QueryTypes,
  IndexHints,
  TableHints,
  Transaction,
  Deferrable,
  ...errors,
  /** v6's `Sequelize.Error` is its BaseError. */
  Error: errors.BaseError,
  Validator,
  useInflection,
  /** v6 keeps the class-level (permanent) hooks here. */
  options: { hooks: {} as Record<string, unknown> },
  fn, col, literal, where, and, or, cast, json,
  Utils: { Fn, Col, Literal, Cast, Where, Json, SequelizeMethod: Object.getPrototypeOf(Fn) as unknown },
  version: '6.37.0-joinery',
};

export type SequelizeStatics = typeof sequelizeStatics;
