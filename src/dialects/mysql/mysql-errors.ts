import {
  AccessDeniedError, ConnectionError, ConnectionRefusedError, ConnectionTimedOutError, HostNotFoundError, HostNotReachableError, InvalidConnectionError,
} from '../../errors/connection-errors.js';
import { DatabaseError, ForeignKeyConstraintError, TimeoutError, UnknownConstraintError } from '../../errors/database-errors.js';
import { UniqueConstraintError, ValidationErrorItem } from '../../errors/validation-errors.js';

interface MysqlDriverError extends Error {
  code?: string;
  errno?: number;
  sql?: string;
  /** mysql2: the connection is unusable after this error. */
  fatal?: boolean;
}

type ErrorContext = { sql: string; parameters: readonly unknown[] };

const connectionCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EINVAL', 'ETIMEDOUT', 'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR']);

export function convertMysqlConnectionError(error: unknown): Error {
  if (error instanceof ConnectionError) return error;
  const driverError = error instanceof Error ? (error as MysqlDriverError) : new Error(String(error));
  const code = (driverError as MysqlDriverError).code;
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(driverError);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HostNotFoundError(driverError);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new HostNotReachableError(driverError);
  if (code === 'EINVAL' || code === 'ERR_SOCKET_BAD_PORT') return new InvalidConnectionError(driverError);
  if (code === 'ETIMEDOUT') return new ConnectionTimedOutError(driverError);
  // MariaDB answers an unknown user with ER_ACCESS_DENIED_NO_PASSWORD_ERROR (v6 leaves it a plain ConnectionError).
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') return new AccessDeniedError(driverError);
  return new ConnectionError(driverError);
}

/**
 * "Duplicate entry 'a@b.c' for key 'email'" (MariaDB) or "… for key 'users.email'" (MySQL 8). Without the model,
 * the key's name stands for its column, which it is for a column declared `unique: true`, as in Sequelize.
 */
function uniqueViolation(error: MysqlDriverError, context: ErrorContext): Error {
  const match = /Duplicate entry '([\s\S]*)' for key '?([\s\S]*?)'?$/.exec(error.message);
  const field = match ? match[2]!.split('.').pop()! : 'PRIMARY';
  const value = match ? match[1] : undefined;
  const errors = [new ValidationErrorItem(`${field} must be unique`, 'unique violation', field, value, undefined, 'not_unique')];
  return new UniqueConstraintError({ message: 'Validation error', errors, parent: error, sql: context.sql, fields: { [field]: value } });
}

/**
 * "Cannot add or update a child row: a foreign key constraint fails (`db`.`pets`, CONSTRAINT `pets_ibfk_1` FOREIGN KEY
 * (`ownerId`) REFERENCES `users` (`id`))". Like Sequelize, `table` is the referenced table.
 */
function foreignKeyViolation(error: MysqlDriverError, context: ErrorContext, reltype: 'parent' | 'child'): Error {
  const match = /CONSTRAINT ([`"])(.*)\1 FOREIGN KEY \(\1(.*)\1\) REFERENCES \1(.*)\1 \(\1(.*)\1\)/.exec(error.message);
  const fields = match ? match[3]!.split(new RegExp(`${match[1]}, *${match[1]}`)) : undefined;
  return new ForeignKeyConstraintError(error, {
    ...context,
    message: error.message,
    reltype,
    ...(match ? { table: match[4]!, index: match[2]!, fields } : {}),
  });
}

export function convertMysqlError(error: unknown, context: ErrorContext): Error {
  if (!(error instanceof Error)) return new DatabaseError(new Error(String(error)), context);
  if (error instanceof ConnectionError) return error;
  const driverError = error as MysqlDriverError;
  driverError.sql = context.sql;
  switch (driverError.errno) {
    case 1062: // ER_DUP_ENTRY
      return uniqueViolation(driverError, context);
    case 1217: // ER_ROW_IS_REFERENCED (servers without the constraint's text)
    case 1451: // ER_ROW_IS_REFERENCED_2
      return foreignKeyViolation(driverError, context, 'parent');
    case 1216: // ER_NO_REFERENCED_ROW
    case 1452: // ER_NO_REFERENCED_ROW_2
      return foreignKeyViolation(driverError, context, 'child');
    case 1091: { // ER_CANT_DROP_FIELD_OR_KEY: Sequelize reports a missing constraint or index this way
      if (!/(CONSTRAINT|INDEX|FOREIGN KEY|PRIMARY KEY)/i.test(context.sql)) return new DatabaseError(driverError, context);
      const constraint = /Can't DROP (?:FOREIGN KEY |CONSTRAINT |INDEX )?[`']([^`']+)[`']/i.exec(driverError.message)?.[1];
      // v6 checks first and says which constraint of which table is missing.
      const table = /^\s*ALTER TABLE\s+`([^`]+)`(?:\.`([^`]+)`)?/i.exec(context.sql);
      const tableName = table ? (table[2] ?? table[1]) : undefined;
      const message = constraint && tableName ? `Constraint ${constraint} on table ${tableName} does not exist` : 'Unknown constraint error';
      return new UnknownConstraintError(driverError, { ...context, message, constraint, ...(tableName ? { table: tableName } : {}) });
    }
    // A lock wait that ran out is a timeout; a deadlock stays a DatabaseError, as in Sequelize.
    case 1205: // ER_LOCK_WAIT_TIMEOUT
      return new TimeoutError(driverError, context);
    default:
      if (connectionCodes.has(driverError.code ?? '') || driverError.fatal === true) return convertMysqlConnectionError(driverError);
      return new DatabaseError(driverError, context);
  }
}

/** A deadlock (ER_LOCK_DEADLOCK) rolls the victim's whole transaction back on the server. */
export function endsMysqlTransaction(error: unknown): boolean {
  const parent = (error as { parent?: MysqlDriverError } | null)?.parent;
  return parent?.errno === 1213;
}
