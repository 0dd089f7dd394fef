/**
 * Sequelize v6's `Deferrable`: when PostgreSQL checks a constraint. `INITIALLY_DEFERRED`, `INITIALLY_IMMEDIATE`
 * and `NOT` go in `references: { …, deferrable }` (and `addConstraint`); `SET_DEFERRED(names?)` and
 * `SET_IMMEDIATE(names?)` in `sequelize.transaction({ deferrable })`. Each is a class that can also be called,
 * and `toString()` is its SQL text, as in v6.
 */
export abstract class DeferrableBase {
  abstract toSql(quote?: (name: string) => string): string;
  toString(): string {
    return this.toSql();
  }
  static toString(): string {
    return (new (this as unknown as new () => DeferrableBase)()).toSql();
  }
}

class INITIALLY_DEFERRED extends DeferrableBase {
  toSql(): string {
    return 'DEFERRABLE INITIALLY DEFERRED';
  }
}
class INITIALLY_IMMEDIATE extends DeferrableBase {
  toSql(): string {
    return 'DEFERRABLE INITIALLY IMMEDIATE';
  }
}
class NOT extends DeferrableBase {
  toSql(): string {
    return 'NOT DEFERRABLE';
  }
}

abstract class SetConstraints extends DeferrableBase {
  abstract readonly mode: 'DEFERRED' | 'IMMEDIATE';
  constructor(readonly constraints?: readonly string[]) {
    super();
  }
  toSql(quote: (name: string) => string = (name) => `"${name.replaceAll('"', '""')}"`): string {
    const names = this.constraints && this.constraints.length > 0 ? this.constraints.map(quote).join(', ') : 'ALL';
    return `SET CONSTRAINTS ${names} ${this.mode}`;
  }
}
class SET_DEFERRED extends SetConstraints {
  readonly mode = 'DEFERRED';
}
class SET_IMMEDIATE extends SetConstraints {
  readonly mode = 'IMMEDIATE';
}

type DeferrableClass<Args extends unknown[]> = (new (...args: Args) => DeferrableBase) & ((...args: Args) => DeferrableBase);

function callable<Args extends unknown[]>(Type: new (...args: Args) => DeferrableBase): DeferrableClass<Args> {
  return new Proxy(Type, {
    apply: (target, _this, args: unknown[]) => new target(...(args as Args)),
  }) as DeferrableClass<Args>;
}

export const Deferrable = {
  INITIALLY_DEFERRED: callable(INITIALLY_DEFERRED),
  INITIALLY_IMMEDIATE: callable(INITIALLY_IMMEDIATE),
  NOT: callable(NOT),
  SET_DEFERRED: callable<[constraints?: readonly string[]]>(SET_DEFERRED),
  SET_IMMEDIATE: callable<[constraints?: readonly string[]]>(SET_IMMEDIATE),
} as const;

const byName: Record<string, () => DeferrableBase> = {
  INITIALLY_DEFERRED: () => new INITIALLY_DEFERRED(),
  INITIALLY_IMMEDIATE: () => new INITIALLY_IMMEDIATE(),
  NOT: () => new NOT(),
  SET_DEFERRED: () => new SET_DEFERRED(),
  SET_IMMEDIATE: () => new SET_IMMEDIATE(),
};

/** What users pass as `deferrable`: a Deferrable class, an instance, or its name ('INITIALLY_DEFERRED'). */
export function toDeferrable(value: unknown): DeferrableBase | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (value instanceof DeferrableBase) return value;
  if (typeof value === 'function') {
    const instance: unknown = new (value as new () => unknown)();
    if (instance instanceof DeferrableBase) return instance;
  }
  if (typeof value === 'string' && byName[value.toUpperCase()]) return byName[value.toUpperCase()]!();
  throw new TypeError(`Invalid deferrable ${String(value)}: use Sequelize.Deferrable.INITIALLY_DEFERRED, INITIALLY_IMMEDIATE, NOT, SET_DEFERRED or SET_IMMEDIATE.`);
}

/** The clause a constraint carries (`DEFERRABLE INITIALLY DEFERRED`, …); SET_* ones belong to transactions. */
export function constraintDeferrableSql(value: unknown): string | undefined {
  const deferrable = toDeferrable(value);
  if (!deferrable) return undefined;
  if (deferrable instanceof SetConstraints) throw new TypeError(`${deferrable.toSql()} is for transactions ({ deferrable }); a constraint takes Deferrable.INITIALLY_DEFERRED, INITIALLY_IMMEDIATE or NOT.`);
  return deferrable.toSql();
}

/**
 * The statement a transaction runs after BEGIN: SET_DEFERRED / SET_IMMEDIATE as given; INITIALLY_DEFERRED and
 * INITIALLY_IMMEDIATE are read as "all deferrable constraints deferred / immediate" (v6 sends their clause text,
 * which PostgreSQL rejects); NOT needs nothing.
 */
export function transactionDeferrableSql(value: unknown, quote: (name: string) => string): string | undefined {
  const deferrable = toDeferrable(value);
  if (!deferrable || deferrable instanceof NOT) return undefined;
  if (deferrable instanceof SetConstraints) return deferrable.toSql(quote);
  return deferrable instanceof INITIALLY_DEFERRED ? 'SET CONSTRAINTS ALL DEFERRED' : 'SET CONSTRAINTS ALL IMMEDIATE';
}
