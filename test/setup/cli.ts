import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Sequelize } from '../../src/index.js';
import { testDatabaseUrl } from './dialects.js';

const root = resolve(import.meta.dirname ?? '.', '..', '..');
const bin = join(root, 'bin', 'joinery.js');

/** The test database URL of a dialect, as the CLI gets it; SQLite gets a file in the project folder. */
export function databaseUrl(dialect: string, project: string): string {
  const url = testDatabaseUrl(dialect);
  // The in-memory database would vanish with the CLI's process: use a file in the project instead.
  return url === 'sqlite::memory:' ? `sqlite:${join(project, 'test.sqlite')}` : url;
}

/** An empty project folder with the given files (paths relative to it). */
export function project(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-cli-'));
  writeFiles(folder, files);
  return folder;
}

export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `joinery` bin (npm test builds first) in a project folder, as a user's shell would. */
export function runCli(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}, binPath = bin): CliResult {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, NODE_ENV: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const result = spawnSync(process.execPath, [binPath, ...args], { cwd, env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A connection to the same database for assertions, with every table of earlier tests dropped. */
export async function freshDatabase(url: string): Promise<Sequelize> {
  const sequelize = new Sequelize(url, { logging: false });
  await sequelize.getQueryInterface().dropAllTables();
  return sequelize;
}

/** The names SequelizeMeta (or another storage table) records, in name order. */
export async function recorded(sequelize: Sequelize, table = 'SequelizeMeta'): Promise<string[]> {
  const quoted = sequelize.dialect.compiler.quoteIdentifier(table);
  const rows = (await sequelize.query(`SELECT name FROM ${quoted} ORDER BY name`, { type: 'SELECT' })) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

export const createUsers = `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('cli_users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      name: { type: Sequelize.STRING, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('cli_users');
  },
};
`;

export const addEmail = `'use strict';
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('cli_users', 'email', { type: Sequelize.STRING(120) }),
  down: (queryInterface) => queryInterface.removeColumn('cli_users', 'email'),
};
`;

/** An ES module migration with named exports. */
export const createPets = `export async function up(queryInterface, Sequelize) {
  await queryInterface.createTable('cli_pets', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true }, name: Sequelize.STRING });
}
export async function down(queryInterface) {
  await queryInterface.dropTable('cli_pets');
}
`;
