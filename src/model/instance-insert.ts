// Saving a new record: the INSERT and its generated keys, and the path without hooks, which awaits nothing.
import { isVirtual } from '../metadata/attributes.js';
import type { CompiledQuery } from '../sql/compiler.js';
import { rowToAttributes } from '../query/mutation-plan.js';
import { resetChanges, resetChangesOf, type InstanceState } from './instance-values.js';
import { hasHooks, type ModelClass } from './model-internals.js';
import { runOptions } from './query-scope.js';
import { checkInstance } from './validation.js';
import { compileRecordInsert, compileRecordInsertInFull, holdsFragment } from './insert-cache.js';
import { withInstanceDetails } from './unique-error-details.js';
import type { Instance, SaveOptions } from './instance-persistence.js';

const modelOf = (instance: Instance) => instance.constructor as ModelClass;

export function savedAttributes(instance: Instance, state: InstanceState, options: SaveOptions): string[] {
  const definition = modelOf(instance).definition;
  if (options.fields) return storedAmong(definition, options.fields);
  if (instance.isNewRecord) return storedAmong(definition, Object.keys(instance.dataValues));
  return storedAmong(definition, [...(state.changedKeys ?? [])]);
}

/** The names that are stored attributes (not virtual, not unknown keys). */
export function storedAmong(definition: ModelClass['definition'], names: readonly string[]): string[] {
  return names.filter((name) => isStored(definition, name));
}

/** The stored keys a model's last new record had: the next one with the same keys shares the (read-only) list. */
const lastStoredKeys = new WeakMap<ModelClass['definition'], { version: number; keys: readonly string[] }>();

/** The keys of a new record's values that are stored attributes, in their order; repeated shapes allocate nothing. */
function storedKeysOf(definition: ModelClass['definition'], values: Record<string, unknown>): readonly string[] {
  const last = lastStoredKeys.get(definition);
  if (last !== undefined && last.version === definition.version) {
    const keys = last.keys;
    let matched = 0;
    let same = true;
    for (const name in values) {
      if (keys[matched] === name) matched += 1;
      else if (isStored(definition, name)) {
        same = false;
        break;
      }
    }
    if (same && matched === keys.length) return keys;
  }
  const keys: string[] = [];
  for (const name in values) if (isStored(definition, name)) keys.push(name);
  lastStoredKeys.set(definition, { version: definition.version, keys });
  return keys;
}

function isStored(definition: ModelClass['definition'], name: string): boolean {
  const attribute = definition.attribute(name);
  return attribute !== undefined && !isVirtual(attribute);
}

/** Hooks a save of a new record runs: any of them means the general path. */
const createHookNames = ['beforeValidate', 'afterValidate', 'validationFailed', 'beforeCreate', 'afterCreate'] as const;

const allFields = Object.freeze({});

/**
 * `save()` of a new record when no hook applies (`undefined` if one does): the general path's steps minus the
 * hooks — stamps, validation, INSERT — awaiting nothing, so where the driver answers at once (SQLite) the
 * INSERT costs one settled promise. Throws what the save would reject with.
 */
export function createWithoutHooks(instance: Instance, state: InstanceState, options: SaveOptions): Promise<Instance> | undefined {
  const model = modelOf(instance);
  if (options.hooks !== false) for (const name of createHookNames) if (hasHooks(model, name)) return undefined;
  const definition = model.definition;
  const values = instance.dataValues;
  const { createdAt, updatedAt } = definition.timestamps;
  const stampUpdated = updatedAt !== undefined && !options.silent;
  const stampCreated = createdAt !== undefined && (values[createdAt] === undefined || values[createdAt] === null);
  const now = new Date();
  if (stampUpdated) values[updatedAt] = now;
  if (stampCreated) values[createdAt] = now;
  // Stamped before the keys are read, so the timestamps are among them in the order the general path saves them.
  const fields = options.fields
    ? withStamps(storedAmong(definition, options.fields), stampUpdated ? updatedAt : undefined, stampCreated ? createdAt : undefined)
    : storedKeysOf(definition, values);
  if (options.validate !== false) {
    const checked = checkInstance(definition, instance as never, options.fields ? { fields } : allFields);
    if (checked instanceof Promise) {
      return checked.then((error) => {
        if (error) throw error;
        return insertAndMarkSaved(instance, state, options, fields);
      });
    }
    if (checked) throw checked;
  }
  return insertAndMarkSaved(instance, state, options, fields);
}

function withStamps(fields: string[], ...stamps: Array<string | undefined>): string[] {
  for (const stamp of stamps) if (stamp !== undefined && !fields.includes(stamp)) fields.push(stamp);
  return fields;
}

function insertAndMarkSaved(instance: Instance, state: InstanceState, options: SaveOptions, fields: readonly string[]): Promise<Instance> {
  const inserting = insertNew(instance, options, fields);
  if (inserting === undefined) {
    markSaved(instance, state, options, fields);
    return Promise.resolve(instance);
  }
  return inserting.then(() => {
    markSaved(instance, state, options, fields);
    return instance;
  });
}

/** The INSERT of a new record and the keys it generated: `undefined` when done at once, else its promise. */
export function insertNew(instance: Instance, options: SaveOptions, fields: readonly string[]): Promise<void> | undefined {
  const model = modelOf(instance);
  const values = instance.dataValues;
  const runner = model.host.queryRunner;
  const supports = runner.dialect.supports;
  // Where only generated keys are read back, a record without SQL fragments needs no RETURNING.
  let returning = supports.insertReturning && (!supports.insertReadsBackKeysOnly || Boolean(options.returning));
  let query: CompiledQuery | undefined;
  let run: ReturnType<typeof runOptions>;
  let answered: Awaited<ReturnType<typeof runner.run>> | undefined;
  try {
    query = compileRecordInsert(model, values, fields, options.omitNull === true, returning);
    if (query === undefined) {
      // SQL fragments: their values are read back where RETURNING exists.
      if (holdsFragment([values], fields)) returning = supports.insertReturning;
      query = compileRecordInsertInFull(model, values, fields, options.omitNull === true, returning);
    }
    run = runOptions(options, returning);
    answered = runner.runNow(query, run);
  } catch (error) {
    throw withInstanceDetails(error, instance);
  }
  if (answered !== undefined) {
    applyGeneratedValues(model, values, answered.rows[0], answered.insertId);
    return undefined;
  }
  return runner.run(query, run).then(
    (result) => applyGeneratedValues(model, values, result.rows[0], result.insertId),
    (error: unknown) => {
      throw withInstanceDetails(error, instance);
    },
  );
}

/** A saved record is stored and clean (only the saved fields, when `fields` named them). */
export function markSaved(instance: Instance, state: InstanceState, options: SaveOptions, fields: readonly string[]): void {
  instance.isNewRecord = false;
  instance._options['isNewRecord'] = false;
  if (options.fields) resetChangesOf(state, fields);
  else resetChanges(state);
}

function applyGeneratedValues(model: ModelClass, values: Record<string, unknown>, row: Record<string, unknown> | undefined, insertId: unknown): void {
  if (row) {
    Object.assign(values, rowToAttributes(model.definition, model.host.queryRunner.dialect, row));
    return;
  }
  const primaryKey = model.definition.primaryKeyAttributes[0];
  if (primaryKey && model.definition.attributes[primaryKey]!.autoIncrement && insertId !== undefined && insertId !== null
    && (values[primaryKey] === null || values[primaryKey] === undefined)) {
    values[primaryKey] = typeof insertId === 'bigint' && insertId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(insertId) : insertId;
  }
}
