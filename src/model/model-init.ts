import { UsageError } from '../errors/usage-errors.js';
import { ModelDefinition } from '../metadata/model-definition.js';
import type { ModelOptions } from '../metadata/model-options.js';
import { HookRegistry } from './hooks.js';
import type { ModelClass, ModelHost } from './model-internals.js';

/** Sets up a model class: definition, hooks, scopes, attribute accessors, registration with its Sequelize. */
export function initModel(model: ModelClass, attributes: Record<string, unknown>, options: ModelOptions & { sequelize: unknown }): void {
  const host = options.sequelize as ModelHost | undefined;
  if (!host || typeof host !== 'object' || !('queryRunner' in host)) {
    throw new UsageError(`${model.name}.init() needs a Sequelize instance: pass { sequelize } in its options.`);
  }
  const defaults = (host.options.define ?? {}) as ModelOptions;
  const modelName = options.modelName ?? model.name;
  if (!modelName) throw new UsageError('A model needs a name: pass modelName in the init options.');
  // As in v6, `beforeDefine` sees (and may change) the attributes and the options, modelName included.
  if (options.modelName === undefined) options = { ...options, modelName };
  host.hooksRegistry.runSync('beforeDefine', attributes, options);
  const merged: ModelOptions = { ...defaults, ...options, hooks: undefined };
  delete (merged as { sequelize?: unknown }).sequelize;
  if (options.modelName && model.name !== options.modelName) Object.defineProperty(model, 'name', { value: options.modelName });

  model.definition = new ModelDefinition(modelName, attributes, merged);
  model.host = host;
  model.hooksRegistry = new HookRegistry(model);
  // The model's own `hooks` replace the `define: { hooks }` defaults rather than adding to them, as in Sequelize.
  model.hooksRegistry.addAll((options.hooks ?? defaults.hooks) as Record<string, unknown> | undefined);
  model.associations = {};
  model.scopes = { ...(options.scopes ?? {}) };
  if (options.defaultScope) model.scopes['defaultScope'] = options.defaultScope;
  model.activeScope = options.defaultScope as Record<string, unknown> | undefined;

  refreshAttributeAccessors(model);
  rejectShadowingClassFields(model);
  host.modelManager.addModel(model);
  host.hooksRegistry.runSync('afterDefine', model);
}

/** Defines `instance.name` getters/setters on the prototype for every attribute (again after associations add keys). */
export function refreshAttributeAccessors(model: ModelClass): void {
  const prototype = model.prototype as unknown as Record<string, unknown>;
  // `getterMethods` / `setterMethods` of the options: properties of their own, through get() and set().
  const options = model.definition.options as { getterMethods?: Record<string, unknown>; setterMethods?: Record<string, unknown> };
  for (const name of new Set([...Object.keys(options.getterMethods ?? {}), ...Object.keys(options.setterMethods ?? {})])) {
    if (model.definition.attributes[name] !== undefined) continue;
    const existing = Object.getOwnPropertyDescriptor(prototype, name);
    if (existing && (!existing.configurable || typeof existing.value === 'function')) continue;
    Object.defineProperty(prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: { get(key: string): unknown }) { return this.get(name); },
      set(this: { set(key: string, value: unknown): void }, value: unknown) { this.set(name, value); },
    });
  }
  for (const name of Object.keys(model.definition.attributes)) {
    const existing = Object.getOwnPropertyDescriptor(prototype, name);
    if (existing && !existing.configurable) continue;
    if (existing && typeof existing.value === 'function') continue;
    const attribute = model.definition.attributes[name]!;
    Object.defineProperty(prototype, name, {
      configurable: true,
      enumerable: false,
      get: attribute.get
        ? function (this: { get(key: string): unknown }) { return this.get(name); }
        : function (this: { dataValues: Record<string, unknown> }) { return this.dataValues[name]; },
      set(this: { set(key: string, value: unknown): void }, value: unknown) {
        this.set(name, value);
      },
    });
  }
}

/**
 * `class Pug extends Model { name!: string }` (a public class field instead of `declare name: string`) gives
 * every instance an own `name` property that hides the attribute: values would read back undefined.
 * Caught here, at init, with the fix spelled out.
 */
function rejectShadowingClassFields(model: ModelClass): void {
  let probe: object;
  try {
    // A stored-record build: no defaultValue function runs (v6 calls them once per build, never at define).
    probe = new model({}, { isNewRecord: false });
  } catch {
    return;
  }
  const shadowing = Object.keys(model.definition.attributes).filter((name) => Object.prototype.hasOwnProperty.call(probe, name));
  if (shadowing.length > 0) {
    throw new UsageError(
      `Model ${model.name} declares ${shadowing.map((name) => `"${name}"`).join(', ')} as public class field(s), which would shadow joinery's attribute getters and setters. ` +
        `Write them as \`declare ${shadowing[0]}: …\` instead (TypeScript), or remove the field declarations.`,
    );
  }
}
