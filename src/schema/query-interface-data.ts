import type { Dialect } from '../dialects/dialect.js';
import { ModelDefinition } from '../metadata/model-definition.js';
import { updateStatement } from '../query/mutation-plan.js';
import { sql as node, type SelectNode } from '../sql/nodes.js';
import type { BuildContext } from '../query/query-context.js';
import type { QueryRunner, RunOptions } from '../query/query-runner.js';
import { aliasMap, groupNodes, orderNodes, selectColumns } from '../query/select-builder.js';
import { buildWhere } from '../query/where.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { entriesWithSymbols, isPlainObject } from '../utils/object.js';
import { loggingOf, type QueryLogging } from './table-name.js';
import { sampleValue, typeOfValue } from './bulk-rows.js';

/** Column names a where/values object mentions (also under Op.and/Op.or), each with a sample value to type it. */
function collectKeys(value: unknown, keys: Map<string, unknown>): void {
  if (Array.isArray(value)) for (const item of value) collectKeys(item, keys);
  else if (isPlainObject(value)) {
    for (const [key, inner] of entriesWithSymbols(value)) {
      if (typeof key === 'string' && keys.get(key) === undefined) keys.set(key, sampleValue(inner));
      collectKeys(inner, keys);
    }
  }
}

/** Column names used as strings in attributes, order and group lists (`['name', ['id', 'DESC'], [fn(…), 'n']]`). */
function collectNames(value: unknown, keys: Map<string, unknown>): void {
  if (typeof value === 'string') {
    if (!keys.has(value) && value !== '*' && !/^(ASC|DESC)( NULLS (FIRST|LAST))?$/i.test(value)) keys.set(value, undefined);
  } else if (Array.isArray(value)) {
    for (const item of value) if (!(item instanceof SqlFragment)) collectNames(item, keys);
  } else if (isPlainObject(value)) {
    for (const inner of Object.values(value)) collectNames(inner, keys);
  }
}

/** A stand-in definition for a bare table, so where objects (with Op) compile as they do for models. */
export function tableContext(dialect: Dialect, table: string, schema: string | undefined, ...shapes: unknown[]): { definition: ModelDefinition; context: BuildContext } {
  return namedTableContext(dialect, table, schema, shapes, []);
}

function namedTableContext(dialect: Dialect, table: string, schema: string | undefined, shapes: readonly unknown[], names: readonly unknown[]): { definition: ModelDefinition; context: BuildContext } {
  const keys = new Map<string, unknown>();
  for (const shape of shapes) collectKeys(shape, keys);
  for (const list of names) collectNames(list, keys);
  // Values go to the driver in the form their JavaScript type asks (dates, booleans, JSON), as v6 escapes them.
  const attributes = Object.fromEntries([...keys].map(([key, sample]) => [key, { type: typeOfValue(dialect, sample), ...(key === 'id' ? {} : { primaryKey: false }) }]));
  const definition = new ModelDefinition(table, attributes, { tableName: table, timestamps: false, ...(schema ? { schema } : {}) });
  return { definition, context: { dialect, scope: { definition, alias: table } } };
}

export interface DataOptions {
  transaction?: unknown;
  logging?: QueryLogging;
  [extra: string]: unknown;
}

export function runOptionsOf(options: DataOptions): RunOptions {
  return { transaction: options.transaction as never, ...loggingOf(options) };
}

/** `queryInterface.bulkUpdate(table, values, where)`: the number of rows changed. */
export async function bulkUpdateRows(runner: QueryRunner, table: string, schema: string | undefined, values: Record<string, unknown>, where: unknown, options: DataOptions): Promise<number> {
  const { definition, context } = tableContext(runner.dialect, table, schema, values, where);
  const statement = updateStatement(definition, values, buildWhere(where, context), context);
  return (await runner.run(runner.dialect.compiler.compile(statement), runOptionsOf(options))).affectedRows;
}

export interface SelectRowsOptions extends DataOptions {
  where?: unknown;
  attributes?: unknown;
  order?: unknown;
  group?: unknown;
  having?: unknown;
  limit?: number;
  offset?: number;
}

/** v6's `selectQuery(table, options)` on a bare table: `SELECT *` unless `attributes` names columns. */
export function selectStatement(dialect: Dialect, table: string, schema: string | undefined, options: SelectRowsOptions, model?: ModelDefinition): SelectNode {
  const { context } = model
    ? { context: { dialect, scope: { definition: model, alias: table } } as BuildContext }
    : namedTableContext(dialect, table, schema, [options.where, options.having], [options.attributes, options.order, options.group]);
  const columns = options.attributes === undefined ? [{ expr: node.star() }] : selectColumns(options.attributes as never, context).columns;
  const withAliases: BuildContext = { ...context, selectAliases: aliasMap(columns) };
  const where = buildWhere(options.where, context);
  const having = options.having === undefined ? undefined : buildWhere(options.having, withAliases);
  return {
    kind: 'select',
    from: node.table(table, undefined, model ? model.schema : schema),
    columns,
    ...(where ? { where } : {}),
    groupBy: groupNodes(options.group, withAliases),
    ...(having ? { having } : {}),
    orderBy: orderNodes(options.order, withAliases),
    ...(options.limit !== undefined && options.limit !== null ? { limit: options.limit } : {}),
    ...(options.offset !== undefined && options.offset !== null ? { offset: options.offset } : {}),
  };
}

/** `SELECT … FROM table WHERE …` for rawSelect/select: the driver's rows. */
export async function selectRows(runner: QueryRunner, table: string, schema: string | undefined, options: SelectRowsOptions, model?: ModelDefinition): Promise<Record<string, unknown>[]> {
  const statement = selectStatement(runner.dialect, table, schema, options, model);
  return (await runner.run(runner.dialect.compiler.compile(statement), { ...runOptionsOf(options), expectRows: true })).rows;
}
