import { UsageError } from '../errors/usage-errors.js';
import { isVirtual, type NormalizedAttribute } from '../metadata/attributes.js';
import type { FindOptions } from '../query/find-options.js';
import { columnReference } from '../query/fragments.js';
import { memberJoins } from '../query/include-joined-where.js';
import type { IncludeNode } from '../query/include-plan.js';
import { requiredRestrictions, type ParentScope } from '../query/include-sql.js';
import type { BuildContext } from '../query/query-context.js';
import { findWhere, groupNodes } from '../query/select-builder.js';
import { unknownAttribute } from '../query/where.js';
import { sql, type ExprNode, type JoinNode, type SelectNode } from '../sql/nodes.js';
import { resolving } from './include-aggregate.js';
import type { ModelClass } from './model-internals.js';
import { runOptions } from './query-scope.js';

/*
 * `count` and `sum`/`max`/`min`/`aggregate` with includes and a join, as v6 computes them: every include that
 * can be joined is (LEFT, a required one keeping only parents with a match), and the function runs over the
 * joined rows. (`count` without `group` counts root rows instead: model/include-finder.ts.)
 */

function joinable(nodes: readonly IncludeNode[], into: Set<IncludeNode>): Set<IncludeNode> {
  for (const node of nodes) {
    if (node.separate || node.limit !== undefined) continue;
    into.add(node);
    joinable(node.children, into);
  }
  return into;
}

/** The root query of `count`/`aggregate` with includes: every joinable include joined, as v6 does. */
function joinedSource(model: ModelClass, rootContext: BuildContext, tree: readonly IncludeNode[]) {
  const toOne: JoinNode[] = [];
  const context = resolving(model, rootContext, tree, toOne, new Set());
  const root: ParentScope = { alias: context.scope.alias, definition: model.definition };
  /** The joins and where, once every expression of the query is built (to-one paths add their joins as they resolve). */
  const finish = (options: FindOptions): { joins: JoinNode[]; where?: ExprNode } => {
    const where: ExprNode[] = [];
    const own = findWhere(options, context);
    if (own) where.push(own);
    where.push(...requiredRestrictions(tree, root));
    const members = joinable(tree, new Set());
    const present = new Set(toOne.map((join) => (join.from.kind === 'table' ? join.from.alias : undefined)));
    const joins = [...toOne, ...memberJoins(tree, root, members, new Set([...members].filter((item) => present.has(item.alias))))];
    return where.length > 0 ? { joins, where: sql.and(where) } : { joins };
  };
  return { context, root, finish };
}

/**
 * `count({ include, group })`, as v6 answers it: the includes joined, so each group counts its joined rows
 * (`Pug.count({ include: [Toy], group: ['pug.id'] })` is each pug's toys, 1 for a pug without any); `distinct`
 * counts distinct root keys, and `col` may name an included column (`col: 'toys.id'`).
 */
export async function countJoined(model: ModelClass, options: FindOptions, rootContext: BuildContext, tree: readonly IncludeNode[]): Promise<Array<Record<string, unknown>>> {
  const { context, root, finish } = joinedSource(model, rootContext, tree);
  const definition = model.definition;
  const runner = model.host.queryRunner;
  const counted = options.col
    ? columnReference(options.col, context)
    : options.distinct ? sql.column(definition.columnOf(definition.primaryKeyAttributes[0]!), root.alias) : sql.star();
  const countExpr = sql.fn('COUNT', [options.distinct ? sql.raw(`DISTINCT ${runner.dialect.compiler.compile(counted).sql}`) : counted]);
  const groupBy = groupNodes(options.group, context);
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(definition.tableName, root.alias, definition.schema),
    columns: [...groupBy.map((expr) => ({ expr })), { expr: countExpr, alias: 'count' }],
    ...finish(options),
    groupBy,
  };
  const rows = await runner.rows(runner.dialect.compiler.compile(node), runOptions(options));
  return rows.map((row) => ({ ...row, count: Number(row['count']) }));
}

export interface JoinedAggregate {
  readonly column: ExprNode;
  /** The attribute aggregated (root or included), whose type reads MIN/MAX back. */
  readonly attribute: NormalizedAttribute | undefined;
  readonly groupBy: ExprNode[];
  readonly joins: JoinNode[];
  readonly where?: ExprNode;
}

/**
 * `Pug.sum('toys.price', { include: [{ model: Toy, attributes: [] }] })` (also max, min, aggregate): as in v6
 * the includes are joined and the function runs over the joined rows; the field may name an included column.
 */
export function aggregateJoined(model: ModelClass, field: string, clause: string, options: FindOptions, rootContext: BuildContext, tree: readonly IncludeNode[]): JoinedAggregate {
  const { context, finish } = joinedSource(model, rootContext, tree);
  const definition = model.definition;
  const parts = field.split('.');
  let attribute: NormalizedAttribute | undefined;
  let column: ExprNode;
  if (field === '*') {
    column = sql.star();
  } else if (parts.length > 1 && parts[0] !== context.scope.alias) {
    const name = parts.pop()!;
    const owner = context.resolvePath!(parts);
    if (!owner) throw new UsageError(`${model.name}.${clause}: "${field}" names no included association of ${model.name} (included: ${tree.map((node) => node.as).join(', ')}).`);
    attribute = owner.definition.attribute(name);
    if (!attribute || isVirtual(attribute)) throw unknownAttribute(owner.definition, name, clause);
    column = sql.column(attribute.field, owner.alias);
  } else {
    const name = parts[parts.length - 1]!;
    attribute = definition.attribute(name) ?? definition.attribute(definition.attributeByColumn.get(name) ?? '');
    if (!attribute || isVirtual(attribute)) throw unknownAttribute(definition, field, clause);
    column = sql.column(attribute.field, context.scope.alias);
  }
  const groupBy = groupNodes(options.group, context);
  return { column, attribute, groupBy, ...finish(options) };
}
