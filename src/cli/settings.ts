import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CliError, stringFlag, type ParsedArgs } from './args.js';
import { exportedValue, loadUserModule } from './module-loader.js';

/** Where the project keeps its files, from flags, then `.sequelizerc`, then sequelize-cli's defaults. */
export interface ProjectPaths {
  readonly cwd: string;
  readonly migrations: string;
  readonly seeders: string;
  readonly models: string;
  /** The config file in use, or the default location it was looked for at. */
  readonly config: string;
  /** Whether the config location was asked for (flag or `.sequelizerc`) rather than defaulted. */
  readonly configGiven: boolean;
  /** `url` from `.sequelizerc`, as sequelize-cli reads it. */
  readonly rcUrl: string | undefined;
}

/** The keys sequelize-cli reads from a config entry for itself; the rest goes to the Sequelize constructor. */
export interface StorageSettings {
  readonly migrationStorageTableName: string;
  readonly migrationStorageTableSchema: string | undefined;
  /** sequelize-cli's default `none` records no seeders; `sequelize` records them in `SequelizeData`. */
  readonly seederStorage: 'none' | 'sequelize';
  readonly seederStorageTableName: string;
}

export interface ConnectionSettings {
  readonly url: string | undefined;
  readonly options: Record<string, unknown>;
  readonly storage: StorageSettings;
  /** Lines telling the user where the settings came from, printed before the command runs. */
  readonly notes: readonly string[];
}

const cliOnlyKeys = ['use_env_variable', 'url', 'migrationStorage', 'migrationStorageTableName', 'migrationStorageTableSchema', 'seederStorage', 'seederStorageTableName', 'seederStoragePath', 'migrationStoragePath'];

function display(cwd: string, file: string): string {
  const relativePath = relative(cwd, file);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? file : relativePath;
}

export async function resolvePaths(cwd: string, args: ParsedArgs): Promise<ProjectPaths> {
  const rcFile = join(cwd, '.sequelizerc');
  let rc: Record<string, unknown> = {};
  if (existsSync(rcFile)) {
    try {
      rc = (exportedValue(await loadUserModule(rcFile)) as Record<string, unknown> | undefined) ?? {};
    } catch (error) {
      throw new CliError(`Could not load ${rcFile}: ${(error as Error).message}`);
    }
  }
  const pick = (flag: string): string | undefined => {
    const value = stringFlag(args, flag) ?? rc[flag];
    return typeof value === 'string' ? resolve(cwd, value) : undefined;
  };
  const givenConfig = pick('config');
  return {
    cwd,
    migrations: pick('migrations-path') ?? join(cwd, 'migrations'),
    seeders: pick('seeders-path') ?? join(cwd, 'seeders'),
    models: pick('models-path') ?? join(cwd, 'models'),
    config: givenConfig ?? defaultConfigFile(cwd),
    configGiven: givenConfig !== undefined,
    rcUrl: typeof rc['url'] === 'string' ? rc['url'] : undefined,
  };
}

/** `config/config.json` as sequelize-cli expects, else a `config/config.js`/`.cjs` a project may have instead. */
function defaultConfigFile(cwd: string): string {
  const json = join(cwd, 'config', 'config.json');
  if (existsSync(json)) return json;
  return [join(cwd, 'config', 'config.js'), join(cwd, 'config', 'config.cjs')].find((file) => existsSync(file)) ?? json;
}

function maskPassword(url: string): string {
  return url.replace(/\/\/([^:/@]*):([^@]*)@/, '//$1:*****@');
}

function storageSettings(entry: Record<string, unknown>): StorageSettings {
  const seederStorage = entry['seederStorage'] ?? 'none';
  if (seederStorage !== 'none' && seederStorage !== 'sequelize') {
    throw new CliError(`seederStorage "${String(seederStorage)}" is not supported: use "none" (the default) or "sequelize".`);
  }
  if (entry['migrationStorage'] !== undefined && entry['migrationStorage'] !== 'sequelize') {
    throw new CliError(`migrationStorage "${String(entry['migrationStorage'])}" is not supported: joinery records migrations in a table ("sequelize").`);
  }
  const schema = entry['migrationStorageTableSchema'];
  return {
    migrationStorageTableName: typeof entry['migrationStorageTableName'] === 'string' ? entry['migrationStorageTableName'] : 'SequelizeMeta',
    migrationStorageTableSchema: typeof schema === 'string' ? schema : undefined,
    seederStorage,
    seederStorageTableName: typeof entry['seederStorageTableName'] === 'string' ? entry['seederStorageTableName'] : 'SequelizeData',
  };
}

