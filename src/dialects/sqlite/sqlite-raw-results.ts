import { isInsertText, type RawResultShapes } from '../dialect.js';
import { type QueryResult } from '../connection.js';

/** v6's sqlite3 Statement carried `lastID` and `changes`; readers had an empty one. */
function statementMetadata(result: QueryResult): Record<string, unknown> {
  if (Array.isArray(result.metadata)) return {};
  return { lastID: result.insertId === undefined ? undefined : Number(result.insertId), changes: result.affectedRows };
}

function unquote(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const quoted = typeof value === 'string' ? /^'(.*)'$/s.exec(value) : null;
  return quoted ? quoted[1]!.replaceAll("''", "'") : value;
}

export const sqliteRawResults: RawResultShapes = {
  untyped(sql, result) {
    if (!Array.isArray(result.metadata) && isInsertText(sql)) return [undefined, statementMetadata(result)];
    return [result.rows, statementMetadata(result)];
  },
  // v6 answers the insert id and no created flag.
  upsert: (result) => [result.insertId === undefined ? undefined : Number(result.insertId), null],
  insert: (result) => [result.insertId === undefined ? result.rows : Number(result.insertId), result.affectedRows],
  update: (result) => [undefined, result.affectedRows],
  delete: () => undefined,
  showTables: (rows) => rows.map((row) => Object.values(row)[0]),
  describe: (rows) => Object.fromEntries(rows.map((row) => [String(row['name']), {
    type: row['type'],
    allowNull: Number(row['notnull']) === 0,
    defaultValue: unquote(row['dflt_value']),
    primaryKey: Number(row['pk']) === 1,
  }])),
};
