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

/** What v6 needs of a cls-hooked (or compatible) namespace given to `Sequelize.useCLS`. */
export interface ClsNamespace {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  run(fn: (context: unknown) => void): unknown;
  bind(fn: (...args: never[]) => unknown, context?: unknown): unknown;
}

/**
 * `Sequelize.useCLS(namespace)`: joinery's managed transactions travel through AsyncLocalStorage either way; with
 * a namespace they are also set as its `'transaction'` during their callback (code reading
 * `namespace.get('transaction')` finds them), and a transaction the application sets there is used by queries.
 */
export const cls: { namespace: ClsNamespace | undefined } = { namespace: undefined };

/** The open transaction the CLS namespace holds, if one is in use. */
export function clsTransaction(): unknown {
  const namespace = cls.namespace;
  if (namespace === undefined) return undefined;
  const transaction = namespace.get('transaction') as { finished?: unknown } | null | undefined;
  return transaction && !transaction.finished ? transaction : undefined;
}

/** Runs a managed transaction's callback in a context of the CLS namespace holding it, as v6 does. */
export function runInNamespace<T>(transaction: unknown, work: () => Promise<T>): Promise<T> {
  const namespace = cls.namespace;
  if (namespace === undefined) return work();
  let result: Promise<T> | undefined;
  namespace.run(() => {
    namespace.set('transaction', transaction);
    result = work().finally(() => {
      if (namespace.get('transaction') === transaction) namespace.set('transaction', null);
    });
  });
  return result!;
}
