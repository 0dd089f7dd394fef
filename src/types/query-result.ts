import type { Model } from '../model/model.js';
import type { GroupedCountResultItem } from './v6-model-names.js';
import type { Col, Fn, Literal } from '../sql/sql-helpers.js';
import type { associationsKey, Attributes, ModelNameOf } from './model-types.js';
import type { AssociationEntry } from './associations.js';
import type { CheckedIncludes, CheckedOrder } from './include-check.js';
import type { FindOptions } from './options.js';
import type { AttributeAlias, IncludeList, Includeable, Order } from './query-options.js';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type AssociationMap<M> = M extends { readonly [associationsKey]?: infer Map } ? NonNullable<Map> : {};

type NestedOf<Item> = Item extends { include: infer N } ? N : [];
/** The attribute names an include selects (`attributes: ['name']`); every name when it does not say. */
type PickedOf<Item> = Item extends { attributes: readonly (infer K)[] } ? Extract<K, string> : PropertyKey;
type Shaped<T, Item> = (T extends Model ? Selected<T, PickedOf<Item>> : T) & IncludedProperties<T, NestedOf<Item>>;

type EntryValue<E, Item> = E extends AssociationEntry<string, infer Many, infer T> ? (Many extends true ? Array<Shaped<T, Item>> : Shaped<T, Item> | null) : never;

type ByName<M, Name extends string> = AssociationMap<M> extends infer Map
  ? { [As in keyof Map as Map[As] extends { readonly model: Name } ? As : never]: Map[As] }
  : never;

type ByAlias<M, As> = AssociationMap<M> extends infer Map ? (As extends keyof Map ? { [P in As]: Map[As] } : {}) : never;

type Filled<Entries, Item> = { [As in keyof Entries]: EntryValue<Entries[As], Item> };

type ItemProperties<M, Item> = Item extends string
  ? Filled<ByAlias<M, Item>, Item>
  : Item extends { as: infer As extends string }
    ? Filled<ByAlias<M, As>, Item>
    : Item extends { association: infer As extends string }
      ? Filled<ByAlias<M, As>, Item>
      : Item extends { model: infer S }
        ? Filled<ByName<M, ModelNameOf<S>>, Item>
        : Filled<ByName<M, ModelNameOf<Item>>, Item>;

/** The association properties an `include` adds: `owner: Owner | null`, `friends: Friend[]`, nested as written. */
export type IncludedProperties<M, Include> = Include extends readonly unknown[]
  ? UnionToIntersection<{ [I in keyof Include]: ItemProperties<M, Include[I]> }[number]>
  : ItemProperties<M, Include>;

/** `attributes: ['name']` leaves out the attributes that were not selected. */
// `string` (no `attributes` given) is decided before M is looked at, so a generic `ModelStatic<M>`'s finders give `M`.
// AllNames and `string` are decided before M is looked at, so a generic `ModelStatic<M>`'s finders give `M`.
export type Selected<M extends Model, K> = [K] extends [AllNames] ? M : string extends K ? M : [Exclude<keyof Attributes<M>, K>] extends [never] ? M : Omit<M, Exclude<keyof Attributes<M>, K>>;

/**
 * Options typed as v6's FindOptions (their `include` is the whole IncludeList, not a written list) shape nothing, as in
 * v6: the result is the model. Decided before M is looked at, so generic code (`ModelStatic<M>`) gets `M`.
 */
export type FindResult<M extends Model, Include, K> = [Includeable] extends [Include] ? M : Selected<M, K> & IncludedProperties<M, Include>;

/** `rejectOnEmpty: true` (or an error) makes findOne/findByPk throw instead of resolving null, as v6 types it. */
export type OrNull<R> = R extends true | Error ? never : null;

/** `count({ group })` counts per group, as v6 types it: `[{ kind: 'fruit', count: 2 }, …]`. */
export type CountResult<G> = [G] extends [undefined] ? number : GroupedCountResultItem[];

/** `Model.update(…, { returning: true })` gives the rows too, as v6 types it (MySQL has no RETURNING: no rows there). */
export type UpdateResult<M, R> = [R] extends [false] ? [number, M[]?] : R extends false ? [number, M[]?] : [number, M[]];

declare const allNames: unique symbol;
/** `K` when `attributes` names nothing (absent, or the `{ exclude }` form): every attribute. Not `string`, which means "typed as any string". */
export type AllNames = string & { readonly [allNames]: true };
type AnyName<K> = string extends K ? string | AttributeAlias<Record<string, unknown>> : never;

/** What `order` may be before it is checked (`CheckedOrder`). */
export type OrderInput = Order<Record<string, unknown>>;

/**
 * The options of `findAll`, `findOne`, `findByPk` and `findAndCountAll`. `include`, string `attributes` and
 * `order` are inferred as written: the first two shape the result, and all three are checked against the
 * models they reach (see include-check.ts).
 */
export type ShapedFindOptions<M extends Model, I, K extends string, O, E extends string = never, Base = FindOptions<Attributes<M>>> = Omit<Base, 'include' | 'attributes' | 'order'> & {
  include?: I & NoInfer<CheckedIncludes<M, I>>;
  // K: the names selected (they narrow the result); E: those excluded. Names typed as any string (v6's plain
  // FindOptions/FindAttributeOptions) are not checked; written ones are.
  attributes?:
    | readonly ((K & keyof Attributes<M>) | AttributeAlias<Attributes<M>> | NoInfer<AnyName<K>>)[]
    | { include?: readonly (AttributeAlias<Attributes<M>> | NoInfer<AnyName<E>>)[]; exclude?: readonly ((E & keyof Attributes<M>) | NoInfer<AnyName<E>>)[] };
  // Fn, Col and Literal apart, so that a value typed as an Order union infers `O` from its list alone.
  order?: (O & NoInfer<CheckedOrder<M, O>>) | Fn | Col | Literal;
};
