import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The transaction a managed `sequelize.transaction(async t => …)` callback runs in. Every query inside the
 * callback finds it here, so forgetting `{ transaction }` cannot send a statement outside the transaction.
 */
export const transactionStorage = new AsyncLocalStorage<unknown>();
