import { InstanceError, OptimisticLockError } from '../errors/usage-errors.js';
import { isVirtual } from '../metadata/attributes.js';
import { updateStatement } from '../query/mutation-plan.js';
import { buildWhere } from '../query/where.js';
import { markChanged, resetChanges, valuesEqual, type InstanceState } from './instance-values.js';
import { hasHooks, runHooks, type ModelClass } from './model-internals.js';
import { runOptions, tableContext } from './query-scope.js';
import { checkInstance, type ValidateOptions } from './validation.js';
import { withInstanceDetails } from './unique-error-details.js';
import { createWithoutHooks, insertNew, markSaved, savedAttributes, storedAmong } from './instance-insert.js';
import { fieldsNotGiven, saveHookOptions, validateHookOptions } from './hook-options.js';

export interface SaveOptions {
  fields?: string[];
  [fieldsNotGiven]?: boolean;
  silent?: boolean;
  validate?: boolean;
  hooks?: boolean;
  transaction?: unknown;
  logging?: unknown;
  returning?: boolean;
  omitNull?: boolean;
  [extra: string]: unknown;
}

export interface InstanceDestroyOptions {
  force?: boolean;
  /** As v6 (its save of the soft delete): the updatedAt stamp is left as it was. */
  silent?: boolean;
  hooks?: boolean;
  transaction?: unknown;
  logging?: unknown;
}

export interface InstanceValidateOptions extends ValidateOptions {
  hooks?: boolean;
}

/** What persistence and the lifecycle methods need of an instance. */
export interface Instance {
  dataValues: Record<string, unknown>;
  isNewRecord: boolean;
  constructor: unknown;
  _options: Record<string, unknown>;
  set(key: string | Record<string, unknown>, value?: unknown, options?: Record<string, unknown>): unknown;
  get(key: string, options?: Record<string, unknown>): unknown;
}

export const modelOf = (instance: Instance) => instance.constructor as ModelClass;

export function markClean(state: InstanceState): void {
  resetChanges(state);
}

export function noteChange(state: InstanceState, key: string, before: unknown): void {
  markChanged(state, key, before);
}

export function changed(instance: Instance, state: InstanceState, key?: string, value?: boolean): string[] | false | boolean | Instance {
  if (key === undefined) {
    const keys = [...(state.changedKeys ?? [])];
    return keys.length > 0 ? keys : false;
  }
  if (value === undefined) return state.changedKeys?.has(key) ?? false;
  if (value) (state.changedKeys ??= new Set()).add(key);
  else state.changedKeys?.delete(key);
  return instance;
}

export function primaryKeyWhere(instance: Instance): Record<string, unknown> {
  const keys = modelOf(instance).definition.primaryKeyAttributes;
  return Object.fromEntries(keys.map((key) => [key, instance.get(key, { raw: true })]));
}

export function isSoftDeleted(instance: Instance): boolean {
  const deletedAt = modelOf(instance).definition.timestamps.deletedAt;
  if (!deletedAt) throw new InstanceError(`${modelOf(instance).name} is not paranoid: isSoftDeleted() needs paranoid: true.`);
  // As v6: deleted once deletedAt holds anything but its default (null), a date in the future too.
  const value = instance.dataValues[deletedAt] ?? null;
  const byDefault = modelOf(instance).definition.attributes[deletedAt]?.defaultValue ?? null;
  return !valuesEqual(value, byDefault);
}

export function equals(instance: Instance, other: unknown): boolean {
  if (!other || typeof other !== 'object' || !(other instanceof (modelOf(instance) as unknown as new () => object))) return false;
  const keys = modelOf(instance).definition.primaryKeyAttributes;
  return keys.every((key) => instance.get(key, { raw: true }) === (other as Instance).get(key, { raw: true }));
}

/**
 * `instance.validate()`: resolves the instance; a `validationFailed` hook may throw an error of its own instead.
 * The hooks see `hookOptions` (v6's validator options: the save's options, `hooks`, `skip`), made from `options`
 * when not given.
 */
