import type { Association } from '../associations/association.js';
import type { Model } from '../model/model.js';
import type { Cast, Col, Fn, Json, Literal, Where } from '../sql/sql-helpers.js';
import { Op } from './operators.js';
import type { FindOptions } from './options.js';

/** SQL written with the helpers: accepted wherever a value or a column is. */
export type SqlExpression = Fn | Col | Literal | Cast | Json;

/** Dates may be compared with strings and timestamps too, as drivers accept them. */
type Comparable<T> = T extends Date ? Date | string | number : T;

export interface WhereOperators<T> {
  [Op.eq]?: Comparable<T> | null | SqlExpression;
  [Op.ne]?: Comparable<T> | null | SqlExpression;
  [Op.is]?: null | boolean;
  [Op.not]?: Comparable<T> | null | boolean | SqlExpression;
  [Op.gt]?: Comparable<T> | SqlExpression;
  [Op.gte]?: Comparable<T> | SqlExpression;
  [Op.lt]?: Comparable<T> | SqlExpression;
  [Op.lte]?: Comparable<T> | SqlExpression;
  [Op.in]?: readonly Comparable<T>[] | Literal;
  [Op.notIn]?: readonly Comparable<T>[] | Literal;
  [Op.between]?: readonly [Comparable<T>, Comparable<T>];
  [Op.notBetween]?: readonly [Comparable<T>, Comparable<T>];
  [Op.like]?: string | SqlExpression | { [Op.any]: readonly string[] };
  [Op.notLike]?: string | SqlExpression | { [Op.any]: readonly string[] };
  [Op.iLike]?: string | SqlExpression | { [Op.any]: readonly string[] };
  [Op.notILike]?: string | SqlExpression | { [Op.any]: readonly string[] };
  [Op.startsWith]?: string | SqlExpression;
  [Op.endsWith]?: string | SqlExpression;
  [Op.substring]?: string | SqlExpression;
  [Op.regexp]?: string | SqlExpression;
  [Op.notRegexp]?: string | SqlExpression;
  [Op.iRegexp]?: string | SqlExpression;
  [Op.notIRegexp]?: string | SqlExpression;
  [Op.overlap]?: T extends readonly unknown[] ? T : readonly T[];
  [Op.contains]?: T extends readonly unknown[] ? T : unknown;
  [Op.contained]?: T extends readonly unknown[] ? T : unknown;
  [Op.any]?: readonly Comparable<T>[] | Literal;
  [Op.all]?: readonly Comparable<T>[] | Literal;
  [Op.col]?: string;
  [Op.and]?: readonly WhereAttributeValue<T>[];
  [Op.or]?: readonly WhereAttributeValue<T>[];
}

/** What one attribute may be compared with: a value, a list (IN), null, operators, or SQL. */
export type WhereAttributeValue<T> =
  | Comparable<T>
  | null
  | readonly Comparable<NonNullable<T>>[]
  | WhereOperators<NonNullable<T>>
  | SqlExpression
  | Where;

interface WhereLogic<A> {
  [Op.and]?: WhereOptions<A> | readonly WhereOptions<A>[];
  [Op.or]?: WhereOptions<A> | readonly WhereOptions<A>[];
  [Op.not]?: WhereOptions<A>;
}

/** `'$owner.name$'` reaches into an included model; its type is not checked. */
type NestedColumns = { [key: `$${string}$`]: unknown };

export type WhereAttributes<A> = { [K in keyof A]?: WhereAttributeValue<A[K]> } & WhereLogic<A> & NestedColumns;

export type WhereOptions<A = Record<string, unknown>> = WhereAttributes<A> | Where | Literal | Fn;

export type ModelReference = abstract new (...args: never) => Model;

type OrderDirection = 'ASC' | 'DESC' | 'ASC NULLS FIRST' | 'ASC NULLS LAST' | 'DESC NULLS FIRST' | 'DESC NULLS LAST' | 'NULLS FIRST' | 'NULLS LAST';
export type Direction = OrderDirection | Lowercase<OrderDirection>;

type OrderTarget<A> = (keyof A & string) | Fn | Col | Literal | Cast | Json;
export type AssociationStep = ModelReference | { model: ModelReference; as?: string } | string;

/**
 * An attribute of this model, optionally with a direction; or a path through associations ending with the
 * included model's attribute and a direction (`[Owner, 'name', 'DESC']`, `['owner', 'name', 'DESC']`).
 */
export type OrderItem<A = Record<string, unknown>> =
  | OrderTarget<A>
  | readonly [OrderTarget<A>]
  | readonly [OrderTarget<A>, Direction]
  | readonly [ModelReference | { model: ModelReference; as?: string }, string, Direction?]
  | readonly [AssociationStep, string, Direction]
  | readonly [AssociationStep, AssociationStep, string, Direction?];

export type Order<A = Record<string, unknown>> = Fn | Literal | Col | readonly OrderItem<A>[];

/** `['name', [fn('COUNT', col('id')), 'n']]`: attribute names are checked, aliases are free. */
export type AttributeAlias<A> = readonly [(keyof A & string) | SqlExpression, string];

export type FindAttributeOptions<A = Record<string, unknown>> =
  | readonly ((keyof A & string) | AttributeAlias<A>)[]
  | { include?: readonly AttributeAlias<A>[]; exclude?: readonly (keyof A & string)[] };

/** `through` of an include across a belongsToMany: the join model's columns and conditions. */
export interface IncludeThroughOptions {
  as?: string;
  attributes?: readonly string[];
  where?: object;
  paranoid?: boolean;
}

/** An include written as an object (v6's IncludeOptions). */
export interface IncludeOptions {
  model?: ModelReference;
  as?: string;
  association?: string | Association;
  where?: object;
  on?: object;
  required?: boolean;
  right?: boolean;
  separate?: boolean;
  duplicating?: boolean;
  attributes?: readonly (string | readonly [unknown, string])[] | { include?: readonly unknown[]; exclude?: readonly string[] };
  include?: IncludeList;
  through?: IncludeThroughOptions;
  order?: readonly unknown[];
  limit?: number;
  paranoid?: boolean;
  all?: boolean;
  nested?: boolean;
  subQuery?: boolean;
}

/** An include as written in `findAll({ include })`; the result type reads the models and aliases from it. */
export type Includeable = ModelReference | string | Association | IncludeOptions;
export type IncludeList = Includeable | readonly Includeable[];

/** The finder options with `where`, `attributes` and `order` checked against the attributes `A`. */
export type TypedFindOptions<A> = FindOptions<A>;

/** Values for `update`: every attribute optional, each with its type or SQL (`literal('count + 1')`). */
export type UpdateValues<A> = { [K in keyof A]?: A[K] | SqlExpression };
