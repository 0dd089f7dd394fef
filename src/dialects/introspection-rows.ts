import type { ForeignKeyReference } from './dialect.js';

/** Introspection queries that alias their columns to these names share one mapping to Sequelize's shape. */
export function foreignKeyReferenceOf(row: Record<string, unknown>): ForeignKeyReference {
  return {
    constraintName: String(row['constraintName']),
    tableName: String(row['tableName']),
    columnName: String(row['columnName']),
    referencedTableName: String(row['referencedTableName']),
    referencedColumnName: String(row['referencedColumnName']),
    tableSchema: String(row['tableSchema']),
    referencedTableSchema: String(row['referencedTableSchema']),
  };
}
