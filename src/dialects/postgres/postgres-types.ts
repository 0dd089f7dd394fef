import type { DataType } from '../../data-types/abstract.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { formatUtcDateTime } from '../../utils/dates.js';
import { hstoreRule } from './postgres-hstore.js';
import { rangeRule } from './postgres-ranges.js';
import { TableDrivenTypes, enumValues, numericSuffix, stringifyJson, type TypeRule, type TypeTable } from '../type-table.js';

/**
 * Parses PostgreSQL's text form of an array (`{a,"b c",NULL}`, nested `{{1,2},{3,4}}`).
 * pg parses arrays of built-in types itself; enum arrays and the date arrays joinery reads differently come here.
 */
export function parsePgArray(text: string, element: (item: string) => unknown = (item) => item): unknown[] {
  let position = 0;
  const parseLevel = (): unknown[] => {
    const items: unknown[] = [];
    position += 1; // past '{'
    while (position < text.length) {
      const char = text[position]!;
      if (char === '}') {
        position += 1;
        return items;
      }
      if (char === ',') {
        position += 1;
      } else if (char === '{') {
        items.push(parseLevel());
      } else if (char === '"') {
        let value = '';
        position += 1;
        while (position < text.length && text[position] !== '"') {
          if (text[position] === '\\') position += 1;
          value += text[position] ?? '';
          position += 1;
        }
        position += 1;
        items.push(element(value));
      } else {
        const end = text.slice(position).search(/[,}]/);
        const raw = text.slice(position, end === -1 ? text.length : position + end);
        position += raw.length;
        items.push(raw === 'NULL' ? null : element(raw));
      }
    }
    return items;
  };
  // A dimension prefix such as `[0:1]={…}` only shifts indexes; JavaScript arrays start at 0 anyway.
  position = text.indexOf('{');
  return position === -1 ? [] : parseLevel();
}

function toTimestampText(value: unknown): unknown {
  if (value instanceof Date) return `${formatUtcDateTime(value)}+00`;
  if (typeof value === 'number') return `${formatUtcDateTime(new Date(value))}+00`;
  return value;
}

const json = (name: string): TypeRule => ({ sql: () => name, toDriver: stringifyJson });
const named = (name: string): TypeRule => ({ sql: () => name });
const unsupported = (reason: string): TypeRule => ({
  sql: () => {
    throw new Error(`${reason}.`);
  },
});

/** The element type of an ARRAY column. */
export function arrayElementType(type: DataType): DataType {
  return (type as DataType & { type: DataType }).type;
}

/** Elements go through their own type's conversion: ARRAY(JSON) items become JSON text, dates UTC text. */
const arrayRule: TypeRule = {
  sql: (t) => `${postgresTypes.toSql(arrayElementType(t))}[]`,
  toDriver: (value, t) => (Array.isArray(value) ? value.map((item) => postgresTypes.toDriver(arrayElementType(t), item)) : value),
  // pg leaves arrays of user-defined types (enum arrays) as their text form.
  fromDriver: (value) => (typeof value === 'string' ? parsePgArray(value) : value),
};

export const postgresTypeTable: TypeTable = {
  // Sequelize maps STRING.BINARY to BYTEA on PostgreSQL, which has no binary VARCHAR.
  STRING: { sql: (t) => (t['isBinary'] ? 'BYTEA' : `VARCHAR(${String(t['length'])})`) },
  CHAR: { sql: (t) => (t['isBinary'] ? 'BYTEA' : `CHAR(${String(t['length'])})`) },
  CITEXT: named('CITEXT'),
  TEXT: named('TEXT'),
  UUID: named('UUID'),
  // PostgreSQL has neither TINYINT nor MEDIUMINT: the nearest wider type holds every value.
  TINYINT: named('SMALLINT'),
  SMALLINT: named('SMALLINT'),
  MEDIUMINT: named('INTEGER'),
  INTEGER: named('INTEGER'),
  BIGINT: named('BIGINT'),
  // FLOAT takes a precision only; like Sequelize, a scale makes it plain FLOAT.
  FLOAT: { sql: (t) => `FLOAT${(t['options'] as { scale?: number } | undefined)?.scale === undefined ? numericSuffix(t) : ''}` },
  'DOUBLE PRECISION': named('DOUBLE PRECISION'),
  REAL: named('REAL'),
  DECIMAL: { sql: (t) => `DECIMAL${numericSuffix(t)}` },
  BOOLEAN: named('BOOLEAN'),
  DATE: { sql: (t) => `TIMESTAMP${t['precision'] !== undefined ? `(${String(t['precision'])})` : ''} WITH TIME ZONE`, toDriver: toTimestampText },
  DATEONLY: { sql: () => 'DATE', toDriver: (value) => (value instanceof Date ? formatDateOnly(value) : value) },
  TIME: named('TIME'),
  // Stringified here: pg would otherwise send a JavaScript array as a PostgreSQL array literal.
  JSON: json('JSON'),
  JSONB: json('JSONB'),
  // Columns use the named type "enum_<table>_<column>" (see postgres-ddl); this text only serves casts.
  ENUM: { sql: (t) => `VARCHAR(${Math.max(1, ...enumValues(t).map((value) => value.length))})` },
  BLOB: named('BYTEA'),
  ARRAY: arrayRule,
  INET: named('INET'),
  CIDR: named('CIDR'),
  MACADDR: named('MACADDR'),
  TSVECTOR: named('TSVECTOR'),
  RANGE: rangeRule(() => postgresTypes),
  HSTORE: hstoreRule,
  GEOMETRY: unsupported('GEOMETRY needs the PostGIS extension, which joinery does not support on PostgreSQL yet'),
  GEOGRAPHY: unsupported('GEOGRAPHY needs the PostGIS extension, which joinery does not support on PostgreSQL yet'),
};

export const postgresTypes = new TableDrivenTypes(postgresTypeTable, 'postgres');
