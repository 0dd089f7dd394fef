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
    this.sql = options.sql ?? '';
    this.parameters = options.parameters ?? [];
  }
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

  constructor(parent: Error, options: ForeignKeyConstraintErrorOptions = {}) {
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

export class ExclusionConstraintError extends DatabaseError {
  constraint: string | undefined;
  fields: Record<string, unknown> | undefined;
  table: string | undefined;

  constructor(parent: Error, options: DatabaseErrorOptions & { message?: string; constraint?: string; fields?: Record<string, unknown>; table?: string } = {}) {
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

  constructor(parent: Error, options: DatabaseErrorOptions & { message?: string; constraint?: string; fields?: Record<string, unknown>; table?: string } = {}) {
    super(parent, options);
    this.name = 'SequelizeUnknownConstraintError';
    this.message = options.message ?? 'The specified constraint does not exist';
    this.constraint = options.constraint;
    this.fields = options.fields;
    this.table = options.table;
  }
}
