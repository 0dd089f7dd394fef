import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

// Runs the built package (npm test builds first) the ways an app loads it, including the npm alias.
const root = resolve(import.meta.dirname ?? '.', '..');
const app = mkdtempSync(join(tmpdir(), 'joinery-package-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules', 'joinery'));
symlinkSync(root, join(app, 'node_modules', 'sequelize'));

function run(file: string, source: string): string {
  writeFileSync(join(app, file), source);
  return execFileSync(process.execPath, [join(app, file)], { cwd: app, encoding: 'utf8' }).trim();
}

test('require returns the Sequelize class carrying every named export, and loads no unused driver', () => {
  const output = run('app.cjs', `
    const Sequelize = require('sequelize');
    const { Sequelize: Named, DataTypes, Op } = require('joinery');
    (async () => {
      const db = new Sequelize('sqlite::memory:', { logging: false });
      const Pug = db.define('pugs', { name: Sequelize.STRING });
      await db.sync();
      await Pug.create({ name: 'Cody' });
      const found = await Pug.findAll({ where: { name: { [Op.like]: 'C%' } } });
      const drivers = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](pg|mysql2)[\\\\/]/.test(k));
      console.log(JSON.stringify([Named === Sequelize, DataTypes === Sequelize.DataTypes, typeof Sequelize.Op.eq, found.length, drivers.length]));
    })();
  `);
  assert.deepEqual(JSON.parse(output), [true, true, 'symbol', 1, 0]);
});

test('import gives named exports and a default export', () => {
  const output = run('app.mjs', `
    import Sequelize, { Sequelize as Named, DataTypes } from 'joinery';
    const db = new Named('sqlite::memory:', { logging: false });
    const Pug = db.define('pugs', { name: DataTypes.STRING });
    await db.sync();
    const pug = await Pug.create({ name: 'x' });
    console.log(JSON.stringify([Sequelize === Named, typeof Sequelize.STRING, pug.get('id')]));
  `);
  assert.deepEqual(JSON.parse(output), [true, 'function', 1]);
});

test('a missing driver is named in the error', async () => {
  const { loadDriver } = await import('../src/dialects/dialect.js');
  await assert.rejects(loadDriver('joinery-no-such-driver', 'sqlite'), /npm install joinery-no-such-driver/);
});
