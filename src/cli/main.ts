import { CliError, parseArgs } from './args.js';
import { CliContext, type JoineryLibrary } from './context.js';
import { dbCreate, dbDrop } from './database-commands.js';
import { init, migrationGenerate, seedGenerate } from './generate-commands.js';
import { migrate, status, undo, undoAll } from './migrate-commands.js';
import { modelGenerate } from './model-generate.js';
import { seedAll, seedOne, seedUndo, seedUndoAll } from './seed-commands.js';
import { resolvePaths } from './settings.js';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly run: (context: CliContext) => Promise<void>;
}

/** sequelize-cli's command names, so scripts and habits carry over. */
const commands: Record<string, Command> = {
  'db:create': { summary: 'Create the configured database', usage: '', run: dbCreate },
  'db:drop': { summary: 'Drop the configured database', usage: '', run: dbDrop },
  'db:migrate': { summary: 'Run pending migrations', usage: '[--from NAME] [--to NAME] [--name NAME]', run: migrate },
  'db:migrate:status': { summary: 'List the status of all migrations', usage: '', run: status },
  'db:migrate:undo': { summary: 'Revert the last migration run', usage: '[--name NAME]', run: undo },
  'db:migrate:undo:all': { summary: 'Revert all migrations run', usage: '[--to NAME]', run: undoAll },
  'db:seed': { summary: 'Run the specified seeder', usage: '--seed NAME', run: seedOne },
  'db:seed:all': { summary: 'Run every seeder', usage: '', run: seedAll },
  'db:seed:undo': { summary: 'Undo the last seeder, or the one named', usage: '[--seed NAME]', run: seedUndo },
  'db:seed:undo:all': { summary: 'Undo every seeder', usage: '', run: seedUndoAll },
  init: { summary: 'Create config, migrations, seeders and models', usage: '[--force]', run: init },
  'migration:generate': { summary: 'Create a migration skeleton', usage: '--name NAME', run: migrationGenerate },
  'migration:create': { summary: 'Alias of migration:generate', usage: '--name NAME', run: migrationGenerate },
  'model:generate': { summary: 'Create a model and its create-table migration', usage: '--name NAME --attributes a:string,b:integer [--underscored]', run: modelGenerate },
  'model:create': { summary: 'Alias of model:generate', usage: '--name NAME --attributes a:string', run: modelGenerate },
  'seed:generate': { summary: 'Create a seeder skeleton', usage: '--name NAME', run: seedGenerate },
  'seed:create': { summary: 'Alias of seed:generate', usage: '--name NAME', run: seedGenerate },
};

const globalOptions = [
  '--env NAME              the config environment (default: NODE_ENV, else "development")',
  '--config PATH           the config file (default: config/config.json)',
  '--url URL               the database URL, instead of a config file (else DATABASE_URL when no config file)',
  '--migrations-path PATH  the migrations folder (default: migrations)',
  '--seeders-path PATH     the seeders folder (default: seeders)',
  '--models-path PATH      the models folder (default: models)',
  '--debug                 print the SQL sent and full errors',
];

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  joinery ${name.padEnd(width)}  ${command.summary}${command.usage ? `  ${command.usage}` : ''}`);
  return ['Commands:', ...lines, '', 'Options (also read from .sequelizerc):', ...globalOptions.map((line) => `  ${line}`)].join('\n');
}

export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** joinery's CommonJS export, which migrations receive as `Sequelize`. */
  readonly library: JoineryLibrary;
  readonly version: string;
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const print = (line: string): void => io.stdout(`${line}\n`);
  if (args.flags['version'] === true) {
    print(io.version);
    return 0;
  }
  print(`joinery CLI [Node: ${process.versions.node}, joinery: ${io.version}]`);
  print('');
  if (args.command === undefined || args.command === 'help' || args.flags['help'] === true) {
    print(helpText());
    return args.command === undefined && args.flags['help'] !== true ? 1 : 0;
  }
  const command = commands[args.command];
  if (!command) {
    io.stderr(`ERROR: Unknown command "${args.command}".\n\n${helpText()}\n`);
    return 1;
  }
  let context: CliContext | undefined;
  try {
    const paths = await resolvePaths(io.cwd, args);
    context = new CliContext(args, paths, io.env, io.library, print);
    await command.run(context);
    return 0;
  } catch (error) {
    const debug = args.flags['debug'] === true;
    const message = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr(`ERROR: ${message}\n`);
    if (debug && error instanceof CliError && error.cause instanceof Error) io.stderr(`${error.cause.stack ?? ''}\n`);
    return 1;
  } finally {
    await context?.close().catch(() => undefined);
  }
}
