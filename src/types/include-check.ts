import type { Association } from '../associations/association.js';
import type { Model } from '../model/model.js';
import type { AssociationMap } from './query-result.js';
import type { Attributes, InstanceOf } from './model-types.js';
import type { AssociationStep, Direction, FindAttributeOptions, Includeable, ModelReference, Order, SqlExpression, WhereOptions } from './query-options.js';

// Finders infer `include` and `order` as written (so the result type can follow the includes), which turns
// off the compiler's own excess-property checks there. These types rebuild what each item should look
// like from the inferred item, against the model it reaches: finders take `I & NoInfer<CheckedIncludes<M, I>>`.
// Unknown keys map to `never`, so `where: { nmae: 1 }` fails with "not assignable to type 'never'" at `nmae`.

export type NoExtraKeys<T, Allowed extends PropertyKey> = { [P in Exclude<keyof T, Allowed>]: never };

type IncludeOptionKey =
  | 'model' | 'as' | 'association' | 'where' | 'on' | 'required' | 'right' | 'separate' | 'duplicating' | 'attributes'
  | 'include' | 'through' | 'order' | 'limit' | 'paranoid' | 'all' | 'nested' | 'subQuery';

/** The target of an association by its name, or `unknown` when the model's associations are not typed. */
type TargetByAlias<M, As> = AssociationMap<M> extends infer Map
  ? As extends keyof Map ? (Map[As] extends { readonly instance: infer T } ? T : unknown) : unknown
  : unknown;

/** The model an include item or an order step reaches. */
type StepTarget<M, Step> = Step extends ModelReference
  ? InstanceOf<Step>
  : Step extends { model: infer S extends ModelReference }
    ? InstanceOf<S>
    : Step extends { association: infer As extends string }
      ? TargetByAlias<M, As>
      : Step extends string ? TargetByAlias<M, Step> : unknown;

/** `where` keys must be the target's attributes (or `'$nested.column$'`); values are checked by WhereOptions. */
type CheckedWhere<W, A> = WhereOptions<A> & (W extends object ? NoExtraKeys<W, keyof A | symbol | `$${string}$`> : {});

// Mapped over the item's own keys: array methods compare element types on their own, without the
// intersection with the inferred include, so the check must itself know `model`, `as` and the rest.
type CheckedItemOn<Item, T> = {
  [P in keyof Item]: P extends 'where'
    ? T extends Model ? CheckedWhere<Item[P], Attributes<T>> : Item[P]
    : P extends 'attributes'
      ? T extends Model ? FindAttributeOptions<Attributes<T>> : Item[P]
      : P extends 'order'
        ? T extends Model ? Order<Attributes<T>> : Item[P]
        : P extends 'include'
          ? CheckedIncludes<T, Item[P]>
          : P extends IncludeOptionKey ? Item[P] : never;
};

// An association object (`include: [User.associations.projects]`) names its target itself.
type CheckedItem<M, Item> = Item extends ModelReference | string | Association ? Item : CheckedItemOn<Item, StepTarget<M, Item>>;

/** What each include item must look like, given the model `M` it is under. */
// A list typed as v6's plain `Includeable[]` names nothing to check (decided before M is looked at, so generic code passes).
export type CheckedIncludes<M, I> = I extends readonly (infer Item)[] ? ([Includeable] extends [Item] ? I : { [K in keyof I]: CheckedItem<M, I[K]> }) : [Includeable] extends [I] ? I : CheckedItem<M, I>;

// ---- order ----

type Column<T> = T extends Model ? (keyof Attributes<T> & string) | SqlExpression : string | SqlExpression;
type Reached<M, Steps> = Steps extends readonly [infer Step, ...infer Rest] ? Reached<StepTarget<M, Step>, Rest> : M;
type IsAlias<M, S> = S extends keyof AssociationMap<M> ? true : false;
/** `[Friend, 'name', 'UP']` ends with a misspelt direction, not with a column reached through `'name'`. */
type LastStepIsAlias<M, Path> = Path extends readonly [...infer Before, infer Step] ? (Step extends string ? IsAlias<Reached<M, Before>, Step> : true) : true;

/**
 * `'name'`, `['name', 'DESC']`, `[Owner, 'name', 'DESC']`, `['owner', 'name']`, `[Owner, Pug, 'name', 'ASC']`:
 * the column is checked against the model the steps reach, and the direction against the directions.
 */
type CheckedOrderItem<M, Item> = Item extends string
  ? Column<M>
  : Item extends readonly [infer First extends string, unknown]
    ? IsAlias<M, First> extends true ? readonly [First, Column<Reached<M, [First]>>] : readonly [Column<M>, Direction]
    : Item extends readonly [...infer Steps, infer Last extends Direction]
      ? Steps extends readonly [...infer Path, unknown] ? readonly [...Path, Column<Reached<M, Path>>, Last] : Item
      : Item extends readonly [...infer Path, unknown]
        ? LastStepIsAlias<M, Path> extends true
          ? readonly [...Path, Column<Reached<M, Path>>]
          : Path extends readonly [...infer Steps, unknown] ? readonly [...Steps, Column<Reached<M, Steps>>, Direction] : Item
        : Item;

// A value already typed as an `Order` (v6's plain one, or this model's) is checked by that type: it passes as it is.
// (Told apart by a member only such a type has, not by M: generic code's `Order<Attributes<M>>` passes too.)
type TypedItem = readonly [AssociationStep, AssociationStep, string, Direction?];
export type CheckedOrder<M, O> = O extends readonly (infer Item)[] ? ([TypedItem] extends [Item] ? O : { [K in keyof O]: CheckedOrderItem<M, O[K]> }) : O;
