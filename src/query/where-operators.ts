import { ArrayType, JsonbType, JsonType } from '../data-types/misc-types.js';
import { UsageError } from '../errors/usage-errors.js';
import { Op } from '../sql/operators.js';
import { sql, type BinaryOperator, type ExprNode } from '../sql/nodes.js';
import { Literal, SqlFragment } from '../sql/sql-helpers.js';
import { entriesWithSymbols, isPlainObject } from '../utils/object.js';
import { fragmentToNode, columnReference, literalNode } from './fragments.js';
import type { BuildContext } from './query-context.js';
import { convertValue, describeOperator, isEmptyCondition, toDriverChecked, valueCondition, type Operand } from './where.js';
import { RangeType } from '../data-types/range-types.js';
import { HstoreType } from '../data-types/extra-types.js';

const binaryBySymbol = new Map<symbol, BinaryOperator>([
  [Op.eq, '='], [Op.ne, '<>'], [Op.gt, '>'], [Op.gte, '>='], [Op.lt, '<'], [Op.lte, '<='],
  [Op.like, 'LIKE'], [Op.notLike, 'NOT LIKE'], [Op.iLike, 'ILIKE'], [Op.notILike, 'NOT ILIKE'],
  [Op.regexp, 'REGEXP'], [Op.notRegexp, 'NOT REGEXP'], [Op.iRegexp, 'IREGEXP'], [Op.notIRegexp, 'NOT IREGEXP'],
  [Op.contains, '@>'], [Op.contained, '<@'], [Op.overlap, '&&'], [Op.adjacent, '-|-'],
  [Op.strictLeft, '<<'], [Op.strictRight, '>>'], [Op.noExtendRight, '&<'], [Op.noExtendLeft, '&>'], [Op.match, '@@'],
]);

/** Operators whose right side is a value of the attribute's own type (so it is type-checked and converted). */
const typedComparisons = new Set<symbol>([Op.eq, Op.ne, Op.gt, Op.gte, Op.lt, Op.lte]);
const textMatches = new Set<symbol>([Op.like, Op.notLike, Op.iLike, Op.notILike, Op.regexp, Op.notRegexp, Op.iRegexp, Op.notIRegexp]);
const regexpMatches = new Set<symbol>([Op.regexp, Op.notRegexp, Op.iRegexp, Op.notIRegexp]);
/** PostgreSQL's array / range / JSONB operators. */
const containerOperators = new Set<symbol>([Op.contains, Op.contained, Op.overlap, Op.adjacent, Op.strictLeft, Op.strictRight, Op.noExtendRight, Op.noExtendLeft]);

/** Comparators accepted as strings by `sequelize.where(col, '>', 5)`. */
export const comparisonOperators: Record<string, symbol> = {
  '=': Op.eq, '!=': Op.ne, '<>': Op.ne, '>': Op.gt, '>=': Op.gte, '<': Op.lt, '<=': Op.lte,
  LIKE: Op.like, 'NOT LIKE': Op.notLike, ILIKE: Op.iLike, 'NOT ILIKE': Op.notILike, IN: Op.in, 'NOT IN': Op.notIn,
  IS: Op.is, 'IS NOT': Op.not, REGEXP: Op.regexp, 'NOT REGEXP': Op.notRegexp, BETWEEN: Op.between, 'NOT BETWEEN': Op.notBetween,
};

/** The single operator key of `{ [Op.any]: [...] }` / `{ [Op.all]: [...] }`, if the value is one. */
function quantified(value: unknown): { quantifier: 'ANY' | 'ALL'; values: unknown } | undefined {
  if (!isPlainObject(value)) return undefined;
  const symbols = Object.getOwnPropertySymbols(value);
  if (symbols.length !== 1 || Object.keys(value).length > 0) return undefined;
  if (symbols[0] === Op.any) return { quantifier: 'ANY', values: (value as Record<symbol, unknown>)[Op.any] };
  if (symbols[0] === Op.all) return { quantifier: 'ALL', values: (value as Record<symbol, unknown>)[Op.all] };
  return undefined;
}

/** A JSON path compared with a number or boolean is told so; dialects that extract text then cast it. */
function typedLeft(operand: Operand, value: unknown): Operand {
  const { node } = operand;
  if (node.kind !== 'jsonPath' || node.as !== undefined) return operand;
  const sample = Array.isArray(value) ? value.find((item) => item !== null) : value;
  const as = typeof sample === 'number' || typeof sample === 'bigint' ? 'number' : typeof sample === 'boolean' ? 'boolean' : value === null ? 'null' : undefined;
  return as ? { ...operand, node: sql.jsonPath(node.expr, node.path, as) } : operand;
}

