import type { ModelHooks, TypedHookShorthand } from '../types/hooks.js';
import type { Model, ModelStatic } from './model.js';

/** A known hook's typed signature (ModelHooks); any other name takes any function, as the registry does. */
type HookOf<T extends ModelStatic<Model>, K extends string> = K extends keyof ModelHooks ? ModelHooks<InstanceType<T>>[K] : HookFunction;
import { ModelMetadata } from './model-metadata.js';
import { HookRegistry, type HookFunction } from './hooks.js';

/**
 * The types of `Pug.beforeCreate(fn)` and the other hook shorthands, which installHookShorthands(Model)
 * defines at load. With the hook methods themselves: a base of Model so model.ts keeps to the rest of the API.
 */
export class ModelHookStatics extends ModelMetadata {
  declare static beforeValidate: TypedHookShorthand<'beforeValidate'>;
  declare static afterValidate: TypedHookShorthand<'afterValidate'>;
  declare static validationFailed: TypedHookShorthand<'validationFailed'>;
  declare static beforeCreate: TypedHookShorthand<'beforeCreate'>;
  declare static afterCreate: TypedHookShorthand<'afterCreate'>;
  declare static beforeUpdate: TypedHookShorthand<'beforeUpdate'>;
  declare static afterUpdate: TypedHookShorthand<'afterUpdate'>;
  declare static beforeSave: TypedHookShorthand<'beforeSave'>;
  declare static afterSave: TypedHookShorthand<'afterSave'>;
  declare static beforeDestroy: TypedHookShorthand<'beforeDestroy'>;
  declare static afterDestroy: TypedHookShorthand<'afterDestroy'>;
  declare static beforeRestore: TypedHookShorthand<'beforeRestore'>;
  declare static afterRestore: TypedHookShorthand<'afterRestore'>;
  declare static beforeUpsert: TypedHookShorthand<'beforeUpsert'>;
  declare static afterUpsert: TypedHookShorthand<'afterUpsert'>;
  declare static beforeBulkCreate: TypedHookShorthand<'beforeBulkCreate'>;
  declare static afterBulkCreate: TypedHookShorthand<'afterBulkCreate'>;
  declare static beforeBulkUpdate: TypedHookShorthand<'beforeBulkUpdate'>;
  declare static afterBulkUpdate: TypedHookShorthand<'afterBulkUpdate'>;
  declare static beforeBulkDestroy: TypedHookShorthand<'beforeBulkDestroy'>;
  declare static afterBulkDestroy: TypedHookShorthand<'afterBulkDestroy'>;
  declare static beforeBulkRestore: TypedHookShorthand<'beforeBulkRestore'>;
  declare static afterBulkRestore: TypedHookShorthand<'afterBulkRestore'>;
  declare static beforeFind: TypedHookShorthand<'beforeFind'>;
  declare static afterFind: TypedHookShorthand<'afterFind'>;
  declare static beforeCount: TypedHookShorthand<'beforeCount'>;
  declare static beforeSync: TypedHookShorthand<'beforeSync'>;
  declare static afterSync: TypedHookShorthand<'afterSync'>;

  // ---- hooks: the API over the registry (the shorthands above are installed on Model at load) ----
  // One signature, not an overload per kind: with a fallback overload, TypeScript types the hook's parameters from it.
  static addHook<T extends ModelStatic<Model>, K extends string>(this: T, hookName: K, nameOrFn: string | HookOf<T, K>, fn?: HookOf<T, K>): T {
    this.ownHooks().add(hookName, nameOrFn as string | HookFunction, fn as HookFunction | undefined);
    return this;
  }
  static removeHook<T extends typeof ModelHookStatics>(this: T, hookName: string, nameOrFn: string | HookFunction): T {
    this.ownHooks().remove(hookName, nameOrFn);
    return this;
  }
  static hasHook(hookName: string): boolean {
    return this.hooksRegistry?.has(hookName) ?? false;
  }
  static hasHooks(hookName: string): boolean {
    return this.hasHook(hookName);
  }
  static runHooks(hookName: string, ...args: unknown[]): Promise<void> {
    return this.ownHooks().run(hookName, ...args);
  }
  /** @internal Public (not `private`) so that `typeof Model` stays comparable with ModelStatic, as code casts one to the other. */
  static ownHooks(): HookRegistry {
    if (!Object.prototype.hasOwnProperty.call(this, 'hooksRegistry')) this.hooksRegistry = new HookRegistry(this);
    return this.hooksRegistry;
  }
}
