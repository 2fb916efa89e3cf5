// careplan-csv import: the import plan printed for people (Japanese with English, or English) and as JSON,
// with validate's exit codes (0 all importable, 1 something rejected, 2 usage or I/O).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile, writeCsvFile, type ImportStep } from '../src/core.js';
import { runCommand } from './support/command.js';

/** A copy of samples/4.1 in a new folder, with the 第6表 sent to 1370200006 carrying an impossible date. */
function receivedWithBrokenSchedule(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careplan-import-'));
  for (const name of readdirSync('samples/4.1')) copyFileSync(join('samples/4.1', name), join(dir, name));
  const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
  const read = readCsvFile({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
  const records = read.records.map((r, i) => (i === 3 ? { ...r, serviceDate: '20250431' } : r));
  writeFileSync(join(dir, name), writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes);
  return dir;
}

describe('careplan-csv import', () => {
  it('prints the plan of the 4.1 samples in Japanese with English and exits 0', () => {
    const r = runCommand(['import', 'samples/4.1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1. 取込 / store  20250325090000:1370100008_43>1370200006_11  居宅サービス計画書（第1表・第2表・第3表・利用者補足情報） / care plan (tables 1-3 and user supplement)  CSVバージョン 202407');
    expect(r.stdout).toContain('   + 居宅サービス計画書 / care plan: 利用者 131016-H123456789、計画作成（変更）日 2025-03-17、事業所 1370100008_43  [UP1KYO 1, UP2KYO 3, UP3KYO 7, UPHOSOKU 1]');
    expect(r.stdout).toContain('取り消す / withdraws UP1KYO, UP2KYO, UP3KYO  (DLT1KYO_1370100008_43_1370200006_11_20250326090000.CSV 1行目)');
    expect(r.stdout).toContain('     手順1で保存した文書を取り消す / withdraws the document stored by step 1 (20250325090000:1370100008_43>1370200006_11)');
    expect(r.stdout).toContain('事業所・サービス種類のすべてのサテライトを含む / every satellite of the office and service type');
    expect(r.stdout).toContain('結果: 取込 7送信単位（文書 14件）、削除 5送信単位（取消 5件）、却下 0件\nResult: store 7 units (14 documents), delete 5 units (5 withdrawals), reject 0\nすべて取り込めます / ALL IMPORTABLE\n');
  });

  it('prints English alone with --lang en', () => {
    const r = runCommand(['import', 'samples/3.2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. store  20230224090000:1370100008>1370200006  care plan (tables 1-3 and user supplement)  CSV version 202208');
    expect(r.stdout).toContain('   + care plan: user 131016-0000123456, plan date 2023-02-22, office 1370100008  [UP1KYO 1, UP2KYO 4, UPHOSOKU 1]');
    expect(r.stdout).toContain('withdraws UP1KYO, UP2KYO  (DLT1KYO_1370100008_1370200006_20230227090000.CSV line 1)');
    expect(r.stdout).toMatch(/Result: store 5 units \(10 documents\), delete 3 units \(3 withdrawals\), reject 0\nALL IMPORTABLE\n$/);
    expect(r.stdout).not.toMatch(/[取却結]/);
  });

  it('rejects a unit with an error, names the reasons, goes on with the others and exits 1', () => {
    const dir = receivedWithBrokenSchedule();
    const r = runCommand(['import', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3. 却下 / reject  20250325100000:1370100008_43>1370200006_11  サービス利用票（第6表・第7表・利用者補足情報） / service schedule (tables 6-7 and user supplement)');
    expect(r.stdout).toContain('   この送信単位は取り込みません（エラーのあるファイルを含む送信単位は全体を却下） / this send unit is not imported (a unit with an error is rejected as a whole)');
    expect(r.stdout).toMatch(/ {3}エラー \[FIELD_INVALID_DATE\] 4行目 レコード4 No\.10「サービス利用日」 値 "20250431" ファイル UPPLAN_202504_1370100008_43_1370200006_11_20250325100000\.CSV: /);
    expect(r.stdout).toContain('4. 取込 / store  20250325100000:1370100008_43>1370300004_17');
    expect(r.stdout).toContain('却下 1件');
    expect(r.stdout).toContain('取り込めないものがあります: 1件 / NOT ALL IMPORTABLE: 1 rejected or unreadable');
  });

  it('imports a unit with a warning, saying so (exit 0)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-import-'));
    for (const name of readdirSync('samples/4.1').filter((n) => /_2025041[58]\d{6}\.CSV$/.test(n) && !n.startsWith('UPYOBO_SUB_'))) copyFileSync(join('samples/4.1', name), join(dir, name));
    const r = runCommand(['import', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2. 取込 / store  20250415100000:1370400002_46>1370500009_A6');
    expect(r.stdout).toContain('   警告 1件・情報 0件（取り込めます。内容は validate で確認） / 1 warning(s), 0 info (importable; see validate)');
    const plan = JSON.parse(runCommand(['import', dir, '--format', 'json']).stdout) as { steps: { warnings: number }[]; issues: { code: string }[] };
    expect(plan.steps.map((s) => s.warnings)).toEqual([0, 1, 0, 0]);
    expect(plan.issues.map((i) => i.code)).toEqual(['UNIT_MISSING_ANNEX']);
  });

  it('prints planImport as JSON, with the files it could not read', () => {
    const dir = receivedWithBrokenSchedule();
    const r = runCommand(['import', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const plan = JSON.parse(r.stdout) as { steps: ImportStep[]; summary: Record<string, number>; unreadable: unknown[]; issues: { code: string }[] };
    expect(plan.summary).toEqual({ store: 6, delete: 5, reject: 1, documents: 12, withdrawals: 5 });
    expect(plan.unreadable).toEqual([]);
    expect(plan.steps[2]).toMatchObject({ action: 'reject', index: 2, unit: '20250325100000:1370100008_43>1370200006_11' });
    expect(plan.issues.map((i) => i.code)).toContain('FIELD_INVALID_DATE');
    const ok = JSON.parse(runCommand(['import', 'samples/4.1', '-f', 'json']).stdout) as { steps: ImportStep[] };
    expect(ok.steps[0]).toMatchObject({
      action: 'store',
      type: 'carePlan',
      documents: [{ key: { document: 'carePlan', insuredNumber: '0000123456', planChangeDate: '2025-03-03' }, parts: [{ kind: 'UP1KYO', records: 1 }, { kind: 'UP2KYO' }, { kind: 'UP3KYO' }, { kind: 'UPHOSOKU' }] }, {}],
    });
  });

  it('names a file whose name gives no send unit, its control characters shown as escapes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-import-'));
    copyFileSync('samples/4.1/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV', join(dir, 'UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV'));
    copyFileSync('samples/4.1/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV', join(dir, 'jisseki\u001b[2J.CSV'));
    const r = runCommand(['import', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toMatch(/2\. 却下 \/ reject {2}\S*jisseki\\u001b\[2J\.CSV {2}（送信単位が分かりません） \/ \(no send unit\)/);
    expect(r.stdout).toContain('[NAME_UNKNOWN_PREFIX]');
    expect(r.stdout).toContain('1. 取込 / store  20250501090000:1370200006_11>1370100008_43');
  });

  it('reports a file it cannot read with the plan and exits 2', () => {
    const r = runCommand(['import', 'samples/3.2', 'samples/3.2/UPJSK_202303_1370200006_1370100008_20230499090000.CSV']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('[FILE_UNREADABLE]');
    expect(r.stdout).toContain('8. 削除 / delete');
  });

  it('exits 2 on a usage error', () => {
    expect(runCommand(['import']).code).toBe(2);
    expect(runCommand(['import', 'samples/4.1', '--format', 'sarif']).code).toBe(2);
    const help = runCommand(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('careplan-csv import <file or folder…> [--format text|json] [--profile strict|lenient]');
    expect(runCommand(['--help']).stdout).toContain('import');
  });
});
