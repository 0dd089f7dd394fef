import type { Model } from '../model/model.js';
import type { CreationAttributes } from './model-types.js';
import type { CountOptions, CreateOptions, FindOptions, Logging, Transactionable } from './options.js';

// sequelize@6's association mixin types, under its names and with its signatures, so class-style code that
// declares its accessors (`declare getFriends: BelongsToManyGetAssociationsMixin<Friend>`) ports by changing
// its imports. Declared by hand, they are only as true as the declaration; `associate` derives them instead.

type ScopeOption = { scope?: string | boolean | readonly string[]; schema?: string };
type GetOptions = FindOptions & ScopeOption;
type WriteOptions = Logging & Transactionable & { hooks?: boolean; validate?: boolean; fields?: readonly string[]; silent?: boolean };
type ThroughOptions = WriteOptions & { through?: Record<string, unknown> };

export type BelongsToGetAssociationMixin<TModel> = (options?: GetOptions) => Promise<TModel>;
export type BelongsToSetAssociationMixin<TModel, TPrimaryKey> = (newAssociation?: TModel | TPrimaryKey | null, options?: WriteOptions & { save?: boolean }) => Promise<void>;
export type BelongsToCreateAssociationMixin<TModel extends Model> = (values?: CreationAttributes<TModel>, options?: CreateOptions) => Promise<TModel>;

export type HasOneGetAssociationMixin<TModel> = (options?: GetOptions) => Promise<TModel>;
export type HasOneSetAssociationMixin<TModel, TModelPrimaryKey> = (newAssociation?: TModel | TModelPrimaryKey | null, options?: WriteOptions) => Promise<void>;
export type HasOneCreateAssociationMixin<TModel extends Model> = (values?: CreationAttributes<TModel>, options?: CreateOptions) => Promise<TModel>;

export type HasManyGetAssociationsMixin<TModel> = (options?: GetOptions) => Promise<TModel[]>;
export type HasManySetAssociationsMixin<TModel, TModelPrimaryKey> = (newAssociations?: readonly (TModel | TModelPrimaryKey)[] | null, options?: WriteOptions) => Promise<void>;
export type HasManyAddAssociationsMixin<TModel, TModelPrimaryKey> = (newAssociations?: readonly (TModel | TModelPrimaryKey)[], options?: WriteOptions) => Promise<void>;
export type HasManyAddAssociationMixin<TModel, TModelPrimaryKey> = (newAssociation?: TModel | TModelPrimaryKey, options?: WriteOptions) => Promise<void>;
/** The foreign key (and scope keys) are filled in by the association, so `create` does not need them. */
export type HasManyCreateAssociationMixin<TModel extends Model, TForeignKey extends keyof CreationAttributes<TModel> = never, TScope extends keyof CreationAttributes<TModel> = never> = (
  values?: Omit<CreationAttributes<TModel>, TForeignKey | TScope>,
  options?: CreateOptions,
) => Promise<TModel>;
export type HasManyRemoveAssociationMixin<TModel, TModelPrimaryKey> = (oldAssociated?: TModel | TModelPrimaryKey, options?: WriteOptions) => Promise<void>;
export type HasManyRemoveAssociationsMixin<TModel, TModelPrimaryKey> = (oldAssociateds?: readonly (TModel | TModelPrimaryKey)[], options?: WriteOptions) => Promise<void>;
export type HasManyHasAssociationMixin<TModel, TModelPrimaryKey> = (target: TModel | TModelPrimaryKey, options?: GetOptions) => Promise<boolean>;
export type HasManyHasAssociationsMixin<TModel, TModelPrimaryKey> = (targets: readonly (TModel | TModelPrimaryKey)[], options?: GetOptions) => Promise<boolean>;
export type HasManyCountAssociationsMixin = (options?: CountOptions & ScopeOption) => Promise<number>;

