import { BaseError } from './base-error.js';

export class ConnectionError extends BaseError {
  parent: Error;
  original: Error;

  constructor(parent: Error) {
    super(parent ? parent.message : '');
    this.name = 'SequelizeConnectionError';
    this.parent = parent;
    this.original = parent;
  }
}

export class ConnectionRefusedError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeConnectionRefusedError';
  }
}

export class AccessDeniedError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeAccessDeniedError';
  }
}

export class HostNotFoundError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeHostNotFoundError';
  }
}

export class HostNotReachableError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeHostNotReachableError';
  }
}

export class InvalidConnectionError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeInvalidConnectionError';
  }
}

export class ConnectionTimedOutError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeConnectionTimedOutError';
  }
}

export class ConnectionAcquireTimeoutError extends ConnectionError {
  constructor(parent: Error) {
    super(parent);
    this.name = 'SequelizeConnectionAcquireTimeoutError';
  }
}

/** A query after `sequelize.close()`: v6's message, and what to do about it. */
export function closedConnectionError(): ConnectionError {
  const error = new ConnectionError(new Error('ConnectionManager.getConnection was called after the connection manager was closed! sequelize.close() ends the pool for good; create a new Sequelize instance to query again.'));
  return error;
}

/** v6's error for a query queued on a connection that went away (its MSSQL queue); exported for `instanceof`. */
export class AsyncQueueError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeAsyncQueueError';
  }
}