export async function validate(instance: Instance, options: InstanceValidateOptions = {}, hookOptions?: Record<string, unknown>): Promise<Instance> {
  const model = modelOf(instance);
  const hooks = options.hooks !== false;
  const forHooks = hooks ? (hookOptions ?? validateHookOptions(model.definition, options as Record<string, unknown>)) : options;
  if (hooks && hasHooks(model, 'beforeValidate')) await runHooks(model, 'beforeValidate', instance, forHooks);
  let checked = checkInstance(model.definition, instance as never, options);
  if (checked instanceof Promise) checked = await checked;
  const error = checked;
  if (error) {
    if (hooks && hasHooks(model, 'validationFailed')) await runHooks(model, 'validationFailed', instance, forHooks, error);
    throw error;
  }
  if (hooks && hasHooks(model, 'afterValidate')) await runHooks(model, 'afterValidate', instance, forHooks);
  return instance;
}

/** Validation as `save` runs it: synchronous unless a hook or an asynchronous validator is in play. */
function validateForSave(instance: Instance, options: InstanceValidateOptions, hookOptions: () => Record<string, unknown>): Promise<void> | undefined {
  const model = modelOf(instance);
  if (options.hooks !== false && (hasHooks(model, 'beforeValidate') || hasHooks(model, 'afterValidate') || hasHooks(model, 'validationFailed'))) {
    return validate(instance, options, hookOptions()).then(() => undefined);
  }
  const checked = checkInstance(model.definition, instance as never, options);
  if (checked instanceof Promise) {
    return checked.then((error) => {
      if (error) throw error;
    });
  }
  if (checked) throw checked;
  return undefined;
}