export type BelongsToManyGetAssociationsMixin<TModel> = (options?: GetOptions & { joinTableAttributes?: readonly string[] }) => Promise<TModel[]>;
export type BelongsToManySetAssociationsMixin<TModel, TModelPrimaryKey> = (newAssociations?: readonly (TModel | TModelPrimaryKey)[] | null, options?: ThroughOptions) => Promise<void>;
export type BelongsToManyAddAssociationsMixin<TModel, TModelPrimaryKey> = (newAssociations?: readonly (TModel | TModelPrimaryKey)[], options?: ThroughOptions) => Promise<void>;
export type BelongsToManyAddAssociationMixin<TModel, TModelPrimaryKey> = (newAssociation?: TModel | TModelPrimaryKey, options?: ThroughOptions) => Promise<void>;
export type BelongsToManyCreateAssociationMixin<TModel extends Model> = (values?: CreationAttributes<TModel>, options?: CreateOptions & { through?: Record<string, unknown> }) => Promise<TModel>;
export type BelongsToManyRemoveAssociationMixin<TModel, TModelPrimaryKey> = (oldAssociated?: TModel | TModelPrimaryKey, options?: WriteOptions) => Promise<void>;
export type BelongsToManyRemoveAssociationsMixin<TModel, TModelPrimaryKey> = (oldAssociateds?: readonly (TModel | TModelPrimaryKey)[], options?: WriteOptions) => Promise<void>;
export type BelongsToManyHasAssociationMixin<TModel, TModelPrimaryKey> = (target: TModel | TModelPrimaryKey, options?: GetOptions) => Promise<boolean>;
export type BelongsToManyHasAssociationsMixin<TModel, TModelPrimaryKey> = (targets: readonly (TModel | TModelPrimaryKey)[], options?: GetOptions) => Promise<boolean>;
export type BelongsToManyCountAssociationsMixin = (options?: CountOptions & ScopeOption) => Promise<number>;

/** `Optional<Attributes, 'id'>`: the creation-attributes helper of Sequelize v6's older typing style. */
export type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

// The mixins' option types under v6's names (`options: HasManyGetAssociationsMixinOptions`).
export type BelongsToGetAssociationMixinOptions = GetOptions;
export type BelongsToSetAssociationMixinOptions = WriteOptions & { save?: boolean };
export type BelongsToCreateAssociationMixinOptions = CreateOptions;
export type HasOneGetAssociationMixinOptions = GetOptions;
export type HasOneSetAssociationMixinOptions = WriteOptions;
export type HasOneCreateAssociationMixinOptions = CreateOptions;
export type HasManyGetAssociationsMixinOptions = GetOptions;
export type HasManySetAssociationsMixinOptions = WriteOptions;
export type HasManyAddAssociationsMixinOptions = WriteOptions;
export type HasManyAddAssociationMixinOptions = WriteOptions;
export type HasManyCreateAssociationMixinOptions = CreateOptions;
export type HasManyRemoveAssociationMixinOptions = WriteOptions;
export type HasManyRemoveAssociationsMixinOptions = WriteOptions;
export type HasManyHasAssociationMixinOptions = GetOptions;
export type HasManyHasAssociationsMixinOptions = GetOptions;
export type HasManyCountAssociationsMixinOptions = CountOptions & ScopeOption;
export type BelongsToManyGetAssociationsMixinOptions = GetOptions & { joinTableAttributes?: readonly string[] };
export type BelongsToManySetAssociationsMixinOptions = ThroughOptions;
export type BelongsToManyAddAssociationsMixinOptions = ThroughOptions;
export type BelongsToManyAddAssociationMixinOptions = ThroughOptions;
export type BelongsToManyCreateAssociationMixinOptions = CreateOptions & { through?: Record<string, unknown> };
export type BelongsToManyRemoveAssociationMixinOptions = WriteOptions;
export type BelongsToManyRemoveAssociationsMixinOptions = WriteOptions;
export type BelongsToManyHasAssociationMixinOptions = GetOptions;
export type BelongsToManyHasAssociationsMixinOptions = GetOptions;
export type BelongsToManyCountAssociationsMixinOptions = CountOptions & ScopeOption;
