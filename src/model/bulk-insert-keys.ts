import { rowToAttributes } from '../query/mutation-plan.js';
import { selectRows } from '../schema/query-interface-data.js';
import { Op } from '../sql/operators.js';
import type { ModelClass, ModelInstance } from './model-internals.js';

const missing = (value: unknown) => value === null || value === undefined;

/**
 * Where INSERT … ON DUPLICATE KEY UPDATE / INSERT IGNORE returns no rows (MySQL, MariaDB without RETURNING), the
 * generated keys are read back with one SELECT keyed by the conflict columns, in the statement's transaction if it
 * has one. Sequelize v6 counts up from the insert id instead, which goes wrong once a row is updated or skipped.
 * With `ignoreDuplicates` only rows this statement inserted count (key ≥ its insert id): a skipped record keeps
 * null, as where RETURNING answers. Records with a NULL in a conflict column cannot be told apart and keep null.
 */
export async function readBackKeys(model: ModelClass, batch: readonly ModelInstance[], conflictColumns: readonly string[], options: { transaction: unknown; logging?: unknown; insertId?: unknown; skipped: boolean }): Promise<void> {
  const definition = model.definition;
  const dialect = model.host.queryRunner.dialect;
  const primaryKey = definition.primaryKeyAttributes[0];
  if (primaryKey === undefined || conflictColumns.length === 0) return;
  const names = conflictColumns.map((column) => definition.attributeByColumn.get(column) ?? column);
  const identified = batch.filter((instance) => names.every((name) => !missing(instance.dataValues[name])));
  if (identified.length === 0) return;
  const firstInserted = Number(options.insertId ?? 0);
  if (options.skipped && !(firstInserted > 0)) return;
  const where = { [Op.or]: identified.map((instance) => Object.fromEntries(conflictColumns.map((column, index) => [column, instance.dataValues[names[index]!]]))) };
  const rows = await selectRows(model.host.queryRunner, definition.tableName, definition.schema, {
    where,
    transaction: options.transaction,
    ...(options.logging !== undefined ? { logging: options.logging as never } : {}),
  });
  const keyOf = (source: Record<string, unknown>, fold: boolean) => JSON.stringify(names.map((name) => (fold ? String(source[name]).toLowerCase() : String(source[name]))));
  const exact = new Map<string, Record<string, unknown>>();
  const folded = new Map<string, Record<string, unknown> | null>();
  for (const row of rows.map((raw) => rowToAttributes(definition, dialect, raw))) {
    if (options.skipped && !(Number(row[primaryKey]) >= firstInserted)) continue;
    exact.set(keyOf(row, false), row);
    // A case-insensitive collation matches 'A' with a stored 'a'; that fallback holds only where it is unambiguous.
    const key = keyOf(row, true);
    folded.set(key, folded.has(key) ? null : row);
  }
  for (const instance of identified) {
    const row = exact.get(keyOf(instance.dataValues, false)) ?? folded.get(keyOf(instance.dataValues, true));
    if (row) instance.dataValues[primaryKey] = row[primaryKey];
  }
}
