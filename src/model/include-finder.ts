import type { FindOptions } from '../query/find-options.js';
import { splitOrder, type SplitOrder } from '../query/include-order.js';
import { planIncludes, type IncludeModel, type IncludeNode } from '../query/include-plan.js';
import { orderRestriction, rootCondition, splitWhere, type JoinedWhere } from '../query/include-joined-where.js';
import { pathResolver, requiredRestrictions } from '../query/include-sql.js';
import type { BuildContext } from '../query/query-context.js';
import { buildRootSelect, findWhere, groupNodes, type SelectedColumn } from '../query/select-builder.js';
import { sql, type ExprNode, type JoinNode, type SelectNode } from '../sql/nodes.js';
import { ignoringAttributes, loadJoined, needsJoinedMode } from './include-aggregate.js';
import { aggregateJoined, countJoined, type JoinedAggregate } from './include-count.js';
import { JoinedLoader } from './include-joined-load.js';
import { loadLevels, neededKeys, shownAttributes, stripAdded, withNeededKeys, type Instance } from './include-load.js';
import { rawRows, withRawKeys } from './include-raw.js';
import { nestedRightParent, nullsGoFirst, rightOuterParents } from './include-right.js';
import type { ModelClass } from './model-internals.js';
import { readOptions } from './query-scope.js';
import { rowConverter } from './row-mapper.js';

/*
 * Eager loading. The root query returns exactly the root rows the caller asked for: a required include (its
 * own `required: true`, a `where`, a `through.where`) is an EXISTS on the root's WHERE, and an order on an
 * included column a subquery in its ORDER BY, so `limit`/`offset` count root rows that match. Each include
 * level is then one keyed query (model/include-load.ts). Nothing is joined into the root rows, so 1,000 pugs
 * with 10 friends and 10 toys each read 1,000 + 10,000 + 10,000 rows, never their 100,000-row product.
 */

export type { Instance } from './include-load.js';

function asIncludeModel(model: ModelClass): IncludeModel {
  return model as unknown as IncludeModel;
}

export function planOf(model: ModelClass, include: unknown, context: BuildContext): IncludeNode[] {
  return planIncludes(asIncludeModel(model), include, context.dialect);
}

/**
 * The root's build context, resolving `$owner.name$` through LEFT JOINs of to-one includes (collected in
 * `joins`); with `members`, paths through to-many includes are collected there (the root's where only).
 */
function withPaths(model: ModelClass, context: BuildContext, tree: readonly IncludeNode[], joins: JoinNode[], members?: Set<IncludeNode>): BuildContext {
  return { ...context, resolvePath: pathResolver(tree, { alias: context.scope.alias, definition: model.definition }, joins, members) };
}

interface RootWhere {
  readonly where: ExprNode | undefined;
  /** Set when the where refers to to-many included columns (`'$friends.name$'`). */
  readonly joined: JoinedWhere | undefined;
}

/** The root WHERE with the EXISTS of every required include, and of the joined includes its where refers to. */
function rootWhere(model: ModelClass, options: FindOptions, context: BuildContext, tree: readonly IncludeNode[], joins: JoinNode[], exclude?: IncludeNode): RootWhere {
  const members = new Set<IncludeNode>();
  const root = { alias: context.scope.alias, definition: model.definition };
  const conditions: ExprNode[] = [];
  const where = findWhere(options, withPaths(model, context, tree, joins, members));
  let joined: JoinedWhere | undefined;
  if (members.size === 0) {
    if (where) conditions.push(where);
  } else {
    const split = splitWhere(where, members);
    conditions.push(...split.plain);
    joined = { members, condition: sql.and(split.joined), root, rootJoins: joins, tree };
    conditions.push(rootCondition(joined));
  }
  conditions.push(...requiredRestrictions(exclude ? tree.filter((node) => node !== exclude) : tree, root));
  return { where: conditions.length === 0 ? undefined : sql.and(conditions), joined };
}

