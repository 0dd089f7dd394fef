import type { Sequelize } from '../sequelize.js';
import { CliError } from './args.js';
import type { CliContext } from './context.js';

/**
 * `db:create` / `db:drop`: the configured database, created or dropped from a connection to the dialect's
 * maintenance database (PostgreSQL's `postgres`, none on MySQL). SQLite has no such step, as in sequelize-cli.
 */
async function onServer(context: CliContext, statement: (database: string, quote: (name: string) => string) => string, done: string): Promise<void> {
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
    await admin.query(statement(database, (name) => dialect.compiler.quoteIdentifier(name)));
  } finally {
    await admin.close();
  }
  context.print(`Database ${database} ${done}.`);
}

export async function dbCreate(context: CliContext): Promise<void> {
  await onServer(context, (database, quote) => `CREATE DATABASE ${quote(database)}`, 'created');
}

export async function dbDrop(context: CliContext): Promise<void> {
  await onServer(context, (database, quote) => `DROP DATABASE IF EXISTS ${quote(database)}`, 'dropped');
}
