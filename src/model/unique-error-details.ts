import { UniqueConstraintError } from '../errors/validation-errors.js';
import type { ModelClass } from './model-internals.js';

interface Instance {
  dataValues: Record<string, unknown>;
  constructor: unknown;
}

/** A unique violation from a save names the values and instance, and uses the `unique: { msg }` given. */
export function withInstanceDetails(error: unknown, instance: Instance): unknown {
  const modelOf = (of: Instance) => of.constructor as ModelClass;
  if (!(error instanceof UniqueConstraintError)) return error;
  const definition = modelOf(instance).definition;
  // SQLite's `fields` is a list of column names, as in Sequelize v6; the others key values by column.
  const listed = Array.isArray(error.fields);
  const fields = error.fields as Record<string, unknown>;
  // Some drivers name the index rather than its columns (MySQL for a named unique key).
  const named = listed ? undefined : Object.keys(fields);
  const byIndexName = named?.length === 1 ? definition.uniqueKeys[named[0]!] : undefined;
  if (byIndexName) {
    const indexName = named![0]!;
    error.fields = Object.fromEntries(byIndexName.fields.map((field) => [field, null]));
    for (const item of error.errors) {
      if (item.path !== indexName) continue;
      item.path = byIndexName.fields[0] ?? item.path;
      if (item.message === `${indexName} must be unique`) item.message = `${item.path} must be unique`;
    }
  }
  const columns = listed ? (error.fields as unknown as string[]) : Object.keys(error.fields);
  const key = byIndexName ?? Object.values(definition.uniqueKeys).find((unique) => unique.fields.length === columns.length && unique.fields.every((field) => columns.includes(field)));
  if (!listed) {
    const values = error.fields as Record<string, unknown>;
    for (const column of columns) {
      const attribute = definition.attributeByColumn.get(column);
      if (attribute && (values[column] === null || values[column] === undefined)) values[column] = instance.dataValues[attribute];
    }
  }
  for (const item of error.errors) {
    const attribute = item.path === null ? undefined : definition.attributeByColumn.get(item.path) ?? item.path;
    if (attribute && (item.value === null || item.value === undefined)) item.value = instance.dataValues[attribute] ?? null;
    item.instance = instance;
    if (key?.msg) item.message = key.msg;
  }
  if (key?.msg) error.message = key.msg;
  return error;
}

