import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The transaction a managed `sequelize.transaction(async t => …)` callback runs in. Every query inside the
 * callback finds it here, so forgetting `{ transaction }` cannot send a statement outside the transaction.
 */
export const transactionStorage = new AsyncLocalStorage<unknown>();

/** Managed transactions whose callback, commit or rollback is still running, in the whole process. */
let running = 0;

/**
 * Brackets a managed transaction's whole life (callback, then commit or rollback). While the storage is on,
 * Node tracks every promise of the process (async hooks); once the last managed transaction has ended it is
 * switched off, so code after transactions pays nothing for them. What a finished callback left running
 * without awaiting it then sees no ambient transaction, as if started outside (its queries would only have
 * been refused: that transaction is over); the next `run` switches the storage on again.
 */
export async function whileManaged<T>(life: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await life();
  } finally {
    running -= 1;
    if (running === 0) transactionStorage.disable();
  }
}
