import type { FindOptions } from '../query/find-options.js';
import { fragmentToNode } from '../query/fragments.js';
import { memberJoins, splitWhere } from '../query/include-joined-where.js';
import { splitOrder } from '../query/include-order.js';
import type { IncludeModel, IncludeNode } from '../query/include-plan.js';
import { pathResolver, requiredRestrictions, type ParentScope } from '../query/include-sql.js';
import type { BuildContext } from '../query/query-context.js';
import { aliasMap, buildRootSelect, findWhere, groupNodes, selectColumns } from '../query/select-builder.js';
import { buildWhere } from '../query/where.js';
import { sql, type ExprNode, type JoinNode, type SelectNode } from '../sql/nodes.js';
import { Literal, SqlFragment } from '../sql/sql-helpers.js';
import { nestDottedKeys, toArray } from '../utils/object.js';
import { keyOf, loadLevels, neededKeys, stripAdded, withNeededKeys, type Instance } from './include-load.js';
import { inlineNodes, inlineRead } from './include-inline.js';
import { JoinedLoader } from './include-joined-load.js';
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

export function resolving(model: ModelClass, context: BuildContext, tree: readonly IncludeNode[], joins: JoinNode[], joined: Set<IncludeNode>): BuildContext {
  return { ...context, resolvePath: pathResolver(tree, { alias: context.scope.alias, definition: model.definition }, joins, undefined, joined) };
}

function hasSilentMany(nodes: readonly IncludeNode[]): boolean {
  return nodes.some((node) => !node.separate && node.limit === undefined && node.noAttributes && (node.isMany || hasSilentMany(node.children)));
}

function literalTexts(value: unknown, into: string[], depth = 0): string[] {
  if (depth > 20 || value === null || typeof value !== 'object') return into;
  // A subquery (`(SELECT COUNT(*) FROM toys WHERE toys.pugId = pug.id)`) names its own tables, not the includes.
  if (value instanceof Literal) {
    if (!/\bselect\b/i.test(value.val)) into.push(value.val);
  }
  else if (Array.isArray(value)) for (const item of value) literalTexts(item, into, depth + 1);
  else if (value instanceof SqlFragment || Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) literalTexts(item, into, depth + 1);
    for (const symbol of Object.getOwnPropertySymbols(value)) literalTexts((value as Record<symbol, unknown>)[symbol], into, depth + 1);
  }
  return into;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The to-many includes (with the hops above them) a `literal()` of the root's attributes, group, having or
 * order names by alias (`literal('COUNT(toys.id)')`, `"friends->gifts"."id"`): v6 has them joined, so they are.
 */
export function literalReferences(options: FindOptions, tree: readonly IncludeNode[]): Set<IncludeNode> {
  const texts = literalTexts([options.attributes, options.group, options.having, options.order], []);
  const found = new Set<IncludeNode>();
  if (texts.length === 0) return found;
  const visit = (nodes: readonly IncludeNode[], above: readonly IncludeNode[]): void => {
    for (const node of nodes) {
      if (node.separate || node.limit !== undefined) continue;
      const path = [...above, node];
      const named = new RegExp(`(^|[^\\w$>.])[\`"\\[]?${escapeRegExp(node.alias)}[\`"\\]]?\\.`);
      if (path.some((hop) => hop.isMany) && texts.some((text) => named.test(text))) for (const hop of path) found.add(hop);
      visit(node.children, path);
    }
  };
  visit(tree, []);
  return found;
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
  if ([...joined].some((node) => node.isMany) || inlineNodes(tree, options).length > 0 || literalReferences(options, tree).size > 0) return true;
  return options.group !== undefined && options.group !== null && hasSilentMany(tree);
}

