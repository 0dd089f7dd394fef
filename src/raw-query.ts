import type { RetryOptions } from './config.js';
import { nestDottedKeys } from './utils/object.js';
import { UsageError } from './errors/usage-errors.js';
import { bindRawQuery } from './query/raw-sql.js';
import type { Logging, QueryRunner, RunOptions } from './query/query-runner.js';
import { QueryTypes, type QueryType } from './query-types.js';
import { isVirtual } from './metadata/attributes.js';
import type { ModelDefinition } from './metadata/model-definition.js';

/**
 * `sequelize.query(sql, options)`: every key of sequelize@6's QueryOptions (with `model`, Logging, Transactionable,
 * Poolable), and no others, so a misspelt key does not compile.
 */
export interface RawQueryOptions {
  type?: QueryType | string;
  replacements?: unknown;
  bind?: unknown;
  raw?: boolean;
  plain?: boolean;
  nest?: boolean;
  model?: unknown;
  instance?: unknown;
  mapToModel?: boolean;
  fieldMap?: Record<string, string>;
  retry?: RetryOptions;
  useMaster?: boolean;
  /** PostgreSQL: the schema search path for this query (v6 reads it at run time). */
  searchPath?: string;
  transaction?: unknown;
  logging?: boolean | ((sql: string, timing?: number) => void);
  benchmark?: boolean;
}

/** v6's `fieldMap`: each mapped column present moves to its new name (at the end of the row, as v6 leaves it). */
function renameColumns(row: Record<string, unknown>, columns: ReadonlyMap<string, string>): Record<string, unknown> {
  for (const [column, name] of columns) {
    if (row[column] !== undefined && name !== column) {
      row[name] = row[column];
      delete row[column];
    }
  }
  return row;
}

type ModelLike = (new (values: Record<string, unknown>, opts: Record<string, unknown>) => unknown) & { definition?: ModelDefinition };

/**
 * Values of a row's attribute-named columns as the attribute types read them (`true`, a Date, parsed JSON), so
 * instances from `sequelize.query(…, { model })` hold what a finder's would, as v6's do where its driver parses.
 */
function attributeValues(model: ModelLike, runner: QueryRunner): (row: Record<string, unknown>) => Record<string, unknown> {
  const definition = model.definition;
  const types = runner.dialect.types;
  if (!definition) return (row) => row;
  return (row) => {
    const values = { ...row };
    for (const key of Object.keys(values)) {
      const attribute = definition.attributes[key];
      const value = values[key];
      if (attribute && !isVirtual(attribute) && value !== null && value !== undefined) values[key] = types.fromDriver(attribute.type, value);
    }
    return values;
  };
}

