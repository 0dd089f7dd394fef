import type { DataType } from '../data-types/abstract.js';
import type { AttributeOptions } from '../metadata/attributes.js';
import type { Model } from '../model/model.js';

/** Flattens an intersection so editors and error messages show one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A data type as `define` accepts it: `DataTypes.STRING`, `DataTypes.STRING(50)` or `new DataTypes.STRING(50)`. */
export type DataTypeLike = DataTypeShape | (abstract new (...args: never) => DataTypeShape) | ((...args: never) => DataTypeShape);

// Structural on purpose: naming `DataType<unknown>` here would become the contextual return type of
// `DataTypes.ENUM('a', 'b')` and widen its values to `string`.
type DataTypeShape = Pick<DataType, 'key' | 'validate' | 'sanitize'>;

/**
 * One attribute written out in full: the runtime attribute options with the data type and `this` typed.
 * Annotate a setter's parameter (`set(value: string)`); unannotated it is `never`.
 */
export interface AttributeSpecObject extends AttributeOptions<DataTypeLike, Model, never> {}

/** `ThisType` gives getters and setters the instance as `this` (`this.getDataValue('name')`). */
export type AttributeSpec = DataTypeLike | (AttributeSpecObject & ThisType<Model>);
export type AttributeMap = Readonly<Record<string, AttributeSpec>>;

/** The `define` options that change the inferred attributes. */
export interface InferenceOptions {
  timestamps?: boolean;
  paranoid?: boolean;
  underscored?: boolean;
  createdAt?: string | boolean;
  updatedAt?: string | boolean;
  deletedAt?: string | boolean;
}

type JsTypeOfDataType<T> = T extends abstract new (...args: never) => infer I
  ? JsTypeOfDataType<I>
  : T extends (...args: never) => unknown ? unknown
  : T extends { readonly __jsType?: infer J } ? Exclude<J, undefined> : unknown;

type SpecType<S> = S extends DataTypeLike ? S : S extends { type: infer T } ? T : never;

/** The JavaScript type of a column's value, before nullability. */
export type ColumnJsType<S> = S extends { values: readonly (infer V extends string)[] } ? V : JsTypeOfDataType<SpecType<S>>;

type IsTrue<S, K extends string> = S extends DataTypeLike ? false : S extends { readonly [P in K]: true } ? true : false;
type IsPrimaryKey<S> = IsTrue<S, 'primaryKey'>;
type IsVirtual<S> = SpecType<S> extends { readonly key: string; readonly fields: readonly string[]; readonly returnType: unknown } ? true : false;
type IsNotNull<S> = S extends DataTypeLike ? false : S extends { allowNull: false } ? true : IsPrimaryKey<S>;
type HasGetter<S> = S extends DataTypeLike ? false : S extends { get(): unknown } ? true : false;

/** What reading the attribute from an instance gives. */
export type AttributeValue<S> = HasGetter<S> extends true
  ? S extends { get(): infer R } ? R : never
  : IsNotNull<S> extends true ? ColumnJsType<S> : ColumnJsType<S> | null;

/** Whether `create` may leave the attribute out: a default, auto-increment, nullable or virtual. */
type IsOptionalOnCreate<S> = S extends DataTypeLike
  ? true
  : IsVirtual<S> extends true ? true
  : S extends { defaultValue: unknown } ? true
  : IsTrue<S, 'autoIncrement'> extends true ? true
  : IsNotNull<S> extends true ? false : true;

type PrimaryKeyNames<A> = { [K in keyof A]: IsPrimaryKey<A[K]> extends true ? K : never }[keyof A];

/** `id` is added, as in Sequelize, when no attribute is marked as the primary key. */
export type ImplicitId<A> = [PrimaryKeyNames<A>] extends [never] ? Omit<{ id: number }, keyof A> : {};
export type PrimaryKeyOf<A> = [PrimaryKeyNames<A>] extends [never] ? 'id' : PrimaryKeyNames<A> & string;

type TimestampName<O, K extends 'createdAt' | 'updatedAt' | 'deletedAt'> = O extends { [P in K]: false }
  ? never
  : O extends { [P in K]: infer N extends string } ? N : K;

type TimestampsOn<O> = O extends { timestamps: false } ? false : true;

/** `underscored` renames columns (created_at) but not attributes, so it does not appear here. */
export type TimestampAttributes<O> = TimestampsOn<O> extends false
  ? {}
  : { [K in TimestampName<O, 'createdAt'> | TimestampName<O, 'updatedAt'>]: Date } &
      (O extends { paranoid: true } ? { [K in TimestampName<O, 'deletedAt'>]: Date | null } : {});

export type InferredAttributes<A, O> = Simplify<ImplicitId<A> & { -readonly [K in keyof A]: AttributeValue<A[K]> } & TimestampAttributes<O>>;

type CreationValue<S> = IsNotNull<S> extends true ? ColumnJsType<S> : ColumnJsType<S> | null;

export type InferredCreationAttributes<A, O> = Simplify<
  Partial<ImplicitId<A>> &
    { -readonly [K in keyof A as IsOptionalOnCreate<A[K]> extends true ? never : K]: CreationValue<A[K]> } &
    { -readonly [K in keyof A as IsOptionalOnCreate<A[K]> extends true ? K : never]?: CreationValue<A[K]> } &
    Partial<TimestampAttributes<O>>
>;
