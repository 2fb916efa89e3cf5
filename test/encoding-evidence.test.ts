// The encoding is decided on the whole file, not on its first kilobyte: a UTF-8 file that opens with text valid
// in both encodings (±, é, ° are 2-byte UTF-8 sequences and also pairs of half-width katakana in MS932) and
// holds its Japanese only later must never be read silently as MS932 (「山田 あい」 as 「螻ｱ逕ｰ 縺ゅ＞」).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getLayout,
  readCsvFile,
  validateFile,
  validateStream,
  writeCsvFile,
  type CsvRecord,
  type Issue,
} from '../src/index.js';
import { validRecord } from './support/records.js';
import { readInParts } from './support/streams.js';

const HOSOKU = 'UPHOSOKU_202504_1370100001_43_1370200002_11_20250325120000.CSV';
const UPHOSOKU = getLayout('UPHOSOKU', '202407')!;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);
const ENCODING_CODES = ['CSV_NOT_MS932', 'CSV_NOT_MS932_LATE'];
const encodingIssues = (issues: readonly Issue[]) => issues.filter((i) => ENCODING_CODES.includes(i.code));

/** A 利用者補足 record: valid values, every free-text field empty but those given. */
function hosoku(free: Record<string, string>): CsvRecord {
  const record = validRecord(UPHOSOKU);
  for (const f of UPHOSOKU.fields) if (f.format === 'freeText') record[f.key] = '';
  return { ...record, ...free };
}

