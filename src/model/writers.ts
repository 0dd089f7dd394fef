import { AggregateError, BulkRecordError, UsageError } from '../errors/usage-errors.js';
import { insertInstances } from './bulk-insert.js';
import { isVirtual } from '../metadata/attributes.js';
import { resetChanges } from './instance-values.js';
import { hasHooks, runHooks, runHooksForEach, type ModelClass, type ModelInstance } from './model-internals.js';
import { checkInstance, checkValueTypes } from './validation.js';
import { truncate } from './counter-writers.js';
import { bulkCreateWithIncludes, createWithIncludes } from './include-create.js';
import { bulkCreateHookOptions, bulkCreateRecordHookOptions, validateHookOptions } from './hook-options.js';

export interface CreateOptions {
  fields?: string[];
  include?: unknown;
  transaction?: unknown;
  logging?: unknown;
  validate?: boolean;
  hooks?: boolean;
  silent?: boolean;
  returning?: boolean;
  [extra: string]: unknown;
}

export interface BulkCreateOptions extends CreateOptions {
  ignoreDuplicates?: boolean;
  updateOnDuplicate?: string[];
  conflictAttributes?: string[];
  individualHooks?: boolean;
}

export interface UpdateOptions {
  where: unknown;
  fields?: string[];
  transaction?: unknown;
  logging?: unknown;
  validate?: boolean;
  hooks?: boolean;
  individualHooks?: boolean;
  returning?: boolean | string[];
  silent?: boolean;
  paranoid?: boolean;
  limit?: number;
  sideEffects?: boolean;
  [extra: string]: unknown;
}

export interface DestroyOptions {
  where?: unknown;
  force?: boolean;
  truncate?: boolean;
  cascade?: boolean;
  transaction?: unknown;
  logging?: unknown;
  hooks?: boolean;
  individualHooks?: boolean;
  limit?: number;
  [extra: string]: unknown;
}

export interface UpsertOptions extends CreateOptions {
  conflictFields?: string[];
}

export interface IncrementOptions {
  where?: unknown;
  by?: number;
  transaction?: unknown;
  logging?: unknown;
  silent?: boolean;
  returning?: boolean;
  [extra: string]: unknown;
}

type Saveable = ModelInstance & { save(options?: Record<string, unknown>): Promise<unknown> };

