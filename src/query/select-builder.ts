import { QueryError, UsageError } from '../errors/usage-errors.js';
import { JsonType } from '../data-types/misc-types.js';
import { isVirtual } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { sql, type ExprNode, type LockMode, type OrderNode, type SelectColumn, type SelectNode } from '../sql/nodes.js';
import { Col, Literal, SqlFragment } from '../sql/sql-helpers.js';
import { isPlainObject } from '../utils/object.js';
import type { FindOptions } from './find-options.js';
import { fragmentToNode, columnReference } from './fragments.js';
import type { BuildContext } from './query-context.js';
import { buildWhere, jsonKeys, unknownAttribute } from './where.js';

/** One selected output column and the attribute (if any) whose type reads it back. */
export interface SelectedColumn {
  readonly key: string;
  readonly attribute?: string;
}

export interface RootSelect {
  readonly node: SelectNode;
  readonly columns: readonly SelectedColumn[];
}

const directions = new Set(['ASC', 'DESC', 'ASC NULLS FIRST', 'ASC NULLS LAST', 'DESC NULLS FIRST', 'DESC NULLS LAST', 'NULLS FIRST', 'NULLS LAST']);

/** The attribute names a plain `findAll` reads: every column attribute, plus columns virtual getters depend on. */
export function defaultAttributeNames(definition: ModelDefinition): string[] {
  return definition.columnAttributes;
}

/** Resolves `attributes` (list, include/exclude, aliases, fn/col/literal) into select columns. */
export function selectColumns(attributes: FindOptions['attributes'], context: BuildContext): { columns: SelectColumn[]; selected: SelectedColumn[] } {
  const { definition, alias } = context.scope;
  let items: unknown[];
  if (attributes === undefined) {
    items = [...defaultAttributeNames(definition)];
  } else if (Array.isArray(attributes)) {
    items = [...attributes];
  } else if (isPlainObject(attributes)) {
    const { include = [], exclude = [] } = attributes as { include?: unknown[]; exclude?: string[] };
    for (const name of exclude) if (!definition.attribute(name)) throw unknownAttribute(definition, name, 'attributes.exclude');
    items = [...defaultAttributeNames(definition).filter((name) => !exclude.includes(name)), ...include];
  } else {
    throw new QueryError(`The attributes option must be an array of column names or an object (${definition.modelName} got ${typeof attributes === 'string' ? `"${attributes}"` : String(attributes)}: use [names] or { include, exclude })`);
  }

  const columns: SelectColumn[] = [];
  const selected: SelectedColumn[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      const attribute = definition.attribute(item);
      if (!attribute) {
        if (item === '*') {
          for (const name of defaultAttributeNames(definition)) pushAttribute(name);
          continue;
        }
        throw unknownAttribute(definition, item, 'attributes');
      }
      if (isVirtual(attribute)) {
        const fields = (attribute.type as unknown as { fields: readonly string[] }).fields;
        for (const field of fields) if (!selected.some((s) => s.key === field)) pushAttribute(field);
        continue;
      }
      pushAttribute(item);
      continue;
    }
    if (Array.isArray(item) && item.length === 2 && typeof item[1] === 'string') {
      const [source, as] = item as [unknown, string];
      if (typeof source === 'string') {
        const attribute = definition.attribute(source);
        if (!attribute) throw unknownAttribute(definition, source, 'attributes');
        columns.push({ expr: sql.column(attribute.field, alias), alias: as });
        selected.push({ key: as, attribute: source });
      } else {
        columns.push({ expr: expressionOf(source, context), alias: as });
        selected.push({ key: as });
      }
      continue;
    }
    if (item instanceof SqlFragment) {
      // Unaliased: the database names the column (`COUNT(id)` on SQLite/MySQL, `count` on PostgreSQL).
      columns.push({ expr: fragmentToNode(item, context) });
      continue;
    }
    throw new UsageError(`Invalid attribute ${String(item)} for ${definition.modelName}: expected a name, [expression, alias] or literal().`);
  }
  return { columns, selected };

  function pushAttribute(name: string): void {
    const attribute = definition.requireAttribute(name, 'attributes');
    columns.push(attribute.field === name ? { expr: sql.column(name, alias) } : { expr: sql.column(attribute.field, alias), alias: name });
    selected.push({ key: name, attribute: name });
  }
}

