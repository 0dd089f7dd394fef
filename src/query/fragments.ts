import { UsageError } from '../errors/usage-errors.js';
import { sql, type ExprNode, type RawNode } from '../sql/nodes.js';
import { BoundLiteral, Cast, Col, Fn, Json, Literal, SqlFragment, Where } from '../sql/sql-helpers.js';
import type { BuildContext } from './query-context.js';
import { buildWhere, jsonKeys, resolveOperand, valueCondition } from './where.js';

const functionName = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const castType = /^[A-Za-z][A-Za-z0-9_ (),[\]]*$/;

/** Turns `fn`, `col`, `literal`, `cast`, `json` and `where` fragments into AST nodes. */
export function fragmentToNode(fragment: SqlFragment, context: BuildContext): ExprNode {
  if (fragment instanceof Literal) return literalNode(fragment);
  if (fragment instanceof Col) return columnReference(fragment.col, context);
  if (fragment instanceof Fn) {
    if (!functionName.test(fragment.fn)) throw new UsageError(`Invalid function name "${fragment.fn}" in sequelize.fn().`);
    return sql.fn(fragment.fn, fragment.args.map((arg) => argumentNode(arg, context)));
  }
  if (fragment instanceof Cast) {
    if (!castType.test(fragment.type)) throw new UsageError(`Invalid type "${fragment.type}" in sequelize.cast().`);
    return sql.cast(argumentNode(fragment.val, context), fragment.type.toUpperCase());
  }
  if (fragment instanceof Json) {
    if (typeof fragment.path !== 'string') return buildWhere(fragment.path, context) ?? sql.raw('1 = 1');
    const [attribute, ...path] = fragment.path.split('.');
    const node = sql.jsonPath(resolveOperand(attribute!, context).node, jsonKeys(path));
    // `json('meta.a.b', 2)` is a condition, as in Sequelize; without a value it is the extracted value.
    return fragment.value === undefined ? node : valueCondition({ node, label: `json('${fragment.path}')` }, fragment.value, context);
  }
  if (fragment instanceof Where) return buildWhere(fragment, context) ?? sql.raw('1 = 1');
  throw new UsageError('Unknown SQL fragment');
}

/** A literal's raw SQL, with the values of the finder's `replacements`/`bind` it refers to. */
export function literalNode(literal: Literal, prefix = '', suffix = ''): RawNode {
  return sql.raw(`${prefix}${literal.val}${suffix}`, literal instanceof BoundLiteral ? literal.values : undefined);
}

function argumentNode(arg: unknown, context: BuildContext): ExprNode {
  if (arg instanceof SqlFragment) return fragmentToNode(arg, context);
  if (arg !== null && typeof arg === 'object' && !(arg instanceof Date) && !Buffer.isBuffer(arg)) {
    return buildWhere(arg, context) ?? sql.raw('1 = 1');
  }
  return sql.value(arg);
}

/** `col('name')`, `col('pug.name')`, `col('friends.name')`, `col('*')`: attribute names map to their columns. */
export function columnReference(reference: string, context: BuildContext): ExprNode {
  if (reference === '*') return sql.star();
  const parts = reference.split('.');
  if (parts.length === 1) {
    const attribute = context.scope.definition.attribute(reference);
    if (!attribute && context.selectAliases?.has(reference)) return sql.column(reference);
    return sql.column(attribute ? attribute.field : reference, context.scope.alias);
  }
  const column = parts.pop()!;
  const owner = context.resolvePath?.(parts);
  if (owner) {
    const attribute = owner.definition.attribute(column);
    return sql.column(attribute ? attribute.field : column, owner.alias);
  }
  const table = parts.join('.');
  if (table === context.scope.alias || table === context.scope.definition.tableName) {
    const attribute = context.scope.definition.attribute(column);
    return sql.column(attribute ? attribute.field : column, table);
  }
  return column === '*' ? sql.star(table) : sql.column(column, table);
}
