// The export example of docs/import-export.md in JavaScript (test/fixtures/readme/export.mjs; test/docs.test.ts runs the page's TypeScript text), run as
// written with the built package: it writes one conformant 実績 file and reports nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { readSendUnits, validateFiles } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'careplan-export-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('the export example writes the 実績 unit, which validates with no issue and reads back as written', () => {
  const example = readFileSync(join(ROOT, 'test/fixtures/readme/export.mjs'), 'utf8');
  // Only the package specifier changes: the example runs from a temporary folder against the built package.
  const code = example.replace("from 'careplan-csv'", `from '${pathToFileURL(join(ROOT, 'dist/src/index.js')).href}'`);
  const stderr = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(stderr).toBe('');
  const names = readdirSync(out);
  expect(names).toEqual(['UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV']);
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(out, name))) }));
  expect(validateFiles(files).issues).toEqual([]);
  const [unit] = readSendUnits(files).units;
  expect(unit!.users[0]!.records.UPJSK!.map((r) => [r.serviceDate, r.serviceMonth, r.csvVersion, r.insuredNumber])).toEqual([
    ['2025-04-02', '2025-04', '202407', '0000123456'],
    ['2025-04-04', '2025-04', '202407', '0000123456'],
  ]);
});
