import { UsageError } from '../errors/usage-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { updateStatement, deleteStatement } from '../query/mutation-plan.js';
import type { QueryRunner } from '../query/query-runner.js';
import { fragmentToNode } from '../query/fragments.js';
import { buildWhere } from '../query/where.js';
import { sql, type ConflictAction } from '../sql/nodes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { bulkInsertStatements } from './bulk-rows.js';
import { runOptionsOf, tableContext, type DataOptions } from './query-interface-data.js';

/**
 * The row writes of v6's QueryInterface that models use underneath (`insert`, `update`, `delete`, `upsert`,
 * `increment`): by table and column names, resolving to what `sequelize.query` gives for the query type.
 */

export interface InsertRowOptions extends DataOptions {
  returning?: boolean | readonly string[];
  ignoreDuplicates?: boolean;
  updateOnDuplicate?: readonly string[];
  upsertKeys?: readonly string[];
  conflictFields?: readonly string[];
}

interface InstanceLike {
  isNewRecord?: boolean;
  dataValues?: Record<string, unknown>;
  constructor: { definition?: ModelDefinition };
}

export function definitionOf(instanceOrModel: unknown): ModelDefinition | undefined {
  if (!instanceOrModel) return undefined;
  const holder = (typeof instanceOrModel === 'function' ? instanceOrModel : (instanceOrModel as InstanceLike).constructor) as { definition?: ModelDefinition };
  return holder.definition;
}

/** `RETURNING` where v6 adds it: only on dialects whose inserts return values (PostgreSQL), and only when asked. */
export function returningList(runner: QueryRunner, returning: InsertRowOptions['returning']): string[] | undefined {
  if (!runner.dialect.supports.returnValues || !returning) return undefined;
  return Array.isArray(returning) ? [...returning] : ['*'];
}

/** v6's `ignoreDuplicates` / `updateOnDuplicate` (with `upsertKeys` or `conflictFields` where the dialect needs a target). */
export function conflictOf(runner: QueryRunner, table: string, options: InsertRowOptions): ConflictAction | undefined {
  if (options.updateOnDuplicate && options.updateOnDuplicate.length > 0) {
    const target = [...(options.upsertKeys ?? options.conflictFields ?? [])];
    if (target.length === 0 && runner.dialect.supports.inserts.conflictTargetRequired) {
      throw new UsageError(`bulkInsert into "${table}" with updateOnDuplicate needs upsertKeys (the columns of the unique key that conflicts) on this dialect.`);
    }
    return { action: 'update', target, columns: [...options.updateOnDuplicate] };
  }
  if (options.ignoreDuplicates) return { action: 'nothing', ...(options.conflictFields ? { target: [...options.conflictFields] } : {}) };
  return undefined;
}

/** Column types for values keyed by column name, taken from a model where one is given. */
export function columnAttributes(definition: ModelDefinition | undefined): Record<string, unknown> {
  if (!definition) return {};
  return Object.fromEntries(definition.columnAttributes.map((name) => [definition.columnOf(name), { type: definition.attributes[name]!.type }]));
}

/** `queryInterface.insert(instance, table, values, options)`: v6's INSERT result (`[id, affected]`, PostgreSQL `[rows, affected]`). */
export async function insertRow(runner: QueryRunner, table: { name: string; schema: string | undefined }, instance: unknown, values: Record<string, unknown>, options: InsertRowOptions): Promise<unknown> {
  const definition = definitionOf(instance);
  const returning = returningList(runner, options.returning ?? (definition && runner.dialect.supports.returnValues ? true : undefined));
  const conflict = conflictOf(runner, table.name, options);
  const [statement] = bulkInsertStatements(runner.dialect, table, [values], columnAttributes(definition), { ...(returning ? { returning } : {}), ...(conflict ? { conflict } : {}) });
  const result = await runner.run(statement!, { ...runOptionsOf(options), expectRows: Boolean(returning) });
  const shaped = runner.dialect.rawResults.insert(result) as unknown[];
  if (!definition || !instance) return shaped;
  // With an instance, v6 sets its generated key, marks it saved and answers `[instance, affected]`.
  const target = instance as InstanceLike;
  const values_ = (target.dataValues ??= {});
  const [row] = result.rows;
  if (row) {
    for (const [column, value] of Object.entries(row)) {
      const name = definition.attributeByColumn.get(column) ?? column;
      const attribute = definition.attributes[name];
      values_[name] = attribute && value !== null && value !== undefined ? runner.dialect.types.fromDriver(attribute.type, value) : value;
    }
  } else {
    const key = definition.primaryKeyAttributes.find((name) => definition.attributes[name]!.autoIncrement);
    if (key && values_[key] == null && result.insertId !== undefined && Number(result.insertId) > 0) values_[key] = Number(result.insertId);
  }
  target.isNewRecord = false;
  return [instance, result.affectedRows];
}

/** `queryInterface.update(instance, table, values, where, options)`: v6's UPDATE result. */
export async function updateRows(runner: QueryRunner, table: { name: string; schema: string | undefined }, instance: unknown, values: Record<string, unknown>, where: unknown, options: InsertRowOptions): Promise<unknown> {
  const { definition, context } = tableContext(runner.dialect, table.name, table.schema, values, where);
  const returning = returningList(runner, options.returning);
  const statement = updateStatement(definition, values, buildWhere(where, context), context, returning ? { returning: [] } : {});
  const node = returning ? { ...statement, returning } : statement;
  const result = await runner.run(runner.dialect.compiler.compile(node), { ...runOptionsOf(options), expectRows: Boolean(returning) });
  if (instance && definitionOf(instance)) return [instance, result.affectedRows];
  return runner.dialect.rawResults.update(result);
}

