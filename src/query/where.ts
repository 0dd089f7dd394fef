import type { DataType } from '../data-types/abstract.js';
import { ArrayType, JsonType } from '../data-types/misc-types.js';
import { RangeType } from '../data-types/range-types.js';
import { GeometryType, HstoreType } from '../data-types/extra-types.js';
import { QueryRefusedError } from '../errors/database-errors.js';
import { UsageError } from '../errors/usage-errors.js';
import { isVirtual, type NormalizedAttribute } from '../metadata/attributes.js';
import type { ModelDefinition } from '../metadata/model-definition.js';
import { Op, operatorName } from '../sql/operators.js';
import { sql, type ExprNode } from '../sql/nodes.js';
import { SqlFragment, Where } from '../sql/sql-helpers.js';
import { entriesWithSymbols, isPlainObject } from '../utils/object.js';
import { fragmentToNode } from './fragments.js';
import { applyOperator, comparisonOperators } from './where-operators.js';
import type { BuildContext } from './query-context.js';

/** The left side of a condition: the column and, where known, the attribute whose type converts values. */
export interface Operand {
  readonly node: ExprNode;
  readonly attribute?: NormalizedAttribute;
  readonly label: string;
}

/** Translates a Sequelize `where` object into an expression node, checking names and values on the way. */
export function buildWhere(where: unknown, context: BuildContext): ExprNode | undefined {
  if (where === undefined || where === null) return undefined;
  if (isPlainObject(where) && entriesWithSymbols(where).length === 0) return undefined;
  return condition(where, context);
}

function condition(where: unknown, context: BuildContext): ExprNode {
  if (where instanceof Where) return whereFragment(where, context);
  if (where instanceof SqlFragment) return fragmentToNode(where, context);
  if (Array.isArray(where)) return sql.and(where.map((item) => condition(item, context)));
  if (typeof where === 'string') {
    throw new UsageError(`A string where on ${context.scope.definition.modelName} is not supported (Sequelize v6 removed it too): wrap raw SQL in literal(), e.g. where: literal(${JSON.stringify(where)}).`);
  }
  if (!isPlainObject(where)) {
    throw new UsageError(`Invalid value for where on ${context.scope.definition.modelName}: expected an object of conditions, got ${String(where)}.`);
  }
  const parts: ExprNode[] = [];
  for (const [key, value] of entriesWithSymbols(where)) {
    if (value === undefined) {
      // v6's message word for word (tests match it); the model shows in the error's `model` field.
      throw Object.assign(new UsageError(`WHERE parameter "${String(key)}" has invalid "undefined" value`), { model: context.scope.definition.modelName });
    }
    parts.push(typeof key === 'symbol' ? logical(key, value, context) : attributeCondition(key, value, context));
  }
  return sql.and(parts);
}

/** `{}` inside Op.and / Op.or says nothing, so Sequelize drops it rather than letting it match everything. */
export function isEmptyCondition(item: unknown): boolean {
  return isPlainObject(item) && entriesWithSymbols(item).length === 0;
}

function logical(key: symbol, value: unknown, context: BuildContext): ExprNode {
  const listed = () => (Array.isArray(value) ? value : isPlainObject(value) ? entriesWithSymbols(value).map(([k, v]) => ({ [k]: v })) : [value]);
  const items = () => listed().filter((item) => !isEmptyCondition(item));
  if (key === Op.and) return sql.and(items().map((item) => condition(item, context)));
  if (key === Op.or) return sql.or(items().map((item) => condition(item, context)));
  if (key === Op.not) return sql.not(condition(value, context));
  throw new UsageError(
    `Invalid operator ${describeOperator(key)} at the top of a where on ${context.scope.definition.modelName}: only Op.and, Op.or and Op.not combine conditions; put comparison operators under an attribute, e.g. { name: { [Op.${operatorName(key) ?? 'eq'}]: … } }.`,
  );
}

function attributeCondition(key: string, value: unknown, context: BuildContext): ExprNode {
  const operand = resolveOperand(key, context);
  return valueCondition(operand, value, context);
}

