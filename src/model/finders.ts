import { EmptyResultError, QueryError } from '../errors/usage-errors.js';
import { isVirtual } from '../metadata/attributes.js';
import type { FindOptions } from '../query/find-options.js';
import { aggregateWithIncludes, countWithIncludes, loadIncludes } from './include-finder.js';
import { shownAttributes } from './include-load.js';
import { buildRootSelect, findWhere, groupNodes, orderNodes } from '../query/select-builder.js';
import type { BuildContext } from '../query/query-context.js';
import { sql, type ExprNode, type SelectNode } from '../sql/nodes.js';
import { buildWhere, unknownAttribute } from '../query/where.js';
import { Op } from '../sql/operators.js';
import { isPlainObject, nestDottedKeys } from '../utils/object.js';
import { hasHooks, runHooks, type BuildOptions, type ModelClass, type ModelInstance } from './model-internals.js';
import { readOptions, rootContext, runOptions } from './query-scope.js';
import { rowConverter, rowReader, type RowConverter, type RowReader } from './row-mapper.js';
import type { CompiledQuery } from '../sql/compiler.js';
import type { RunOptions } from '../query/query-runner.js';
import { mergeScope } from './scopes.js';
import { findHookDefaults } from './hook-options.js';
import { cached } from './statement-cache.js';
import { sql as sqlNodes } from '../sql/nodes.js';
import { bindFinderLiterals } from '../query/finder-replacements.js';
import { aggregateValue } from './aggregate-values.js';

function prepareOptions(model: ModelClass, options: FindOptions | undefined): FindOptions {
  return mergeScope(model.activeScope, { ...(options ?? {}) }, model.definition.options.whereMergeStrategy) as FindOptions;
}

/** v6's QueryError for `findAll(5)` / `findOne('x')` (which would otherwise read every row), naming the model. */
function checkFinderArgument(model: ModelClass, method: string, given: unknown): void {
  if (given !== undefined && !isPlainObject(given)) {
    throw new QueryError(`The argument passed to ${method} must be an options object, use findByPk if you wish to pass a single primary key value (${model.name}.${method} got ${typeof given === 'string' ? `"${given}"` : String(given)})`);
  }
}

export async function findAll(model: ModelClass, given?: FindOptions): Promise<unknown[]> {
  checkFinderArgument(model, 'findAll', given);
  const options = prepareOptions(model, given);
  if (options.hooks !== false && (hasHooks(model, 'beforeFind') || hasHooks(model, 'beforeFindAfterExpandIncludeAll') || hasHooks(model, 'beforeFindAfterOptions'))) {
    findHookDefaults(options as Record<string, unknown>, (model.definition.options as { rejectOnEmpty?: unknown }).rejectOnEmpty);
    // v6's three stages (as given, after include: { all } expands, after options are completed) run in turn.
    if (hasHooks(model, 'beforeFind')) await runHooks(model, 'beforeFind', options);
    if (hasHooks(model, 'beforeFindAfterExpandIncludeAll')) await runHooks(model, 'beforeFindAfterExpandIncludeAll', options);
    if (hasHooks(model, 'beforeFindAfterOptions')) await runHooks(model, 'beforeFindAfterOptions', options);
  }
  bindFinderLiterals(options);
  const context = rootContext(model);
  let results: unknown[];
  if (options.include !== undefined && !(Array.isArray(options.include) && options.include.length === 0)) {
    results = await loadIncludes(model, options, context);
  } else {
    const root = buildRootSelect(options, context);
    if (root.node.columns.length === 0) throw new QueryError(`Attempted a SELECT query for model '${model.name}' without selecting any columns: attributes is empty.`);
    const runner = model.host.queryRunner;
    const rows = await runner.rows(runner.dialect.compiler.compile(root.node), readOptions(options));
    const convert = rowConverter(model.definition, runner.dialect, root.columns, options.raw === true);
    if (options.raw) {
      results = options.nest ? rows.map((row) => nestDottedKeys(convert(row))) : rows.map(convert);
    } else {
      const attributes = options.attributes === undefined ? undefined : shownAttributes(model, options.attributes, root.columns.map((column) => column.key));
      // One options object for the whole result: hydrated instances only ever read it.
      const built: BuildOptions = attributes ? { isNewRecord: false, raw: true, attributes } : { isNewRecord: false, raw: true };
      results = new Array(rows.length);
      for (let index = 0; index < rows.length; index += 1) results[index] = new model(convert(rows[index]!), built);
    }
  }
  // findOne/findByPk hand afterFind the one instance (or null), as Sequelize's plain finds do.
  if (options.hooks !== false && hasHooks(model, 'afterFind')) await runHooks(model, 'afterFind', options.plain ? (results[0] ?? null) : results, options);
  if (results.length === 0 && options.rejectOnEmpty) throw emptyResult(model, options.rejectOnEmpty);
  // `plain: true` asks for the first row alone, as Sequelize's findAll answers it.
  if (options.plain) return (results[0] ?? null) as unknown as unknown[];
  return results;
}

