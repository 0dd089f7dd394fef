import { UsageError } from '../../errors/usage-errors.js';
import { Col, Literal, SqlFragment } from '../../sql/sql-helpers.js';
import type { Options } from './shared.js';

/*
 * v6 reads a belongsToMany's targets in one JOIN with the join table, so `getFriends({ order: [[col('friendship.level'),
 * 'DESC']] })` (or a literal naming "friendship"."level") sorts by the join row. The join rows are read on their
 * own here; such an order sorts each owner's targets in memory, after the whole set is read.
 */

interface SortKey {
  readonly from: 'link' | 'target';
  readonly attribute: string;
  readonly descending: boolean;
}

export interface ThroughOrder {
  readonly keys: readonly SortKey[];
}

const directionPattern = /^(ASC|DESC)$/i;

function quotedPair(text: string): [string, string] | undefined {
  const match = /^\s*["`[]?([^"`\].]+)["`\]]?\.["`[]?([^"`\]\s]+)["`\]]?\s*$/.exec(text);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** `[col('friendship.level'), 'DESC']`, `literal('"friendship"."level" DESC')`, `[Friendship, 'level']`: the join-row attribute and direction. */
function throughKey(item: unknown, throughName: string, through: unknown): SortKey | undefined {
  const list = Array.isArray(item) ? item : [item];
  const [head, ...rest] = list as unknown[];
  let pair: [string, string] | undefined;
  let direction = typeof rest[rest.length - 1] === 'string' && directionPattern.test(rest[rest.length - 1] as string) ? (rest.pop() as string) : 'ASC';
  if (head instanceof Col) pair = quotedPair(head.col);
  else if (head instanceof Literal) {
    const words = head.val.trim().split(/\s+/);
    if (words.length === 2 && directionPattern.test(words[1]!)) direction = words.pop()!;
    pair = quotedPair(words.join(' '));
  } else if ((head === through || head === throughName) && rest.length === 1 && typeof rest[0] === 'string') pair = [throughName, rest[0]];
  if (!pair || pair[0] !== throughName || (head instanceof SqlFragment && rest.length > 0)) return undefined;
  return { from: 'link', attribute: pair[1], descending: direction.toUpperCase() === 'DESC' };
}

/** The order's items as sort keys when one of them names the join table; undefined when none does (the database orders). */
export function throughOrder(options: Options, throughName: string, through: unknown, targetName: string, attributes: (name: string) => boolean): ThroughOrder | undefined {
  const order = options['order'];
  if (order === undefined || order === null) return undefined;
  const items = Array.isArray(order) && !(order.length > 0 && !Array.isArray(order[0]) && typeof order[1] === 'string' && directionPattern.test(order[1])) ? order : [order];
  const keys = items.map((item) => throughKey(item, throughName, through));
  if (keys.every((key) => key === undefined)) return undefined;
  return {
    keys: items.map((item, index) => {
      const key = keys[index];
      if (key) return key;
      const [attribute, direction = 'ASC'] = (Array.isArray(item) ? item : [item]) as unknown[];
      if (typeof attribute !== 'string' || !attributes(attribute) || typeof direction !== 'string' || !directionPattern.test(direction)) {
        throw new UsageError(`An order on ${throughName} (the join table) sorts ${targetName}s after they are read: the other order items must be attributes of ${targetName} with ASC or DESC.`);
      }
      return { from: 'target', attribute, descending: direction.toUpperCase() === 'DESC' };
    }),
  };
}

/** Sorts an owner's targets by those keys; NULLs go where the dialect sorts them (first or last for ASC). */
export function sortByThrough<T>(rows: T[], order: ThroughOrder, valueOf: (row: T, key: SortKey) => unknown, nullsFirst: boolean): T[] {
  const compare = (a: unknown, b: unknown, descending: boolean): number => {
    if (a === b) return 0;
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull && bNull) return 0;
    if (aNull || bNull) return (aNull ? -1 : 1) * (nullsFirst !== descending ? 1 : -1);
    const result = (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    return descending ? -result : result;
  };
  return [...rows].sort((left, right) => {
    for (const key of order.keys) {
      const result = compare(valueOf(left, key), valueOf(right, key), key.descending);
      if (result !== 0) return result;
    }
    return 0;
  });
}
