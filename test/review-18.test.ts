// Adversarial review of issue 18 (check digits, the 第2表 tree, one cause one issue): each test here shows a
// defect a vendor or clerk would hit, on realistic synthetic data (no real person's data).
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, readCsvFile, validateFiles, validateFileStreams, type InputFile, type ValidationReport } from '../src/index.js';
import { CM, file, fileName, HELPER, visit } from './support/builders.js';
import { helperAnnex } from './support/annex.js';
import { shiftedUnit } from './support/one-cause.js';
import { splitBytes } from './support/streams.js';

const TIMEOUT = 120_000;

async function streamed(files: readonly InputFile[], size: number, options: Parameters<typeof validateFileStreams>[1] = {}): Promise<ValidationReport> {
  return validateFileStreams(
    files.map((f) => ({
      name: f.name,
      chunks: (async function* () {
        yield* splitBytes(f.bytes, size);
      })(),
    })),
    options,
  );
}

const at = (r: ValidationReport, code: string) => r.issues.filter((i) => i.code === code).map((i) => i.line);

/** A 訪問介護 plan whose first three records are ASCII only (a writer that romanises names), the fourth in Japanese. */
function asciiFirstPlan(): InputFile {
  const records = [1, 2, 3, 4].map((i) =>
    visit({
      serviceDate: `2025040${i + 6}`,
      careManagerName: i < 4 ? 'Takada Sakiko' : '髙田 﨑子',
      serviceOfficeName: i < 4 ? 'Helper Station "Sakura", Shinjuku' : 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿',
    }),
  );
  return file('UPPLAN', records, fileName('UPPLAN', '202504'));
}

const BOM = [0xef, 0xbb, 0xbf];

describe('review 18: the BOM is on line 1, streamed or not', () => {
  it('CSV_BOM before MS932 whose first lines are ASCII: line 1 in validateFileStreams as in validateFiles', async () => {
    const plan = asciiFirstPlan();
    const f: InputFile = { name: plan.name, bytes: Uint8Array.from([...BOM, ...plan.bytes]) };
    expect(at(validateFiles([f]), 'CSV_BOM')).toEqual([1]);
    for (const size of [1, 16, 64]) expect(at(await streamed([f], size), 'CSV_BOM'), `chunks of ${size}`).toEqual([1]);
  }, TIMEOUT);

  it('CSV_NOT_MS932 of a UTF-8 file with a BOM (offset 0): line 1 in validateFileStreams as in validateFiles', async () => {
    const plan = asciiFirstPlan();
    const utf8 = new TextEncoder().encode(new TextDecoder('shift_jis').decode(plan.bytes));
    const f: InputFile = { name: plan.name, bytes: Uint8Array.from([...BOM, ...utf8]) };
    expect(at(validateFiles([f], { profile: 'lenient' }), 'CSV_NOT_MS932')).toEqual([1]);
    for (const size of [1, 16, 64]) expect(at(await streamed([f], size, { profile: 'lenient' }), 'CSV_NOT_MS932'), `chunks of ${size}`).toEqual([1]);
  }, TIMEOUT);
});