function emptyResult(model: ModelClass, rejectOnEmpty: FindOptions['rejectOnEmpty']): Error {
  return rejectOnEmpty instanceof Error ? rejectOnEmpty : EmptyResultError.forModel(model.name);
}

/** The column an aggregate or `count({ col })` reads: an attribute (by name or column), `*`, or `model.attribute`. */
function hasInclude(options: FindOptions): boolean {
  return options.include !== undefined && options.include !== null && !(Array.isArray(options.include) && options.include.length === 0);
}

function aggregateTarget(model: ModelClass, field: string, clause: string): ExprNode {
  if (field === '*') return sql.star();
  const definition = model.definition;
  const name = field.startsWith(`${model.name}.`) ? field.slice(model.name.length + 1) : field;
  const attribute = definition.attribute(name) ?? (definition.attributeByColumn.has(name) ? definition.attribute(definition.attributeByColumn.get(name)!) : undefined);
  if (!attribute || isVirtual(attribute)) throw unknownAttribute(definition, field, clause);
  return sql.column(attribute.field, model.name);
}

export async function findOne(model: ModelClass, given?: FindOptions): Promise<unknown> {
  checkFinderArgument(model, 'findOne', given);
  const options: FindOptions = { ...(given ?? {}) };
  if (options.limit === undefined && !whereIsPrimaryKey(model, options.where)) options.limit = 1;
  const found = ((await findAll(model, { ...options, plain: true, rejectOnEmpty: false })) as unknown) ?? null;
  if (found === null && options.rejectOnEmpty) throw emptyResult(model, options.rejectOnEmpty);
  return found;
}

function whereIsPrimaryKey(model: ModelClass, where: unknown): boolean {
  if (!isPlainObject(where)) return false;
  const keys = model.definition.primaryKeyAttributes;
  return keys.length > 0 && keys.every((key) => where[key] !== undefined && !isPlainObject(where[key]) && !Array.isArray(where[key]));
}

/** The plain `findByPk(id)`: same SQL every time, so it is compiled once per model shape. */
function canUseCachedLookup(model: ModelClass, key: unknown, options: FindOptions | undefined): boolean {
  if (options !== undefined && Object.keys(options).some((option) => option !== 'transaction' && option !== 'logging')) return false;
  if (model.activeScope !== undefined || hasHooks(model, 'beforeFind') || hasHooks(model, 'afterFind')) return false;
  if (hasHooks(model, 'beforeFindAfterExpandIncludeAll') || hasHooks(model, 'beforeFindAfterOptions')) return false;
  return model.definition.primaryKeyAttributes.length === 1 && (typeof key === 'number' || typeof key === 'string' || typeof key === 'bigint');
}

interface LookupPlan {
  readonly compiled: CompiledQuery;
  /** Turns the driver's row (an array in select order where the dialect gives them) into attribute values. */
  readonly read: RowConverter | RowReader;
  readonly run: RunOptions;
}

/** Per model class (its name is the SQL alias), checked against the definition's version. */
const lookupPlans = new WeakMap<ModelClass, { version: number; plan: LookupPlan }>();

