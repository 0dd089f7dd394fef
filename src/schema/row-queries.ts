import type { Dialect } from '../dialects/dialect.js';
import type { QueryRunner } from '../query/query-runner.js';
import { bulkDeleteStatement, bulkInsertStatements } from './bulk-rows.js';
import { bulkUpdateRows, selectRows, type DataOptions } from './query-interface-data.js';
import { splitTable, type QueryOptions, type TableName } from './table-name.js';

/** The row-level half of the QueryInterface (seeders and data migrations): bulk writes and plain selects. */
export class RowQueries {
  constructor(protected readonly runner: QueryRunner) {}

  protected get dialect(): Dialect {
    return this.runner.dialect;
  }

  /**
   * Inserts plain rows (seeders, data migrations). Resolves to what Sequelize v6 resolves to: the first element of
   * the dialect's INSERT result (SQLite: the last id, MySQL: the first id, PostgreSQL: the returned rows).
   */
  async bulkInsert(table: TableName, records: readonly Record<string, unknown>[], options: QueryOptions = {}, attributes: Record<string, unknown> = {}): Promise<unknown> {
    let last: unknown = [];
    // Rows past the parameter limit take several statements; the last one answers.
    for (const statement of bulkInsertStatements(this.dialect, splitTable(table), records, attributes)) {
      const result = await this.runner.run(statement, { expectRows: false, transaction: options.transaction as never, ...(options.logging !== undefined ? { logging: options.logging } : {}) });
      last = (this.dialect.rawResults.insert(result) as unknown[])[0];
    }
    return last;
  }

  bulkUpdate(table: TableName, values: Record<string, unknown>, where: unknown, options: DataOptions = {}): Promise<number> {
    const { name, schema } = splitTable(table);
    return bulkUpdateRows(this.runner, name, schema, values, where, options);
  }

  /** Deletes the rows matching a where object on column names (`null` or `{}` deletes every row); resolves to v6's untyped `[rows, metadata]`. */
  async bulkDelete(table: TableName, where: unknown = null, options: QueryOptions = {}): Promise<unknown> {
    const statement = bulkDeleteStatement(this.dialect, splitTable(table), where);
    const result = await this.runner.run(statement, { expectRows: false, transaction: options.transaction as never, ...(options.logging !== undefined ? { logging: options.logging } : {}) });
    return this.dialect.rawResults.untyped(statement.sql, result);
  }

  /** Rows of a table matching `where` (v6's `select(null, table, options)`; a model turns them into instances). */
  async select(model: unknown, table: TableName, options: DataOptions & { where?: unknown; limit?: number } = {}): Promise<unknown[]> {
    const { name, schema } = splitTable(table);
    const rows = await selectRows(this.runner, name, schema, options.where, options);
    if (typeof model !== 'function') return rows;
    const Model = model as new (values: Record<string, unknown>, options: Record<string, unknown>) => unknown;
    return rows.map((row) => new Model(row, { isNewRecord: false, raw: true }));
  }

  /** One column of the first matching row, or null (`plain: false`: every matching row), as v6's rawSelect. */
  async rawSelect(table: TableName, options: DataOptions & { where?: unknown; plain?: boolean } = {}, attributeSelector?: string): Promise<unknown> {
    const { name, schema } = splitTable(table);
    const plain = options.plain !== false;
    const rows = await selectRows(this.runner, name, schema, options.where, { ...options, ...(plain ? { limit: 1 } : {}) });
    if (!plain) return rows;
    const [row] = rows;
    if (!row) return null;
    return attributeSelector === undefined ? row : row[attributeSelector] ?? null;
  }
}
