import { CliError, stringFlag } from './args.js';
import type { CliContext } from './context.js';
import { findByName, listMigrationFiles, type MigrationFile } from './migrator.js';

/**
 * Seeders run like migrations. Under sequelize-cli's default `seederStorage: "none"` nothing records them,
 * so `db:seed:all` runs every file each time and the undo commands act on the files; with
 * `seederStorage: "sequelize"` the `SequelizeData` table records them as SequelizeMeta records migrations.
 */
async function state(context: CliContext) {
  const files = listMigrationFiles(context.paths.seeders, 'seeder', context.print);
  const { migrator, storage } = await context.migrator('seeder');
  const executed = storage ? await storage.executed() : undefined;
  return { files, migrator, executed };
}

function named(context: CliContext, files: readonly MigrationFile[]): MigrationFile | undefined {
  const name = stringFlag(context.args, 'seed');
  if (name === undefined) return undefined;
  const file = findByName(files, name);
  if (!file) throw new CliError(`No seeder named ${name} in ${context.paths.seeders}.`);
  return file;
}

/** `db:seed:all`: every seeder not yet recorded (every seeder, without storage), in file-name order. */
export async function seedAll(context: CliContext): Promise<void> {
  const { files, migrator, executed } = await state(context);
  const pending = executed ? files.filter((file) => !executed.includes(file.name)) : files;
  if (pending.length === 0) {
    context.print('No seeders were executed.');
    return;
  }
  for (const file of pending) await migrator.run(file, 'up');
}

/** `db:seed --seed NAME`: runs one seeder. */
export async function seedOne(context: CliContext): Promise<void> {
  const { files, migrator } = await state(context);
  const file = named(context, files);
  if (!file) throw new CliError('db:seed needs --seed <seeder file name>; db:seed:all runs them all.');
  await migrator.run(file, 'up');
}

/** `db:seed:undo [--seed NAME]`: undoes the named seeder, else the last one run (the last file, without storage). */
export async function seedUndo(context: CliContext): Promise<void> {
  const { files, migrator, executed } = await state(context);
  const chosen = named(context, files) ?? (executed ? files.find((file) => file.name === executed[executed.length - 1]) : files[files.length - 1]);
  if (!chosen) {
    context.print('No seeders to undo.');
    return;
  }
  await migrator.run(chosen, 'down');
}

/** `db:seed:undo:all`: undoes every seeder run (every seeder, without storage), last first. */
export async function seedUndoAll(context: CliContext): Promise<void> {
  const { files, migrator, executed } = await state(context);
  const done = executed ? files.filter((file) => executed.includes(file.name)) : files;
  if (done.length === 0) {
    context.print('No seeders to undo.');
    return;
  }
  for (const file of [...done].reverse()) await migrator.run(file, 'down');
}
