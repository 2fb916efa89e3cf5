// The reader on input that used to defeat it: half-width katakana taken for UTF-8, files of millions of bad
// lines, and a header row after a blank line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCsvItem } from '../src/codec/index.js';
import {
  getLayout,
  readCsvItems,
  readCsvFile,
  validateFile,
  writeCsvFile,
  type CsvRecord,
  type Issue,
  type ReadOptions,
} from '../src/index.js';
import { validRecord } from './support/records.js';
import { readInParts } from './support/streams.js';
import { codes, sortIssues } from './support/issues.js';
import { sjis, utf8 } from './support/encodings.js';

const HOSOKU = 'UPHOSOKU_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const PLAN = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const UPHOSOKU = getLayout('UPHOSOKU', '202407')!;
const UPPLAN = getLayout('UPPLAN', '202407')!;
const countOf = (issues: readonly Issue[], code: string): number => issues.filter((i) => i.code === code).length;

/** A 利用者補足 record with only ASCII and half-width katakana: every free-text field given `kana`, the rest valid. */
function kanaRecord(kana: string, other = ''): CsvRecord {
  const record = validRecord(UPHOSOKU);
  for (const f of UPHOSOKU.fields) if (f.format === 'freeText' && f.length === null) record[f.key] = other;
  record['userNameKana'] = kana;
  return record;
}

const streamed = readInParts;