export function expressionOf(value: unknown, context: BuildContext): ExprNode {
  if (value instanceof SqlFragment) return fragmentToNode(value, context);
  if (typeof value === 'string') return columnReference(value, context);
  throw new UsageError(`Expected an attribute name or fn()/col()/literal(), got ${String(value)}.`);
}

export function orderNodes(order: unknown, context: BuildContext, resolveIncludeOrder?: (item: readonly unknown[]) => OrderNode | undefined): OrderNode[] {
  if (order === undefined || order === null) return [];
  if (typeof order === 'string') return [{ expr: orderTarget(order, context), direction: 'ASC' }];
  if (order instanceof SqlFragment) return [{ expr: fragmentToNode(order, context), direction: order instanceof Literal ? '' : 'ASC' }].map(normalizeLiteralOrder);
  if (!Array.isArray(order)) throw new UsageError(`Invalid order for ${context.scope.definition.modelName}: expected an array.`);
  // `order: ['name', 'DESC']` is a single item in Sequelize's eyes only when written as [['name', 'DESC']];
  // a flat list is a list of items.
  return order.map((item: unknown): OrderNode => {
    if (typeof item === 'string') return { expr: orderTarget(item, context), direction: 'ASC' };
    if (item instanceof SqlFragment) return normalizeLiteralOrder({ expr: fragmentToNode(item, context), direction: item instanceof Literal ? '' : 'ASC' });
    if (Array.isArray(item)) {
      const last = item[item.length - 1];
      const hasDirection = typeof last === 'string' && directions.has(last.toUpperCase()) && item.length > 1;
      const direction = hasDirection ? String(last).toUpperCase() : 'ASC';
      const target = hasDirection ? item.slice(0, -1) : item;
      // `['createdTasks', 'id']` is an include path with the direction left out (v6 orders it ASC); after an
      // attribute or an expression, a second string can only be a mistyped direction.
      const includePath = resolveIncludeOrder !== undefined && typeof item[0] === 'string' && !context.scope.definition.attribute(item[0]) && !context.scope.definition.attributeByColumn.has(item[0]);
      if (!hasDirection && item.length === 2 && typeof last === 'string' && !includePath && (typeof item[0] === 'string' || item[0] instanceof SqlFragment)) {
        throw new UsageError(`Invalid order direction '${last}' for ${describeOrder(item)} on ${context.scope.definition.modelName}: expected ASC, DESC, or either followed by NULLS FIRST / NULLS LAST.`);
      }
      if (target.length === 1) return { expr: target[0] instanceof SqlFragment ? fragmentToNode(target[0], context) : orderTarget(String(target[0]), context), direction };
      const viaInclude = resolveIncludeOrder?.([...target, direction]);
      if (viaInclude) return viaInclude;
      throw new UsageError(`Invalid order item ${describeOrder(item)} on ${context.scope.definition.modelName}: the path does not name an included association.`);
    }
    throw new UsageError(`Invalid order item ${String(item)} on ${context.scope.definition.modelName}.`);
  });
}

function normalizeLiteralOrder(node: OrderNode): OrderNode {
  return node.direction === '' ? { expr: node.expr, direction: '' } : node;
}

function describeOrder(item: unknown[]): string {
  return `[${item.map((part) => (typeof part === 'string' ? `'${part}'` : typeof part === 'function' ? (part as { name: string }).name : String(part))).join(', ')}]`;
}

function orderTarget(name: string, context: BuildContext): ExprNode {
  const { definition } = context.scope;
  const attribute = definition.attribute(name) ?? (definition.attributeByColumn.has(name) ? definition.attribute(definition.attributeByColumn.get(name)!) : undefined);
  if (attribute && isVirtual(attribute)) throw new UsageError(`${definition.modelName}.${name} is a VIRTUAL attribute: it has no column to order by.`);
  if (attribute) return sql.column(attribute.field, context.scope.alias);
  if (name.includes('.')) {
    const [head, ...path] = name.split('.');
    const json = definition.attribute(head!);
    if (json && json.type instanceof JsonType) return sql.jsonPath(sql.column(json.field, context.scope.alias), jsonKeys(path));
    return columnReference(name, context);
  }
  // An alias of a computed attribute (`attributes: [[fn('COUNT', …), 'total']]`, `order: ['total']`).
  if (context.selectAliases?.has(name)) return sql.column(name);
  throw unknownAttribute(definition, name, 'order');
}

