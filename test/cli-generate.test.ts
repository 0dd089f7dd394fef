import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Sequelize } from '../src/index.js';
import { databaseUrl, freshDatabase, project, recorded, runCli, writeFiles } from './setup/cli.js';
import { testDialects } from './setup/dialects.js';

const root = resolve(import.meta.dirname ?? '.', '..');

/** A project with joinery installed (a symlink to this checkout), as `npm install joinery` leaves it. */
function installedProject(files: Record<string, string>): string {
  const cwd = project(files);
  mkdirSync(join(cwd, 'node_modules'), { recursive: true });
  symlinkSync(root, join(cwd, 'node_modules', 'joinery'));
  return cwd;
}

for (const dialect of testDialects) {
  describe(`joinery model:generate on ${dialect}`, () => {
    const url = databaseUrl(dialect, project());
    let sequelize: Sequelize;

    before(async () => {
      sequelize = await freshDatabase(url);
    });
    after(async () => {
      await sequelize.close();
    });

    test('model:generate writes a model and its migration; models/index.js loads it onto the migrated table', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const cwd = installedProject({ 'config/config.json': JSON.stringify({ test: { url, logging: false } }) });
      const env = { NODE_ENV: 'test' };
      assert.equal(runCli(cwd, ['init'], env).status, 0);
      const generated = runCli(cwd, ['model:generate', '--name', 'Pug', '--attributes', 'name:string, age:integer,mood:enum:{calm,zoomies},meta:json']);
      assert.equal(generated.status, 0, generated.stderr);
      const [migration] = readdirSync(join(cwd, 'migrations'));
      assert.match(migration!, /^\d{14}-create-pug\.js$/);
      assert.match(readFileSync(join(cwd, 'models', 'pug.js'), 'utf8'), /class Pug extends Model[\s\S]*mood: DataTypes\.ENUM\("calm", "zoomies"\)/);

      const migrated = runCli(cwd, ['db:migrate'], env);
      assert.equal(migrated.status, 0, migrated.stderr);
      assert.deepEqual(await recorded(sequelize), [migration]);
      const columns = await sequelize.getQueryInterface().describeTable('Pugs');
      assert.deepEqual(Object.keys(columns).sort(), ['age', 'createdAt', 'id', 'meta', 'mood', 'name', 'updatedAt']);

      const output = execFileSync(process.execPath, ['-e', `
        const db = require('./models');
        (async () => {
          const pug = await db.Pug.create({ name: 'Cody', age: 3, mood: 'zoomies', meta: { toys: 2 } });
          const found = await db.Pug.findByPk(pug.id);
          console.log(JSON.stringify([found.name, found.mood, found.meta, await db.Pug.count()]));
          await db.sequelize.close();
        })();
      `], { cwd, env: { ...process.env, NODE_ENV: 'test' }, encoding: 'utf8' });
      assert.deepEqual(JSON.parse(output.trim().split('\n').pop()!), ['Cody', 'zoomies', { toys: 2 }, 1]);

      // A seeder using the models opens its own connection, which nothing closes: the command still ends.
      writeFiles(cwd, {
        'seeders/20240101000000-pugs.js': `module.exports = {
          async up() { await require('../models').Pug.bulkCreate([{ name: 'Ella', age: 2 }, { name: 'Rex', age: 5 }]); },
          async down() { await require('../models').Pug.destroy({ where: { name: ['Ella', 'Rex'] } }); },
        };`,
      });
      const seeded = runCli(cwd, ['db:seed:all'], env);
      assert.equal(seeded.status, 0, `${seeded.stderr} (null: the command did not end)`);
      const pugs = sequelize.dialect.compiler.quoteTable('Pugs');
      assert.deepEqual(await sequelize.query(`SELECT name FROM ${pugs} ORDER BY name`, { type: 'SELECT' }), [{ name: 'Cody' }, { name: 'Ella' }, { name: 'Rex' }]);

      const undone = runCli(cwd, ['db:migrate:undo'], env);
      assert.equal(undone.status, 0, undone.stderr);
      assert.ok(!(await sequelize.getQueryInterface().showAllTables()).includes('Pugs'));
    });

    test('a migration with useTransaction: false runs outside a transaction: a failure keeps what ran and records nothing', async () => {
      await sequelize.getQueryInterface().dropAllTables();
      const cwd = project({
        'migrations/20240101000000-outside.js': `module.exports = {
          useTransaction: false,
          async up(queryInterface, Sequelize) {
            await queryInterface.createTable('cli_outside', { id: { type: Sequelize.INTEGER, primaryKey: true } });
            // Outside a transaction this statement commits on its own, so a later failure cannot undo it.
            await queryInterface.bulkInsert('cli_outside', [{ id: 7 }]);
            throw new Error('stop here');
          },
          async down() {},
        };`,
      });
      const result = runCli(cwd, ['db:migrate', '--url', url]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /20240101000000-outside\.js failed while running up: stop here/);
      assert.deepEqual(await sequelize.query('SELECT id FROM cli_outside', { type: 'SELECT' }), [{ id: 7 }]);
      assert.deepEqual(await recorded(sequelize), []);
    });
  });
}

describe('joinery model:generate input', () => {
  test('names the attribute whose type is unknown, and asks for --attributes', () => {
    const cwd = project();
    const unknown = runCli(cwd, ['model:generate', '--name', 'Pug', '--attributes', 'name:strin']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Attribute "name" has the unknown type "strin"; known types: string, text/);
    assert.match(runCli(cwd, ['model:generate', '--name', 'Pug']).stderr, /needs --attributes/);
    assert.match(runCli(cwd, ['model:generate', '--name', 'my pug', '--attributes', 'a:string']).stderr, /needs --name with a JavaScript class name/);
  });
});
