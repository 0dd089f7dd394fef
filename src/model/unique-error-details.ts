import { ForeignKeyConstraintError } from '../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../errors/validation-errors.js';
import type { ModelClass } from './model-internals.js';

interface Instance {
  dataValues: Record<string, unknown>;
  constructor: unknown;
}

/** A unique violation from a save names the values and instance, and uses the `unique: { msg }` given. */
export function withInstanceDetails(error: unknown, instance: Instance): unknown {
  const modelOf = (of: Instance) => of.constructor as ModelClass;
  if (error instanceof ForeignKeyConstraintError) return withForeignKeyValue(error, modelOf(instance), instance);
  if (!(error instanceof UniqueConstraintError)) return error;
  const definition = modelOf(instance).definition;
  // SQLite's `fields` is a list of column names, as in Sequelize v6; the others key values by column.
  const listed = Array.isArray(error.fields);
  const fields = error.fields as Record<string, unknown>;
  // Some drivers name the index rather than its columns (MySQL for a named unique key).
  const named = listed ? undefined : Object.keys(fields);
  const byIndexName = named?.length === 1 ? definition.uniqueKeys[named[0]!] : undefined;
  if (byIndexName) expandNamedKey(error, byIndexName, named![0]!, false);
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


type UniqueKey = ModelClass['definition']['uniqueKeys'][string];

/**
 * A violation the driver reports by key name (MySQL's named unique keys) told by column, one item per column, as
 * v6 does; the values are the driver's, split as v6 splits them, unless a save fills in its instance's.
 */
function expandNamedKey(error: UniqueConstraintError, key: UniqueKey, indexName: string, keepValues: boolean): void {
  const given = (error.fields as Record<string, unknown>)[indexName];
  const values = keepValues && typeof given === 'string' ? (key.fields.length === 1 ? [given] : given.split('-')) : [];
  error.fields = Object.fromEntries(key.fields.map((field, index) => [field, values[index] ?? null]));
  error.errors = error.errors.flatMap((item) =>
    item.path !== indexName ? [item] : key.fields.map((field, index) => new ValidationErrorItem(`${field} must be unique`, item.type, field, values[index] ?? null, item.instance, item.validatorKey)),
  );
}

/** A unique violation from a statement of many rows (Model.update): the key's columns and `unique: { msg }`. */
export function withKeyDetails(error: unknown, model: ModelClass): unknown {
  if (!(error instanceof UniqueConstraintError) || Array.isArray(error.fields)) return error;
  const named = Object.keys(error.fields);
  const key = named.length === 1 ? model.definition.uniqueKeys[named[0]!] : undefined;
  if (!key) return error;
  expandNamedKey(error, key, named[0]!, true);
  if (key.msg) {
    error.message = key.msg;
    for (const item of error.errors) item.message = key.msg;
  }
  return error;
}

/** As v6 (MySQL): a foreign key failure from a save carries the instance's value of the first key column when the driver gave none. */
function withForeignKeyValue(error: ForeignKeyConstraintError, model: ModelClass, instance: Instance): ForeignKeyConstraintError {
  const first = Array.isArray(error.fields) ? error.fields[0] : undefined;
  if (error.value !== undefined || typeof first !== 'string') return error;
  const attribute = model.definition.attributeByColumn.get(first) ?? first;
  const value = instance.dataValues[attribute];
  if (value !== undefined && value !== null) error.value = value;
  return error;
}
