import type { Model, ModelStatic } from '../model/model.js';
import type { Singular, Plural } from './inflection.js';
import type { Attributes, CreationAttributes, InstanceOf, ModelNameOf, PrimaryKeyNameOf, PrimaryKeyValue, associationsKey, modelNameKey, primaryKeyKey } from './model-types.js';
import type { TypedFindOptions, WhereOptions } from './query-options.js';

export type AssociationKind = 'belongsTo' | 'hasOne' | 'hasMany' | 'belongsToMany';

type ForeignKeyOption = string | { name?: string; allowNull?: boolean; field?: string };

export interface AssociationDeclarationOptions {
  as?: string | { singular: string; plural: string };
  foreignKey?: ForeignKeyOption;
  sourceKey?: string;
  targetKey?: string;
  onDelete?: string;
  onUpdate?: string;
  constraints?: boolean;
  hooks?: boolean;
  scope?: Record<string, unknown>;
}

export interface BelongsToManyDeclarationOptions extends AssociationDeclarationOptions {
  through: string | ModelStatic<Model> | { model: string | ModelStatic<Model>; unique?: boolean; paranoid?: boolean; scope?: Record<string, unknown> };
  otherKey?: ForeignKeyOption;
  timestamps?: boolean;
  uniqueKey?: string;
}

/** `['Pug', 'belongsTo', 'Owner']`: source and target are keys of the models object given to `associate`. */
export type AssociationDeclaration<Key extends string> =
  | readonly [source: Key, kind: 'belongsTo' | 'hasOne' | 'hasMany', target: Key, options?: AssociationDeclarationOptions]
  | readonly [source: Key, kind: 'belongsToMany', target: Key, options: BelongsToManyDeclarationOptions];

type Models = Record<string, ModelStatic<Model>>;
type Declarations = readonly AssociationDeclaration<string>[];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

// ---- names, as Sequelize derives them ----
type NameOf<Ms extends Models, K> = K extends keyof Ms ? ([ModelNameOf<Ms[K]>] extends [never] ? K & string : ModelNameOf<Ms[K]>) : never;
type IsMany<Kind> = Kind extends 'hasMany' | 'belongsToMany' ? true : false;
type OptionsOf<D> = D extends readonly [string, string, string, infer O] ? O : {};

type AsSingular<Ms extends Models, D> = D extends readonly [string, infer Kind, infer T, ...unknown[]]
  ? OptionsOf<D> extends { as: { singular: infer S extends string } } ? S
  : OptionsOf<D> extends { as: infer As extends string } ? (IsMany<Kind> extends true ? Singular<As> : As)
  : Singular<NameOf<Ms, T>>
  : never;
type AsPlural<Ms extends Models, D> = D extends readonly [string, infer _Kind, infer T, ...unknown[]]
  ? OptionsOf<D> extends { as: { plural: infer P extends string } } ? P
  : OptionsOf<D> extends { as: infer As extends string } ? As
  : Plural<NameOf<Ms, T>>
  : never;
/** The association's name: the property an include fills and the key of `Model.associations`. */
type AsOf<Ms extends Models, D> = D extends readonly [string, infer Kind, ...unknown[]] ? (IsMany<Kind> extends true ? AsPlural<Ms, D> : AsSingular<Ms, D>) : never;

type ExplicitKey<O, Option extends string> = O extends { [P in Option]: infer F } ? (F extends string ? F : F extends { name: infer N extends string } ? N : never) : never;
type OrDefault<Given, Default> = [Given] extends [never] ? Default : Given;

/** The key an association adds, on which model, with which value type. */
type ForeignKeyOf<Ms extends Models, D> = D extends readonly [infer S, infer Kind, infer T, ...unknown[]]
  ? Kind extends 'belongsTo'
    ? { on: S; name: OrDefault<ExplicitKey<OptionsOf<D>, 'foreignKey'>, `${AsSingular<Ms, D>}${Capitalize<PrimaryKeyNameOf<Ms[T & keyof Ms]>>}`>; value: PrimaryKeyValue<Ms[T & keyof Ms]> }
    : Kind extends 'hasOne'
      ? { on: T; name: OrDefault<ExplicitKey<OptionsOf<D>, 'foreignKey'>, `${Singular<OptionsOf<D> extends { as: infer As extends string } ? As : NameOf<Ms, S>>}${Capitalize<PrimaryKeyNameOf<Ms[S & keyof Ms]>>}`>; value: PrimaryKeyValue<Ms[S & keyof Ms]> }
      : Kind extends 'hasMany'
        ? { on: T; name: OrDefault<ExplicitKey<OptionsOf<D>, 'foreignKey'>, `${Singular<NameOf<Ms, S>>}${Capitalize<PrimaryKeyNameOf<Ms[S & keyof Ms]>>}`>; value: PrimaryKeyValue<Ms[S & keyof Ms]> }
        : never
  : never;

// Guarded: `never extends { name: infer N extends string }` would infer N as `string` (an index signature).
type KeyAddedTo<Key, K> = [Key] extends [never] ? never : Key extends { on: K; name: infer N extends string; value: infer V } ? { [P in N]: V | null } : never;

type ForeignKeyAttributes<Ms extends Models, Ds extends Declarations, K> = UnionToIntersection<
  { [I in keyof Ds]: KeyAddedTo<ForeignKeyOf<Ms, Ds[I]>, K> }[number]
>;

// ---- accessors ----
// Target instances are written only inside function and property types, which TypeScript instantiates lazily:
// passed as type arguments they would be expanded eagerly and Pug → Owner → Pug would never end.
type Target<Ms extends Models, Ds extends Declarations, T extends keyof Ms> = AssociatedInstance<Ms, Ds, T>;
type Options = { transaction?: unknown; logging?: false | ((sql: string, timing?: number) => void); hooks?: boolean };

