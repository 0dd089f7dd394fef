import { hookNames, type HookFunction } from './hooks.js';
import type { SequelizeHooks } from '../types/hooks.js';

/** `Model.beforeCreate(fn)` / `Model.beforeCreate('name', fn)`, as Sequelize offers for every hook. */
export type HookShorthand = (nameOrFn: string | HookFunction, fn?: HookFunction) => unknown;

/** A hook's v6 signature for the Sequelize instance (`sequelize.afterConnect((connection, config) => …)`), or any function. */
export type SequelizeHookOf<Name extends string> = Name extends keyof SequelizeHooks ? SequelizeHooks[Name] : HookFunction;

export type HookShorthands = { [Name in (typeof hookNames)[number]]: (nameOrFn: string | SequelizeHookOf<Name>, fn?: SequelizeHookOf<Name>) => unknown };

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