function isContainerType(operand: Operand): boolean {
  const type = operand.attribute?.type;
  return type instanceof ArrayType || type instanceof JsonType || type instanceof RangeType || type instanceof HstoreType;
}

/**
 * A value compared with a range column, cast so PostgreSQL picks the operator: a range (`[1, 5]`) as the
 * column's range type, a single value (`{ [Op.contains]: 3 }`) as its element type.
 */
function rangeOperand(operand: Operand, type: RangeType, value: unknown, context: BuildContext): ExprNode {
  const { types } = context.dialect;
  if (Array.isArray(value)) return sql.cast(sql.value(convertValue(operand.attribute, value, context, operand.label)), types.toSql(type));
  return sql.cast(sql.value(toDriverChecked(type.subtype, value, context, operand.label)), types.toSql(type.subtype));
}

export function applyOperator(given: Operand, operator: symbol, value: unknown, context: BuildContext): ExprNode {
  const operand = typedLeft(given, value);
  const { node: left, label } = operand;
  if (operator === Op.and || operator === Op.or) {
    const items = Array.isArray(value) ? value : isPlainObject(value) ? entriesWithSymbols(value).map(([key, item]) => ({ [key]: item })) : [value];
    const nodes = items.filter((item) => !isEmptyCondition(item)).map((item) => valueCondition(given, item, context));
    // `{ age: { [Op.or]: [] } }` constrains nothing, as in Sequelize (a top-level empty Op.or matches nothing).
    if (nodes.length === 0) return sql.and([]);
    return operator === Op.and ? sql.and(nodes) : sql.or(nodes);
  }
  if (value instanceof SqlFragment && !(value instanceof Literal && (operator === Op.in || operator === Op.notIn))) {
    const binary = operator === Op.not ? '<>' : binaryBySymbol.get(operator);
    if (binary) return sql.binary(left, binary, fragmentToNode(value, context));
  }
  if (isPlainObject(value) && Object.getOwnPropertySymbols(value).includes(Op.col)) {
    const binary = (operator === Op.not ? '<>' : binaryBySymbol.get(operator)) ?? '=';
    return sql.binary(left, binary, columnReference(String((value as Record<symbol, unknown>)[Op.col]), context));
  }
  const quantifiedValue = quantified(value);
  if (quantifiedValue && (typedComparisons.has(operator) || textMatches.has(operator))) {
    return quantifiedComparison(operand, binaryBySymbol.get(operator)!, quantifiedValue.quantifier, quantifiedValue.values, operator, context);
  }

  switch (operator) {
    case Op.eq:
      if (value === null) return sql.is(left, null);
      if (typeof value === 'boolean' && !operand.attribute) return sql.is(left, value);
      break;
    case Op.ne:
      if (value === null) return sql.is(left, null, true);
      break;
    case Op.is:
      if (value !== null && typeof value !== 'boolean') throw invalid(label, operator, 'null, true or false', value);
      return sql.is(left, value);
    case Op.not:
      if (value === null || typeof value === 'boolean') return sql.is(left, value, true);
      if (Array.isArray(value)) return applyOperator(operand, Op.notIn, value, context);
      if (isPlainObject(value)) return sql.not(valueCondition(given, value, context));
      return sql.binary(left, '<>', sql.value(convertValue(operand.attribute, value, context, label)));
    case Op.in:
    case Op.notIn:
      if (value instanceof Literal) return sql.in(left, literalNode(value), operator === Op.notIn);
      if (!Array.isArray(value)) throw invalid(label, operator, 'an array', value);
      return sql.in(left, value.map((item) => sql.value(convertValue(operand.attribute, item, context, label))), operator === Op.notIn);
    case Op.between:
    case Op.notBetween: {
      if (!Array.isArray(value) || value.length !== 2) throw invalid(label, operator, 'an array of two values, [low, high]', value);
      const [low, high] = value.map((item) => (item instanceof SqlFragment ? fragmentToNode(item, context) : sql.value(convertValue(operand.attribute, item, context, label))));
      return sql.between(left, low!, high!, operator === Op.notBetween);
    }
    case Op.startsWith:
    case Op.endsWith:
    case Op.substring: {
      if (typeof value !== 'string') throw invalid(label, operator, 'a string', value);
      // The text is matched literally: `%` and `_` in it are escaped (Sequelize v6 leaves them as wildcards).
      const text = value.replace(/[!%_]/g, (character) => `!${character}`);
      const pattern = operator === Op.startsWith ? `${text}%` : operator === Op.endsWith ? `%${text}` : `%${text}%`;
      return sql.like(left, sql.value(pattern), '!');
    }
    case Op.any:
    case Op.all:
      return quantifiedComparison(operand, '=', operator === Op.any ? 'ANY' : 'ALL', value, operator, context);
    case Op.col:
      return sql.eq(left, columnReference(String(value), context));
  }

  const binary = binaryBySymbol.get(operator);
  if (!binary) {
    const known = [...binaryBySymbol.keys(), Op.in, Op.notIn, Op.between, Op.notBetween, Op.is, Op.not, Op.startsWith, Op.endsWith, Op.substring, Op.any, Op.all, Op.col];
    throw new UsageError(`Invalid operator ${describeOperator(operator)} for ${label}. Known operators: ${known.map(describeOperator).join(', ')}.`);
  }
  if (regexpMatches.has(operator) && !context.dialect.supports.regexp) {
    throw new UsageError(`${describeOperator(operator)} on ${label}: the ${context.dialect.name} dialect has no regular expressions; use Op.like or Op.substring.`);
  }
  if (textMatches.has(operator)) {
    if (typeof value !== 'string' && !(value instanceof SqlFragment)) throw invalid(label, operator, 'a string pattern', value);
    return sql.binary(left, binary, sql.value(value));
  }
  if (containerOperators.has(operator)) return containerCondition(operand, operator, binary, value, context);
  if (Array.isArray(value) && !isContainerType(operand)) {
    throw invalid(label, operator, 'a single value (use Op.in for a list, or { [Op.any]: [...] })', value);
  }
  const type = operand.attribute?.type;
  if (type instanceof RangeType) return sql.binary(left, binary, rangeOperand(operand, type, value, context));
  return sql.binary(left, binary, sql.value(convertValue(operand.attribute, value, context, label)));
}

