import { ConnectionError } from '../../errors/connection-errors.js';
import { DatabaseError, ForeignKeyConstraintError, TimeoutError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface SqliteDriverError extends Error {
  code?: string;
  errno?: number;
  extendedCode?: string;
}

const primaryCodes = ['ERROR', 'INTERNAL', 'PERM', 'ABORT', 'BUSY', 'LOCKED', 'NOMEM', 'READONLY', 'INTERRUPT', 'IOERR', 'CORRUPT',
  'NOTFOUND', 'FULL', 'CANTOPEN', 'PROTOCOL', 'EMPTY', 'SCHEMA', 'TOOBIG', 'CONSTRAINT', 'MISMATCH', 'MISUSE', 'NOLFS', 'AUTH', 'FORMAT', 'RANGE', 'NOTADB'];

/**
 * v6's driver (sqlite3) reports the primary result code, its number and a message prefixed with the code
 * (`SQLITE_CONSTRAINT`, 19, "SQLITE_CONSTRAINT: FOREIGN KEY constraint failed"); better-sqlite3 gives the
 * extended code and the bare message. Code that checks `error.original.code` sees v6's values; the extended
 * code stays on `extendedCode`.
 */
function presentAsV6(driverError: SqliteDriverError, code: string): void {
  const primary = /^SQLITE_([A-Z]+)/.exec(code)?.[1];
  if (primary === undefined || driverError.extendedCode !== undefined) return;
  const errno = primaryCodes.indexOf(primary) + 1;
  driverError.extendedCode = code;
  driverError.code = `SQLITE_${primary}`;
  if (errno > 0) driverError.errno = errno;
  if (!driverError.message.startsWith('SQLITE_')) driverError.message = `SQLITE_${primary}: ${driverError.message}`;
}

export function convertSqliteError(error: unknown, context: { sql: string; parameters: readonly unknown[] }): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as SqliteDriverError & { sql?: string };
  driverError.sql = context.sql;
  const code = driverError.code ?? '';
  const message = driverError.message;
  presentAsV6(driverError, code);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || message.includes('UNIQUE constraint failed')) {
    const match = /UNIQUE constraint failed: (.+)/.exec(message);
    const fields = match ? match[1]!.split(', ').map((qualified) => qualified.split('.').pop()!) : [];
    const errors = fields.map((field) => new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, null, undefined, 'not_unique'));
    // On SQLite, Sequelize v6 reports `fields` as the list of column names (the message carries no values).
    const unique = new UniqueConstraintError({ message: 'Validation error', errors, parent: driverError, sql: context.sql, fields });
    return unique;
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || message.includes('FOREIGN KEY constraint failed')) {
    return new ForeignKeyConstraintError(driverError, { ...context, message: driverError.message });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new TimeoutError(driverError, context);
  return new DatabaseError(driverError, context);
}
