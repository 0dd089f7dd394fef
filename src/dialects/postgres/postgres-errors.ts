import { AccessDeniedError, ConnectionError, ConnectionRefusedError, HostNotFoundError } from '../../errors/connection-errors.js';
import { DatabaseError, ExclusionConstraintError, ForeignKeyConstraintError, TimeoutError, UnknownConstraintError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface PgDriverError extends Error {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
  sql?: string;
}

/** `Key (email, name)=(a@b.c, x) already exists.` → { email: 'a@b.c', name: 'x' } */
function keyValues(detail: string | undefined): Record<string, string> {
  const match = /Key \((.+?)\)=\((.*)\)/.exec(detail ?? '');
  if (!match) return {};
  const columns = match[1]!.split(', ').map((column) => column.replace(/^"|"$/g, ''));
  const values = columns.length === 1 ? [match[2]!] : match[2]!.split(', ');
  return Object.fromEntries(columns.map((column, index) => [column, values[index] ?? '']));
}

export function convertConnectionError(error: unknown): Error {
  const driverError = error instanceof Error ? (error as PgDriverError) : new Error(String(error));
  const code = (driverError as PgDriverError).code;
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(driverError);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HostNotFoundError(driverError);
  if (code === '28P01' || code === '28000') return new AccessDeniedError(driverError);
  return new ConnectionError(driverError);
}

export function convertPostgresError(error: unknown, context: { sql: string; parameters: readonly unknown[] }): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as PgDriverError;
  driverError.sql = context.sql;
  switch (driverError.code) {
    case '23505': {
      const fields = keyValues(driverError.detail);
      const errors = Object.entries(fields).map(([field, value]) => new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, value, undefined, 'not_unique'));
      return new UniqueConstraintError({ errors, parent: driverError, sql: context.sql, fields });
    }
    case '23503': {
      const fields = Object.keys(keyValues(driverError.detail));
      const reltype = /is still referenced/.test(driverError.detail ?? '') ? 'parent' : 'child';
      return new ForeignKeyConstraintError(driverError, {
        ...context, message: driverError.message, fields, table: driverError.table, index: driverError.constraint, reltype,
        value: Object.values(keyValues(driverError.detail))[0],
      });
    }
    case '23P01':
      return new ExclusionConstraintError(driverError, { ...context, constraint: driverError.constraint, table: driverError.table, fields: keyValues(driverError.detail) });
    case '57014':
      return new TimeoutError(driverError, context);
    case '42704':
      if (driverError.constraint || /constraint/i.test(driverError.message)) return new UnknownConstraintError(driverError, { ...context, constraint: driverError.constraint, table: driverError.table });
      return new DatabaseError(driverError, context);
    default:
      if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', '28P01', '28000'].includes(driverError.code ?? '')) return convertConnectionError(driverError);
      return new DatabaseError(driverError, context);
  }
}
