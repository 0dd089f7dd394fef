import { hookNames, type HookFunction } from './hooks.js';

/** `Model.beforeCreate(fn)` / `Model.beforeCreate('name', fn)`, as Sequelize offers for every hook. */
export type HookShorthand = (nameOrFn: string | HookFunction, fn?: HookFunction) => unknown;

export type HookShorthands = { [Name in (typeof hookNames)[number]]: HookShorthand };

interface HookTarget {
  addHook(hookName: string, nameOrFn: string | HookFunction, fn?: HookFunction): unknown;
}

/** Installs one shorthand per hook name on `target` (a model class, or the Sequelize prototype). */
export function installHookShorthands(target: object): void {
  for (const hookName of hookNames) {
    Object.defineProperty(target, hookName, {
      configurable: true,
      writable: true,
      enumerable: false,
      value(this: HookTarget, nameOrFn: string | HookFunction, fn?: HookFunction) {
        return this.addHook(hookName, nameOrFn, fn);
      },
    });
  }
}
