#!/usr/bin/env node
// The `joinery` command: loads the built CLI (dist/esm/cli) and hands it joinery's CommonJS export, which
// migrations receive as `Sequelize`, so `Sequelize.STRING` and a migration's own `require('joinery')` are one library.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let library;
let runCli;
try {
  library = require('../dist/cjs/index.js');
  ({ runCli } = await import('../dist/esm/cli/main.js'));
} catch (error) {
  if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')) {
    process.stderr.write('ERROR: joinery is not built: run "npm run build" in the joinery package first.\n');
    process.exit(1);
  }
  throw error;
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  library,
  version,
});
// Exit once the output is flushed, as sequelize-cli does: a seeder that loads models/index.js opens a
// connection of its own that nothing closes, and must not keep the command running.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