/** CSV text of records (free text quoted, quotes doubled), each line ended by CRLF: to be encoded as UTF-8. */
function csvText(records: readonly CsvRecord[]): string {
  return records
    .map((r) =>
      UPHOSOKU.fields.map((f) => (f.format === 'freeText' ? `"${(r[f.key] ?? '').replaceAll('"', '""')}"` : (r[f.key] ?? ''))).join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}

// The attack: more than the first kilobyte after the first non-ASCII byte holds only 2-byte UTF-8 characters,
// and the Japanese of the second record, in UTF-8, happens to be valid MS932 as well (no invalid byte to see).
const LATIN = 'Temp. ±0.5°C; café au lait; '.repeat(50);
const ATTACK_RECORDS = [
  hosoku({ userNameKana: 'Zoe', userName: 'Zoë Müller', userAddress2: LATIN }),
  hosoku({ userName: '山田 あい', userAddress1: '東京都新宿区', userAddress2: '訪問介護 ケアプラン 要介護' }),
];
const ATTACK = utf8(csvText(ATTACK_RECORDS));
const FIRST_HIGH = ATTACK.findIndex((b) => b >= 0x80);
const FIRST_LONG = ATTACK.findIndex((b) => b >= 0xe0);

describe('the attack file: ±, é, ° for more than a kilobyte, Japanese later, all UTF-8', () => {
  it('is what the defect describes: 2-byte sequences only in the first 1,024 bytes, and valid MS932 throughout', () => {
    expect(FIRST_LONG - FIRST_HIGH).toBeGreaterThan(1024);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(ATTACK)).not.toThrow();
    // Read as MS932 it has no invalid byte: only the whole file tells.
    const asMs932 = new TextDecoder('shift_jis', { fatal: true }).decode(ATTACK);
    expect(asMs932).toContain('螻ｱ逕ｰ 縺ゅ＞');
  });

  it('readCsvFile finds it UTF-8: refused with CSV_NOT_MS932 at its first non-ASCII byte', () => {
    const strict = readCsvFile({ name: HOSOKU, bytes: ATTACK });
    expect(strict.encoding).toBe('utf8');
    expect(strict.issues.map((i) => [i.code, i.offset])).toEqual([['CSV_NOT_MS932', FIRST_HIGH]]);
    expect(strict.records).toEqual([]);
  });

  it('readCsvFile with lenient reads the Japanese as written', () => {
    const lenient = readCsvFile({ name: HOSOKU, bytes: ATTACK }, { lenient: true });
    expect(lenient.encoding).toBe('utf8');
    expect(lenient.records).toEqual(ATTACK_RECORDS);
    expect(lenient.records[1]).toMatchObject({ userName: '山田 あい', userAddress1: '東京都新宿区' });
    // ë, ü, é have no MS932 code: named, as for any UTF-8 input.
    expect(new Set(codes(lenient.issues))).toEqual(new Set(['CSV_NOT_MS932', 'CSV_UNMAPPABLE_CHAR']));
  });

  it('validateFile reports it as an error (a warning under the lenient profile, which reads it as UTF-8)', () => {
    const strict = validateFile({ name: HOSOKU, bytes: ATTACK });
    expect(strict.files[0]!.issues.find((i) => i.code === 'CSV_NOT_MS932')).toMatchObject({ severity: 'error', offset: FIRST_HIGH });
    const lenient = validateFile({ name: HOSOKU, bytes: ATTACK }, { profile: 'lenient' });
    expect(lenient.files[0]!.issues.find((i) => i.code === 'CSV_NOT_MS932')).toMatchObject({ severity: 'warning' });
    expect(codes(lenient.files[0]!.issues)).not.toContain('CSV_NOT_MS932_LATE');
  });

  it('readCsvStream, at several chunkings, ends with CSV_NOT_MS932_LATE at the first 3-byte sequence, saying the records may be garbled', async () => {
    const chunkings = [[], [1], [FIRST_HIGH], [FIRST_HIGH + 1024], [FIRST_LONG], [FIRST_LONG + 1], [FIRST_LONG + 2], [100, 700, 1500, 2000]];
    for (const lenient of [false, true]) {
      for (const cuts of chunkings) {
        const s = await readInParts(ATTACK, cuts, { name: HOSOKU, lenient });
        const late = encodingIssues(s.issues);
        expect(late.map((i) => [i.code, i.offset, i.severity]), `cuts ${cuts}`).toEqual([['CSV_NOT_MS932_LATE', FIRST_LONG, 'error']]);
        // Reported last: it is known only at the end.
        expect(s.issues.at(-1)?.code).toBe('CSV_NOT_MS932_LATE');
        expect(late[0]!.message).toContain('文字化け');
        expect(late[0]!.messageEn).toContain('garbled');
        // The records already given were read as MS932 (what the issue warns of).
        expect(s.records[1]?.userName).toBe('螻ｱ逕ｰ 縺ゅ＞');
      }
    }
  });

  it('the stream reaches the same verdict at every single split point', async () => {
    const whole = await readInParts(ATTACK, [], { name: HOSOKU });
    for (let cut = 0; cut <= ATTACK.length; cut += 7) {
      const s = await readInParts(ATTACK, [cut], { name: HOSOKU });
      expect(s.issues, `cut at ${cut}`).toEqual(whole.issues);
      expect(s.records, `cut at ${cut}`).toEqual(whole.records);
    }
  }, 60_000);

  it('validateStream reports CSV_NOT_MS932_LATE as an error, under the lenient profile too', async () => {
    for (const profile of ['strict', 'lenient'] as const) {
      const chunks = [ATTACK.subarray(0, 900), ATTACK.subarray(900, 1900), ATTACK.subarray(1900)];
      const report = await validateStream(chunks, HOSOKU, { profile });
      expect(encodingIssues(report.files[0]!.issues).map((i) => [i.code, i.severity, i.offset])).toEqual([
        ['CSV_NOT_MS932_LATE', 'error', FIRST_LONG],
      ]);
    }
  });

  it('a 2-byte-only UTF-8 file that MS932 cannot hold is found UTF-8 at the end of a stream, at the first MS932-invalid byte', async () => {
    // × is C3 97 in UTF-8: 97 is an MS932 lead byte, and the next byte (a quote) is no trail byte.
    const records = [hosoku({ userAddress2: LATIN }), hosoku({ userAddress2: '3×4 cm' })];
    const bytes = utf8(csvText(records));
    expect(readCsvFile({ name: HOSOKU, bytes }, { lenient: true })).toMatchObject({ encoding: 'utf8', records });
    const bad = bytes.indexOf(0x97);
    for (const cuts of [[], [bad], [bad + 1], [1200]]) {
      const s = await readInParts(bytes, cuts, { name: HOSOKU });
      expect(encodingIssues(s.issues).map((i) => [i.code, i.offset])).toEqual([['CSV_NOT_MS932_LATE', bad]]);
    }
  });

  it('one byte invalid in UTF-8 anywhere keeps the file MS932: the late verdict needs the whole file', async () => {
    const bytes = new Uint8Array([...ATTACK.subarray(0, -2), 0x82, 0xa0, 0x0d, 0x0a]); // ends with あ in MS932
    expect(readCsvFile({ name: HOSOKU, bytes }).encoding).toBe('ms932');
    const s = await readInParts(bytes, [FIRST_LONG + 10], { name: HOSOKU });
    expect(encodingIssues(s.issues)).toEqual([]);
  });
});

