import { UsageError } from '../errors/usage-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { sql, type ExprNode, type JoinNode, type SelectColumn, type SelectNode, type TableNode } from '../sql/nodes.js';
import type { IncludeNode } from './include-plan.js';
import { correlation, hopFilters, type ParentScope } from './include-sql.js';

/*
 * `'$friends.name$'` (any to-many path, at any depth) in the root's where. Sequelize joins the includes, so
 * the where filters the joined rows: a root comes back when some joined row matches, and each included
 * level keeps only the rows that take part in a matching joined row. Without joining them into the root
 * rows, the same expression is evaluated where each level is decided:
 * - the root query: `EXISTS (SELECT 1 FROM root AS __anchor LEFT JOIN <the referenced includes> WHERE
 *   __anchor.pk = root.pk AND <the where>)` — LEFT joins, so a root without friends still sees NULLs, as the join does;
 * - the query of each referenced level: its rows INNER JOINed back up to the root (each row once per
 *   chain of parents it hangs under), the where evaluated with the level's row, its parents and the root
 *   fixed, and the other referenced includes in an EXISTS of LEFT JOINs.
 * The conjuncts of the where that do not mention a referenced include stay plain conditions of the root.
 */

export interface JoinedWhere {
  /** The include nodes on the referenced paths, to-one hops on them included. */
  readonly members: ReadonlySet<IncludeNode>;
  /** The conjuncts of the root's where that mention a member. */
  readonly condition: ExprNode;
  readonly root: ParentScope;
  /** The root query's LEFT JOINs of to-one includes (`$owner.name$`), which the condition may mention. */
  readonly rootJoins: readonly JoinNode[];
  readonly tree: readonly IncludeNode[];
}

const anchorAlias = '__anchor';

export function tableOf(scope: ParentScope): TableNode {
  return sql.table(scope.definition.tableName, scope.alias, scope.definition.schema);
}

export function scopeOf(node: IncludeNode): ParentScope {
  return { alias: node.alias, definition: node.model.definition };
}

/** The primary key attributes the stitching identifies rows by. */
export function keyAttributes(definition: ModelDefinition, use: string): string[] {
  const keys = definition.primaryKeyAttributes;
  if (keys.length === 0) throw new UsageError(`${definition.modelName} has no primary key: ${use} needs one to tell its rows apart.`);
  return keys;
}

function keyColumns(scope: ParentScope, use: string): ExprNode[] {
  return keyAttributes(scope.definition, use).map((name) => sql.column(scope.definition.columnOf(name), scope.alias));
}

function sameRow(a: ParentScope, b: ParentScope, use: string): ExprNode {
  const left = keyColumns(a, use);
  const right = keyColumns(b, use);
  return sql.and(left.map((column, index) => sql.eq(column, right[index]!)));
}

/** The table aliases the members are read under (targets and join tables). */
function memberAliases(members: ReadonlySet<IncludeNode>): Set<string> {
  const aliases = new Set<string>();
  for (const node of members) {
    aliases.add(node.alias);
    if (node.keys.through) aliases.add(node.keys.through.alias);
  }
  return aliases;
}

/** Whether an expression mentions a column of one of `aliases` (anywhere in it, subqueries included). */
function mentions(value: unknown, aliases: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentions(item, aliases));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return false;
  const record = value as Record<string, unknown>;
  if (record['kind'] === 'column' || record['kind'] === 'star') return typeof record['table'] === 'string' && aliases.has(record['table']);
  if (record['kind'] === 'value') return false;
  return Object.values(record).some((item) => mentions(item, aliases));
}

/** Splits the root's where into the conjuncts that stay plain and those evaluated over the joined members. */
export function splitWhere(where: ExprNode | undefined, members: ReadonlySet<IncludeNode>): { plain: ExprNode[]; joined: ExprNode[] } {
  const plain: ExprNode[] = [];
  const joined: ExprNode[] = [];
  if (!where) return { plain, joined };
  const aliases = memberAliases(members);
  const items = where.kind === 'and' ? where.items : [where];
  for (const item of items) (mentions(item, aliases) ? joined : plain).push(item);
  return { plain, joined };
}

/**
 * The LEFT JOINs of the members below `parent` (skipping `skip`), each hop joined as Sequelize's join reads
 * it: the include's where, soft deletes and required children in its ON; a belongsToMany hop joins its join
 * table (which only counts when its target matches) then the target.
 */
export function memberJoins(nodes: readonly IncludeNode[], parent: ParentScope, members: ReadonlySet<IncludeNode>, skip: ReadonlySet<IncludeNode>): JoinNode[] {
  const joins: JoinNode[] = [];
  for (const node of nodes) {
    if (!members.has(node)) continue;
    if (!skip.has(node)) {
      const through = node.keys.through;
      if (through) {
        const target = tableOf(scopeOf(node));
        const link = sql.eq(sql.column(node.model.definition.columnOf(node.keys.childKey), node.alias), sql.column(through.model.definition.columnOf(through.otherKey), through.alias));
        const matches = sql.exists({ kind: 'select', from: target, columns: [{ expr: sql.raw('1') }], where: sql.and([link, ...hopFilters(node)]) });
        joins.push({ type: 'LEFT', from: tableOf({ alias: through.alias, definition: through.model.definition }), on: sql.and([correlation(node, parent), matches]) });
        joins.push({ type: 'LEFT', from: target, on: link });
      } else {
        joins.push({ type: 'LEFT', from: tableOf(scopeOf(node)), on: sql.and([correlation(node, parent), ...hopFilters(node)]) });
      }
    }
    joins.push(...memberJoins(node.children, scopeOf(node), members, skip));
  }
  return joins;
}