type SingleAccessors<Ms extends Models, Ds extends Declarations, T extends keyof Ms, As extends string> = {
  [P in `get${Capitalize<As>}`]: (options?: TypedFindOptions<Attributes<Target<Ms, Ds, T>>>) => Promise<Target<Ms, Ds, T> | null>;
} & {
  [P in `set${Capitalize<As>}`]: (target: Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]> | null, options?: Options & { save?: boolean }) => Promise<void>;
} & {
  [P in `create${Capitalize<As>}`]: (values?: CreationAttributes<Target<Ms, Ds, T>>, options?: Options) => Promise<Target<Ms, Ds, T>>;
};

type ManyAccessors<Ms extends Models, Ds extends Declarations, T extends keyof Ms, One extends string, Many extends string, AddResult, AddOptions> = {
  [P in `get${Capitalize<Many>}`]: (options?: TypedFindOptions<Attributes<Target<Ms, Ds, T>>> & { joinTableAttributes?: readonly string[] }) => Promise<Target<Ms, Ds, T>[]>;
} & {
  [P in `count${Capitalize<Many>}`]: (options?: { where?: WhereOptions<Attributes<Target<Ms, Ds, T>>>; scope?: string | boolean } & Options) => Promise<number>;
} & {
  [P in `has${Capitalize<One>}`]: (target: Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>, options?: Options) => Promise<boolean>;
} & {
  [P in `has${Capitalize<Many>}`]: (targets: readonly (Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>)[], options?: Options) => Promise<boolean>;
} & {
  [P in `set${Capitalize<Many>}`]: (targets: readonly (Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>)[] | null, options?: AddOptions) => Promise<unknown>;
} & {
  [P in `add${Capitalize<One>}`]: (target: Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>, options?: AddOptions) => Promise<AddResult>;
} & {
  [P in `add${Capitalize<Many>}`]: (targets: readonly (Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>)[], options?: AddOptions) => Promise<AddResult>;
} & {
  [P in `remove${Capitalize<One>}`]: (target: Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>, options?: Options) => Promise<number>;
} & {
  [P in `remove${Capitalize<Many>}`]: (targets: readonly (Target<Ms, Ds, T> | PrimaryKeyValue<Ms[T]>)[], options?: Options) => Promise<number>;
} & {
  [P in `create${Capitalize<One>}`]: (values?: CreationAttributes<Target<Ms, Ds, T>>, options?: AddOptions) => Promise<Target<Ms, Ds, T>>;
};

/** Join-table rows: what `addFriend` resolves to (undefined when every pair already existed). */
export type ThroughRows = Model[] | undefined;
type ThroughOptions = Options & { through?: Record<string, unknown> };

type AccessorsOf<Ms extends Models, Ds extends Declarations, D> = D extends readonly [string, infer Kind, infer T extends keyof Ms & string, ...unknown[]]
  ? Kind extends 'belongsTo' | 'hasOne'
    ? SingleAccessors<Ms, Ds, T, AsSingular<Ms, D>>
    : Kind extends 'hasMany'
      ? ManyAccessors<Ms, Ds, T, AsSingular<Ms, D>, AsPlural<Ms, D>, void, Options>
      : ManyAccessors<Ms, Ds, T, AsSingular<Ms, D>, AsPlural<Ms, D>, ThroughRows, ThroughOptions>
  : never;

/** What an include under the association's name adds to a found instance. */
export interface AssociationEntry<Name extends string, Many extends boolean, T> {
  readonly model: Name;
  readonly many: Many;
  readonly instance: T;
}

type EntryOf<Ms extends Models, Ds extends Declarations, D> = D extends readonly [string, infer Kind, infer T extends keyof Ms & string, ...unknown[]]
  ? { [P in AsOf<Ms, D>]: { readonly model: NameOf<Ms, T>; readonly many: IsMany<Kind>; readonly instance: Target<Ms, Ds, T> } }
  : never;

type SourceIs<D, K> = D extends readonly [K, ...unknown[]] ? true : false;

type OwnAssociations<Ms extends Models, Ds extends Declarations, K> = UnionToIntersection<{ [I in keyof Ds]: SourceIs<Ds[I], K> extends true ? EntryOf<Ms, Ds, Ds[I]> : never }[number]>;
type OwnAccessors<Ms extends Models, Ds extends Declarations, K> = UnionToIntersection<{ [I in keyof Ds]: SourceIs<Ds[I], K> extends true ? AccessorsOf<Ms, Ds, Ds[I]> : never }[number]>;

/** An instance after `associate`: its model's instance, the foreign keys associations add, and the accessors. */
export type AssociatedInstance<Ms extends Models, Ds extends Declarations, K extends keyof Ms> = InstanceOf<Ms[K]> &
  ForeignKeyAttributes<Ms, Ds, K> & {
    readonly _attributes: ForeignKeyAttributes<Ms, Ds, K>;
    readonly _creationAttributes: Partial<ForeignKeyAttributes<Ms, Ds, K>>;
    readonly [associationsKey]?: OwnAssociations<Ms, Ds, K>;
  } & OwnAccessors<Ms, Ds, K>;

type StaticBrands<S> = Pick<S, Extract<keyof S, typeof modelNameKey | typeof primaryKeyKey>>;

export type AssociatedModels<Ms extends Models, Ds extends Declarations> = {
  [K in keyof Ms]: ModelStatic<AssociatedInstance<Ms, Ds, K>> & StaticBrands<Ms[K]>;
};
