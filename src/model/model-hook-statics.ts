import type { HookShorthand } from './hook-shorthands.js';
import { ModelMetadata } from './model-metadata.js';
import { HookRegistry, type HookFunction } from './hooks.js';

/**
 * The types of `Pug.beforeCreate(fn)` and the other hook shorthands, which installHookShorthands(Model)
 * defines at load. With the hook methods themselves: a base of Model so model.ts keeps to the rest of the API.
 */
export class ModelHookStatics extends ModelMetadata {
  declare static beforeValidate: HookShorthand;
  declare static afterValidate: HookShorthand;
  declare static validationFailed: HookShorthand;
  declare static beforeCreate: HookShorthand;
  declare static afterCreate: HookShorthand;
  declare static beforeUpdate: HookShorthand;
  declare static afterUpdate: HookShorthand;
  declare static beforeSave: HookShorthand;
  declare static afterSave: HookShorthand;
  declare static beforeDestroy: HookShorthand;
  declare static afterDestroy: HookShorthand;
  declare static beforeRestore: HookShorthand;
  declare static afterRestore: HookShorthand;
  declare static beforeUpsert: HookShorthand;
  declare static afterUpsert: HookShorthand;
  declare static beforeBulkCreate: HookShorthand;
  declare static afterBulkCreate: HookShorthand;
  declare static beforeBulkUpdate: HookShorthand;
  declare static afterBulkUpdate: HookShorthand;
  declare static beforeBulkDestroy: HookShorthand;
  declare static afterBulkDestroy: HookShorthand;
  declare static beforeBulkRestore: HookShorthand;
  declare static afterBulkRestore: HookShorthand;
  declare static beforeFind: HookShorthand;
  declare static afterFind: HookShorthand;
  declare static beforeCount: HookShorthand;
  declare static beforeSync: HookShorthand;
  declare static afterSync: HookShorthand;

  // ---- hooks: the API over the registry (the shorthands above are installed on Model at load) ----
  static addHook<T extends typeof ModelHookStatics>(this: T, hookName: string, nameOrFn: string | HookFunction, fn?: HookFunction): T {
    this.ownHooks().add(hookName, nameOrFn, fn);
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
  private static ownHooks(): HookRegistry {
    if (!Object.prototype.hasOwnProperty.call(this, 'hooksRegistry')) this.hooksRegistry = new HookRegistry();
    return this.hooksRegistry;
  }
}
