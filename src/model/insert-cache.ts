import { insertParameters, insertStatement, type InsertPlanOptions } from '../query/mutation-plan.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import type { CompiledQuery } from '../sql/compiler.js';
import type { BuildContext } from '../query/query-context.js';
import type { ModelClass } from './model-internals.js';
import { cached } from './statement-cache.js';
import { rootContext } from './query-scope.js';

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

/**
 * One new record's INSERT when it has the columns of the model's last one, as repeated creates do: that
 * statement's text and the record's driver values, in one pass over `fields` (null auto-increment keys, and
 * nulls under `omitNull`, left out). `undefined` otherwise, and when a value is an SQL fragment (printed in
 * place by the general build).
 */
export function compileRecordInsert(
  model: ModelClass,
  values: Record<string, unknown>,
  fields: readonly string[],
  omitNull: boolean,
  returning: boolean,
): CompiledQuery | undefined {
  const definition = model.definition;
  const last = lastInsert.get(definition);
  if (last === undefined || last.version !== definition.version || last.rowCount !== 1 || last.returning !== String(returning)) return undefined;
  const names = last.attributeNames;
  const attributes = definition.attributes;
  const types = model.host.queryRunner.dialect.types;
  // Sized to the last statement's columns: a record with other columns is not this statement's.
  const parameters = new Array<unknown>(names.length);
  let count = 0;
  for (let index = 0; index < fields.length; index += 1) {
    const name = fields[index]!;
    const value = values[name];
    if (leftOut(value, attributes[name]!, omitNull)) continue;
    if (value instanceof SqlFragment) return undefined;
    if (names[count] !== name) return undefined;
    parameters[count++] = value === null ? null : types.toDriver(attributes[name]!.type, value);
  }
  return count === names.length ? { sql: last.sql, parameters } : undefined;
}

/** A record's column the INSERT leaves out: no value, or null for an auto-increment key or under `omitNull`. */
function leftOut(value: unknown, attribute: { autoIncrement?: boolean }, omitNull: boolean): boolean {
  return value === undefined || (value === null && (omitNull || Boolean(attribute.autoIncrement)));
}

/** `compileRecordInsert` by the general build, which also prints SQL fragments in place. */
export function compileRecordInsertInFull(model: ModelClass, values: Record<string, unknown>, fields: readonly string[], omitNull: boolean, returning: boolean): CompiledQuery {
  const attributes = model.definition.attributes;
  const columns = fields.filter((name) => !leftOut(values[name], attributes[name]!, omitNull));
  return compileInsert(model, columns, [values], rootContext(model), { returning });
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
