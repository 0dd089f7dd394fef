import type BetterSqlite3 from 'better-sqlite3';
import { Mutex } from '../../utils/mutex.js';
import type { ConnectionConfig, ConnectionPool, DriverConnection, QueryResult, RowShape } from '../connection.js';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { closedConnectionError, ConnectionError } from '../../errors/connection-errors.js';
import { configAfterBeforeConnect, loadDriver } from '../connection.js';
import { formatSqliteDate } from './sqlite-types.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;
type DatabaseConstructor = new (filename: string, options?: Record<string, unknown>) => Database;

const statementCacheSize = 500;

/** Sequelize's sqlite3 `mode` flags (OPEN_READONLY 1, OPEN_READWRITE 2, OPEN_CREATE 4) as better-sqlite3 options. */
function sqliteOpenOptions(dialectOptions: Record<string, unknown>): Record<string, unknown> {
  const { mode, ...options } = dialectOptions;
  if (typeof mode !== 'number') return options;
  return { ...options, ...((mode & 2) === 0 && (mode & 1) !== 0 ? { readonly: true } : {}), ...((mode & 4) === 0 ? { fileMustExist: true } : {}) };
}

/** better-sqlite3 binds only numbers, strings, bigints, buffers and null. */
function toSqliteParameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return formatSqliteDate(value);
  if (typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value;
}

/** The values as better-sqlite3 binds them; a copy only when one needs converting. */
function boundParameters(parameters: readonly unknown[]): unknown[] {
  for (let index = 0; index < parameters.length; index += 1) {
    const value = parameters[index];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return parameters.map(toSqliteParameter);
  }
  return parameters as unknown[];
}

// Short lists are bound as separate arguments, which better-sqlite3 reads faster than one array (none is a
// plain object, which it would take for named parameters: toSqliteParameter turns objects into JSON text).
// Long ones (bulk inserts) stay one array: spreading thousands of arguments costs stack.
const spreadLimit = 64;

function readArrays(statement: Statement, bound: unknown[]): unknown[][] {
  statement.raw(true);
  try {
    return (bound.length <= spreadLimit ? statement.all(...bound) : statement.all(bound)) as unknown[][];
  } finally {
    statement.raw(false);
  }
}

/** `get` skips building the list and stepping past the first row. */
function readFirst(statement: Statement, bound: unknown[]): unknown[] {
  const row = bound.length <= spreadLimit ? statement.get(...bound) : statement.get(bound);
  return row === undefined ? [] : [row];
}

