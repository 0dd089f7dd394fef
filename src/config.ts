import { resolve } from 'node:path';
import type { ConnectionConfig, PoolOptions } from './dialects/connection.js';
import type { SequelizeHookOptions } from './types/hooks.js';

export type { RetryOptions } from './query/query-runner.js';
import type { RetryOptions } from './query/query-runner.js';

/** One server of v6's `replication` option. */
export interface ReplicationServer {
  host?: string;
  port?: number | string;
  username?: string;
  password?: string | null;
  database?: string;
}

/**
 * `new Sequelize(…)`'s options: every key of sequelize@6's `Options`, and no others, so a misspelt key does not
 * compile. Driver-specific settings go in `dialectOptions`.
 */
export interface SequelizeOptions {
  dialect?: string;
  dialectModule?: unknown;
  dialectModulePath?: string;
  dialectOptions?: Record<string, unknown>;
  storage?: string;
  database?: string;
  username?: string;
  password?: string;
  host?: string;
  port?: number | string;
  ssl?: boolean;
  protocol?: string;
  define?: Record<string, unknown>;
  query?: Record<string, unknown>;
  set?: { fields?: readonly string[]; transaction?: unknown };
  sync?: Record<string, unknown>;
  timezone?: string;
  omitNull?: boolean;
  native?: boolean;
  /** Reads outside transactions go to the `read` servers in turn, the rest to `write`; ignored on SQLite, as in v6. */
  replication?: { read?: ReplicationServer | ReplicationServer[]; write?: ReplicationServer } | false;
  pool?: PoolOptions & { validate?: (connection?: unknown) => boolean; maxUses?: number };
  quoteIdentifiers?: boolean;
  isolationLevel?: string | null;
  transactionType?: string;
  typeValidation?: boolean;
  operatorsAliases?: Record<string, symbol> | false;
  standardConformingStrings?: boolean;
  clientMinMessages?: string | boolean;
  hooks?: SequelizeHookOptions;
  minifyAliases?: boolean;
  logQueryParameters?: boolean;
  retry?: RetryOptions;
  schema?: string;
  attributeBehavior?: 'escape' | 'throw' | 'unsafe-legacy';
  /** v6's type; the function also gets the query's options after the timing, as in v6 at run time. */
  logging?: boolean | ((sql: string, timing?: number) => void);
  benchmark?: boolean;
}

/** Reads Sequelize-style connection URLs: `sqlite::memory:`, `sqlite:./db.sqlite`, `postgres://u:p@h:5432/db?sslmode=require`. */
export function parseConnectionUrl(url: string): SequelizeOptions {
  const sqlite = /^sqlite3?:([^?]*)/i.exec(url);
  if (sqlite) {
    const rest = sqlite[1]!;
    if (rest === ':memory:' || rest === '' || rest === '//:memory:' || rest === '//') return { dialect: 'sqlite', storage: ':memory:' };
    // Like Sequelize, the file is resolved against the working directory once, here.
    return { dialect: 'sqlite', storage: resolve(decodeURIComponent(rest.replace(/^\/\/(?=\/)/, '').replace(/^\/\/(?!\/)/, ''))) };
  }
  const parsed = new URL(url);
  const dialect = parsed.protocol.replace(/:$/, '');
  const options: SequelizeOptions = {
    dialect: dialect === 'postgresql' ? 'postgres' : dialect,
    host: parsed.hostname,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database) options.database = database;
  const dialectOptions: Record<string, unknown> = {};
  for (const [key, value] of parsed.searchParams) {
    if (key === 'sslmode') {
      // As Sequelize v6 (through pg-connection-string) reads libpq's sslmode: disable → false, no-verify → TLS
      // without certificate checks, every other mode → `{}` (TLS with pg's default checks).
      dialectOptions['ssl'] = value === 'disable' ? false : value === 'no-verify' ? { rejectUnauthorized: false } : {};
    } else if (key === 'ssl') {
      dialectOptions['ssl'] = value === 'true' || value === '1' ? true : value === 'false' ? false : value;
    } else if (key === 'options' && dialect.startsWith('postgres')) {
      dialectOptions['options'] = value;
    } else {
      dialectOptions[key] = value;
    }
  }
  if (Object.keys(dialectOptions).length > 0) options.dialectOptions = dialectOptions;
  return options;
}

export function connectionConfig(options: SequelizeOptions): ConnectionConfig {
  return {
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: Number(options.port) } : {}),
    ...(options.database !== undefined ? { database: options.database } : {}),
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.storage !== undefined ? { storage: options.storage } : {}),
    ...(options.dialectOptions !== undefined ? { dialectOptions: options.dialectOptions } : {}),
    ...(options.pool !== undefined ? { pool: options.pool } : {}),
    ...(options.dialectModule !== undefined ? { dialectModule: options.dialectModule } : {}),
    ...(options.timezone !== undefined ? { timezone: options.timezone } : {}),
  };
}

/** `new Sequelize(url, options?)`, `(database, username?, password?, options?)` or `(options)`, as one options object. */
export function optionsFromArguments(urlOrOptions?: string | SequelizeOptions, usernameOrOptions?: string | null | SequelizeOptions, password?: string | null, maybeOptions?: SequelizeOptions): SequelizeOptions {
  if (typeof urlOrOptions === 'string' && urlOrOptions.includes(':') && (usernameOrOptions === undefined || typeof usernameOrOptions === 'object')) {
    const extra = usernameOrOptions as SequelizeOptions | undefined;
    const options: SequelizeOptions = { ...extra, ...parseConnectionUrl(urlOrOptions) };
    if (extra?.dialectOptions || options.dialectOptions) options.dialectOptions = { ...options.dialectOptions, ...extra?.dialectOptions };
    return options;
  }
  if (typeof urlOrOptions === 'string') {
    if (typeof usernameOrOptions === 'object' && usernameOrOptions) return { ...usernameOrOptions, database: urlOrOptions };
    return { ...maybeOptions, database: urlOrOptions, ...(typeof usernameOrOptions === 'string' ? { username: usernameOrOptions } : {}), ...(password ? { password } : {}) };
  }
  return { ...(urlOrOptions ?? {}) };
}

/** `sequelize.config`: the connection settings as v6 exposes them (a missing or empty password is `null`). */
export interface SequelizeConfig {
  database?: string;
  username?: string;
  password: string | null;
  host?: string;
  port?: number;
  pool: PoolOptions & Record<string, unknown>;
  protocol: string;
  native: boolean;
  ssl?: boolean;
  replication: SequelizeOptions['replication'];
  dialectModule: unknown;
  dialectModulePath: string | null;
  keepDefaultTimezone?: boolean;
  dialectOptions: Record<string, unknown>;
}

export function configOf(options: SequelizeOptions): SequelizeConfig {
  return {
    database: options.database, username: options.username, password: options.password || null,
    host: options.host, port: options.port === undefined ? undefined : Number(options.port),
    pool: { ...options.pool }, protocol: options.protocol ?? 'tcp', native: options.native === true, ssl: options.ssl,
    replication: options.replication ?? false, dialectModule: options.dialectModule ?? null, dialectModulePath: options.dialectModulePath ?? null,
    keepDefaultTimezone: undefined, dialectOptions: options.dialectOptions ?? {},
  };
}
