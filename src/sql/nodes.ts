/**
 * The query AST: small immutable nodes tagged by `kind`. The query layer builds them, one compiler prints them.
 * Values live only in `ValueNode`s and always become bound parameters.
 */

export interface ColumnNode {
  readonly kind: 'column';
  readonly table?: string;
  readonly name: string;
}
export interface ValueNode {
  readonly kind: 'value';
  readonly value: unknown;
}
/**
 * Raw SQL from `literal()`; trusted by definition, never built from user values. A literal whose finder gave
 * `replacements`/`bind` carries their values, each standing where a `\0` marks its placeholder.
 */
export interface RawNode {
  readonly kind: 'raw';
  readonly sql: string;
  readonly values?: readonly unknown[];
}
export interface StarNode {
  readonly kind: 'star';
  readonly table?: string;
}
export interface FnNode {
  readonly kind: 'fn';
  readonly name: string;
  readonly args: readonly ExprNode[];
}
export type BinaryOperator =
  | '=' | '<>' | '>' | '>=' | '<' | '<='
  | 'LIKE' | 'NOT LIKE' | 'ILIKE' | 'NOT ILIKE'
  | 'REGEXP' | 'NOT REGEXP' | 'IREGEXP' | 'NOT IREGEXP'
  | '@>' | '<@' | '&&' | '-|-' | '<<' | '>>' | '&<' | '&>' | '@@' | '+' | '-';
export interface BinaryNode {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: ExprNode;
  readonly right: ExprNode;
  /** LIKE's escape character, for patterns built from literal text (startsWith, endsWith, substring). */
  readonly escape?: string;
}
export interface InNode {
  readonly kind: 'in';
  readonly left: ExprNode;
  readonly list: readonly ExprNode[] | SelectNode | RawNode;
  readonly negated: boolean;
}
/**
 * `left > ANY(values)` / `left = ALL(values)`: one array parameter where the dialect has arrays; elsewhere
 * an IN list (`= ANY`, `<> ALL`) or the comparisons joined by OR (ANY) / AND (ALL).
 */
export interface AnyNode {
  readonly kind: 'any';
  readonly left: ExprNode;
  readonly operator: BinaryOperator;
  readonly quantifier: 'ANY' | 'ALL';
  readonly values: readonly unknown[];
}
export interface BetweenNode {
  readonly kind: 'between';
  readonly left: ExprNode;
  readonly low: ExprNode;
  readonly high: ExprNode;
  readonly negated: boolean;
}
export interface IsNode {
  readonly kind: 'is';
  readonly left: ExprNode;
  readonly value: null | boolean;
  readonly negated: boolean;
}
export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly items: readonly ExprNode[];
}
export interface NotNode {
  readonly kind: 'not';
  readonly item: ExprNode;
}
export interface CastNode {
  readonly kind: 'cast';
  readonly expr: ExprNode;
  readonly type: string;
}
export interface SubqueryNode {
  readonly kind: 'subquery';
  readonly select: SelectNode;
}
export interface ExistsNode {
  readonly kind: 'exists';
  readonly select: SelectNode;
}
/** `ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)`: per-parent limits of included rows. */
export interface WindowNode {
  readonly kind: 'window';
  readonly fn: FnNode;
  readonly partitionBy: readonly ExprNode[];
  readonly orderBy: readonly OrderNode[];
}
/**
 * A `$.a.b` path into a JSON column; each dialect prints its own extraction syntax. `as` says the value it
 * is compared with is a number or a boolean (dialects that extract text compare it as one), or that it is
 * tested for NULL (a JSON null must count as NULL).
 */
export interface JsonPathNode {
  readonly kind: 'jsonPath';
  readonly expr: ExprNode;
  readonly path: readonly string[];
  readonly as?: 'number' | 'boolean' | 'null';
}

export type ExprNode =
  | ColumnNode | ValueNode | RawNode | StarNode | FnNode | BinaryNode | InNode | AnyNode | BetweenNode | IsNode
  | LogicalNode | NotNode | CastNode | SubqueryNode | ExistsNode | JsonPathNode | WindowNode;

export interface TableNode {
  readonly kind: 'table';
  readonly name: string;
  readonly schema?: string;
  readonly alias?: string;
}
export interface DerivedTableNode {
  readonly kind: 'derived';
  readonly select: SelectNode;
  readonly alias: string;
}
export type FromNode = TableNode | DerivedTableNode;

export interface SelectColumn {
  readonly expr: ExprNode;
  readonly alias?: string;
}
export type JoinType = 'INNER' | 'LEFT' | 'RIGHT';
export interface JoinNode {
  readonly type: JoinType;
  readonly from: FromNode;
  readonly on: ExprNode;
}
export interface OrderNode {
  readonly expr: ExprNode;
  /** Already validated against an allow-list: ASC, DESC, and their NULLS FIRST/LAST forms. */
  readonly direction: string;
}
export type LockMode = 'UPDATE' | 'SHARE' | 'KEY SHARE' | 'NO KEY UPDATE';

