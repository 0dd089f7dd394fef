import { AssociationError } from '../../errors/usage-errors.js';
import type { ModelClass, ModelInstance } from '../model-internals.js';

export type Instance = ModelInstance & {
  save(options?: Record<string, unknown>): Promise<unknown>;
  get(key: string, options?: Record<string, unknown>): unknown;
};

export type Statics = ModelClass & {
  findAll(options?: Record<string, unknown>): Promise<Instance[]>;
  findOne(options?: Record<string, unknown>): Promise<Instance | null>;
  count(options?: Record<string, unknown>): Promise<number>;
  create(values?: Record<string, unknown>, options?: Record<string, unknown>): Promise<Instance>;
  bulkCreate(records: Record<string, unknown>[], options?: Record<string, unknown>): Promise<Instance[]>;
  update(values: Record<string, unknown>, options: Record<string, unknown>): Promise<[number]>;
  destroy(options?: Record<string, unknown>): Promise<number>;
};

export function isInstanceOf(value: unknown, model: ModelClass): value is Instance {
  const base = (model as unknown as { baseModel?: ModelClass }).baseModel ?? model;
  return value !== null && typeof value === 'object' && value instanceof (base as unknown as new () => object);
}

/** Accepts instances of the target or bare keys; an instance of another model is a mistake worth naming. */
export function keysOf(values: unknown, target: ModelClass, key: string, accessor: string): unknown[] {
  const list = Array.isArray(values) ? values : values === null || values === undefined ? [] : [values];
  return list.map((value) => {
    if (isInstanceOf(value, target)) return (value as Instance).get(key, { raw: true });
    if (value !== null && typeof value === 'object' && 'dataValues' in value) {
      throw new AssociationError(`${accessor} expects ${target.name} instances or ${target.name} keys, but got an instance of ${(value.constructor as { name: string }).name}.`);
    }
    if (value !== null && typeof value === 'object') {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) return inner;
    }
    return value;
  });
}

export function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
