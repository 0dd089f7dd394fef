import { randomUUID } from 'node:crypto';
import { NowType } from '../data-types/date-types.js';
import { UuidV1Type, UuidV4Type } from '../data-types/string-types.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { cloneDeepPlain } from '../utils/object.js';
import { uuidV1 } from '../utils/uuid-v1.js';

/** Per-instance state kept off the public surface; `dataValues` stays a plain object of attribute values. */
export interface InstanceState {
  dataValues: Record<string, unknown>;
  /** Previous values of changed keys only: copy-on-write keeps hydration cheap. */
  previous: Record<string, unknown> | undefined;
  changedKeys: Set<string> | undefined;
}

/**
 * An instance's change tracking. The keys a new record was built with are all changes from undefined: they
 * are kept as the list they came in (`built`) and become `changedKeys`/`previous` only when either is read,
 * so `create`, which saves and forgets them at once, never makes the Set.
 */
export class InstanceTracking implements InstanceState {
  #previous: Record<string, unknown> | undefined = undefined;
  #changedKeys: Set<string> | undefined = undefined;
  #built: readonly string[] | undefined = undefined;

  constructor(public dataValues: Record<string, unknown>) {}

  /** Records that `keys`, none of which had a value, were set: the first changes of a new record. */
  builtWith(keys: readonly string[]): void {
    if (this.#built !== undefined || this.#changedKeys !== undefined) for (const key of keys) markChanged(this, key, undefined);
    else this.#built = keys;
  }

  get previous(): Record<string, unknown> | undefined {
    if (this.#built !== undefined) this.materialize();
    return this.#previous;
  }
  set previous(previous: Record<string, unknown> | undefined) {
    if (this.#built !== undefined) this.materialize();
    this.#previous = previous;
  }
  get changedKeys(): Set<string> | undefined {
    if (this.#built !== undefined) this.materialize();
    return this.#changedKeys;
  }
  set changedKeys(keys: Set<string> | undefined) {
    if (this.#built !== undefined) this.materialize();
    this.#changedKeys = keys;
  }

  /** Both cleared at once (after a save or a load): the built keys are dropped unread. */
  reset(): void {
    this.#built = undefined;
    this.#previous = undefined;
    this.#changedKeys = undefined;
  }

  private materialize(): void {
    const built = this.#built!;
    this.#built = undefined;
    this.#changedKeys = new Set(built);
    this.#previous = {};
    for (const key of built) this.#previous[key] = undefined;
  }
}

export function defaultValueOf(defaultValue: unknown): unknown {
  if (defaultValue instanceof UuidV4Type || defaultValue === UuidV4Type) return randomUUID();
  if (defaultValue instanceof UuidV1Type || defaultValue === UuidV1Type) return uuidV1();
  if (defaultValue instanceof NowType || defaultValue === NowType) return new Date();
  if (typeof defaultValue === 'function') {
    const produced: unknown = (defaultValue as () => unknown)();
    if (produced instanceof UuidV4Type) return randomUUID();
    if (produced instanceof UuidV1Type) return uuidV1();
    if (produced instanceof NowType) return new Date();
    return produced;
  }
  return cloneDeepPlain(defaultValue);
}

/** The initial values of a new record: defaults, then null primary keys, as Sequelize's `build` lays them out. */
export function initialValues(definition: ModelDefinition, given?: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const attributes = definition.attributes;
  // Defaults of the attributes not given, then unset keys; the given values follow (Sequelize's key order,
  // which shows in toJSON and JSON.stringify). A default is not even computed when a value is given.
  for (const name in attributes) {
    const defaultValue = attributes[name]!.defaultValue;
    if (defaultValue !== undefined && (given === undefined || given[name] === undefined)) values[name] = defaultValueOf(defaultValue);
  }
  for (const name of definition.primaryKeyAttributes) if (!(name in values) && (given === undefined || given[name] === undefined)) values[name] = null;
  return values;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !(a instanceof SqlFragment)) {
    try {
      return JSON.stringify(a) === JSON.stringify(b);
    } catch {
      return false;
    }
  }
  return false;
}

/** Records a change: `previous(key)` is the value before the latest change, as in Sequelize. */
export function markChanged(state: InstanceState, key: string, before: unknown): void {
  state.changedKeys ??= new Set();
  state.previous ??= {};
  state.previous[key] = before;
  state.changedKeys.add(key);
}

export function previousValue(state: InstanceState, key: string): unknown {
  return state.previous && key in state.previous ? state.previous[key] : state.dataValues[key];
}

/** `previous()`: the value before the latest change of every changed key. */
export function previousValues(state: InstanceState): Record<string, unknown> {
  return Object.fromEntries([...(state.changedKeys ?? [])].map((key) => [key, previousValue(state, key)]));
}

/** Values as they were after the last load or save: `_previousDataValues` in Sequelize. */
export function previousDataValues(state: InstanceState): Record<string, unknown> {
  return { ...state.dataValues, ...(state.previous ?? {}) };
}

export function resetChanges(state: InstanceState): void {
  if (state instanceof InstanceTracking) return state.reset();
  state.previous = undefined;
  state.changedKeys = undefined;
}

/** After `save({ fields })`: only the saved keys stop counting as changed, as in Sequelize. */
export function resetChangesOf(state: InstanceState, keys: readonly string[]): void {
  for (const key of keys) {
    state.changedKeys?.delete(key);
    if (state.previous) delete state.previous[key];
  }
  if (state.changedKeys?.size === 0) resetChanges(state);
}
