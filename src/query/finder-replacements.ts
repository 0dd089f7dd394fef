import { BoundLiteral, Cast, Fn, Json, Literal, Where } from '../sql/sql-helpers.js';
import { isPlainObject } from '../utils/object.js';
import { bindRawQuery } from './raw-sql.js';

/** The finder options that may hold `literal()`s, in the order their SQL comes in the statement. */
const literalOptions = ['attributes', 'where', 'group', 'having', 'order', 'include'] as const;

/**
 * A finder's `replacements` (`?`, `:name`, arrays as lists) and `bind` (`$1`, `$name`) fill the placeholders
 * of the `literal()`s in its options, as v6 fills them in the whole statement; here the literals get the
 * values to bind, so values still never enter the SQL text. `?` replacements are taken in statement order
 * across literals. Changes the given (already copied) options in place; a no-op without either option.
 */
export function bindFinderLiterals(options: Record<string, unknown>): void {
  const replacements = options['replacements'];
  const bind = options['bind'];
  if (replacements === undefined && bind === undefined) return;
  let positional = 0;
  const bound = (literal: Literal): Literal => {
    if (literal instanceof BoundLiteral) return literal;
    const rest = Array.isArray(replacements) ? replacements.slice(positional) : replacements;
    const { sql, parameters, consumed } = bindRawQuery(literal.val, rest, bind, () => '\0');
    positional += consumed;
    return parameters.length === 0 && sql === literal.val ? literal : new BoundLiteral(sql, parameters);
  };
  const resolve = (value: unknown): unknown => {
    if (value instanceof Literal) return bound(value);
    if (value instanceof Fn) return new Fn(value.fn, value.args.map(resolve));
    if (value instanceof Cast) return new Cast(resolve(value.val), value.type);
    if (value instanceof Where) return new Where(resolve(value.attribute), value.comparator, resolve(value.logic));
    if (value instanceof Json) return new Json(typeof value.path === 'string' ? value.path : resolve(value.path) as Record<string, unknown>, resolve(value.value));
    if (Array.isArray(value)) return value.map(resolve);
    if (!isPlainObject(value)) return value;
    const copy: Record<string | symbol, unknown> = {};
    for (const key of Reflect.ownKeys(value)) copy[key] = resolve((value as Record<string | symbol, unknown>)[key]);
    return copy;
  };
  for (const key of literalOptions) if (options[key] !== undefined) options[key] = resolve(options[key]);
}
