import type { ColumnDescription, Dialect } from '../dialects/dialect.js';
import { enumValues } from '../dialects/type-table.js';
import type { NormalizedAttribute } from '../metadata/attributes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { columnSpec } from './table-ddl.js';

const aliases: Array<[RegExp, string]> = [
  [/CHARACTERVARYING/g, 'VARCHAR'],
  [/^CHARACTER\(/, 'CHAR('],
  [/TIMESTAMPWITHTIMEZONE/g, 'TIMESTAMPTZ'],
  [/TIMESTAMPWITHOUTTIMEZONE/g, 'TIMESTAMP'],
  [/TIMEWITHOUTTIMEZONE/g, 'TIME'],
  // MySQL stores REAL as DOUBLE; PostgreSQL's FLOAT is DOUBLE PRECISION.
  [/^(DOUBLEPRECISION|FLOAT8|FLOAT|REAL)$/, 'DOUBLE'],
  [/^DECIMAL/, 'NUMERIC'],
  [/^INT(EGER)?(\(\d+\))?$/, 'INT'],
  [/^(BIG|SMALL|MEDIUM)INT\(\d+\)/, '$1INT'],
  [/BINARY$/, ''],
];

/** A type's text as both DDL and introspection can spell it, so `INT(11)` and `INTEGER` compare equal. */
function normalizeType(text: string): string {
  let type = text.toUpperCase().replace(/\s+/g, '');
  for (const [pattern, replacement] of aliases) type = type.replace(pattern, replacement);
  return type;
}

/** Types whose introspected spelling says too little to compare (enums, arrays, JSON stored as text). */
const opaqueType = /^(ENUM|USER-DEFINED|ARRAY|JSON|LONGTEXT)|\[\]$/;

export function typeChanged(dialect: Dialect, table: string, current: ColumnDescription, attribute: NormalizedAttribute): boolean {
  const spec = columnSpec(attribute.field, attribute);
  const wanted = normalizeType(dialect.ddl.columnType(spec, { name: table, columns: [spec], uniqueKeys: [] }));
  const existing = normalizeType(current.type);
  if (opaqueType.test(wanted) || opaqueType.test(existing)) return false;
  if (wanted === existing) return false;
  // One side without a length or precision (PostgreSQL's NUMERIC, say) compares by its base name.
  const base = (type: string) => type.replace(/\(.*\)$/, '');
  if (!wanted.includes('(') || !existing.includes('(')) return base(wanted) !== base(existing);
  return true;
}

function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

/**
 * Whether the table's default differs from the model's, as far as describeTable's reading of it allows: values
 * (strings, numbers, booleans, JSON) compare by value; SQL defaults (literal(), fn()), dates and buffers, whose
 * spelling the database rewrites, by presence only.
 */
export function defaultChanged(current: ColumnDescription, attribute: NormalizedAttribute): boolean {
  const spec = columnSpec(attribute.field, attribute);
  const existing = current.defaultValue;
  const hasExisting = existing !== null && existing !== undefined;
  if (!spec.hasDefault) return hasExisting;
  const wanted = spec.defaultValue;
  if (wanted === null) return hasExisting;
  if (!hasExisting) return true;
  if (typeof wanted === 'boolean') return asBoolean(existing) !== wanted;
  if (typeof wanted === 'number' || typeof wanted === 'bigint') return Number(existing) !== Number(wanted);
  if (typeof wanted === 'string') return String(existing) !== wanted;
  if (wanted instanceof SqlFragment || wanted instanceof Date || Buffer.isBuffer(wanted)) return false;
  if (typeof wanted === 'object' && typeof existing === 'string') return existing !== JSON.stringify(wanted);
  return false;
}

/** Where the dialect reports comments (PostgreSQL, MySQL), whether the model's comment is another one. */
export function commentChanged(current: ColumnDescription, attribute: NormalizedAttribute): boolean {
  if (current.comment === undefined || attribute.comment === undefined) return false;
  return (current.comment ?? '') !== attribute.comment;
}

/**
 * Whether an ENUM column lacks values the model lists. A named enum type (PostgreSQL) only ever gains values,
 * as in Sequelize; an inline ENUM (MySQL) is restated whenever its list differs, order included.
 */
export function enumChanged(dialect: Dialect, current: ColumnDescription, attribute: NormalizedAttribute): boolean {
  if (attribute.type.key !== 'ENUM' || !Array.isArray(current.special) || current.special.length === 0) return false;
  const wanted = enumValues(attribute.type as unknown as Record<string, unknown>);
  const existing = current.special.map(String);
  if (wanted.some((value) => !existing.includes(value))) return true;
  return !dialect.supports.enumTypes && wanted.join('\u0000') !== existing.join('\u0000');
}