/** The streaming reader, cut at every byte offset, gives readCsvFile's records and issues. */
async function expectSameAtEverySplit(bytes: Uint8Array, options: ReadOptions & { name: string }): Promise<void> {
  const whole = readCsvFile({ name: options.name, bytes }, options);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const s = await streamed(bytes, [cut], options);
    expect(s.records, `cut at ${cut}`).toEqual(whole.records);
    expect(s.lines, `cut at ${cut}`).toEqual(whole.lines);
    expect(sortIssues(s.issues), `cut at ${cut}`).toEqual(sortIssues(whole.issues));
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('encoding guess: half-width katakana in MS932 is not UTF-8', () => {
  // Each pair is a byte C2–DF then one A1–BF in MS932: also a well-formed 2-byte UTF-8 sequence.
  for (const kana of ['ﾏｷ', 'ﾃｽ', 'ﾅｵ', 'ﾕｶ', 'ﾐｷ']) {
    it(`a 利用者補足 whose only non-ASCII text is ${kana} reads back as MS932, strict and lenient`, () => {
      const record = kanaRecord(kana);
      const { bytes, issues } = writeCsvFile('UPHOSOKU', [record], { csvVersion: '202407' });
      expect(issues).toEqual([]);
      // The bytes really are valid UTF-8 as well: the case the old guess got wrong.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      for (const lenient of [false, true]) {
        const r = readCsvFile({ name: HOSOKU, bytes }, { lenient });
        expect(r.encoding).toBe('ms932');
        // Read as MS932, with the one warning that the bytes read as UTF-8 too (they cannot tell).
        expect(codes(r.issues)).toEqual(['CSV_AMBIGUOUS_ENCODING']);
        expect(r.records).toEqual([record]);
      }
    });
  }

  it('the same katakana written in UTF-8 (3-byte sequences) is still UTF-8: refused, or read with lenient', () => {
    const bytes = utf8(`${UPHOSOKU.fields.map((f) => (f.key === 'csvVersion' ? '202407' : f.key === 'userNameKana' ? '"ﾏｷ"' : '')).join(',')}\r\n`);
    const strict = readCsvFile({ name: HOSOKU, bytes });
    expect(strict.encoding).toBe('utf8');
    expect(codes(strict.issues)).toEqual(['CSV_NOT_MS932']);
    expect(strict.records).toEqual([]);
    const lenient = readCsvFile({ name: HOSOKU, bytes }, { lenient: true });
    expect(lenient.records[0]?.['userNameKana']).toBe('ﾏｷ');
  });

  it('UTF-8 Japanese is UTF-8, and so are 2-byte sequences that MS932 cannot hold', () => {
    const line = (name: string) => UPHOSOKU.fields.map((f) => (f.key === 'csvVersion' ? '202407' : f.key === 'userName' ? `"${name}"` : '')).join(',');
    expect(readCsvFile({ name: HOSOKU, bytes: utf8(`${line('髙橋 﨑子')}\r\n`) }).encoding).toBe('utf8');
    // à is C3 A0 in UTF-8; A0 is no character in MS932.
    const latin = readCsvFile({ name: HOSOKU, bytes: utf8(`${line('Françoise à')}\r\n`) }, { lenient: true });
    expect(latin.encoding).toBe('utf8');
    expect(latin.records[0]?.['userName']).toBe('Françoise à');
  });

  it('the streaming reader decides as the whole-file reader at every chunk split', async () => {
    const records = [kanaRecord('ﾏｷ ﾃｽ', 'ﾅｵ'), kanaRecord('ﾕｶ', 'ﾐｷ')];
    const kana = writeCsvFile('UPHOSOKU', records, { csvVersion: '202407' }).bytes;
    for (const lenient of [false, true]) {
      const whole = readCsvFile({ name: HOSOKU, bytes: kana }, { lenient });
      expect(whole).toMatchObject({ encoding: 'ms932', records });
      expect(codes(whole.issues)).toEqual(['CSV_AMBIGUOUS_ENCODING']);
      await expectSameAtEverySplit(kana, { name: HOSOKU, lenient });
    }
  });

  it('a file whose katakana runs past the guessing window (1,024 bytes), at every split', async () => {
    // The decision is taken when the window fills, in the middle of a push: it must not depend on the chunks.
    // Only pairs that are also 2-byte UTF-8: the whole window is valid UTF-8.
    const records = [kanaRecord('ﾏｷ ﾃｽ ﾅｵ ﾕｶ ﾐｷ '.repeat(75), 'ﾃｽ'), kanaRecord('ﾐｷ', 'ｼﾝｼﾞｭｸ')];
    const bytes = writeCsvFile('UPHOSOKU', records, { csvVersion: '202407' }).bytes;
    const firstHigh = bytes.findIndex((b) => b >= 0x80);
    expect(bytes.length - firstHigh).toBeGreaterThan(1024);
    // (up to a pair cut by the window's end)
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const window = bytes.subarray(firstHigh, firstHigh + 1024);
    expect(() => fatal.decode(window[1023]! >= 0xc0 ? window.subarray(0, 1023) : window)).not.toThrow();
    expect(readCsvFile({ name: HOSOKU, bytes })).toMatchObject({ encoding: 'ms932', records, issues: [] });
    await expectSameAtEverySplit(bytes, { name: HOSOKU });
  });

  it('property: any records of ASCII and half-width katakana written by writeCsvFile read back identically', () => {
    const chars = [
      ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
      '\r\n',
      ...Array.from({ length: 0xff9f - 0xff61 + 1 }, (_, i) => String.fromCharCode(0xff61 + i)),
    ];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((c) => c.join(''));
    const record = fc.record({ kana: text, name: text, address: text }).map(({ kana, name, address }) => ({
      ...kanaRecord(kana, address),
      userName: name,
    }));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), fc.boolean(), (records, lenient) => {
        const { bytes, issues } = writeCsvFile('UPHOSOKU', records, { csvVersion: '202407' });
        expect(issues).toEqual([]);
        const r = readCsvFile({ name: HOSOKU, bytes }, { lenient });
        // Katakana pairs can be valid UTF-8 too (ﾝｺ = DD BA = U+077A): then, and only then, the file is said to
        // read both ways (a warning); the records are MS932's either way.
        const bothWays = bytes.some((b) => b >= 0x80) && isValidUtf8(bytes);
        expect(r.issues.map((i) => i.code)).toEqual(bothWays ? ['CSV_AMBIGUOUS_ENCODING'] : []);
        expect(r.records).toEqual(records);
        // Pure ASCII has nothing to guess; anything else must be found to be MS932.
        if (bytes.some((b) => b >= 0x80)) expect(r.encoding).toBe('ms932');
      }),
      { numRuns: 300 },
    );
  });
});

