import { UsageError } from '../errors/usage-errors.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { sql, type ExprNode, type JoinNode, type OrderNode, type SelectColumn, type SelectNode, type TableNode } from '../sql/nodes.js';
import type { IncludeNode } from './include-plan.js';
import { selectColumns, type SelectedColumn } from './select-builder.js';
import { buildWhere } from './where.js';

/*
 * SQL for the include tree, never joined into the root's rows: a required include becomes a correlated
 * `EXISTS` on its parent's query (nested for nested required includes, through the join table for
 * belongsToMany), an order on an included column a correlated scalar subquery, and each loaded level one
 * keyed query (`WHERE fk IN (…)`), with a window function when the include has a per-parent `limit`.
 */

/** Where a hop starts: the alias and definition of the parent rows. */
export interface ParentScope {
  readonly alias: string;
  readonly definition: ModelDefinition;
}

/** The hidden output column that carries a loaded row's parent key. */
export const parentKeyColumn = '__parent_key';
const rowNumberColumn = '__row_number';

export function tableOf(definition: ModelDefinition, alias: string): TableNode {
  return sql.table(definition.tableName, alias, definition.schema);
}

function column(definition: ModelDefinition, alias: string, attribute: string): ExprNode {
  return sql.column(definition.columnOf(attribute), alias);
}

function paranoidFilter(definition: ModelDefinition, alias: string): ExprNode | undefined {
  const deletedAt = definition.timestamps.deletedAt;
  return deletedAt ? sql.is(column(definition, alias, deletedAt), null) : undefined;
}

/** The join table → target link of a belongsToMany hop. */
export function throughLink(node: IncludeNode): ExprNode {
  const through = node.keys.through!;
  return sql.eq(column(node.model.definition, node.alias, node.keys.childKey), column(through.model.definition, through.alias, through.otherKey));
}

/** The parent → first table of a hop: the target, or the join table of a belongsToMany. */
export function correlation(node: IncludeNode, parent: ParentScope): ExprNode {
  if (node.on) return node.on.condition;
  const through = node.keys.through;
  const parentKey = column(parent.definition, parent.alias, node.keys.parentKey);
  if (through) return sql.eq(column(through.model.definition, through.alias, through.foreignKey), parentKey);
  return sql.eq(column(node.model.definition, node.alias, node.keys.childKey), parentKey);
}

/** What a row of the hop must satisfy to count: the include's where, soft deletes, the join table's where, required children. */
export function hopFilters(node: IncludeNode): ExprNode[] {
  return [...ownFilters(node), ...requiredRestrictions(node.children, { alias: node.alias, definition: node.model.definition })];
}

/** The hop's own conditions: its where, soft deletes, the join table's where and soft deletes. */
export function ownFilters(node: IncludeNode): ExprNode[] {
  const filters: ExprNode[] = [];
  if (node.where) filters.push(node.where);
  const paranoid = node.paranoid ? paranoidFilter(node.model.definition, node.alias) : undefined;
  if (paranoid) filters.push(paranoid);
  const through = node.keys.through;
  if (through) {
    if (node.throughWhere) filters.push(node.throughWhere);
    const throughParanoid = node.throughParanoid === false ? undefined : paranoidFilter(through.model.definition, through.alias);
    if (throughParanoid) filters.push(throughParanoid);
  }
  return filters;
}

export function hopFrom(node: IncludeNode): { from: TableNode; joins: JoinNode[] } {
  const through = node.keys.through;
  if (!through) return { from: tableOf(node.model.definition, node.alias), joins: [] };
  return { from: tableOf(through.model.definition, through.alias), joins: [{ type: 'INNER', from: tableOf(node.model.definition, node.alias), on: throughLink(node) }] };
}

/** `EXISTS (SELECT 1 FROM child WHERE child.fk = parent.pk AND …)` for one required include. */
export function existsFor(node: IncludeNode, parent: ParentScope): ExprNode {
  const { from, joins } = hopFrom(node);
  return sql.exists({ kind: 'select', from, joins, columns: [{ expr: sql.raw('1') }], where: sql.and([correlation(node, parent), ...hopFilters(node)]) });
}

/** The EXISTS conditions that make a level's query return only rows whose required includes match. */
export function requiredRestrictions(nodes: readonly IncludeNode[], parent: ParentScope): ExprNode[] {
  return nodes.filter((node) => node.required && !node.separate).map((node) => existsFor(node, parent));
}

/**
 * The value a parent sorts by for an order on an included column: the column of the first included row in
 * that order (what a join ordered the same way shows first), as a correlated subquery. Later hops are LEFT
 * joins, as they would be in the join, unless required.
 */