/** `queryInterface.delete(instance, table, where, options)`: v6's DELETE result (the affected count where it reports one). */
export async function deleteRows(runner: QueryRunner, table: { name: string; schema: string | undefined }, where: unknown, options: DataOptions & { limit?: number }): Promise<unknown> {
  const { definition, context } = tableContext(runner.dialect, table.name, table.schema, where);
  const statement = deleteStatement(definition, buildWhere(where, context), options.limit ? { limit: options.limit } : {});
  const result = await runner.run(runner.dialect.compiler.compile(statement), runOptionsOf(options));
  return runner.dialect.rawResults.delete(result) ?? result.affectedRows;
}

/**
 * `queryInterface.increment/decrement(model, table, where, amounts, extraValues, options)`: one UPDATE adding to
 * each column (`RETURNING *` where v6 adds it, PostgreSQL), resolving to v6's UPDATE result.
 */
export async function incrementRows(
  runner: QueryRunner,
  table: { name: string; schema: string | undefined },
  where: unknown,
  amounts: Record<string, unknown>,
  extra: Record<string, unknown>,
  options: InsertRowOptions,
  sign: 1 | -1,
): Promise<unknown> {
  const { definition, context } = tableContext(runner.dialect, table.name, table.schema, amounts, extra, where);
  const base = updateStatement(definition, extra ?? {}, buildWhere(where, context), context);
  const set = Object.entries(amounts).map(([column, amount]) => {
    const value = amount instanceof SqlFragment ? fragmentToNode(amount, context) : sql.value(Number(amount));
    return { column, value: sql.binary(sql.column(column), sign === 1 ? '+' : '-', value) };
  });
  const returning = returningList(runner, options.returning ?? true);
  const node = { ...base, set: [...set, ...base.set], ...(returning ? { returning } : {}) };
  const result = await runner.run(runner.dialect.compiler.compile(node), { ...runOptionsOf(options), expectRows: Boolean(returning) });
  return runner.dialect.rawResults.update(result);
}

/** v6's choice of conflict columns for `queryInterface.upsert`: a unique key holding an updated column, else the primary key. */
function upsertTarget(definition: ModelDefinition | undefined, updated: readonly string[], where: unknown, inserted: Record<string, unknown>): string[] {
  if (!definition) {
    const keys = where && typeof where === 'object' ? Object.keys(where) : [];
    return keys.length > 0 ? keys : ['id'];
  }
  const primaryKeys = definition.primaryKeyAttributes.map((name) => definition.columnOf(name));
  const uniques = [
    ...Object.values(definition.uniqueKeys).map((key) => key.fields),
    ...definition.indexes.filter((index) => index.unique).map((index) => index.fields.map((field) => (typeof field === 'string' ? field : field.name ?? field.attribute ?? ''))),
  ].filter((fields) => fields.length > 0);
  let target: string[] = [];
  for (const column of updated) {
    const found = uniques.find((fields) => fields.includes(column));
    if (found) {
      target = [...found];
      break;
    }
  }
  // v6 falls back to the primary key here, and so fails on a unique key it did not pick; a unique key whose columns
  // are all given is the conflict such an insert can meet, so it is taken first.
  if (target.length === 0 && !primaryKeys.every((column) => column in inserted)) target = [...(uniques.find((fields) => fields.every((column) => column in inserted)) ?? [])];
  if (target.length === 0 || updated.some((column) => primaryKeys.includes(column))) target = primaryKeys;
  return target;
}

/**
 * `queryInterface.upsert(table, insertValues, updateValues, where, options)`: INSERT … ON CONFLICT / ON DUPLICATE KEY
 * UPDATE. The conflict columns are `options.conflictFields`, else chosen from `options.model` as v6 does, else the
 * keys of `where`. Resolves `[row, null]` where the INSERT returns rows, `[undefined, created]` on MySQL.
 */
export async function upsertRow(
  runner: QueryRunner,
  table: { name: string; schema: string | undefined },
  insertValues: Record<string, unknown>,
  updateValues: Record<string, unknown>,
  where: unknown,
  options: InsertRowOptions & { model?: unknown },
): Promise<[unknown, boolean | null]> {
  const definition = definitionOf(options.model);
  const updated = Object.keys(updateValues ?? {});
  const target = options.conflictFields ? [...options.conflictFields] : upsertTarget(definition, updated, where, insertValues);
  const conflict: ConflictAction = updated.length > 0 ? { action: 'update', target, columns: updated } : { action: 'nothing', target };
  const returning = runner.dialect.supports.insertReturning ? ['*'] : undefined;
  const [statement] = bulkInsertStatements(runner.dialect, table, [insertValues], columnAttributes(definition), { conflict, ...(returning ? { returning } : {}) });
  const result = await runner.run(statement!, { ...runOptionsOf(options), expectRows: Boolean(returning) });
  if (returning) return [result.rows[0], null];
  return [undefined, result.affectedRows === 1];
}