describe('property: Japanese text written in UTF-8 is never read silently as MS932', () => {
  // Openings of any length up to past the first kilobyte, of characters that are 2-byte sequences in UTF-8:
  // either all also valid MS932 (the first kilobyte cannot tell), or with some that MS932 cannot hold (à = C3 A0).
  const opening = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 900, size: 'max' }).map((c) => c.join(''));
  const latin = fc.oneof(opening(['±', 'é', '°', 'ü', 'Ω', 'x', ' ', ';']), opening(['±', 'é', '°', 'ü', 'Ω', 'ß', 'à', '×', 'x', ' ']));
  const japanese = fc
    .array(fc.constantFrom('あい', '東京都新宿区', '訪問介護', 'ケアプラン', '要介護', '髙橋', '﨑', 'ｶﾀｶﾅ', '①', '"', ',', '\r\n', 'A', ' ', '週2回'), {
      minLength: 1,
      maxLength: 10,
    })
    .map((p) => p.join(''))
    .filter((t) => /[^\x00-\x7f]/.test(t));

  it('readCsvFile calls it UTF-8; the stream, at any chunking, reports CSV_NOT_MS932 or CSV_NOT_MS932_LATE', async () => {
    await fc.assert(
      fc.asyncProperty(
        latin,
        fc.array(japanese, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (opening, texts, rawCuts) => {
          const records = [hosoku({ userAddress2: opening }), ...texts.map((t) => hosoku({ userName: t }))];
          const bytes = utf8(csvText(records));
          const whole = readCsvFile({ name: HOSOKU, bytes });
          expect(whole.encoding).toBe('utf8');
          expect(codes(encodingIssues(whole.issues))).toEqual(['CSV_NOT_MS932']);
          const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const s = await readInParts(bytes, cuts, { name: HOSOKU });
          expect(encodingIssues(s.issues)).toHaveLength(1);
          // Every chunking gives the stream the same verdict as no chunking.
          const unsplit = await readInParts(bytes, [], { name: HOSOKU });
          expect(s.issues).toEqual(unsplit.issues);
        },
      ),
      // No shrinking: openings of a kilobyte shrink slowly, and the first counterexample says enough.
      { numRuns: 150, endOnFailure: true },
    );
  }, 120_000);
});

describe('valid MS932 never gets a false verdict of UTF-8', () => {
  const dirs = ['samples', join('samples', '3.2'), join('samples', '4.1')];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.CSV'))
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })),
  );

  it('has samples with non-ASCII text to look at', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => f.bytes.some((b) => b >= 0x80)).length).toBeGreaterThan(25);
  });

  it('every sample: readCsvFile reads MS932 and the stream, at several chunkings, has no encoding issue', async () => {
    for (const f of files) {
      const whole = readCsvFile(f);
      if (f.bytes.some((b) => b >= 0x80)) expect(whole.encoding, f.name).toBe('ms932');
      expect(encodingIssues(whole.issues), f.name).toEqual([]);
      for (const cuts of [[], [1], [Math.floor(f.bytes.length / 2)], [1000, 1024, 2048]]) {
        const s = await readInParts(f.bytes, cuts.filter((c) => c < f.bytes.length), { name: f.name });
        expect(encodingIssues(s.issues), `${f.name} ${cuts}`).toEqual([]);
        expect(s.records, f.name).toEqual(whole.records);
      }
    }
  }, 60_000);

  it('half-width katakana files past the first kilobyte (valid UTF-8 as well, no 3-byte sequence) stay MS932 in both readers', async () => {
    const record = hosoku({ userNameKana: 'ﾏｷ ﾃｽ ﾅｵ ﾕｶ ﾐｷ '.repeat(120), userName: 'ﾐｷ ﾏｷ' });
    const { bytes, issues } = writeCsvFile('UPHOSOKU', [record], { csvVersion: '202407' });
    expect(issues).toEqual([]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(readCsvFile({ name: HOSOKU, bytes })).toMatchObject({ encoding: 'ms932', issues: [], records: [record] });
    for (const cuts of [[], [500], [1500, 1501]]) {
      const s = await readInParts(bytes, cuts, { name: HOSOKU });
      expect(s).toMatchObject({ issues: [], records: [record] });
    }
  });
});
