import { SqlCompiler, type CompileState } from '../../sql/compiler.js';
import type { AnyNode, BinaryNode, JsonPathNode } from '../../sql/nodes.js';

const regexpOperators: Partial<Record<BinaryNode['operator'], string>> = {
  REGEXP: '~', 'NOT REGEXP': '!~', IREGEXP: '~*', 'NOT IREGEXP': '!~*',
};

/** `#>>` extracts text; a path compared with a number or boolean is cast so `10 > 9` holds as numbers do. */
const jsonCasts: Partial<Record<NonNullable<JsonPathNode['as']>, string>> = { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN' };

export class PostgresCompiler extends SqlCompiler {
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
    state.append('(').expr(node.expr).append('#>>').param([...node.path]).append(')');
    if (cast) state.append(` AS ${cast})`);
  }

  override limitOffset(state: CompileState, limit: number | undefined, offset: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
    if (offset !== undefined) state.append(' OFFSET ').param(offset);
  }

  override updateLimit(): void {
    // PostgreSQL has no UPDATE/DELETE … LIMIT.
  }
}
