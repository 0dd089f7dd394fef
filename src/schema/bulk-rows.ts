import { DataType } from '../data-types/abstract.js';
import { DateType } from '../data-types/date-types.js';
import { BooleanType, JsonType } from '../data-types/misc-types.js';
import type { Dialect } from '../dialects/dialect.js';
import { normalizeAttribute } from '../metadata/attributes.js';
import { ModelDefinition } from '../metadata/model-definition.js';
import { buildWhere } from '../query/where.js';
import { fragmentToNode } from '../query/fragments.js';
import type { CompiledQuery } from '../sql/compiler.js';
import { sql, type ConflictAction, type DeleteNode, type ExprNode, type InsertNode } from '../sql/nodes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { entriesWithSymbols, isPlainObject } from '../utils/object.js';

/** A column whose values go to the driver as they are: no attribute says what the column holds. */
class UntypedColumn extends DataType {
  readonly key = 'UNTYPED';
}

/**
 * The type a raw value needs to reach the driver, as `queryInterface.bulkInsert` has no model to ask:
 * dates and booleans in the dialect's format, objects as JSON (arrays stay arrays where the driver binds them).
 */
export function typeOfValue(dialect: Dialect, value: unknown): DataType {
  if (value instanceof Date) return new DateType();
  if (typeof value === 'boolean') return new BooleanType();
  if (Buffer.isBuffer(value) || value instanceof SqlFragment) return new UntypedColumn();
  if (Array.isArray(value) && dialect.supports.arrayParameters) return new UntypedColumn();
  if (isPlainObject(value) || Array.isArray(value)) return new JsonType();
  return new UntypedColumn();
}

function columnTypes(dialect: Dialect, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], attributes: Record<string, unknown>): Map<string, DataType> {
  const types = new Map<string, DataType>();
  for (const column of columns) {
    const declared = attributes[column];
    if (declared !== undefined) {
      types.set(column, normalizeAttribute(table, column, declared, column).type);
      continue;
    }
    const sample = rows.find((row) => row[column] !== null && row[column] !== undefined)?.[column];
    types.set(column, typeOfValue(dialect, sample));
  }
  return types;
}

/**
 * `INSERT` statements for `bulkInsert`: rows with the same keys share a multi-row statement (a key a row
 * lacks takes the column default, never NULL), split below the dialect's bound-parameter limit.
 */
export function bulkInsertStatements(
  dialect: Dialect,
  table: { name: string; schema: string | undefined },
  records: readonly Record<string, unknown>[],
  attributes: Record<string, unknown> = {},
  extra: { returning?: readonly string[]; conflict?: ConflictAction } = {},
): CompiledQuery[] {
  const groups = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  for (const record of records) {
    const columns = Object.keys(record).filter((key) => record[key] !== undefined);
    const key = JSON.stringify(columns);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { columns, rows: [] }));
    group.rows.push(record);
  }
  const statements: CompiledQuery[] = [];
  const context = { dialect, scope: { definition: new ModelDefinition(table.name, {}, { tableName: table.name, timestamps: false }), alias: table.name } };
  for (const { columns, rows } of groups.values()) {
    const types = columnTypes(dialect, table.name, columns, rows, attributes);
    const perStatement = Math.max(1, Math.floor(dialect.supports.maxParameters / Math.max(1, columns.length)));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const node: InsertNode = {
        kind: 'insert',
        table: sql.table(table.name, undefined, table.schema),
        columns,
        rows: chunk.map((row) => columns.map((column): ExprNode => {
          const value = row[column];
          if (value instanceof SqlFragment) return fragmentToNode(value, context);
          return sql.value(value === null ? null : dialect.types.toDriver(types.get(column)!, value));
        })),
        ...(extra.returning ? { returning: extra.returning } : {}),
        ...(extra.conflict ? { conflict: extra.conflict } : {}),
      };
      statements.push(dialect.compiler.compile(node));
    }
  }
  return statements;
}

/** The first plain value under a where entry (`{ id: { [Op.in]: [1, 2] } }` gives 1), to pick its type. */
export function sampleValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sampleValue).find((item) => item !== undefined);
  if (isPlainObject(value)) return entriesWithSymbols(value).map(([, inner]) => sampleValue(inner)).find((item) => item !== undefined);
  return value === null ? undefined : value;
}

/** Column names a where object mentions, also under Op.and / Op.or / Op.not. */
function whereColumns(where: unknown, found: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(where)) for (const item of where) whereColumns(item, found);
  else if (isPlainObject(where)) {
    for (const [key, value] of entriesWithSymbols(where)) {
      if (typeof key === 'symbol') whereColumns(value, found);
      else if (!found.has(key) || found.get(key) === undefined) found.set(key, sampleValue(value));
    }
  }
  return found;
}

/** `DELETE` for `bulkDelete(table, where)`: the where is Sequelize's object form, on column names. */
export function bulkDeleteStatement(dialect: Dialect, table: { name: string; schema: string | undefined }, where: unknown): CompiledQuery {
  const attributes = Object.fromEntries(
    [...whereColumns(where, new Map())].map(([column, sample]) => [column, { type: typeOfValue(dialect, sample), primaryKey: column === 'id' }]),
  );
  const definition = new ModelDefinition(table.name, attributes, { tableName: table.name, timestamps: false });
  const condition = buildWhere(where, { dialect, scope: { definition, alias: table.name } });
  const node: DeleteNode = { kind: 'delete', table: sql.table(table.name, undefined, table.schema), ...(condition ? { where: condition } : {}) };
  return dialect.compiler.compile(node);
}
