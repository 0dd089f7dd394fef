import type { Dialect } from '../dialects/dialect.js';
import { thrownByConnectionHook, type ConnectionPool, type DriverConnection, type QueryResult, type RowShape } from '../dialects/connection.js';
import { UsageError } from '../errors/usage-errors.js';
import type { CompiledQuery } from '../sql/compiler.js';
import { clsTransaction, transactionStorage } from '../transaction/transaction-context.js';

/** v6's `retry` option (retry-as-promised): which errors to retry, how often. */
export interface RetryOptions {
  match?: Array<string | RegExp | (new (...args: never[]) => Error)>;
  max?: number;
  timeout?: number;
  backoffBase?: number;
  backoffExponent?: number;
  report?: (message: string, options: Record<string, unknown>, error?: unknown) => void;
  name?: string;
}

export type Logging = false | ((sql: string, timingOrOptions?: unknown, options?: unknown) => void);

/** What the runner needs of a transaction: the connection it holds and whether it is still open. */
export interface ConnectionHolder {
  readonly connection: DriverConnection | undefined;
  readonly finished: string | undefined;
  readonly id: string;
  /** The server rolled the transaction back (a deadlock victim): end it here too, every level. */
  abandon?(): Promise<void>;
}

export interface RunOptions {
  /** `null` opts a statement out of the ambient transaction; `undefined` uses it. */
  transaction?: ConnectionHolder | null;
  logging?: Logging;
  benchmark?: boolean;
  expectRows?: boolean;
  /** Extra data handed to query hooks and logging, as Sequelize hands its options object. */
  hookOptions?: Record<string, unknown>;
  /** A hint to the driver: rows as arrays (see `QueryRunner.arrays`), or only the first row wanted. */
  shape?: RowShape;
  /** A read (v6's `type: SELECT`) that may go to a read server of `replication` when outside a transaction. */
  read?: boolean;
  /** v6's `retry` for this statement, over the constructor's (`{ max, match, backoffBase, backoffExponent }`). */
  retry?: RetryOptions;
}

export interface QueryRunnerSettings {
  readonly dialect: Dialect;
  /** The write pool (the only one without replication): writes, transactions, reads with `useMaster`. */
  readonly pool: ConnectionPool;
  /** The pool the next read outside a transaction goes to (read servers in turn); the write pool when absent. */
  readonly readPool?: () => ConnectionPool;
  logging: Logging | undefined;
  benchmark: boolean;
  /** Sequelize's `logQueryParameters`: the bound values follow the logged statement. */
  logQueryParameters?: boolean;
  runHooks?: (name: 'beforeQuery' | 'afterQuery', ...args: unknown[]) => Promise<void>;
  hasQueryHooks(): boolean;
  /** The constructor's `retry` option, when given (v6's default retries only SQLITE_BUSY). */
  readonly retry?: RetryOptions;
}

/** v6's default: SQLite's busy error, up to five attempts (joinery serializes SQLite writers, so it seldom shows). */
const defaultRetry: RetryOptions = { max: 5, match: ['SQLITE_BUSY: database is locked'] };

/** retry-as-promised's rule: an error class (or predicate), the exact message or `toString()`, or a RegExp of either. */
function retryMatches(match: RetryOptions['match'], error: unknown): boolean {
  const list = match === undefined ? [] : Array.isArray(match) ? match : [match];
  if (list.length === 0) return true;
  const message = error instanceof Error ? error.message : String(error);
  const text = String(error);
  return list.some((item) => {
    if (typeof item === 'function') {
      try {
        if (error instanceof item) return true;
      } catch {
        return Boolean((item as unknown as (error: unknown) => unknown)(error));
      }
      return false;
    }
    if (typeof item === 'string') return item === message || item === text;
    return item instanceof RegExp && (item.test(message) || item.test(text));
  });
}