export function valueCondition(operand: Operand, value: unknown, context: BuildContext): ExprNode {
  if (isPlainObject(value)) {
    const entries = entriesWithSymbols(value);
    if (entries.length > 0 && entries.every(([k]) => typeof k === 'symbol')) {
      return sql.and(entries.map(([operator, operatorValue]) => applyOperator(operand, operator as symbol, operatorValue, context)));
    }
    if ((operand.attribute && operand.attribute.type instanceof JsonType) || (operand.node.kind === 'jsonPath' && operand.node.as === undefined)) return jsonCondition(operand, value, context);
    if (operand.attribute && (operand.attribute.type instanceof HstoreType || operand.attribute.type instanceof GeometryType)) return applyOperator(operand, Op.eq, value, context);
    throw new UsageError(
      `Invalid value for ${operand.label}: got an object with keys ${entries.map(([k]) => String(k)).join(', ')}; expected a value or operators such as { [Op.gt]: 5 }.`,
    );
  }
  // An array is a list of choices (IN), except for array and range columns, whose values are arrays.
  return applyOperator(operand, Array.isArray(value) && !holdsArrays(operand) ? Op.in : Op.eq, value, context);
}

function holdsArrays(operand: Operand): boolean {
  const type = operand.attribute?.type;
  return type instanceof ArrayType || type instanceof RangeType;
}

function jsonCondition(operand: Operand, value: Record<string, unknown>, context: BuildContext, path: string[] = []): ExprNode {
  const parts: ExprNode[] = [];
  for (const [key, nested] of entriesWithSymbols(value)) {
    if (typeof key === 'symbol') {
      parts.push(applyOperator(jsonOperand(operand, path), key, nested, context));
    } else if (isPlainObject(nested)) {
      parts.push(jsonCondition(operand, nested, context, [...path, key]));
    } else {
      parts.push(applyOperator(jsonOperand(operand, [...path, key]), Array.isArray(nested) ? Op.in : Op.eq, nested, context));
    }
  }
  return sql.and(parts);
}

function jsonOperand(operand: Operand, path: string[]): Operand {
  if (path.length === 0) return operand;
  // Below a path key (`'meta.b': { c: 'x' }`) the keys extend that path.
  const base = operand.node;
  const node = base.kind === 'jsonPath' && base.as === undefined ? jsonPathNode(base.expr, [...base.path, ...path]) : jsonPathNode(base, path);
  return { node, label: `${operand.label}.${path.join('.')}` };
}

/** `'meta.list[0]'` (v6 on SQLite) is the path list, 0 on every dialect. */
export function jsonKeys(path: readonly string[]): string[] {
  return path.flatMap((key) => {
    const indexed = /^([^[\]]*)((?:\[\d+\])+)(::.+)?$/.exec(key);
    if (!indexed) return [key];
    const indexes = [...indexed[2]!.matchAll(/\d+/g)].map((match) => match[0]);
    if (indexed[3] !== undefined) indexes[indexes.length - 1] += indexed[3];
    return [...(indexed[1] ? [indexed[1]] : []), ...indexes];
  });
}

const jsonCastType = /^[A-Za-z][A-Za-z0-9_ (),]*$/;

/** A JSON path's value; v6's `'meta.a::integer'` (a cast on the last key) compares it as that type. */
function jsonPathNode(column: ExprNode, path: readonly string[]): ExprNode {
  const last = path[path.length - 1]!;
  const cast = last.indexOf('::');
  if (cast === -1) return sql.jsonPath(column, path);
  const type = last.slice(cast + 2);
  if (!jsonCastType.test(type)) throw new UsageError(`Invalid cast type "${type}" in the JSON path "${path.join('.')}".`);
  return sql.cast(sql.jsonPath(column, [...path.slice(0, -1), last.slice(0, cast)]), type.toUpperCase());
}