/** Output aliases of the selected columns, so `having` and `order` can name them. */
export function aliasMap(columns: readonly SelectColumn[]): Map<string, ExprNode> {
  const aliases = new Map<string, ExprNode>();
  for (const column of columns) if (column.alias !== undefined) aliases.set(column.alias, column.expr);
  return aliases;
}

export function lockMode(lock: FindOptions['lock']): LockMode | undefined {
  if (!lock) return undefined;
  const level = typeof lock === 'object' ? lock.level : lock === true ? 'UPDATE' : lock;
  const normalized = String(level).toUpperCase();
  if (normalized === 'UPDATE' || normalized === 'SHARE' || normalized === 'KEY SHARE' || normalized === 'NO KEY UPDATE') return normalized;
  throw new UsageError(`Invalid lock "${String(level)}": expected true, 'UPDATE', 'SHARE', 'KEY SHARE' or 'NO KEY UPDATE'.`);
}

/** `lock` and `skipLocked` as the SELECT carries them (`of: Model` names the model's alias, as v6 does). */
export function lockOptions(options: FindOptions): Pick<SelectNode, 'lock' | 'lockOf' | 'skipLocked'> {
  const lock = lockMode(options.lock);
  if (lock === undefined) return {};
  const of = typeof options.lock === 'object' && options.lock !== null ? (options.lock.of as { name?: unknown } | undefined) : undefined;
  return {
    lock,
    ...(typeof of?.name === 'string' ? { lockOf: of.name } : {}),
    ...(options.skipLocked === true ? { skipLocked: true } : {}),
  };
}

/** The WHERE of a finder, with the paranoid filter added unless `paranoid: false`. */
export function findWhere(options: FindOptions, context: BuildContext): ExprNode | undefined {
  const conditions: ExprNode[] = [];
  const where = buildWhere(options.where, context);
  if (where) conditions.push(where);
  const deletedAt = context.scope.definition.timestamps.deletedAt;
  if (deletedAt && options.paranoid !== false) {
    conditions.push(sql.is(sql.column(context.scope.definition.columnOf(deletedAt), context.scope.alias), null));
  }
  return conditions.length === 0 ? undefined : sql.and(conditions);
}

export function groupNodes(group: unknown, context: BuildContext): ExprNode[] {
  if (group === undefined || group === null) return [];
  const items = Array.isArray(group) ? group : [group];
  const { definition } = context.scope;
  return items.map((item) => {
    if (item instanceof SqlFragment) return fragmentToNode(item, context);
    const name = String(item);
    const known = name.includes('.') || definition.attribute(name) || definition.attributeByColumn.has(name) || context.selectAliases?.has(name);
    if (!known) throw unknownAttribute(definition, name, 'group');
    return columnReference(name, context);
  });
}

export function isColumnFragment(value: unknown): value is Col {
  return value instanceof Col;
}

/** The SELECT for the root model of a finder (includes are added by the include planner). */
export function buildRootSelect(options: FindOptions, context: BuildContext): RootSelect {
  const { definition, alias } = context.scope;
  const { columns, selected } = selectColumns(options.attributes, context);
  const withAliases: BuildContext = { ...context, selectAliases: aliasMap(columns) };
  const having = options.having === undefined ? undefined : buildWhere(options.having, withAliases);
  const node: SelectNode = {
    kind: 'select',
    from: sql.table(definition.tableName, alias, definition.schema),
    columns,
    where: findWhere(options, context),
    groupBy: groupNodes(options.group, withAliases),
    having,
    orderBy: orderNodes(options.order, withAliases),
    limit: options.limit ?? undefined,
    offset: options.offset ?? undefined,
    ...lockOptions(options),
  };
  return { node, columns: selected };
}
