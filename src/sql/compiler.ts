import type {
  AnyNode, BinaryNode, ConflictAction, ExprNode, FnNode, FromNode, InNode, JoinNode, JsonPathNode,
  OrderNode, SelectNode, StatementNode,
} from './nodes.js';
import { printDelete, printInsert, printUpdate } from './write-statements.js';

export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: unknown[];
}

/** `$.a.b` as SQLite and MySQL read JSON paths: numeric keys index arrays (`$.list[0]`), odd keys are quoted. */
export function jsonPathText(path: readonly string[]): string {
  return `$${path.map((key) => (/^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `.${JSON.stringify(key)}`)).join('')}`;
}

/**
 * Prints AST nodes as SQL text plus bound parameters. Dialects subclass it and override only the hooks
 * (quoting, placeholders, LIMIT, RETURNING, upsert, operators they spell differently).
 */
export class SqlCompiler {
  compile(node: StatementNode | ExprNode): CompiledQuery {
    const state = new CompileState(this);
    state.statement(node);
    return { sql: state.text, parameters: state.parameters };
  }

  // ---- hooks ----
  /** `sequelize.random()`: RANDOM() in most dialects. */
  readonly randomFunction: string = 'RANDOM';
  quoteIdentifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }
  placeholder(_index: number): string {
    return '?';
  }
  quoteTable(name: string, schema?: string): string {
    return schema ? `${this.quoteIdentifier(schema)}.${this.quoteIdentifier(name)}` : this.quoteIdentifier(name);
  }
  /** The name an UPDATE/DELETE qualifies its columns with: the table's own (a schema-prefixed name where that is one identifier). */
  tableQualifier(name: string, _schema?: string): string {
    return name;
  }
  binaryOperator(operator: BinaryNode['operator']): string {
    return operator;
  }
  /** Prints `left op right`; dialects override it for operators they spell as functions. */
  binaryExpression(state: CompileState, node: BinaryNode): void {
    state.operand(node.left).append(` ${this.binaryOperator(node.operator)} `).operand(node.right);
    if (node.escape !== undefined) state.append(` ESCAPE '${node.escape.replaceAll("'", "''")}'`);
  }
  /** `name(args…)`; PostgreSQL types the parameters of functions that take any type. */
  functionCall(state: CompileState, node: FnNode): void {
    state.append(`${node.name}(`).list(node.args, (arg) => state.expr(arg)).append(')');
  }
  /** One ORDER BY item; dialects without `NULLS FIRST/LAST` override it. */
  orderItem(state: CompileState, order: OrderNode): void {
    state.expr(order.expr);
    if (order.direction !== '') state.append(` ${order.direction}`);
  }
  /** The type name in `CAST(x AS type)`, for dialects whose CAST accepts other names. */
  castType(type: string): string {
    return type;
  }
  limitOffset(state: CompileState, limit: number | undefined, offset: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
    if (offset !== undefined) {
      if (limit === undefined) state.append(' LIMIT -1');
      state.append(' OFFSET ').param(offset);
    }
  }
  returning(state: CompileState, columns: readonly string[] | undefined): void {
    if (!columns || columns.length === 0) return;
    state.append(' RETURNING ').append(columns.map((column) => (column === '*' ? '*' : this.quoteIdentifier(column))).join(', '));
  }
  insertKeyword(_conflict: ConflictAction | undefined): string {
    return 'INSERT INTO';
  }
  conflictClause(state: CompileState, conflict: ConflictAction | undefined): void {
    if (!conflict) return;
    const target = conflict.target && conflict.target.length > 0 ? ` (${conflict.target.map((c) => this.quoteIdentifier(c)).join(', ')})` : '';
    if (conflict.action === 'nothing') {
      state.append(` ON CONFLICT${target} DO NOTHING`);
      return;
    }
    const assignments = conflict.columns.map((column) => `${this.quoteIdentifier(column)} = EXCLUDED.${this.quoteIdentifier(column)}`);
    state.append(` ON CONFLICT${target} DO ${assignments.length > 0 ? `UPDATE SET ${assignments.join(', ')}` : 'NOTHING'}`);
  }
  /** Default: `= ANY` / `<> ALL` become an IN / NOT IN list, other comparisons one per value; arrays dialects print `op ANY(?)`. */
  anyExpression(state: CompileState, node: AnyNode): void {
    const values = node.values.map((value): ExprNode => ({ kind: 'value', value }));
    if ((node.operator === '=' && node.quantifier === 'ANY') || (node.operator === '<>' && node.quantifier === 'ALL')) {
      state.expr({ kind: 'in', left: node.left, list: values, negated: node.operator === '<>' });
      return;
    }
    const comparisons = values.map((right): ExprNode => ({ kind: 'binary', operator: node.operator, left: node.left, right }));
    state.expr({ kind: node.quantifier === 'ANY' ? 'or' : 'and', items: comparisons });
  }
  jsonPath(state: CompileState, node: JsonPathNode): void {
    state.append('json_extract(').expr(node.expr).append(', ').param(jsonPathText(node.path)).append(')');
  }
  emptyInsertValues(): string {
    return 'DEFAULT VALUES';
  }
  lockClause(state: CompileState, node: SelectNode): void {
    if (!node.lock) return;
    state.append(` FOR ${node.lock}`);
    if (node.lockOf !== undefined) state.append(` OF ${this.quoteIdentifier(node.lockOf)}`);
    if (node.skipLocked === true) state.append(' SKIP LOCKED');
  }
  updateLimit(state: CompileState, limit: number | undefined): void {
    if (limit !== undefined) state.append(' LIMIT ').param(limit);
  }
  /**
   * Where UPDATE/DELETE take no LIMIT, the row identity (`rowid`, `ctid`) that limits them through
   * `WHERE id IN (SELECT id FROM t WHERE … LIMIT n)`, as v6 does on SQLite; undefined where LIMIT is native.
   */
  readonly limitedRowIdentity: string | undefined = undefined;
}

