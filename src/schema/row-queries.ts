import { DateType } from '../data-types/date-types.js';
import { BigIntType, DecimalType, FloatType, IntegerType } from '../data-types/numeric-types.js';
import { toDataTypeInstance } from '../data-types/abstract.js';
import type { Dialect } from '../dialects/dialect.js';
import type { QueryRunner } from '../query/query-runner.js';
import { bulkDeleteStatement, bulkInsertStatements } from './bulk-rows.js';
import { bulkUpdateRows, runOptionsOf, selectRows, type DataOptions, type SelectRowsOptions } from './query-interface-data.js';
import { conflictOf, definitionOf, deleteRows, incrementRows, insertRow, returningList, updateRows, upsertRow, type InsertRowOptions } from './row-writes.js';
import { splitTable, type QueryOptions, type TableName } from './table-name.js';

/** v6's `rawSelect` `dataType` option: numbers and dates parsed from what the driver gave. */
function convertRaw(value: unknown, dataType: unknown): unknown {
  if (value === null || value === undefined || !dataType) return value;
  const type = toDataTypeInstance(dataType as never);
  if (type instanceof DecimalType || type instanceof FloatType) return parseFloat(String(value));
  if (type instanceof IntegerType || type instanceof BigIntType) return parseInt(String(value), 10);
  if (type instanceof DateType && !(value instanceof Date)) return new Date(value as string);
  return value;
}

/** The row-level half of the QueryInterface (seeders and data migrations): bulk writes and plain selects. */
export class RowQueries {
  constructor(protected readonly runner: QueryRunner) {}

  protected get dialect(): Dialect {
    return this.runner.dialect;
  }

  /**
   * Inserts plain rows (seeders, data migrations). Resolves to what Sequelize v6 resolves to: the first element of
   * the dialect's INSERT result (SQLite: the last id, MySQL: the first id, PostgreSQL: the returned rows, which
   * `returning: true` or a column list asks for). `ignoreDuplicates` and `updateOnDuplicate` (with `upsertKeys`) as in v6.
   */
  async bulkInsert(table: TableName, records: readonly Record<string, unknown>[], options: InsertRowOptions = {}, attributes: Record<string, unknown> = {}): Promise<unknown> {
    const split = splitTable(table);
    const returning = returningList(this.runner, options.returning);
    const conflict = conflictOf(this.runner, split.name, options);
    let last: unknown = [];
    const returned: unknown[] = [];
    // Rows past the parameter limit take several statements; the last one answers (returned rows are all kept).
    for (const statement of bulkInsertStatements(this.dialect, split, records, attributes, { ...(returning ? { returning } : {}), ...(conflict ? { conflict } : {}) })) {
      const result = await this.runner.run(statement, { ...runOptionsOf(options), expectRows: Boolean(returning) });
      last = (this.dialect.rawResults.insert(result) as unknown[])[0];
      if (Array.isArray(last)) returned.push(...(last as unknown[]));
    }
    return Array.isArray(last) ? returned : last;
  }

  /** v6's `insert(instance, table, values, options)`; `instance` may be null (plain rows). */
  insert(instance: unknown, table: TableName, values: Record<string, unknown>, options: InsertRowOptions = {}): Promise<unknown> {
    return insertRow(this.runner, splitTable(table), instance, values, options);
  }

  bulkUpdate(table: TableName, values: Record<string, unknown>, where: unknown, options: DataOptions = {}): Promise<number> {
    const { name, schema } = splitTable(table);
    return bulkUpdateRows(this.runner, name, schema, values, where, options);
  }

  /** v6's `update(instance, table, values, where, options)`: `[instance, affected]` with an instance, else the UPDATE result. */
  update(instance: unknown, table: TableName, values: Record<string, unknown>, where: unknown, options: InsertRowOptions = {}): Promise<unknown> {
    return updateRows(this.runner, splitTable(table), instance, values, where, options);
  }

  /** v6's `upsert(table, insertValues, updateValues, where, options)` (see upsertRow for the conflict columns). */
  upsert(table: TableName, insertValues: Record<string, unknown>, updateValues: Record<string, unknown>, where: unknown, options: InsertRowOptions & { model?: unknown } = {}): Promise<[unknown, boolean | null]> {
    return upsertRow(this.runner, splitTable(table), insertValues, updateValues, where, options);
  }