export interface SelectNode {
  readonly kind: 'select';
  readonly from: FromNode;
  readonly columns: readonly SelectColumn[];
  readonly joins?: readonly JoinNode[];
  readonly where?: ExprNode;
  readonly groupBy?: readonly ExprNode[];
  readonly having?: ExprNode;
  readonly orderBy?: readonly OrderNode[];
  readonly limit?: number;
  readonly offset?: number;
  readonly distinct?: boolean;
  readonly lock?: LockMode;
  /** `lock: { level, of: Model }`: the alias whose rows are locked (`FOR UPDATE OF "pug"`), where the dialect has OF. */
  readonly lockOf?: string;
  /** `skipLocked: true`: rows locked by others are left out (`SKIP LOCKED`), where the dialect has it. */
  readonly skipLocked?: boolean;
}

export type ConflictAction =
  | { readonly action: 'nothing'; readonly target?: readonly string[] }
  | { readonly action: 'update'; readonly target: readonly string[]; readonly columns: readonly string[] };

export interface InsertNode {
  readonly kind: 'insert';
  readonly table: TableNode;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ExprNode[])[];
  readonly returning?: readonly string[];
  readonly conflict?: ConflictAction;
}
export interface Assignment {
  readonly column: string;
  readonly value: ExprNode;
}
export interface UpdateNode {
  readonly kind: 'update';
  readonly table: TableNode;
  readonly set: readonly Assignment[];
  readonly where?: ExprNode;
  readonly returning?: readonly string[];
  readonly limit?: number;
}
export interface DeleteNode {
  readonly kind: 'delete';
  readonly table: TableNode;
  readonly where?: ExprNode;
  readonly returning?: readonly string[];
  readonly limit?: number;
}

export type StatementNode = SelectNode | InsertNode | UpdateNode | DeleteNode;

export const sql = {
  column: (name: string, table?: string): ColumnNode => Object.freeze(table === undefined ? { kind: 'column', name } : { kind: 'column', table, name }),
  value: (value: unknown): ValueNode => Object.freeze({ kind: 'value', value }),
  raw: (text: string, values?: readonly unknown[]): RawNode => Object.freeze(values === undefined ? { kind: 'raw', sql: text } : { kind: 'raw', sql: text, values }),
  star: (table?: string): StarNode => Object.freeze(table === undefined ? { kind: 'star' } : { kind: 'star', table }),
  fn: (name: string, args: readonly ExprNode[]): FnNode => Object.freeze({ kind: 'fn', name, args }),
  binary: (left: ExprNode, operator: BinaryOperator, right: ExprNode): BinaryNode => Object.freeze({ kind: 'binary', operator, left, right }),
  like: (left: ExprNode, pattern: ExprNode, escape: string): BinaryNode => Object.freeze({ kind: 'binary', operator: 'LIKE', left, right: pattern, escape }),
  eq: (left: ExprNode, right: ExprNode): BinaryNode => sql.binary(left, '=', right),
  in: (left: ExprNode, list: readonly ExprNode[] | SelectNode | RawNode, negated = false): InNode => Object.freeze({ kind: 'in', left, list, negated }),
  any: (left: ExprNode, values: readonly unknown[], operator: BinaryOperator = '=', quantifier: 'ANY' | 'ALL' = 'ANY'): AnyNode =>
    Object.freeze({ kind: 'any', left, operator, quantifier, values }),
  between: (left: ExprNode, low: ExprNode, high: ExprNode, negated = false): BetweenNode => Object.freeze({ kind: 'between', left, low, high, negated }),
  is: (left: ExprNode, value: null | boolean, negated = false): IsNode => Object.freeze({ kind: 'is', left, value, negated }),
  and: (items: readonly ExprNode[]): ExprNode => (items.length === 1 ? items[0]! : Object.freeze({ kind: 'and', items })),
  or: (items: readonly ExprNode[]): ExprNode => (items.length === 1 ? items[0]! : Object.freeze({ kind: 'or', items })),
  not: (item: ExprNode): NotNode => Object.freeze({ kind: 'not', item }),
  cast: (expr: ExprNode, type: string): CastNode => Object.freeze({ kind: 'cast', expr, type }),
  subquery: (select: SelectNode): SubqueryNode => Object.freeze({ kind: 'subquery', select }),
  exists: (select: SelectNode): ExistsNode => Object.freeze({ kind: 'exists', select }),
  window: (fn: FnNode, partitionBy: readonly ExprNode[], orderBy: readonly OrderNode[]): WindowNode => Object.freeze({ kind: 'window', fn, partitionBy, orderBy }),
  jsonPath: (expr: ExprNode, path: readonly string[], as?: JsonPathNode['as']): JsonPathNode =>
    Object.freeze(as === undefined ? { kind: 'jsonPath', expr, path } : { kind: 'jsonPath', expr, path, as }),
  table: (name: string, alias?: string, schema?: string): TableNode =>
    Object.freeze({ kind: 'table', name, ...(alias === undefined ? {} : { alias }), ...(schema === undefined ? {} : { schema }) }),
};
