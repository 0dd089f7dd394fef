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
  return cloneDeepPlain(value, copyDateOrBuffer);
}

function copyDateOrBuffer(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}

/** Arrays and plain objects (symbol keys too) copied all the way down; any other value as `copyOther` gives it. */
export function cloneDeepPlain<T>(value: T, copyOther: (value: unknown) => unknown = (other) => other): T {
  if (Array.isArray(value)) return value.map((item) => cloneDeepPlain(item, copyOther)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string | symbol, unknown> = {};
    for (const [key, item] of entriesWithSymbols(value)) copy[key] = cloneDeepPlain(item, copyOther);
    return copy as T;
  }
  return copyOther(value) as T;
}

/** `nest: true`: keys such as `owner.name` become `{ owner: { name } }`, as Sequelize nests raw rows. */
export function nestDottedKeys(row: Record<string, unknown>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const path = key.split('.');
    let cursor = nested;
    for (const part of path.slice(0, -1)) cursor = (cursor[part] ??= {}) as Record<string, unknown>;
    cursor[path[path.length - 1]!] = value;
  }
  return nested;
}
