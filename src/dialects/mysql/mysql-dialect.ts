import { mysqlRawResults } from './mysql-raw-results.js';
import { sequelizeFlags } from './mysql-flags.js';
import type { Dialect, DialectSupports } from '../dialect.js';
import type { ConnectionConfig } from '../connection.js';
import { MysqlCompiler } from './mysql-compiler.js';
import { MysqlPool } from './mysql-connection.js';
import { mysqlDdl } from './mysql-ddl.js';
import { convertMysqlError, endsMysqlTransaction } from './mysql-errors.js';
import { mysqlIntrospection } from './mysql-introspect.js';
import { mysqlTypes } from './mysql-types.js';

const mysqlSupports: DialectSupports = {
  ...sequelizeFlags,
  inserts: { ...sequelizeFlags.inserts, conflictTargetRequired: false },
  insertReturning: false,
  insertReadsBackKeysOnly: false,
  updateReturning: false,
  deleteReturning: false,
  upserts: true,
  schemas: false,
  transactions: true,
  replication: true,
  // `sequelize.set`: user variables (`SET @name := …`).
  sessionVariables: true,
  savepoints: true,
  transactionalDdl: false,
  isolationLevels: true,
  lock: true,
  iLike: false,
  regexp: true,
  JSON: true,
  JSONB: false,
  ARRAY: false,
  arrayParameters: false,
  enumTypes: false,
  indexViaAlter: true,
  foreignKeys: true,
  namedForeignKeys: true,
  'DEFAULT VALUES': false,
  maxParameters: 65_535,
  arrayRows: false,
  nullsSortFirst: true,
};

/** MySQL takes the isolation level for the next transaction before START TRANSACTION. */
function beginTransaction(options: { isolationLevel?: string | null; readOnly?: boolean }): string[] {
  return [
    // Without SESSION the level applies to the next transaction only, so it cannot leak to the pooled connection's next user.
    ...(options.isolationLevel ? [`SET TRANSACTION ISOLATION LEVEL ${options.isolationLevel}`] : []),
    options.readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION',
  ];
}

export const mysqlDialect: Dialect = {
  name: 'mysql',
  rawResults: mysqlRawResults,
  supports: mysqlSupports,
  compiler: new MysqlCompiler(),
  types: mysqlTypes,
  ddl: mysqlDdl,
  introspection: mysqlIntrospection,
  defaultPort: 3306,
  maintenanceDatabase: null,
  createPool: (config: ConnectionConfig) => new MysqlPool(config),
  escapeStyle: { strings: 'backslashes', booleans: 'words', arrays: 'list', dates: 'plain', buffer: (value) => `X'${value.toString('hex')}'` },
  convertError: convertMysqlError,
  endsTransaction: endsMysqlTransaction,
  beginTransaction,
  setIsolationLevelFirst: true,
};

/** MariaDB 10.5+ returns rows from INSERT … RETURNING and DELETE … RETURNING, not from UPDATE. */
export const mariadbDialect: Dialect = {
  ...mysqlDialect,
  name: 'mariadb',
  supports: { ...mysqlSupports, insertReturning: true, deleteReturning: true },
  compiler: new MysqlCompiler(new Set(['insert', 'delete'])),
};
