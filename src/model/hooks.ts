import { UsageError } from '../errors/usage-errors.js';

export const hookNames = [
  'beforeValidate', 'afterValidate', 'validationFailed',
  'beforeCreate', 'afterCreate', 'beforeDestroy', 'afterDestroy', 'beforeRestore', 'afterRestore',
  'beforeUpdate', 'afterUpdate', 'beforeSave', 'afterSave', 'beforeUpsert', 'afterUpsert',
  'beforeBulkCreate', 'afterBulkCreate', 'beforeBulkDestroy', 'afterBulkDestroy', 'beforeBulkRestore', 'afterBulkRestore',
  'beforeBulkUpdate', 'afterBulkUpdate',
  'beforeFind', 'beforeFindAfterExpandIncludeAll', 'beforeFindAfterOptions', 'afterFind',
  'beforeCount', 'beforeDefine', 'afterDefine', 'beforeInit', 'afterInit',
  'beforeAssociate', 'afterAssociate', 'beforeConnect', 'afterConnect', 'beforeDisconnect', 'afterDisconnect',
  'beforeSync', 'afterSync', 'beforeBulkSync', 'afterBulkSync', 'beforeQuery', 'afterQuery', 'beforePoolAcquire', 'afterPoolAcquire',
] as const;

export type HookName = (typeof hookNames)[number];
export type HookFunction = (...args: never[]) => unknown;

const knownHooks = new Set<string>(hookNames);

/**
 * A save hook is a create hook and an update hook: Sequelize files `beforeSave` under both (and under its own
 * name), so it runs among them in the order hooks were added, and a save runs only the create/update list.
 */
const alsoFiledUnder: Record<string, readonly string[]> = {
  beforeSave: ['beforeUpdate', 'beforeCreate'],
  afterSave: ['afterUpdate', 'afterCreate'],
};
const filedUnder = (hookName: string): readonly string[] => [...(alsoFiledUnder[hookName] ?? []), hookName];

interface RegisteredHook {
  name: string | undefined;
  fn: HookFunction;
}

/** Hooks of one model or of the Sequelize instance; they run in the order added, each awaited. */
export class HookRegistry {
  private readonly hooks = new Map<string, RegisteredHook[]>();

  /** `owner`: what a hook sees as `this` when the registry runs it (the Sequelize instance, as in v6). */
  constructor(private readonly owner?: unknown) {}

  add(hookName: string, nameOrFn: string | HookFunction | { name?: string; fn: HookFunction }, maybeFn?: HookFunction): void {
    if (!knownHooks.has(hookName)) {
      throw new UsageError(`Unknown hook "${hookName}". Known hooks: ${hookNames.join(', ')}.`);
    }
    let entry: RegisteredHook;
    if (typeof nameOrFn === 'function') entry = { name: undefined, fn: nameOrFn };
    else if (typeof nameOrFn === 'string') {
      if (typeof maybeFn !== 'function') throw new UsageError(`Hook "${hookName}" named "${nameOrFn}" needs a function.`);
      entry = { name: nameOrFn, fn: maybeFn };
    } else entry = { name: nameOrFn.name, fn: nameOrFn.fn };
    for (const name of filedUnder(hookName)) {
      const list = this.hooks.get(name) ?? [];
      list.push(entry);
      this.hooks.set(name, list);
    }
  }

  remove(hookName: string, nameOrFn: string | HookFunction): void {
    for (const name of filedUnder(hookName)) {
      const list = this.hooks.get(name);
      if (list) this.hooks.set(name, list.filter((hook) => (typeof nameOrFn === 'string' ? hook.name !== nameOrFn : hook.fn !== nameOrFn)));
    }
  }

  has(hookName: string): boolean {
    // Most registries hold nothing: every query asks, so the empty case skips the lookup.
    return this.hooks.size !== 0 && (this.hooks.get(hookName)?.length ?? 0) > 0;
  }

  clear(hookName?: string): void {
    if (hookName) this.hooks.delete(hookName);
    else this.hooks.clear();
  }

  /** The hooks of a name, in the order added (a copy: hooks may add or remove hooks while running). */
  list(hookName: string): HookFunction[] {
    return (this.hooks.get(hookName) ?? []).map((hook) => hook.fn);
  }

  async run(hookName: string, ...args: unknown[]): Promise<void> {
    const list = this.hooks.get(hookName);
    if (!list) return;
    for (const hook of [...list]) await (hook.fn as (this: unknown, ...a: unknown[]) => unknown).apply(this.owner, args);
  }

  runSync(hookName: string, ...args: unknown[]): void {
    for (const hook of [...(this.hooks.get(hookName) ?? [])]) (hook.fn as (this: unknown, ...a: unknown[]) => unknown).apply(this.owner, args);
  }

  /** `hooks: { beforeCreate: fn | fn[] }` as given to `define`. */
  addAll(hooks: Record<string, unknown> | undefined): void {
    for (const [hookName, value] of Object.entries(hooks ?? {})) {
      for (const fn of Array.isArray(value) ? value : [value]) this.add(hookName, fn as HookFunction);
    }
  }
}
