import { HookRegistry, hookNames, type HookFunction } from './hooks.js';

/** Hooks whose functions v6 runs without awaiting them (and so returns nothing from `runHooks`). */
const syncHooks = new Set(['beforeDefine', 'afterDefine', 'beforeInit', 'afterInit', 'beforeAssociate', 'afterAssociate']);

/**
 * Hooks added on the Sequelize class itself (`Sequelize.addHook('beforeInit', fn)`, `Sequelize.afterInit(fn)`):
 * v6 runs `beforeInit(config, options)` and `afterInit(sequelize)` from the constructor of every instance.
 */
export const classHookRegistry = new HookRegistry();

type Shorthands = { [Name in (typeof hookNames)[number]]: (nameOrFn: string | HookFunction, fn?: HookFunction) => void };

export interface ClassHookStatics extends Shorthands {
  addHook(hookName: string, nameOrFn: string | HookFunction, fn?: HookFunction): unknown;
  removeHook(hookName: string, nameOrFn: string | HookFunction): unknown;
  hasHook(hookName: string): boolean;
  hasHooks(hookName: string): boolean;
  runHooks(hookName: string, ...args: unknown[]): Promise<void> | undefined;
}

/** The static hook methods v6's Sequelize class carries; `target` is returned by add/remove, for chaining. */
export function classHookStatics(target: () => unknown): ClassHookStatics {
  const statics = {
    addHook(hookName: string, nameOrFn: string | HookFunction, fn?: HookFunction) {
      classHookRegistry.add(hookName, nameOrFn, fn);
      return target();
    },
    removeHook(hookName: string, nameOrFn: string | HookFunction) {
      classHookRegistry.remove(hookName, nameOrFn);
      return target();
    },
    hasHook: (hookName: string) => classHookRegistry.has(hookName),
    hasHooks: (hookName: string) => classHookRegistry.has(hookName),
    runHooks(hookName: string, ...args: unknown[]): Promise<void> | undefined {
      if (syncHooks.has(hookName)) {
        classHookRegistry.runSync(hookName, ...args);
        return undefined;
      }
      return classHookRegistry.run(hookName, ...args);
    },
  } as ClassHookStatics;
  for (const hookName of hookNames) {
    (statics as unknown as Record<string, unknown>)[hookName] = (nameOrFn: string | HookFunction, fn?: HookFunction) => statics.addHook(hookName, nameOrFn, fn);
  }
  return statics;
}
