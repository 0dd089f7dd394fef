import type { Dialect } from '../dialects/dialect.js';
import { UsageError } from '../errors/usage-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { sql, type Assignment, type ConflictAction, type DeleteNode, type ExprNode, type InsertNode, type UpdateNode } from '../sql/nodes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { fragmentToNode } from './fragments.js';
import type { BuildContext } from './query-context.js';

/** A value bound for the driver, or an SQL fragment (`fn('NOW')`, `literal(…)`) printed in place. */
export function valueNode(definition: ModelDefinition, attributeName: string, value: unknown, context: BuildContext): ExprNode {
  if (value instanceof SqlFragment) return fragmentToNode(value, context);
  const attribute = definition.attributes[attributeName];
  if (!attribute || value === null || value === undefined) return sql.value(value ?? null);
  return sql.value(context.dialect.types.toDriver(attribute.type, value));
}

export interface InsertPlanOptions {
  returning?: boolean | readonly string[];
  conflict?: ConflictAction;
}

/** Columns returned after a write: all of them, aliased back to attribute names by the caller. */
export function returningColumns(definition: ModelDefinition, returning: boolean | readonly string[] | undefined): string[] | undefined {
  if (!returning) return undefined;
  const names = Array.isArray(returning) ? returning : definition.columnAttributes;
  return names.map((name) => definition.columnOf(name));
}

/** One multi-row INSERT: every row supplies the same attributes, in the same order. */
export function insertStatement(
  definition: ModelDefinition,
  attributeNames: readonly string[],
  rows: readonly Record<string, unknown>[],
  context: BuildContext,
  options: InsertPlanOptions = {},
): InsertNode {
  const node: InsertNode = {
    kind: 'insert',
    table: sql.table(definition.tableName, undefined, definition.schema),
    columns: attributeNames.map((name) => definition.columnOf(name)),
    rows: rows.map((row) => attributeNames.map((name) => valueNode(definition, name, row[name], context))),
    ...(options.returning ? { returning: returningColumns(definition, options.returning) } : {}),
    ...(options.conflict ? { conflict: options.conflict } : {}),
  };
  return node;
}

/**
 * The bound values `insertStatement` would print for these rows, in the same order; undefined when a value
 * is an SQL fragment, which is printed in place and so changes the text.
 */
export function insertParameters(definition: ModelDefinition, attributeNames: readonly string[], rows: readonly Record<string, unknown>[], dialect: Dialect): unknown[] | undefined {
  const attributes = definition.attributes;
  const parameters = new Array<unknown>(rows.length * attributeNames.length);
  let index = 0;
  for (const row of rows) {
    for (let column = 0; column < attributeNames.length; column += 1) {
      const name = attributeNames[column]!;
      const value = row[name];
      if (value instanceof SqlFragment) return undefined;
      const type = attributes[name]?.type;
      parameters[index++] = type === undefined || value === null || value === undefined ? (value ?? null) : dialect.types.toDriver(type, value);
    }
  }
  return parameters;
}

export function updateStatement(
  definition: ModelDefinition,
  values: Record<string, unknown>,
  where: ExprNode | undefined,
  context: BuildContext,
  options: { returning?: boolean | readonly string[]; limit?: number } = {},
): UpdateNode {
  const set: Assignment[] = Object.entries(values).map(([name, value]) => {
    if (!definition.attribute(name)) throw new UsageError(`${definition.modelName} has no attribute "${name}" to update.`);
    return { column: definition.columnOf(name), value: valueNode(definition, name, value, context) };
  });
  return {
    kind: 'update',
    table: sql.table(definition.tableName, undefined, definition.schema),
    set,
    ...(where ? { where } : {}),
    ...(options.returning ? { returning: returningColumns(definition, options.returning) } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
}

export function deleteStatement(definition: ModelDefinition, where: ExprNode | undefined, options: { limit?: number } = {}): DeleteNode {
  return {
    kind: 'delete',
    table: sql.table(definition.tableName, undefined, definition.schema),
    ...(where ? { where } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
}

/** Maps a RETURNING row (column names) back to attribute names and JavaScript values. */
export function rowToAttributes(definition: ModelDefinition, dialect: Dialect, row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const name = definition.attributeByColumn.get(column) ?? column;
    const attribute = definition.attributes[name];
    values[name] = attribute && value !== null && value !== undefined ? dialect.types.fromDriver(attribute.type, value) : value;
  }
  return values;
}