/** A prepared statement from `cache`, prepared (in array mode when asked) on first use; the cache is bounded. */
function cachedStatement(cache: Map<string, Statement>, database: Database, sql: string, arrayMode: boolean): Statement {
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = arrayMode ? database.prepare(sql).raw(true) : database.prepare(sql);
    if (cache.size >= statementCacheSize) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

function regexpMatches(pattern: unknown, value: unknown, flags = ''): number | null {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  return new RegExp(String(pattern), flags).test(String(value)) ? 1 : 0;
}

/**
 * One in-process connection: better-sqlite3 is synchronous, so a pool would add nothing but lock contention.
 * Transactions take the mutex; statements from outside a transaction wait for it.
 */
export class SqlitePool implements ConnectionPool {
  private database: Database | undefined;
  private closed = false;
  private opening: Promise<Database> | undefined;
  private readonly statements = new Map<string, Statement>();
  /** The same statements in array mode, for single-row reads: toggling a shared one costs two native calls. */
  private readonly arrayStatements = new Map<string, Statement>();
  private readonly lock = new Mutex();
  private readonly connection: DriverConnection = {
    execute: (sql, parameters, _expectRows, shape) => this.run(sql, parameters, shape),
    // The transaction holding this connection holds the lock: its statements run at once.
    executeNow: (sql, parameters, _expectRows, shape = 'objects') => (this.database === undefined ? undefined : this.runNow(this.database, sql, parameters, shape)),
  };

  constructor(private readonly config: ConnectionConfig) {}

  private open(): Promise<Database> {
    if (this.closed) return Promise.reject(closedConnectionError());
    this.opening ??= (async () => {
      const Driver = await loadDriver<DatabaseConstructor>('better-sqlite3', 'sqlite', this.config.dialectModule);
      const config = await configAfterBeforeConnect(this.config);
      const storage = config.storage ?? ':memory:';
      const options = sqliteOpenOptions(config.dialectOptions ?? {});
      // Like Sequelize, a file in a folder that does not exist yet gets its folder.
      let database: Database;
      try {
        if (storage !== ':memory:' && storage !== '' && !storage.startsWith('file:')) mkdirSync(dirname(resolve(storage)), { recursive: true });
        database = new Driver(storage === '' ? ':memory:' : storage, options);
      } catch (error) {
        throw new ConnectionError(error as Error);
      }
      database.pragma('foreign_keys = ON');
      if (storage !== ':memory:' && storage !== '') database.pragma('journal_mode = WAL');
      database.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) => regexpMatches(pattern, value));
      database.function('iregexp', { deterministic: true }, (pattern: unknown, value: unknown) => regexpMatches(pattern, value, 'i'));
      this.database = database;
      if (config.connectionHooks?.has('afterConnect')) await config.connectionHooks.run('afterConnect', database, config);
      return database;
    })();
    return this.opening;
  }

  private prepare(database: Database, sql: string): Statement {
    return cachedStatement(this.statements, database, sql, false);
  }

  /** Only readers come here (`firstArray` is a SELECT's shape); `raw` refuses any other statement. */
  private prepareArrayMode(database: Database, sql: string): Statement {
    return cachedStatement(this.arrayStatements, database, sql, true);
  }

  /** Not `async`: better-sqlite3 answers synchronously, so an open database costs one settled promise. */
  private run(sql: string, parameters: readonly unknown[], shape: RowShape = 'objects'): Promise<QueryResult> {
    const database = this.database;
    if (database === undefined) return this.open().then((opened) => this.runNow(opened, sql, parameters, shape));
    try {
      return Promise.resolve(this.runNow(database, sql, parameters, shape));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private runNow(database: Database, sql: string, parameters: readonly unknown[], shape: RowShape): QueryResult {
    const bound = boundParameters(parameters);
    if (shape === 'firstArray') {
      const row = readFirst(this.prepareArrayMode(database, sql), bound);
      return { rows: row as Record<string, unknown>[], affectedRows: row.length, metadata: row };
    }
    const statement = this.prepareOrExec(database, sql);
    if (statement === undefined) return { rows: [], affectedRows: 0 };
    if (statement.reader) {
      // The statement is cached and shared: array mode is switched on for this call only.
      const rows = (shape === 'arrays' ? readArrays(statement, bound) : shape === 'first' ? readFirst(statement, bound) : bound.length <= spreadLimit ? statement.all(...bound) : statement.all(bound)) as Record<string, unknown>[];
      return { rows, affectedRows: rows.length, metadata: rows };
    }
    const info = bound.length <= spreadLimit ? statement.run(...bound) : statement.run(bound);
    return { rows: [], affectedRows: info.changes, insertId: info.lastInsertRowid, metadata: info };
  }

  /** Several statements in one string (a migration file, say) run through `exec`, which returns nothing. */
  private prepareOrExec(database: Database, sql: string): Statement | undefined {
    try {
      return this.prepare(database, sql);
    } catch (error) {
      if (error instanceof RangeError || /contains more than one statement/i.test(String((error as Error).message))) {
        database.exec(sql);
        return undefined;
      }
      throw error;
    }
  }

  /** A statement from outside any transaction must not land inside an open one on the shared connection. */
  execute(sql: string, parameters: readonly unknown[], _expectRows?: boolean, shape: RowShape = 'objects'): Promise<QueryResult> {
    if (this.database !== undefined && !this.lock.isHeld) return this.run(sql, parameters, shape);
    return this.executeWhenFree(sql, parameters, shape);
  }

  /** At once when the database is open and no transaction holds it; `undefined` otherwise (then `execute`). */
  executeNow(sql: string, parameters: readonly unknown[], _expectRows?: boolean, shape: RowShape = 'objects'): QueryResult | undefined {
    const database = this.database;
    if (database === undefined || this.lock.isHeld) return undefined;
    return this.runNow(database, sql, parameters, shape);
  }

  private async executeWhenFree(sql: string, parameters: readonly unknown[], shape: RowShape): Promise<QueryResult> {
    if (this.database === undefined) await this.open();
    if (!this.lock.isHeld) return this.run(sql, parameters, shape);
    await this.lock.acquire();
    try {
      return await this.run(sql, parameters, shape);
    } finally {
      this.lock.release();
    }
  }

  async acquire(): Promise<DriverConnection> {
    await this.lock.acquire();
    return this.connection;
  }

  async release(): Promise<void> {
    this.lock.release();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.statements.clear();
    this.arrayStatements.clear();
    const database = this.database;
    const hooks = this.config.connectionHooks;
    if (database && hooks?.has('beforeDisconnect')) await hooks.run('beforeDisconnect', database);
    database?.close();
    if (database && hooks?.has('afterDisconnect')) await hooks.run('afterDisconnect', database);
    this.database = undefined;
    this.opening = undefined;
  }
}
