import type { ColumnSpec, Dialect, TableSpec } from '../dialects/dialect.js';
import { NowType } from '../data-types/date-types.js';
import { UuidV1Type, UuidV4Type } from '../data-types/string-types.js';
import { isVirtual, type NormalizedAttribute } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { constraintDeferrableSql } from '../sql/deferrable.js';
import { SqlFragment, Literal, Fn } from '../sql/sql-helpers.js';

/** Defaults computed in JavaScript (NOW, UUIDV4, functions) have no place in the DDL. */
function hasSchemaDefault(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'function' || value instanceof NowType || value instanceof UuidV4Type || value instanceof UuidV1Type) return false;
  if (value === NowType || value === UuidV4Type || value === UuidV1Type) return false;
  return true;
}

function referencedTable(reference: NonNullable<NormalizedAttribute['references']>): string {
  const model = reference.model;
  if (typeof model === 'string') return model;
  if (model && typeof model.getTableName === 'function') {
    const name = model.getTableName();
    return typeof name === 'string' ? name : String((name as { tableName: string }).tableName);
  }
  return String(model?.tableName ?? model);
}

function deferrableOf(value: unknown): { deferrable?: string } {
  const text = constraintDeferrableSql(value);
  return text ? { deferrable: text } : {};
}

/** ` DEFERRABLE INITIALLY DEFERRED` after a foreign key, where the dialect has deferrable constraints (v6 drops it elsewhere). */
export function deferrableClause(dialect: Dialect, deferrable: string | undefined): string {
  return deferrable && dialect.supports['deferrableConstraints'] === true ? ` ${deferrable}` : '';
}

export function columnSpec(name: string, attribute: NormalizedAttribute): ColumnSpec {
  const references = attribute.references
    ? {
        table: referencedTable(attribute.references),
        key: attribute.references.key ?? 'id',
        ...(attribute.onDelete ? { onDelete: attribute.onDelete.toUpperCase() } : {}),
        ...(attribute.onUpdate ? { onUpdate: attribute.onUpdate.toUpperCase() } : {}),
        ...deferrableOf(attribute.references.deferrable),
      }
    : undefined;
  return {
    name,
    type: attribute.type,
    allowNull: attribute.allowNull,
    primaryKey: attribute.primaryKey,
    autoIncrement: attribute.autoIncrement,
    unique: attribute.unique === true,
    hasDefault: hasSchemaDefault(attribute.defaultValue),
    ...(hasSchemaDefault(attribute.defaultValue) ? { defaultValue: attribute.defaultValue } : {}),
    ...(attribute.comment ? { comment: attribute.comment } : {}),
    ...(references ? { references } : {}),
  };
}

export function tableSpecOf(definition: ModelDefinition): TableSpec {
  const columns = definition.columnAttributes.map((name) => columnSpec(definition.attributes[name]!.field, definition.attributes[name]!));
  const uniqueKeys = Object.values(definition.uniqueKeys)
    .filter((key) => key.fields.length > 1 || !columns.find((column) => column.name === key.fields[0])?.unique)
    .map((key) => ({ name: key.name, fields: key.fields }));
  return { name: definition.tableName, ...(definition.schema ? { schema: definition.schema } : {}), columns, uniqueKeys };
}

export function tableSpecFromAttributes(tableName: string, attributes: Record<string, NormalizedAttribute>, schema?: string): TableSpec {
  const columns = Object.entries(attributes).filter(([, attribute]) => !isVirtual(attribute)).map(([name, attribute]) => columnSpec(attribute.field ?? name, attribute));
  return { name: tableName, ...(schema ? { schema } : {}), columns, uniqueKeys: [] };
}

export function defaultClause(dialect: Dialect, column: ColumnSpec): string {
  if (!column.hasDefault) return '';
  const value = column.defaultValue;
  if (value instanceof Literal) return ` DEFAULT ${value.val}`;
  if (value instanceof Fn) return ` DEFAULT ${value.fn}()`;
  if (value instanceof SqlFragment) return '';
  return ` DEFAULT ${dialect.ddl.escapeLiteral(value, column.type)}`;
}

/** One column's definition text; auto-increment keys take the dialect's own form. */
export function columnDefinition(dialect: Dialect, column: ColumnSpec, table: TableSpec, options: { inlinePrimaryKey?: boolean } = {}): string {
  const quote = (name: string) => dialect.compiler.quoteIdentifier(name);
  if (column.autoIncrement) return `${quote(column.name)} ${dialect.ddl.autoIncrementColumn(column, table)}${dialect.ddl.columnComment(column)}`;
  let text = `${quote(column.name)} ${dialect.ddl.columnType(column, table)}`;
  if (!column.allowNull) text += ' NOT NULL';
  text += defaultClause(dialect, column);
  if (column.unique) text += ' UNIQUE';
  if (options.inlinePrimaryKey && column.primaryKey) text += ' PRIMARY KEY';
  text += dialect.ddl.columnComment(column);
  return text;
}

export function foreignKeyClause(dialect: Dialect, column: ColumnSpec): string {
  const references = column.references!;
  const quote = (name: string) => dialect.compiler.quoteIdentifier(name);
  let text = `FOREIGN KEY (${quote(column.name)}) REFERENCES ${quote(references.table)} (${quote(references.key)})`;
  if (references.onDelete) text += ` ON DELETE ${references.onDelete}`;
  if (references.onUpdate) text += ` ON UPDATE ${references.onUpdate}`;
  return text + deferrableClause(dialect, references.deferrable);
}

/** The statements that create one table: dialect preludes (enum types), CREATE TABLE, dialect epilogues (comments). */
export function createTableStatements(dialect: Dialect, table: TableSpec, options: { engine?: string; charset?: string; collate?: string } = {}): string[] {
  const quote = (name: string) => dialect.compiler.quoteIdentifier(name);
  const autoIncrementCarriesKey = dialect.ddl.autoIncrementDeclaresPrimaryKey;
  const parts = table.columns.map((column) => columnDefinition(dialect, column, table));
  const primaryKeys = table.columns.filter((column) => column.primaryKey && !(column.autoIncrement && autoIncrementCarriesKey));
  if (primaryKeys.length > 0) parts.push(`PRIMARY KEY (${primaryKeys.map((column) => quote(column.name)).join(', ')})`);
  for (const key of table.uniqueKeys) parts.push(`CONSTRAINT ${quote(key.name)} UNIQUE (${key.fields.map(quote).join(', ')})`);
  for (const column of table.columns) if (column.references) parts.push(foreignKeyClause(dialect, column));
  const create = `CREATE TABLE IF NOT EXISTS ${dialect.compiler.quoteTable(table.name, table.schema)} (${parts.join(', ')})${dialect.ddl.createTableSuffix(options)};`;
  return [...dialect.ddl.beforeCreateTable(table), create, ...dialect.ddl.afterCreateTable(table)];
}
