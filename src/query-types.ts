export const QueryTypes = {
  SELECT: 'SELECT',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  BULKUPDATE: 'BULKUPDATE',
  BULKDELETE: 'BULKDELETE',
  DELETE: 'DELETE',
  UPSERT: 'UPSERT',
  VERSION: 'VERSION',
  SHOWTABLES: 'SHOWTABLES',
  SHOWINDEXES: 'SHOWINDEXES',
  DESCRIBE: 'DESCRIBE',
  RAW: 'RAW',
  FOREIGNKEYS: 'FOREIGNKEYS',
  SHOWCONSTRAINTS: 'SHOWCONSTRAINTS',
} as const;

export type QueryType = (typeof QueryTypes)[keyof typeof QueryTypes];

/** `indexHints: [{ type: IndexHints.USE, values: ['idx'] }]` (MySQL/MariaDB), as v6 names them. */
export const IndexHints = { USE: 'USE', FORCE: 'FORCE', IGNORE: 'IGNORE' } as const;

/** v6's table hints (SQL Server's); exported so code naming them loads. */
export const TableHints = {
  NOLOCK: 'NOLOCK', READUNCOMMITTED: 'READUNCOMMITTED', UPDLOCK: 'UPDLOCK', REPEATABLEREAD: 'REPEATABLEREAD', SERIALIZABLE: 'SERIALIZABLE',
  READCOMMITTED: 'READCOMMITTED', TABLOCK: 'TABLOCK', TABLOCKX: 'TABLOCKX', PAGLOCK: 'PAGLOCK', ROWLOCK: 'ROWLOCK', NOWAIT: 'NOWAIT',
  READPAST: 'READPAST', XLOCK: 'XLOCK', SNAPSHOT: 'SNAPSHOT', NOEXPAND: 'NOEXPAND',
} as const;