/** Not `async`: a new record without hooks is saved by `createWithoutHooks`, which awaits nothing. */
export function save(instance: Instance, state: InstanceState, options: SaveOptions = {}): Promise<Instance> {
  if (instance.isNewRecord) {
    try {
      const saving = createWithoutHooks(instance, state, options);
      if (saving !== undefined) return saving;
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return saveInGeneral(instance, state, options);
}

async function saveInGeneral(instance: Instance, state: InstanceState, options: SaveOptions = {}): Promise<Instance> {
  const model = modelOf(instance);
  const definition = model.definition;
  const isNew = instance.isNewRecord;
  const { createdAt, updatedAt } = definition.timestamps;
  let fields = savedAttributes(instance, state, options);
  const hooks = options.hooks !== false;
  // An unchanged record is still validated and its before hooks run, as in Sequelize; what they change is saved.
  const unchanged = !isNew && fields.length === 0;
  if (unchanged && !(hooks && ['beforeValidate', 'afterValidate', 'beforeUpdate'].some((name) => hasHooks(model, name)))) return instance;

  const now = new Date();
  const stampUpdatedAt = () => {
    if (!updatedAt || options.silent) return;
    instance.dataValues[updatedAt] = now;
    if (!fields.includes(updatedAt)) fields.push(updatedAt);
  };
  const version = definition.versionAttribute;
  const addVersion = () => {
    if (version && !isNew && fields.length > 0 && !fields.includes(version)) fields.push(version);
  };
  if (!unchanged) {
    stampUpdatedAt();
    addVersion();
  }
  if (isNew && createdAt && (instance.dataValues[createdAt] === undefined || instance.dataValues[createdAt] === null)) {
    instance.dataValues[createdAt] = now;
    if (!fields.includes(createdAt)) fields.push(createdAt);
  }
  const fieldsGiven = options.fields !== undefined && !options[fieldsNotGiven];
  // Hooks see v6's save options: the fields being saved (every attribute of a new record unless named; hooks may
  // add to them); beforeSave/afterSave are filed under create/update. Made when a hook first needs it: most saves run none.
  let hookOptions: (SaveOptions & { fields: string[] }) | undefined;
  const optionsForHooks = () => (hookOptions ??= saveHookOptions(definition, options, fields, isNew));
  if (options.validate !== false) {
    const checkOptions = { fields: options.fields ? fields : isNew ? undefined : fields, hooks: options.hooks, ...(options['skip'] ? { skip: options['skip'] as string[] } : {}) };
    const validating = validateForSave(instance, checkOptions, () => validateHookOptions(definition, optionsForHooks()));
    if (validating) await validating;
  }
  const beforeHook = isNew ? 'beforeCreate' : 'beforeUpdate';
  let byHooks: string[] = [];
  let fieldsReplaced = false;
  if (hooks && hasHooks(model, beforeHook)) {
    const changedBefore = new Set(state.changedKeys ?? []);
    const listed = optionsForHooks().fields;
    await runHooks(model, beforeHook, instance, optionsForHooks());
    // A hook that replaced `fields` saves those: only they stop counting as changed, as in v6.
    fieldsReplaced = optionsForHooks().fields !== listed;
    // Unless the caller named the fields, what the hooks changed is saved too.
    byHooks = fieldsGiven ? [] : savedAttributes(instance, state, {}).filter((key) => isNew || !changedBefore.has(key));
    fields = storedAmong(definition, [...new Set([...optionsForHooks().fields, ...byHooks])]);
    // The after hooks see the fields the hooks added, as v6's one options object carries them.
    if (byHooks.length > 0) optionsForHooks().fields = [...fields];
  }
  // Sequelize validates a save()/update() of a stored record again after its before hooks (over what they changed), so
  // the validation hooks run a second time there; only visible, and only done, when there are such hooks.
  if (!isNew && !fieldsGiven && hooks && options.validate !== false && (hasHooks(model, 'beforeValidate') || hasHooks(model, 'afterValidate'))) {
    await validate(instance, { fields: byHooks, hooks: options.hooks }, validateHookOptions(definition, { ...optionsForHooks(), skip: undefined }, byHooks));
  }
  // As in v6, a stored record nothing changed in (also by the hooks) is not written and runs no after hooks, named
  // fields or not.
  if (!isNew && !state.changedKeys?.size) return instance;
  if (unchanged) {
    if (fields.length === 0) return instance;
    stampUpdatedAt();
    addVersion();
  }

  if (isNew) {
    const inserting = insertNew(instance, options, fields);
    if (inserting !== undefined) await inserting;
  } else {
    const runner = model.host.queryRunner;
    const values = Object.fromEntries(fields.map((name) => [name, instance.dataValues[name]]));
    const keys = primaryKeyWhere(instance);
    if (version) {
      // Optimistic locking: the row must still hold the version this instance read; the save bumps it.
      keys[version] = instance.dataValues[version];
      values[version] = Number.parseInt(String(instance.dataValues[version]), 10) + 1;
    }
    const where = buildWhere(keys, tableContext(model));
    const node = updateStatement(definition, values, where, tableContext(model));
    const result = await runner.run(runner.dialect.compiler.compile(node), runOptions(options, false)).catch((error: unknown) => {
      throw withInstanceDetails(error, instance);
    });
    if (version) {
      if (result.affectedRows < 1) throw staleInstance(model, values, keys);
      instance.dataValues[version] = values[version];
    }
  }
  markSaved(instance, state, fieldsReplaced ? { ...options, fields } : options, fields);
  const afterHook = isNew ? 'afterCreate' : 'afterUpdate';
  if (hooks && hasHooks(model, afterHook)) {
    await runHooks(model, afterHook, instance, optionsForHooks());
  }
  return instance;
}

/** v6's OptimisticLockError: the values and the where as sent, keyed by column. */
function staleInstance(model: ModelClass, values: Record<string, unknown>, where: Record<string, unknown>): OptimisticLockError {
  const byColumn = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).map(([name, value]) => [model.definition.columnOf(name), value]));
  return new OptimisticLockError({ modelName: model.name, values: byColumn(values), where: byColumn(where) });
}

export async function update(instance: Instance, state: InstanceState, values: Record<string, unknown>, options: SaveOptions = {}): Promise<Instance> {
  const before = new Set(state.changedKeys ?? []);
  const definition = modelOf(instance).definition;
  // With `fields`, only those (and VIRTUAL attributes, whose setters may write them) are set, as in v6.
  const given = options.fields;
  instance.set(given ? Object.fromEntries(Object.entries(values).filter(([key]) => given.includes(key) || (definition.attribute(key) !== undefined && isVirtual(definition.attributes[key]!)))) : values);
  const changedNow = [...(state.changedKeys ?? [])].filter((key) => !before.has(key) || key in values);
  const fields = options.fields ?? [...new Set([...Object.keys(values).filter((key) => definition.attribute(key)), ...changedNow])];
  // v6 saves also when nothing changed: the record is validated and its before hooks run (what they change is
  // saved). Named fields are saved as named.
  if (given) return save(instance, state, options);
  const changedFields = fields.filter((key) => state.changedKeys?.has(key));
  return save(instance, state, { ...options, fields: changedFields.length > 0 || !instance.isNewRecord ? changedFields : fields, [fieldsNotGiven]: true });
}

export { reload, destroy, restore, increment } from './instance-lifecycle.js';
