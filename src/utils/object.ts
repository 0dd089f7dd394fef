export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function toArray<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** Splits a list into runs of at most `size` items (multi-row statements are bounded by parameter limits). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Own enumerable string keys plus symbol keys: `where` objects carry operators as symbols. */
export function entriesWithSymbols(object: object): Array<[string | symbol, unknown]> {
  const record = object as Record<string | symbol, unknown>;
  const entries: Array<[string | symbol, unknown]> = Object.keys(record).map((key) => [key, record[key]]);
  for (const symbol of Object.getOwnPropertySymbols(record)) entries.push([symbol, record[symbol]]);
  return entries;
}

/** cloneDeepPlain that also copies dates and buffers: what v6's toJSON hands out shares nothing with the instance. */
export function cloneDeepValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T;
  if (Array.isArray(value)) return value.map((item) => cloneDeepValue(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string | symbol, unknown> = {};
    for (const [key, item] of entriesWithSymbols(value)) copy[key] = cloneDeepValue(item);
    return copy as T;
  }
  return value;
}

export function cloneDeepPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneDeepPlain(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string | symbol, unknown> = {};
    for (const [key, item] of entriesWithSymbols(value)) copy[key] = cloneDeepPlain(item);
    return copy as T;
  }
  return value;
}
