// Service-code master files in the reports (issue 18): the command and the page list each master file first,
// named as what it is — a service-code master with the entries it gave — not as a spec file of unknown kind
// with no records, and with its own problems beside it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatText, loadServiceCodeCsv, mergeServiceCodeMasters, validateFiles } from '../src/index.js';
import { masterFileReports, withMasterReports } from '../src/report/service-code-files.js';
import { runCommand } from './support/command.js';
import { ROOT } from './support/paths.js';

const VENDOR = '種類,項目,開始年月,終了年月,名称,単位数\r\n11,1211,202404,999999,身体介護１,387\r\n11,1111,201910,202403,身体介護１（旧）,250\r\n11,12-1,202404,999999,壊れた行,1\r\n';
const bytes = (text: string) => new TextEncoder().encode(text);

describe('a master file in a report', () => {
  it('loadServiceCodeCsv tells the entries each file gave (a file that is no master: 0)', () => {
    const loaded = loadServiceCodeCsv([
      { name: 'codes.csv', bytes: bytes(VENDOR) },
      { name: 'memo.csv', bytes: bytes('メモ,です\r\n') },
    ]);
    expect(loaded.files).toEqual([{ name: 'codes.csv', entries: 2 }, { name: 'memo.csv', entries: 0 }]);
    expect(mergeServiceCodeMasters(loaded.master).files).toEqual([{ name: undefined, entries: 2 }]);
  });

  it('is reported first with its entries and its own problems, counted in the summary', () => {
    const { reports } = masterFileReports([{ name: 'codes.csv', bytes: bytes(VENDOR) }]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ file: 'codes.csv', kind: undefined, records: 0, serviceCodes: { entries: 2 } });
    expect(reports[0]!.issues.map((i) => [i.code, i.line, i.value])).toEqual([['MASTER_BAD_VALUE', 4, '12-1']]);
    const report = withMasterReports(validateFiles([]), reports);
    expect(report.files[0]!.file).toBe('codes.csv');
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
    const text = formatText({ report, profile: 'strict', failOn: 'error' }, { color: false, lang: 'ja' });
    expect(text).toContain('codes.csv  (サービスコード表（2件）)');
    expect(text).not.toContain('種類不明');
  });
});

describe('the command', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'careplan-master-'));
    writeFileSync(join(dir, 'codes.csv'), VENDOR);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the master file as one, in Japanese and in English, and keeps its entries in JSON', async () => {
    const sample = join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
    const ja = await runCommand(['validate', sample, '--service-codes', join(dir, 'codes.csv')]);
    expect(ja.stdout).toContain('サービスコード表（2件）');
    const en = await runCommand(['validate', sample, '--service-codes', join(dir, 'codes.csv'), '--lang', 'en']);
    expect(en.stdout).toContain('service-code master (2 entries)');
    const json = await runCommand(['validate', sample, '--service-codes', join(dir, 'codes.csv'), '--format', 'json']);
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ serviceCodes: { entries: 2 }, records: 0 });
  });
});
