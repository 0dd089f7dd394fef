import type { ModelDefinition } from '../metadata/model-definition.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { cloneDeepValue } from '../utils/object.js';
import { InstanceTracking, markChanged, valuesEqual, type InstanceState } from './instance-values.js';
import type { ModelClass } from './model-internals.js';

export interface GetOptions {
  plain?: boolean;
  clone?: boolean;
  raw?: boolean;
  /** For `util.inspect`: keep nested instances so each prints under its own model name. */
  forInspect?: boolean;
}

export interface SetOptions {
  raw?: boolean;
  /** Internal: Model.update's writes, which may set the timestamps and version that a user's set() keeps. */
  writeReadOnly?: boolean;
  reset?: boolean;
  isBuilding?: boolean;
  include?: unknown;
}

// Shared by every build without include: one object fewer per instance built.
const building: SetOptions = Object.freeze({ raw: false, isBuilding: true });
const buildingRaw: SetOptions = Object.freeze({ raw: true, isBuilding: true });

/** The set options a build hands `setValues`. */
export function buildingOptions(raw: boolean, include: unknown): SetOptions {
  return include === undefined ? (raw ? buildingRaw : building) : { raw, isBuilding: true, include };
}

interface InstanceLike {
  dataValues: Record<string, unknown>;
  constructor: unknown;
  get(key?: string | GetOptions, options?: GetOptions): unknown;
  _options: { attributes?: readonly string[]; include?: unknown; includeNames?: string[] };
}

/** Setting an included association's value builds instances of the target; associations install this. */
export type IncludeSetter = (instance: InstanceLike, key: string, value: unknown, options: SetOptions) => boolean;

const getterKeysCache = new WeakMap<ModelDefinition, { version: number; keys: string[] }>();

type Accessors<F> = Record<string, F> | undefined;
/** The model options' `getterMethods` (v6's extra computed properties, shown by get() and toJSON). */
export const getterMethodsOf = (definition: ModelDefinition) => definition.options['getterMethods'] as Accessors<(this: unknown) => unknown>;
/** The model options' `setterMethods` (v6's extra writable properties, run by set()). */
export const setterMethodsOf = (definition: ModelDefinition) => definition.options['setterMethods'] as Accessors<(this: unknown, value: unknown) => void>;

function customGetterKeys(definition: ModelDefinition): string[] {
  const cached = getterKeysCache.get(definition);
  if (cached && cached.version === definition.version) return cached.keys;
  // v6's order: the `getterMethods` first, then the attributes with a getter.
  const methods = Object.keys(getterMethodsOf(definition) ?? {}).filter((name) => definition.attributes[name] === undefined);
  const keys = [...methods, ...Object.keys(definition.attributes).filter((name) => typeof definition.attributes[name]!.get === 'function')];
  getterKeysCache.set(definition, { version: definition.version, keys });
  return keys;
}

function modelOf(instance: InstanceLike): ModelClass & { includeSetter?: IncludeSetter } {
  return instance.constructor as ModelClass & { includeSetter?: IncludeSetter };
}

function isInstance(value: unknown): value is InstanceLike {
  return value !== null && typeof value === 'object' && 'dataValues' in value && typeof (value as InstanceLike).get === 'function';
}

function plainOf(value: unknown, options: GetOptions): unknown {
  if (options.forInspect) return value;
  if (isInstance(value)) return value.get(options);
  if (Array.isArray(value) && value.length > 0 && isInstance(value[0])) return value.map((item) => (isInstance(item) ? item.get(options) : item));
  return value;
}

export function getValue(instance: InstanceLike, key: string, options: GetOptions = {}): unknown {
  const definition = modelOf(instance).definition;
  const attribute = definition.attributes[key];
  if (attribute?.get && !options.raw) return attribute.get.call(instance);
  if (attribute === undefined && !options.raw) {
    const getter = getterMethodsOf(definition)?.[key];
    if (getter) return getter.call(instance);
  }
  const value = instance.dataValues[key];
  return options.plain ? plainOf(value, options) : value;
}

export function getValues(instance: InstanceLike, options: GetOptions = {}): Record<string, unknown> {
  const definition = modelOf(instance).definition;
  const getterKeys = options.raw ? [] : customGetterKeys(definition);
  if (getterKeys.length === 0 && !options.plain && !options.clone && !options.forInspect) return instance.dataValues;
  const restrict = instance._options.attributes;
  // v6 lists the selected attributes on instances a query loaded, which leaves `getterMethods` out of their get();
  // included rows list none unless the include names its attributes (then `restrict` applies).
  const built = instance._options as { raw?: boolean; isNewRecord?: boolean; included?: boolean };
  const loaded = built.raw === true && built.isNewRecord === false && built.included !== true;
  const definitionAttributes = definition.attributes;
  const values: Record<string, unknown> = {};
  // Attributes with getters come first, then the stored values, as Sequelize's get() orders them.
  for (const key of getterKeys) {
    if (restrict && !restrict.includes(key)) continue;
    if (loaded && definitionAttributes[key] === undefined) continue;
    values[key] = getValue(instance, key, options);
  }
  for (const key of Object.keys(instance.dataValues)) if (!(key in values)) values[key] = getValue(instance, key, options);
  return values;
}

