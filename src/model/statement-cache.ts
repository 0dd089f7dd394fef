import type { ModelDefinition } from '../metadata/model-definition.js';

/**
 * Per-model memo of work that depends only on the model's shape (compiled SQL, row converters). Entries are
 * dropped when the definition changes (associations add keys), which bumps `definition.version`.
 */
const maxEntriesPerModel = 256;
const caches = new WeakMap<ModelDefinition, { version: number; entries: Map<string, unknown> }>();

export function cached<T>(definition: ModelDefinition, key: string, build: () => T): T {
  let cache = caches.get(definition);
  if (!cache || cache.version !== definition.version) {
    cache = { version: definition.version, entries: new Map() };
    caches.set(definition, cache);
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = build();
  // Keys may vary with row counts (bulk inserts): a bound keeps a long-lived process from hoarding SQL text.
  if (cache.entries.size >= maxEntriesPerModel) cache.entries.clear();
  cache.entries.set(key, value);
  return value;
}
