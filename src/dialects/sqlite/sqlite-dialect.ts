import { sqliteRawResults } from './sqlite-raw-results.js';
import { sequelizeFlags } from './sqlite-flags.js';
import type { Dialect, DialectSupports } from '../dialect.js';
import type { ConnectionConfig } from '../connection.js';
import { SqliteCompiler } from './sqlite-compiler.js';
import { SqlitePool } from './sqlite-connection.js';
import { sqliteDdl } from './sqlite-ddl.js';
import { convertSqliteError } from './sqlite-errors.js';
import { sqliteIntrospection } from './sqlite-introspect.js';
import { sqliteJsonRows } from './sqlite-json-rows.js';
import { sqliteTypes } from './sqlite-types.js';

const supports: DialectSupports = {
  ...sequelizeFlags,
  inserts: { ...sequelizeFlags.inserts, conflictTargetRequired: true },
  // One connection shared by every statement; a transaction holds it until it ends.
  singleConnection: true,
  // Dates are stored as UTC text; v6 refuses a `timezone` option here.
  customTimezone: false,
  insertReturning: true,
  insertReadsBackKeysOnly: true,
  updateReturning: true,
  deleteReturning: true,
  upserts: true,
  schemas: false,
  transactions: true,
  replication: false,
  savepoints: true,
  transactionalDdl: true,
  isolationLevels: false,
  lock: false,
  iLike: false,
  regexp: true,
  JSON: true,
  JSONB: false,
  ARRAY: false,
  arrayParameters: false,
  enumTypes: false,
  indexViaAlter: false,
  foreignKeys: true,
  namedForeignKeys: false,
  'DEFAULT VALUES': true,
  maxParameters: 32_766,
  arrayRows: true,
  nullsSortFirst: true,
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  rawResults: sqliteRawResults,
  supports,
  compiler: new SqliteCompiler(),
  types: sqliteTypes,
  ddl: sqliteDdl,
  introspection: sqliteIntrospection,
  defaultPort: undefined,
  createPool: (config: ConnectionConfig) => new SqlitePool(config),
  escapeStyle: { strings: 'doubled', booleans: 'numbers', arrays: 'list', dates: 'withOffset', buffer: (value) => `X'${value.toString('hex')}'` },
  convertError: convertSqliteError,
  /** DEFERRED/IMMEDIATE/EXCLUSIVE are SQLite's transaction types; IMMEDIATE takes the write lock up front. */
  beginTransaction: (options) => [`BEGIN ${options.type ?? 'DEFERRED'} TRANSACTION`],
  setIsolationLevelFirst: false,
  jsonRows: sqliteJsonRows,
};
