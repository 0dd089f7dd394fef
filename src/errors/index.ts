export * from './base-error.js';
export * from './validation-errors.js';
export * from './database-errors.js';
export * from './connection-errors.js';
export * from './usage-errors.js';
