import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CliError, stringFlag } from './args.js';
import type { CliContext } from './context.js';
import { configTemplate, migrationTemplate, modelsIndexTemplate, seederTemplate } from './templates.js';

/** `YYYYMMDDHHMMSS` in UTC, the prefix that orders migration files by creation. */
export function timestamp(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** `.cjs` where the nearest package.json says `"type": "module"` (a CommonJS `.js` would not load there), else `.js`. */
export function skeletonExtension(folder: string): '.js' | '.cjs' {
  return inModulePackage(folder) ? '.cjs' : '.js';
}

function inModulePackage(folder: string): boolean {
  for (let current = folder; ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(current) === current) return false;
  }
}

function display(context: CliContext, file: string): string {
  return relative(context.paths.cwd, file) || file;
}

function generate(context: CliContext, folder: string, kind: string, source: string): void {
  const name = stringFlag(context.args, 'name');
  if (name === undefined) throw new CliError(`${kind}:generate needs --name, e.g. joinery ${kind}:generate --name create-users.`);
  if (!/^[\w.-]+$/.test(name)) throw new CliError(`--name "${name}" should be a file-name-friendly word such as create-users (letters, digits, "-", "_", ".").`);
  mkdirSync(folder, { recursive: true });
  const extension = skeletonExtension(folder);
  const file = join(folder, `${timestamp()}-${name}${extension}`);
  if (existsSync(file)) throw new CliError(`${display(context, file)} already exists; wait a second or pick another --name.`);
  writeFileSync(file, source);
  context.print(`New ${kind === 'seed' ? 'seed' : 'migration'} was created at ${display(context, file)} .`);
}

export async function migrationGenerate(context: CliContext): Promise<void> {
  generate(context, context.paths.migrations, 'migration', migrationTemplate());
}

export async function seedGenerate(context: CliContext): Promise<void> {
  generate(context, context.paths.seeders, 'seed', seederTemplate());
}

/** `init`: config/config.json, migrations/, seeders/ and models/index.js, keeping files that exist unless --force. */
export async function init(context: CliContext): Promise<void> {
  const force = context.args.flags['force'] === true;
  const { paths } = context;
  const writeOnce = (file: string, content: string): void => {
    if (existsSync(file) && !force) {
      context.print(`${display(context, file)} already exists; left as it is (--force overwrites).`);
      return;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    context.print(`Created "${display(context, file)}".`);
  };
  writeOnce(paths.config, configTemplate());
  for (const folder of [paths.migrations, paths.seeders]) {
    if (existsSync(folder)) {
      context.print(`${display(context, folder)} folder already exists.`);
      continue;
    }
    mkdirSync(folder, { recursive: true });
    context.print(`Successfully created ${display(context, folder)} folder.`);
  }
  let configFromModels = relative(paths.models, paths.config).split(sep).join('/');
  if (!configFromModels.startsWith('.')) configFromModels = `./${configFromModels}`;
  writeOnce(join(paths.models, 'index.js'), modelsIndexTemplate(configFromModels));
}
