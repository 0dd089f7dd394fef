/** A command line split into the command, its `--flags` and any positional words. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly flags: Readonly<Record<string, string | true>>;
  readonly positional: readonly string[];
}

/** Flags that never take a value, so `--force init` does not read `init` as the value of `--force`. */
const booleanFlags = new Set(['force', 'help', 'debug', 'version', 'underscored']);

/** `migrationsPath` and `migrations-path` are the same flag, as yargs treats them in sequelize-cli. */
function normalizeFlagName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === '-h') {
      flags['help'] = true;
    } else if (word.startsWith('--')) {
      const body = word.slice(2);
      const equals = body.indexOf('=');
      if (equals !== -1) {
        flags[normalizeFlagName(body.slice(0, equals))] = body.slice(equals + 1);
        continue;
      }
      const name = normalizeFlagName(body);
      const next = argv[index + 1];
      if (!booleanFlags.has(name) && next !== undefined && !next.startsWith('--')) {
        flags[name] = next;
        index++;
      } else {
        flags[name] = true;
      }
    } else {
      positional.push(word);
    }
  }
  return { command: positional[0], flags, positional: positional.slice(1) };
}

/** A flag's text value; `--name` given without a value is a mistake worth naming. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new CliError(`--${name} needs a value, e.g. --${name} <value>.`);
  return value;
}

/** An error the CLI reports as one line, without a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
