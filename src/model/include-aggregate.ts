import type { FindOptions } from '../query/find-options.js';
import { columnReference, fragmentToNode } from '../query/fragments.js';
import { memberJoins } from '../query/include-joined-where.js';
import { splitOrder } from '../query/include-order.js';
import type { IncludeModel, IncludeNode } from '../query/include-plan.js';
import { pathResolver, requiredRestrictions, type ParentScope } from '../query/include-sql.js';
import type { BuildContext } from '../query/query-context.js';
import { aliasMap, buildRootSelect, findWhere, groupNodes, selectColumns } from '../query/select-builder.js';
import { buildWhere } from '../query/where.js';
import { sql, type ExprNode, type JoinNode, type SelectNode } from '../sql/nodes.js';
import { SqlFragment } from '../sql/sql-helpers.js';
import { toArray } from '../utils/object.js';
import { keyOf, loadLevels, neededKeys, stripAdded, type Instance } from './include-load.js';
import { rawRows } from './include-raw.js';
import type { ModelClass } from './model-internals.js';
import { runOptions } from './query-scope.js';
import { rowConverter } from './row-mapper.js';

/*
 * The joined mode: Sequelize's way of counting or summing included rows in the root query,
 * `findAll({ attributes: [[fn('COUNT', col('friends.id')), 'n']], include: [{ model: Friend, attributes: [] }], group: ['pug.id'] })`.
 * When the root's attributes, group, having or order name a column of a to-many include (or a `group` comes
 * with a to-many include that reads no attributes, as `literal('COUNT(toys.id)')` needs), those includes are
 * LEFT JOINed into the root query under v6's aliases (`friends`, `friends->friendship`, `friends->toys`) —
 * every include with `attributes: []` too, as v6 joins them — and the root rows come back as the database
 * groups them. Includes that read attributes still load one query per level from the root rows.
 */

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

function resolving(model: ModelClass, context: BuildContext, tree: readonly IncludeNode[], joins: JoinNode[], joined: Set<IncludeNode>): BuildContext {
  return { ...context, resolvePath: pathResolver(tree, { alias: context.scope.alias, definition: model.definition }, joins, undefined, joined) };
}

function hasSilentMany(nodes: readonly IncludeNode[]): boolean {
  return nodes.some((node) => !node.separate && node.limit === undefined && node.noAttributes && (node.isMany || hasSilentMany(node.children)));
}

/** Whether the root's attributes, group, having or order aggregate over to-many includes (and so need them joined). */
export function needsJoinedMode(model: ModelClass, options: FindOptions, context: BuildContext, tree: readonly IncludeNode[]): boolean {
  const joined = new Set<IncludeNode>();
  const probe = resolving(model, context, tree, [], joined);
  const { columns } = selectColumns(options.attributes, probe);
  const withAliases: BuildContext = { ...probe, selectAliases: aliasMap(columns) };
  groupNodes(options.group, withAliases);
  if (options.having !== undefined) buildWhere(options.having, withAliases);
  for (const item of toArray(options.order as unknown[] | undefined)) {
    const head = Array.isArray(item) ? item[0] : item;
    if (head instanceof SqlFragment) fragmentToNode(head, withAliases);
  }
  if ([...joined].some((node) => node.isMany)) return true;
  return options.group !== undefined && options.group !== null && hasSilentMany(tree);
}

/** `attributes: []` all the way down: such an include is only there for the join and sets no key. */
function silent(node: IncludeNode): boolean {
  return node.noAttributes && node.children.every(silent);
}

/** The joined includes: those the root refers to (with the hops above them) and every joinable one reading no attributes. */
function joinedNodes(nodes: readonly IncludeNode[], referenced: ReadonlySet<IncludeNode>, into: Set<IncludeNode>): void {
  for (const node of nodes) {
    if (node.separate || node.limit !== undefined) continue;
    if (!referenced.has(node) && !node.noAttributes) continue;
    into.add(node);
    joinedNodes(node.children, referenced, into);
  }
}

/** The includes still loaded one query per level: all but those only joined (`attributes: []` all the way down). */
function loadedTree(nodes: readonly IncludeNode[]): IncludeNode[] {
  return nodes.filter((node) => node.separate || node.limit !== undefined || !silent(node));
}

/** The joins of the joined includes, after the to-one joins the root's `$owner.name$` paths made. */
export function joinedIncludeJoins(tree: readonly IncludeNode[], root: ParentScope, referenced: ReadonlySet<IncludeNode>, joins: readonly JoinNode[]): JoinNode[] {
  const members = new Set<IncludeNode>();
  joinedNodes(tree, referenced, members);
  const present = new Set(joins.map((join) => (join.from.kind === 'table' ? join.from.alias : undefined)));
  const skip = new Set([...members].filter((node) => present.has(node.alias)));
  return [...joins, ...memberJoins(tree, root, members, skip)];
}

/** A root row's identity: its primary key when selected, else all its values (v6 folds joined rows so). */
function identity(values: Record<string, unknown>, keys: readonly string[]): string {
  const parts = keys.length > 0 && keys.every((key) => key in values) ? keys.map((key) => values[key]) : Object.values(values);
  return parts.map((value) => String(keyOf(value) ?? '\u0000')).join('\u0001');
}

function nestDotted(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const path = key.split('.');
    let target = out;
    for (const step of path.slice(0, -1)) target = (target[step] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = value;
  }
  return out;
}

