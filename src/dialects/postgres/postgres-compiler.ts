import { SqlCompiler, type CompileState } from '../../sql/compiler.js';
import type { AnyNode, BinaryNode, JsonPathNode } from '../../sql/nodes.js';

const regexpOperators: Partial<Record<BinaryNode['operator'], string>> = {
  REGEXP: '~', 'NOT REGEXP': '!~', IREGEXP: '~*', 'NOT IREGEXP': '!~*',
};

export class PostgresCompiler extends SqlCompiler {
  override placeholder(index: number): string {
    return `$${index}`;
  }

  override binaryOperator(operator: BinaryNode['operator']): string {
    return regexpOperators[operator] ?? operator;
  }

  /** One array parameter instead of a list: the statement text stays the same whatever the list's length. */
  override anyExpression(state: CompileState, node: AnyNode): void {
    state.expr(node.left).append(node.negated ? ' <> ALL(' : ' = ANY(').param([...node.values]).append(')');
  }

  override jsonPath(state: CompileState, node: JsonPathNode): void {
    state.append('(').expr(node.expr).append('#>>').param([...node.path]).append(')');
  }

  override limitOffset(state: CompileState, limit: number | undefined, offset: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
    if (offset !== undefined) state.append(' OFFSET ').param(offset);
  }

  override updateLimit(): void {
    // PostgreSQL has no UPDATE/DELETE … LIMIT.
  }
}
