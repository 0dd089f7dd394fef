import { DataType, toDataTypeInstance } from './abstract.js';
import { IntegerType } from './numeric-types.js';
import { describe } from './string-types.js';

/** One end of a range as users write it: a value, null (unbounded), or `{ value, inclusive }`. */
export type RangeBound<T> = T | null | { value: T | null; inclusive?: boolean };

/** A bound as v6 reads ranges back: always `{ value, inclusive }`. */
export interface ParsedRangeBound<T> {
  value: T | null;
  inclusive: boolean;
}

function isBoundObject(bound: unknown): bound is { value?: unknown; inclusive?: unknown } {
  return typeof bound === 'object' && bound !== null && !(bound instanceof Date) && ('value' in bound || 'inclusive' in bound);
}

/** The bound's value and whether it is inclusive, with v6's defaults: `[lower, upper)`. */
export function rangeBounds(value: readonly unknown[]): { lower: unknown; upper: unknown; inclusive: [boolean, boolean] } {
  const inclusive: [boolean, boolean] = [true, false];
  const given = (value as { inclusive?: unknown }).inclusive;
  if (given === true) inclusive.splice(0, 2, true, true);
  else if (given === false) inclusive.splice(0, 2, false, false);
  else if (Array.isArray(given)) inclusive.splice(0, 2, Boolean(given[0]), Boolean(given[1]));
  const [lower, upper] = value.map((bound, index) => {
    if (!isBoundObject(bound)) return bound;
    if ('inclusive' in bound) inclusive[index] = Boolean(bound.inclusive);
    return 'value' in bound ? bound.value : null;
  });
  return { lower, upper, inclusive };
}

/**
 * PostgreSQL ranges (`RANGE(INTEGER)` is int4range, BIGINT int8range, DECIMAL numrange, DATE tstzrange,
 * DATEONLY daterange). Values are `[lower, upper]` (`[1, 5]` means `[1,5)`, as in v6), bounds may be
 * `{ value, inclusive }`, and `[]` is the empty range; they read back as `[{ value, inclusive }, …]`.
 */
export class RangeType<JsType = unknown> extends DataType<RangeBound<JsType>[]> {
  readonly key: string = 'RANGE';
  readonly options: { subtype: DataType };

  constructor(subtypeOrOptions?: unknown) {
    super();
    const given = typeof subtypeOrOptions === 'object' && subtypeOrOptions !== null && !(subtypeOrOptions instanceof DataType)
      ? (subtypeOrOptions as { subtype?: unknown }).subtype
      : subtypeOrOptions;
    this.options = { subtype: (given === undefined ? undefined : toDataTypeInstance(given)) ?? new IntegerType() };
  }

  /** v6's key of the subtype (`'INTEGER'`, `'DATE'`, …). */
  get _subtype(): string {
    return this.options.subtype.key;
  }

  get subtype(): DataType {
    return this.options.subtype;
  }

  override validate(value: unknown): string | null {
    if (!Array.isArray(value)) return `${describe(value)} is not a valid range`;
    if (value.length !== 0 && value.length !== 2) return 'A range must be an array with two elements (or none, the empty range)';
    const { lower, upper } = rangeBounds(value);
    for (const bound of [lower, upper]) {
      if (bound === null || bound === undefined || bound === Infinity || bound === -Infinity) continue;
      const problem = this.subtype.validate(bound);
      if (problem !== null) return `${problem} (a bound of the range ${describe(value)})`;
    }
    return null;
  }
}
