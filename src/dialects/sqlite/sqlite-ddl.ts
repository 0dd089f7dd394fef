import type { DataType } from '../../data-types/abstract.js';
import type { ColumnSpec, DialectDdl } from '../dialect.js';
import { escapeStringLiteral } from '../type-table.js';
import { rebuildSqliteTable } from './sqlite-rebuild.js';
import { sqliteTypes, formatSqliteDate } from './sqlite-types.js';

export function escapeSqliteLiteral(value: unknown, _type?: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return escapeStringLiteral(formatSqliteDate(value), false);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  if (typeof value === 'object') return escapeStringLiteral(JSON.stringify(value), false);
  return escapeStringLiteral(String(value), false);
}

export const sqliteDdl: DialectDdl = {
  columnType: (column: ColumnSpec) => sqliteTypes.toSql(column.type),
  autoIncrementColumn: () => 'INTEGER PRIMARY KEY AUTOINCREMENT',
  autoIncrementDeclaresPrimaryKey: true,
  escapeLiteral: escapeSqliteLiteral,
  beforeCreateTable: () => [],
  afterCreateTable: () => [],
  columnComment: () => '',
  createTableSuffix: () => '',
  dropTable: (quotedTable) => [`DROP TABLE IF EXISTS ${quotedTable};`],
  afterDropTable: () => [],
  changeColumn: () => 'rebuild',
  renameColumn: (quotedTable, from, to) => [`ALTER TABLE ${quotedTable} RENAME COLUMN \`${from}\` TO \`${to}\`;`],
  removeIndex: (_quotedTable, indexName) => `DROP INDEX IF EXISTS \`${indexName}\``,
  truncateTable: (quotedTable) => [`DELETE FROM ${quotedTable}`],
  createIndex: (quotedTable, index) =>
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS \`${index.name}\` ON ${quotedTable} (${index.columns.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`,
  disableForeignKeyChecks: () => ['PRAGMA foreign_keys = OFF'],
  enableForeignKeyChecks: () => ['PRAGMA foreign_keys = ON'],
  rebuildTable: rebuildSqliteTable,
};
