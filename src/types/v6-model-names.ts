import type { AttributeOptions } from '../metadata/attributes.js';
import type { IndexOptions } from '../metadata/model-options.js';
import type { ModelNames } from '../metadata/naming.js';
import type { Model, ModelStatic } from '../model/model.js';
import type { SetOptions as InstanceSetOptions } from '../model/instance-accessors.js';
import type { IndexHints } from '../query-types.js';
import type { DataTypeLike } from './attributes.js';
import type { Op } from './operators.js';
import type { CountOptions, DefineOptions, FindOptions, FindOrCreateOptions, GroupOption, IncrementDecrementOptions, Logging } from './options.js';
import type { FindAttributeOptions, SqlExpression, WhereAttributeValue, WhereAttributes, WhereOptions } from './query-options.js';

// sequelize@6's names for the model-side types, so code that annotates with them (`ModelDefined<A, C>`,
// `ModelAttributes<User>`, `NonNullFindOptions`, …) compiles with its import changed. Each is joinery's own
// type under v6's name where one exists; the rest have v6's shape, without `any`.

/** v6's `new () => Model` constraint, for helpers generic over models. */
export type ModelType<TAttributes extends object = object, TCreationAttributes extends object = TAttributes> = new () => Model<TAttributes, TCreationAttributes>;
/** v6's older name of ModelStatic. */
export type ModelCtor<M extends Model = Model> = ModelStatic<M>;
/** What `sequelize.define<…>()` gives when the attributes are interfaces: `ModelDefined<NoteAttributes, NoteCreation>`. */
export type ModelDefined<S extends object, T extends object> = ModelStatic<Model<S, T>>;

/** A primary key value, as `findByPk` takes it. */
export type Identifier = number | bigint | string | Buffer;

/** One attribute written out in full; `this` in getters and setters is the model's instance. */
export type ModelAttributeColumnOptions<M extends Model = Model> = AttributeOptions<DataTypeLike, M, never>;
/** An attribute map for `init`/`define`/`queryInterface.createTable`, keyed by attribute. */
// `ThisType`: in a getter or setter, `this` is the instance (`this.getDataValue('name')`).
export type ModelAttributes<M extends Model = Model, TAttributes = Record<string, unknown>> = {
  [K in keyof TAttributes]: DataTypeLike | (ModelAttributeColumnOptions<M> & ThisType<M>);
};
export type ModelAttributeColumnReferencesOptions = Exclude<AttributeOptions['references'], string | undefined>;
export interface ColumnOptions {
  allowNull?: boolean;
  field?: string;
  defaultValue?: unknown;
}
/** Validators, on an attribute (`isEmail: true`) or on the model (named functions run with the instance as `this`). */
export type ModelValidateOptions = Record<string, unknown>;
export type ModelIndexesOptions = IndexOptions;
export type IndexesOptions = IndexOptions;
export type ModelNameOptions = Partial<ModelNames>;
export type ModelGetterOptions<M extends Model = Model> = Record<string, (this: M) => unknown>;
export type ModelSetterOptions<M extends Model = Model> = Record<string, (this: M, value: never) => void>;
export type ModelScopeOptions<A = Record<string, unknown>> = Record<string, FindOptions<A> | ((...args: never[]) => FindOptions<A>)>;
/** `Model.scope({ method: ['byAge', 3] })`. */
export interface ScopeOptions {
  method: string | readonly [string, ...unknown[]];
}
export interface AddScopeOptions {
  override?: boolean;
}
/** `define`/`init` options; the instance type parameter is v6's and only documents the model. */
export type ModelOptions<_M extends Model = Model> = DefineOptions;

// ---- finder pieces ----

export type NonNullFindOptions<A = Record<string, unknown>> = FindOptions<A> & { rejectOnEmpty: true | Error };
export type FindOrBuildOptions<A = Record<string, unknown>, C = A> = FindOrCreateOptions<A, C>;
export type CountWithOptions<A = Record<string, unknown>> = CountOptions<A> & { group: GroupOption };
export interface GroupedCountResultItem {
  [key: string]: unknown;
  count: number;
}
export type IncrementDecrementOptionsWithBy<A = Record<string, unknown>> = IncrementDecrementOptions<A> & { by?: number };
export type SetOptions = Pick<InstanceSetOptions, 'raw' | 'reset'>;
export type AllowReadonlyArray<T> = T | readonly T[];
export type ProjectionAlias = readonly [string | SqlExpression, string];
export interface Filterable<A = Record<string, unknown>> {
  where?: WhereOptions<A>;
}
export interface Projectable<A = Record<string, unknown>> {
  attributes?: FindAttributeOptions<A>;
}
export interface Paranoid {
  paranoid?: boolean;
}
export interface Poolable {
  useMaster?: boolean;
}
export interface SearchPathable {
  searchPath?: string;
}
export interface Silent {
  silent?: boolean;
}
export interface IndexHint {
  type: (typeof IndexHints)[keyof typeof IndexHints];
  values: readonly string[];
}
export interface IndexHintable {
  indexHints?: readonly IndexHint[];
}
export interface DropOptions extends Logging {
  cascade?: boolean;
}
export interface SchemaOptions extends Logging {
  schemaDelimiter?: string;
}

// ---- where pieces ----

export type WhereAttributeHash<A = Record<string, unknown>> = WhereAttributes<A>;
export type WhereAttributeHashValue<T> = WhereAttributeValue<T>;
export type WhereValue<A = Record<string, unknown>> = WhereAttributeValue<unknown> | WhereOptions<A>;
export interface AnyOperator {
  [Op.any]: readonly unknown[] | SqlExpression;
}
export interface AllOperator {
  [Op.all]: readonly unknown[] | SqlExpression;
}
export interface OrOperator<A = Record<string, unknown>> {
  [Op.or]: WhereOptions<A> | readonly WhereOptions<A>[];
}
export interface AndOperator<A = Record<string, unknown>> {
  [Op.and]: WhereOptions<A> | readonly WhereOptions<A>[];
}
export interface WhereGeometryOptions {
  type: string;
  coordinates: readonly (readonly number[] | number)[];
}
export type Range<T> = readonly [T, T] | readonly [{ value: T; inclusive: boolean }, { value: T; inclusive: boolean }] | readonly [];
export type Rangable<T> = Range<T>;
export type ColumnReference = SqlExpression;