/** The count a FILE_ISSUES_TRUNCATED issue gives for a code (0 when none). */
function leftOut(issues: readonly Issue[], truncCode: string, code: string): number {
  return issues
    .filter((i) => i.code === truncCode && i.value === code)
    .reduce((n, i) => n + Number(/^(\d+) more /.exec(i.messageEn)![1]), 0);
}

describe('row-level issues are capped per code', () => {
  const bad = (n: number) => utf8('x\r\n'.repeat(n));

  it('keeps the first 10,000 of each code by default and counts the rest; records and lines are unaffected', () => {
    const r = readCsvFile({ name: PLAN, bytes: bad(12500) });
    expect(r.records).toHaveLength(12500);
    expect(r.lines).toEqual(Array.from({ length: 12500 }, (_, i) => i + 1));
    expect(r.records[12499]).toMatchObject({ csvVersion: 'x', insurerNumber: '' });
    const kept = r.issues.filter((i) => i.code === 'CSV_FIELD_COUNT');
    expect(kept).toHaveLength(10000);
    expect(kept.at(-1)).toMatchObject({ line: 10000, record: 10000 }); // the first ones are kept
    expect(leftOut(r.issues, 'FILE_ISSUES_TRUNCATED', 'CSV_FIELD_COUNT')).toBe(2500);
    // One cause, one issue: the unknown version once, with every record it is on.
    expect(r.issues.filter((i) => i.code === 'CSV_UNKNOWN_VERSION')).toMatchObject([{ line: 1, value: 'x', affected: { records: 12500, lines: [[1, 12500]] } }]);
    const truncated = r.issues.filter((i) => i.code === 'FILE_ISSUES_TRUNCATED');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ severity: 'info', file: PLAN });
    expect(truncated.map((i) => i.message)).toContain('CSV_FIELD_COUNT はほかに2500件あります（1ファイル10000件まで表示）。');
  });

  it('maxIssuesPerCode sets the cap, for row-level and byte-level issues alike', () => {
    const rows = readCsvFile({ name: PLAN, bytes: bad(30) }, { maxIssuesPerCode: 5 });
    expect(countOf(rows.issues, 'CSV_FIELD_COUNT')).toBe(5);
    expect(leftOut(rows.issues, 'FILE_ISSUES_TRUNCATED', 'CSV_FIELD_COUNT')).toBe(25);
    expect(rows.records).toHaveLength(30);
    // 0xA0 is no character in MS932: one CSV_INVALID_BYTES per byte.
    const [before, after] = `202407,131016,0000123456,20250401,202504,1370100008,"髙田@",`.split('@') as [string, string];
    const bytes = new Uint8Array([...sjis(before), ...new Uint8Array(40).fill(0xa0), ...sjis(`${after}\r\n`)]);
    const bytesRead = readCsvFile({ name: PLAN, bytes }, { maxIssuesPerCode: 3 });
    expect(countOf(bytesRead.issues, 'CSV_INVALID_BYTES')).toBe(3);
    expect(leftOut(bytesRead.issues, 'FILE_ISSUES_TRUNCATED', 'CSV_INVALID_BYTES')).toBe(37);
    // Under the cap nothing is summarised.
    expect(codes(readCsvFile({ name: PLAN, bytes: bad(3) }, { maxIssuesPerCode: 3 }).issues)).not.toContain('FILE_ISSUES_TRUNCATED');
  });

  it('the streaming reader caps the same way', async () => {
    const bytes = bad(40);
    const whole = readCsvFile({ name: PLAN, bytes }, { maxIssuesPerCode: 7 });
    const s = await streamed(bytes, [17, 50, 51], { name: PLAN, maxIssuesPerCode: 7 });
    expect(s.records).toEqual(whole.records);
    expect(sortIssues(s.issues)).toEqual(sortIssues(whole.issues));
    expect(countOf(s.issues, 'CSV_FIELD_COUNT')).toBe(7);
    expect(countOf(s.issues, 'CSV_UNKNOWN_VERSION')).toBe(1);
  });

  it('300,000 bad lines: a bounded report, every record and line kept', () => {
    const n = 300_000;
    const r = readCsvFile({ name: PLAN, bytes: bad(n) });
    expect(r.records).toHaveLength(n);
    expect(r.lines[n - 1]).toBe(n);
    // 10,000 CSV_FIELD_COUNT and their truncation notice, and the one CSV_UNKNOWN_VERSION of every record.
    expect(r.issues).toHaveLength(10000 + 1 + 1);
    expect(leftOut(r.issues, 'FILE_ISSUES_TRUNCATED', 'CSV_FIELD_COUNT')).toBe(n - 10000);
  });

  it('forEachCsvItem hands over readCsvItems\' items, in order, capped the same way', () => {
    const bytes = utf8(`${'x\r\n'.repeat(12)}\r\n`);
    const items: unknown[] = [];
    const result = forEachCsvItem({ name: PLAN, bytes }, { maxIssuesPerCode: 4 }, (item) => items.push(item));
    const collected = readCsvItems({ name: PLAN, bytes }, { maxIssuesPerCode: 4 });
    expect(items).toEqual(collected.items);
    expect(result).toEqual({ kind: 'UPPLAN', csvVersion: collected.csvVersion, encoding: collected.encoding });
    expect(items.filter((i) => (i as { type: string }).type === 'issue')).toHaveLength(4 + 1 + 1 + 1); // field counts, 1 unknown version, 1 truncated, 1 empty line
    expect(items.filter((i) => (i as { type: string }).type === 'record')).toHaveLength(12);
  });

  it('validateFile: the reader cap and the validator cap together still account for every issue', () => {
    const n = 3000;
    const report = validateFile({ name: PLAN, bytes: bad(n) }, { maxIssuesPerCode: 50 });
    expect(report.files[0]!.records).toBe(n);
    const kept = countOf(report.issues, 'CSV_FIELD_COUNT');
    expect(kept).toBeLessThanOrEqual(50);
    // Whichever cap cut them, kept + counted = every occurrence.
    expect(kept + leftOut(report.issues, 'FILE_ISSUES_TRUNCATED', 'CSV_FIELD_COUNT')).toBe(n);
    expect(report.issues.filter((i) => i.code === 'CSV_UNKNOWN_VERSION')).toMatchObject([{ affected: { records: n } }]);
    // Every record is shifted: none is read by the file's other checks, those past the cap included (counted with the notice).
    const notice = report.issues.find((i) => i.code === 'FILE_ISSUES_TRUNCATED' && i.value === 'CSV_FIELD_COUNT');
    expect(notice?.affected?.excluded).toBe(n - kept);
    expect(report.issues.filter((i) => i.code.startsWith('FIELD_'))).toEqual([]);
  });
});

