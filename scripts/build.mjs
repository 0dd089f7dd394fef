// Emits dist/esm (ES modules) and dist/cjs (CommonJS), each with its .d.ts files.
// The CommonJS entry is the Sequelize class itself carrying every named export, as sequelize@6's is,
// so `const Sequelize = require('joinery')` and an npm alias of `sequelize` keep working unchanged.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { rmSync, writeFileSync, renameSync, readFileSync } from 'node:fs';
// typescript@7 exports no bin path, so run the installed binary link.
const tsc = join('node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');

rmSync('dist', { recursive: true, force: true });
for (const project of ['tsconfig.json', 'tsconfig.cjs.json']) {
  execFileSync(tsc, ['-p', project], { stdio: 'inherit' });
}
writeFileSync('dist/esm/package.json', '{ "type": "module" }\n');
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');

renameSync('dist/cjs/index.js', 'dist/cjs/named-exports.js');
renameSync('dist/cjs/index.d.ts', 'dist/cjs/named-exports.d.ts');
writeFileSync('dist/cjs/index.js', `'use strict';
const named = require('./named-exports.js');
const Sequelize = named.Sequelize;
for (const key of Object.keys(named)) {
  if (!Object.prototype.hasOwnProperty.call(Sequelize, key)) Sequelize[key] = named[key];
}
Sequelize.default = Sequelize;
module.exports = Sequelize;
`);
writeFileSync('dist/cjs/index.d.ts', readFileSync('dist/cjs/named-exports.d.ts', 'utf8').replaceAll("'./", "'./"));
console.log('built dist/esm and dist/cjs');
