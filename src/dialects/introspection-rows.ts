import type { ForeignKeyReference } from './dialect.js';

/** Introspection queries that alias their columns to these names share one mapping to Sequelize's shape. */
export function foreignKeyReferenceOf(row: Record<string, unknown>): ForeignKeyReference {
  const text = (key: string) => (row[key] === null || row[key] === undefined ? undefined : String(row[key]));
  return {
    constraintName: String(row['constraintName']),
    constraintSchema: text('constraintSchema')!,
    constraintCatalog: text('constraintCatalog')!,
    tableName: String(row['tableName']),
    tableSchema: text('tableSchema')!,
    tableCatalog: text('tableCatalog'),
    columnName: String(row['columnName']),
    referencedTableSchema: text('referencedTableSchema')!,
    referencedTableCatalog: text('referencedTableCatalog'),
    referencedTableName: String(row['referencedTableName']),
    referencedColumnName: String(row['referencedColumnName']),
  };
}
