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

  static notAssociated(targetName: string, sourceName: string): EagerLoadingError {
    return new EagerLoadingError(
      `${targetName} is not associated to ${sourceName}! ` +
        `Associate them first, e.g. ${sourceName}.hasMany(${targetName}), ${sourceName}.belongsTo(${targetName}) or ${sourceName}.belongsToMany(${targetName}, { through: '…' }).`,
    );
  }

  static ambiguous(targetName: string, sourceName: string, aliases: readonly string[]): EagerLoadingError {
    return new EagerLoadingError(
      `${targetName} is associated to ${sourceName} more than once (as ${aliases.map((alias) => `'${alias}'`).join(', ')}). ` +
        `Say which one you mean with the "as" of the include, e.g. { model: ${targetName}, as: '${aliases[0]}' }.`,
    );
  }

  static unknownAlias(targetName: string, sourceName: string, alias: string, known: readonly string[]): EagerLoadingError {
    const knownText = known.length > 0 ? `You've included an alias (${alias}), but it does not match the alias(es) defined in your association (${known.join(', ')}).` : `${sourceName} has no association to ${targetName} at all.`;
    return new EagerLoadingError(`${targetName} is associated to ${sourceName} using an alias. ${knownText}`);
  }
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