/** toJSON(): a deep copy, as v6's, so changing what it gave (a JSON value, a date) leaves the instance alone. */
export function jsonValues(instance: InstanceLike): Record<string, unknown> {
  const values = getValues(instance, { plain: true, clone: true });
  for (const key in values) if (typeof values[key] === 'object' && values[key] !== null) values[key] = cloneDeepValue(values[key]);
  return values;
}

export function setValues(instance: InstanceLike, state: InstanceState, values: Record<string, unknown>, options: SetOptions): void {
  const keys = Object.keys(values);
  if (options.reset) {
    // Sequelize's reset: the values given replace every current value, each counted as a change from nothing.
    for (const key of Object.keys(instance.dataValues)) delete instance.dataValues[key];
    for (const key of keys) {
      state.changedKeys?.delete(key);
      if (state.previous) delete state.previous[key];
    }
  }
  const definition = modelOf(instance).definition;
  if (options.isBuilding && !options.raw && options.include === undefined && state instanceof InstanceTracking && setsPlainly(definition, state.dataValues, keys, values)) {
    const attributes = definition.attributes;
    const dataValues = state.dataValues;
    for (const key of keys) {
      const value = values[key];
      dataValues[key] = value === null || value instanceof SqlFragment ? value : attributes[key]!.type.setValue(value);
    }
    state.builtWith(keys);
    return;
  }
  for (let index = 0; index < keys.length; index += 1) setValue(instance, state, keys[index]!, values[keys[index]!], options);
}

/** Whether every key is an attribute without a setter, given a value, that has none yet: what `build` sets most often. */
function setsPlainly(definition: ModelDefinition, dataValues: Record<string, unknown>, keys: readonly string[], values: Record<string, unknown>): boolean {
  for (const key of keys) {
    const attribute = definition.attribute(key);
    if (attribute === undefined || attribute.set !== undefined || values[key] === undefined || dataValues[key] !== undefined) return false;
  }
  return true;
}

/** Sequelize's `set`: custom setters, sanitizing by type, change tracking; unknown keys are ignored unless raw. */
export function setValue(instance: InstanceLike, state: InstanceState, key: string, value: unknown, options: SetOptions): void {
  const model = modelOf(instance);
  if (options.include !== undefined && model.includeSetter?.(instance, key, value, options)) return;
  const attribute = model.definition.attributes[key];
  if (!options.raw) {
    if (attribute?.set) {
      attribute.set.call(instance, value);
      return;
    }
    if (!attribute) {
      const setter = setterMethodsOf(model.definition)?.[key];
      if (setter) {
        setter.call(instance, value);
        return;
      }
      const [head] = key.split('.');
      if (key.includes('.') && model.definition.attributes[head!]) return setJsonPath(instance, state, key, value);
      return;
    }
    if (!options.isBuilding && !options.writeReadOnly && keepsValue(model.definition, instance, key, attribute.primaryKey)) return;
    if (value !== null && value !== undefined && !(value instanceof SqlFragment)) value = attribute.type.setValue(value);
  }
  const before = instance.dataValues[key];
  instance.dataValues[key] = value;
  if (options.raw && !options.isBuilding) return;
  if (!options.isBuilding && valuesEqual(before, value)) return;
  if (attribute || options.isBuilding) markChanged(state, key, before);
}

/**
 * v6 ignores a set of a primary key that already holds a value, and, on a stored record, of the timestamps and
 * the version counter: saving maintains those, `set(…, { raw: true })` still writes them.
 */
function keepsValue(definition: ModelDefinition, instance: InstanceLike, key: string, primaryKey: boolean | undefined): boolean {
  if (primaryKey && instance.dataValues[key]) return true;
  if ((instance as { isNewRecord?: boolean }).isNewRecord !== false) return false;
  const { createdAt, updatedAt, deletedAt } = definition.timestamps;
  return key === createdAt || key === updatedAt || key === deletedAt || key === definition.versionAttribute;
}

function setJsonPath(instance: InstanceLike, state: InstanceState, key: string, value: unknown): void {
  const [head, ...path] = key.split('.');
  const before = instance.dataValues[head!];
  // The same value at that path is no change, as in v6.
  let current: unknown = before;
  for (const part of path) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  if (current !== undefined && valuesEqual(current, value)) return;
  const root = structuredClone((before ?? {}) as Record<string, unknown>);
  let cursor = root;
  for (const part of path.slice(0, -1)) cursor = (cursor[part] ??= {}) as Record<string, unknown>;
  cursor[path[path.length - 1]!] = value;
  instance.dataValues[head!] = root;
  markChanged(state, head!, before);
}