describe('header row detection', () => {
  const header = UPPLAN.fields.map((f) => f.name).join(',');
  const plan = '202407,131016,0000123456,20250325,202504,1370100008,"髙田 﨑子",244,,20250407,,0930,1000,1,111111,,,,,1370200006,"ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ｻｸﾗ",,0,1370100008,';

  it('a header row after blank lines is recognised and skipped', () => {
    const r = readCsvFile({ name: PLAN, bytes: sjis(`\r\n\r\n${header}\r\n${plan}\r\n`) });
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['CSV_EMPTY_LINE', 1],
      ['CSV_EMPTY_LINE', 2],
      ['CSV_HEADER_ROW', 3],
    ]);
    expect(r.lines).toEqual([4]);
    expect(r.records[0]).toMatchObject({ csvVersion: '202407', careManagerName: '髙田 﨑子' });
    // The validator's lenient profile accepts the header (a warning), and the record is numbered 1.
    const report = validateFile({ name: PLAN, bytes: sjis(`\r\n${header}\r\n${plan}\r\n`) }, { profile: 'lenient' });
    expect(report.issues.find((i) => i.code === 'CSV_HEADER_ROW')).toMatchObject({ severity: 'warning', line: 2 });
  });

  it('only the first row that is not empty can be a header: a header-like row after a record is data', () => {
    const r = readCsvFile({ name: PLAN, bytes: sjis(`${plan}\r\n${header}\r\n`) });
    expect(codes(r.issues)).not.toContain('CSV_HEADER_ROW');
    expect(r.lines).toEqual([1, 2]);
  });
});
