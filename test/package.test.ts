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
  const { loadDriver } = await import('../src/dialects/connection.js');
  await assert.rejects(loadDriver('joinery-no-such-driver', 'sqlite'), /npm install joinery-no-such-driver/);
});

test('the CommonJS export carries the statics apps reach for: errors, QueryTypes, Transaction, Model, version', () => {
  const output = run('statics.cjs', `
    const Sequelize = require('sequelize');
    const names = ['Sequelize', 'Model', 'DataTypes', 'Op', 'QueryTypes', 'Transaction', 'QueryInterface', 'BaseError', 'ValidationError',
      'ValidationErrorItem', 'UniqueConstraintError', 'ForeignKeyConstraintError', 'ExclusionConstraintError', 'DatabaseError', 'TimeoutError',
      'ConnectionError', 'ConnectionRefusedError', 'AccessDeniedError', 'HostNotFoundError', 'HostNotReachableError', 'InvalidConnectionError',
      'ConnectionTimedOutError', 'EmptyResultError', 'fn', 'col', 'literal', 'where', 'and', 'or', 'cast', 'json', 'IndexHints', 'TableHints',
      'ValidationErrorItemType', 'ValidationErrorItemOrigin'];
    const missing = names.filter((name) => Sequelize[name] === undefined);
    const db = new Sequelize.Sequelize('sqlite::memory:', { logging: false });
    console.log(JSON.stringify([missing, Sequelize.Sequelize === Sequelize, typeof Sequelize.version, Sequelize.QueryTypes.SELECT,
      Sequelize.Transaction.ISOLATION_LEVELS.SERIALIZABLE, new Sequelize.UniqueConstraintError() instanceof Sequelize.ValidationError, db.getDialect()]));
  `);
  assert.deepEqual(JSON.parse(output), [[], true, 'string', 'SELECT', 'SERIALIZABLE', true, 'sqlite']);
  const constants = run('constants.cjs', `
    const Sequelize = require('sequelize');
    console.log(JSON.stringify([Sequelize.IndexHints.FORCE, Sequelize.TableHints.NOLOCK, Sequelize.ValidationErrorItemOrigin.DB,
      Sequelize.ValidationErrorItemType['unique violation'], Sequelize.ValidationErrorItem.Origins.CORE]));
  `);
  assert.deepEqual(JSON.parse(constants), ['FORCE', 'NOLOCK', 'DB', 'DB', 'CORE']);
});

test('a dialect whose driver cannot be loaded fails on first use, naming the package', () => {
  const output = run('nodriver.cjs', `
    const { Sequelize } = require('joinery');
    const db = new Sequelize('postgres://u@127.0.0.1:1/x', { logging: false, dialectModule: undefined });
    const Module = require('module');
    const original = Module._load;
    Module._load = function (request, ...rest) {
      if (request === 'pg') { const error = new Error("Cannot find module 'pg'"); error.code = 'MODULE_NOT_FOUND'; throw error; }
      return original.call(this, request, ...rest);
    };
    db.authenticate().then(() => console.log('connected?'), (error) => console.log(error.message));
  `);
  assert.match(output, /npm install pg/);
});
