// The MS932 CSV codec: nothing lost, every problem located.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  getLayout,
  readCsvFile,
  readCsvItems,
  writeCsvFile,
  type CsvRecord,
  type Layout,
} from '../src/index.js';
import { validRecord } from './support/records.js';
import { readInParts } from './support/streams.js';
import { codes, sortIssues } from './support/issues.js';
import { sjis } from './support/encodings.js';

const PLAN = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const UPPLAN = getLayout('UPPLAN', '202407')!;

/** A 第6表 row as text, fields given by No. (others empty, csvVersion 202407). */
function planLine(values: Record<number, string> = {}, fieldCount = 25): string {
  const base: Record<number, string> = {
    1: '202407', 2: '131016', 3: '0000123456', 4: '20250325', 5: '202504', 6: '1370100008', 7: '"髙田 﨑子"',
    8: '244', 10: '20250407', 12: '0930', 13: '1000', 14: '1', 15: '111111', 20: '1370200006',
    21: '"ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ""さくら"", 新宿"', 23: '0', 24: '1370100008',
  };
  return Array.from({ length: fieldCount }, (_, i) => ({ ...base, ...values })[i + 1] ?? '').join(',');
}

const realistic = (overrides: Record<string, string>): CsvRecord => validRecord(UPPLAN, overrides);
const RECORDS: CsvRecord[] = [
  realistic({ careManagerName: '髙橋 﨑子', serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ①「表」ソ能', equipmentName: '' }),
  realistic({ careManagerName: '', serviceOfficeName: '訪問介護"さくら", 新宿\r\n第二事業所', equipmentName: '手すり\n(廊下)' }),
  realistic({ insuredNumber: 'H123456789', serviceOfficeName: 'ＡＢＣケア～本店－1', careManagerName: '㈱ケア №1' }),
];

describe('writeCsvFile', () => {
  it('writes MS932 with CRLF, free text always quoted (also when empty) and other fields never', () => {
    const { bytes, issues, written } = writeCsvFile('UPPLAN', RECORDS.slice(0, 2), { csvVersion: '202407' });
    expect(issues).toEqual([]);
    expect(written).toBe(2);
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    const [first] = text.split('\r\n');
    expect(first).toMatch(/^202407,131016,0000123456,20250401,202504,1370100008,"髙橋 﨑子",/);
    expect(text).toContain(',"訪問介護""さくら"", 新宿\r\n第二事業所",');
    expect(text).toContain(',"",'); // empty free text (No.7 of record 2) is quoted
    expect(text.endsWith('\r\n')).toBe(true);
    // ソ is 83 5C: its second byte is a backslash in ASCII and must be written as is.
    expect(Buffer.from(bytes).includes(Buffer.from([0x83, 0x5c]))).toBe(true);
  });

  it('round trip: reading then writing a file it wrote gives identical bytes and records', () => {
    const first = writeCsvFile('UPPLAN', RECORDS, { csvVersion: '202407' });
    const read = readCsvFile({ name: PLAN, bytes: first.bytes });
    expect(read.issues).toEqual([]);
    expect(read.records).toEqual(RECORDS);
    expect(read.lines).toEqual([1, 2, 5]); // record 2 holds two line breaks
    const second = writeCsvFile('UPPLAN', read.records, { csvVersion: '202407' });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it("refuses a record with a character MS932 cannot hold, naming character, field and record — never '?'", () => {
    const records = [RECORDS[0]!, realistic({ careManagerName: '吉田〜𠮷野' })];
    const { bytes, issues, written } = writeCsvFile('UPPLAN', records, { csvVersion: '202407' });
    expect(written).toBe(1);
    expect(issues.map((i) => [i.code, i.record, i.field?.no, i.field?.name])).toEqual([
      ['WRITE_UNMAPPABLE_CHAR', 2, 7, 'プラン担当者名'],
      ['WRITE_UNMAPPABLE_CHAR', 2, 7, 'プラン担当者名'],
    ]);
    expect(issues[0]!.message).toContain('「〜」（U+301C）');
    expect(issues[1]!.messageEn).toContain("'𠮷' (U+20BB7)");
    expect(iconv.decode(Buffer.from(bytes), 'cp932')).not.toContain('?');
  });

  it('firstRecord numbers the records of a file written in parts, in issues, messages and substitutions', () => {
    const records = [RECORDS[0]!, realistic({ careManagerName: '吉田〜𠮷野' })];
    const refused = writeCsvFile('UPPLAN', records, { csvVersion: '202407', firstRecord: 257 });
    expect(refused.issues.map((i) => [i.code, i.record])).toEqual([
      ['WRITE_UNMAPPABLE_CHAR', 258],
      ['WRITE_UNMAPPABLE_CHAR', 258],
    ]);
    expect(refused.issues[0]!.message).toMatch(/^レコード258: /);
    expect(refused.issues[0]!.messageEn).toMatch(/^Record 258: /);
    const substituted = writeCsvFile('UPPLAN', records, { csvVersion: '202407', firstRecord: 257, unmappable: 'substitute', substitutions: { '𠮷': '吉' } });
    expect(substituted.substitutions.map((x) => x.record)).toEqual([258, 258]);
    expect(() => writeCsvFile('UPPLAN', records, { csvVersion: '202407', firstRecord: '2' as never })).toThrow(/options\.firstRecord/);
  });

  it('substitutes from the documented table and caller entries, and lists every substitution', () => {
    const records = [realistic({ careManagerName: '吉田〜𠮷野', serviceOfficeName: '−5℃ ¥100 — ‖A‖' })];
    const { bytes, issues, substitutions } = writeCsvFile('UPPLAN', records, {
      csvVersion: '202407',
      unmappable: 'substitute',
      substitutions: { '𠮷': '吉' },
    });
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(text).toContain('"吉田～吉野"');
    expect(text).toContain('"－5℃ ￥100 ― ∥A∥"');
    expect(substitutions.map((s) => [s.field.key, s.from, s.to, s.count])).toEqual([
      ['careManagerName', '〜', '～', 1],
      ['careManagerName', '𠮷', '吉', 1],
      ['serviceOfficeName', '−', '－', 1],
      ['serviceOfficeName', '¥', '￥', 1],
      ['serviceOfficeName', '—', '―', 1],
      ['serviceOfficeName', '‖', '∥', 2],
    ]);
    expect(codes(issues).every((c) => c === 'WRITE_SUBSTITUTED')).toBe(true);
    expect(issues).toHaveLength(6);
  });

  it('still refuses a character absent from the table in substitute mode', () => {
    const { written, issues } = writeCsvFile('UPPLAN', [realistic({ careManagerName: 'Zoë' })], {
      csvVersion: '202407',
      unmappable: 'substitute',
    });
    expect(written).toBe(0);
    expect(issues[0]).toMatchObject({ code: 'WRITE_UNMAPPABLE_CHAR', value: 'Zoë' });
  });

  it('refuses records that would lose or corrupt data: missing, unknown, unsafe and mismatched fields', () => {
    const { insuredNumber: _gone, ...missing } = RECORDS[0]!;
    const { issues, written } = writeCsvFile(
      'UPPLAN',
      [missing, { ...RECORDS[0]!, extra: 'x' }, realistic({ serviceCode: '11,111' }), realistic({ csvVersion: '202208' })],
      { csvVersion: '202407' },
    );
    expect(written).toBe(0);
    expect(issues.map((i) => [i.code, i.record])).toEqual([
      ['WRITE_MISSING_FIELD', 1],
      ['WRITE_UNKNOWN_FIELD', 2],
      ['WRITE_UNSAFE_VALUE', 3],
      ['WRITE_CSV_VERSION_MISMATCH', 4],
    ]);
    expect(writeCsvFile('UP3KYO', [], { csvVersion: '202208' }).issues[0]?.code).toBe('WRITE_NO_LAYOUT');
    expect(writeCsvFile('UPPLAN', [], { csvVersion: '202407', substitutions: { ab: 'x', x: '〜' } }).issues.map((i) => i.code)).toEqual([
      'WRITE_BAD_SUBSTITUTION',
      'WRITE_BAD_SUBSTITUTION',
    ]);
  });
});

describe('readCsvFile reports every problem at its place', () => {
  const read = (text: string | Uint8Array, options = {}) =>
    readCsvFile({ name: PLAN, bytes: typeof text === 'string' ? sjis(text) : text }, options);

  it('reads a conformant file with its kind, version, records and lines', () => {
    const r = read(`${planLine()}\r\n${planLine({ 3: 'H123456789' })}\r\n`);
    expect(r).toMatchObject({ kind: 'UPPLAN', csvVersion: '202407', lines: [1, 2], issues: [], encoding: 'ms932' });
    expect(r.records[1]).toMatchObject({ insuredNumber: 'H123456789', careManagerName: '髙田 﨑子', serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿' });
  });

  it('UTF-8 input: reported and refused, or read on with lenient (and MS932-unwritable characters named)', () => {
    const bytes = new TextEncoder().encode(`${planLine({ 7: '"吉田〜花子"' })}\r\n`);
    const strict = read(bytes);
    expect(codes(strict.issues)).toEqual(['CSV_NOT_MS932']);
    expect(strict.records).toEqual([]);
    expect(strict.issues[0]!.offset).toBe(bytes.indexOf(0xe5));
    const lenient = read(bytes, { lenient: true });
    expect(lenient.records[0]?.['careManagerName']).toBe('吉田〜花子');
    expect(codes(lenient.issues)).toEqual(['CSV_NOT_MS932', 'CSV_UNMAPPABLE_CHAR']);
    expect(lenient.issues[1]).toMatchObject({ line: 1, record: 1, field: { no: 7 } });
  });

  it('a UTF-8 BOM is reported at offset 0', () => {
    const r = read(new Uint8Array([0xef, 0xbb, 0xbf, ...sjis(`${planLine()}\r\n`)]), { lenient: true });
    expect(r.issues[0]).toMatchObject({ code: 'CSV_BOM', offset: 0 });
  });

  it('bytes invalid in MS932, 外字 and duplicate codes are reported with their byte offset', () => {
    const [before, after] = planLine({ 7: '"髙田@"' }).split('@') as [string, string];
    const prefix = sjis(before);
    const bytes = new Uint8Array([...prefix, 0x85, 0x40, 0xf0, 0x40, 0x87, 0x9a, 0xa0, ...sjis(`${after}\r\n`)]);
    const r = read(bytes);
    expect(r.issues.map((i) => [i.code, i.offset, i.value])).toEqual([
      ['CSV_INVALID_BYTES', prefix.length, '85 40'],
      ['CSV_GAIJI', prefix.length + 2, 'F0 40'],
      ['CSV_NONCANONICAL_MS932', prefix.length + 4, '87 9A'],
      ['CSV_INVALID_BYTES', prefix.length + 6, 'A0'],
    ]);
    expect(r.issues[2]!.message).toContain('81 E6');
  });

  it('a two-byte character cut at the end of the file is reported', () => {
    const bytes = sjis(`${planLine()}\r\n`);
    const r = read(new Uint8Array([...bytes, 0x83]));
    expect(r.issues.map((i) => [i.code, i.offset])).toContainEqual(['CSV_INVALID_BYTES', bytes.length]);
  });

  it('LF endings, mixed endings (with the first odd line) and a missing final CRLF', () => {
    expect(codes(read(`${planLine()}\n${planLine()}\n`).issues)).toEqual(['CSV_LF_LINE_ENDINGS']);
    const mixed = read(`${planLine()}\r\n${planLine()}\r\n${planLine()}\n${planLine()}\r\n`);
    expect(mixed.issues.map((i) => [i.code, i.line])).toEqual([['CSV_MIXED_LINE_ENDINGS', 3]]);
    expect(read(`${planLine()}\r\n${planLine()}`).issues.map((i) => [i.code, i.severity])).toEqual([['CSV_NO_FINAL_NEWLINE', 'info']]);
  });

  it('a line break inside quoted free text is data, not a record end', () => {
    const r = read(`${planLine({ 21: '"第一\r\n第二\n第三"' })}\r\n${planLine()}\r\n`);
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([1, 4]);
    expect(r.records[0]!['serviceOfficeName']).toBe('第一\r\n第二\n第三');
  });

  it('a header row is reported and skipped, not read as data', () => {
    const header = UPPLAN.fields.map((f) => f.name).join(',');
    const r = read(`${header}\r\n${planLine()}\r\n`);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['CSV_HEADER_ROW', 1]]);
    expect(r.records).toHaveLength(1);
    expect(r.lines).toEqual([2]);
  });

  it('a wrong field count names the layout expected, and the edition whose count it is', () => {
    const r = read(`${planLine({}, 22)}\r\n`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'CSV_FIELD_COUNT', line: 1, record: 1 });
    expect(r.issues[0]!.message).toContain('UPPLAN（CSVバージョン 202407 第4.1版）は25項目です');
    expect(r.issues[0]!.message).toContain('22項目はCSVバージョン 202208 第3.2版のレイアウトです');
  });

  it('an unterminated quote is reported at the line it opens', () => {
    const last = read(`${planLine()}\r\n${planLine({ 21: '"さくら' })}\r\n`);
    expect(last.issues.map((i) => [i.code, i.line, i.record])).toEqual([['CSV_UNTERMINATED_QUOTE', 2, 2]]);
    expect(last.records).toHaveLength(1);
    // Mid-file, the open quote runs into the next record's quotes: still reported at its line.
    const mid = read(`${planLine()}\r\n${planLine({ 21: '"さくら' })}\r\n${planLine()}\r\n`);
    expect(mid.issues.map((i) => [i.code, i.line])).toContainEqual(['CSV_BAD_QUOTE', 2]);
  });

  it('a stray quote inside an unquoted field is reported, with the record text', () => {
    const r = read(`${planLine({ 21: 'ﾍﾙﾊﾟｰ"さくら' })}\r\n`);
    expect(r.issues[0]).toMatchObject({ code: 'CSV_BAD_QUOTE', line: 1 });
  });

  it('free text not quoted and other fields quoted are warnings naming the field', () => {
    const r = read(`${planLine({ 7: '髙田', 15: '"111111"' })}\r\n`);
    expect(r.issues.map((i) => [i.code, i.severity, i.field?.no])).toEqual([
      ['CSV_UNQUOTED_FREE_TEXT', 'warning', 7],
      ['CSV_QUOTED_NON_FREE_TEXT', 'warning', 15],
    ]);
    expect(r.records[0]!['serviceCode']).toBe('111111');
  });

  it('unknown, historic and mixed CSVバージョン values are errors on field No.1', () => {
    const r = read(`${planLine()}\r\n${planLine({ 1: '202208', 21: '1370100008' }, 22)}\r\n${planLine({ 1: '202003' })}\r\n${planLine({ 1: '2024-7' })}\r\n`);
    expect(r.issues.map((i) => [i.code, i.line, i.field?.no, i.value])).toEqual([
      ['CSV_MIXED_VERSIONS', 2, 1, '202208'],
      ['CSV_UNSUPPORTED_VERSION', 3, 1, '202003'],
      ['CSV_UNKNOWN_VERSION', 4, 1, '2024-7'],
    ]);
    expect(r.csvVersion).toBe('202407');
    expect(r.records).toHaveLength(4);
  });

  it('an empty line and an unknown kind are reported', () => {
    expect(read(`${planLine()}\r\n\r\n${planLine()}\r\n`).issues.map((i) => [i.code, i.line])).toEqual([['CSV_EMPTY_LINE', 2]]);
    const unknown = readCsvFile({ name: 'plan.csv', bytes: sjis(`${planLine()}\r\n`) });
    expect(codes(unknown.issues)).toEqual(['CSV_UNKNOWN_KIND']);
    expect(readCsvFile({ name: 'plan.csv', bytes: sjis(`${planLine()}\r\n`) }, { kind: 'UPJSK' }).records).toHaveLength(1);
  });

  it('tells for each record which fields were quoted and how it ended (readCsvItems)', () => {
    const { items } = readCsvItems({ name: PLAN, bytes: sjis(`${planLine({ 7: '髙田' })}\n${planLine()}\r\n${planLine()}`) });
    const records = items.filter((i) => i.type === 'record');
    expect(records.map((r) => [r.line, r.terminator, r.quoted[6], r.quoted[20]])).toEqual([
      [1, 'LF', false, true],
      [2, 'CRLF', true, true],
      [3, 'none', true, true],
    ]);
  });

  it('UPYOBO_SUB is not mistaken for UPYOBO (longest kind prefix)', () => {
    const r = readCsvFile({ name: 'UPYOBO_SUB_1370100008_46_1370200006_A1_20250325120000.CSV', bytes: new Uint8Array() });
    expect(r.kind).toBe('UPYOBO_SUB');
  });
});

const readStreamed = (bytes: Uint8Array, chunks: number[], lenient = false) => readInParts(bytes, chunks, { name: PLAN, lenient });


describe('readCsvStream gives the same records and issues as readCsvFile', () => {
  const good = writeCsvFile('UPPLAN', RECORDS, { csvVersion: '202407' }).bytes;
  const broken = new Uint8Array([
    ...sjis(`${planLine({ 7: '髙田' })}\n${planLine({}, 22)}\r\n`),
    0x85, 0x40,
    ...sjis(`${planLine({ 21: '"ソ表\r\n能' })}\r\n`),
  ]);

  for (const [what, bytes] of [['a conformant file', good], ['a broken file', broken]] as const) {
    it(`${what}, split into two chunks at every byte offset`, async () => {
      const whole = readCsvFile({ name: PLAN, bytes });
      for (let cut = 0; cut <= bytes.length; cut++) {
        const streamed = await readStreamed(bytes, [cut]);
        expect(streamed.records, `cut at ${cut}`).toEqual(whole.records);
        expect(streamed.lines, `cut at ${cut}`).toEqual(whole.lines);
        expect(sortIssues(streamed.issues), `cut at ${cut}`).toEqual(sortIssues(whole.issues));
      }
    });
  }

  it('any chunking of a large file (property)', async () => {
    const many = writeCsvFile('UPPLAN', Array.from({ length: 40 }, (_, i) => RECORDS[i % 3]!), { csvVersion: '202407' }).bytes;
    const whole = readCsvFile({ name: PLAN, bytes: many });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: many.length - 1 }), { maxLength: 60 }), async (cuts) => {
        const streamed = await readStreamed(many, cuts.sort((a, b) => a - b));
        expect(streamed.records).toEqual(whole.records);
        expect(sortIssues(streamed.issues)).toEqual(sortIssues(whole.issues));
      }),
      { numRuns: 30 },
    );
  });
});

