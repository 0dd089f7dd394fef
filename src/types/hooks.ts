import type { SequelizeConfig, SequelizeOptions } from '../config.js';
import type { Model, ModelStatic } from '../model/model.js';
import type { Sequelize } from '../sequelize.js';
import type { Attributes } from './model-types.js';
import type * as o from './options.js';
import type { SyncOptions } from './v6-other-names.js';

// The hook signatures of sequelize@6's typings, so `hooks: { beforeCreate(user, options) { … } }`, `User.beforeSave(fn)`
// and `User.addHook('afterFind', fn)` give their parameters types. Method syntax on purpose: a hook annotated with a
// narrower or wider options type (`(user: User, options: SaveOptions<…>) => …`) is accepted, as v6 accepts it.

export type HookReturn = Promise<void> | void;

interface ValidationHookOptions extends o.Hookable {
  skip?: readonly string[];
  fields?: readonly string[];
}

export interface ModelHooks<M extends Model = Model, A = Attributes<M>> {
  beforeValidate(instance: M, options: ValidationHookOptions): HookReturn;
  afterValidate(instance: M, options: ValidationHookOptions): HookReturn;
  validationFailed(instance: M, options: ValidationHookOptions, error: unknown): HookReturn;
  beforeCreate(instance: M, options: o.CreateOptions<A>): HookReturn;
  afterCreate(instance: M, options: o.CreateOptions<A>): HookReturn;
  beforeDestroy(instance: M, options: o.InstanceDestroyOptions): HookReturn;
  afterDestroy(instance: M, options: o.InstanceDestroyOptions): HookReturn;
  beforeRestore(instance: M, options: o.InstanceRestoreOptions): HookReturn;
  afterRestore(instance: M, options: o.InstanceRestoreOptions): HookReturn;
  beforeUpdate(instance: M, options: o.InstanceUpdateOptions<A>): HookReturn;
  afterUpdate(instance: M, options: o.InstanceUpdateOptions<A>): HookReturn;
  beforeUpsert(values: M, options: o.UpsertOptions<A>): HookReturn;
  afterUpsert(result: [M, boolean | null], options: o.UpsertOptions<A>): HookReturn;
  beforeSave(instance: M, options: o.InstanceUpdateOptions<A> | o.CreateOptions<A>): HookReturn;
  afterSave(instance: M, options: o.InstanceUpdateOptions<A> | o.CreateOptions<A>): HookReturn;
  beforeBulkCreate(instances: M[], options: o.BulkCreateOptions<A>): HookReturn;
  afterBulkCreate(instances: readonly M[], options: o.BulkCreateOptions<A>): HookReturn;
  beforeBulkDestroy(options: o.DestroyOptions<A>): HookReturn;
  afterBulkDestroy(options: o.DestroyOptions<A>): HookReturn;
  beforeBulkRestore(options: o.RestoreOptions<A>): HookReturn;
  afterBulkRestore(options: o.RestoreOptions<A>): HookReturn;
  beforeBulkUpdate(options: o.UpdateOptions<A>): HookReturn;
  afterBulkUpdate(options: o.UpdateOptions<A>): HookReturn;
  beforeFind(options: o.FindOptions<A>): HookReturn;
  beforeCount(options: o.CountOptions<A>): HookReturn;
  beforeFindAfterExpandIncludeAll(options: o.FindOptions<A>): HookReturn;
  beforeFindAfterOptions(options: o.FindOptions<A>): HookReturn;
  afterFind(result: readonly M[] | M | null, options: o.FindOptions<A>): HookReturn;
  beforeSync(options: SyncOptions): HookReturn;
  afterSync(options: SyncOptions): HookReturn;
  beforeBulkSync(options: SyncOptions): HookReturn;
  afterBulkSync(options: SyncOptions): HookReturn;
  beforeQuery(options: o.QueryOptions, query: unknown): HookReturn;
  afterQuery(options: o.QueryOptions, query: unknown): HookReturn;
}

/** The instance-wide hooks (`new Sequelize(…, { hooks })`, `sequelize.addHook`): the model hooks and the connection's. */
export interface SequelizeHooks extends ModelHooks<Model, Record<string, unknown>> {
  beforeDefine(attributes: Record<string, unknown>, options: o.DefineOptions): void;
  afterDefine(model: ModelStatic<Model>): void;
  beforeInit(config: SequelizeConfig, options: SequelizeOptions): void;
  afterInit(sequelize: Sequelize): void;
  beforeConnect(config: SequelizeConfig): HookReturn;
  afterConnect(connection: unknown, config: SequelizeConfig): HookReturn;
  beforeDisconnect(connection: unknown): HookReturn;
  afterDisconnect(connection: unknown): HookReturn;
  beforePoolAcquire(config: SequelizeConfig): HookReturn;
  afterPoolAcquire(connection: unknown, config: SequelizeConfig): HookReturn;
  beforeAssociate(association: unknown, options: unknown): HookReturn;
  afterAssociate(association: unknown, options: unknown): HookReturn;
}

/** `hooks: { … }` in `define`/`init` options. */
export type ModelHookOptions<M extends Model = Model> = Partial<ModelHooks<M>>;
export type SequelizeHookOptions = Partial<SequelizeHooks>;

/** `User.beforeCreate(fn)` / `User.beforeCreate('name', fn)`: the hook's parameters typed for the model it is called on. */
export type TypedHookShorthand<K extends keyof ModelHooks> = <M extends Model>(this: ModelStatic<M>, nameOrFn: string | ModelHooks<M>[K], fn?: ModelHooks<M>[K]) => void;
