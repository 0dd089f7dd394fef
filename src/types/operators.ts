import { Op as runtimeOp } from '../sql/operators.js';

// The runtime `Op` members are `Symbol.for(...)`, which TypeScript types as plain `symbol`; a where-object
// keyed by plain symbols cannot be checked. These declarations exist only in types: each operator gets its
// own `unique symbol` so `{ [Op.gt]: 5 }` is a property the compiler can match against the attribute type.
declare const eq: unique symbol;
declare const ne: unique symbol;
declare const gte: unique symbol;
declare const gt: unique symbol;
declare const lte: unique symbol;
declare const lt: unique symbol;
declare const not: unique symbol;
declare const is: unique symbol;
declare const inOp: unique symbol;
declare const notIn: unique symbol;
declare const like: unique symbol;
declare const notLike: unique symbol;
declare const iLike: unique symbol;
declare const notILike: unique symbol;
declare const startsWith: unique symbol;
declare const endsWith: unique symbol;
declare const substring: unique symbol;
declare const regexp: unique symbol;
declare const notRegexp: unique symbol;
declare const iRegexp: unique symbol;
declare const notIRegexp: unique symbol;
declare const between: unique symbol;
declare const notBetween: unique symbol;
declare const overlap: unique symbol;
declare const contains: unique symbol;
declare const contained: unique symbol;
declare const adjacent: unique symbol;
declare const strictLeft: unique symbol;
declare const strictRight: unique symbol;
declare const noExtendRight: unique symbol;
declare const noExtendLeft: unique symbol;
declare const and: unique symbol;
declare const or: unique symbol;
declare const any: unique symbol;
declare const all: unique symbol;
declare const values: unique symbol;
declare const col: unique symbol;
declare const placeholder: unique symbol;
declare const join: unique symbol;
declare const match: unique symbol;

export interface OpTypes {
  readonly eq: typeof eq;
  readonly ne: typeof ne;
  readonly gte: typeof gte;
  readonly gt: typeof gt;
  readonly lte: typeof lte;
  readonly lt: typeof lt;
  readonly not: typeof not;
  readonly is: typeof is;
  readonly in: typeof inOp;
  readonly notIn: typeof notIn;
  readonly like: typeof like;
  readonly notLike: typeof notLike;
  readonly iLike: typeof iLike;
  readonly notILike: typeof notILike;
  readonly startsWith: typeof startsWith;
  readonly endsWith: typeof endsWith;
  readonly substring: typeof substring;
  readonly regexp: typeof regexp;
  readonly notRegexp: typeof notRegexp;
  readonly iRegexp: typeof iRegexp;
  readonly notIRegexp: typeof notIRegexp;
  readonly between: typeof between;
  readonly notBetween: typeof notBetween;
  readonly overlap: typeof overlap;
  readonly contains: typeof contains;
  readonly contained: typeof contained;
  readonly adjacent: typeof adjacent;
  readonly strictLeft: typeof strictLeft;
  readonly strictRight: typeof strictRight;
  readonly noExtendRight: typeof noExtendRight;
  readonly noExtendLeft: typeof noExtendLeft;
  readonly and: typeof and;
  readonly or: typeof or;
  readonly any: typeof any;
  readonly all: typeof all;
  readonly values: typeof values;
  readonly col: typeof col;
  readonly placeholder: typeof placeholder;
  readonly join: typeof join;
  readonly match: typeof match;
}

/** The same object as the runtime `Op`, typed with one unique symbol per operator. */
export const Op: OpTypes = runtimeOp as unknown as OpTypes;
