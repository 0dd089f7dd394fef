import type { FindOptions } from '../query/find-options.js';
import { levelOrder, splitOrder } from '../query/include-order.js';
import { linkName, type IncludeNode } from '../query/include-plan.js';
import { unmatchedRightRow } from '../query/include-right-sql.js';
import { correlation, hopFilters, levelSelect, type ParentScope } from '../query/include-sql.js';
import type { SelectedColumn } from '../query/select-builder.js';
import { sql, type ExprNode, type JoinNode, type OrderNode } from '../sql/nodes.js';
import { isLoaded, loadLevels, neededKeys, setIncluded, stripAdded, type Instance } from './include-load.js';
import type { ModelClass } from './model-internals.js';
import { readOptions } from './query-scope.js';
import { rowReader } from './row-mapper.js';

/*
 * `right: true` on a top-level include, as v6's RIGHT OUTER JOIN: the root query keeps only parents with a
 * match (as a required include), and the included rows that match no parent at all (by the association keys
 * or `on`, and the include's where) come back under a parent whose attributes are all NULL — one holding all
 * of them for a to-many include, one per row for a to-one. The root's own where is evaluated on that NULL
 * parent (`LEFT JOIN pugs AS pug ON 1 = 0`), so `where: { rank: 3 }` leaves it out, as the join's WHERE does.
 */

type Build = new (values: Record<string, unknown>, options: Record<string, unknown>) => Instance;

const byKey = (column: SelectedColumn) => column.key;
const byAttribute = (column: SelectedColumn) => column.attribute!;
// `included`: shows the target's getterMethods, as v6's included instances do.
const hydrated = { isNewRecord: false, raw: true, included: true };

export interface RightOuterInput {
  readonly model: ModelClass;
  readonly root: ParentScope;
  readonly node: IncludeNode;
  readonly tree: readonly IncludeNode[];
  /** The root's where without this include's own EXISTS. */
  readonly where: ExprNode | undefined;
  readonly rootJoins: readonly JoinNode[];
  /** The root's output columns (a NULL parent carries each as null). */
  readonly columns: readonly SelectedColumn[];
  readonly pushed: readonly unknown[] | undefined;
  readonly options: FindOptions;
}

/** The all-NULL parents carrying the rows of `node` that match no parent. */
export async function rightOuterParents(input: RightOuterInput): Promise<Instance[]> {
  const { node, root, options } = input;
  const runner = input.model.host.queryRunner;
  const dialect = runner.dialect;
  const order = splitOrder(levelOrder(input.pushed, node.order), { model: node.model, context: node.context, nodes: node.children, parentAlias: node.alias, through: node.keys.through });
  const select = levelSelect({ ...node, limit: undefined }, [], neededKeys(node.children), order.orderBy);
  const matched = sql.exists({ kind: 'select', from: sql.table(root.definition.tableName, root.alias, root.definition.schema), columns: [{ expr: sql.raw('1') }], where: sql.and([correlation(node, root), ...hopFilters(node)]) });
  const deletedAt = node.paranoid ? node.model.definition.timestamps.deletedAt : undefined;
  const conditions: ExprNode[] = [sql.not(matched)];
  if (deletedAt) conditions.push(sql.is(sql.column(node.model.definition.columnOf(deletedAt), node.alias), null));
  if (input.where) conditions.push(input.where);
  const nullRoot: JoinNode = { type: 'LEFT', from: sql.table(root.definition.tableName, root.alias, root.definition.schema), on: sql.raw('1 = 0') };
  const compiled = dialect.compiler.compile({ ...select.node, joins: [...(select.node.joins ?? []).filter((join) => !(join.from.kind === 'table' && join.from.alias === root.alias)), nullRoot, ...input.rootJoins], where: sql.and(conditions) });
  const rows = await runner.rows(compiled, readOptions(options));
  if (rows.length === 0) return [];
  const Target = node.model as unknown as Build;
  const through = node.keys.through;
  const Through = through?.model as unknown as Build | undefined;
  const readChild = rowReader(node.model.definition, dialect, select.columns, byKey);
  const readLink = through ? rowReader(through.model.definition, dialect, select.throughColumns, byAttribute) : undefined;
  const childOptions = node.attributes !== undefined ? { isNewRecord: false, raw: true, attributes: select.columns.map((column) => column.key).filter((name) => !select.added.includes(name)) } : hydrated;
  const children = rows.map((row) => {
    const child = new Target(readChild(row), childOptions);
    if (readLink && Through && (node.throughAttributes === undefined || node.throughAttributes.length > 0)) setIncluded(child, linkName(node), new Through(readLink(row), hydrated));
    return child;
  });
  if (node.children.length > 0) {
    await loadLevels(children, node.children, order.pushed, options);
    for (const child of children) child._options = { ...child._options, include: node.children.map((item) => item.item), includeNames: node.children.map((item) => item.as) };
  }
  stripAdded(children, select.added);
  const groups = node.isMany ? [children] : children.map((child) => [child]);
  return groups.map((group) => nullParent(input, node, group));
}

/** A nested `right: true`: one all-NULL parent, its includes empty, when the right include has rows no chain reaches. */
export async function nestedRightParent(input: RightOuterInput, path: readonly IncludeNode[]): Promise<Instance[]> {
  const runner = input.model.host.queryRunner;
  const nullRoot: JoinNode = { type: 'LEFT', from: sql.table(input.root.definition.tableName, input.root.alias, input.root.definition.schema), on: sql.raw('1 = 0') };
  const select = unmatchedRightRow(path, input.root, { joins: [nullRoot, ...input.rootJoins], where: input.where });
  const rows = await runner.rows(runner.dialect.compiler.compile(select), readOptions(input.options));
  if (rows.length === 0) return [];
  return [nullParent(input, input.node, [])];
}

function nullParent(input: RightOuterInput, node: IncludeNode, group: Instance[]): Instance {
  const values: Record<string, unknown> = {};
  for (const column of input.columns) values[column.key] = null;
  const parent = new (input.model as unknown as Build)(values, { isNewRecord: false, raw: true, ...(input.options.attributes === undefined ? {} : { attributes: input.columns.map((column) => column.key) }) });
  for (const other of input.tree) if (other !== node && isLoaded(other)) setIncluded(parent, other.as, other.isMany ? [] : null);
  setIncluded(parent, node.as, node.isMany ? group : (group[0] ?? null));
  return parent;
}

/** Where the NULL parents go among the root rows: where the root's first ORDER BY item sorts NULLs, else last. */
export function nullsGoFirst(orderBy: readonly OrderNode[], nullsSortFirst: boolean): boolean {
  const first = orderBy[0];
  if (!first) return false;
  const direction = first.direction.toUpperCase();
  if (direction.includes('NULLS FIRST')) return true;
  if (direction.includes('NULLS LAST')) return false;
  return direction.startsWith('DESC') ? !nullsSortFirst : nullsSortFirst;
}
