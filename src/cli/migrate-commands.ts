import { CliError, stringFlag } from './args.js';
import type { CliContext } from './context.js';
import { findByName, listMigrationFiles, type MigrationFile } from './migrator.js';

async function state(context: CliContext) {
  const files = listMigrationFiles(context.paths.migrations, 'migration', context.print);
  const { migrator, storage } = await context.migrator('migration');
  const executed = await storage!.executed();
  const done = new Set(executed);
  return { files, migrator, storage: storage!, executed, pending: files.filter((file) => !done.has(file.name)) };
}

function fileFor(context: CliContext, files: readonly MigrationFile[], name: string, table: string): MigrationFile {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new CliError(`${table} records ${name} as run, but there is no such file in ${context.paths.migrations}; restore the file to undo it.`);
  return file;
}

/** `db:migrate [--from NAME] [--to NAME] [--name NAME]`: runs pending migrations in file-name order. */
export async function migrate(context: CliContext): Promise<void> {
  const { files, migrator, pending } = await state(context);
  let selected = pending;
  const only = stringFlag(context.args, 'name');
  const to = stringFlag(context.args, 'to');
  if (only !== undefined) {
    const file = findByName(files, only);
    if (!file) throw new CliError(`No migration named ${only} in ${context.paths.migrations}.`);
    if (!pending.includes(file)) throw new CliError(`The migration ${file.name} has already run.`);
    selected = [file];
  } else {
    const from = stringFlag(context.args, 'from');
    if (from !== undefined) {
      // As sequelize-cli's --from: the pending migrations after the one named, which itself is left out.
      const start = findByName(files, from);
      if (!start) throw new CliError(`No migration named ${from} in ${context.paths.migrations}.`);
      selected = selected.filter((file) => file.name > start.name);
    }
    if (to !== undefined) {
      const target = findByName(selected, to);
      if (!target) {
        const known = findByName(files, to);
        throw new CliError(known ? `The migration ${known.name} has already run or comes before --from.` : `No migration named ${to} in ${context.paths.migrations}.`);
      }
      selected = selected.slice(0, selected.indexOf(target) + 1);
    }
  }
  if (selected.length === 0) {
    context.print('No migrations were executed, database schema was already up to date.');
    return;
  }
  for (const file of selected) await migrator.run(file, 'up');
}

/** `db:migrate:undo [--name NAME]`: reverts the last migration run, or the one named. */
export async function undo(context: CliContext): Promise<void> {
  const { files, migrator, storage, executed } = await state(context);
  if (executed.length === 0) {
    context.print('No executed migrations found.');
    return;
  }
  const named = stringFlag(context.args, 'name');
  const name = named === undefined ? executed[executed.length - 1]! : findByName(executed, named);
  if (name === undefined) throw new CliError(`The migration ${named} has not run (it is not in ${storage.tableName}), so there is nothing to undo.`);
  await migrator.run(fileFor(context, files, name, storage.tableName), 'down');
}

/** `db:migrate:undo:all [--to NAME]`: reverts every migration run, last first, down to and including NAME. */
export async function undoAll(context: CliContext): Promise<void> {
  const { files, migrator, storage, executed } = await state(context);
  if (executed.length === 0) {
    context.print('No executed migrations found.');
    return;
  }
  let selected = executed;
  const to = stringFlag(context.args, 'to');
  if (to !== undefined) {
    const target = findByName(executed, to);
    if (target === undefined) throw new CliError(`The migration ${to} has not run (it is not in ${storage.tableName}); --to names the oldest migration to undo.`);
    selected = executed.slice(executed.indexOf(target));
  }
  const toRevert = selected.map((name) => fileFor(context, files, name, storage.tableName)).reverse();
  for (const file of toRevert) await migrator.run(file, 'down');
}

/** `db:migrate:status`: `up NAME` for migrations run, `down NAME` for pending ones. */
export async function status(context: CliContext): Promise<void> {
  const { files, executed } = await state(context);
  const done = new Set(executed);
  for (const file of files) context.print(`${done.has(file.name) ? 'up' : 'down'} ${file.name}`);
  const fileNames = new Set(files.map((file) => file.name));
  for (const name of executed) if (!fileNames.has(name)) context.print(`up ${name} (file not found)`);
}
