import { SqlCompiler, type CompileState } from '../../sql/compiler.js';
import type { BinaryNode, ConflictAction, JsonPathNode, SelectNode } from '../../sql/nodes.js';

export class MysqlCompiler extends SqlCompiler {
  override readonly randomFunction: string = 'RAND';

  constructor(private readonly printsInsertReturning: boolean) {
    super();
  }

  override quoteIdentifier(name: string): string {
    return `\`${name.replaceAll('`', '``')}\``;
  }

  /** LIKE follows the column's collation, case-insensitive by default; REGEXP likewise. */
  override binaryOperator(operator: BinaryNode['operator']): string {
    if (operator === 'ILIKE') return 'LIKE';
    if (operator === 'NOT ILIKE') return 'NOT LIKE';
    if (operator === 'IREGEXP') return 'REGEXP';
    if (operator === 'NOT IREGEXP') return 'NOT REGEXP';
    return operator;
  }

  override limitOffset(state: CompileState, limit: number | undefined, offset: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
    if (offset !== undefined) {
      if (limit === undefined) state.append(' LIMIT 18446744073709551615');
      state.append(' OFFSET ').param(offset);
    }
  }

  override insertKeyword(conflict: ConflictAction | undefined): string {
    return conflict?.action === 'nothing' ? 'INSERT IGNORE INTO' : 'INSERT INTO';
  }

  override conflictClause(state: CompileState, conflict: ConflictAction | undefined): void {
    if (conflict?.action !== 'update') return;
    const columns = conflict.columns.length > 0 ? conflict.columns : conflict.target.slice(0, 1);
    state.append(` ON DUPLICATE KEY UPDATE ${columns.map((column) => `${this.quoteIdentifier(column)} = VALUES(${this.quoteIdentifier(column)})`).join(', ')}`);
  }

  /** MariaDB returns rows from INSERT and DELETE; MySQL from nothing. The core asks `supports` before asking for them. */
  override returning(state: CompileState, columns: readonly string[] | undefined): void {
    if (this.printsInsertReturning) super.returning(state, columns);
  }

  override jsonPath(state: CompileState, node: JsonPathNode): void {
    state.append('json_unquote(json_extract(').expr(node.expr).append(', ').param(`$.${node.path.join('.')}`).append('))');
  }

  override emptyInsertValues(): string {
    return '() VALUES ()';
  }

  override lockClause(state: CompileState, lock: SelectNode['lock']): void {
    if (!lock) return;
    state.append(lock === 'SHARE' || lock === 'KEY SHARE' ? ' LOCK IN SHARE MODE' : ' FOR UPDATE');
  }
}