  /** v6's `delete(instance, table, where, options)`. */
  delete(_instance: unknown, table: TableName, where: unknown, options: DataOptions & { limit?: number } = {}): Promise<unknown> {
    return deleteRows(this.runner, splitTable(table), where, options);
  }

  /** v6's `increment(model, table, where, amounts, extraValues, options)`: `UPDATE … SET n = n + amount`. */
  increment(_model: unknown, table: TableName, where: unknown, amounts: Record<string, unknown>, extra: Record<string, unknown> = {}, options: InsertRowOptions = {}): Promise<unknown> {
    return incrementRows(this.runner, splitTable(table), where, amounts, extra, options, 1);
  }

  decrement(_model: unknown, table: TableName, where: unknown, amounts: Record<string, unknown>, extra: Record<string, unknown> = {}, options: InsertRowOptions = {}): Promise<unknown> {
    return incrementRows(this.runner, splitTable(table), where, amounts, extra, options, -1);
  }

  /**
   * Deletes the rows matching a where object on column names (`null` or `{}` deletes every row); `truncate: true`
   * empties the table (with `cascade` / `restartIdentity` where the dialect has them). Resolves to v6's untyped `[rows, metadata]`.
   */
  async bulkDelete(table: TableName, where: unknown = null, options: QueryOptions & { truncate?: boolean; cascade?: boolean; restartIdentity?: boolean } = {}): Promise<unknown> {
    if (options.truncate === true) {
      const { name, schema } = splitTable(table);
      let answer: unknown;
      for (const text of this.dialect.ddl.truncateTable(this.dialect.compiler.quoteTable(name, schema), { cascade: options.cascade === true, restartIdentity: options.restartIdentity === true })) {
        const result = await this.runner.run({ sql: text, parameters: [] }, { ...runOptionsOf(options), expectRows: false });
        answer ??= this.dialect.rawResults.untyped(text, result);
      }
      return answer;
    }
    const statement = bulkDeleteStatement(this.dialect, splitTable(table), where);
    const result = await this.runner.run(statement, { ...runOptionsOf(options), expectRows: false });
    return this.dialect.rawResults.untyped(statement.sql, result);
  }

  /**
   * Rows of a table (v6's `select(model, table, options)`: where, attributes, order, group, having, limit, offset);
   * with a model, its instances (where keys are then attribute names).
   */
  async select(model: unknown, table: TableName, options: SelectRowsOptions = {}): Promise<unknown[]> {
    const { name, schema } = splitTable(table);
    const definition = typeof model === 'function' ? definitionOf(model) : undefined;
    const rows = await selectRows(this.runner, name, schema, options, definition);
    if (typeof model !== 'function') return rows;
    const Model = model as new (values: Record<string, unknown>, options: Record<string, unknown>) => unknown;
    const byColumn = definition?.attributeByColumn;
    return rows.map((row) => {
      const values = byColumn ? Object.fromEntries(Object.entries(row).map(([column, value]) => [byColumn.get(column) ?? column, value])) : row;
      return new Model(values, { isNewRecord: false, raw: true });
    });
  }

  /**
   * One column of the first matching row, or null (`plain: false`: every matching row), as v6's rawSelect; the
   * `attributes` may be expressions (`[fn('COUNT', col('id')), 'count']`), `dataType` parses the value.
   */
  async rawSelect(table: TableName, options: SelectRowsOptions & { plain?: boolean; dataType?: unknown } = {}, attributeSelector?: string, model?: unknown): Promise<unknown> {
    const { name, schema } = splitTable(table);
    const plain = options.plain !== false;
    const rows = await selectRows(this.runner, name, schema, { ...options, ...(plain && options.limit === undefined && options.group === undefined ? { limit: 1 } : {}) }, definitionOf(model));
    if (!plain) return rows;
    const [row] = rows;
    if (!row) return null;
    if (attributeSelector === undefined) return row;
    return convertRaw(row[attributeSelector], options.dataType);
  }
}

