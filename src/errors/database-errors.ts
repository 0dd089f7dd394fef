import { BaseError } from './base-error.js';

export interface DatabaseErrorOptions {
  sql?: string;
  parameters?: readonly unknown[];
}

/** A driver error wrapped with the statement that caused it; `parent`/`original` keep the driver's own error. */
export class DatabaseError extends BaseError {
  parent: Error & { sql?: string };
  original: Error & { sql?: string };
  sql: string;
  parameters: readonly unknown[];

  constructor(parent: Error, options: DatabaseErrorOptions = {}) {
    super(parent.message);
    this.name = 'SequelizeDatabaseError';
    this.parent = parent;
    this.original = parent;
    // As v6: a driver error carrying its statement (`sql`, `parameters`) gives them when the options do not.
    const carried = parent as Error & { sql?: unknown; parameters?: unknown };
    this.sql = options.sql ?? (typeof carried.sql === 'string' ? carried.sql : '');
    this.parameters = options.parameters ?? (Array.isArray(carried.parameters) ? carried.parameters : []);
  }
}

/** v6's constraint errors take one options object (`new ForeignKeyConstraintError({ parent, fields })`); joinery's drivers pass (parent, options). */
type ParentOrOptions<O> = Error | (O & { parent?: Error });
function splitArguments<O extends object>(first: ParentOrOptions<O>, options: O): [Error, O] {
  if (first instanceof Error) return [first, options];
  const given = first as O & { parent?: Error & { sql?: string }; message?: string; sql?: string };
  const parent = given.parent ?? new Error(given.message ?? '');
  // v6 reads the statement from the parent, as drivers attach it there.
  return [parent, { ...given, sql: given.sql ?? (parent as { sql?: string }).sql }];
}

export class TimeoutError extends DatabaseError {
  constructor(parent: Error, options?: DatabaseErrorOptions) {
    super(parent, options);
    this.name = 'SequelizeTimeoutError';
  }
}

export interface ForeignKeyConstraintErrorOptions extends DatabaseErrorOptions {
  message?: string;
  fields?: string[] | Record<string, unknown>;
  table?: string;
  value?: unknown;
  index?: string;
  reltype?: 'parent' | 'child';
}

export class ForeignKeyConstraintError extends DatabaseError {
  table: string | undefined;
  fields: string[] | Record<string, unknown> | undefined;
  value: unknown;
  index: string | undefined;
  reltype: 'parent' | 'child' | undefined;

  constructor(parentOrOptions: ParentOrOptions<ForeignKeyConstraintErrorOptions>, maybeOptions: ForeignKeyConstraintErrorOptions = {}) {
    const [parent, options] = splitArguments(parentOrOptions, maybeOptions);
    super(parent, options);
    this.name = 'SequelizeForeignKeyConstraintError';
    this.message = options.message ?? 'Database Error';
    this.table = options.table;
    this.fields = options.fields;
    this.value = options.value;
    this.index = options.index;
    this.reltype = options.reltype;
  }
}

type ConstraintErrorOptions = DatabaseErrorOptions & { message?: string; constraint?: string; fields?: Record<string, unknown>; table?: string };

export class ExclusionConstraintError extends DatabaseError {
  constraint: string | undefined;
  fields: Record<string, unknown> | undefined;
  table: string | undefined;

  constructor(parentOrOptions: ParentOrOptions<ConstraintErrorOptions>, maybeOptions: ConstraintErrorOptions = {}) {
    const [parent, options] = splitArguments(parentOrOptions, maybeOptions);
    super(parent, options);
    this.name = 'SequelizeExclusionConstraintError';
    this.message = options.message ?? parent.message;
    this.constraint = options.constraint;
    this.fields = options.fields;
    this.table = options.table;
  }
}

export class UnknownConstraintError extends DatabaseError {
  constraint: string | undefined;
  fields: Record<string, unknown> | undefined;
  table: string | undefined;

  constructor(parentOrOptions: ParentOrOptions<ConstraintErrorOptions>, maybeOptions: ConstraintErrorOptions = {}) {
    const [parent, options] = splitArguments(parentOrOptions, maybeOptions);
    super(parent, options);
    this.name = 'SequelizeUnknownConstraintError';
    this.message = options.message ?? 'The specified constraint does not exist';
    this.constraint = options.constraint;
    this.fields = options.fields;
    this.table = options.table;
  }
}

/**
 * A query joinery refuses before sending it where v6 sends it and the database rejects it (an unknown column, a
 * value the column's type cannot hold): v6's class and `name`, so the same `catch` holds, with a message naming
 * the model and attribute. No SQL was sent: `sql` is empty and `parent` an Error with the same message.
 */
export class QueryRefusedError extends DatabaseError {
  constructor(message: string) {
    super(new Error(message));
  }
}