function parameterText(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} bytes>`;
  return JSON.stringify(value) ?? String(value);
}

/** Sends compiled statements to the right connection, logging them and mapping driver errors. */
export class QueryRunner {
  /**
   * An unmanaged transaction holding a single-connection dialect's one connection (SQLite). Statements from
   * outside any transaction run inside it (multi-step writes as its savepoints), as on v6's one in-memory
   * connection, instead of waiting for a commit that may itself wait on them (`await Pug.count()` before
   * `t.commit()`). New transactions still wait for it: they are units of work of their own.
   */
  sharedTransaction: ConnectionHolder | undefined;

  constructor(readonly settings: QueryRunnerSettings) {}

  get dialect(): Dialect {
    return this.settings.dialect;
  }

  /** The transaction a statement belongs to: the one passed, else the ambient managed one. */
  resolveTransaction(transaction: ConnectionHolder | null | undefined): ConnectionHolder | undefined {
    if (transaction === null) {
      const ambient = transactionStorage.getStore() as ConnectionHolder | undefined;
      if (this.dialect.supports['singleConnection'] === true && ((ambient !== undefined && ambient.finished === undefined) || this.openSharedTransaction())) {
        throw new UsageError('transaction: null inside a managed transaction, or while an unmanaged one is open, cannot run on SQLite: its one connection is held by that transaction until it ends, so the statement would wait for ever. Run it after the transaction, or inside it.');
      }
      return undefined;
    }
    return transaction ?? (transactionStorage.getStore() as ConnectionHolder | undefined) ?? (clsTransaction() as ConnectionHolder | undefined) ?? this.openSharedTransaction();
  }

  openSharedTransaction(): ConnectionHolder | undefined {
    return this.sharedTransaction?.finished === undefined ? this.sharedTransaction : undefined;
  }

  private convertError(error: unknown, query: CompiledQuery): Error {
    return thrownByConnectionHook(error) ? (error as Error) : this.settings.dialect.convertError(error, query);
  }

  /** The pool of a statement outside a transaction: a read server's for reads under `replication`, else the write pool. */
  poolFor(options: { read?: boolean }): ConnectionPool {
    return options.read === true && this.settings.readPool !== undefined ? this.settings.readPool() : this.settings.pool;
  }

  /**
   * Not `async`: without hooks or logging a statement costs the driver's promise and one more. A failure is
   * retried as `retry` says (each attempt resolves its connection again and is logged), as v6 does.
   */
  run(query: CompiledQuery, options: RunOptions = {}, attempt = 1): Promise<QueryResult> {
    const transaction = this.resolveTransaction(options.transaction);
    if (transaction?.finished) {
      // v6's wording, and the query as its `sql`; the query is also named, as it is what the user looks for.
      const error = new UsageError(`${transaction.finished} has been called on this transaction(${transaction.id}), you can no longer use it. (The rejected query is attached as the 'sql' property of this error)\n${query.sql}`);
      return Promise.reject(Object.assign(error, { sql: query.sql }));
    }
    const target = transaction?.connection ?? this.poolFor(options);
    const logging = options.logging === undefined ? this.settings.logging : options.logging;
    const hooks = this.settings.hasQueryHooks();
    if (logging || hooks) return this.runObserved(query, options, transaction, target, logging).catch((error: unknown) => this.retryOrThrow(error, query, options, attempt));
    let running: Promise<QueryResult>;
    try {
      // A driver that can answer at once spares the driver's promise and the error-mapping one.
      const answered = target.executeNow?.(query.sql, query.parameters, options.expectRows ?? true, options.shape);
      if (answered !== undefined) return Promise.resolve(answered);
      running = target.execute(query.sql, query.parameters, options.expectRows ?? true, options.shape);
    } catch (error) {
      return this.retryOrThrow(this.convertError(error, query), query, options, attempt);
    }
    return running.then(undefined, (error: unknown) => this.retryOrThrow(this.convertError(error, query), query, options, attempt));
  }

  /** The next attempt after v6's backoff when `retry` allows one and matches the (converted) error, else the error. */
  private retryOrThrow(error: unknown, query: CompiledQuery, options: RunOptions, attempt: number): Promise<QueryResult> {
    // As v6: an error that ended the transaction on the server (MySQL's deadlock) leaves it finished ('rollback').
    const transaction = options.transaction === null ? undefined : this.resolveTransaction(options.transaction);
    if (transaction?.abandon !== undefined && this.settings.dialect.endsTransaction?.(error) === true) {
      return transaction.abandon().then(() => Promise.reject(error));
    }
    const retry = options.retry === undefined ? (this.settings.retry ?? defaultRetry) : { ...(this.settings.retry ?? defaultRetry), ...options.retry };
    if (!(attempt < (retry.max ?? 0)) || !retryMatches(retry.match, error)) return Promise.reject(error);
    const delay = (retry.backoffBase ?? 100) * (retry.backoffExponent ?? 1.1) ** (attempt - 1);
    return new Promise((resolve) => setTimeout(resolve, delay)).then(() => this.run(query, options, attempt + 1));
  }

  /**
   * `run` answered synchronously, for callers that can then skip their own promises: the result, or
   * `undefined` when the statement needs the asynchronous path (logging, query hooks, a driver that cannot
   * answer now). Throws what `run` would reject with.
   */
  runNow(query: CompiledQuery, options: RunOptions): QueryResult | undefined {
    const transaction = this.resolveTransaction(options.transaction);
    if (transaction?.finished) return undefined;
    // Read servers are network pools and a retry needs the asynchronous path: leave those to `run`.
    if (options.retry !== undefined || this.settings.retry !== undefined) return undefined;
    const target = transaction?.connection ?? (options.read === true && this.settings.readPool !== undefined ? undefined : this.settings.pool);
    if (target?.executeNow === undefined || (options.logging === undefined ? this.settings.logging : options.logging) || this.settings.hasQueryHooks()) return undefined;
    try {
      return target.executeNow(query.sql, query.parameters, options.expectRows ?? true, options.shape);
    } catch (error) {
      throw this.convertError(error, query);
    }
  }

  /** `run` with query hooks and logging, which get the options Sequelize hands them. */
  private async runObserved(query: CompiledQuery, options: RunOptions, transaction: ConnectionHolder | undefined, target: Pick<DriverConnection, 'execute'>, logging: Logging | undefined): Promise<QueryResult> {
    const hooks = this.settings.hasQueryHooks();
    const benchmark = options.benchmark ?? this.settings.benchmark;
    const hookOptions = { ...options.hookOptions, transaction, logging };
    if (hooks) await this.settings.runHooks?.('beforeQuery', hookOptions, query);
    const started = benchmark ? performance.now() : 0;
    const logged = this.settings.logQueryParameters && query.parameters.length > 0 ? `${query.sql}; ${query.parameters.map(parameterText).join(', ')}` : query.sql;
    // Like Sequelize, console.log gets the statement alone; custom loggers also get the options.
    if (logging && !benchmark) {
      const text = `Executing (${transaction?.id ?? 'default'}): ${logged}`;
      if (logging === console.log) logging(text);
      else logging(text, { ...hookOptions, bind: query.parameters });
    }
    let result: QueryResult;
    try {
      result = await target.execute(query.sql, query.parameters, options.expectRows ?? true, options.shape);
    } catch (error) {
      throw this.convertError(error, query);
    } finally {
      if (logging && benchmark) logging(`Executed (${transaction?.id ?? 'default'}): ${logged}`, performance.now() - started, { ...hookOptions, bind: query.parameters });
    }
    if (hooks) await this.settings.runHooks?.('afterQuery', hookOptions, query);
    return result;
  }

  /**
   * Rows as arrays, in the order the SELECT lists its columns: cheaper to read for many-row loads. Drivers
   * without array rows hand objects, whose values are in that same order (the aliases must be distinct).
   */
  async arrays(query: CompiledQuery, options: RunOptions = {}): Promise<unknown[][]> {
    const rows = (await this.run(query, { ...options, expectRows: true, shape: 'arrays' })).rows;
    if (this.dialect.supports.arrayRows) return rows as unknown as unknown[][];
    return rows.map((row) => Object.values(row));
  }

  async rows(query: CompiledQuery, options: RunOptions = {}): Promise<Record<string, unknown>[]> {
    return (await this.run(query, { ...options, expectRows: true })).rows;
  }
}
