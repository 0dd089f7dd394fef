import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './args.js';

/**
 * Loads a user's file (config, migration, seeder) the way Node would run it: `.mjs` and ES-module `.js`
 * through `import`, CommonJS through `require`, so `module.exports = { … }` and `export default { … }` both work.
 */
export async function loadUserModule(file: string): Promise<unknown> {
  if (extname(file) === '.mjs') return importFile(file);
  const requireFromFile = createRequire(file);
  try {
    return requireFromFile(file) as unknown;
  } catch (error) {
    // A `.js` file in a `"type": "module"` package is an ES module; Node 20's require refuses it.
    if ((error as { code?: string }).code === 'ERR_REQUIRE_ESM') return importFile(file);
    throw error;
  }
}

async function importFile(file: string): Promise<unknown> {
  return (await import(pathToFileURL(file).href)) as unknown;
}

/** The object a file exports: `module.exports`, or an ES module's default export, or its named exports. */
export function exportedValue(loaded: unknown): unknown {
  if (loaded && typeof loaded === 'object' && 'default' in loaded) {
    const fallback = (loaded as { default: unknown }).default;
    const named = loaded as Record<string, unknown>;
    if (typeof named['up'] === 'function' || typeof named['down'] === 'function') return loaded;
    return fallback;
  }
  return loaded;
}

export interface MigrationModule {
  up(queryInterface: unknown, Sequelize: unknown): unknown;
  down?(queryInterface: unknown, Sequelize: unknown): unknown;
  /** `false` runs the migration outside a transaction (e.g. `CREATE INDEX CONCURRENTLY` on PostgreSQL). */
  useTransaction?: boolean;
}

/** Loads a migration or seeder file and checks it has the `up`/`down` functions sequelize-cli calls. */
export async function loadMigrationModule(file: string, kind: 'migration' | 'seeder'): Promise<MigrationModule> {
  let loaded: unknown;
  try {
    loaded = exportedValue(await loadUserModule(file));
  } catch (error) {
    throw new CliError(`Could not load ${kind} ${file}: ${(error as Error).message}`);
  }
  const candidate = loaded as Partial<MigrationModule> | undefined;
  if (!candidate || typeof candidate.up !== 'function') {
    throw new CliError(`The ${kind} ${file} exports no up function: expected module.exports = { async up(queryInterface, Sequelize) {…}, async down(queryInterface, Sequelize) {…} }.`);
  }
  return candidate as MigrationModule;
}