/** `sequelize.query`: values bound as parameters, results shaped per query type as Sequelize shapes them. */
export async function runRawQuery(runner: QueryRunner, input: string | { query: string; values?: unknown[] }, options: RawQueryOptions): Promise<unknown> {
  const text = typeof input === 'string' ? input : input.query;
  if (typeof text !== 'string') throw new UsageError('sequelize.query expects SQL text.');
  const replacements = options.replacements ?? (typeof input === 'object' ? input.values : undefined);
  const compiled = replacements === undefined && options.bind === undefined
    ? { sql: text, parameters: [] as unknown[] }
    : bindRawQuery(text, replacements, options.bind, (index) => runner.dialect.compiler.placeholder(index));
  // As v6: `model`, `nest` or `plain` without a type make it a SELECT.
  const type = options.type ?? (options.model || options.nest || options.plain ? QueryTypes.SELECT : undefined);
  const runOptions: RunOptions = { expectRows: true };
  // As v6: a SELECT (given as the type, or implied by `model`, `plain` or `nest`) may go to a read server.
  if (options.useMaster !== true && (type === QueryTypes.SELECT || (type === undefined && (options.plain === true || options.nest === true)))) runOptions.read = true;
  if (options.transaction !== undefined) runOptions.transaction = options.transaction as never;
  // v6 logs with console.log for `logging: true`; a function gets (sql, timing or options, options) at run time.
  if (options.logging !== undefined) runOptions.logging = (options.logging === true ? console.log : options.logging) as Logging;
  if (options.benchmark !== undefined) runOptions.benchmark = options.benchmark;
  if (options.retry !== undefined) runOptions.retry = options.retry;
  const result = await runner.run(compiled, runOptions);
  const shapes = runner.dialect.rawResults;
  const model = options.model as ModelLike | undefined;
  const hydrate = model !== undefined && options.mapToModel !== false && !options.raw;
  // Instances convert their values by attribute type below; other rows get what v6's driver gives.
  let rows = !hydrate && shapes.driverRows ? shapes.driverRows(result) : result.rows;
  if (options.nest) rows = rows.map(nestDottedKeys);

  switch (type) {
    case QueryTypes.SELECT: {
      // `mapToModel` renames columns to attribute names (`first_name` → `firstName`) through v6's fieldMap.
      const columns = options.fieldMap ? new Map(Object.entries(options.fieldMap)) : model && options.mapToModel ? model.definition?.attributeByColumn : undefined;
      let selected: unknown[] = columns && columns.size > 0 ? rows.map((row) => renameColumns({ ...row }, columns)) : rows;
      if (hydrate) {
        const convert = attributeValues(model, runner);
        selected = selected.map((row) => new model(convert(row as Record<string, unknown>), { isNewRecord: false, raw: true }));
      }
      return options.plain ? (selected[0] ?? null) : selected;
    }
    case QueryTypes.INSERT:
      return shapes.insert(result);
    case QueryTypes.UPSERT:
      return shapes.upsert(result);
    case QueryTypes.VERSION:
      // v6 reads the `version` column (PostgreSQL's SHOW SERVER_VERSION: `server_version`).
      return rows[0]?.['version'] ?? rows[0]?.['server_version'];
    case QueryTypes.UPDATE:
      return shapes.update(result);
    case QueryTypes.DELETE:
      return shapes.delete(result);
    case QueryTypes.BULKUPDATE:
    case QueryTypes.BULKDELETE:
      return result.affectedRows;
    case QueryTypes.SHOWTABLES:
      return shapes.showTables(rows);
    case QueryTypes.DESCRIBE:
      return shapes.describe(rows);
    default:
      if (options.plain) return rows[0] ?? null;
      return shapes.untyped(compiled.sql, rows === result.rows ? result : { ...result, rows });
  }
}

type Sql = string | { query: string; values?: unknown[] };
type WithType<T extends string> = RawQueryOptions & { type: T };
type WithModel<M> = RawQueryOptions & { model: abstract new (...args: never) => M };

// `sequelize.query`'s results typed as sequelize@6 types them, by `type`, `model` and `plain`
// (`query<{ n: number }>(sql, { type: QueryTypes.SELECT })` is `Promise<{ n: number }[]>`).
declare module './sequelize.js' {
  interface Sequelize {
    query(sql: Sql, options: WithType<'UPDATE'>): Promise<[undefined, number]>;
    query(sql: Sql, options: WithType<'BULKUPDATE'>): Promise<number>;
    query(sql: Sql, options: WithType<'INSERT'>): Promise<[number, number]>;
    query(sql: Sql, options: WithType<'UPSERT'>): Promise<number>;
    query(sql: Sql, options: WithType<'DELETE'>): Promise<void>;
    query(sql: Sql, options: WithType<'BULKDELETE'>): Promise<number>;
    query(sql: Sql, options: WithType<'SHOWTABLES'>): Promise<string[]>;
    query(sql: Sql, options: WithType<'DESCRIBE'>): Promise<Record<string, unknown>>;
    query<M>(sql: Sql, options: WithModel<M> & { plain: true }): Promise<M | null>;
    query<M>(sql: Sql, options: WithModel<M>): Promise<M[]>;
    query<T extends object>(sql: Sql, options: WithType<'SELECT'> & { plain: true }): Promise<T | null>;
    query<T extends object>(sql: Sql, options: WithType<'SELECT'>): Promise<T[]>;
    query(sql: Sql, options: RawQueryOptions & { plain: true }): Promise<Record<string, unknown> | null>;
    query(sql: Sql, options?: RawQueryOptions): Promise<[unknown[], unknown]>;
  }
}
