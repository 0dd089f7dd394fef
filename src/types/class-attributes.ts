import type { Model } from '../model/model.js';

// Brands for the class style (`class Pug extends Model<InferAttributes<Pug>, …>`), as in Sequelize v6.
declare const creationOptionalBrand: unique symbol;
declare const nonAttributeBrand: unique symbol;
declare const foreignKeyBrand: unique symbol;

/** An attribute `create` may omit (a default, auto-increment, a timestamp). */
export type CreationOptional<T> = T extends null | undefined ? T : T & { readonly [creationOptionalBrand]?: true };
/** A declared instance member that is not a column (an included association, a helper property). */
export type NonAttribute<T> = T extends null | undefined ? T : T & { readonly [nonAttributeBrand]?: true };
/** A key added by an association: an attribute, optional on create. */
export type ForeignKey<T> = T extends null | undefined ? T : T & { readonly [foreignKeyBrand]?: true };


interface InferOptions<Omitted extends string> {
  omit?: Omitted;
}

// Spelled with explicit arguments: `keyof Model` (its defaults) sends `class Pug extends Model<InferAttributes<Pug>>`
// into a base-type cycle under TypeScript 7.
type ModelKeys = keyof Model<object, object>;

type IsBranded<T, Brand extends symbol> = [Brand] extends [keyof NonNullable<T>] ? true : false;

type AttributeKey<M, K extends keyof M, Omitted> = K extends symbol
  ? never
  : K extends ModelKeys | Omitted
    ? never
    : M[K] extends (...args: never) => unknown
      ? never
      : IsBranded<M[K], typeof nonAttributeBrand> extends true ? never : K;

/** The attributes of a class-style model: its declared fields minus methods, NonAttribute and Model's own. */
export type InferAttributes<M, Options extends InferOptions<string> = { omit: never }> = {
  [K in keyof M as AttributeKey<M, K, Options['omit']>]: M[K];
};

type OptionalOnCreate<T> = IsBranded<T, typeof creationOptionalBrand> extends true ? true : IsBranded<T, typeof foreignKeyBrand>;

/**
 * What `create` accepts for a class-style model: CreationOptional and ForeignKey fields accept undefined and
 * `create` makes such keys optional. One mapped type, not an intersection of two: TypeScript 7 evaluates an
 * intersection eagerly and would loop through `class Pug extends Model<…, InferCreationAttributes<Pug>>`.
 */
export type InferCreationAttributes<M, Options extends InferOptions<string> = { omit: never }> = {
  [K in keyof M as AttributeKey<M, K, Options['omit']>]: OptionalOnCreate<M[K]> extends true ? M[K] | undefined : M[K];
};
