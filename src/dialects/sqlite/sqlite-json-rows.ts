import type { DataType } from '../../data-types/abstract.js';
import type { JsonRows, JsonRowsShape } from '../dialect.js';

/*
 * A level's rows as one JSON document: `json_group_array(json_object(…))` over the level's statement, read as
 * one string and one JSON.parse instead of a driver value per cell. better-sqlite3 pays per value; SQLite builds
 * the text in C, and V8 parses a large document straight into long-lived objects (measured in README).
 * The level's statement becomes a CTE with positional column names, so any select (also a windowed one) can be
 * wrapped without knowing its aliases, and the aggregate reads the rows in the statement's own order (SQLite
 * keeps a subquery's ORDER BY under an aggregate other than count/min/max).
 */

// Values of these types come back from SQLite's JSON text as the driver hands them: integers, text (dates and
// JSON are text here), booleans (0/1). Not REAL/DECIMAL (-0 would read back as 0), not BLOB (JSON cannot hold it).
const shortTypes = new Set(['UUID', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INTEGER', 'BIGINT', 'BOOLEAN', 'DATE', 'DATEONLY', 'TIME']);
const longTypes = new Set(['STRING', 'CHAR', 'CITEXT', 'TEXT', 'JSON', 'JSONB', 'ENUM']);

/** Past this many UTF-16 units (estimated from above) the document is not built as one string: plain rows then. */
const maxDocument = 256_000_000;
/** Upper bound of a non-text value's share of the document: quotes, key, separators, a date or a 64-bit integer. */
const boundedValue = 64;
/** A character takes at most six in JSON text (`\u0000`). */
const escapeFactor = 6;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const columnName = (index: number) => `c${index}`;

function objectOf(fields: JsonRowsShape['fields']): string {
  return `json_object(${fields.map(([key, column]) => `${literal(key)}, ${columnName(column)}`).join(', ')})`;
}

export const sqliteJsonRows: JsonRows = {
  readable: (type: DataType) => (shortTypes.has(type.key) ? 'short' : longTypes.has(type.key) ? 'long' : undefined),
  wrap(sql, columnCount, keyIndex, shape) {
    const names = Array.from({ length: columnCount }, (_, index) => columnName(index)).join(', ');
    const fields = shape.nested ? [...shape.fields.map(([key, column]) => `${literal(key)}, ${columnName(column)}`), `${literal(shape.nested.key)}, ${objectOf(shape.nested.fields)}`] : undefined;
    const object = fields ? `json_object(${fields.join(', ')})` : objectOf(shape.fields);
    const perRow = (shape.fields.length + (shape.nested?.fields.length ?? 0) - shape.longColumns.length + 1) * boundedValue;
    const text = shape.longColumns.map((column) => `total(length(${columnName(column)}))`);
    const size = [`count(*) * ${perRow}`, ...text.map((part) => `${escapeFactor} * ${part}`)].join(' + ');
    // Still a statement that starts with SELECT, for whoever classifies statements by their text.
    return `SELECT json_group_array(${columnName(keyIndex)}), CASE WHEN ${size} > ${maxDocument} THEN NULL ELSE json_group_array(${object}) END ` +
      `FROM (WITH \`__level\`(${names}) AS (${sql}) SELECT * FROM \`__level\`)`;
  },
  cannotHold: (error) => error instanceof Error && /JSON cannot hold BLOB/i.test(`${error.message} ${String((error as { original?: unknown }).original ?? '')}`),
};