function connectionOptions(entry: Record<string, unknown>, debug: boolean): Record<string, unknown> {
  const options = Object.fromEntries(Object.entries(entry).filter(([key]) => !cliOnlyKeys.includes(key)));
  if (debug || options['logging'] === true) options['logging'] = console.log;
  else if (typeof options['logging'] !== 'function') options['logging'] = false;
  return options;
}

async function readConfigFile(file: string, environment: string): Promise<Record<string, unknown>> {
  let loaded: unknown;
  try {
    loaded = exportedValue(await loadUserModule(file));
    if (typeof loaded === 'function') loaded = (loaded as () => unknown)();
    loaded = await loaded;
  } catch (error) {
    throw new CliError(`Could not load the config file ${file}: ${(error as Error).message}`);
  }
  if (!loaded || typeof loaded !== 'object') throw new CliError(`The config file ${file} exports no object.`);
  const config = loaded as Record<string, unknown>;
  const entry = config[environment];
  if (entry && typeof entry === 'object') return entry as Record<string, unknown>;
  // A config without environments (just `{ dialect, storage }`) applies to every environment.
  if ('dialect' in config || 'url' in config || 'use_env_variable' in config) return config;
  throw new CliError(`The config file ${file} has no "${environment}" environment; it has ${Object.keys(config).map((key) => `"${key}"`).join(', ') || 'none'}. Pick one with --env or NODE_ENV.`);
}

/** The database to connect to: `--url`, else the config file's entry for the environment, else `DATABASE_URL`. */
export async function resolveConnection(paths: ProjectPaths, args: ParsedArgs, env: NodeJS.ProcessEnv): Promise<ConnectionSettings> {
  const environment = stringFlag(args, 'env') ?? env['NODE_ENV'] ?? 'development';
  const debug = args.flags['debug'] === true;
  const url = stringFlag(args, 'url') ?? paths.rcUrl;
  const configExists = existsSync(paths.config);
  if (paths.configGiven && !configExists && url === undefined) {
    throw new CliError(`Config file not found: ${paths.config} (given by --config or .sequelizerc).`);
  }
  if (url !== undefined) {
    const entry = configExists ? await readConfigFile(paths.config, environment).catch(() => ({})) : {};
    const { dialect: _ignored, ...rest } = entry as Record<string, unknown>;
    return { url, options: connectionOptions(rest, debug), storage: storageSettings(entry), notes: [`Parsed url ${maskPassword(url)}`] };
  }
  if (configExists) {
    const entry = await readConfigFile(paths.config, environment);
    const notes = [`Loaded configuration file "${display(paths.cwd, paths.config)}".`, `Using environment "${environment}".`];
    const variable = entry['use_env_variable'];
    if (typeof variable === 'string') {
      const value = env[variable];
      if (!value) throw new CliError(`The "${environment}" entry of ${paths.config} says use_env_variable "${variable}", but that environment variable is not set.`);
      return { url: value, options: connectionOptions(entry, debug), storage: storageSettings(entry), notes };
    }
    const configUrl = typeof entry['url'] === 'string' ? entry['url'] : undefined;
    if (!configUrl && typeof entry['dialect'] !== 'string') {
      throw new CliError(`The "${environment}" entry of ${paths.config} names no dialect: add "dialect": "sqlite" | "postgres" | "mysql" | "mariadb" (or a "url").`);
    }
    return { url: configUrl, options: connectionOptions(entry, debug), storage: storageSettings(entry), notes };
  }
  const fromEnv = env['DATABASE_URL'];
  if (fromEnv) return { url: fromEnv, options: connectionOptions({}, debug), storage: storageSettings({}), notes: ['Using DATABASE_URL.'] };
  throw new CliError(
    `No database configuration found. Looked for: a --url flag, the config file ${paths.config}, and the DATABASE_URL environment variable. ` +
      'Pass --url <database url>, set DATABASE_URL, or run "joinery init" to create config/config.json.',
  );
}
