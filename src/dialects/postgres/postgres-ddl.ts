import type { DataType } from '../../data-types/abstract.js';
import { formatUtcDateTime } from '../../utils/dates.js';
import { enumTypeName } from '../../metadata/naming.js';
import type { ColumnSpec, DialectDdl, TableSpec } from '../dialect.js';
import { enumValues, escapeStringLiteral } from '../type-table.js';
import { postgresTypes } from './postgres-types.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const isEnum = (column: ColumnSpec) => column.type.key === 'ENUM';

export function escapePostgresLiteral(value: unknown, _type?: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return escapeStringLiteral(`${formatUtcDateTime(value)}+00`, false);
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`;
  if (typeof value === 'object') return escapeStringLiteral(JSON.stringify(value), false);
  return escapeStringLiteral(String(value), false);
}

/** The bare table name inside a quoted, possibly schema-qualified name. */
function bareName(quotedTable: string): string {
  const last = quotedTable.split('.').pop() ?? quotedTable;
  return last.replace(/^"|"$/g, '').replaceAll('""', '"');
}

function typeSql(column: ColumnSpec, table: TableSpec): string {
  return isEnum(column) ? quote(enumTypeName(table.name, column.name)) : postgresTypes.toSql(column.type);
}

export const postgresDdl: DialectDdl = {
  columnType: typeSql,
  autoIncrementColumn: (column) => (column.type.key === 'BIGINT' ? 'BIGSERIAL' : 'SERIAL'),
  autoIncrementDeclaresPrimaryKey: false,
  escapeLiteral: escapePostgresLiteral,
  /** Sequelize's named enum types; an existing one with the same name is kept. */
  beforeCreateTable: (table) =>
    table.columns.filter(isEnum).map((column) => {
      const values = enumValues(column.type as unknown as Record<string, unknown>).map((value) => escapeStringLiteral(value, false)).join(', ');
      const create = `CREATE TYPE ${quote(enumTypeName(table.name, column.name))} AS ENUM(${values})`;
      return `DO $$ BEGIN ${create}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;
    }),
  afterCreateTable: (table) =>
    table.columns.filter((column) => column.comment).map((column) =>
      `COMMENT ON COLUMN ${quote(table.name)}.${quote(column.name)} IS ${escapeStringLiteral(column.comment!, false)};`),
  columnComment: () => '',
  createTableSuffix: () => '',
  /** Drops the table and the enum types named after its columns, which would otherwise outlive it. */
  dropTable: (quotedTable) => {
    const name = escapeStringLiteral(bareName(quotedTable), false);
    const drop = escapeStringLiteral(`DROP TABLE IF EXISTS ${quotedTable} CASCADE`, false);
    return [
      `DO $$ DECLARE names text[]; BEGIN
        SELECT array_agg(t.typname) INTO names FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid JOIN pg_type t ON a.atttypid = t.oid
        WHERE c.relname = ${name} AND c.relnamespace = current_schema()::regnamespace AND t.typtype = 'e' AND t.typname = 'enum_' || c.relname || '_' || a.attname;
        EXECUTE ${drop};
        IF names IS NOT NULL THEN FOR i IN 1..array_length(names, 1) LOOP EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(names[i]); END LOOP; END IF;
      END $$;`,
    ];
  },
  afterDropTable: () => [],
  changeColumn: (quotedTable, table, column) => {
    const alter = `ALTER TABLE ${quotedTable} ALTER COLUMN ${quote(column.name)}`;
    const type = typeSql(column, table);
    return [
      ...postgresDdl.beforeCreateTable({ ...table, columns: [column] }),
      `${alter} TYPE ${type} USING (${quote(column.name)}::${type});`,
      `${alter} ${column.allowNull ? 'DROP NOT NULL' : 'SET NOT NULL'};`,
      column.hasDefault ? `${alter} SET DEFAULT ${escapePostgresLiteral(column.defaultValue)};` : `${alter} DROP DEFAULT;`,
    ];
  },
  renameColumn: (quotedTable, from, to) => [`ALTER TABLE ${quotedTable} RENAME COLUMN ${quote(from)} TO ${quote(to)};`],
  removeIndex: (_quotedTable, indexName) => `DROP INDEX IF EXISTS ${quote(indexName)}`,
  truncateTable: (quotedTable, options) =>
    [`TRUNCATE ${quotedTable}${options.restartIdentity ? ' RESTART IDENTITY' : ''}${options.cascade ? ' CASCADE' : ''}`],
  createIndex: (quotedTable, index) =>
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index.name)} ON ${quotedTable}${index.using ? ` USING ${index.using}` : ''} (${index.columns.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`,
  disableForeignKeyChecks: () => [],
  enableForeignKeyChecks: () => [],
};
