import { Association } from '../associations/association.js';
import { UsageError } from '../errors/usage-errors.js';
import { sql, type ExprNode, type OrderNode } from '../sql/nodes.js';
import { BoundLiteral, Col, Literal, SqlFragment } from '../sql/sql-helpers.js';
import { isPlainObject, toArray } from '../utils/object.js';
import { baseOf } from './include-all.js';
import { associationOf, linkName, planIncludes, type HopKeys, type IncludeModel, type IncludeNode } from './include-plan.js';
import { orderSubquery, type ParentScope } from './include-sql.js';
import type { BuildContext } from './query-context.js';
import { orderNodes } from './select-builder.js';
import { unknownAttribute } from './where.js';

/*
 * `order: [[Friend, 'name', 'DESC']]` means two things, as it does for a join ordered that way: the friends
 * of each pug come in that order, and the pugs come in the order of their first friend in it. So an order
 * item on an include path is pushed down to the level that loads the path (relative to it), and the parent
 * level sorts by a correlated subquery that picks the first included row's column in that direction — for
 * a single column that is MIN for ASC and MAX for DESC, with the dialect's own NULL placement, like the join.
 */

export interface SplitOrder {
  /** The ORDER BY of this level. */
  readonly orderBy: OrderNode[];
  /** Order items for each child level, relative to the child. */
  readonly pushed: Map<IncludeNode, unknown[]>;
}

function stepMatches(node: IncludeNode, step: unknown): boolean {
  if (step instanceof Association) return node.association === step;
  if (typeof step === 'string') return node.as === step;
  if (typeof step === 'function') return baseOf(node.model) === baseOf(step as unknown as IncludeModel);
  if (isPlainObject(step)) {
    if (typeof step['as'] === 'string') return node.as === step['as'];
    if (step['association'] instanceof Association) return node.association === step['association'];
    if (typeof step['association'] === 'string') return node.as === step['association'];
    if (typeof step['model'] === 'function') return baseOf(node.model) === baseOf(step['model'] as unknown as IncludeModel);
  }
  return false;
}

/** The child node an order path step names: an included one, or (not included) the association itself, unfiltered. */
function stepNode(model: IncludeModel, nodes: readonly IncludeNode[], step: unknown, context: BuildContext, parentAlias: string): IncludeNode {
  const matches = nodes.filter((node) => stepMatches(node, step));
  if (matches.length === 1) return matches[0]!;
  const { association } = associationOf(model, step);
  const included = nodes.find((node) => node.association === association);
  if (included) return included;
  return planIncludes(model, [{ association }], context.dialect, parentAlias)[0]!;
}

export interface OrderLevel {
  readonly model: IncludeModel;
  readonly context: BuildContext;
  readonly nodes: readonly IncludeNode[];
  /** The alias path of this level ('' at the root), under which not-included order paths are aliased. */
  readonly parentAlias: string;
  /** The join table of a belongsToMany level, which its query reads too (`[Friendship, 'level', 'DESC']`). */
  readonly through?: HopKeys['through'];
  /** At the root, with a where on to-many included columns: what an ordering included row must also satisfy. */
  readonly restrict?: (hops: readonly IncludeNode[]) => ExprNode | undefined;
}

/** Whether an order step names a join model: the model itself or `{ model }`. */
function namesThrough(through: HopKeys['through'], step: unknown): through is NonNullable<HopKeys['through']> {
  if (!through) return false;
  const model = isPlainObject(step) ? step['model'] : step;
  return typeof model === 'function' && baseOf(model as unknown as IncludeModel) === baseOf(through.model);
}

/** `[Friendship, 'level', 'DESC']` on a belongsToMany level, `[Friend, Friendship, 'level', 'DESC']` above it: a join-table column. */
function throughColumn(through: NonNullable<HopKeys['through']>, attribute: unknown, model: IncludeModel) {
  if (typeof attribute !== 'string') throw new UsageError(`Ordering by an expression of the join model ${through.model.name} of ${model.name} is not supported; order by one of its attributes.`);
  const definition = through.model.definition;
  const found = definition.attribute(attribute) ?? (definition.attributeByColumn.get(attribute) ? definition.attribute(definition.attributeByColumn.get(attribute)!) : undefined);
  if (!found) throw unknownAttribute(definition, attribute, `the order of ${model.name}`);
  return sql.column(found.field, through.alias);
}