/** The mutable buffer of one compilation; nodes themselves stay immutable. */
export class CompileState {
  text = '';
  readonly parameters: unknown[] = [];

  constructor(readonly compiler: SqlCompiler) {}

  append(text: string): this {
    this.text += text;
    return this;
  }

  param(value: unknown): this {
    this.parameters.push(value);
    this.text += this.compiler.placeholder(this.parameters.length);
    return this;
  }

  identifier(name: string): this {
    this.text += this.compiler.quoteIdentifier(name);
    return this;
  }

  statement(node: StatementNode | ExprNode): void {
    switch (node.kind) {
      case 'select': return this.select(node);
      case 'insert': return printInsert(this, node);
      case 'update': return printUpdate(this, node);
      case 'delete': return printDelete(this, node);
      default: this.expr(node);
    }
  }

  list<T>(items: readonly T[], each: (item: T) => void, separator = ', '): this {
    items.forEach((item, index) => {
      if (index > 0) this.text += separator;
      each(item);
    });
    return this;
  }

  select(node: SelectNode): void {
    this.append(node.distinct ? 'SELECT DISTINCT ' : 'SELECT ');
    this.list(node.columns, (column) => {
      this.expr(column.expr);
      if (column.alias !== undefined) this.append(' AS ').identifier(column.alias);
    });
    this.append(' FROM ');
    this.from(node.from);
    for (const join of node.joins ?? []) this.join(join);
    if (node.where) this.append(' WHERE ').expr(node.where);
    if (node.groupBy && node.groupBy.length > 0) this.append(' GROUP BY ').list(node.groupBy, (item) => this.expr(item));
    if (node.having) this.append(' HAVING ').expr(node.having);
    if (node.orderBy && node.orderBy.length > 0) {
      this.append(' ORDER BY ').list(node.orderBy, (order) => this.compiler.orderItem(this, order));
    }
    this.compiler.limitOffset(this, node.limit, node.offset);
    this.compiler.lockClause(this, node);
  }

  from(node: FromNode): void {
    if (node.kind === 'table') {
      this.append(this.compiler.quoteTable(node.name, node.schema));
      if (node.alias !== undefined && node.alias !== node.name) this.append(' AS ').identifier(node.alias);
      return;
    }
    this.append('(');
    this.select(node.select);
    this.append(') AS ').identifier(node.alias);
  }

