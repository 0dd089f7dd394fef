import { formatUtcDateTime, parseDateTime } from '../../utils/dates.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { TableDrivenTypes, numericSuffix, parseJsonText, stringifyJson, toBoolean, type TypeTable } from '../type-table.js';

/** SQLite keeps dates as text in Sequelize's format, so files written by a Sequelize app read back the same. */
export function formatSqliteDate(date: Date): string {
  const time = date.getTime();
  // createdAt and updatedAt of a row, and the rows of a batch, share one instant: its text is made once.
  if (time === lastTime) return lastText;
  const text = `${formatUtcDateTime(date)} +00:00`;
  lastTime = time;
  lastText = text;
  return text;
}

let lastTime = Number.NaN;
let lastText = '';

function toDateText(value: unknown): unknown {
  if (value instanceof Date) return formatSqliteDate(value);
  if (typeof value === 'string' || typeof value === 'number') return formatSqliteDate(new Date(value));
  return value;
}

const json = { sql: () => 'JSON', toDriver: stringifyJson, fromDriver: parseJsonText };
const text = { sql: () => 'TEXT' };

export const sqliteTypeTable: TypeTable = {
  // SQLite takes BINARY only inside the type name, before the length (v6's VARCHAR BINARY(255)).
  STRING: { sql: (t) => `VARCHAR${t['isBinary'] ? ' BINARY' : ''}(${String(t['length'])})` },
  CHAR: { sql: (t) => `CHAR${t['isBinary'] ? ' BINARY' : ''}(${String(t['length'])})` },
  CITEXT: { sql: () => 'TEXT COLLATE NOCASE' },
  TEXT: text,
  UUID: { sql: () => 'UUID' },
  TINYINT: { sql: (t) => `TINYINT${numericSuffix(t)}` },
  SMALLINT: { sql: (t) => `SMALLINT${numericSuffix(t)}` },
  MEDIUMINT: { sql: (t) => `MEDIUMINT${numericSuffix(t)}` },
  INTEGER: { sql: (t) => `INTEGER${numericSuffix(t)}` },
  BIGINT: { sql: (t) => `BIGINT${numericSuffix(t)}` },
  FLOAT: { sql: (t) => `FLOAT${numericSuffix(t)}`, fromDriver: (v) => (typeof v === 'string' ? Number(v) : v) },
  'DOUBLE PRECISION': { sql: (t) => `DOUBLE PRECISION${numericSuffix(t)}` },
  REAL: { sql: (t) => `REAL${numericSuffix(t)}` },
  DECIMAL: { sql: (t) => `DECIMAL${numericSuffix(t)}` },
  BOOLEAN: { sql: () => 'TINYINT(1)', toDriver: (v) => (toBoolean(v) ? 1 : 0), fromDriver: toBoolean, keptInRawRows: true },
  DATE: { sql: () => 'DATETIME', toDriver: toDateText, fromDriver: (v) => (typeof v === 'string' ? parseDateTime(v) : typeof v === 'number' ? new Date(v) : v), keptInRawRows: true },
  DATEONLY: { sql: () => 'DATE', toDriver: (v) => (v instanceof Date ? formatDateOnly(v) : v) },
  TIME: { sql: () => 'TIME' },
  JSON: { ...json, keptInRawRows: true },
  JSONB: { ...json, sql: () => 'JSONB' },
  ENUM: text,
  BLOB: { sql: (t) => (t['length'] ? `${String(t['length']).toUpperCase()}BLOB` : 'BLOB') },
  // PostgreSQL's text-valued types are accepted by name, as v6 declares them on SQLite (their values are text).
  INET: { sql: () => 'INET' },
  CIDR: { sql: () => 'CIDR' },
  MACADDR: { sql: () => 'MACADDR' },
  TSVECTOR: { sql: () => 'TSVECTOR' },
  // v6 declares these by name on SQLite too; the column then holds what is written (text, JSON for objects).
  NUMBER: { sql: (t) => `NUMBER${numericSuffix(t)}` },
  RANGE: { sql: () => 'RANGE', toDriver: stringifyJson, fromDriver: parseJsonText },
  HSTORE: { sql: () => 'HSTORE', toDriver: stringifyJson, fromDriver: parseJsonText },
  GEOMETRY: { sql: () => 'GEOMETRY', toDriver: stringifyJson, fromDriver: parseJsonText },
  GEOGRAPHY: { sql: () => 'GEOGRAPHY', toDriver: stringifyJson, fromDriver: parseJsonText },
};

export const sqliteTypes = new TableDrivenTypes(sqliteTypeTable, 'sqlite');
