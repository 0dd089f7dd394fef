import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseConnectionUrl } from '../src/config.js';
import type { Sequelize } from '../src/index.js';
import { addEmail, createUsers, databaseUrl, freshDatabase, project, recorded, runCli, writeFiles } from './setup/cli.js';
import { testDialects } from './setup/dialects.js';

// How the CLI finds its database and folders: sequelize-cli's config file, .sequelizerc, flags and env.
for (const dialect of testDialects) {
  describe(`joinery CLI configuration on ${dialect}`, () => {
    const url = databaseUrl(dialect, project());
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await freshDatabase(url);
    });
    after(async () => {
      await sequelize.close();
    });

    /** The connection as config.json fields ({ dialect, host, port, database, username, password } or storage). */
    function configEntry(): Record<string, unknown> {
      const { dialectOptions: _unused, ...fields } = parseConnectionUrl(url);
      return fields;
    }

    test('config/config.json is read for NODE_ENV or --env, "development" by default', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const cwd = project({
        'config/config.json': JSON.stringify({ development: { dialect: 'sqlite', storage: '/dev/null/folder/dev.sqlite' }, staging: configEntry() }),
        'migrations/20240101000000-create-users.js': createUsers,
      });
      const development = runCli(cwd, ['db:migrate']);
      assert.equal(development.status, 1, 'the development entry points at a folder that cannot be created');
      assert.match(development.stdout, /Using environment "development"\./);

      const byEnv = runCli(cwd, ['db:migrate'], { NODE_ENV: 'staging' });
      assert.equal(byEnv.status, 0, byEnv.stderr);
      assert.match(byEnv.stdout, /Loaded configuration file "config[\\/]config\.json"\.\nUsing environment "staging"\./);
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js']);

      const byFlag = runCli(cwd, ['db:migrate:undo', '--env', 'staging']);
      assert.equal(byFlag.status, 0, byFlag.stderr);
      assert.deepEqual(await recorded(sequelize), []);

      const unknown = runCli(cwd, ['db:migrate', '--env', 'qa']);
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /has no "qa" environment; it has "development", "staging"/);
    });

    test('.sequelizerc paths, a config.js with use_env_variable, and migrationStorageTableName', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const cwd = project({
        '.sequelizerc': `const path = require('path');
          module.exports = { config: path.resolve('db', 'database.js'), 'migrations-path': path.resolve('db', 'migrate'), 'seeders-path': path.resolve('db', 'seed') };`,
        'db/database.js': `module.exports = { test: { use_env_variable: 'APP_DB', migrationStorageTableName: 'schema_history', seederStorage: 'sequelize' } };`,
        'db/migrate/20240101000000-create-users.js': createUsers,
        'db/seed/20240101000000-users.js': `module.exports = {
          up: (queryInterface) => queryInterface.bulkInsert('cli_users', [{ name: 'Cody', createdAt: new Date() }]),
          down: (queryInterface) => queryInterface.bulkDelete('cli_users', { name: 'Cody' }),
        };`,
      });
      const env = { NODE_ENV: 'test', APP_DB: url };
      const migrated = runCli(cwd, ['db:migrate'], env);
      assert.equal(migrated.status, 0, migrated.stderr);
      assert.match(migrated.stdout, /Loaded configuration file "db[\\/]database\.js"\./);
      assert.deepEqual(await recorded(sequelize, 'schema_history'), ['20240101000000-create-users.js']);
      assert.ok(!(await sequelize.getQueryInterface().showAllTables()).includes('SequelizeMeta'));

      assert.equal(runCli(cwd, ['db:seed:all'], env).status, 0);
      assert.equal(runCli(cwd, ['db:seed:all'], env).status, 0, 'a recorded seeder does not run twice');
      assert.deepEqual(await sequelize.query('SELECT name FROM cli_users', { type: 'SELECT' }), [{ name: 'Cody' }]);
      assert.deepEqual(await recorded(sequelize, 'SequelizeData'), ['20240101000000-users.js']);

      const unset = runCli(cwd, ['db:migrate:status'], { NODE_ENV: 'test' });
      assert.equal(unset.status, 1);
      assert.match(unset.stderr, /use_env_variable "APP_DB", but that environment variable is not set/);
    });

    test('DATABASE_URL is used when there is no config file; --url wins over it; --migrations-path is honoured', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const cwd = project({ 'schema/20240101000000-create-users.js': createUsers, 'schema/20240102000000-add-email.js': addEmail });
      const fromEnv = runCli(cwd, ['db:migrate', '--migrations-path', 'schema', '--to', '20240101000000-create-users'], { DATABASE_URL: url });
      assert.equal(fromEnv.status, 0, fromEnv.stderr);
      assert.match(fromEnv.stdout, /Using DATABASE_URL\./);
      const fromFlag = runCli(cwd, ['db:migrate', '--migrationsPath=schema', `--url=${url}`], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' });
      assert.equal(fromFlag.status, 0, fromFlag.stderr);
      assert.deepEqual(await recorded(sequelize), ['20240101000000-create-users.js', '20240102000000-add-email.js']);
    });

    test('db:create and db:drop make and remove the configured database on servers; SQLite says it needs neither', async () => {
      const cwd = project({ 'migrations/20240101000000-create-users.js': createUsers });
      if (sequelize.dialect.maintenanceDatabase === undefined) {
        const refused = runCli(cwd, ['db:create', '--url', url]);
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /does not support db:create \/ db:drop/);
        return;
      }
      const other = new URL(url);
      other.pathname = `${other.pathname}_cli`;
      const otherUrl = other.toString();
      runCli(cwd, ['db:drop', '--url', otherUrl]);
      const created = runCli(cwd, ['db:create', '--url', otherUrl]);
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, new RegExp(`Database ${other.pathname.slice(1)} created\\.`));
      // As in sequelize-cli: PostgreSQL refuses an existing database, MySQL's CREATE DATABASE IF NOT EXISTS does not.
      assert.equal(runCli(cwd, ['db:create', '--url', otherUrl]).status, sequelize.getDialect() === 'postgres' ? 1 : 0, 'it exists already');
      assert.equal(runCli(cwd, ['db:migrate', '--url', otherUrl]).status, 0);
      const dropped = runCli(cwd, ['db:drop', '--url', otherUrl]);
      assert.equal(dropped.status, 0, dropped.stderr);
      assert.equal(runCli(cwd, ['db:migrate:status', '--url', otherUrl]).status, 1, 'the database is gone');
    });

    test('installed as a package, migrations get joinery\'s CommonJS export as Sequelize, the same one require("joinery") gives', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const root = resolve(import.meta.dirname ?? '.', '..');
      const cwd = project({
        'migrations/20240101000000-check.js': `const joinery = require('joinery');
          module.exports = {
            async up(queryInterface, Sequelize) {
              if (Sequelize !== joinery || typeof Sequelize.STRING !== 'function' || !(queryInterface instanceof Sequelize.QueryInterface)) throw new Error('not the CommonJS export');
              await queryInterface.createTable('cli_checked', { id: { type: Sequelize.INTEGER, primaryKey: true }, tags: Sequelize.JSON });
              await queryInterface.bulkInsert('cli_checked', [{ id: 1, tags: { a: [1, 2] } }]);
            },
            async down(queryInterface) { await queryInterface.dropTable('cli_checked'); },
          };`,
      });
      mkdirSync(join(cwd, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(root, join(cwd, 'node_modules', 'joinery'));
      symlinkSync(join('..', 'joinery', 'bin', 'joinery.js'), join(cwd, 'node_modules', '.bin', 'joinery'));
      const result = runCli(cwd, ['db:migrate', '--url', url], {}, join(cwd, 'node_modules', '.bin', 'joinery'));
      assert.equal(result.status, 0, result.stderr);
      const rows = (await sequelize.query('SELECT tags FROM cli_checked', { type: 'SELECT' })) as Array<{ tags: unknown }>;
      assert.deepEqual(typeof rows[0]!.tags === 'string' ? JSON.parse(rows[0]!.tags) : rows[0]!.tags, { a: [1, 2] });
    });
  });
}

