import { isInsertText, type RawResultShapes } from '../dialect.js';

export const postgresRawResults: RawResultShapes = {
  untyped: (sql, result) => [result.rows, isInsertText(sql) ? result.affectedRows : result.metadata],
  // v6 answers the `instance` option (none here) and no created flag.
  upsert: () => [undefined, null],
  insert: (result) => [result.rows, result.affectedRows],
  update: (result) => [result.rows, result.affectedRows],
  delete: (result) => result.rows,
  // v6 hands back each row's values as an array here.
  showTables: (rows) => rows.map((row) => Object.values(row)),
  describe: (rows) => rows,
};
