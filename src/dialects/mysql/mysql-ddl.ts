import type { DataType } from '../../data-types/abstract.js';
import { formatUtcDateTime } from '../../utils/dates.js';
import type { ColumnSpec, DialectDdl } from '../dialect.js';
import { escapeStringLiteral } from '../type-table.js';
import { mysqlTypes } from './mysql-types.js';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

export function escapeMysqlLiteral(value: unknown, _type?: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return escapeStringLiteral(formatUtcDateTime(value), true);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  if (typeof value === 'object') return escapeStringLiteral(JSON.stringify(value), true);
  return escapeStringLiteral(String(value), true);
}

function comment(column: ColumnSpec): string {
  return column.comment ? ` COMMENT ${escapeMysqlLiteral(column.comment)}` : '';
}

function definition(column: ColumnSpec): string {
  let text = mysqlTypes.toSql(column.type);
  if (!column.allowNull) text += ' NOT NULL';
  if (column.hasDefault) text += ` DEFAULT ${escapeMysqlLiteral(column.defaultValue)}`;
  return text + comment(column);
}

export const mysqlDdl: DialectDdl = {
  columnType: (column) => mysqlTypes.toSql(column.type),
  autoIncrementColumn: (column) => `${mysqlTypes.toSql(column.type)} NOT NULL auto_increment`,
  autoIncrementDeclaresPrimaryKey: false,
  escapeLiteral: escapeMysqlLiteral,
  beforeCreateTable: () => [],
  afterCreateTable: () => [],
  columnComment: comment,
  createTableSuffix: (options) =>
    ` ENGINE=${options.engine ?? 'InnoDB'}${options.charset ? ` DEFAULT CHARSET=${options.charset}` : ''}${options.collate ? ` COLLATE ${options.collate}` : ''}`,
  dropTable: (quotedTable) => [`DROP TABLE IF EXISTS ${quotedTable};`],
  afterDropTable: () => [],
  changeColumn: (quotedTable, _table, column) => [`ALTER TABLE ${quotedTable} CHANGE ${quote(column.name)} ${quote(column.name)} ${definition(column)};`],
  renameColumn: (quotedTable, from, to) => [`ALTER TABLE ${quotedTable} RENAME COLUMN ${quote(from)} TO ${quote(to)};`],
  removeIndex: (quotedTable, indexName) => `DROP INDEX ${quote(indexName)} ON ${quotedTable}`,
  truncateTable: (quotedTable) => [`TRUNCATE ${quotedTable}`],
  createIndex: (quotedTable, index) =>
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quote(index.name)}${index.using ? ` USING ${index.using}` : ''} ON ${quotedTable} (${index.columns.join(', ')})`,
  disableForeignKeyChecks: () => ['SET FOREIGN_KEY_CHECKS = 0'],
  enableForeignKeyChecks: () => ['SET FOREIGN_KEY_CHECKS = 1'],
};