/** Text a care-software user could type: MS932-only characters, quotes, commas, CR/LF. */
const TEXT_PIECES = ['髙', '﨑', '①', 'ｶﾀｶﾅ', '表', 'ソ', '能', '"', ',', '\r\n', '\n', 'あ', '漢字', '～', '－', 'A', '1', ' ', '㈱', '№', 'Ⅳ'];
const freeText = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 8 }).map((p) => p.join(''));

function recordArbitrary(layout: Layout): fc.Arbitrary<CsvRecord> {
  const base = validRecord(layout);
  const shape: Record<string, fc.Arbitrary<string>> = {};
  for (const f of layout.fields) shape[f.key] = f.format === 'freeText' && f.length === null ? freeText : fc.constant(base[f.key]!);
  return fc.record(shape);
}

describe('round trip property (fast-check)', () => {
  for (const kind of ['UPPLAN', 'UPHOSOKU', 'UP2KYO', 'UPKIHON'] as const) {
    it(`${kind}: write → read gives the same records, and writing again the same bytes`, () => {
      const layout = getLayout(kind, '202407')!;
      fc.assert(
        fc.property(fc.array(recordArbitrary(layout), { minLength: 1, maxLength: 5 }), (records) => {
          const written = writeCsvFile(kind, records, { csvVersion: '202407' });
          expect(written.issues).toEqual([]);
          const read = readCsvFile({ bytes: written.bytes }, { kind });
          expect(read.issues).toEqual([]);
          expect(read.records).toEqual(records);
          expect(Buffer.from(writeCsvFile(kind, read.records, { csvVersion: '202407' }).bytes).equals(Buffer.from(written.bytes))).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('never throws (fast-check)', () => {
  it('readCsvFile and readCsvStream on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, lenient) => {
        const whole = readCsvFile({ name: PLAN, bytes }, { lenient });
        expect(Array.isArray(whole.issues)).toBe(true);
        const streamed = await readStreamed(bytes, [Math.floor(bytes.length / 2)], lenient);
        expect(streamed.records).toEqual(whole.records);
        expect(sortIssues(streamed.issues)).toEqual(sortIssues(whole.issues));
      }),
      { numRuns: 300 },
    );
  });

  it('writeCsvFile on arbitrary strings: each field is written exactly or the record is refused with a reason', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (text) => {
        const record = realistic({ serviceOfficeName: text });
        const { bytes, issues, written } = writeCsvFile('UPPLAN', [record], { csvVersion: '202407' });
        if (written === 1) {
          expect(readCsvFile({ name: PLAN, bytes }).records[0]?.['serviceOfficeName']).toBe(text);
        } else {
          expect(issues.length).toBeGreaterThan(0);
          expect(issues.every((i) => i.record === 1 && i.severity === 'error')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
