import type { Sequelize } from '../sequelize.js';
import { CliError, stringFlag } from './args.js';
import type { CliContext } from './context.js';

/**
 * `db:create` / `db:drop`: the configured database, created or dropped from a connection to the dialect's
 * maintenance database (PostgreSQL's `postgres`, none on MySQL). SQLite has no such step, as in sequelize-cli.
 */
async function onServer(context: CliContext, statement: (admin: Sequelize, database: string) => Promise<void>, done: string): Promise<void> {
  const { sequelize } = await context.connect();
  const { dialect } = sequelize;
  const database = sequelize.config.database;
  if (dialect.maintenanceDatabase === undefined) {
    throw new CliError(`The ${dialect.name} dialect does not support db:create / db:drop: its database is the file the connection opens.`);
  }
  if (!database) throw new CliError('The configuration names no database to create or drop: set "database" (or put it in the URL).');
  const { database: _configured, ...options } = sequelize.options;
  const SequelizeClass = context.library;
  const admin: Sequelize = new SequelizeClass({ ...options, ...(dialect.maintenanceDatabase === null ? {} : { database: dialect.maintenanceDatabase }) });
  try {
    await statement(admin, database);
  } finally {
    await admin.close();
  }
  context.print(`Database ${database} ${done}.`);
}

/** sequelize-cli's `db:create --charset --collate --encoding --ctype --template`, through `queryInterface.createDatabase`. */
export async function dbCreate(context: CliContext): Promise<void> {
  const options = Object.fromEntries(['charset', 'collate', 'encoding', 'ctype', 'template']
    .map((flag) => [flag, stringFlag(context.args, flag)] as const).filter(([, value]) => value !== undefined));
  await onServer(context, (admin, database) => admin.getQueryInterface().createDatabase(database, options), 'created');
}

export async function dbDrop(context: CliContext): Promise<void> {
  await onServer(context, (admin, database) => admin.getQueryInterface().dropDatabase(database), 'dropped');
}