describe('review 18: one cause absorbs only its own file\'s consequences', () => {
  it('comparePlanToActual: the 実績 file\'s own CSV_BOM is not counted under the 予定 file\'s CSV_NOT_MS932', () => {
    const plan = file('UPPLAN', [visit()], fileName('UPPLAN', '202504', CM, HELPER, 4, '20250325100000'));
    const actual = file('UPJSK', [visit({ updaterVendorCode: '1370200006' })], fileName('UPJSK', '202504', HELPER, CM, 4, '20250501090000'));
    // The 予定 written in UTF-8 with a BOM; the 実績 in MS932 with a BOM in front (two different problems of two files).
    const utf8Plan: InputFile = { name: plan.name, bytes: Uint8Array.from([...BOM, ...new TextEncoder().encode(new TextDecoder('shift_jis').decode(plan.bytes))]) };
    const bomActual: InputFile = { name: actual.name, bytes: Uint8Array.from([...BOM, ...actual.bytes]) };
    const c = comparePlanToActual(utf8Plan, bomActual, { profile: 'lenient' });
    const notMs932 = c.issues.filter((i) => i.code === 'CSV_NOT_MS932');
    expect(notMs932.map((i) => [i.file, i.consequences])).toEqual([[plan.name, { CSV_BOM: 1 }]]);
    expect(c.issues.filter((i) => i.code === 'CSV_BOM').map((i) => i.file)).toEqual([actual.name]);
  });
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('review 18: a shifted record hides only what it causes', () => {
  it('another user\'s genuinely missing 全合計 (FILE_TOTAL_MISSING) stays listed beside a shifted 第7表 row', () => {
    // User 0000123456: a complete 第7表 whose first detail row the writer shifted (an extra column after the
    // CSVバージョン). User 0000654321: a 第7表 with no 全合計 row at all — a separate, real error.
    const a = helperAnnex();
    const b = helperAnnex().slice(0, 4).map((r) => ({ ...r, insuredNumber: '0000654321' }));
    const written = file('UPSIKYU', [...a, ...b], fileName('UPSIKYU', '202504'));
    // Unshifted, the missing 全合計 of user 0000654321 is reported.
    expect(validateFiles([written]).issues.filter((i) => i.code === 'FILE_TOTAL_MISSING').map((i) => i.value)).toEqual(['131016-0000654321']);
    const lines = latin1(written.bytes).split('\r\n');
    lines[0] = lines[0]!.replace(/^(\d{6}),/, '$1,0000999999,');
    const report = validateFiles([{ name: written.name, bytes: fromLatin1(lines.join('\r\n')) }]);
    expect(report.issues.filter((i) => i.code === 'CSV_FIELD_COUNT').map((i) => i.line)).toEqual([1]);
    expect(report.issues.filter((i) => i.code === 'FILE_TOTAL_MISSING').map((i) => i.value)).toEqual(['131016-0000654321']);
  });
});

describe('review 18: CSV_UNKNOWN_VERSION names its lines', () => {
  it('a second unknown version after 1,000 runs of the first still names its line (not "行  ほか 1 レコード")', () => {
    // 2,001 visits: odd records 1–1999 say 202410 (1,000 runs), even ones 202407, the last one 202411.
    const written = file('UPPLAN', Array.from({ length: 2001 }, () => visit()), fileName('UPPLAN', '202504'));
    const lines = latin1(written.bytes).split('\r\n');
    for (let i = 0; i < 2001; i++) {
      const version = i === 2000 ? '202411' : i % 2 === 0 ? '202410' : '202407';
      lines[i] = lines[i]!.replace(/^\d{6},/, `${version},`);
    }
    const read = readCsvFile({ name: written.name, bytes: fromLatin1(lines.join('\r\n')) });
    const last = read.issues.find((i) => i.code === 'CSV_UNKNOWN_VERSION' && i.value === '202411')!;
    expect(last).toMatchObject({ line: 2001, params: { records: 1 } });
    // One record, at line 2001: the message should say so, not an empty list of lines and "1 more record".
    expect(last.message).toContain('1 レコード（行 2001）');
    expect(last.messageEn).toContain('on 1 record (line 2001)');
  });
});

describe('review 18: a BOM still says UTF-8 to a stream', () => {
  it('Excel\'s "CSV UTF-8" (BOM) whose first non-ASCII text is é: the stream reports what the whole-file reader does', async () => {
    // Ten records of romanised names with a "Café" (UTF-8 C3 A9, also valid MS932 ﾃｩ), then Japanese.
    const records = Array.from({ length: 12 }, (_, i) =>
      visit({
        serviceDate: `202504${String(7 + i).padStart(2, '0')}`,
        careManagerName: i < 10 ? 'Takada Sakiko' : '髙田 﨑子',
        serviceOfficeName: i < 10 ? 'Helper Station "Sakura", Cafe' : 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿',
      }),
    );
    const plan = file('UPPLAN', records, fileName('UPPLAN', '202504'));
    const text = new TextDecoder('shift_jis').decode(plan.bytes).replaceAll('Cafe', 'Café');
    const f: InputFile = { name: plan.name, bytes: Uint8Array.from([...BOM, ...new TextEncoder().encode(text)]) };
    const codes = (r: ValidationReport) => r.issues.map((i) => `${i.code}@${i.line}${i.consequences ? JSON.stringify(i.consequences) : ''}`);
    const whole = validateFiles([f], { profile: 'lenient' });
    expect(codes(whole)).toContain('CSV_NOT_MS932@1{"CSV_BOM":1}');
    for (const size of [64, 65536]) expect(codes(await streamed([f], size, { profile: 'lenient' })), `chunks of ${size}`).toEqual(codes(whole));
  }, TIMEOUT);
});

describe('review 18: a UTF-8 file with a BOM is never found out late', () => {
  it('a streamed UTF-8 file with a BOM, its first non-ASCII text é: CSV_NOT_MS932 at once, the BOM under it, no CSV_NOT_MS932_LATE', async () => {
    const records = Array.from({ length: 12 }, (_, i) =>
      visit({
        serviceDate: `202504${String(7 + i).padStart(2, '0')}`,
        careManagerName: i < 10 ? 'Takada Sakiko' : '髙田 﨑子',
        serviceOfficeName: i < 10 ? 'Helper Station "Sakura", Cafe' : 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿',
      }),
    );
    const plan = file('UPPLAN', records, fileName('UPPLAN', '202504'));
    const text = new TextDecoder('shift_jis').decode(plan.bytes).replaceAll('Cafe', 'Café');
    const f: InputFile = { name: plan.name, bytes: Uint8Array.from([...BOM, ...new TextEncoder().encode(text)]) };
    const report = await streamed([f], 64, { profile: 'lenient' });
    // The BOM tells what é alone cannot (valid in MS932 too): the stream decides UTF-8 on its first window.
    expect(report.issues.filter((i) => i.code === 'CSV_NOT_MS932_LATE')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'CSV_BOM')).toEqual([]);
    const [cause] = report.issues.filter((i) => i.code === 'CSV_NOT_MS932');
    expect(cause).toMatchObject({ line: 1, consequences: { CSV_BOM: 1 } });
    expect(report.issues).toEqual(validateFiles([f], { profile: 'lenient' }).issues);
  }, TIMEOUT);
});

describe('review 18: a 種類別小計 whose detail rows were shifted out', () => {
  it('RECORD_SUBTOTAL_TYPE built from the left-out rows is counted under CSV_FIELD_COUNT, not listed', () => {
    // The sample 第7表: user H123456789's two 訪問介護 rows (lines 7, 8) shifted by the writer; its 11AAAA (line 9)
    // then has no 訪問介護 row left to total — only because they were left out.
    const report = validateFiles(shiftedUnit([7, 8]));
    expect(report.issues.filter((i) => i.code === 'CSV_FIELD_COUNT').map((i) => i.line)).toEqual([7, 8]);
    expect(report.issues.filter((i) => i.code === 'RECORD_SUBTOTAL_TYPE').map((i) => i.line)).toEqual([]);
  });
});

describe('review 18: unit consequences under a cap', () => {
  it('with maxIssuesPerCode 1, all three UNIT_PLAN_NOT_IN_ANNEX are counted under the cause and no truncation notice is left for them', () => {
    const shifted = shiftedUnit([1, 2, 3, 4, 5, 6, 7, 8]);
    const uncapped = validateFiles(shifted).issues.find((i) => i.code === 'CSV_FIELD_COUNT')!;
    expect(uncapped.consequences).toMatchObject({ UNIT_PLAN_NOT_IN_ANNEX: 3 });
    const capped = validateFiles(shifted, { maxIssuesPerCode: 1 });
    // The unit's only listed UNIT_PLAN_NOT_IN_ANNEX went under the cause; its notice ("2 more") stays listed alone.
    expect(capped.units.flatMap((u) => u.issues).filter((i) => i.value === 'UNIT_PLAN_NOT_IN_ANNEX')).toEqual([]);
    expect(capped.issues.find((i) => i.code === 'CSV_FIELD_COUNT')!.consequences).toMatchObject({ UNIT_PLAN_NOT_IN_ANNEX: 3 });
  });
});
