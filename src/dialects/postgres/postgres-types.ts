import { formatUtcDateTime } from '../../utils/dates.js';
import { TableDrivenTypes, enumValues, numericSuffix, stringifyJson, type TypeTable } from '../type-table.js';

const json = (name: string) => ({ sql: () => name, toDriver: stringifyJson });
const integer = (name: string) => ({ sql: () => name });

export const postgresTypeTable: TypeTable = {
  STRING: { sql: (t) => (t['isBinary'] ? 'BYTEA' : `VARCHAR(${String(t['length'])})`) },
  CHAR: { sql: (t) => `CHAR(${String(t['length'])})` },
  CITEXT: { sql: () => 'CITEXT' },
  TEXT: { sql: () => 'TEXT' },
  UUID: { sql: () => 'UUID' },
  TINYINT: integer('SMALLINT'),
  SMALLINT: integer('SMALLINT'),
  MEDIUMINT: integer('INTEGER'),
  INTEGER: integer('INTEGER'),
  BIGINT: integer('BIGINT'),
  FLOAT: { sql: (t) => `FLOAT${numericSuffix(t)}` },
  'DOUBLE PRECISION': { sql: () => 'DOUBLE PRECISION' },
  REAL: { sql: () => 'REAL' },
  DECIMAL: { sql: (t) => `DECIMAL${numericSuffix(t)}` },
  BOOLEAN: { sql: () => 'BOOLEAN' },
  DATE: { sql: () => 'TIMESTAMP WITH TIME ZONE', toDriver: (v) => (v instanceof Date ? `${formatUtcDateTime(v)}+00` : v) },
  DATEONLY: { sql: () => 'DATE' },
  TIME: { sql: () => 'TIME' },
  JSON: json('JSON'),
  JSONB: json('JSONB'),
  // Columns use a named type "enum_<table>_<column>" (see postgres-ddl); this text serves casts and arrays.
  ENUM: { sql: (t) => `VARCHAR(${Math.max(1, ...enumValues(t).map((v) => v.length))})` },
  BLOB: { sql: () => 'BYTEA' },
  ARRAY: { sql: (t) => `${postgresTypes.toSql(t['type'] as never)}[]` },
};

export const postgresTypes = new TableDrivenTypes(postgresTypeTable, 'postgres');
