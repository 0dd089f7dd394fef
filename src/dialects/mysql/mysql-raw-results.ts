import { isInsertText, type RawResultShapes } from '../dialect.js';
import { type QueryResult } from '../connection.js';

const isHeader = (result: QueryResult) => !Array.isArray(result.metadata);

/** MySQL's JSON columns (type 245) and MariaDB's (LONGTEXT marked `json`), which v6's mysql2 parses. */
function jsonColumns(fields: unknown): string[] {
  if (!Array.isArray(fields)) return [];
  return (fields as Array<{ name?: unknown; columnType?: unknown; extendedFormat?: unknown }>)
    .filter((field) => field.columnType === 245 || field.extendedFormat === 'json')
    .map((field) => String(field.name));
}

export const mysqlRawResults: RawResultShapes = {
  untyped(sql, result) {
    if (!isHeader(result)) return [result.rows, result.rows];
    if (isInsertText(sql)) return [result.insertId, result.affectedRows];
    return [result.metadata, result.metadata];
  },
  // v6: created when one row was affected (an update of a duplicate counts two).
  upsert: (result) => [result.insertId, result.affectedRows === 1],
  insert: (result) => (isHeader(result) ? [result.insertId, result.affectedRows] : [result.rows, result.rows.length]),
  update: (result) => [undefined, result.affectedRows],
  delete: () => undefined,
  showTables: (rows) => rows.map((row) => Object.values(row)[0]),
  // The pool reads JSON as text (attribute types parse it once); `sequelize.query` rows get v6's parsed values.
  driverRows(result) {
    const columns = jsonColumns(result.metadata);
    if (columns.length === 0) return result.rows;
    return result.rows.map((row) => {
      const parsed = { ...row };
      for (const column of columns) if (typeof parsed[column] === 'string') parsed[column] = JSON.parse(parsed[column]);
      return parsed;
    });
  },
  describe: (rows) => Object.fromEntries(rows.map((row) => [String(row['Field']), {
    type: String(row['Type']).toUpperCase(),
    allowNull: row['Null'] === 'YES',
    defaultValue: row['Default'],
    primaryKey: row['Key'] === 'PRI',
    autoIncrement: String(row['Extra'] ?? '').includes('auto_increment'),
    comment: row['Comment'] ?? null,
  }])),
};
