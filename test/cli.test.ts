// The command as a vendor's CI uses it: exit codes and the Japanese/English lines it prints.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeCsvFile } from '../src/index.js';
import { runCommand } from './support/command.js';

const run = runCommand;

afterEach(() => vi.restoreAllMocks());

describe('careplan-csv', () => {
  it('check-records exits 1 and names field, value and rule for a broken sample', () => {
    const r = run(['check-records', 'UPPLAN', 'samples/records/UPPLAN.202407.broken.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FIELD_INVALID_DATE] No.10「サービス利用日」 の値 "20250431" は実在しない日付です');
    expect(r.stdout).toContain('No.10 サービス利用日: "20250431" is not a real date');
  });

  it('check-records exits 0 on conformant samples', () => {
    expect(run(['check-records', 'UPPLAN', 'samples/records/UPPLAN.202407.json']).code).toBe(0);
  });

  it('exits 2 with a bilingual message for an unknown layout or unreadable file', () => {
    const r = run(['check-records', 'UP3KYO', 'samples/records/UPPLAN.202407.json', '--csv-version', '202208']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('レイアウトがありません: UP3KYO (CSVバージョン 202208) / no layout: UP3KYO (CSVバージョン 202208)');
    expect(run(['check-records', 'UPPLAN', 'no/such/file.json']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('layout prints every field with No., Japanese name, key and length', () => {
    const r = run(['layout', 'UPPLAN', '--csv-version', '202208']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第6表（サービス利用票）、実績情報 — CSVバージョン 202208 (第3.2版)');
    expect(r.stdout).toContain(' 22 識別子 [identifier] 1');
  });
});

describe('careplan-csv check', () => {
  it('exits 0 on the conformant samples and 1 on the broken one, naming line and byte offset', () => {
    const unit = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => `samples/${k}_202504_1370100008_43_1370200006_11_20250325120000.CSV`);
    expect(run(['check', ...unit]).code).toBe(0);
    // 第6表 alone is an incomplete send unit.
    expect(run(['check', unit[0]!]).stdout).toContain('[UNIT_MISSING_FILE]');
    const broken = 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV';
    const strict = run(['check', broken]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('エラー [CSV_NOT_MS932] バイト位置3:');
    // The lenient profile reads on: encoding and header become warnings, the rest is checked.
    const r = run(['check', '--lenient', broken]);
    expect(r.code).toBe(1); // still an incomplete send unit: 第6表 without 第7表
    expect(r.stdout).toContain('[UNIT_MISSING_FILE]');
    expect(r.stdout).toContain('警告 [CSV_HEADER_ROW] 1行目 値 "CSVバージョン,保険者番号,被保険者番号,作成年月日,対象年月":');
    expect(r.stdout).toContain("No.7 プラン担当者名: '〜' (U+301C) cannot be written in MS932.");
  });

  it('reports field rules of every record with its physical line', () => {
    const records = JSON.parse(readFileSync('samples/records/UPPLAN.202407.json', 'utf8')) as Record<string, string>[];
    records[1] = { ...records[1]!, serviceDate: '20250431' };
    const dir = mkdtempSync(join(tmpdir(), 'careplan-'));
    const path = join(dir, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV');
    writeFileSync(path, writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes);
    const r = run(['check', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('エラー [FIELD_INVALID_DATE] 2行目 レコード2 No.10「サービス利用日」 値 "20250431": No.10「サービス利用日」 の値 "20250431" は実在しない日付です');
  });

  it('exits 2 when a file cannot be read', () => {
    expect(run(['check', 'samples/none.CSV']).code).toBe(2);
  });
});
