import type { Model, ModelStatic } from '../model/model.js';
import type { AttributeMap, InferredAttributes, InferredCreationAttributes, PrimaryKeyOf } from './attributes.js';

// Phantom keys: declared for the type checker only, never read or written at run time.
export declare const modelNameKey: unique symbol;
export declare const primaryKeyKey: unique symbol;
export declare const associationsKey: unique symbol;

/** Carried by the static side of a model so associations and includes can name it like Sequelize does. */
export interface ModelBrand<Name extends string, PrimaryKey extends string> {
  readonly [modelNameKey]?: Name;
  readonly [primaryKeyKey]?: PrimaryKey;
}

/** A model declared without attribute types (`Model`, `db.model('friendship')`) accepts any attribute name. */
export type LooseAttributes<A> = object extends A ? Record<string, unknown> : A;
export type Attributes<M extends Model> = LooseAttributes<M['_attributes']>;
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : null extends T[K] ? K : never }[keyof T];
/**
 * Keys whose type accepts undefined (the class style's `CreationOptional`) or null become optional, as in v6
 * (a nullable column may be left out of `create`).
 */
export type OptionalUndefined<T> = { [K in keyof T as K extends UndefinedKeys<T> ? never : K]: T[K] } & { [K in keyof T as K extends UndefinedKeys<T> ? K : never]?: T[K] };
export type CreationAttributes<M extends Model> = OptionalUndefined<LooseAttributes<M['_creationAttributes']>>;
export type AttributeName<M extends Model> = keyof Attributes<M> & string;

/** An instance of a model from `define`: the Model API plus one property per attribute. */
export type DefinedInstance<A extends AttributeMap, O> = Model<InferredAttributes<A, O>, InferredCreationAttributes<A, O>> & InferredAttributes<A, O>;

export type DefinedModel<Name extends string, A extends AttributeMap, O> = ModelStatic<DefinedInstance<A, O>> & ModelBrand<Name, PrimaryKeyOf<A>>;

/** `define`'s result: the inferred model, unless the context declares a model type (a generic bound such as associate's is not one). */
export type DeclaredOr<R, Inferred> = ModelStatic<Model> extends R ? Inferred : R;

export type InstanceOf<S> = S extends abstract new (...args: never) => infer M ? (M extends Model ? M : never) : never;

/** The name a model was defined with (`'pugs'`), or never when the type does not know it. */
export type ModelNameOf<S> = S extends { readonly [modelNameKey]?: infer N } ? (unknown extends N ? never : Exclude<N, undefined>) : never;

export type PrimaryKeyNameOf<S> = S extends { readonly [primaryKeyKey]?: infer P extends string } ? (string extends P ? 'id' : P) : 'id';

/** The type of a model's primary key value (`number` for the implicit id). */
export type PrimaryKeyValue<S> = PrimaryKeyNameOf<S> extends keyof Attributes<InstanceOf<S>> ? NonNullable<Attributes<InstanceOf<S>>[PrimaryKeyNameOf<S>]> : number | string;
