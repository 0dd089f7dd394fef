import { BacktickCompiler } from '../backtick-compiler.js';
import type { CompileState } from '../../sql/compiler.js';
import type { BinaryNode, ConflictAction } from '../../sql/nodes.js';

export class SqliteCompiler extends BacktickCompiler {
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
