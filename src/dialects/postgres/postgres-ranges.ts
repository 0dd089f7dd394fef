import type { DataType } from '../../data-types/abstract.js';
import { rangeBounds, type RangeType } from '../../data-types/range-types.js';
import { parseDateTime } from '../../utils/dates.js';
import type { DialectTypes } from '../dialect.js';
import type { TypeRule } from '../type-table.js';

/** PostgreSQL's range type and its element type per subtype key, as Sequelize v6 names them. */
const rangeTypes: Readonly<Record<string, readonly [range: string, element: string]>> = {
  INTEGER: ['int4range', 'int4'],
  BIGINT: ['int8range', 'int8'],
  DECIMAL: ['numrange', 'numeric'],
  DATE: ['tstzrange', 'timestamptz'],
  DATEONLY: ['daterange', 'date'],
};

function names(type: DataType): readonly [string, string] {
  const subtype = (type as RangeType).subtype;
  const found = rangeTypes[subtype.key];
  if (!found) {
    throw new Error(`RANGE(${subtype.key}) is not supported by the postgres dialect: ranges take INTEGER, BIGINT, DECIMAL, DATE or DATEONLY.`);
  }
  return found;
}

/** `int4range`, `tstzrange`, … for a RANGE type. */
export const rangeSqlType = (type: DataType): string => names(type)[0];
/** `int4`, `timestamptz`, … : the type of one element, for `range @> element`. */
export const rangeElementType = (type: DataType): string => names(type)[1];

function boundText(bound: unknown, subtype: DataType, types: DialectTypes): string {
  if (bound === null || bound === undefined) return '';
  if (bound === Infinity) return 'infinity';
  if (bound === -Infinity) return '-infinity';
  const text = String(types.toDriver(subtype, bound));
  return `"${text.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

/** `[1,5)`, `("2020-01-01 00:00:00.000+00",)`, `empty`: a range value as PostgreSQL reads it. */
export function rangeLiteral(value: readonly unknown[], subtype: DataType, types: DialectTypes): string {
  if (value.length === 0) return 'empty';
  const { lower, upper, inclusive } = rangeBounds(value);
  return `${inclusive[0] ? '[' : '('}${boundText(lower, subtype, types)},${boundText(upper, subtype, types)}${inclusive[1] ? ']' : ')'}`;
}

function parseBound(text: string, quoted: boolean, subtypeKey: string): unknown {
  if (!quoted && text === '') return null;
  if (!quoted && text === 'infinity') return Infinity;
  if (!quoted && text === '-infinity') return -Infinity;
  switch (subtypeKey) {
    case 'INTEGER':
      return Number(text);
    case 'DATE':
      return parseDateTime(text);
    default:
      // BIGINT and DECIMAL bounds stay exact strings, DATEONLY ones `YYYY-MM-DD`, as v6 reads them.
      return text;
  }
}

/** Splits `[a,b)` / `("x,y",z]` into its two bounds, honouring quotes and backslash escapes. */
function splitBounds(body: string): [string, boolean][] {
  const bounds: [string, boolean][] = [];
  let current = '';
  let quoted = false;
  let inQuotes = false;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index]!;
    if (character === '\\') {
      current += body[index + 1] ?? '';
      index += 1;
    } else if (character === '"') {
      if (inQuotes && body[index + 1] === '"') {
        current += '"';
        index += 1;
      } else {
        inQuotes = !inQuotes;
        quoted = true;
      }
    } else if (character === ',' && !inQuotes) {
      bounds.push([current, quoted]);
      current = '';
      quoted = false;
    } else {
      current += character;
    }
  }
  bounds.push([current, quoted]);
  return bounds;
}

/** PostgreSQL's range text as v6 hands it back: `[]` for empty, else `[{ value, inclusive }, { value, inclusive }]`. */
export function parseRange(text: string, subtypeKey: string): unknown {
  if (text === 'empty') return [];
  const bounds = splitBounds(text.slice(1, -1));
  if (bounds.length !== 2) return text;
  return bounds.map(([bound, quoted], index) => ({
    value: parseBound(bound, quoted, subtypeKey),
    inclusive: index === 0 ? text.startsWith('[') : text.endsWith(']'),
  }));
}

/** pg's type ids of the range types, with their subtype keys: raw queries read ranges as v6 does too. */
export const rangeTypeIds: Readonly<Record<number, string>> = { 3904: 'INTEGER', 3906: 'DECIMAL', 3910: 'DATE', 3912: 'DATEONLY', 3926: 'BIGINT' };

export function rangeRule(types: () => DialectTypes): TypeRule {
  return {
    sql: rangeSqlType,
    toDriver: (value, type) => (Array.isArray(value) ? rangeLiteral(value, (type as unknown as RangeType).subtype, types()) : value),
    fromDriver: (value, type) => (typeof value === 'string' ? parseRange(value, (type as unknown as RangeType).subtype.key) : value),
  };
}
