import { AssociationError } from '../../errors/usage-errors.js';
import { Op } from '../../sql/operators.js';
import { buildWhere } from '../../query/where.js';
import { chunk } from '../../utils/object.js';
import { tableContext } from '../query-scope.js';
import type { ModelClass, ModelInstance } from '../model-internals.js';

export type Options = Record<string, unknown>;

export type Instance = ModelInstance & {
  save(options?: Record<string, unknown>): Promise<unknown>;
  get(key: string, options?: Record<string, unknown>): unknown;
};

export type Statics = ModelClass & {
  findAll(options?: Record<string, unknown>): Promise<Instance[]>;
  findOne(options?: Record<string, unknown>): Promise<Instance | null>;
  findByPk(key: unknown, options?: Record<string, unknown>): Promise<Instance | null>;
  count(options?: Record<string, unknown>): Promise<number | Array<Record<string, unknown>>>;
  create(values?: Record<string, unknown>, options?: Record<string, unknown>): Promise<Instance>;
  build(values?: Record<string, unknown>, options?: Record<string, unknown>): Instance;
  bulkCreate(records: Record<string, unknown>[], options?: Record<string, unknown>): Promise<Instance[]>;
  update(values: Record<string, unknown>, options: Record<string, unknown>): Promise<[number]>;
  destroy(options?: Record<string, unknown>): Promise<number>;
  scope(...names: unknown[]): Statics;
  unscoped(): Statics;
};

export type AccessorMap = Record<string, (this: Instance, ...args: never[]) => Promise<unknown>>;

export function isInstanceOf(value: unknown, model: ModelClass): value is Instance {
  const base = (model as unknown as { baseModel?: ModelClass }).baseModel ?? model;
  return value !== null && typeof value === 'object' && value instanceof (base as unknown as new () => object);
}

function isModelInstance(value: unknown): value is Instance {
  return value !== null && typeof value === 'object' && 'dataValues' in value && typeof (value as { get?: unknown }).get === 'function';
}

/** Builds a where that will not be sent (no row to look for), so its mistakes are errors all the same. */
export function checkWhere(target: Statics, where: unknown): void {
  if (where !== undefined) buildWhere(where, tableContext(target));
}

/**
 * `hasFriend(null)` / `hasFriends([friend, null])` resolve false, as in v6 (no row has a null key); undefined is a
 * mistake (v6: "WHERE parameter has invalid undefined value"), named here before any SQL.
 */
export function hasNullOrThrow(values: unknown, accessor: string, targetName: string): boolean {
  const list = Array.isArray(values) ? values : [values];
  if (list.some((value) => value === undefined)) {
    throw new AssociationError(`${accessor} was given undefined: expected ${targetName} instances or keys.`);
  }
  return list.some((value) => value === null);
}

/** Accepts instances of the target or bare keys (also mixed in one array); an instance of another model is a mistake worth naming. */
export function keysOf(values: unknown, target: ModelClass, key: string, accessor: string, unsaved: 'refuse' | 'allow' = 'refuse'): unknown[] {
  const list = Array.isArray(values) ? values : values === null || values === undefined ? [] : [values];
  return list.map((value) => {
    if (isInstanceOf(value, target)) {
      const found = (value as Instance).get(key, { raw: true });
      if ((found === null || found === undefined) && unsaved === 'refuse') {
        throw new AssociationError(`${accessor} was given a ${target.name} without its ${key} (not saved yet?): save it first, or pass its ${key}.`);
      }
      return found;
    }
    if (isModelInstance(value)) {
      throw new AssociationError(`${accessor} expects ${target.name} instances or ${target.name} keys, but got an instance of ${(value.constructor as { name: string }).name}.`);
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) return inner;
      throw new AssociationError(`${accessor} expects ${target.name} instances or ${target.name} keys (${key}), but got an object without "${key}".`);
    }
    if (value === null || value === undefined) {
      throw new AssociationError(`${accessor} was given ${String(value)} in its list of ${target.name} instances or keys.`);
    }
    return value;
  });
}

export function andWhere(base: Record<string | symbol, unknown>, ...extra: unknown[]): Record<string | symbol, unknown> {
  const parts = extra.filter((part) => part !== undefined && part !== null && !(typeof part === 'object' && Reflect.ownKeys(part as object).length === 0));
  return parts.length === 0 ? base : { [Op.and]: [base, ...parts] };
}