function lookupPlan(model: ModelClass): LookupPlan {
  const definition = model.definition;
  const known = lookupPlans.get(model);
  if (known !== undefined && known.version === definition.version) return known.plan;
  const plan = cached(definition, `findByPk:${model.name}`, () => {
    const runner = model.host.queryRunner;
    const primaryKey = definition.primaryKeyAttributes[0]!;
    const context = rootContext(model);
    const root = buildRootSelect({ paranoid: true }, context);
    const where = sqlNodes.eq(sqlNodes.column(definition.columnOf(primaryKey), model.name), sqlNodes.value(undefined));
    const node: SelectNode = { ...root.node, where: root.node.where ? sqlNodes.and([where, root.node.where]) : where };
    const compiled = runner.dialect.compiler.compile(node);
    // An array row read into an object built here costs the driver ~25% less than its own row object.
    if (runner.dialect.supports.arrayRows) return { compiled, read: rowReader(definition, runner.dialect, root.columns, (column) => column.key, 0), run: { expectRows: true, shape: 'firstArray' as const, read: true } };
    return { compiled, read: rowConverter(definition, runner.dialect, root.columns), run: { expectRows: true, shape: 'first' as const, read: true } };
  });
  lookupPlans.set(model, { version: definition.version, plan });
  return plan;
}

/** Not `async`: one promise from the driver call to the instance, no option objects when none are given. */
function cachedLookup(model: ModelClass, key: unknown, options: FindOptions | undefined): Promise<unknown> {
  const runner = model.host.queryRunner;
  const plan = lookupPlan(model);
  const attribute = model.definition.attributes[model.definition.primaryKeyAttributes[0]!]!;
  const parameters = plan.compiled.parameters.length === 1 ? [undefined as unknown] : [...plan.compiled.parameters];
  // toDriver sanitizes (`'7'` → 7 for an INTEGER key) before converting.
  parameters[0] = runner.dialect.types.toDriver(attribute.type, key);
  const run = options === undefined ? plan.run : { ...readOptions(options), shape: plan.run.shape };
  const query = { sql: plan.compiled.sql, parameters };
  // A driver that answers at once (SQLite) makes the instance now: one settled promise in all.
  const answered = runner.runNow(query, run);
  if (answered !== undefined) return Promise.resolve(foundInstance(model, plan, answered.rows[0]));
  return runner.run(query, run).then((result) => foundInstance(model, plan, result.rows[0]));
}

function foundInstance(model: ModelClass, plan: LookupPlan, row: Record<string, unknown> | undefined): unknown {
  return row === undefined ? null : new model(plan.read(row), { isNewRecord: false, raw: true });
}