/** findAll in the joined mode. */
export async function loadJoined(model: ModelClass, options: FindOptions, rootContext: BuildContext, tree: readonly IncludeNode[]): Promise<unknown[]> {
  const referenced = new Set<IncludeNode>();
  const toOne: JoinNode[] = [];
  const context = resolving(model, rootContext, tree, toOne, referenced);
  const root: ParentScope = { alias: context.scope.alias, definition: model.definition };
  const definition = model.definition;
  const loaded = loadedTree(tree);
  const needed = neededKeys(loaded);
  let added: string[] = [];
  let attributes = options.attributes;
  if (Array.isArray(attributes)) {
    added = needed.filter((name) => !(attributes as unknown[]).includes(name));
    attributes = [...attributes, ...added];
  } else if (attributes && typeof attributes === 'object') {
    const exclude = (attributes as { exclude?: string[] }).exclude ?? [];
    added = needed.filter((name) => exclude.includes(name));
    attributes = { ...attributes, exclude: exclude.filter((name) => !added.includes(name)) };
  }
  const select = buildRootSelect({ ...options, attributes, where: undefined, order: undefined }, context);
  const withAliases: BuildContext = { ...context, selectAliases: aliasMap(select.node.columns) };
  const split = splitOrder(options.order, { model: model as unknown as IncludeModel, context: withAliases, nodes: tree, parentAlias: '' });
  const where: ExprNode[] = [];
  const own = findWhere(options, context);
  if (own) where.push(own);
  where.push(...requiredRestrictions(tree, root));
  const node: SelectNode = {
    ...select.node,
    joins: joinedIncludeJoins(tree, root, referenced, toOne),
    where: where.length === 0 ? undefined : sql.and(where),
    orderBy: split.orderBy,
  };
  const runner = model.host.queryRunner;
  const rows = await runner.rows(runner.dialect.compiler.compile(node), runOptions(options));
  const convert = rowConverter(definition, runner.dialect, select.columns);
  if (options.raw && loaded.length === 0) return options.nest ? rows.map((row) => nestDotted(convert(row))) : rows.map(convert);
  const selectedNames = options.attributes === undefined ? undefined : select.columns.map((column) => column.key).filter((name) => !added.includes(name));
  const built = { isNewRecord: false, raw: true, ...(selectedNames ? { attributes: selectedNames } : {}) };
  const seen = new Set<string>();
  const parents: Instance[] = [];
  for (const row of rows) {
    const values = convert(row);
    const key = identity(values, definition.primaryKeyAttributes);
    if (seen.has(key)) continue;
    seen.add(key);
    parents.push(new (model as unknown as Build)(values, built));
  }
  await loadLevels(parents, loaded, split.pushed, options);
  stripAdded(parents, added);
  for (const parent of parents) parent._options = { ...parent._options, include: tree.map((item) => item.item), includeNames: tree.map((item) => item.as) };
  if (options.raw) return rawRows(parents, loaded, options.nest === true);
  return parents;
}

function joinable(nodes: readonly IncludeNode[], into: Set<IncludeNode>): Set<IncludeNode> {
  for (const node of nodes) {
    if (node.separate || node.limit !== undefined) continue;
    into.add(node);
    joinable(node.children, into);
  }
  return into;
}

/**
 * `count({ include, group })`, as v6 answers it: the includes joined, so each group counts its joined rows
 * (`Pug.count({ include: [Toy], group: ['pug.id'] })` is each pug's toys, 1 for a pug without any); `distinct`
 * counts distinct root keys, and `col` may name an included column (`col: 'toys.id'`).
 */
export async function countJoined(model: ModelClass, options: FindOptions, rootContext: BuildContext, tree: readonly IncludeNode[]): Promise<Array<Record<string, unknown>>> {
  const toOne: JoinNode[] = [];
  const context = resolving(model, rootContext, tree, toOne, new Set());
  const definition = model.definition;
  const root: ParentScope = { alias: context.scope.alias, definition };
  const runner = model.host.queryRunner;
  const counted = options.col
    ? columnReference(options.col, context)
    : options.distinct ? sql.column(definition.columnOf(definition.primaryKeyAttributes[0]!), root.alias) : sql.star();
  const countExpr = sql.fn('COUNT', [options.distinct ? sql.raw(`DISTINCT ${runner.dialect.compiler.compile(counted).sql}`) : counted]);
  const groupBy = groupNodes(options.group, context);
  const where: ExprNode[] = [];
  const own = findWhere(options, context);
  if (own) where.push(own);
  where.push(...requiredRestrictions(tree, root));
  const members = joinable(tree, new Set());
  const present = new Set(toOne.map((join) => (join.from.kind === 'table' ? join.from.alias : undefined)));
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(definition.tableName, root.alias, definition.schema),
    columns: [...groupBy.map((expr) => ({ expr })), { expr: countExpr, alias: 'count' }],
    joins: [...toOne, ...memberJoins(tree, root, members, new Set([...members].filter((item) => present.has(item.alias))))],
    ...(where.length > 0 ? { where: sql.and(where) } : {}),
    groupBy,
  };
  const rows = await runner.rows(runner.dialect.compiler.compile(node), runOptions(options));
  return rows.map((row) => ({ ...row, count: Number(row['count']) }));
}
