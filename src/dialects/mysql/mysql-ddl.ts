import type { DataType } from '../../data-types/abstract.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { Fn, Literal, SqlFragment } from '../../sql/sql-helpers.js';
import { formatUtcDateTime } from '../../utils/dates.js';
import type { ColumnSpec, DialectDdl } from '../dialect.js';
import { escapeStringLiteral } from '../type-table.js';
import { mysqlTypes } from './mysql-types.js';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** Strings escape backslashes too: MySQL reads `\` as an escape unless NO_BACKSLASH_ESCAPES is set. */
export function escapeMysqlLiteral(value: unknown, type?: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (type && (type.key === 'JSON' || type.key === 'JSONB')) return escapeStringLiteral(JSON.stringify(value), true);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return escapeStringLiteral(type?.key === 'DATEONLY' ? formatDateOnly(value) : formatUtcDateTime(value), true);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  if (typeof value === 'object') return escapeStringLiteral(JSON.stringify(value), true);
  return escapeStringLiteral(String(value), true);
}

function comment(column: ColumnSpec): string {
  return column.comment ? ` COMMENT ${escapeMysqlLiteral(column.comment)}` : '';
}

/** DEFAULT text: literal() and fn() print as SQL, other values as escaped literals. */
function defaultClause(column: ColumnSpec): string {
  const value = column.defaultValue;
  if (!column.hasDefault) return '';
  if (value instanceof Literal) return ` DEFAULT ${value.val}`;
  if (value instanceof Fn) return ` DEFAULT ${value.fn}()`;
  return value instanceof SqlFragment ? '' : ` DEFAULT ${escapeMysqlLiteral(value, column.type)}`;
}

const autoIncrementColumn = (column: ColumnSpec) => `${mysqlTypes.toSql(column.type)} NOT NULL auto_increment`;

/** CHANGE restates the whole column, so every attribute that should survive is written out again. */
function definition(column: ColumnSpec): string {
  if (column.autoIncrement) return autoIncrementColumn(column) + comment(column);
  let text = mysqlTypes.toSql(column.type);
  if (!column.allowNull) text += ' NOT NULL';
  text += defaultClause(column);
  if (column.unique) text += ' UNIQUE';
  return text + comment(column);
}

function changeColumn(quotedTable: string, column: ColumnSpec): string[] {
  const name = quote(column.name);
  const statements = [`ALTER TABLE ${quotedTable} CHANGE ${name} ${name} ${definition(column)};`];
  const references = column.references;
  if (references) {
    statements.push(`ALTER TABLE ${quotedTable} ADD FOREIGN KEY (${name}) REFERENCES ${quote(references.table)} (${quote(references.key)})` +
      `${references.onDelete ? ` ON DELETE ${references.onDelete}` : ''}${references.onUpdate ? ` ON UPDATE ${references.onUpdate}` : ''};`);
  }
  return statements;
}

/** FULLTEXT and SPATIAL are index kinds in MySQL's CREATE INDEX; USING picks BTREE or HASH. */
function indexKind(index: { unique?: boolean; type?: string }): string {
  const type = index.type?.toUpperCase();
  if (type === 'FULLTEXT' || type === 'SPATIAL') return `${type} `;
  return index.unique || type === 'UNIQUE' ? 'UNIQUE ' : '';
}

export const mysqlDdl: DialectDdl = {
  columnType: (column) => mysqlTypes.toSql(column.type),
  autoIncrementColumn,
  autoIncrementDeclaresPrimaryKey: false,
  escapeLiteral: escapeMysqlLiteral,
  addColumnForeignKeyConstraint: true,
  beforeCreateTable: () => [],
  afterCreateTable: () => [],
  columnComment: comment,
  createTableSuffix: (options) =>
    ` ENGINE=${options.engine ?? 'InnoDB'}${options.charset ? ` DEFAULT CHARSET=${options.charset}` : ''}${options.collate ? ` COLLATE ${options.collate}` : ''}`,
  dropTable: (quotedTable) => [`DROP TABLE IF EXISTS ${quotedTable};`],
  afterDropTable: () => [],
  changeColumn: (quotedTable, _table, column) => changeColumn(quotedTable, column),
  renameColumn: (quotedTable, from, to) => [`ALTER TABLE ${quotedTable} RENAME COLUMN ${quote(from)} TO ${quote(to)};`],
  removeIndex: (quotedTable, indexName) => `DROP INDEX ${quote(indexName)} ON ${quotedTable}`,
  truncateTable: (quotedTable) => [`TRUNCATE ${quotedTable}`],
  createIndex: (quotedTable, index) =>
    `CREATE ${indexKind(index)}INDEX ${quote(index.name)}${index.using ? ` USING ${index.using}` : ''} ON ${quotedTable} (${index.columns.join(', ')})`,
  disableForeignKeyChecks: () => ['SET FOREIGN_KEY_CHECKS = 0'],
  enableForeignKeyChecks: () => ['SET FOREIGN_KEY_CHECKS = 1'],
};
