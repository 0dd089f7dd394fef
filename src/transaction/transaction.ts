import { transactionDeferrableSql } from '../sql/deferrable.js';
import { randomUUID } from 'node:crypto';
import type { ConnectionPool, DriverConnection } from '../dialects/connection.js';
import { UsageError } from '../errors/usage-errors.js';
import type { ConnectionHolder, QueryRunner, Logging } from '../query/query-runner.js';
import { runInNamespace, transactionStorage, whileManaged } from './transaction-context.js';

export const ISOLATION_LEVELS = {
  READ_UNCOMMITTED: 'READ UNCOMMITTED',
  READ_COMMITTED: 'READ COMMITTED',
  REPEATABLE_READ: 'REPEATABLE READ',
  SERIALIZABLE: 'SERIALIZABLE',
} as const;

export const TYPES = { DEFERRED: 'DEFERRED', IMMEDIATE: 'IMMEDIATE', EXCLUSIVE: 'EXCLUSIVE' } as const;

export const LOCK = { UPDATE: 'UPDATE', SHARE: 'SHARE', KEY_SHARE: 'KEY SHARE', NO_KEY_UPDATE: 'NO KEY UPDATE' } as const;

export interface TransactionOptions {
  isolationLevel?: string | null;
  type?: string;
  readOnly?: boolean;
  autocommit?: boolean;
  /** PostgreSQL: Deferrable.SET_DEFERRED / SET_IMMEDIATE (with constraint names or none for all), run after BEGIN. */
  deferrable?: unknown;
  logging?: Logging;
  /** A parent transaction: the new one becomes a savepoint inside it. */
  transaction?: Transaction | null;
}

/**
 * A database transaction holding one connection until it ends. A transaction with a parent is a SAVEPOINT
 * on the parent's connection.
 */
export class Transaction implements ConnectionHolder {
  static readonly ISOLATION_LEVELS = ISOLATION_LEVELS;
  static readonly TYPES = TYPES;
  static readonly LOCK = LOCK;

  readonly id: string;
  readonly options: TransactionOptions;
  readonly parent: Transaction | undefined;
  readonly savepoints: Transaction[] = [];
  readonly name: string | undefined;
  connection: DriverConnection | undefined;
  finished: 'commit' | 'rollback' | undefined;
  private readonly afterCommitHooks: Array<(t: Transaction) => unknown> = [];
  /** The pool its connection came from: a read server's for a `readOnly` transaction under replication, as in v6. */
  private pool: ConnectionPool | undefined;

  constructor(private readonly runner: QueryRunner, options: TransactionOptions = {}) {
    this.options = options;
    this.parent = options.transaction ?? undefined;
    // A UUID, as v6's ids; a savepoint shares its transaction's id and is named after it (`<id>-sp-1`).
    this.id = this.parent ? this.parent.id : randomUUID();
    if (this.parent) {
      this.parent.savepoints.push(this);
      this.name = `${this.id}-sp-${this.parent.savepoints.length}`;
    }
  }

  get LOCK(): typeof LOCK {
    return LOCK;
  }

  /** `unmanaged`: on a single-connection dialect, statements from outside run inside it (QueryRunner.sharedTransaction). */
  async begin(unmanaged = false): Promise<void> {
    const dialect = this.runner.dialect;
    if (this.parent) {
      if (this.parent.finished) throw new UsageError(`Cannot start a savepoint in transaction ${this.parent.id}: it has already ended.`);
      this.connection = this.parent.connection;
      await this.statement(`SAVEPOINT ${dialect.compiler.quoteIdentifier(this.name!)}`);
      return;
    }
    const pool = this.runner.poolFor({ read: this.options.readOnly === true });
    this.pool = pool;
    this.connection = await pool.acquire();
    try {
      for (const statement of dialect.beginTransaction(this.options)) await this.statement(statement);
      const deferral = dialect.supports['deferrableConstraints'] === true ? transactionDeferrableSql(this.options.deferrable, (name) => dialect.compiler.quoteIdentifier(name)) : undefined;
      if (deferral) await this.statement(deferral);
      if (unmanaged && dialect.supports['singleConnection'] === true) this.runner.sharedTransaction = this;
    } catch (error) {
      await pool.release(this.connection, { destroy: true });
      this.connection = undefined;
      throw error;
    }
  }

