import type { Association } from '../associations/association.js';
import type { FindOptions } from '../query/find-options.js';
import { transactionStorage } from '../transaction/transaction-context.js';
import { associatedValues, type Instance } from './include-finder.js';

/*
 * Lazy loads issued in the same tick become one query (the dataloader idea): `Promise.all(pugs.map((pug) =>
 * pug.getFriends()))` collects every pug, then loads all their friends keyed by the pugs' ids and hands each
 * pug its own. Only calls without finder options batch (a `where` or `limit` per call would change the query);
 * calls in different transactions never share a batch.
 */

interface Waiting {
  instance: Instance;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Batch {
  association: Association & Record<string, unknown>;
  options: FindOptions;
  waiting: Waiting[];
}

const batches = new Map<string, Batch>();
const associationIds = new WeakMap<object, number>();
let nextAssociationId = 0;

function idOf(object: object): number {
  let id = associationIds.get(object);
  if (id === undefined) {
    nextAssociationId += 1;
    id = nextAssociationId;
    associationIds.set(object, id);
  }
  return id;
}

/** Calls that only name a transaction or a logger load the same rows, so they can share one query. */
export function isBatchable(options: Record<string, unknown> | undefined): boolean {
  return options === undefined || Object.keys(options).every((key) => key === 'transaction' || key === 'logging');
}

async function flush(key: string): Promise<void> {
  const batch = batches.get(key);
  batches.delete(key);
  if (!batch) return;
  try {
    const values = await associatedValues(batch.waiting.map((entry) => entry.instance), { association: batch.association }, batch.options);
    batch.waiting.forEach((entry, index) => entry.resolve(values[index]));
  } catch (error) {
    for (const entry of batch.waiting) entry.reject(error);
  }
}

export function loadBatched(association: Association, instance: Instance, options: Record<string, unknown> | undefined): Promise<unknown> {
  const transaction = options?.['transaction'] as { id?: string } | null | undefined;
  const ambient = transactionStorage.getStore() as { id?: string } | undefined;
  const key = `${idOf(association)}:${transaction === null ? 'none' : transaction?.id ?? ambient?.id ?? 'none'}`;
  let batch = batches.get(key);
  if (!batch) {
    batch = { association: association as Association & Record<string, unknown>, options: { ...(options ?? {}) } as FindOptions, waiting: [] };
    batches.set(key, batch);
    // After the current synchronous run (where Promise.all's map calls happen), before any I/O.
    void Promise.resolve().then(() => process.nextTick(() => void flush(key)));
  }
  return new Promise((resolve, reject) => batch.waiting.push({ instance, resolve, reject }));
}
