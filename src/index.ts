import { Sequelize as SequelizeClass } from './sequelize.js';
import { sequelizeStatics, type SequelizeStatics } from './statics.js';
import type { ClassHookStatics } from './model/class-hooks.js';
import { Association as AssociationBase } from './associations/association.js';
import { BelongsTo as BelongsToClass } from './associations/belongs-to.js';
import { BelongsToMany as BelongsToManyClass } from './associations/belongs-to-many.js';
import { HasMany as HasManyClass, HasOne as HasOneClass } from './associations/has-many.js';
import { QueryInterface as QueryInterfaceClass } from './schema/query-interface.js';

/**
 * The class, typed with the statics sequelize.ts assigns to it at load (`Sequelize.STRING`, `Sequelize.Op`,
 * the errors…), which TypeScript cannot see through `Object.assign`.
 */
export const Sequelize = SequelizeClass as SequelizeConstructor;
type SequelizeConstructor = typeof SequelizeClass & SequelizeStatics & ClassHookStatics & SequelizeSelf;
/** v6's class is also its own `Sequelize` and `default`: `import S from 'sequelize'; new S.Sequelize(…)`, in ES modules too. */
interface SequelizeSelf {
  readonly Sequelize: SequelizeConstructor;
  readonly default: SequelizeConstructor;
  readonly QueryInterface: typeof QueryInterfaceClass;
  readonly Association: typeof AssociationBase;
  readonly BelongsTo: typeof BelongsToClass;
  readonly HasOne: typeof HasOneClass;
  readonly HasMany: typeof HasManyClass;
  readonly BelongsToMany: typeof BelongsToManyClass;
}
export type Sequelize = SequelizeClass;
export { Model, type ModelStatic } from './model/model.js';
export * from './data-types/index.js';
export * from './errors/index.js';
export { Op, type OpTypes } from './types/operators.js';
export { fn, col, literal, where, and, or, cast, json, Fn, Col, Literal, Cast, Where, Json } from './sql/sql-helpers.js';
export { IndexHints, QueryTypes, TableHints } from './query-types.js';
export { Transaction } from './transaction/transaction.js';
export { Deferrable } from './sql/deferrable.js';
export { QueryInterface } from './schema/query-interface.js';
export type { SequelizeOptions } from './config.js';
export type {
  FindOptions, CountOptions, FindAndCountOptions, FindOrCreateOptions, AggregateOptions, CreateOptions, BulkCreateOptions, UpsertOptions,
  UpdateOptions, DestroyOptions, RestoreOptions, TruncateOptions, IncrementDecrementOptions, SaveOptions, InstanceUpdateOptions,
  InstanceDestroyOptions, InstanceRestoreOptions, InstanceReloadOptions, BuildOptions, QueryOptions, Logging, Transactionable, Hookable, GroupOption, InitOptions,
} from './types/options.js';
export type { IndexOptions } from './metadata/model-options.js';
export type { AttributeSpec, AttributeSpecObject, AttributeMap, DataTypeLike, InferredAttributes, InferredCreationAttributes } from './types/attributes.js';
export type { Attributes, CreationAttributes, DefinedModel, DefinedInstance, ModelBrand } from './types/model-types.js';
export type { CreationOptional, NonAttribute, ForeignKey, InferAttributes, InferCreationAttributes } from './types/class-attributes.js';
export type { WhereOptions, WhereOperators, WhereAttributeValue, Order, OrderItem, FindAttributeOptions, Includeable, TypedFindOptions, UpdateValues } from './types/query-options.js';
export type { AssociationDeclaration, AssociatedModels, AssociatedInstance, ThroughRows } from './types/associations.js';
export type { IncludedProperties, FindResult, ShapedFindOptions } from './types/query-result.js';
export type { CheckedIncludes, CheckedOrder } from './types/include-check.js';
export { associate } from './types/associate.js';

/*
 * v6's association classes, for `instanceof` and for the types of a model's `declare static associations:
 * { projects: Association<User, Project> }` (v6's TypeScript guide); the type parameters are taken as v6 writes them.
 */
export const Association = AssociationBase;
export type Association<_Source = unknown, _Target = unknown> = AssociationBase;
export const BelongsTo = BelongsToClass;
export type BelongsTo<_Source = unknown, _Target = unknown> = BelongsToClass;
export const HasOne = HasOneClass;
export type HasOne<_Source = unknown, _Target = unknown> = HasOneClass;
export const HasMany = HasManyClass;
export type HasMany<_Source = unknown, _Target = unknown> = HasManyClass;
export const BelongsToMany = BelongsToManyClass;
export type BelongsToMany<_Source = unknown, _Target = unknown> = BelongsToManyClass;
// v6's `Sequelize.Association` also carries the four kinds (`Sequelize.Association.HasMany`).
Object.assign(AssociationBase, { Association: AssociationBase, BelongsTo: BelongsToClass, HasOne: HasOneClass, HasMany: HasManyClass, BelongsToMany: BelongsToManyClass });
export type * from './types/mixins.js';
// sequelize@6's other exported type names (ModelDefined, ModelAttributes, Options, IncludeOptions, …).
export type * from './types/v6-model-names.js';
export type * from './types/v6-other-names.js';
// v6's DataType is a type (what `type:` takes), not joinery's base class: the explicit export wins over both `export *`.
export type { DataType } from './types/v6-other-names.js';
export type { RetryOptions } from './config.js';
export type { TransactionOptions } from './transaction/transaction.js';
export type { IncludeOptions, IncludeThroughOptions } from './types/query-options.js';
export { BaseError as Error } from './errors/index.js';
export { Validator } from './model/validator-export.js';
export { useInflection } from './utils/inflection.js';
/** v6's `Utils`: the SQL helper classes (`Utils.Fn`, `Utils.Literal`) that plugins test with `instanceof`. */
export const Utils = sequelizeStatics.Utils;

// The CommonJS entry copies every named export onto the class; these are the ones the statics lack, for ES modules.
// Here, after every import: CommonJS output requires modules in source order.
Object.assign(SequelizeClass, {
  Sequelize: SequelizeClass, default: SequelizeClass, QueryInterface: QueryInterfaceClass,
  Association: AssociationBase, BelongsTo: BelongsToClass, HasOne: HasOneClass, HasMany: HasManyClass, BelongsToMany: BelongsToManyClass,
});

export default Sequelize;