/** Not `async`: save's promise is the result, without another promise and its ticks around it. */
export function create(model: ModelClass, values: Record<string, unknown> | undefined, options: CreateOptions = {}): Promise<unknown> {
  try {
    const given = options.fields && values && options.include === undefined ? onlyFields(model, values, options.fields) : values;
    const instance = new model(given ?? {}, options.include ? { isNewRecord: true, include: options.include } : { isNewRecord: true }) as Saveable;
    if (options.include !== undefined) return createWithIncludes(model, instance as never, options);
    return instance.save(options);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** `create(values, { fields })` builds from the fields (then the VIRTUAL attributes) alone, as v6 does. */
function onlyFields(model: ModelClass, values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const attributes = model.definition.attributes;
  const kept: Record<string, unknown> = {};
  for (const name of fields) if (values[name] !== undefined) kept[name] = values[name];
  for (const name of Object.keys(attributes)) if (isVirtual(attributes[name]!) && values[name] !== undefined) kept[name] = values[name];
  return kept;
}

/** The attributes a batch writes: every column attribute present on any record, without null auto-increment keys. */
export function insertedAttributes(model: ModelClass, instances: readonly ModelInstance[], fields: readonly string[] | undefined): string[] {
  const definition = model.definition;
  const names = new Set<string>();
  // for…in over own keys: no key list built per record (records of one batch usually share their shape).
  for (const instance of instances) {
    const values = instance.dataValues;
    for (const key in values) if (Object.hasOwn(values, key)) names.add(key);
  }
  return definition.columnAttributes.filter((name) => {
    if (fields && !fields.includes(name) && !Object.values(definition.timestamps).includes(name)) return false;
    if (!names.has(name)) return false;
    const attribute = definition.attributes[name]!;
    if (attribute.autoIncrement && instances.every((instance) => instance.dataValues[name] === null || instance.dataValues[name] === undefined)) return false;
    return true;
  });
}

export function conflictTarget(model: ModelClass, columnsWritten: readonly string[], given: readonly string[] | undefined): string[] {
  const definition = model.definition;
  if (given) return given.map((name) => definition.columnOf(name));
  const writtenColumns = new Set(columnsWritten.map((name) => definition.columnOf(name)));
  const uniqueKey = Object.values(definition.uniqueKeys).find((key) => key.fields.every((field) => writtenColumns.has(field)));
  const primaryKeys = definition.primaryKeyAttributes.map((name) => definition.columnOf(name));
  if (primaryKeys.every((column) => writtenColumns.has(column))) return primaryKeys;
  return uniqueKey ? uniqueKey.fields : primaryKeys;
}

export async function bulkCreate(model: ModelClass, records: Record<string, unknown>[], options: BulkCreateOptions = {}): Promise<unknown[]> {
  if (!Array.isArray(records)) throw new UsageError(`${model.name}.bulkCreate expects an array of records.`);
  if (records.length === 0) return [];
  const definition = model.definition;
  const hooks = options.hooks !== false;
  const instances = records.map((values) => new model(values, { isNewRecord: true, ...(options.include ? { include: options.include } : {}) }));
  if (options.include !== undefined) return bulkCreateWithIncludes(model, instances as never, options);
  // Hooks see v6's options (its defaults, `model`, `fields` every attribute name unless given; hooks may push to it).
  const bulkHooks = hooks && (options.individualHooks || hasHooks(model, 'beforeBulkCreate') || hasHooks(model, 'afterBulkCreate'));
  const hookOptions = bulkHooks ? bulkCreateHookOptions(definition, model, options) : options;
  if (hooks && hasHooks(model, 'beforeBulkCreate')) {
    await runHooks(model, 'beforeBulkCreate', instances, hookOptions);
    if (options.fields === undefined) options = { ...options, fields: hookOptions.fields as string[] };
  }
  const recordOptions = hooks && options.individualHooks ? bulkCreateRecordHookOptions(hookOptions) : options;
  if (options.validate) {
    const failures: Error[] = [];
    const validateOptions = { fields: options.fields };
    // v6 validates each record with the bulk options (and `skip`) when hooks run per record.
    const recordValidateOptions = hooks && options.individualHooks ? validateHookOptions(definition, hookOptions) : validateOptions;
    if (hooks && options.individualHooks) {
      // With individual hooks each record is validated as `instance.validate()` does, hooks included, all at
      // once as v6's Promise.all does (the hooks of one stage run for every record before the next stage).
      await Promise.all(instances.map((instance) => (instance as unknown as { validate(o: object): Promise<unknown> }).validate(recordValidateOptions).catch((error: Error) => failures.push(new BulkRecordError(error, instance)))));
    } else for (const instance of instances) {
      // Synchronous unless a validator is: no microtask per record for the common case.
      let error = checkInstance(definition, instance as never, validateOptions);
      if (error instanceof Promise) error = await error;
      if (error) failures.push(new BulkRecordError(error, instance));
    }
    if (failures.length > 0) throw new AggregateError(failures);
  } else {
    for (const instance of instances) {
      const error = checkValueTypes(definition, instance as never);
      if (error) throw error;
    }
  }
  if (hooks && options.individualHooks) {
    await runHooksForEach(model, 'beforeCreate', instances, recordOptions);
  }
  const now = new Date();
  const { createdAt, updatedAt } = definition.timestamps;
  for (const instance of instances) {
    if (createdAt && (instance.dataValues[createdAt] === undefined || instance.dataValues[createdAt] === null)) instance.dataValues[createdAt] = now;
    if (updatedAt && (!options.silent || instance.dataValues[updatedAt] === undefined)) instance.dataValues[updatedAt] = now;
  }
  await insertInstances(model, instances, options);

  for (const instance of instances) {
    instance.isNewRecord = false;
    resetChanges((model as unknown as { _stateOf(i: unknown): Parameters<typeof resetChanges>[0] })._stateOf(instance));
  }
  if (hooks && options.individualHooks) {
    for (const instance of instances) {
      await runHooks(model, 'afterCreate', instance, recordOptions);
    }
  }
  if (hooks && hasHooks(model, 'afterBulkCreate')) await runHooks(model, 'afterBulkCreate', instances, hookOptions);
  return instances;
}

export { update, destroy, restore, scopedWhere } from './bulk-writers.js';
export { upsert, increment } from './counter-writers.js';
export { truncate };
