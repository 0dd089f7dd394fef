import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Sequelize } from '../sequelize.js';
import type { Transaction } from '../transaction/transaction.js';
import { CliError } from './args.js';
import type { MigrationStorage } from './migration-storage.js';
import { loadMigrationModule, type MigrationModule } from './module-loader.js';

export type MigrationKind = 'migration' | 'seeder';

export interface MigrationFile {
  /** The file name with its extension: what SequelizeMeta records. */
  readonly name: string;
  readonly path: string;
}

const runnableFile = /^(?!.*\.d\.[cm]?ts$).*\.[cm]?js$/;

/** The folder's migration files in name order (the timestamp prefix makes that creation order). */
export function listMigrationFiles(folder: string, kind: MigrationKind, warn?: (line: string) => void): MigrationFile[] {
  if (!existsSync(folder)) {
    const flag = kind === 'migration' ? '--migrations-path' : '--seeders-path';
    throw new CliError(`No ${kind}s folder at ${folder}: create it (joinery init does) or point ${flag} at yours.`);
  }
  const names = readdirSync(folder);
  const typescript = names.filter((name) => /\.[cm]?ts$/.test(name) && !/\.d\.[cm]?ts$/.test(name));
  if (typescript.length > 0) warn?.(`Skipping ${typescript.join(', ')}: TypeScript ${kind}s need compiling to .js first.`);
  return names
    .filter((name) => runnableFile.test(name))
    .sort()
    .map((name) => ({ name, path: join(folder, name) }));
}

/** `--to`/`--name` accept a file name with or without its extension, as users type either. */
export function findByName<T extends { name: string } | string>(items: readonly T[], wanted: string): T | undefined {
  const nameOf = (item: T): string => (typeof item === 'string' ? item : item.name);
  return items.find((item) => nameOf(item) === wanted) ?? items.find((item) => basename(nameOf(item), extname(nameOf(item))) === wanted);
}

export interface MigratorOptions {
  readonly sequelize: Sequelize;
  /** What migrations receive as their second argument: joinery's CommonJS export (`Sequelize.STRING` …). */
  readonly library: unknown;
  readonly kind: MigrationKind;
  /** Undefined for seeders under sequelize-cli's default `seederStorage: "none"`. */
  readonly storage: MigrationStorage | undefined;
  readonly print: (line: string) => void;
}

/** Runs one migration file up or down, atomically where the dialect can roll schema changes back. */
export class Migrator {
  constructor(private readonly options: MigratorOptions) {}

  async run(file: MigrationFile, direction: 'up' | 'down'): Promise<void> {
    const { sequelize, kind, storage, print } = this.options;
    const migration = await loadMigrationModule(file.path, kind);
    if (direction === 'down' && typeof migration.down !== 'function') {
      throw new CliError(`The ${kind} ${file.name} has no down function, so it cannot be undone.`);
    }
    const label = basename(file.name, extname(file.name));
    print(`== ${label}: ${direction === 'up' ? 'migrating' : 'reverting'} =======`);
    const started = performance.now();
    const transactional = sequelize.dialect.supports.transactionalDdl && migration.useTransaction !== false;
    const work = async (): Promise<void> => {
      await this.invoke(migration, direction);
      if (direction === 'up') await storage?.record(file.name);
      else await storage?.forget(file.name);
    };
    try {
      if (transactional) await sequelize.transaction((outer) => withJoinedTransactions(sequelize, outer, work));
      else await work();
    } catch (error) {
      throw this.failure(file, direction, error, transactional);
    }
    print(`== ${label}: ${direction === 'up' ? 'migrated' : 'reverted'} (${((performance.now() - started) / 1000).toFixed(3)}s)`);
    print('');
  }

  private async invoke(migration: MigrationModule, direction: 'up' | 'down'): Promise<void> {
    const queryInterface = this.options.sequelize.getQueryInterface();
    if (direction === 'up') await migration.up(queryInterface, this.options.library);
    else await migration.down!(queryInterface, this.options.library);
  }

  private failure(file: MigrationFile, direction: 'up' | 'down', error: unknown, transactional: boolean): CliError {
    const { kind, storage, sequelize } = this.options;
    const cause = error instanceof Error ? error.message : String(error);
    const sql = (error as { sql?: unknown } | undefined)?.sql;
    const record = storage ? `${storage.tableName} was not changed for it` : 'nothing was recorded';
    const aftermath = transactional
      ? `Its changes were rolled back and ${record}.`
      : `${sequelize.dialect.name} commits schema changes as they run, so statements before the failure stay applied; ${record}.`;
    const failed = new CliError(`The ${kind} ${file.name} failed while running ${direction}: ${cause}${typeof sql === 'string' ? `\nSQL: ${sql}` : ''}\n${aftermath}`);
    (failed as { cause?: unknown }).cause = error;
    return failed;
  }
}

/**
 * Runs `work` with `sequelize.transaction()` calls made inside it (sequelize-cli's documented
 * `const t = await queryInterface.sequelize.transaction()` pattern) becoming savepoints of the migration's
 * transaction: a second top-level transaction would wait for the first on SQLite and escape the rollback elsewhere.
 */
async function withJoinedTransactions<T>(sequelize: Sequelize, outer: Transaction, work: () => Promise<T>): Promise<T> {
  const instance = sequelize as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
  const original = Object.getPrototypeOf(sequelize).transaction as (...args: unknown[]) => Promise<unknown>;
  instance.transaction = function joined(this: Sequelize, ...args: unknown[]) {
    const [first, second] = args;
    const options = typeof first === 'object' && first !== null ? { ...(first as Record<string, unknown>) } : {};
    const work = typeof first === 'function' ? first : second;
    if (options['transaction'] === undefined && !outer.finished) options['transaction'] = outer;
    return work ? original.call(this, options, work) : original.call(this, options);
  };
  try {
    return await work();
  } finally {
    delete (instance as { transaction?: unknown }).transaction;
  }
}
