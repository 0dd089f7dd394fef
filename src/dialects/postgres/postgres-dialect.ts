import { postgresRawResults } from './postgres-raw-results.js';
import { sequelizeFlags } from './postgres-flags.js';
import type { Dialect, DialectSupports } from '../dialect.js';
import type { ConnectionConfig } from '../connection.js';
import { PostgresCompiler } from './postgres-compiler.js';
import { PostgresPool } from './postgres-connection.js';
import { postgresDdl } from './postgres-ddl.js';
import { convertPostgresError } from './postgres-errors.js';
import { postgresIntrospection } from './postgres-introspect.js';
import { postgresTypes } from './postgres-types.js';

const supports: DialectSupports = {
  ...sequelizeFlags,
  inserts: { ...sequelizeFlags.inserts, conflictTargetRequired: true },
  insertReturning: true,
  insertReadsBackKeysOnly: false,
  updateReturning: true,
  deleteReturning: true,
  upserts: true,
  schemas: true,
  transactions: true,
  replication: true,
  savepoints: true,
  transactionalDdl: true,
  isolationLevels: true,
  lock: true,
  iLike: true,
  regexp: true,
  JSON: true,
  JSONB: true,
  ARRAY: true,
  arrayParameters: true,
  enumTypes: true,
  indexViaAlter: false,
  foreignKeys: true,
  namedForeignKeys: true,
  'DEFAULT VALUES': true,
  maxParameters: 65_535,
  arrayRows: false,
  nullsSortFirst: false,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  rawResults: postgresRawResults,
  supports,
  compiler: new PostgresCompiler(),
  types: postgresTypes,
  ddl: postgresDdl,
  introspection: postgresIntrospection,
  defaultPort: 5432,
  maintenanceDatabase: 'postgres',
  createPool: (config: ConnectionConfig) => new PostgresPool(config),
  escapeStyle: { strings: 'doubled', booleans: 'words', arrays: 'array', dates: 'withOffset', buffer: (value) => `E'\\\\x${value.toString('hex')}'` },
  convertError: convertPostgresError,
  /** The isolation level rides on START TRANSACTION itself, so no statement runs at the wrong level. */
  beginTransaction: (options) => {
    const modes = [
      ...(options.isolationLevel ? [`ISOLATION LEVEL ${options.isolationLevel}`] : []),
      ...(options.readOnly ? ['READ ONLY'] : []),
    ];
    return [modes.length > 0 ? `START TRANSACTION ${modes.join(', ')}` : 'START TRANSACTION'];
  },
  setIsolationLevelFirst: false,
};