/** The root's condition: some joined row of the members satisfies the where. */
export function rootCondition(joined: JoinedWhere): ExprNode {
  const anchor: ParentScope = { alias: anchorAlias, definition: joined.root.definition };
  const use = `the where on included columns of ${joined.root.definition.modelName}`;
  const select: SelectNode = {
    kind: 'select', from: tableOf(anchor), columns: [{ expr: sql.raw('1') }],
    joins: memberJoins(joined.tree, anchor, joined.members, new Set()),
    where: sql.and([sameRow(anchor, joined.root, use), joined.condition]),
  };
  return sql.exists(select);
}

export interface LevelFilter {
  readonly joins: JoinNode[];
  readonly where: ExprNode[];
  /** The primary key columns of the root and each parent above the level, output as `__chain_<i>_<j>`. */
  readonly chainColumns: SelectColumn[];
}

export const chainColumnName = (level: number, index: number) => `__chain_${level}_${index}`;

/**
 * What the keyed query of the member `chain[chain.length - 1]` adds: its parents joined back up to the root
 * (their keys output, so each row is stitched to the chain it hangs under), and the where evaluated with
 * those rows fixed and the other members LEFT JOINed in an EXISTS.
 */
export function levelFilter(joined: JoinedWhere, chain: readonly IncludeNode[]): LevelFilter {
  const use = `the where on included columns of ${joined.root.definition.modelName}`;
  const scopes: ParentScope[] = [joined.root, ...chain.map(scopeOf)];
  const joins: JoinNode[] = [];
  const where: ExprNode[] = [];
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const node = chain[index]!;
    const through = node.keys.through;
    if (through && index < chain.length - 1) {
      const link = sql.eq(sql.column(node.model.definition.columnOf(node.keys.childKey), node.alias), sql.column(through.model.definition.columnOf(through.otherKey), through.alias));
      joins.push({ type: 'INNER', from: tableOf({ alias: through.alias, definition: through.model.definition }), on: link });
    }
    joins.push({ type: 'INNER', from: tableOf(scopes[index]!), on: correlation(node, scopes[index]!) });
    if (index > 0) where.push(...hopFilters(chain[index - 1]!));
  }
  const onChain = new Set(scopes.map((scope) => scope.alias));
  joins.push(...joined.rootJoins.filter((join) => !(join.from.kind === 'table' && onChain.has(join.from.alias ?? ''))));
  const skip = new Set(chain);
  const rest: JoinNode[] = [...memberJoins(joined.tree, joined.root, joined.members, skip)];
  if (rest.length === 0) {
    where.push(joined.condition);
  } else {
    const anchor: ParentScope = { alias: anchorAlias, definition: joined.root.definition };
    where.push(sql.exists({ kind: 'select', from: tableOf(anchor), columns: [{ expr: sql.raw('1') }], joins: rest, where: sql.and([sameRow(anchor, joined.root, use), joined.condition]) }));
  }
  const chainColumns: SelectColumn[] = [];
  scopes.slice(0, -1).forEach((scope, level) => {
    keyColumns(scope, use).forEach((expr, index) => chainColumns.push({ expr, alias: chainColumnName(level, index) }));
  });
  return { joins, where, chainColumns };
}

/** The path of include nodes from the root down to `target`. */
export function chainTo(nodes: readonly IncludeNode[], target: IncludeNode): IncludeNode[] | undefined {
  for (const node of nodes) {
    if (node === target) return [node];
    const below = chainTo(node.children, target);
    if (below) return [node, ...below];
  }
  return undefined;
}

/**
 * An order on included columns with such a where: the parents sort by their first included row that takes
 * part in a matching joined row (what the join, filtered then ordered, shows first), so the order subquery's
 * rows must satisfy the where too — with the other members LEFT JOINed in an EXISTS.
 */
export function orderRestriction(joined: JoinedWhere, hops: readonly IncludeNode[]): ExprNode | undefined {
  if (!hops.some((hop) => joined.members.has(hop))) return undefined;
  const rest = memberJoins(joined.tree, joined.root, joined.members, new Set(hops));
  if (rest.length === 0) return joined.condition;
  const anchor: ParentScope = { alias: anchorAlias, definition: joined.root.definition };
  const use = `the where on included columns of ${joined.root.definition.modelName}`;
  return sql.exists({ kind: 'select', from: tableOf(anchor), columns: [{ expr: sql.raw('1') }], joins: rest, where: sql.and([sameRow(anchor, joined.root, use), joined.condition]) });
}
