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
