// No `any` in the published types: scans the emitted declarations (npm test builds them first) for `any` used
// as a type. `strict` (noImplicitAny) stops the compiler inferring it; this stops anyone writing it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname ?? '.', '..');
const declarations = join(root, 'dist', 'esm');

function declarationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Comments and string literals blanked out (same length, so columns stay right); `Op.any` etc. are names, not types. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (match) => match.replace(/[^\n]/g, ' '));
}

// `any` is a type where it follows a type-introducing token and is not itself a property or parameter name.
const anyAsType = /(?:[:<,|&(=[?]|=>|\bextends|\bkeyof|\breadonly)\s*any\b(?!\s*\??:)/g;

/** Every `file:line: text` where a declaration uses `any` as a type. */
function anyTypesIn(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n');
    return codeOnly(source)
      .split('\n')
      .flatMap((line, index) => (line.match(anyAsType) ? [`${relative(root, file)}:${index + 1}: ${lines[index]!.trim()}`] : []));
  });
}

test('the emitted .d.ts files use no `any` type', () => {
  assert.ok(existsSync(join(declarations, 'index.d.ts')), 'dist/esm is missing: run `npm run build` (npm test builds first)');
  assert.deepEqual(anyTypesIn(declarationFiles(declarations)), []);
});

test('the scan finds `any` written as a type, and ignores Op.any, comments and strings', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'joinery-no-any-'));
  const sample = join(dir, 'sample.d.ts');
  writeFileSync(
    sample,
    [
      'export declare function a(x: any): void;',
      'export type B = Array<any> | string;',
      'export type C<T = any> = T;',
      'export interface D { [Op.any]?: string; readonly any: typeof any; e: "any"; /* any */ }',
      '// any in a comment',
      'export type E = (v: unknown) => any;',
      'export type F = readonly any[];',
    ].join('\n'),
  );
  assert.deepEqual(
    anyTypesIn([sample]).map((hit) => hit.replace(/^.*sample\.d\.ts:/, '')),
    ['1: export declare function a(x: any): void;', '2: export type B = Array<any> | string;', '3: export type C<T = any> = T;', '6: export type E = (v: unknown) => any;', '7: export type F = readonly any[];'],
  );
});