/** `name`, `field_name`, `$friends.name$`, `friends.name` (an include alias), or `meta.a.b` into a JSON attribute. */
export function resolveOperand(key: string, context: BuildContext): Operand {
  const { definition, alias } = context.scope;
  const direct = attributeByNameOrColumn(definition, key);
  if (direct && isVirtual(direct)) {
    throw new UsageError(`${definition.modelName}.${key} is a VIRTUAL attribute: it has no column, so it cannot be used in a where, order or having.`);
  }
  if (direct) return { node: sql.column(direct.field, alias), attribute: direct, label: `${definition.modelName}.${direct.fieldName}` };
  const selected = context.selectAliases?.get(key);
  if (selected) return { node: selected, label: `${definition.modelName}.${key}` };

  const nested = key.length > 2 && key.startsWith('$') && key.endsWith('$');
  const path = nested ? key.slice(1, -1).split('.') : key.split('.');
  if (nested && path.length === 1) return resolveOperand(path[0]!, context);
  if (nested && path.length === 2 && (path[0] === alias || path[0] === definition.tableName)) return resolveOperand(path[1]!, context);
  if (path.length > 1) {
    const attributeName = path[path.length - 1]!;
    const owner = context.resolvePath?.(path.slice(0, -1));
    if (owner) {
      const attribute = attributeByNameOrColumn(owner.definition, attributeName);
      if (attribute) return { node: sql.column(attribute.field, owner.alias), attribute, label: `${owner.definition.modelName}.${attribute.fieldName}` };
      throw unknownAttribute(owner.definition, attributeName, 'where');
    }
    const jsonAttribute = attributeByNameOrColumn(definition, path[0]!);
    if (jsonAttribute && jsonAttribute.type instanceof JsonType) {
      return { node: jsonPathNode(sql.column(jsonAttribute.field, alias), jsonKeys(path.slice(1))), label: `${definition.modelName}.${key}` };
    }
    if (key.startsWith('$')) {
      // A reference the include tree does not know (raw join aliases): keep it as a qualified column.
      return { node: sql.column(path[path.length - 1]!, path.slice(0, -1).join('->')), label: key };
    }
  }
  throw unknownAttribute(definition, key, 'where');
}

function attributeByNameOrColumn(definition: ModelDefinition, key: string): NormalizedAttribute | undefined {
  const byName = definition.attribute(key);
  if (byName) return byName;
  const attributeName = definition.attributeByColumn.get(key);
  return attributeName ? definition.attribute(attributeName) : undefined;
}

/** v6 sends such a query and the database rejects it: the error is of v6's class (a DatabaseError). */
export function unknownAttribute(definition: ModelDefinition, key: string, clause: string): QueryRefusedError {
  return new QueryRefusedError(
    `${definition.modelName} has no attribute "${key}" (used in ${clause}). Known attributes: ${Object.keys(definition.attributes).join(', ')}.`,
  );
}

function whereFragment(fragment: Where, context: BuildContext): ExprNode {
  const left: Operand = { node: fragmentOrColumn(fragment.attribute, context), label: 'sequelize.where(…)' };
  if (typeof fragment.comparator === 'symbol') return applyOperator(left, fragment.comparator, fragment.logic, context);
  if (fragment.comparator === '=' ) return valueCondition(left, fragment.logic, context);
  const operator = comparisonOperators[fragment.comparator.trim().toUpperCase()];
  if (!operator) throw new UsageError(`Unknown comparator "${fragment.comparator}" in sequelize.where(…)`);
  return applyOperator(left, operator, fragment.logic, context);
}

function fragmentOrColumn(value: unknown, context: BuildContext): ExprNode {
  if (value instanceof SqlFragment) return fragmentToNode(value, context);
  if (typeof value === 'string') return resolveOperand(value, context).node;
  if (isPlainObject(value) && typeof value['attribute'] === 'string') return resolveOperand(value['attribute'], context).node;
  throw new UsageError(`sequelize.where(…) expects an attribute name, col(), fn(), cast() or literal() on its left side.`);
}

export function describeOperator(symbol: symbol): string {
  const name = operatorName(symbol);
  return name ? `Op.${name}` : String(symbol);
}

export function convertValue(attribute: NormalizedAttribute | undefined, value: unknown, context: BuildContext, label: string): unknown {
  if (!attribute || value === null || value === undefined) return value;
  return toDriverChecked(attribute.type, value, context, label);
}

export function toDriverChecked(type: DataType, value: unknown, context: BuildContext, label: string): unknown {
  const problem = type.validate(value);
  if (problem !== null) throw new QueryRefusedError(`Invalid value for ${label}: ${problem} (expected ${type.toString()}).`);
  return context.dialect.types.toDriver(type, type.sanitize(value));
}
