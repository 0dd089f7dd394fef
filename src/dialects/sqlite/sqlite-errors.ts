import { ConnectionError } from '../../errors/connection-errors.js';
import { DatabaseError, ForeignKeyConstraintError, TimeoutError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface SqliteDriverError extends Error {
  code?: string;
}

export function convertSqliteError(error: unknown, context: { sql: string; parameters: readonly unknown[] }): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as SqliteDriverError & { sql?: string };
  driverError.sql = context.sql;
  const code = driverError.code ?? '';
  const message = driverError.message;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || message.includes('UNIQUE constraint failed')) {
    const match = /UNIQUE constraint failed: (.+)/.exec(message);
    const fields = match ? match[1]!.split(', ').map((qualified) => qualified.split('.').pop()!) : [];
    const errors = fields.map((field) => new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, null, undefined, 'not_unique'));
    // On SQLite, Sequelize v6 reports `fields` as the list of column names (the message carries no values).
    const unique = new UniqueConstraintError({ errors, parent: driverError, sql: context.sql, fields });
    return unique;
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || message.includes('FOREIGN KEY constraint failed')) {
    return new ForeignKeyConstraintError(driverError, { ...context, message: message });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new TimeoutError(driverError, context);
  return new DatabaseError(driverError, context);
}
