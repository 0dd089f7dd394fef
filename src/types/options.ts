import type { RetryOptions } from '../config.js';
import type { ModelOptions } from '../metadata/model-options.js';
import type { Model } from '../model/model.js';
import type { ModelHookOptions } from './hooks.js';
import type { Col, Fn, Literal } from '../sql/sql-helpers.js';
import type { LOCK, Transaction } from '../transaction/transaction.js';
import type { FindAttributeOptions, IncludeList, ModelReference, Order, WhereOptions } from './query-options.js';

// The public option types of the model API, key for key those of sequelize@6's typings, so code written
// against them compiles unchanged. No index signature: a misspelt option (`wehre`) is a compile error.
// `A` is the model's attributes; keys that name attributes (`fields`, `returning`) are checked against it.

type AttributeName<A> = keyof A & string;

export interface Logging {
  logging?: boolean | ((sql: string, timing?: number) => void);
  benchmark?: boolean;
}

export interface Transactionable {
  transaction?: Transaction | null;
}

export interface Hookable {
  /** `false` skips the model's hooks for this call. */
  hooks?: boolean;
}

interface Silent {
  /** Leaves `updatedAt` as it was. */
  silent?: boolean;
}

interface SearchPathable {
  searchPath?: string;
}

type BindOrReplacements = Record<string, unknown> | readonly unknown[];
type LockLevel = (typeof LOCK)[keyof typeof LOCK];
export type GroupOption = string | Fn | Col | Literal | readonly (string | Fn | Col | Literal)[];

/** The query-level options finders share with `sequelize.query`. */
export interface QueryOptions extends Logging, Transactionable {
  useMaster?: boolean;
  raw?: boolean;
  type?: string;
  nest?: boolean;
  plain?: boolean;
  replacements?: BindOrReplacements;
  bind?: BindOrReplacements;
  instance?: Model;
  mapToModel?: boolean;
  retry?: RetryOptions;
  fieldMap?: Record<string, string>;
}

export interface FindOptions<A = Record<string, unknown>> extends QueryOptions, Hookable {
  where?: WhereOptions<A>;
  attributes?: FindAttributeOptions<A>;
  include?: IncludeList;
  /** `false`: every include is read as `attributes: []`, as in v6 (for aggregates over joined includes). */
  includeIgnoreAttributes?: boolean;
  order?: Order<A>;
  group?: GroupOption;
  /** Conditions on grouped rows; they may name aliases from `attributes`, so keys are not checked. */
  having?: WhereOptions<Record<string, unknown>>;
  limit?: number;
  offset?: number;
  groupedLimit?: unknown;
  lock?: boolean | LockLevel | { level: LockLevel; of: ModelReference };
  skipLocked?: boolean;
  subQuery?: boolean;
  paranoid?: boolean;
  indexHints?: readonly { type: string; values: readonly string[] }[];
  /** `findOne`/`findByPk`: throw `EmptyResultError` (or the given error) instead of resolving null. */
  rejectOnEmpty?: boolean | Error;
}

export interface CountOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable {
  where?: WhereOptions<A>;
  attributes?: FindAttributeOptions<A>;
  include?: IncludeList;
  paranoid?: boolean;
  useMaster?: boolean;
  distinct?: boolean;
  group?: GroupOption;
  col?: string;
}

export interface FindAndCountOptions<A = Record<string, unknown>> extends FindOptions<A>, Omit<CountOptions<A>, keyof FindOptions<A>> {}

export interface AggregateOptions<A = Record<string, unknown>> extends QueryOptions, Hookable {
  where?: WhereOptions<A>;
  /** Joined, as in v6: the function runs over the joined rows, and the field may name an included column (`'toys.price'`). */
  include?: IncludeList;
  group?: GroupOption;
  paranoid?: boolean;
  dataType?: unknown;
  distinct?: boolean;
}

export interface BuildOptions {
  raw?: boolean;
  isNewRecord?: boolean;
  include?: IncludeList;
}

export interface CreateOptions<A = Record<string, unknown>> extends BuildOptions, Logging, Silent, Transactionable, Hookable {
  fields?: readonly AttributeName<A>[];
  ignoreDuplicates?: boolean;
  returning?: boolean | readonly AttributeName<A>[];
  validate?: boolean;
}

export interface FindOrCreateOptions<A = Record<string, unknown>, C = A> extends FindOptions<A>, Omit<CreateOptions<A>, keyof FindOptions<A>> {
  defaults?: Partial<C>;
}

