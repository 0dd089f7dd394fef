import { isInsertText, type RawResultShapes } from '../dialect.js';
import { type QueryResult } from '../connection.js';

const isHeader = (result: QueryResult) => !Array.isArray(result.metadata);

export const mysqlRawResults: RawResultShapes = {
  untyped(sql, result) {
    if (!isHeader(result)) return [result.rows, result.rows];
    if (isInsertText(sql)) return [result.insertId, result.affectedRows];
    return [result.metadata, result.metadata];
  },
  insert: (result) => (isHeader(result) ? [result.insertId, result.affectedRows] : [result.rows, result.rows.length]),
  update: (result) => [undefined, result.affectedRows],
  delete: () => undefined,
  showTables: (rows) => rows.map((row) => Object.values(row)[0]),
  describe: (rows) => Object.fromEntries(rows.map((row) => [String(row['Field']), {
    type: String(row['Type']).toUpperCase(),
    allowNull: row['Null'] === 'YES',
    defaultValue: row['Default'],
    primaryKey: row['Key'] === 'PRI',
    autoIncrement: String(row['Extra'] ?? '').includes('auto_increment'),
    comment: row['Comment'] ?? null,
  }])),
};
