import { postgresRoutines } from './postgres-routines.js';
import type { DataType } from '../../data-types/abstract.js';
import { formatDateOnly } from '../../data-types/date-types.js';
import { enumTypeName } from '../../metadata/naming.js';
import { Fn, Literal, SqlFragment } from '../../sql/sql-helpers.js';
import { formatUtcDateTime } from '../../utils/dates.js';
import type { ColumnSpec, DialectDdl, TableSpec } from '../dialect.js';
import { enumValues, escapeStringLiteral } from '../type-table.js';
import { arrayElementType, postgresTypes } from './postgres-types.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => escapeStringLiteral(text, false);
/** Dollar quoting for DO blocks: a tag of our own cannot clash with `$$` inside enum values or names. */
const doBlock = (body: string) => `DO $joinery$ ${body} $joinery$;`;

export function escapePostgresLiteral(value: unknown, type?: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  if (type && (type.key === 'JSON' || type.key === 'JSONB')) return literal(JSON.stringify(value));
  // Ranges and hstore defaults take their own text forms ('[1,5)', '"a"=>"1"').
  if (type && (type.key === 'RANGE' || type.key === 'HSTORE') && typeof value === 'object') return literal(String(postgresTypes.toDriver(type, value)));
  if (type?.key === 'ARRAY' && Array.isArray(value)) {
    const element = arrayElementType(type);
    return `ARRAY[${value.map((item) => escapePostgresLiteral(item, element)).join(', ')}]::${postgresTypes.toSql(type)}`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return literal(type?.key === 'DATEONLY' ? formatDateOnly(value) : `${formatUtcDateTime(value)}+00`);
  // E'' keeps the backslash of bytea's hex form whatever standard_conforming_strings says.
  if (Buffer.isBuffer(value)) return `E'\\\\x${value.toString('hex')}'`;
  if (typeof value === 'object') return literal(JSON.stringify(value));
  return literal(String(value));
}

/** `"schema"."table"` or `"table"` back into its parts. */
export function splitQuotedTable(quotedTable: string): { schema?: string; name: string } {
  const match = /^(?:"((?:[^"]|"")*)"\.)?"((?:[^"]|"")*)"$/.exec(quotedTable);
  if (!match) return { name: quotedTable };
  const unquote = (text: string) => text.replaceAll('""', '"');
  return match[1] === undefined ? { name: unquote(match[2]!) } : { schema: unquote(match[1]), name: unquote(match[2]!) };
}

/** The ENUM behind a column: its own type, or the element type of an ARRAY(ENUM). */
function enumTypeOf(column: ColumnSpec): DataType | undefined {
  if (column.type.key === 'ENUM') return column.type;
  if (column.type.key === 'ARRAY' && arrayElementType(column.type).key === 'ENUM') return arrayElementType(column.type);
  return undefined;
}

/** Sequelize's name for a column's enum type, qualified by the table's schema when it has one. */
function enumTypeReference(table: { name: string; schema?: string }, column: ColumnSpec): string {
  const name = quote(enumTypeName(table.name, column.name));
  return table.schema ? `${quote(table.schema)}.${name}` : name;
}

function columnTypeSql(column: ColumnSpec, table: { name: string; schema?: string }): string {
  if (!enumTypeOf(column)) return postgresTypes.toSql(column.type);
  return `${enumTypeReference(table, column)}${column.type.key === 'ARRAY' ? '[]' : ''}`;
}

/**
 * Creates the enum type, or adds the values a redefined attribute gained (as Sequelize's sync does).
 * ALTER TYPE … ADD VALUE runs only for a value that is really missing: before PostgreSQL 12 it may not run in a transaction.
 */
function createEnumType(table: { name: string; schema?: string }, column: ColumnSpec, type: DataType): string {
  const reference = enumTypeReference(table, column);
  const values = enumValues(type as unknown as Record<string, unknown>);
  // From the last value back, each missing one goes before its successor (already there by then), so the type's
  // order follows the model's as v6's BEFORE/AFTER does; the last one, if missing, goes at the end.
  const additions = values.map((value, index) =>
    `IF NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype(${literal(reference)}) AND enumlabel = ${literal(value)}) ` +
    `THEN ALTER TYPE ${reference} ADD VALUE ${literal(value)}${index < values.length - 1 ? ` BEFORE ${literal(values[index + 1]!)}` : ''}; END IF;`).reverse();
  return doBlock(`BEGIN CREATE TYPE ${reference} AS ENUM(${values.map(literal).join(', ')}); EXCEPTION WHEN duplicate_object THEN ${additions.join(' ') || 'NULL;'} END`);
}

function enumStatements(table: { name: string; schema?: string }, columns: readonly ColumnSpec[]): string[] {
  return columns.flatMap((column) => {
    const type = enumTypeOf(column);
    return type ? [createEnumType(table, column, type)] : [];
  });
}

function commentStatement(quotedTable: string, column: ColumnSpec): string {
  return `COMMENT ON COLUMN ${quotedTable}.${quote(column.name)} IS ${literal(column.comment ?? '')};`;
}

/** DEFAULT text for ALTER COLUMN: literal() and fn() print as SQL, other values as escaped literals. */
function defaultSql(column: ColumnSpec): string | undefined {
  const value = column.defaultValue;
  if (value instanceof Literal) return value.val;
  if (value instanceof Fn) return `${value.fn}()`;
  if (value instanceof SqlFragment) return undefined;
  return escapePostgresLiteral(value, column.type);
}

function referencesClause(column: ColumnSpec): string {
  const references = column.references!;
  return `REFERENCES ${quote(references.table)} (${quote(references.key)})` +
    `${references.onDelete ? ` ON DELETE ${references.onDelete}` : ''}${references.onUpdate ? ` ON UPDATE ${references.onUpdate}` : ''}` +
    (references.deferrable ? ` ${references.deferrable}` : '');
}

/**
 * Default, type, nullability and default again, in an order that never asks PostgreSQL to cast an old default
 * to the new type. A serial column keeps its sequence default.
 */
function changeColumn(quotedTable: string, table: TableSpec, column: ColumnSpec): string[] {
  const location = { ...splitQuotedTable(quotedTable), ...(table.schema ? { schema: table.schema } : {}) };
  const quotedColumn = quote(column.name);
  const alter = `ALTER TABLE ${quotedTable} ALTER COLUMN ${quotedColumn}`;
  const type = columnTypeSql(column, location);
  const statements = enumStatements(location, [column]);
  if (!column.autoIncrement) statements.push(`${alter} DROP DEFAULT;`);
  statements.push(`${alter} TYPE ${type} USING (${quotedColumn}::${type});`);
  statements.push(`${alter} ${column.allowNull && !column.primaryKey ? 'DROP NOT NULL' : 'SET NOT NULL'};`);
  const defaultValue = column.hasDefault && !column.autoIncrement ? defaultSql(column) : undefined;
  if (defaultValue !== undefined) statements.push(`${alter} SET DEFAULT ${defaultValue};`);
  if (column.unique) statements.push(`ALTER TABLE ${quotedTable} ADD UNIQUE (${quotedColumn});`);
  if (column.references) statements.push(`ALTER TABLE ${quotedTable} ADD FOREIGN KEY (${quotedColumn}) ${referencesClause(column)};`);
  if (column.comment !== undefined) statements.push(commentStatement(quotedTable, column));
  return statements;
}

/**
 * Drops the enum types named after the dropped table's columns (`enum_<table>_…`). Only the table name is known
 * here, so any such type is tried, and one still used elsewhere stays: DROP TYPE without CASCADE refuses it.
 */
function dropTableEnums(tableName: string): string[] {
  const prefix = literal(`enum_${tableName}_`);
  return [doBlock(`DECLARE found record; BEGIN
  FOR found IN SELECT n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND left(t.typname::text, length(${prefix})) = ${prefix} LOOP
    BEGIN EXECUTE format('DROP TYPE %I.%I', found.nspname, found.typname);
    EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END;
  END LOOP;
END`)];
}

/** DROP INDEX needs the schema of a schema-qualified table: an index lives beside its table. */
function qualifiedIndex(quotedTable: string, indexName: string): string {
  const { schema } = splitQuotedTable(quotedTable);
  return schema ? `${quote(schema)}.${quote(indexName)}` : quote(indexName);
}

export const postgresDdl: DialectDdl = {
  routines: postgresRoutines,
  columnType: (column, table) => columnTypeSql(column, table),
  autoIncrementColumn: (column) => (column.type.key === 'BIGINT' ? 'BIGSERIAL' : 'SERIAL'),
  autoIncrementDeclaresPrimaryKey: false,
  escapeLiteral: escapePostgresLiteral,
  beforeCreateTable: (table) => enumStatements(table, table.columns),
  afterCreateTable: (table) => {
    const quotedTable = table.schema ? `${quote(table.schema)}.${quote(table.name)}` : quote(table.name);
    return table.columns.filter((column) => column.comment).map((column) => commentStatement(quotedTable, column));
  },
  columnComment: () => '',
  createTableSuffix: () => '',
  // CASCADE always, as Sequelize does on PostgreSQL: dependent views and foreign keys go with the table.
  dropTable: (quotedTable) => [`DROP TABLE IF EXISTS ${quotedTable} CASCADE;`],
  afterDropTable: dropTableEnums,
  changeColumn,
  renameColumn: (quotedTable, from, to) => [`ALTER TABLE ${quotedTable} RENAME COLUMN ${quote(from)} TO ${quote(to)};`],
  removeIndex: (quotedTable, indexName, options) => `DROP INDEX ${options?.concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualifiedIndex(quotedTable, indexName)}`,
  truncateTable: (quotedTable, options) =>
    [`TRUNCATE ${quotedTable}${options.restartIdentity ? ' RESTART IDENTITY' : ''}${options.cascade ? ' CASCADE' : ''}`],
  createIndex: (quotedTable, index) =>
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${quote(index.name)} ON ${quotedTable}` +
    `${index.using ? ` USING ${index.using}` : ''} (${index.columns.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`,
  // Nothing to switch off: tables are dropped with CASCADE, and session_replication_role needs superuser.
  disableForeignKeyChecks: () => [],
  enableForeignKeyChecks: () => [],
};
