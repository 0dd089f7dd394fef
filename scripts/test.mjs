// Runs the type tests (tsc --noEmit over test/types) and then every test/**/*.test.ts with Node's test runner.
// Test files run one at a time: they share the PostgreSQL and MariaDB test databases.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// typescript@7 exports no bin path, so run the installed binary link.
const tsc = join('node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');


function testFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'types' ? [] : testFiles(path);
    return path.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
if (only.length === 0 && existsSync('test/types/tsconfig.json')) {
    const types = spawnSync(tsc, ['-p', 'test/types/tsconfig.json'], { stdio: 'inherit' });
  if (types.status !== 0) process.exit(types.status ?? 1);
}
const files = only.length > 0 ? only : testFiles('test').sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
