import type { Sequelize } from '../sequelize.js';
import type { ParsedArgs } from './args.js';
import { MigrationStorage } from './migration-storage.js';
import { Migrator, type MigrationKind } from './migrator.js';
import { resolveConnection, type ConnectionSettings, type ProjectPaths } from './settings.js';

/** joinery's CommonJS export as the launcher hands it over: the Sequelize class carrying every named export. */
export type JoineryLibrary = typeof Sequelize & Record<string, unknown>;

/** What every command gets: its arguments, the project's paths, output, and a lazily opened connection. */
export class CliContext {
  private connection: { sequelize: Sequelize; settings: ConnectionSettings } | undefined;

  constructor(
    readonly args: ParsedArgs,
    readonly paths: ProjectPaths,
    readonly env: NodeJS.ProcessEnv,
    readonly library: JoineryLibrary,
    readonly print: (line: string) => void,
  ) {}

  async connect(): Promise<{ sequelize: Sequelize; settings: ConnectionSettings }> {
    if (this.connection) return this.connection;
    const settings = await resolveConnection(this.paths, this.args, this.env);
    for (const note of settings.notes) this.print(note);
    this.print('');
    const SequelizeClass = this.library;
    const sequelize = settings.url === undefined ? new SequelizeClass(settings.options) : new SequelizeClass(settings.url, settings.options);
    this.connection = { sequelize, settings };
    return this.connection;
  }

  /** The migrator for migrations or seeders, with the storage table the configuration names. */
  async migrator(kind: MigrationKind): Promise<{ migrator: Migrator; storage: MigrationStorage | undefined; sequelize: Sequelize }> {
    const { sequelize, settings } = await this.connect();
    const { storage: names } = settings;
    const stringType = this.library['STRING'];
    const storage = kind === 'migration'
      ? new MigrationStorage(sequelize, names.migrationStorageTableName, names.migrationStorageTableSchema, stringType)
      : names.seederStorage === 'sequelize' ? new MigrationStorage(sequelize, names.seederStorageTableName, undefined, stringType) : undefined;
    const migrator = new Migrator({ sequelize, library: this.library, kind, storage, print: this.print });
    return { migrator, storage, sequelize };
  }

  async close(): Promise<void> {
    await this.connection?.sequelize.close();
    this.connection = undefined;
  }
}
