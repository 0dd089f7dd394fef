import type { ModelDefinition } from '../metadata/model-definition.js';
import type { QueryRunner } from '../query/query-runner.js';
import type { HookRegistry } from './hooks.js';

/** What the model layer needs of the Sequelize instance; `sequelize.ts` implements it. */
export interface ModelHost {
  readonly queryRunner: QueryRunner;
  readonly options: { readonly define?: Record<string, unknown> };
  readonly hooksRegistry: HookRegistry;
  readonly modelManager: { addModel(model: ModelClass): void; getModel(name: string): ModelClass | undefined; removeModel(model: ModelClass): void };
  transactionWith<T>(options: Record<string, unknown>, work: (transaction: unknown) => Promise<T>): Promise<T>;
}

/** The statics every initialized model class carries, as the internals see them. */
export interface ModelClass {
  readonly name: string;
  definition: ModelDefinition;
  host: ModelHost;
  hooksRegistry: HookRegistry;
  associations: Record<string, unknown>;
  scopes: Record<string, unknown>;
  activeScope: Record<string, unknown> | undefined;
  new (values?: Record<string, unknown>, options?: BuildOptions): ModelInstance;
  prototype: ModelInstance;
}

export interface BuildOptions {
  isNewRecord?: boolean;
  raw?: boolean;
  include?: unknown;
  attributes?: readonly string[];
}

export interface ModelInstance {
  dataValues: Record<string, unknown>;
  isNewRecord: boolean;
  get(key?: string | { plain?: boolean; clone?: boolean; raw?: boolean }, options?: { plain?: boolean; raw?: boolean }): unknown;
  set(key: string | Record<string, unknown>, value?: unknown, options?: { raw?: boolean; reset?: boolean; writeReadOnly?: boolean }): unknown;
  changed(): string[] | false;
  constructor: ModelClass;
}

/** Runs the model's hooks of a name, then the Sequelize-level ones, each awaited in turn (as Sequelize orders them). */
export async function runHooks(model: ModelClass, name: string, ...args: unknown[]): Promise<void> {
  const hooks = [...model.hooksRegistry.list(name), ...model.host.hooksRegistry.list(name)];
  for (const hook of hooks) await (hook as (this: unknown, ...a: unknown[]) => unknown).apply(model, args);
}

/**
 * Runs an instance hook for many records the way Sequelize does (`Promise.all` over the records): each
 * record's hooks stay in order, and synchronous hooks of one stage run for every record before the next stage.
 */
export async function runHooksForEach(model: ModelClass, name: string, instances: readonly unknown[], ...args: unknown[]): Promise<void> {
  await Promise.all(instances.map((instance) => runHooks(model, name, instance, ...args)));
}

export function hasHooks(model: ModelClass, name: string): boolean {
  return model.hooksRegistry.has(name) || model.host.hooksRegistry.has(name);
}
