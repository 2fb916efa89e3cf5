// The bundled samples: a full valid file of every layout of both editions, in complete send units.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLayouts, validateFiles, type InputFile } from '../src/index.js';

const load = (dir: string): InputFile[] =>
  readdirSync(dir)
    .filter((n) => /\.(CSV|jpg)$/.test(n))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));

describe.each([
  ['4.1', '202407'],
  ['3.2', '202208'],
])('samples/%s', (edition, csvVersion) => {
  const files = load(join('samples', edition));
  const report = validateFiles(files);

  it('every file and every send unit passes with no issue at all', () => {
    expect(report.issues).toEqual([]);
    expect(report.units.every((u) => u.type !== undefined)).toBe(true);
  });

  it('has a sample of every layout of the edition, with records', () => {
    const expected = listLayouts()
      .filter((l) => l.csvVersion === csvVersion)
      .map((l) => l.kind)
      .sort();
    const present = [...new Set(report.files.filter((f) => f.records > 0).map((f) => f.kind))].sort();
    expect(present).toEqual(expected);
    expect(report.files.every((f) => f.csvVersion === csvVersion)).toBe(true);
  });
});
