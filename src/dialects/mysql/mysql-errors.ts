import { AccessDeniedError, ConnectionError, ConnectionRefusedError, HostNotFoundError } from '../../errors/connection-errors.js';
import { DatabaseError, ForeignKeyConstraintError, TimeoutError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface MysqlDriverError extends Error {
  code?: string;
  errno?: number;
  sql?: string;
}

export function convertMysqlConnectionError(error: unknown): Error {
  const driverError = error instanceof Error ? (error as MysqlDriverError) : new Error(String(error));
  const code = (driverError as MysqlDriverError).code;
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(driverError);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HostNotFoundError(driverError);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') return new AccessDeniedError(driverError);
  return new ConnectionError(driverError);
}

export function convertMysqlError(error: unknown, context: { sql: string; parameters: readonly unknown[] }): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as MysqlDriverError;
  driverError.sql = context.sql;
  switch (driverError.errno) {
    case 1062: {
      // Duplicate entry 'a@b.co' for key 'email' (MariaDB) / 'pugs.email' (MySQL 8)
      const match = /Duplicate entry '(.*)' for key '(.+?)'/.exec(driverError.message);
      const key = match ? match[2]!.split('.').pop()! : 'PRIMARY';
      // An inline UNIQUE column's index carries the column's name; a named key keeps its own.
      const field = key;
      const fields = { [field]: match?.[1] ?? null };
      const errors = [new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, match?.[1] ?? null, undefined, 'not_unique')];
      return new UniqueConstraintError({ errors, parent: driverError, sql: context.sql, fields });
    }
    case 1451:
    case 1452: {
      const match = /CONSTRAINT `(.+?)` FOREIGN KEY \(`(.+?)`\) REFERENCES `(.+?)`/.exec(driverError.message);
      const table = /a foreign key constraint fails \(`[^`]+`\.`(.+?)`/.exec(driverError.message)?.[1];
      return new ForeignKeyConstraintError(driverError, {
        ...context,
        message: driverError.message,
        reltype: driverError.errno === 1451 ? 'parent' : 'child',
        ...(table ? { table } : {}),
        ...(match ? { index: match[1]!, fields: [match[2]!] } : {}),
      });
    }
    case 1205:
      return new TimeoutError(driverError, context);
    default:
      if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ER_ACCESS_DENIED_ERROR'].includes(driverError.code ?? '')) return convertMysqlConnectionError(driverError);
      return new DatabaseError(driverError, context);
  }
}