/** `{ [Op.gt]: { [Op.any]: [1, 2] } }`, `{ [Op.any]: [1, 2] }`, `{ [Op.all]: [...] }`. */
function quantifiedComparison(operand: Operand, binary: BinaryOperator, quantifier: 'ANY' | 'ALL', values: unknown, operator: symbol, context: BuildContext): ExprNode {
  if (values instanceof Literal) return sql.binary(operand.node, binary, literalNode(values, `${quantifier} (`, ')'));
  if (!Array.isArray(values)) throw invalid(operand.label, operator, `an array of values for Op.${quantifier.toLowerCase()}`, values);
  if (textMatches.has(operator) && !values.every((item) => typeof item === 'string')) throw invalid(operand.label, operator, 'an array of string patterns', values);
  const converted = textMatches.has(operator) ? values : values.map((item) => convertValue(operand.attribute, item, context, operand.label));
  if (converted.length === 0) return sql.raw(quantifier === 'ANY' ? '0 = 1' : '1 = 1');
  return sql.any(operand.node, converted, binary, quantifier);
}

/** Op.contains / contained / overlap (and the range operators): PostgreSQL arrays, ranges and JSONB. */
function containerCondition(operand: Operand, operator: symbol, binary: BinaryOperator, value: unknown, context: BuildContext): ExprNode {
  const { supports, name } = context.dialect;
  if (!supports.ARRAY && !supports.JSONB) {
    throw new UsageError(`${describeOperator(operator)} on ${operand.label}: the ${name} dialect has no array, range or JSONB columns; use Op.in, Op.substring or a JSON path such as { 'meta.key': value }.`);
  }
  const type = operand.attribute?.type;
  if (type instanceof JsonType && !(type instanceof JsonbType)) {
    throw new UsageError(`${describeOperator(operator)} on ${operand.label}: JSON columns have no containment operators; declare the attribute as DataTypes.JSONB, or compare a path such as { 'meta.key': value }.`);
  }
  if (type instanceof RangeType) return sql.binary(operand.node, binary, rangeOperand(operand, type, value, context));
  return sql.binary(operand.node, binary, sql.value(isContainerType(operand) ? convertValue(operand.attribute, value, context, operand.label) : value));
}

function invalid(label: string, operator: symbol, expected: string, value: unknown): UsageError {
  return new UsageError(`Invalid value for ${label} with ${describeOperator(operator)}: expected ${expected}, got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
