import { SqlCompiler, type CompileState } from '../../sql/compiler.js';
import type { AnyNode, BinaryNode, FnNode, JsonPathNode } from '../../sql/nodes.js';

const regexpOperators: Partial<Record<BinaryNode['operator'], string>> = {
  REGEXP: '~', 'NOT REGEXP': '!~', IREGEXP: '~*', 'NOT IREGEXP': '!~*',
};

/** `#>>` extracts text; a path compared with a number or boolean is cast so `10 > 9` holds as numbers do. */
const jsonCasts: Partial<Record<NonNullable<JsonPathNode['as']>, string>> = { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN' };

/**
 * Functions whose parameters PostgreSQL cannot type from the signature (`COUNT("any")`, variadic `CONCAT`):
 * a bare `$1` there fails with "could not determine data type of parameter", so values get a cast.
 */
const untypedArgumentFunctions = new Set([
  'COUNT', 'CONCAT', 'CONCAT_WS', 'FORMAT', 'JSON_BUILD_OBJECT', 'JSONB_BUILD_OBJECT', 'JSON_BUILD_ARRAY', 'JSONB_BUILD_ARRAY',
  'ARRAY_AGG', 'TO_JSON', 'TO_JSONB', 'NUM_NULLS', 'NUM_NONNULLS', 'PG_TYPEOF',
]);

function parameterType(value: unknown): string | undefined {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'numeric';
  if (typeof value === 'boolean') return 'boolean';
  return undefined;
}

/** A JSON path as a text[] of escape-string literals (safe whatever `standard_conforming_strings` says). */
function jsonPathArray(path: readonly string[]): string {
  if (path.length === 0) return "'{}'::text[]";
  return `ARRAY[${path.map((key) => `E'${key.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`).join(', ')}]`;
}

export class PostgresCompiler extends SqlCompiler {
  override functionCall(state: CompileState, node: FnNode): void {
    if (!untypedArgumentFunctions.has(node.name.toUpperCase())) return super.functionCall(state, node);
    state.append(`${node.name}(`).list(node.args, (arg) => {
      state.expr(arg);
      const type = arg.kind === 'value' ? parameterType(arg.value) : undefined;
      if (type) state.append(`::${type}`);
    }).append(')');
  }

  override placeholder(index: number): string {
    return `$${index}`;
  }

  override binaryOperator(operator: BinaryNode['operator']): string {
    return regexpOperators[operator] ?? operator;
  }

  /** One array parameter instead of a list: the statement text stays the same whatever the list's length. */
  override anyExpression(state: CompileState, node: AnyNode): void {
    state.operand(node.left).append(` ${this.binaryOperator(node.operator)} ${node.quantifier}(`).param([...node.values]).append(')');
  }

  override jsonPath(state: CompileState, node: JsonPathNode): void {
    const cast = node.as && jsonCasts[node.as];
    if (cast) state.append('CAST(');
    // The path is written out, not bound: the same path in SELECT and GROUP BY must be the same expression.
    state.append('(').expr(node.expr).append(`#>>${jsonPathArray(node.path)})`);
    if (cast) state.append(` AS ${cast})`);
  }

  override limitOffset(state: CompileState, limit: number | undefined, offset: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
    if (offset !== undefined) state.append(' OFFSET ').param(offset);
  }

  override updateLimit(): void {
    // No UPDATE/DELETE … LIMIT here: a limit goes through the row identity below.
  }
  override readonly limitedRowIdentity = 'ctid';
}
