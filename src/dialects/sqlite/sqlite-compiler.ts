import { SqlCompiler, type CompileState } from '../../sql/compiler.js';
import type { BinaryNode, ConflictAction } from '../../sql/nodes.js';

export class SqliteCompiler extends SqlCompiler {
  override quoteIdentifier(name: string): string {
    return `\`${name.replaceAll('`', '``')}\``;
  }
  /** No schemas here: v6 puts a model's `schema` in front of its table name, `schema.table`, one identifier. */
  override quoteTable(name: string, schema?: string): string {
    return this.quoteIdentifier(this.tableQualifier(name, schema));
  }
  override tableQualifier(name: string, schema?: string): string {
    return schema ? `${schema}.${name}` : name;
  }

  /** LIKE is already case-insensitive for ASCII in SQLite; REGEXP is a function joinery registers on connect. */
  override binaryOperator(operator: BinaryNode['operator']): string {
    if (operator === 'ILIKE') return 'LIKE';
    if (operator === 'NOT ILIKE') return 'NOT LIKE';
    return operator;
  }

  /** SQLite only spells REGEXP as an operator; the case-insensitive match is joinery's registered iregexp(pattern, value). */
  override binaryExpression(state: CompileState, node: BinaryNode): void {
    if (node.operator !== 'IREGEXP' && node.operator !== 'NOT IREGEXP') return super.binaryExpression(state, node);
    state.append(node.operator === 'IREGEXP' ? 'iregexp(' : 'NOT iregexp(').expr(node.right).append(', ').expr(node.left).append(')');
  }

  override insertKeyword(conflict: ConflictAction | undefined): string {
    return conflict?.action === 'nothing' && !conflict.target?.length ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
  }

  override conflictClause(state: CompileState, conflict: ConflictAction | undefined): void {
    if (conflict?.action === 'nothing' && !conflict.target?.length) return;
    super.conflictClause(state, conflict);
  }

  override lockClause(): void {
    // SQLite has one writer at a time; FOR UPDATE does not exist and is not needed.
  }

  override updateLimit(): void {
    // No UPDATE/DELETE … LIMIT here: a limit goes through the row identity below.
  }
  override readonly limitedRowIdentity = 'rowid';
}
