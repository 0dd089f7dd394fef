import type { RunOptions } from '../query/query-runner.js';

export type TableName = string | { tableName: string; schema?: string };

export interface QueryOptions {
  transaction?: unknown;
  logging?: RunOptions['logging'];
  [extra: string]: unknown;
}

export function splitTable(table: TableName): { name: string; schema: string | undefined } {
  return typeof table === 'string' ? { name: table, schema: undefined } : { name: table.tableName, schema: table.schema };
}