export function orderSubquery(hops: readonly IncludeNode[], parent: ParentScope, target: ExprNode, direction: string, restrict?: ExprNode): ExprNode {
  const [first, ...rest] = hops;
  const { from, joins } = hopFrom(first!);
  let previous: ParentScope = { alias: first!.alias, definition: first!.model.definition };
  for (const hop of rest) {
    const through = hop.keys.through;
    const type = hop.required ? 'INNER' : 'LEFT';
    if (through) {
      joins.push({ type, from: tableOf(through.model.definition, through.alias), on: correlation(hop, previous) });
      joins.push({ type, from: tableOf(hop.model.definition, hop.alias), on: sql.and([throughLink(hop), ...hopFilters(hop)]) });
    } else {
      joins.push({ type, from: tableOf(hop.model.definition, hop.alias), on: sql.and([correlation(hop, previous), ...hopFilters(hop)]) });
    }
    previous = { alias: hop.alias, definition: hop.model.definition };
  }
  const select: SelectNode = {
    kind: 'select', from, joins, columns: [{ expr: target }],
    where: sql.and([correlation(first!, parent), ...hopFilters(first!), ...(restrict ? [restrict] : [])]),
    orderBy: [{ expr: target, direction }],
    limit: 1,
  };
  return sql.subquery(select);
}

/**
 * `'$owner.name$'` in the root's where/attributes: to-one include paths are LEFT JOINed into the root query
 * (one row per root row still). A path through a to-many include cannot be joined without multiplying root
 * rows: where `members` collects them (the root's where, see include-joined-where.ts) its nodes are recorded
 * and the path resolves to the include's alias; elsewhere it is an error that says where the condition belongs.
 */
export function pathResolver(nodes: readonly IncludeNode[], root: ParentScope, joins: JoinNode[], members?: Set<IncludeNode>, joinedMany?: Set<IncludeNode>): (path: string[]) => ParentScope | undefined {
  return (given) => {
    // `col('friends->gifts.id')`: v6's table alias of a nested include names the same path as `friends.gifts`.
    const path = given.flatMap((step) => step.split('->'));
    const hops: IncludeNode[] = [];
    let current = nodes;
    let joinTable: ParentScope | undefined;
    for (const [index, step] of path.entries()) {
      const node = current.find((item) => item.as === step);
      const through = hops[hops.length - 1]?.keys.through;
      if (!node && through && index === path.length - 1 && through.model.name === step) {
        // `$friends.friendship.role$`: a column of the join table of a belongsToMany include.
        joinTable = { alias: through.alias, definition: through.model.definition };
        break;
      }
      if (!node) return undefined;
      hops.push(node);
      current = node.children;
    }
    const last = hops[hops.length - 1];
    if (!last) return undefined;
    const many = hops.find((node) => node.isMany || node.keys.through);
    if (many && members) {
      for (const node of hops) {
        if (node.on) throw new UsageError(`'$${path.join('.')}.…$' refers to the include "${node.as}", which has a custom join condition (on): joinery cannot combine the two; put the condition in that include's where or on.`);
        if (node.separate) throw new UsageError(`'$${path.join('.')}.…$' refers to the include "${node.as}", which has separate: true: a separate include is read by its own query, so the root's where cannot refer to it (as in Sequelize). Drop separate or put the condition in that include's where.`);
        if (node.limit !== undefined) throw new UsageError(`'$${path.join('.')}.…$' refers to the include "${node.as}", which has its own limit: joinery cannot combine a per-parent limit with a root where on that include. Drop the include's limit or put the condition in its where.`);
        members.add(node);
      }
      return joinTable ?? { alias: last.alias, definition: last.model.definition };
    }
    if (many && joinedMany) {
      // The joined mode (model/include-aggregate.ts): the path's includes are joined into the root query.
      for (const node of hops) {
        if (node.separate || node.limit !== undefined) throw new UsageError(`'${path.join('.')}' refers to the include "${node.as}", which has ${node.separate ? 'separate: true' : 'its own limit'}: it is read by a query of its own, so the root query's attributes, group, having and order cannot refer to its columns (as in Sequelize). Drop that option.`);
        joinedMany.add(node);
      }
      return joinTable ?? { alias: last.alias, definition: last.model.definition };
    }
    if (many) {
      throw new UsageError(`'$${path.join('.')}.…$' refers to the to-many include "${many.as}": joinery does not join to-many includes into the root query (that would multiply its rows), so it can only be used in the root's where. Put the condition in that include's where (required: true keeps only parents that match), or move it to the where.`);
    }
    let parent = root;
    for (const node of hops) {
      if (!joins.some((join) => join.from.kind === 'table' && join.from.alias === node.alias)) {
        joins.push({ type: 'LEFT', from: tableOf(node.model.definition, node.alias), on: sql.and([correlation(node, parent), ...hopFilters(node)]) });
      }
      parent = { alias: node.alias, definition: node.model.definition };
    }
    return parent;
  };
}