describe('joinery CLI commands that need no database', () => {
  test('an unknown command lists the commands; no configuration says where it looked', () => {
    const cwd = project({ 'migrations/.keep': '' });
    const unknown = runCli(cwd, ['db:migrat']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Unknown command "db:migrat"[\s\S]*db:migrate:undo:all[\s\S]*migration:generate/);
    const missing = runCli(cwd, ['db:migrate']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No database configuration found\. Looked for: a --url flag, the config file .*config[\\/]config\.json, and the DATABASE_URL environment variable/);
    const givenConfig = runCli(cwd, ['db:migrate', '--config', 'elsewhere/db.json']);
    assert.match(givenConfig.stderr, /Config file not found: .*elsewhere[\\/]db\.json/);
    assert.match(runCli(cwd, ['--help']).stdout, /db:seed:undo:all/);
  });

  test('in a "type": "module" project: export default config and migrations, a CommonJS .sequelizerc', async () => {
    const cwd = project({
      'package.json': '{ "type": "module" }',
      '.sequelizerc': "const path = require('path');\nmodule.exports = { 'migrations-path': path.resolve('db', 'migrations') };",
      'config/config.js': "export default { development: { dialect: 'sqlite', storage: 'db.sqlite' } };",
      'db/migrations/20240101000000-create-pets.js': `export default {
        async up(queryInterface, Sequelize) { await queryInterface.createTable('cli_pets', { id: { type: Sequelize.INTEGER, primaryKey: true } }); },
        async down(queryInterface) { await queryInterface.dropTable('cli_pets'); },
      };`,
    });
    const result = runCli(cwd, ['db:migrate']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Loaded configuration file "config[\\/]config\.js"\.[\s\S]*20240101000000-create-pets: migrated/);
    assert.match(runCli(cwd, ['db:migrate:status']).stdout, /^up 20240101000000-create-pets\.js$/m);
  });

  test('migration:generate and seed:generate write timestamped skeletons that load and run', () => {
    const cwd = project();
    const result = runCli(cwd, ['migration:generate', '--name', 'create-users']);
    assert.equal(result.status, 0, result.stderr);
    const [file] = readdirSync(join(cwd, 'migrations'));
    assert.match(file!, /^\d{14}-create-users\.js$/);
    const stamp = file!.slice(0, 14);
    const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    assert.ok(Math.abs(Number(now) - Number(stamp)) < 100, `${stamp} is the current UTC time (${now})`);
    assert.match(readFileSync(join(cwd, 'migrations', file!), 'utf8'), /module\.exports = \{\n {2}async up\(queryInterface, Sequelize\) \{[\s\S]*async down\(queryInterface, Sequelize\)/);
    assert.match(runCli(cwd, ['migration:generate']).stderr, /needs --name/);

    assert.equal(runCli(cwd, ['seed:generate', '--name', 'demo-users']).status, 0);
    assert.match(readdirSync(join(cwd, 'seeders'))[0]!, /^\d{14}-demo-users\.js$/);
    const sqlite = `sqlite:${join(cwd, 'db.sqlite')}`;
    const ran = runCli(cwd, ['db:migrate', '--url', sqlite]);
    assert.equal(ran.status, 0, ran.stderr);
    assert.match(runCli(cwd, ['db:migrate:status', '--url', sqlite]).stdout, /^up \d{14}-create-users\.js$/m);

    const modulePackage = project({ 'package.json': '{ "type": "module" }' });
    assert.equal(runCli(modulePackage, ['migration:generate', '--name', 'x']).status, 0);
    assert.match(readdirSync(join(modulePackage, 'migrations'))[0]!, /^\d{14}-x\.cjs$/, 'a CommonJS skeleton in an ES-module package is .cjs');
  });

  test('init creates config, migrations, seeders and models once; a migration without down cannot be undone', () => {
    const cwd = project();
    const first = runCli(cwd, ['init']);
    assert.equal(first.status, 0, first.stderr);
    for (const path of ['config/config.json', 'migrations', 'seeders', 'models/index.js']) assert.ok(existsSync(join(cwd, path)), path);
    assert.equal(JSON.parse(readFileSync(join(cwd, 'config', 'config.json'), 'utf8')).development.dialect, 'sqlite');
    assert.match(runCli(cwd, ['init']).stdout, /config[\\/]config\.json already exists; left as it is/);

    writeFiles(cwd, { 'migrations/20240101000000-one-way.js': 'module.exports = { up: async () => {} };' });
    assert.equal(runCli(cwd, ['db:migrate']).status, 0);
    const undo = runCli(cwd, ['db:migrate:undo']);
    assert.equal(undo.status, 1);
    assert.match(undo.stderr, /The migration 20240101000000-one-way\.js has no down function/);

    writeFiles(cwd, { 'migrations/20240102000000-empty.js': 'module.exports = {};' });
    assert.match(runCli(cwd, ['db:migrate']).stderr, /20240102000000-empty\.js exports no up function/);
  });
});
