import { UsageError } from '../errors/usage-errors.js';
import { Op } from '../sql/operators.js';
import { sql, type BinaryOperator, type ExprNode } from '../sql/nodes.js';
import { Literal, SqlFragment } from '../sql/sql-helpers.js';
import { isPlainObject } from '../utils/object.js';
import { fragmentToNode, columnReference } from './fragments.js';
import type { BuildContext } from './query-context.js';
import { convertValue, describeOperator, valueCondition, type Operand } from './where.js';

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

/** Comparators accepted as strings by `sequelize.where(col, '>', 5)`. */
export const comparisonOperators: Record<string, symbol> = {
  '=': Op.eq, '!=': Op.ne, '<>': Op.ne, '>': Op.gt, '>=': Op.gte, '<': Op.lt, '<=': Op.lte,
  LIKE: Op.like, 'NOT LIKE': Op.notLike, ILIKE: Op.iLike, 'NOT ILIKE': Op.notILike, IN: Op.in, 'NOT IN': Op.notIn,
  IS: Op.is, 'IS NOT': Op.not, REGEXP: Op.regexp, 'NOT REGEXP': Op.notRegexp,
};

export function applyOperator(operand: Operand, operator: symbol, value: unknown, context: BuildContext): ExprNode {
  const { node: left, label } = operand;
  if (operator === Op.and || operator === Op.or) {
    const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.getOwnPropertySymbols(value).map((symbol) => ({ [symbol]: value[symbol as unknown as string] })) : [value];
    const nodes = items.map((item) => valueCondition(operand, item, context));
    return operator === Op.and ? sql.and(nodes) : sql.or(nodes);
  }
  if (value instanceof SqlFragment && !(value instanceof Literal && (operator === Op.in || operator === Op.notIn))) {
    const binary = binaryBySymbol.get(operator);
    if (binary) return sql.binary(left, binary, fragmentToNode(value, context));
  }
  if (isPlainObject(value) && Object.getOwnPropertySymbols(value).includes(Op.col)) {
    const binary = binaryBySymbol.get(operator) ?? '=';
    return sql.binary(left, binary, columnReference(String(value[Op.col as unknown as string]), context));
  }
  if (isPlainObject(value) && Object.getOwnPropertySymbols(value).includes(Op.any) && operator === Op.eq) {
    return applyOperator(operand, Op.any, value[Op.any as unknown as string], context);
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
      if (isPlainObject(value)) return sql.not(valueCondition(operand, value, context));
      return sql.binary(left, '<>', sql.value(convertValue(operand.attribute, value, context, label)));
    case Op.in:
    case Op.notIn:
      if (value instanceof Literal) return sql.in(left, sql.raw(value.val), operator === Op.notIn);
      if (!Array.isArray(value)) throw invalid(label, operator, 'an array', value);
      return sql.in(left, value.map((item) => sql.value(convertValue(operand.attribute, item, context, label))), operator === Op.notIn);
    case Op.between:
    case Op.notBetween: {
      if (!Array.isArray(value) || value.length !== 2) throw invalid(label, operator, 'an array of two values', value);
      const [low, high] = value.map((item) => sql.value(convertValue(operand.attribute, item, context, label)));
      return sql.between(left, low!, high!, operator === Op.notBetween);
    }
    case Op.startsWith:
    case Op.endsWith:
    case Op.substring: {
      if (typeof value !== 'string') throw invalid(label, operator, 'a string', value);
      const pattern = operator === Op.startsWith ? `${value}%` : operator === Op.endsWith ? `%${value}` : `%${value}%`;
      return sql.binary(left, 'LIKE', sql.value(pattern));
    }
    case Op.any:
    case Op.all: {
      if (!Array.isArray(value)) throw invalid(label, operator, 'an array', value);
      const converted = value.map((item) => convertValue(operand.attribute, item, context, label));
      if (operator === Op.all) return sql.and(converted.map((item) => sql.eq(left, sql.value(item))));
      return sql.any(left, converted);
    }
    case Op.col:
      return sql.eq(left, columnReference(String(value), context));
  }

  const binary = binaryBySymbol.get(operator);
  if (!binary) {
    throw new UsageError(`Invalid operator ${describeOperator(operator)} for ${label}. Use one of Op.eq, Op.ne, Op.gt, Op.in, Op.like, … (see Op).`);
  }
  if (textMatches.has(operator)) {
    if (typeof value !== 'string' && !(value instanceof SqlFragment)) throw invalid(label, operator, 'a string pattern', value);
    return sql.binary(left, binary, sql.value(value));
  }
  if (Array.isArray(value) && !typedComparisons.has(operator)) return sql.binary(left, binary, sql.value(value));
  const converted = typedComparisons.has(operator) ? convertValue(operand.attribute, value, context, label) : value;
  return sql.binary(left, binary, sql.value(converted));
}

function invalid(label: string, operator: symbol, expected: string, value: unknown): UsageError {
  return new UsageError(`Invalid value for ${label} with ${describeOperator(operator)}: expected ${expected}, got ${JSON.stringify(value) ?? String(value)}.`);
}