/** Eager loading entry point: root rows, then each include level, then instances carry their children. */
export async function loadIncludes(model: ModelClass, options: FindOptions, rootContext: BuildContext): Promise<unknown[]> {
  const planned = planOf(model, options.include, rootContext);
  const ignoring = options['includeIgnoreAttributes'] === false ? ignoringAttributes(planned) : planned;
  const tree = options.raw ? withRawKeys(ignoring) : ignoring;
  if (needsJoinedMode(model, options, rootContext, tree)) return loadJoined(model, options, rootContext, tree);
  const joins: JoinNode[] = [];
  const context = withPaths(model, rootContext, tree, joins);
  const { where, joined } = rootWhere(model, options, rootContext, tree, joins);
  const restrict = joined ? (hops: readonly IncludeNode[]) => orderRestriction(joined, hops) : undefined;
  const split = splitOrder(options.order, { model: asIncludeModel(model), context, nodes: tree, parentAlias: '', ...(restrict ? { restrict } : {}) });
  const definition = model.definition;
  const needed = neededKeys(tree);
  const { attributes, added } = withNeededKeys(options.attributes, needed);
  const root = buildRootSelect({ ...options, attributes, where: undefined, order: undefined }, context);
  const node: SelectNode = { ...root.node, joins, where, orderBy: split.orderBy };
  const runner = model.host.queryRunner;
  const rows = await runner.rows(runner.dialect.compiler.compile(node), readOptions(options));
  const convert = rowConverter(definition, runner.dialect, root.columns);
  const selectedNames = options.attributes === undefined ? undefined : shownAttributes(model, options.attributes, root.columns.map((column) => column.key).filter((name) => !added.includes(name)));
  const parents = rows.map((row) => new model(convert(row), { isNewRecord: false, raw: true, ...(selectedNames ? { attributes: selectedNames } : {}) })) as Instance[];
  const loader = joined ? new JoinedLoader(joined) : undefined;
  loader?.setRoots(parents);
  await loadLevels(parents, tree, split.pushed, options, loader);
  await addRightOuter(model, options, rootContext, tree, joins, parents, root.columns.filter((column) => !added.includes(column.key)), split);
  // v6 appends a separate include's source key to the root's attributes for good: its instances keep it.
  const kept = new Set(tree.filter((item) => item.separate).map((item) => item.keys.parentKey));
  stripAdded(parents, kept.size === 0 ? added : added.filter((name) => !kept.has(name)));
  for (const parent of parents) parent._options = { ...parent._options, include: tree.map((item) => item.item), includeNames: tree.map((item) => item.as) };
  if (options.raw) return rawRows(parents, tree, options.nest === true);
  return parents;
}

/** `right: true` (v6's RIGHT OUTER JOIN): the included rows matching no parent, under all-NULL parents placed as NULLs sort. */
async function addRightOuter(model: ModelClass, options: FindOptions, context: BuildContext, tree: readonly IncludeNode[], joins: JoinNode[], parents: Instance[], columns: readonly SelectedColumn[], split: SplitOrder): Promise<void> {
  for (const node of tree) {
    if (!node.rightOuter && !node.rightPath) continue;
    if (options.limit !== undefined && options.limit !== null && parents.length >= options.limit) continue;
    const { where } = rootWhere(model, options, context, tree, joins, node);
    const root = { alias: context.scope.alias, definition: model.definition };
    const input = { model, root, node, tree, where, rootJoins: joins, columns, pushed: split.pushed.get(node), options };
    const extra = node.rightPath ? await nestedRightParent(input, [node, ...node.rightPath]) : await rightOuterParents(input);
    if (nullsGoFirst(split.orderBy, model.host.queryRunner.dialect.supports.nullsSortFirst)) parents.unshift(...extra);
    else parents.push(...extra);
  }
}

/** Counts root rows (not joined rows): required includes restrict them through EXISTS, others cannot change the count. */
export async function countWithIncludes(model: ModelClass, options: FindOptions, rootContext: BuildContext): Promise<number | Array<Record<string, unknown>>> {
  const tree = planOf(model, options.include, rootContext);
  if (options.group !== undefined && options.group !== null) return countJoined(model, options, rootContext, tree);
  const joins: JoinNode[] = [];
  const context = withPaths(model, rootContext, tree, joins);
  const runner = model.host.queryRunner;
  const definition = model.definition;
  const counted = options.col ? sql.column(definition.columnOf(options.col), context.scope.alias) : undefined;
  const countExpr = counted
    ? sql.fn('COUNT', [options.distinct ? sql.raw(`DISTINCT ${runner.dialect.compiler.compile(counted).sql}`) : counted])
    : sql.fn('COUNT', [sql.star()]);
  const groupBy = groupNodes(options.group, context);
  const { where } = rootWhere(model, options, rootContext, tree, joins);
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(definition.tableName, context.scope.alias, definition.schema),
    columns: [...groupBy.map((expr) => ({ expr })), { expr: countExpr, alias: 'count' }],
    joins,
    ...(where ? { where } : {}),
    groupBy,
  };
  const rows = await runner.rows(runner.dialect.compiler.compile(node), readOptions(options));
  if (groupBy.length > 0) return rows.map((row) => ({ ...row, count: Number(row['count']) }));
  return Number(rows[0]?.['count'] ?? 0);
}

/** `sum`/`max`/`min`/`aggregate` with includes: over the joined rows, as in v6 (model/include-aggregate.ts). */
export function aggregateWithIncludes(model: ModelClass, field: string, clause: string, options: FindOptions, rootContext: BuildContext): JoinedAggregate {
  return aggregateJoined(model, field, clause, options, rootContext, planOf(model, options.include, rootContext));
}
