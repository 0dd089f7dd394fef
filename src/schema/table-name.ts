import type { RunOptions } from '../query/query-runner.js';

export type TableName = string | { tableName: string; schema?: string };

/** v6's Logging type: `true` logs with console.log, a function gets (sql, timing) and, at run time, the options too. */
export type QueryLogging = boolean | ((sql: string, timing?: number) => void) | RunOptions['logging'];

export interface QueryOptions {
  transaction?: unknown;
  logging?: QueryLogging;
  [extra: string]: unknown;
}

/** The runner's `logging`: omitted when not given (the instance's applies), console.log for `true`. */
export function loggingOf(options: { logging?: QueryLogging }): Pick<RunOptions, 'logging'> {
  if (options.logging === undefined) return {};
  return { logging: (options.logging === true ? console.log : options.logging) as RunOptions['logging'] };
}

export function splitTable(table: TableName): { name: string; schema: string | undefined } {
  return typeof table === 'string' ? { name: table, schema: undefined } : { name: table.tableName, schema: table.schema };
}