/** v6's `includeIgnoreAttributes: false`: every include is read as `attributes: []` (for aggregates over them). */
export function ignoringAttributes(nodes: readonly IncludeNode[]): IncludeNode[] {
  return nodes.map((node) => ({ ...node, attributes: [], noAttributes: true, throughAttributes: node.keys.through ? [] : undefined, children: ignoringAttributes(node.children) }));
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

/** A root row's identity: its primary key when selected (v6 folds joined rows of one key); without it every row stands. */
function identity(values: Record<string, unknown>, keys: readonly string[]): string | undefined {
  if (keys.length === 0 || !keys.every((key) => key in values)) return undefined;
  return keys.map((key) => String(keyOf(values[key]) ?? '\u0000')).join('\u0001');
}

/**
 * Includes read with attributes load one query per level; when the root's where names their columns
 * (`'$toys.price$'`), each keeps only the rows that take part in a matching joined row, as in v6 (the loader of
 * model/include-joined-load.ts). A where it cannot evaluate so (an include with `on`) loads them whole.
 */
function levelLoader(options: FindOptions, rootContext: BuildContext, root: ParentScope, tree: readonly IncludeNode[], parents: readonly Instance[]): JoinedLoader | undefined {
  const members = new Set<IncludeNode>();
  const rootJoins: JoinNode[] = [];
  let where: ExprNode | undefined;
  try {
    where = findWhere(options, { ...rootContext, resolvePath: pathResolver(tree, root, rootJoins, members) });
  } catch {
    return undefined;
  }
  if (![...members].some((node) => !silent(node))) return undefined;
  const split = splitWhere(where, members);
  const loader = new JoinedLoader({ members, condition: sql.and(split.joined), root, rootJoins, tree });
  loader.setRoots(parents);
  return loader;
}

/** findAll in the joined mode. */
export async function loadJoined(model: ModelClass, options: FindOptions, rootContext: BuildContext, tree: readonly IncludeNode[]): Promise<unknown[]> {
  const referenced = new Set<IncludeNode>();
  const toOne: JoinNode[] = [];
  const context = resolving(model, rootContext, tree, toOne, referenced);
  const root: ParentScope = { alias: context.scope.alias, definition: model.definition };
  const definition = model.definition;
  const runner = model.host.queryRunner;
  const inline = inlineNodes(tree, options);
  for (const item of [...inline, ...literalReferences(options, tree)]) referenced.add(item);
  const loaded = loadedTree(tree).filter((item) => !inline.includes(item));
  const read = inlineRead(inline, runner.dialect);
  const needed = neededKeys(loaded);
  const { attributes, added } = withNeededKeys(options.attributes, needed);
  const select = buildRootSelect({ ...options, attributes, where: undefined, order: undefined }, context);
  const withAliases: BuildContext = { ...context, selectAliases: aliasMap(select.node.columns) };
  const split = splitOrder(options.order, { model: model as unknown as IncludeModel, context: withAliases, nodes: tree, parentAlias: '' });
  const where: ExprNode[] = [];
  const own = findWhere(options, context);
  if (own) where.push(own);
  where.push(...requiredRestrictions(tree, root));
  const node: SelectNode = {
    ...select.node,
    columns: [...select.node.columns, ...read.columns],
    joins: joinedIncludeJoins(tree, root, referenced, toOne),
    where: where.length === 0 ? undefined : sql.and(where),
    orderBy: split.orderBy,
  };
  const rows = await runner.rows(runner.dialect.compiler.compile(node), runOptions(options));
  const convert = rowConverter(definition, runner.dialect, select.columns);
  if (options.raw && loaded.length === 0) return rows.map((row) => (options.nest ? nestDottedKeys(read.strip(convert(row))) : read.strip(convert(row))));
  const selectedNames = options.attributes === undefined ? undefined : select.columns.map((column) => column.key).filter((name) => !added.includes(name));
  const built = { isNewRecord: false, raw: true, ...(selectedNames ? { attributes: selectedNames } : {}) };
  const seen = new Set<string>();
  const parents: Instance[] = [];
  for (const row of rows) {
    const values = convert(row);
    const attach = read.take(values);
    const key = identity(values, definition.primaryKeyAttributes);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const parent = new (model as unknown as Build)(values, built);
    attach(parent);
    parents.push(parent);
  }
  await loadLevels(parents, loaded, split.pushed, options, levelLoader(options, rootContext, root, tree, parents));
  stripAdded(parents, added);
  for (const parent of parents) parent._options = { ...parent._options, include: tree.map((item) => item.item), includeNames: tree.map((item) => item.as) };
  if (options.raw) return rawRows(parents, loaded, options.nest === true);
  return parents;
}