export function findByPk(model: ModelClass, key: unknown, options?: FindOptions): Promise<unknown> {
  try {
    if (canUseCachedLookup(model, key, options)) {
      const problem = model.definition.attributes[model.definition.primaryKeyAttributes[0]!]!.type.validate(key);
      if (problem === null) return cachedLookup(model, key, options);
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return findByPkInGeneral(model, key, options);
}

async function findByPkInGeneral(model: ModelClass, key: unknown, options?: FindOptions): Promise<unknown> {
  if (key === null || key === undefined) {
    if (options?.rejectOnEmpty) throw emptyResult(model, options.rejectOnEmpty);
    return null;
  }
  const primaryKey = model.definition.primaryKeyAttributes[0]!;
  const where = isPlainObject(key) ? key : { [primaryKey]: key };
  return findOne(model, { ...(options ?? {}), where: options?.where ? { [Op.and]: [where, options.where] } : where });
}

export async function count(model: ModelClass, given?: FindOptions): Promise<number | Array<Record<string, unknown>>> {
  const options = prepareOptions(model, given);
  if (options.hooks !== false && hasHooks(model, 'beforeCount')) {
    // v6 counts with `hooks` defaulted and `raw: true` set before its hook.
    const counting = options as Record<string, unknown>;
    if (counting['hooks'] === undefined) counting['hooks'] = true;
    counting['raw'] = true;
    await runHooks(model, 'beforeCount', options);
  }
  bindFinderLiterals(options);
  const context = rootContext(model);
  if (options.include !== undefined && !(Array.isArray(options.include) && options.include.length === 0)) {
    return countWithIncludes(model, options, context);
  }
  const runner = model.host.queryRunner;
  const target = options.col
    ? aggregateTarget(model, options.col, 'count({ col })')
    : options.distinct
      ? sql.column(model.definition.columnOf(model.definition.primaryKeyAttributes[0]!), model.name)
      : sql.star();
  const counted = options.distinct ? sql.fn('COUNT', [sql.raw(`DISTINCT ${runner.dialect.compiler.compile(target).sql}`)]) : sql.fn('COUNT', [target]);
  const groupBy = groupNodes(options.group, context);
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(model.definition.tableName, model.name, model.definition.schema),
    columns: [...groupBy.map((expr) => ({ expr })), { expr: counted, alias: 'count' }],
    where: findWhere(options, context),
    groupBy,
  };
  const rows = await runner.rows(runner.dialect.compiler.compile(node), readOptions(options));
  if (groupBy.length > 0) return rows.map((row) => ({ ...row, count: Number(row['count']) }));
  return Number(rows[0]?.['count'] ?? 0);
}

export async function aggregate(model: ModelClass, field: string, fn: string, given?: FindOptions & { dataType?: unknown; plain?: boolean }): Promise<unknown> {
  const options = prepareOptions(model, given) as FindOptions & { dataType?: unknown };
  bindFinderLiterals(options);
  const context = rootContext(model);
  const joined = hasInclude(options) ? aggregateWithIncludes(model, field, `${fn}()`, options, context) : undefined;
  const column = joined ? joined.column : aggregateTarget(model, field, `${fn}()`);
  const attribute = joined ? joined.attribute : column.kind === 'column' ? model.definition.attribute(model.definition.attributeByColumn.get(column.name) ?? field) : undefined;
  const groupBy = joined ? joined.groupBy : groupNodes(options.group, context);
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(model.definition.tableName, model.name, model.definition.schema),
    columns: [...groupBy.map((expr) => ({ expr })), { expr: sql.fn(fn.toUpperCase(), [options.distinct ? sql.raw(`DISTINCT ${model.host.queryRunner.dialect.compiler.compile(column).sql}`) : column]), alias: fn }],
    ...(joined ? { joins: joined.joins, ...(joined.where ? { where: joined.where } : {}) } : { where: findWhere(options, context), ...aggregateClauses(options, context) }),
    groupBy,
  };
  const runner = model.host.queryRunner;
  const rows = await runner.rows(runner.dialect.compiler.compile(node), readOptions(options));
  const parse = (value: unknown): unknown => aggregateValue(fn, attribute, options.dataType, runner.dialect.types, value);
  if (groupBy.length > 0 || options.plain === false) return rows.map((row) => ({ ...row, [fn]: parse(row[fn]) }));
  return parse(rows[0]?.[fn]);
}

/** v6's aggregate is a SELECT of the finder's options: its `having`, `order`, `limit` and `offset` apply. */
function aggregateClauses(options: FindOptions, context: BuildContext): Pick<SelectNode, 'having' | 'orderBy' | 'limit' | 'offset'> {
  const clauses: { -readonly [K in 'having' | 'orderBy' | 'limit' | 'offset']?: SelectNode[K] } = {};
  if (options.having !== undefined) clauses.having = buildWhere(options.having, context);
  if (options.order !== undefined) clauses.orderBy = orderNodes(options.order, context);
  if (options.limit !== undefined && options.limit !== null) clauses.limit = options.limit;
  if (options.offset !== undefined && options.offset !== null) clauses.offset = options.offset;
  return clauses;
}

export async function findAndCountAll(model: ModelClass, options: FindOptions = {}): Promise<{ count: unknown; rows: unknown[] }> {
  const countOptions: FindOptions = { ...options, attributes: undefined, order: undefined, limit: undefined, offset: undefined };
  // Root rows, not joined rows (a documented difference); with `group` v6's per-group count of joined rows.
  if (options.include !== undefined && (options.group === undefined || options.group === null)) countOptions.distinct = true;
  const [total, rows] = await Promise.all([count(model, countOptions), findAll(model, options)]);
  return { count: total, rows };
}

export { findCreateFind, findOrBuild, findOrCreate } from './find-or-create.js';

export type { ModelInstance };

