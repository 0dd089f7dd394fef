import type { Dialect } from '../dialects/dialect.js';
import type { CompiledQuery } from '../sql/compiler.js';
import { buildWhere } from '../query/where.js';
import { updateStatement, deleteStatement } from '../query/mutation-plan.js';
import { bulkInsertStatements } from './bulk-rows.js';
import { selectStatement, tableContext, type SelectRowsOptions } from './query-interface-data.js';
import { splitTable, type TableName } from './table-name.js';
import { indexName } from '../metadata/naming.js';

type TableRef = TableName | { tableName: string; schema?: string; _schema?: string };

/**
 * `queryInterface.queryGenerator`: the SQL-text helpers of v6's QueryGenerator that tools and migrations reach
 * for (quoting, escaping, `selectQuery`, `whereQuery` …). Values are written into the text as literals here,
 * as v6's text has them; joinery's own queries never go through this and bind every value.
 */
export class QueryGenerator {
  constructor(private readonly dialectImpl: Dialect) {}

  get dialect(): string {
    return this.dialectImpl.name;
  }

  private tableOf(table: TableRef): { name: string; schema: string | undefined } {
    if (typeof table === 'object' && table !== null) {
      const ref = table as { tableName: string; schema?: string; _schema?: string };
      return { name: ref.tableName, schema: ref.schema ?? ref._schema };
    }
    return splitTable(table);
  }

  quoteIdentifier(identifier: string, _force?: boolean): string {
    return this.dialectImpl.compiler.quoteIdentifier(identifier);
  }

  /** `a.b` → each part quoted. */
  quoteIdentifiers(identifiers: string): string {
    return identifiers.split('.').map((part) => this.quoteIdentifier(part)).join('.');
  }

  quoteTable(table: TableRef, alias?: string | boolean): string {
    const { name, schema } = this.tableOf(table);
    const quoted = this.dialectImpl.compiler.quoteTable(name, schema);
    if (typeof alias === 'string') return `${quoted} AS ${this.quoteIdentifier(alias)}`;
    return quoted;
  }

  /** A value as an SQL literal of this dialect (`'it''s'`, `true`, dates in its format). */
  escape(value: unknown): string {
    return this.dialectImpl.ddl.escapeLiteral(value);
  }

  /** v6's `{ tableName, table, name, schema, delimiter }` for a table that may carry a schema. */
  addSchema(param: { tableName: string; _schema?: string; schema?: string; _schemaDelimiter?: string } | string): unknown {
    if (typeof param === 'string') return param;
    const schema = param._schema ?? param.schema;
    if (!schema) return param.tableName;
    return { tableName: param.tableName, table: param.tableName, name: param, schema, delimiter: param._schemaDelimiter ?? '.' };
  }

  /** v6's `nameIndexes`: each index without a name gets `underscore(table_fields)`. */
  nameIndexes<T extends { name?: string; fields: readonly (string | { name?: string; attribute?: string })[] }>(indexes: readonly T[], table: TableRef): T[] {
    const { name: tableName } = this.tableOf(table);
    return indexes.map((index) => (Object.prototype.hasOwnProperty.call(index, 'name')
      ? index
      : { ...index, name: indexName(tableName, index.fields.map((field) => (typeof field === 'string' ? field : field.name ?? field.attribute ?? ''))) }));
  }

  /** The compiled text with its parameters written in place as literals. */
  private inline(compiled: CompiledQuery): string {
    let index = 0;
    return compiled.sql.replace(/\$\d+|\?/g, () => this.escape(compiled.parameters[index++]));
  }

  selectQuery(table: TableRef, options: SelectRowsOptions = {}): string {
    const { name, schema } = this.tableOf(table);
    return `${this.inline(this.dialectImpl.compiler.compile(selectStatement(this.dialectImpl, name, schema, options)))};`;
  }

  /** The condition of a where object on bare column names (`"name" = 'x' AND "n" > 1`), '' for none. */
  whereItemsQuery(where: unknown, options: { prefix?: string } = {}): string {
    const alias = '__where__';
    const { context } = tableContext(this.dialectImpl, alias, undefined, where);
    const node = buildWhere(where, context);
    if (!node) return '';
    // A top-level AND is written without the parentheses around it, as v6 writes it.
    const parts = node.kind === 'and' ? (node as { items: readonly typeof node[] }).items : [node];
    const prefix = options.prefix ? `${this.quoteIdentifier(options.prefix)}.` : '';
    return parts.map((part) => this.inline(this.dialectImpl.compiler.compile(part)).replaceAll(`${this.quoteIdentifier(alias)}.`, prefix)).join(' AND ');
  }

  getWhereConditions(where: unknown, tableName?: string): string {
    return this.whereItemsQuery(where, tableName ? { prefix: tableName } : {});
  }

  whereQuery(where: unknown, options: { prefix?: string } = {}): string {
    const conditions = this.whereItemsQuery(where, options);
    return conditions ? `WHERE ${conditions}` : '';
  }

  /** v6's `{ query, bind }` for one row. */
  insertQuery(table: TableRef, values: Record<string, unknown>): { query: string; bind: unknown[] } {
    const [statement] = bulkInsertStatements(this.dialectImpl, this.tableOf(table), [values]);
    return { query: `${statement!.sql};`, bind: [...statement!.parameters] };
  }

  bulkInsertQuery(table: TableRef, records: readonly Record<string, unknown>[]): string {
    return bulkInsertStatements(this.dialectImpl, this.tableOf(table), records).map((statement) => `${this.inline(statement)};`).join(' ');
  }

  updateQuery(table: TableRef, values: Record<string, unknown>, where: unknown): { query: string; bind: unknown[] } {
    const { name, schema } = this.tableOf(table);
    const { definition, context } = tableContext(this.dialectImpl, name, schema, values, where);
    const compiled = this.dialectImpl.compiler.compile(updateStatement(definition, values, buildWhere(where, context), context));
    return { query: `${compiled.sql};`, bind: [...compiled.parameters] };
  }

  deleteQuery(table: TableRef, where: unknown): string {
    const { name, schema } = this.tableOf(table);
    const { definition, context } = tableContext(this.dialectImpl, name, schema, where);
    return `${this.inline(this.dialectImpl.compiler.compile(deleteStatement(definition, buildWhere(where, context))))};`;
  }
}