export interface LevelSelect {
  readonly node: SelectNode;
  /** The target's output columns (attribute keys). */
  readonly columns: readonly SelectedColumn[];
  /** Attributes read only because stitching needs them; removed from the instances afterwards. */
  readonly added: readonly string[];
  /** Join-table attributes, output as `<through model name>.<attribute>`. */
  readonly throughColumns: readonly SelectedColumn[];
  /** How many columns the statement outputs: the target's, the join row's, the parent key (and a row number). */
  readonly outputCount: number;
}

/** The keyed query of one include level: the rows of `node` whose parent key is one of `parentKeys`. */
export function levelSelect(node: IncludeNode, parentKeys: readonly unknown[], needed: readonly string[], orderBy: readonly OrderNode[]): LevelSelect {
  const definition = node.model.definition;
  const { columns, selected } = node.noAttributes ? { columns: [] as SelectColumn[], selected: [] as SelectedColumn[] } : selectColumns(node.attributes, node.context);
  const outColumns = [...columns];
  const outSelected = [...selected];
  const added: string[] = [];
  for (const name of needed) {
    if (outSelected.some((item) => item.key === name)) continue;
    const attribute = definition.requireAttribute(name, 'include keys');
    outColumns.push({ expr: sql.column(attribute.field, node.alias), alias: name });
    outSelected.push({ key: name, attribute: name });
    added.push(name);
  }
  const through = node.keys.through;
  const throughColumns: SelectedColumn[] = [];
  let keyFilter: ExprNode;
  if (through) {
    const throughDefinition = through.model.definition;
    const names = node.throughAttributes ?? throughDefinition.columnAttributes;
    for (const name of names) {
      const key = `${through.model.name}.${name}`;
      outColumns.push({ expr: column(throughDefinition, through.alias, name), alias: key });
      throughColumns.push({ key, attribute: name });
    }
    outColumns.push({ expr: column(throughDefinition, through.alias, through.foreignKey), alias: parentKeyColumn });
    keyFilter = buildWhere({ [through.foreignKey]: [...parentKeys] }, node.throughContext!)!;
  } else if (node.on) {
    const parent = node.on.parent;
    outColumns.push({ expr: column(parent.definition, parent.alias, node.keys.parentKey), alias: parentKeyColumn });
    keyFilter = buildWhere({ [node.keys.parentKey]: [...parentKeys] }, { dialect: node.context.dialect, scope: parent })!;
  } else {
    outColumns.push({ expr: column(definition, node.alias, node.keys.childKey), alias: parentKeyColumn });
    keyFilter = buildWhere({ [node.keys.childKey]: [...parentKeys] }, node.context)!;
  }
  const { from, joins } = hopFrom(node);
  // `include.on`: the parent rows joined by the custom condition, keyed by their primary key.
  if (node.on) joins.push({ type: 'INNER', from: tableOf(node.on.parent.definition, node.on.parent.alias), on: node.on.condition });
  const where = sql.and([keyFilter, ...hopFilters(node)]);
  let select: SelectNode = { kind: 'select', from, joins, columns: outColumns, where, orderBy };
  if (node.limit !== undefined && node.isMany) {
    const partition = through ? column(through.model.definition, through.alias, through.foreignKey) : node.on ? column(node.on.parent.definition, node.on.parent.alias, node.keys.parentKey) : column(definition, node.alias, node.keys.childKey);
    const numbered: SelectNode = { ...select, orderBy: [], columns: [...outColumns, { expr: sql.window(sql.fn('ROW_NUMBER', []), [partition], orderBy), alias: rowNumberColumn }] };
    select = {
      kind: 'select', from: { kind: 'derived', select: numbered, alias: node.alias }, columns: [{ expr: sql.star(node.alias) }],
      where: sql.binary(sql.column(rowNumberColumn, node.alias), '<=', sql.value(node.limit)),
      orderBy: [{ expr: sql.column(rowNumberColumn, node.alias), direction: 'ASC' }],
    };
  }
  const outputCount = outColumns.length + (node.limit !== undefined && node.isMany ? 1 : 0);
  return { node: select, columns: outSelected, added, throughColumns, outputCount };
}
