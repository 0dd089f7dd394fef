import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testDialects, testDatabaseUrl } from './setup/dialects.js';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

// A script that does its work and never calls close() must still end, as it does with Sequelize.
const script = `
import { Sequelize, DataTypes } from ${JSON.stringify(entry)};
const db = new Sequelize(process.env.URL, { logging: false });
const Pet = db.define('exit_pets', { name: DataTypes.STRING });
await Pet.sync({ force: true });
await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => Pet.create({ name: 'pet' + i })));
await db.transaction(async () => Pet.create({ name: 'in a transaction' }));
console.log(await Pet.count());
`;

for (const dialect of testDialects) {
  describe(`process exit on ${dialect}`, () => {
    test('idle pooled connections do not keep the process alive', () => {
      const started = Date.now();
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, URL: testDatabaseUrl(dialect) }, encoding: 'utf8', timeout: 8_000,
      });
      assert.equal(child.error, undefined, `the script did not end within 8 s: ${child.stderr}`);
      assert.equal(child.status, 0, child.stderr);
      assert.equal(child.stdout.trim(), '8');
      // Sequelize ends such a script after pool.idle (10 s); we end it when the work is done.
      assert.ok(Date.now() - started < 8_000);
    });
  });
}
