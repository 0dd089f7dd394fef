import { UsageError } from './errors/usage-errors.js';
import type { Logging, QueryRunner } from './query/query-runner.js';
import { Transaction } from './transaction/transaction.js';

export interface SetOptions {
  transaction?: Transaction;
  logging?: Logging;
  benchmark?: boolean;
}

/**
 * `sequelize.set({ name: value }, { transaction })`: MySQL/MariaDB user variables (`@name`) on the transaction's
 * connection, as v6 (which refuses other dialects and a missing transaction). Values are bound parameters.
 */
export async function setSessionVariables(runner: QueryRunner, variables: Record<string, unknown>, options: SetOptions): Promise<void> {
  if (runner.dialect.supports['sessionVariables'] !== true) throw new UsageError('sequelize.set is only supported for mysql or mariadb');
  if (!(options.transaction instanceof Transaction)) throw new TypeError('options.transaction is required');
  const names = Object.keys(variables);
  if (names.length === 0) return;
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_$.]*$/.test(name)) throw new UsageError(`sequelize.set: "${name}" is not a variable name (letters, digits, _, $ and .).`);
  }
  const compiler = runner.dialect.compiler;
  const sql = `SET ${names.map((name, index) => `@${name} := ${compiler.placeholder(index + 1)}`).join(', ')}`;
  await runner.run({ sql, parameters: names.map((name) => variables[name]) }, {
    transaction: options.transaction,
    expectRows: false,
    ...(options.logging !== undefined ? { logging: options.logging } : {}),
    ...(options.benchmark !== undefined ? { benchmark: options.benchmark } : {}),
  });
}