export interface BulkCreateOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable, SearchPathable {
  fields?: readonly AttributeName<A>[];
  validate?: boolean;
  individualHooks?: boolean;
  ignoreDuplicates?: boolean;
  updateOnDuplicate?: readonly AttributeName<A>[];
  include?: IncludeList;
  returning?: boolean | readonly AttributeName<A>[];
  conflictWhere?: WhereOptions<A>;
  conflictAttributes?: readonly AttributeName<A>[];
}

export interface UpsertOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable, SearchPathable {
  fields?: readonly AttributeName<A>[];
  returning?: boolean | readonly AttributeName<A>[];
  validate?: boolean;
  conflictWhere?: WhereOptions<A>;
  conflictFields?: readonly AttributeName<A>[];
}

export interface UpdateOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable, Silent {
  where: WhereOptions<A>;
  fields?: readonly AttributeName<A>[];
  validate?: boolean;
  sideEffects?: boolean;
  individualHooks?: boolean;
  returning?: boolean | readonly AttributeName<A>[];
  limit?: number;
  paranoid?: boolean;
}

export interface TruncateOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable {
  where?: WhereOptions<A>;
  cascade?: boolean;
  individualHooks?: boolean;
  limit?: number;
  force?: boolean;
  restartIdentity?: boolean;
}

export interface DestroyOptions<A = Record<string, unknown>> extends TruncateOptions<A> {
  truncate?: boolean;
}

export interface RestoreOptions<A = Record<string, unknown>> extends Logging, Transactionable, Hookable {
  where?: WhereOptions<A>;
  individualHooks?: boolean;
  limit?: number;
}

export interface IncrementDecrementOptions<A = Record<string, unknown>> extends Logging, Transactionable, Silent, SearchPathable {
  where?: WhereOptions<A>;
  by?: number;
  returning?: boolean;
}

/** `increment('age')`, `increment(['age', 'rank'])` or `increment({ age: 2 })`. */
export type IncrementFields<A> = AttributeName<A> | readonly AttributeName<A>[] | { [K in AttributeName<A>]?: number };

export interface SaveOptions<A = Record<string, unknown>> extends Logging, Transactionable, Silent, Hookable {
  fields?: readonly AttributeName<A>[];
  validate?: boolean;
  omitNull?: boolean;
  returning?: boolean | readonly AttributeName<A>[];
}

export interface InstanceUpdateOptions<A = Record<string, unknown>> extends SaveOptions<A> {
  where?: WhereOptions<A>;
  raw?: boolean;
  reset?: boolean;
}

export interface InstanceDestroyOptions extends Logging, Transactionable, Hookable {
  force?: boolean;
}

export interface InstanceRestoreOptions extends Logging, Transactionable, Hookable {}

export interface InstanceReloadOptions<A = Record<string, unknown>> extends Omit<FindOptions<A>, 'where' | 'limit' | 'offset' | 'group' | 'having' | 'rejectOnEmpty'> {}

/** The `define`/`init` option names: sequelize@6's ModelOptions keys. */
export type ModelOptionKey =
  | 'defaultScope' | 'scopes' | 'omitNull' | 'timestamps' | 'paranoid' | 'underscored' | 'hasTrigger' | 'freezeTableName' | 'name'
  | 'modelName' | 'indexes' | 'createdAt' | 'deletedAt' | 'updatedAt' | 'tableName' | 'schema' | 'engine' | 'charset' | 'comment'
  | 'collate' | 'initialAutoIncrement' | 'hooks' | 'validate' | 'setterMethods' | 'getterMethods' | 'version' | 'whereMergeStrategy';

/** `define`/`init` options by name only, so a misspelt one (`parnoid: true`) fails to compile. */
export type DefineOptions = Pick<ModelOptions, Exclude<ModelOptionKey, 'hasTrigger' | 'setterMethods' | 'getterMethods' | 'whereMergeStrategy' | 'validate' | 'hooks'>> & {
  hasTrigger?: boolean;
  setterMethods?: Record<string, (this: Model, value: never) => void>;
  getterMethods?: Record<string, (this: Model) => unknown>;
  whereMergeStrategy?: 'and' | 'overwrite';
  /** Named model validators, run with the instance as `this` (v6's ModelValidateOptions). */
  validate?: Record<string, unknown>;
  hooks?: ModelHookOptions;
};

/** `Model.init`'s options; the type parameter is v6's (`InitOptions<User>`). */
export type InitOptions<M extends Model = Model> = Omit<DefineOptions, 'hooks'> & { sequelize: unknown; hooks?: ModelHookOptions<M> };
