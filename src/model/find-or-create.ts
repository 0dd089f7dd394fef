import { UsageError } from '../errors/usage-errors.js';
import { UniqueConstraintError } from '../errors/validation-errors.js';
import type { FindOptions } from '../query/find-options.js';
import { Op } from '../sql/operators.js';
import { transactionStorage } from '../transaction/transaction-context.js';
import { isPlainObject } from '../utils/object.js';
import { findOne } from './finders.js';
import type { ModelClass } from './model-internals.js';
import { create } from './writers.js';

type FindOrCreateOptions = FindOptions & { defaults?: Record<string, unknown> };
type Found = [unknown, boolean];
type Transactions = { transaction<T>(options: { transaction?: unknown }, work: (transaction: unknown) => Promise<T>): Promise<T> };

/** Equality conditions of a where object, used as the values of a record created when none was found. */
function valuesFromWhere(where: unknown): Record<string, unknown> {
  if (!isPlainObject(where)) return {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    if (isPlainObject(value) || Array.isArray(value)) {
      const eq = isPlainObject(value) ? (value as Record<symbol, unknown>)[Op.eq] : undefined;
      if (eq !== undefined) values[key] = eq;
      continue;
    }
    values[key] = value;
  }
  return values;
}

/** The transaction the caller is in: the one passed, else the ambient managed one (`transaction: null` opts out). */
function callerTransaction(options: FindOrCreateOptions): unknown {
  if (options.transaction !== undefined) return options.transaction ?? undefined;
  const ambient = transactionStorage.getStore() as { finished?: string } | undefined;
  return ambient && !ambient.finished ? ambient : undefined;
}

/** `defaults` first, then the `where` keys defaults do not name (defaults win), in Sequelize's key order. */
function creationValues(options: FindOrCreateOptions): Record<string, unknown> {
  const defaults = options.defaults ?? {};
  return { ...defaults, ...valuesFromWhere(options.where), ...defaults };
}

/** The options of findOrCreate that v6 hands on to its create (the finder's own stay with the find). */
function createOptions(options: FindOrCreateOptions): Record<string, unknown> {
  const given = options as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of ['fields', 'silent', 'validate', 'hooks']) if (given[key] !== undefined) picked[key] = given[key];
  return picked;
}

/**
 * Finds a row matching `where`, or creates it from `where` and `defaults`, atomically: `[instance, created]`.
 * The INSERT runs in a savepoint so a unique violation (another writer got there first) leaves the caller's
 * transaction usable on PostgreSQL; the winner's row is then read and returned with `created = false`.
 */
export async function findOrCreate(model: ModelClass, options: FindOrCreateOptions): Promise<Found> {
  if (!options || options.where === undefined) {
    throw new UsageError(`${model.name}.findOrCreate needs options with a where, e.g. findOrCreate({ where: { name: 'Cody' }, defaults: { age: 3 } }).`);
  }
  const host = model.host as unknown as Transactions;
  const values = creationValues(options);
  const attempt = async (transaction: unknown): Promise<Found> => {
    const found = await findOne(model, { ...options, transaction });
    if (found) return [found, false];
    const insert = (inside: unknown) => create(model, values, { ...createOptions(options), transaction: inside, logging: options.logging });
    const savepoints = model.host.queryRunner.dialect.supports.savepoints;
    return [savepoints ? await host.transaction({ transaction }, insert) : await insert(transaction), true];
  };
  const outer = callerTransaction(options);
  try {
    return outer ? await attempt(outer) : await host.transaction({}, attempt);
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    // Our own transaction has been rolled back by now, so the winner's committed row is visible even under
    // REPEATABLE READ; inside a caller's transaction we can only look within it.
    const existing = await findOne(model, { ...options, transaction: outer ?? null });
    if (!existing) throw error;
    return [existing, false];
  }
}

export async function findOrBuild(model: ModelClass, options: FindOrCreateOptions): Promise<Found> {
  const found = await findOne(model, options);
  if (found) return [found, false];
  return [new model(creationValues(options)), true];
}

export async function findCreateFind(model: ModelClass, options: FindOrCreateOptions): Promise<Found> {
  const found = await findOne(model, options);
  if (found) return [found, false];
  try {
    return [await create(model, creationValues(options), options as Record<string, unknown>), true];
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    return [await findOne(model, options), false];
  }
}