/** `scope: 'name'` / `scope: false` on an accessor picks the target's scope as Sequelize does. */
export function scopedTarget(target: Statics, options: Options): Statics {
  if (!Object.prototype.hasOwnProperty.call(options, 'scope')) return target;
  const scope = options['scope'];
  if (!scope) return target.unscoped();
  return target.scope(...(Array.isArray(scope) ? scope : [scope]));
}

/** Finder options without the accessor-only ones, ready for the target's `findAll`. */
export function finderOptions(options: Options): Options {
  const { scope: _scope, through: _through, joinTableAttributes: _joinTableAttributes, save: _save, ...rest } = options;
  return rest;
}

export function raw(instance: Instance, key: string): unknown {
  return instance.get(key, { raw: true });
}

/** Normalizes keys for Map lookups: drivers may return bigint or string for the same integer key. */
export function keyOf(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Keys in chunks that fit the dialect's bound-parameter limit, with room for the rest of the statement. */
export function keyChunks<T>(model: ModelClass, keys: readonly T[]): T[][] {
  const size = Math.max(1, model.host.queryRunner.dialect.supports.maxParameters - 100);
  return keys.length === 0 ? [] : chunk(keys, size);
}

export function unique<T>(values: readonly T[]): T[] {
  const seen = new Map<unknown, T>();
  for (const value of values) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value);
  return [...seen.values()];
}

/** Attribute lists must carry the key rows are grouped by; it is taken out again when the caller did not ask for it. */
export function withKey(attributes: unknown, key: string): { attributes: unknown; added: boolean } {
  if (Array.isArray(attributes)) return attributes.includes(key) ? { attributes, added: false } : { attributes: [...attributes, key], added: true };
  const exclude = (attributes as { exclude?: unknown } | undefined)?.exclude;
  if (Array.isArray(exclude) && exclude.includes(key)) {
    return { attributes: { ...(attributes as object), exclude: exclude.filter((name) => name !== key) }, added: true };
  }
  return { attributes, added: false };
}

export function dropKey(row: unknown, key: string): void {
  const record = row as { dataValues?: Record<string, unknown>; _previousDataValues?: Record<string, unknown> } & Record<string, unknown>;
  if (record.dataValues) {
    delete record.dataValues[key];
    if (record._previousDataValues) delete record._previousDataValues[key];
  } else delete record[key];
}

/** A key's value on an instance or on a raw row, as the driver returned it. */
export function valueOf(row: unknown, key: string): unknown {
  const record = row as Instance & Record<string, unknown>;
  return typeof record.get === 'function' && 'dataValues' in record ? raw(record, key) : record[key];
}

/** The same, normalized for Map lookups. */
export function readKey(row: unknown, key: string): unknown {
  return keyOf(valueOf(row, key));
}

/** Per-owner `limit`/`offset` over rows already in the query's order: the same rows a query per owner returns. */
export function page<T>(rows: T[], options: Options): T[] {
  const offset = Number(options['offset'] ?? 0);
  const limit = options['limit'] === undefined || options['limit'] === null ? undefined : Number(options['limit']);
  return offset === 0 && limit === undefined ? rows : rows.slice(offset, limit === undefined ? undefined : offset + limit);
}

/**
 * Finder options for a batch's query and the per-owner paging left to do in memory: one owner's `limit`/`offset`
 * go to the database; across several owners they apply to each owner's rows after the query.
 */
export function pagingFor(options: Options, owners: number): { query: Options; paging: Options } {
  const all = finderOptions(options);
  if (owners <= 1) return { query: all, paging: {} };
  const { limit: _limit, offset: _offset, ...query } = all;
  return { query, paging: options };
}

/**
 * `getFriends({ plain: true })`: v6 hands `plain` to its findAll, which then resolves the first row or null.
 * The rows are read as a list here (batched, paged per owner), so `plain` is applied to that list.
 */
export async function firstIfPlain(options: Options, read: (options: Options) => Promise<unknown[]>): Promise<unknown> {
  if (options['plain'] !== true) return read(options);
  const { plain: _plain, ...rest } = options;
  return (await read(rest))[0] ?? null;
}
