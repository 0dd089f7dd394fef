import { SequelizeScopeError, UsageError } from '../errors/usage-errors.js';
import { isPlainObject } from '../utils/object.js';
import type { ModelClass } from './model-internals.js';

/** Merges scope options under the caller's options, the way Sequelize combines them. */
export function mergeScope(scope: Record<string, unknown> | undefined, options: Record<string, unknown>, whereMergeStrategy?: unknown): Record<string, unknown> {
  if (!scope) return options;
  const merged: Record<string, unknown> = { ...scope, ...options };
  if (scope['where'] !== undefined && options['where'] !== undefined) {
    // `whereMergeStrategy: 'and'` (a model option) keeps both conditions; the default lets the options' keys win.
    merged['where'] = whereMergeStrategy !== 'and' && isPlainObject(scope['where']) && isPlainObject(options['where'])
      ? mergeWhere(scope['where'], options['where'])
      : { [Symbol.for('and')]: [scope['where'], options['where']] };
  }
  if (scope['include'] !== undefined && options['include'] !== undefined) {
    merged['include'] = [...toList(scope['include']), ...toList(options['include'])];
  }
  // Lists (attributes, order, group) are united, the scope's first, as Sequelize merges them.
  for (const key of Object.keys(options)) {
    if (key === 'include' || key === 'where') continue;
    const [fromScope, given] = [scope[key], options[key]];
    if (Array.isArray(fromScope) && Array.isArray(given)) merged[key] = [...new Set([...fromScope, ...given])];
    else if (key === 'attributes' && isPlainObject(fromScope) && isPlainObject(given)) {
      const united: Record<string, unknown> = { ...fromScope, ...given };
      for (const part of ['include', 'exclude']) {
        if (Array.isArray(fromScope[part]) && Array.isArray(given[part])) united[part] = [...new Set([...(fromScope[part] as unknown[]), ...(given[part] as unknown[])])];
      }
      merged[key] = united;
    }
  }
  return merged;
}

function mergeWhere(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string | symbol, unknown> = { ...a };
  for (const key of Object.getOwnPropertySymbols(a)) result[key] = (a as Record<symbol, unknown>)[key];
  for (const [key, value] of Object.entries(b)) result[key] = value;
  // Operator keys too are replaced, not combined (`[Op.or]` of the options wins), as Sequelize's Object.assign does.
  for (const key of Object.getOwnPropertySymbols(b)) result[key] = (b as Record<symbol, unknown>)[key];
  return result as Record<string, unknown>;
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function resolveScope(model: ModelClass, entry: unknown): Record<string, unknown> {
  if (typeof entry === 'string') {
    const scope = model.scopes[entry];
    if (scope === undefined) {
      throw new SequelizeScopeError(`Invalid scope "${entry}" called on ${model.name}: known scopes are ${Object.keys(model.scopes).join(', ') || '(none)'}.`);
    }
    return (typeof scope === 'function' ? (scope as () => Record<string, unknown>)() : scope) as Record<string, unknown>;
  }
  if (isPlainObject(entry) && typeof entry['method'] !== 'undefined') {
    const [name, ...args] = Array.isArray(entry['method']) ? (entry['method'] as unknown[]) : [entry['method']];
    const scope = model.scopes[String(name)];
    if (typeof scope !== 'function') throw new UsageError(`Scope "${String(name)}" of ${model.name} is not a function scope.`);
    return (scope as (...a: unknown[]) => Record<string, unknown>)(...args);
  }
  if (isPlainObject(entry)) return entry;
  throw new UsageError(`Invalid scope ${String(entry)} for ${model.name}.`);
}

/** `Model.scope('a', 'b')`: a subclass carrying the merged scope, so instances stay instances of the model. */
export function scopedModel(model: ModelClass, names: unknown[], options: { unscoped?: boolean } = {}): ModelClass {
  const base = (model as unknown as { baseModel?: ModelClass }).baseModel ?? model;
  const list = names.flat();
  let scope: Record<string, unknown> | undefined;
  if (!options.unscoped) {
    for (const entry of list) {
      if (entry === null || entry === undefined) continue;
      const next = entry === 'defaultScope' ? ((base.scopes['defaultScope'] as Record<string, unknown>) ?? {}) : resolveScope(base, entry);
      scope = mergeScope(scope, next, base.definition.options.whereMergeStrategy);
    }
  }
  const Scoped = class extends (base as unknown as new (...args: never[]) => object) {};
  Object.defineProperty(Scoped, 'name', { value: base.name });
  const scoped = Scoped as unknown as ModelClass & { baseModel: ModelClass };
  scoped.baseModel = base;
  scoped.activeScope = scope;
  return scoped;
}

export function addScope(model: ModelClass, name: string, scope: unknown, options: { override?: boolean } = {}): void {
  if (model.scopes[name] !== undefined && !options.override && name !== 'defaultScope') {
    throw new UsageError(`The scope ${name} already exists on ${model.name}. Pass { override: true } to replace it.`);
  }
  model.scopes[name] = scope;
  if (name === 'defaultScope') model.activeScope = scope as Record<string, unknown>;
}

/**
 * `Model.schema('s')`: a subclass of the model (hooks, scopes and instances shared) whose table lives in that
 * schema, as v6's copy of the model. The definition is the model's own, seen through a prototype with the schema
 * replaced, so attributes added to the model later show in the variant too.
 */
export function schemaModel(model: ModelClass, schema: string, options?: string | { schemaDelimiter?: string }): ModelClass {
  const delimiter = typeof options === 'string' ? options : options?.schemaDelimiter;
  // `Model.options` keeps reporting the model's own options, as v6's copy does.
  const definition = Object.create(model.definition, { schema: { value: schema }, ...(delimiter !== undefined ? { schemaDelimiter: { value: delimiter } } : {}) }) as ModelClass['definition'];
  const Variant = class extends (model as unknown as new (...args: never[]) => object) {};
  Object.defineProperty(Variant, 'name', { value: model.name });
  const variant = Variant as unknown as ModelClass;
  variant.definition = definition;
  return variant;
}
