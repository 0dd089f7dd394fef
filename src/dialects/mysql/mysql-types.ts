import { formatUtcDateTime, parseDateTime } from '../../utils/dates.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { escapeStringLiteral, enumValues, numericSuffix, parseJsonText, stringifyJson, TableDrivenTypes, toBoolean, type TypeTable } from '../type-table.js';

function integerType(name: string) {
  return {
    sql: (t: Record<string, unknown>) => {
      const options = (t['options'] ?? {}) as { unsigned?: boolean; zerofill?: boolean; length?: number };
      return `${name}${options.length ? `(${options.length})` : ''}${options.unsigned ? ' UNSIGNED' : ''}${options.zerofill ? ' ZEROFILL' : ''}`;
    },
  };
}

function textType(base: string) {
  return (t: Record<string, unknown>) => {
    const length = t['length'] as string | undefined;
    return length === 'tiny' ? `TINY${base}` : length === 'medium' ? `MEDIUM${base}` : length === 'long' ? `LONG${base}` : base;
  };
}

const json = { sql: () => 'JSON', toDriver: stringifyJson, fromDriver: parseJsonText };

export const mysqlTypeTable: TypeTable = {
  STRING: { sql: (t) => `VARCHAR(${String(t['length'])})${t['isBinary'] ? ' BINARY' : ''}` },
  CHAR: { sql: (t) => `CHAR(${String(t['length'])})${t['isBinary'] ? ' BINARY' : ''}` },
  CITEXT: { sql: () => 'TEXT' },
  TEXT: { sql: textType('TEXT') },
  UUID: { sql: () => 'CHAR(36) BINARY' },
  TINYINT: integerType('TINYINT'),
  SMALLINT: integerType('SMALLINT'),
  MEDIUMINT: integerType('MEDIUMINT'),
  INTEGER: integerType('INTEGER'),
  BIGINT: integerType('BIGINT'),
  FLOAT: { sql: (t) => `FLOAT${numericSuffix(t)}` },
  'DOUBLE PRECISION': { sql: () => 'DOUBLE PRECISION' },
  REAL: { sql: () => 'REAL' },
  DECIMAL: { sql: (t) => `DECIMAL${numericSuffix(t)}` },
  BOOLEAN: { sql: () => 'TINYINT(1)', toDriver: (v) => (toBoolean(v) ? 1 : 0), fromDriver: toBoolean },
  // DATETIME(3) rather than Sequelize's DATETIME: milliseconds survive the round trip.
  DATE: {
    sql: (t) => `DATETIME(${String((t['precision'] as number | undefined) ?? 3)})`,
    toDriver: (v) => (v instanceof Date ? formatUtcDateTime(v) : typeof v === 'string' || typeof v === 'number' ? formatUtcDateTime(new Date(v)) : v),
    fromDriver: (v) => (typeof v === 'string' ? parseDateTime(v) : v),
  },
  DATEONLY: { sql: () => 'DATE', toDriver: (v) => (v instanceof Date ? formatDateOnly(v) : v) },
  TIME: { sql: () => 'TIME' },
  JSON: json,
  JSONB: json,
  ENUM: { sql: (t) => `ENUM(${enumValues(t).map((value) => escapeStringLiteral(value, true)).join(', ')})` },
  BLOB: { sql: textType('BLOB') },
};

export const mysqlTypes = new TableDrivenTypes(mysqlTypeTable, 'mysql');
