import { BacktickCompiler } from '../backtick-compiler.js';
import { jsonPathText, type CompileState, type CompiledQuery } from '../../sql/compiler.js';
import type { BinaryNode, ConflictAction, ExprNode, JsonPathNode, OrderNode, SelectNode, StatementNode } from '../../sql/nodes.js';


const castTypes: Record<string, string> = {
  TEXT: 'CHAR', STRING: 'CHAR', VARCHAR: 'CHAR', INTEGER: 'SIGNED', INT: 'SIGNED', BIGINT: 'SIGNED', SMALLINT: 'SIGNED',
  'DOUBLE PRECISION': 'DOUBLE', FLOAT: 'DOUBLE', REAL: 'DOUBLE', BOOLEAN: 'SIGNED', TIMESTAMP: 'DATETIME',
};

export class MysqlCompiler extends BacktickCompiler {
  override readonly randomFunction: string = 'RAND';

  /** `returningStatements`: the statements this server can answer with RETURNING (MariaDB: insert and delete). */
  constructor(private readonly returningStatements: ReadonlySet<'insert' | 'update' | 'delete'> = new Set()) {
    super();
  }

  /** RETURNING the server cannot run is dropped before printing; the core asks `supports` before relying on rows. */
  override compile(node: StatementNode | ExprNode): CompiledQuery {
    if ((node.kind === 'insert' || node.kind === 'update' || node.kind === 'delete') && node.returning && !this.returningStatements.has(node.kind)) {
      const { returning: _dropped, ...rest } = node;
      return super.compile(rest as StatementNode);
    }
    return super.compile(node);
  }

  /** iRegexp is case-insensitive whatever the collation: the pattern gets PCRE/ICU's `(?i)` flag. */
  override binaryExpression(state: CompileState, node: BinaryNode): void {
    if (node.operator !== 'IREGEXP' && node.operator !== 'NOT IREGEXP') return super.binaryExpression(state, node);
    state.operand(node.left).append(node.operator === 'IREGEXP' ? ' REGEXP ' : ' NOT REGEXP ').append("CONCAT('(?i)', ").expr(node.right).append(')');
  }

  /** MySQL's CAST knows CHAR, SIGNED, DOUBLE, DECIMAL, DATE…: map the common SQL type names onto them. */
  override castType(type: string): string {
    return castTypes[type] ?? (/^(VARCHAR|CHARACTER VARYING)\b/.test(type) ? 'CHAR' : type);
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

  /** MySQL finds the conflicting key itself, so the target only serves as a no-op assignment when nothing is updated. */
  override conflictClause(state: CompileState, conflict: ConflictAction | undefined): void {
    if (conflict?.action !== 'update') return;
    const columns = conflict.columns.length > 0 ? conflict.columns : conflict.target.slice(0, 1);
    if (columns.length === 0) return;
    state.append(` ON DUPLICATE KEY UPDATE ${columns.map((column) => `${this.quoteIdentifier(column)} = VALUES(${this.quoteIdentifier(column)})`).join(', ')}`);
  }

  /** Unquoted text compares with numbers as numbers; a JSON boolean unquotes to 'true'/'false' (anything else, JSON null too, is NULL). */
  override jsonPath(state: CompileState, node: JsonPathNode): void {
    if (node.as === 'null') {
      // json_unquote turns a JSON null into the text 'null'; tested for NULL it must be NULL, as elsewhere.
      state.append('NULLIF(json_type(json_extract(').expr(node.expr).append(', ').param(jsonPathText(node.path)).append(")), 'NULL')");
      return;
    }
    if (node.as === 'boolean') state.append('(CASE ');
    state.append('json_unquote(json_extract(').expr(node.expr).append(', ').param(jsonPathText(node.path)).append('))');
    if (node.as === 'boolean') state.append(" WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)");
  }

  /** MySQL sorts NULL first ascending and has no NULLS FIRST/LAST: sort on `expr IS NULL` before the expression. */
  override orderItem(state: CompileState, order: OrderNode): void {
    const nulls = /^(ASC |DESC )?NULLS (FIRST|LAST)$/.exec(order.direction);
    if (!nulls) return super.orderItem(state, order);
    state.append('(').expr(order.expr).append(` IS NULL) ${nulls[2] === 'FIRST' ? 'DESC' : 'ASC'}, `).expr(order.expr).append(` ${(nulls[1] ?? 'ASC ').trim()}`);
  }

  override emptyInsertValues(): string {
    return '() VALUES ()';
  }

  /** As v6 on MySQL/MariaDB: SHARE is LOCK IN SHARE MODE, every other level FOR UPDATE; no OF, no SKIP LOCKED. */
  override lockClause(state: CompileState, node: SelectNode): void {
    if (!node.lock) return;
    state.append(node.lock === 'SHARE' ? ' LOCK IN SHARE MODE' : ' FOR UPDATE');
  }
}