  join(node: JoinNode): void {
    this.append(` ${node.type === 'INNER' ? 'INNER' : `${node.type} OUTER`} JOIN `);
    this.from(node.from);
    this.append(' ON ').expr(node.on);
  }

  expr(node: ExprNode): this {
    switch (node.kind) {
      case 'column':
        if (node.table !== undefined) this.identifier(node.table).append('.');
        return this.identifier(node.name);
      case 'value':
        return this.param(node.value);
      case 'raw':
        return node.values === undefined ? this.append(node.sql) : this.rawWithValues(node.sql, node.values);
      case 'star':
        return node.table === undefined ? this.append('*') : this.identifier(node.table).append('.*');
      case 'fn':
        this.compiler.functionCall(this, node);
        return this;
      case 'binary':
        this.compiler.binaryExpression(this, node);
        return this;
      case 'in':
        return this.inList(node);
      case 'any':
        this.compiler.anyExpression(this, node);
        return this;
      case 'between':
        return this.expr(node.left).append(node.negated ? ' NOT BETWEEN ' : ' BETWEEN ').expr(node.low).append(' AND ').expr(node.high);
      case 'is':
        return this.expr(node.left).append(node.negated ? ' IS NOT ' : ' IS ').append(node.value === null ? 'NULL' : node.value ? 'true' : 'false');
      case 'and':
      case 'or':
        if (node.items.length === 0) return this.append(node.kind === 'and' ? '1 = 1' : '0 = 1');
        return this.append('(').list(node.items, (item) => this.expr(item), node.kind === 'and' ? ' AND ' : ' OR ').append(')');
      case 'not':
        return this.append('NOT (').expr(node.item).append(')');
      case 'cast':
        return this.append('CAST(').expr(node.expr).append(` AS ${this.compiler.castType(node.type)})`);
      case 'subquery':
        this.append('(');
        this.select(node.select);
        return this.append(')');
      case 'exists':
        this.append('EXISTS (');
        this.select(node.select);
        return this.append(')');
      case 'jsonPath':
        this.compiler.jsonPath(this, node);
        return this;
      case 'window':
        this.expr(node.fn).append(' OVER (');
        if (node.partitionBy.length > 0) this.append('PARTITION BY ').list(node.partitionBy, (item) => this.expr(item));
        if (node.orderBy.length > 0) {
          this.append(node.partitionBy.length > 0 ? ' ORDER BY ' : 'ORDER BY ').list(node.orderBy, (order) => this.compiler.orderItem(this, order));
        }
        return this.append(')');
    }
  }

  /** An operand of a binary operator, parenthesised when it is itself a comparison. */
  operand(node: ExprNode): this {
    const needsParens = node.kind === 'binary' || node.kind === 'between';
    if (needsParens) this.append('(');
    this.expr(node);
    if (needsParens) this.append(')');
    return this;
  }

  /** A literal's text with its replacements bound where its `\0` markers stand. */
  private rawWithValues(text: string, values: readonly unknown[]): this {
    text.split('\0').forEach((piece, index) => {
      if (index > 0) this.param(values[index - 1]);
      this.append(piece);
    });
    return this;
  }

  private inList(node: InNode): this {
    const keyword = node.negated ? ' NOT IN ' : ' IN ';
    if (Array.isArray(node.list)) {
      const items = node.list as readonly ExprNode[];
      if (items.length === 0) return this.append(node.negated ? '1 = 1' : '0 = 1');
      return this.expr(node.left).append(`${keyword}(`).list(items, (item) => this.expr(item)).append(')');
    }
    const list = node.list as Exclude<InNode['list'], readonly ExprNode[]>;
    // `literal('(1, 2)')` / `literal('(SELECT …)')` bring their own parentheses, as in Sequelize.
    if (list.kind === 'raw') {
      const text = list.sql.trim();
      this.expr(node.left).append(keyword);
      const wrapped = text.startsWith('(') ? text : `(${text})`;
      return list.values === undefined ? this.append(wrapped) : this.rawWithValues(wrapped, list.values);
    }
    this.expr(node.left).append(`${keyword}(`);
    this.select(list);
    return this.append(')');
  }
}
