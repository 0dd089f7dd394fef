import { parseDateTime } from '../../utils/dates.js';
import { geoJsonToMysql, mysqlToGeoJson } from './mysql-geometry.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { escapeStringLiteral, enumValues, numericSuffix, parseJsonText, stringifyJson, TableDrivenTypes, toBoolean, type TypeRule, type TypeTable } from '../type-table.js';

/** Numeric DDL with MySQL's attribute suffixes: `INTEGER(11) UNSIGNED ZEROFILL`, `DECIMAL(10,2) UNSIGNED`. */
function numericType(name: string): TypeRule {
  return {
    sql: (t) => {
      const options = (t['options'] ?? {}) as { unsigned?: boolean; zerofill?: boolean };
      return `${name}${numericSuffix(t)}${options.unsigned ? ' UNSIGNED' : ''}${options.zerofill ? ' ZEROFILL' : ''}`;
    },
  };
}

/** A Date: the pool writes it as wall-clock text in the connection's `timezone` (UTC by default). */
function toDateTimeText(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  return value;
}

function textType(base: string) {
  return (t: Record<string, unknown>) => {
    const length = t['length'] as string | undefined;
    return length === 'tiny' ? `TINY${base}` : length === 'medium' ? `MEDIUM${base}` : length === 'long' ? `LONG${base}` : base;
  };
}

// MariaDB's JSON is LONGTEXT underneath and comes back as text; MySQL's comes back parsed.
const json: TypeRule = { sql: () => 'JSON', toDriver: stringifyJson, fromDriver: parseJsonText };

const geometryTypes = ['POINT', 'LINESTRING', 'POLYGON'];

/** GEOMETRY, or POINT / LINESTRING / POLYGON for `GEOMETRY('POINT')` (MySQL keeps no SRID in the column, as in v6). */
const geometryRule: TypeRule = {
  sql: (t) => {
    const kind = typeof t['type'] === 'string' ? t['type'].toUpperCase() : undefined;
    if (kind === undefined) return 'GEOMETRY';
    if (!geometryTypes.includes(kind)) throw new Error(`GEOMETRY('${String(t['type'])}') is not supported by the mysql dialect: use one of ${geometryTypes.join(', ')}.`);
    return kind;
  },
  toDriver: (value) => (typeof value === 'object' && value !== null && !Buffer.isBuffer(value) ? geoJsonToMysql(value as { type: string }) : value),
  fromDriver: (value) => (Buffer.isBuffer(value) ? mysqlToGeoJson(value) : value),
};

export const mysqlTypeTable: TypeTable = {
  STRING: { sql: (t) => `VARCHAR(${String(t['length'])})${t['isBinary'] ? ' BINARY' : ''}` },
  CHAR: { sql: (t) => `CHAR(${String(t['length'])})${t['isBinary'] ? ' BINARY' : ''}` },
  CITEXT: { sql: () => 'TEXT' },
  TEXT: { sql: textType('TEXT') },
  UUID: { sql: () => 'CHAR(36) BINARY' },
  TINYINT: numericType('TINYINT'),
  SMALLINT: numericType('SMALLINT'),
  MEDIUMINT: numericType('MEDIUMINT'),
  INTEGER: numericType('INTEGER'),
  BIGINT: numericType('BIGINT'),
  FLOAT: numericType('FLOAT'),
  'DOUBLE PRECISION': numericType('DOUBLE PRECISION'),
  REAL: numericType('REAL'),
  // DECIMAL stays the driver's exact string (decimalNumbers: false), as Sequelize returns it.
  DECIMAL: numericType('DECIMAL'),
  BOOLEAN: { sql: () => 'TINYINT(1)', toDriver: (v) => (toBoolean(v) ? 1 : 0), fromDriver: toBoolean, keptInRawRows: true },
  // DATETIME(3) where Sequelize writes DATETIME, which truncates: with it, milliseconds survive the round trip.
  // The pool reads dates as strings (dateStrings) and they are parsed here as UTC, so no local time zone leaks in.
  DATE: {
    sql: (t) => `DATETIME(${String((t['precision'] as number | undefined) ?? 3)})`,
    toDriver: toDateTimeText,
    fromDriver: (v) => (typeof v === 'string' ? parseDateTime(v) : v),
  },
  DATEONLY: { sql: () => 'DATE', toDriver: (v) => (v instanceof Date ? formatDateOnly(v) : v) },
  TIME: { sql: () => 'TIME' },
  JSON: json,
  JSONB: json,
  ENUM: { sql: (t) => `ENUM(${enumValues(t).map((value) => escapeStringLiteral(value, true)).join(', ')})` },
  BLOB: { sql: textType('BLOB') },
  GEOMETRY: geometryRule,
};

export const mysqlTypes = new TableDrivenTypes(mysqlTypeTable, 'mysql');