  async commit(): Promise<void> {
    this.assertOpen('commit');
    try {
      if (!this.parent) await this.statement('COMMIT');
    } finally {
      await this.finish('commit');
    }
    for (const hook of this.afterCommitHooks) await hook(this);
  }

  async rollback(): Promise<void> {
    this.assertOpen('rollback');
    try {
      const dialect = this.runner.dialect;
      await this.statement(this.parent ? `ROLLBACK TO SAVEPOINT ${dialect.compiler.quoteIdentifier(this.name!)}` : 'ROLLBACK');
    } finally {
      await this.finish('rollback');
    }
  }

  /** The server ended the transaction: roll back what is left (errors ignored), every savepoint finished too. */
  async abandon(): Promise<void> {
    const root = this.rootTransaction();
    const levels: Transaction[] = [root];
    for (let index = 0; index < levels.length; index += 1) levels.push(...levels[index]!.savepoints);
    if (!root.finished) await root.rollback().catch(() => undefined);
    for (const level of levels) level.finished ??= 'rollback';
  }

  private rootTransaction(): Transaction {
    return this.parent ? this.parent.rootTransaction() : this;
  }

  afterCommit(fn: (transaction: Transaction) => unknown): void {
    if (typeof fn !== 'function') throw new UsageError('transaction.afterCommit expects a function.');
    // A savepoint's work is committed only when the outermost transaction commits.
    if (this.parent) this.parent.afterCommit(fn);
    else this.afterCommitHooks.push(fn);
  }

  private assertOpen(action: string): void {
    if (this.finished) throw new UsageError(`Transaction cannot be ${action === 'commit' ? 'committed' : 'rolled back'} because it has been finished with state: ${this.finished}`);
    if (!this.connection) throw new UsageError(`Transaction ${this.id} was never started.`);
  }

  private async finish(state: 'commit' | 'rollback'): Promise<void> {
    this.finished = state;
    if (this.runner.sharedTransaction === this) this.runner.sharedTransaction = undefined;
    if (!this.parent && this.connection) {
      const connection = this.connection;
      await (this.pool ?? this.runner.settings.pool).release(connection);
    }
  }

  private async statement(text: string): Promise<void> {
    await this.runner.run({ sql: text, parameters: [] }, { transaction: this, expectRows: false, logging: this.options.logging });
  }
}

/**
 * A managed transaction's callback, begun already: run with the transaction as the ambient one (and in a CLS
 * namespace given to `useCLS`), committed when it resolves, rolled back when it throws.
 */
export function runManaged<T>(transaction: Transaction, work: (transaction: Transaction) => Promise<T>): Promise<T> {
  return whileManaged(async () => {
    let result: T;
    try {
      result = await transactionStorage.run(transaction, () => runInNamespace(transaction, () => work(transaction)));
    } catch (error) {
      if (!transaction.finished) {
        try {
          await transaction.rollback();
        } catch {
          // The original error matters more than a failed rollback on a broken connection.
        }
      }
      throw error;
    }
    // Committed also when the callback ended the transaction itself: that rejects, as in v6 ("cannot be committed
    // because it has been finished"), so the caller learns its work was not committed as a whole.
    await transaction.commit();
    return result;
  });
}

/**
 * `sequelize.transaction()`: begun and handed back without `work` (unmanaged), else `work` run in a managed
 * one, nested as a savepoint in the ambient managed transaction if there is one.
 */
export async function startTransaction<T>(runner: QueryRunner, options: TransactionOptions, work?: (transaction: Transaction) => Promise<T>): Promise<T | Transaction> {
  if (!work) {
    const transaction = new Transaction(runner, options);
    await transaction.begin(true);
    return transaction;
  }
  if (options.transaction === undefined) {
    const ambient = transactionStorage.getStore() as Transaction | undefined;
    if (ambient && !ambient.finished) options.transaction = ambient;
  }
  const transaction = new Transaction(runner, options);
  await transaction.begin();
  return runManaged(transaction, work);
}
