import { insertParameters, insertStatement, type InsertPlanOptions } from '../query/mutation-plan.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { CompiledQuery } from '../sql/compiler.js';
import type { BuildContext } from '../query/query-context.js';
import type { ModelClass } from './model-internals.js';
import { cached } from './statement-cache.js';

/**
 * An INSERT's text depends only on the table, the columns, the row count and RETURNING, not on the values:
 * it is compiled once per model shape and column set, and later calls only convert the values. Rows holding
 * SQL fragments (printed in place) and upserts take the full build.
 */
export function compileInsert(
  model: ModelClass,
  attributeNames: readonly string[],
  rows: readonly Record<string, unknown>[],
  context: BuildContext,
  options: InsertPlanOptions,
): CompiledQuery {
  const definition = model.definition;
  const compiler = context.dialect.compiler;
  const parameters = options.conflict === undefined ? insertParameters(definition, attributeNames, rows, context.dialect) : undefined;
  if (parameters === undefined) return compiler.compile(insertStatement(definition, attributeNames, rows, context, options));
  const returning = options.returning === undefined ? '' : Array.isArray(options.returning) ? options.returning.join(',') : String(options.returning);
  const last = lastInsert.get(definition);
  if (last !== undefined && last.version === definition.version && last.rowCount === rows.length && last.returning === returning && sameNames(last.attributeNames, attributeNames)) {
    return { sql: last.sql, parameters };
  }
  const key = `insert:${rows.length}:${returning}:${attributeNames.join(',')}`;
  const sql = cached(definition, key, () => compiler.compile(insertStatement(definition, attributeNames, rows, context, options)).sql);
  lastInsert.set(definition, { version: definition.version, rowCount: rows.length, returning, attributeNames: [...attributeNames], sql });
  return { sql, parameters };
}

/** The statement a model used last: repeated creates match it without building a cache key. */
const lastInsert = new WeakMap<ModelDefinition, { version: number; rowCount: number; returning: string; attributeNames: string[]; sql: string }>();

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** Whether a value to insert is an SQL fragment, whose result only the database knows. */
export function holdsFragment(rows: readonly Record<string, unknown>[], attributeNames: readonly string[]): boolean {
  for (const row of rows) for (const name of attributeNames) if (row[name] instanceof SqlFragment) return true;
  return false;
}
