import { BaseError } from './base-error.js';

/** Thrown by finders given `rejectOnEmpty` when nothing matched. */
export class EmptyResultError extends BaseError {
  constructor(message?: string) {
    super(message);
    this.name = 'SequelizeEmptyResultError';
  }

  static forModel(modelName: string): EmptyResultError {
    return new EmptyResultError(`No ${modelName} found matching the query (rejectOnEmpty was set)`);
  }
}

export class EagerLoadingError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeEagerLoadingError';
  }

  /** v6's exact message ("x is not associated to y!"): applications match it. Both names are in it. */
  static notAssociated(target: NamedModel, source: NamedModel): EagerLoadingError {
    return new EagerLoadingError(`${target.name} is not associated to ${source.name}!`);
  }

  static ambiguous(targetName: string, sourceName: string, aliases: readonly string[]): EagerLoadingError {
    return new EagerLoadingError(
      `${targetName} is associated to ${sourceName} multiple times. To identify the correct association, you must use the 'as' keyword to specify the alias of the association you want to include: ` +
        `${aliases.map((alias) => `{ model: ${targetName}, as: '${alias}' }`).join(' or ')}.`,
    );
  }

  static aliasRequired(targetName: string, sourceName: string, alias: string): EagerLoadingError {
    return new EagerLoadingError(
      `${targetName} is associated to ${sourceName} using an alias. You must use the 'as' keyword to specify the alias within your include statement: { model: ${targetName}, as: '${alias}' }.`,
    );
  }

  static unknownAlias(targetName: string, sourceName: string, alias: string, known: readonly string[]): EagerLoadingError {
    return new EagerLoadingError(
      `${targetName} is associated to ${sourceName} using an alias. You've included an alias (${alias}), but it does not match the alias(es) defined in your association (${known.join(', ')}).`,
    );
  }

  static noAlias(sourceName: string, alias: string, known: readonly string[]): EagerLoadingError {
    return new EagerLoadingError(`Association with alias "${alias}" does not exist on ${sourceName}. Its associations are: ${known.length > 0 ? known.map((name) => `'${name}'`).join(', ') : '(none)'}.`);
  }
}

/** The part of a model the include errors name. */
interface NamedModel {
  readonly name: string;
  readonly associations?: Record<string, unknown>;
}

export class AssociationError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeAssociationError';
  }
}

export class InstanceError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeInstanceError';
  }
}

export class QueryError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeQueryError';
  }
}

export class OptimisticLockError extends BaseError {
  modelName: string | undefined;
  values: Record<string, unknown> | undefined;
  where: Record<string, unknown> | undefined;

  constructor(options: { message?: string; modelName?: string; values?: Record<string, unknown>; where?: Record<string, unknown> } = {}) {
    super(options.message ?? `Attempting to update a stale model instance: ${options.modelName ?? ''}`);
    this.name = 'SequelizeOptimisticLockError';
    this.modelName = options.modelName;
    this.values = options.values;
    this.where = options.where;
  }
}

export class AggregateError extends BaseError {
  errors: Error[];

  constructor(errors: Error[]) {
    super(errors.map((error, index) => `#${index}: ${error.message}`).join('\n'));
    this.name = 'AggregateError';
    this.errors = errors;
  }
}

export class BulkRecordError extends BaseError {
  errors: Error;
  record: unknown;

  constructor(error: Error, record: unknown) {
    super(error.message);
    this.name = 'SequelizeBulkRecordError';
    this.errors = error;
    this.record = record;
  }
}

/** A mistake in how the API was called, caught before any SQL is sent. */
export class UsageError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'JoineryUsageError';
  }
}

/** `Model.scope('name')` for a scope the model does not have; Sequelize's class name kept for `instanceof`. */
export class SequelizeScopeError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeScopeError';
  }
}
