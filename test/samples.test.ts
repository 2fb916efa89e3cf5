// The bundled samples: a full valid file of every layout of both editions, in complete send units.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, listLayouts, validateFiles } from '../src/index.js';
import { loadSamples as load } from './support/send-units.js';

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

describe('comparePlanToActual on the sample month (April 2025, ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ 1370200006)', () => {
  it('finds the cancelled visit on the 16th and the late one on the 9th; everything else as planned', () => {
    const files = load(join('samples', '4.1'));
    const plan = files.find((f) => f.name.startsWith('UPPLAN_202504_1370100008_43_1370200006'))!;
    const actual = files.find((f) => f.name.startsWith('UPJSK_'))!;
    const c = comparePlanToActual(plan, actual);
    expect(c.issues).toEqual([]);
    expect(c.offices).toEqual(['1370200006']);
    const changed = c.rows.filter((r) => r.status !== 'as-planned').map((r) => [r.insuredNumber, r.date, r.status]);
    expect(changed).toEqual([
      ['0000123456', '20250409', 'different'],
      ['0000123456', '20250416', 'planned-not-delivered'],
    ]);
    expect(c.summary['as-planned']).toBeGreaterThan(10);
  });
});
