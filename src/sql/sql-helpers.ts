/**
 * The SQL fragments users build with `sequelize.fn`, `col`, `literal`, `where`, `cast`, `json`.
 * They stay plain data; the query layer turns them into AST nodes.
 */
export abstract class SqlFragment {
  // On the prototype, not the instance: the fragment's own keys are v6's (`{ val }`, `{ fn, args }`), which
  // code comparing or serializing them sees.
  abstract readonly fragmentKind: 'fn' | 'col' | 'literal' | 'where' | 'cast' | 'json';
}

export class Fn extends SqlFragment {
  get fragmentKind(): 'fn' {
    return 'fn';
  }
  constructor(readonly fn: string, readonly args: readonly unknown[]) {
    super();
  }
}

export class Col extends SqlFragment {
  get fragmentKind(): 'col' {
    return 'col';
  }
  readonly col: string;
  constructor(col: string, ...rest: string[]) {
    super();
    this.col = rest.length > 0 ? [col, ...rest].join('.') : col;
  }
}

export class Literal extends SqlFragment {
  get fragmentKind(): 'literal' {
    return 'literal';
  }
  constructor(readonly val: string) {
    super();
  }
}

/**
 * A literal whose finder gave `replacements` or `bind`: its placeholders became `\0` markers, its values
 * are bound there (as every value is), where v6 writes them into the text.
 */
export class BoundLiteral extends Literal {
  constructor(val: string, readonly values: readonly unknown[]) {
    super(val);
  }
}

export class Cast extends SqlFragment {
  get fragmentKind(): 'cast' {
    return 'cast';
  }
  constructor(readonly val: unknown, readonly type: string) {
    super();
  }
}

/** `sequelize.where(lhs, value)` / `where(lhs, Op.gt, value)`: a condition whose left side is not an attribute name. */
export class Where extends SqlFragment {
  get fragmentKind(): 'where' {
    return 'where';
  }
  readonly attribute: unknown;
  readonly comparator: symbol | string;
  readonly logic: unknown;
  constructor(attribute: unknown, comparatorOrLogic: unknown, logic?: unknown) {
    super();
    this.attribute = attribute;
    if (logic === undefined) {
      this.comparator = '=';
      this.logic = comparatorOrLogic;
    } else {
      this.comparator = comparatorOrLogic as symbol | string;
      this.logic = logic;
    }
  }
}

export class Json extends SqlFragment {
  get fragmentKind(): 'json' {
    return 'json';
  }
  /** A `meta.a.b` path, or an object of conditions on JSON attributes (`json({ meta: { a: 1 } })`). */
  constructor(readonly path: string | Record<string, unknown>, readonly value?: unknown) {
    super();
  }
}

export function fn(name: string, ...args: unknown[]): Fn {
  return new Fn(name, args);
}
export function col(name: string): Col {
  return new Col(name);
}
export function literal(sql: string): Literal {
  return new Literal(sql);
}
export function cast(value: unknown, type: string): Cast {
  return new Cast(value, type);
}
export function where(attribute: unknown, comparatorOrLogic: unknown, logic?: unknown): Where {
  return new Where(attribute, comparatorOrLogic, logic);
}
export function json(path: string | Record<string, unknown>, value?: unknown): Json {
  return new Json(path, value);
}

export function and(...conditions: unknown[]): { [key: symbol]: unknown[] } {
  return { [Symbol.for('and')]: conditions };
}
export function or(...conditions: unknown[]): { [key: symbol]: unknown[] } {
  return { [Symbol.for('or')]: conditions };
}
