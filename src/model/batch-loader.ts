import { transactionStorage } from '../transaction/transaction-context.js';

/*
 * Lazy loads issued in the same tick become one query (the dataloader idea): `Promise.all(pugs.map((pug) =>
 * pug.getFriends()))` collects every pug, then one loader call fetches all their friends keyed by the pugs' ids
 * and hands each pug its own. The same holds for count and has accessors. Calls share a batch when they name
 * the same association and accessor, run in the same transaction, and pass equal finder options (compared by
 * value; functions and class instances such as `sequelize.fn(...)` by identity). Differing options make
 * separate batches, each still correct.
 */

interface Waiting<I, A, R> {
  instance: I;
  args: A;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/** Loads the results of many calls at once, one result per entry, in entry order. */
export type BatchRun<I, A, R> = (entries: ReadonlyArray<{ instance: I; args: A }>) => Promise<R[]>;

interface Batch {
  run: BatchRun<unknown, unknown, unknown>;
  waiting: Array<Waiting<unknown, unknown, unknown>>;
}

const batches = new Map<string, Batch>();
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function idOf(object: object): number {
  let id = objectIds.get(object);
  if (id === undefined) {
    nextObjectId += 1;
    id = nextObjectId;
    objectIds.set(object, id);
  }
  return id;
}

function signatureOf(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return `@${value.description ?? ''}`;
  if (value instanceof Date) return `D${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(signatureOf).join(',')}]`;
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const keys = Reflect.ownKeys(value).sort((a, b) => String(a).localeCompare(String(b)));
    return `{${keys.map((key) => `${signatureOf(key)}:${signatureOf((value as Record<string | symbol, unknown>)[key])}`).join(',')}}`;
  }
  return `#${idOf(value as object)}`;
}

/** Finder options' identity for batching: the transaction and logger do not change which rows come back. */
export function optionsSignature(options: Record<string, unknown> | undefined): string {
  if (!options) return '{}';
  const { transaction: _transaction, logging: _logging, benchmark: _benchmark, ...rest } = options;
  return signatureOf(rest);
}

function transactionKey(options: Record<string, unknown> | undefined): string {
  const transaction = options?.['transaction'] as { id?: string } | null | undefined;
  if (transaction === null) return 'none';
  const ambient = transactionStorage.getStore() as { id?: string } | undefined;
  return transaction?.id ?? ambient?.id ?? 'none';
}

async function flush(key: string): Promise<void> {
  const batch = batches.get(key);
  batches.delete(key);
  if (!batch) return;
  try {
    const values = await batch.run(batch.waiting.map(({ instance, args }) => ({ instance, args })));
    batch.waiting.forEach((entry, index) => entry.resolve(values[index]));
  } catch (error) {
    for (const entry of batch.waiting) entry.reject(error);
  }
}

/**
 * Queues one accessor call; every call with the same owner (association), accessor name, transaction and
 * options in this tick is answered by a single `run` over all their instances.
 */
export function batched<I, A, R>(owner: object, accessor: string, options: Record<string, unknown> | undefined, instance: I, args: A, run: BatchRun<I, A, R>): Promise<R> {
  const key = `${idOf(owner)}:${accessor}:${transactionKey(options)}:${optionsSignature(options)}`;
  let batch = batches.get(key);
  if (!batch) {
    batch = { run: run as BatchRun<unknown, unknown, unknown>, waiting: [] };
    batches.set(key, batch);
    // After the current synchronous run (where Promise.all's map calls happen), before any I/O.
    void Promise.resolve().then(() => process.nextTick(() => void flush(key)));
  }
  const queue = batch.waiting;
  return new Promise<R>((resolve, reject) => queue.push({ instance, args, resolve: resolve as (value: unknown) => void, reject }));
}
