// The JSON Schema example of the docs (test/fixtures/readme/json-schema.mjs, the same text), run as written by a
// program that has installed the package: careplan-csv, ajv and ajv-formats in its node_modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = mkdtempSync(join(tmpdir(), 'careplan-json-schema-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

it('the JSON Schema example validates a sample unit, refuses a bad date where it is, and writes the unit', () => {
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(ROOT, join(app, 'node_modules/careplan-csv'), 'dir');
  for (const dep of ['ajv', 'ajv-formats']) symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
  copyFileSync(join(ROOT, 'test/fixtures/readme/json-schema.mjs'), join(app, 'example.mjs'));
  const stdout = execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('true true');
  expect(lines[1]).toBe('false /users/0/records/UPPLAN/0/serviceDate');
  expect(lines[2]).toBe('UNITDOC_JSON_SHAPE サービス利用日 users[0].records.UPPLAN[0].serviceDate（No.10 サービス利用日）: 無効なISO日付');
  expect(stdout).toContain("'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV'");
  const written = JSON.parse(readFileSync(join(app, 'schedule.json'), 'utf8')) as { type: string; csvVersion: string };
  expect([written.type, written.csvVersion]).toEqual(['schedule', '202407']);
});