/** `literal('"friends->friendship"."level"')` (or backquoted): nothing but a column of one of v6's join aliases. */
function quotedReference(target: unknown): string | undefined {
  if (!(target instanceof Literal) || target instanceof BoundLiteral) return undefined;
  const match = /^\s*(["`])([^"`]+)\1\.(["`])([^"`]+)\3\s*$/.exec(target.val);
  return match ? `${match[2]}.${match[4]}` : undefined;
}

/**
 * `'toys.name'`, `'$toys.name$'`, `col('toys.name')` through a to-many include: its path steps and attribute. v6's
 * join aliases work too (`col('friends->pugs.name')`), the join table as the last step (`col('friends->friendship.level')`,
 * `'$friends.friendship.level$'`), which becomes the join model, as in `[Friend, Friendship, 'level']`.
 */
function manyPath(nodes: readonly IncludeNode[], target: unknown): unknown[] | undefined {
  const reference = target instanceof Col && typeof target.col === 'string' ? target.col : typeof target === 'string' ? target : quotedReference(target);
  if (reference === undefined) return undefined;
  const text = reference.length > 2 && reference.startsWith('$') && reference.endsWith('$') ? reference.slice(1, -1) : reference;
  const parts = text.split('.');
  if (parts.length < 2) return undefined;
  const steps = parts.slice(0, -1).flatMap((part) => part.split('->'));
  const path: unknown[] = [];
  let current = nodes;
  let previous: IncludeNode | undefined;
  let many = false;
  for (const [index, step] of steps.entries()) {
    if (index === steps.length - 1 && previous?.keys.through && linkName(previous) === step) {
      path.push(previous.keys.through.model);
      break;
    }
    const node = current.find((item) => item.as === step);
    if (!node) return undefined;
    many ||= node.isMany || node.keys.through !== undefined;
    path.push(step);
    previous = node;
    current = node.children;
  }
  return many ? [...path, parts[parts.length - 1]] : undefined;
}

/** Order items naming a to-many included column as a column reference become include paths (`['toys', 'name', 'DESC']`). */
function asIncludePaths(order: unknown, nodes: readonly IncludeNode[]): unknown {
  const rewrite = (item: unknown): unknown => {
    const single = manyPath(nodes, item);
    if (single) return [...single, 'ASC'];
    if (Array.isArray(item) && item.length >= 1 && item.length <= 2) {
      const path = manyPath(nodes, item[0]);
      if (path) return [...path, ...(item.length === 2 ? [item[1]] : ['ASC'])];
    }
    return item;
  };
  if (!Array.isArray(order)) return manyPath(nodes, order) ? [rewrite(order)] : order;
  return order.map(rewrite);
}

/** Splits the order of one level into its ORDER BY and the items pushed down to its includes. */
export function splitOrder(given: unknown, level: OrderLevel): SplitOrder {
  const pushed = new Map<IncludeNode, unknown[]>();
  const { model, context, nodes, parentAlias } = level;
  const order = nodes.length === 0 ? given : asIncludePaths(given, nodes);
  const parent: ParentScope = { alias: context.scope.alias, definition: context.scope.definition };
  const orderBy = orderNodes(order, context, (item) => {
    const direction = String(item[item.length - 1]);
    const path = item.slice(0, -1);
    const attribute = path[path.length - 1];
    const steps = path.slice(0, -1);
    if (typeof attribute !== 'string' && !(attribute instanceof SqlFragment)) return undefined;
    if (steps.length === 1 && namesThrough(level.through, steps[0])) return { expr: throughColumn(level.through, attribute, model), direction };
    const hops: IncludeNode[] = [];
    let throughTarget: ExprNode | undefined;
    let currentModel = model;
    let currentNodes = nodes;
    let alias = parentAlias;
    for (const [index, step] of steps.entries()) {
      const previousHop = hops[hops.length - 1];
      if (index === steps.length - 1 && previousHop && namesThrough(previousHop.keys.through, step)) {
        throughTarget = throughColumn(previousHop.keys.through, attribute, currentModel);
        break;
      }
      const node = stepNode(currentModel, currentNodes, step, context, alias);
      hops.push(node);
      currentModel = node.model;
      currentNodes = node.children;
      alias = node.alias;
    }
    const last = hops[hops.length - 1]!;
    const first = hops[0]!;
    if (throughTarget) {
      if (nodes.includes(first)) pushed.set(first, [...(pushed.get(first) ?? []), [...steps.slice(1), attribute, direction]]);
      return { expr: orderSubquery(hops, parent, throughTarget, direction, level.restrict?.(hops)), direction };
    }
    if (typeof attribute !== 'string') throw new UsageError(`Ordering by an expression inside the include ${last.as} of ${model.name} is not supported; order by an attribute of ${last.model.name}.`);
    const definition = last.model.definition;
    const found = definition.attribute(attribute) ?? (definition.attributeByColumn.get(attribute) ? definition.attribute(definition.attributeByColumn.get(attribute)!) : undefined);
    if (!found) throw unknownAttribute(definition, attribute, `the order of ${model.name}`);
    if (nodes.includes(first)) {
      const relative = [...steps.slice(1), attribute, direction];
      const list = pushed.get(first) ?? [];
      list.push(relative);
      pushed.set(first, list);
    }
    return { expr: orderSubquery(hops, parent, sql.column(found.field, last.alias), direction, level.restrict?.(hops)), direction };
  });
  return { orderBy, pushed };
}

/** The order of an include level: items pushed down from its parent first, then its own `order`. */
export function levelOrder(pushed: readonly unknown[] | undefined, own: unknown): unknown[] {
  const ownItems = own === undefined || own === null ? [] : Array.isArray(own) && own.length > 0 && !Array.isArray(own[0]) && typeof own[1] === 'string' && /^(ASC|DESC)/i.test(own[1]) ? [own] : toArray(own);
  return [...(pushed ?? []), ...ownItems];
}
