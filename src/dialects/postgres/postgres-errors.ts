import {
  AccessDeniedError, ConnectionAcquireTimeoutError, ConnectionError, ConnectionRefusedError, ConnectionTimedOutError, HostNotFoundError, HostNotReachableError, InvalidConnectionError,
} from '../../errors/connection-errors.js';
import { DatabaseError, ExclusionConstraintError, ForeignKeyConstraintError, TimeoutError, UnknownConstraintError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface PgDriverError extends Error {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
  sql?: string;
}

type ErrorContext = { sql: string; parameters: readonly unknown[] };

const connectionCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EINVAL', 'ETIMEDOUT', '28P01', '28000']);

/** `Key (email, name)=(a@b.c, x) already exists.` → { email: 'a@b.c', name: 'x' }, as Sequelize reads it. */
function keyValues(detail: string | undefined): Record<string, string> {
  const match = /Key \((.+?)\)=\((.*)\)/s.exec((detail ?? '').replaceAll('"', ''));
  if (!match) return {};
  const columns = match[1]!.split(', ');
  // A lone value may itself contain ", "; several values cannot be told apart any better than Sequelize does.
  const values = columns.length === 1 ? [match[2]!] : match[2]!.split(', ');
  return Object.fromEntries(columns.map((column, index) => [column, values[index] ?? '']));
}

export function convertConnectionError(error: unknown): Error {
  if (error instanceof ConnectionError) return error;
  const driverError = error instanceof Error ? (error as PgDriverError) : new Error(String(error));
  const code = (driverError as PgDriverError).code;
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(driverError);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HostNotFoundError(driverError);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new HostNotReachableError(driverError);
  if (code === 'EINVAL' || code === 'ERR_SOCKET_BAD_PORT') return new InvalidConnectionError(driverError);
  if (code === 'ETIMEDOUT') return new ConnectionTimedOutError(driverError);
  if (code === '28P01' || code === '28000') return new AccessDeniedError(driverError);
  // pg's pool gave up waiting for a free client within `pool.acquire` ms.
  if (/timeout exceeded when trying to connect/i.test(driverError.message)) {
    // v6's message first ("Operation timeout"), as on the other dialects; pg's own words after it.
    const timedOut = new ConnectionAcquireTimeoutError(driverError);
    timedOut.message = `Operation timeout: no connection was free within pool.acquire (pg: ${driverError.message}).`;
    return timedOut;
  }
  // The server did not answer within `dialectOptions.connectionTimeoutMillis` / `pool.acquire`.
  if (/Connection terminated due to connection timeout/i.test(driverError.message)) return new ConnectionTimedOutError(driverError);
  return new ConnectionError(driverError);
}

function uniqueViolation(error: PgDriverError, context: ErrorContext): Error {
  const fields = keyValues(error.detail);
  if (Object.keys(fields).length === 0) return new UniqueConstraintError({ message: error.message, parent: error, sql: context.sql });
  const errors = Object.entries(fields).map(([field, value]) =>
    new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, value, undefined, 'not_unique'));
  return new UniqueConstraintError({ message: 'Validation error', errors, parent: error, sql: context.sql, fields });
}

/** "still referenced" means a parent row was deleted or changed; "not present" that a child row points nowhere. */
function foreignKeyViolation(error: PgDriverError, context: ErrorContext): Error {
  const keys = keyValues(error.detail);
  // Sequelize reports the first table the message names: the child on insert, the parent on delete.
  const table = /on table "(.+?)"/.exec(error.message)?.[1] ?? error.table;
  const index = /violates foreign key constraint "(.+?)"/.exec(error.message)?.[1] ?? error.constraint;
  return new ForeignKeyConstraintError(error, {
    ...context,
    message: error.message,
    fields: Object.keys(keys),
    value: Object.values(keys)[0],
    reltype: /is still referenced/.test(error.detail ?? '') ? 'parent' : 'child',
    ...(table === undefined ? {} : { table }),
    ...(index === undefined ? {} : { index }),
  });
}

export function convertPostgresError(error: unknown, context: ErrorContext): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as PgDriverError;
  driverError.sql = context.sql;
  switch (driverError.code) {
    case '23505':
      return uniqueViolation(driverError, context);
    case '23503':
      return foreignKeyViolation(driverError, context);
    case '23P01': {
      const constraint = /violates exclusion constraint "(.+?)"/.exec(driverError.message)?.[1] ?? driverError.constraint;
      return new ExclusionConstraintError(driverError, {
        ...context, constraint, table: driverError.table, fields: keyValues(driverError.detail),
      });
    }
    case '57014': // query_canceled (statement_timeout)
    case '55P03': // lock_not_available (lock_timeout, NOWAIT)
      return new TimeoutError(driverError, context);
    case '42704':
      // "undefined object" covers types and much else; only statements about constraints or indexes are Sequelize's case.
      if (/(CONSTRAINT|INDEX)/i.test(context.sql)) {
        const constraint = /(?:constraint|index) "(.+?)"/i.exec(driverError.message)?.[1] ?? driverError.constraint;
        return new UnknownConstraintError(driverError, { ...context, message: 'Unknown constraint error', constraint, table: driverError.table });
      }
      return new DatabaseError(driverError, context);
    default:
      if (connectionCodes.has(driverError.code ?? '')) return convertConnectionError(driverError);
      return new DatabaseError(driverError, context);
  }
}
