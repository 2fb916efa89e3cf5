// The encoding is decided on the whole file, not on its first kilobyte: a UTF-8 file that opens with text valid
// in both encodings (±, é, ° are 2-byte UTF-8 sequences and also pairs of half-width katakana in MS932) and
// holds its Japanese only later must never be read silently as MS932 (「山田 あい」 as 「螻ｱ逕ｰ 縺ゅ＞」).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { runCommand } from './support/command.js';
import { codes } from './support/issues.js';
import { utf8 } from './support/encodings.js';

const HOSOKU = 'UPHOSOKU_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const UPHOSOKU = getLayout('UPHOSOKU', '202407')!;
const ENCODING_CODES = ['CSV_NOT_MS932', 'CSV_NOT_MS932_LATE', 'CSV_AMBIGUOUS_ENCODING'];
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
        expect(s.records[1]?.['userName']).toBe('螻ｱ逕ｰ 縺ゅ＞');
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

  it('half-width katakana files past the first kilobyte (valid UTF-8 as well, no 3-byte sequence) stay MS932 in both readers, with the ambiguity warning', async () => {
    const record = hosoku({ userNameKana: 'ﾏｷ ﾃｽ ﾅｵ ﾕｶ ﾐｷ '.repeat(120), userName: 'ﾐｷ ﾏｷ' });
    const { bytes, issues } = writeCsvFile('UPHOSOKU', [record], { csvVersion: '202407' });
    expect(issues).toEqual([]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    // Its bytes cannot tell it from UTF-8 (ﾏｷ = CF B7 = Ϸ): read as MS932, with a warning that says so.
    const whole = readCsvFile({ name: HOSOKU, bytes });
    expect(whole).toMatchObject({ encoding: 'ms932', records: [record] });
    const at = bytes.findIndex((b) => b >= 0x80);
    expect(whole.issues.map((i) => [i.code, i.severity, i.offset])).toEqual([['CSV_AMBIGUOUS_ENCODING', 'warning', at]]);
    expect(whole.issues[0]!.message).toContain('「ﾏｷ」');
    for (const cuts of [[], [500], [1500, 1501]]) {
      const s = await readInParts(bytes, cuts, { name: HOSOKU });
      expect(s).toMatchObject({ issues: whole.issues, records: [record] });
    }
  });
});

describe('a file valid in both encodings, with 2-byte UTF-8 sequences only, is read as MS932 but never silently', () => {
  // The reviewer's file: all ASCII but 「37.5°C ±0.2」 and 「café」, written in UTF-8 (° = C2 B0, read as ﾂｰ in MS932).
  const records = [
    hosoku({ userNameKana: 'Yamada', userName: 'Yamada Ai', userAddress2: 'Taion 37.5°C ±0.2, "café" ok' }),
    hosoku({ userName: 'Sato', userAddress2: 'free text, with "quotes"\r\nand a line break' }),
  ];
  const bytes = utf8(csvText(records));
  const firstHigh = bytes.findIndex((b) => b >= 0x80);
  const ambiguous = (issues: readonly Issue[]) => issues.filter((i) => i.code === 'CSV_AMBIGUOUS_ENCODING');

  it('is what the defect describes: valid UTF-8 and valid MS932, no 3-byte sequence', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(() => new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).not.toThrow();
    expect(bytes.some((b) => b >= 0xe0)).toBe(false);
    expect([...bytes.subarray(firstHigh, firstHigh + 2)]).toEqual([0xc2, 0xb0]);
  });

  it('readCsvFile reads MS932 and warns at the first non-ASCII byte, showing that character both ways', () => {
    const read = readCsvFile({ name: HOSOKU, bytes });
    expect(read.encoding).toBe('ms932');
    expect(read.records[0]!['userAddress2']).toContain('37.5ﾂｰC ﾂｱ0.2');
    const issues = ambiguous(read.issues);
    expect(issues.map((i) => [i.severity, i.offset, i.value])).toEqual([['warning', firstHigh, 'C2 B0']]);
    expect(issues[0]!.message).toContain('「ﾂｰ」');
    expect(issues[0]!.message).toContain('「°」');
    expect(issues[0]!.message).toContain('MS932として読みました');
    expect(issues[0]!.message).toContain('送信元ソフトの文字コード');
    expect(issues[0]!.messageEn).toContain('"ﾂｰ" as MS932 and "°" (U+00B0) as UTF-8');
    expect(issues[0]!.messageEn).toContain('sending software');
    expect(issues[0]!.file).toBe(HOSOKU);
  });

  it('the stream gives the same issues at every split point (the first character cut too) and at several chunkings', async () => {
    const whole = readCsvFile({ name: HOSOKU, bytes });
    expect(ambiguous(whole.issues).map((i) => i.offset)).toEqual([firstHigh]);
    const unsplit = await readInParts(bytes, [], { name: HOSOKU });
    expect(unsplit.issues).toEqual(whole.issues);
    expect(unsplit.records).toEqual(whole.records);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const s = await readInParts(bytes, [cut], { name: HOSOKU });
      expect(s.issues, `cut at ${cut}`).toEqual(whole.issues);
    }
    for (const cuts of [[firstHigh, firstHigh + 1, firstHigh + 2], [1, 2, 3, 4, 5], [10, 100, 200]]) {
      const s = await readInParts(bytes, cuts.filter((c) => c <= bytes.length), { name: HOSOKU });
      expect(s.issues, `cuts ${cuts}`).toEqual(whole.issues);
    }
  }, 60_000);

  it('validateFile and validateStream report the warning (under the lenient profile too), so the file is not called clean', async () => {
    for (const profile of ['strict', 'lenient'] as const) {
      const file = validateFile({ name: HOSOKU, bytes }, { profile });
      expect(ambiguous(file.files[0]!.issues).map((i) => [i.severity, i.offset])).toEqual([['warning', firstHigh]]);
      const stream = await validateStream([bytes.subarray(0, firstHigh + 1), bytes.subarray(firstHigh + 1)], HOSOKU, { profile });
      expect(ambiguous(stream.files[0]!.issues)).toEqual(ambiguous(file.files[0]!.issues));
    }
  });

  it('a Latin-1 letter MS932 cannot hold is shown both ways too (é = C3 A9 reads ﾃｩ)', () => {
    const only = utf8(csvText([hosoku({ userAddress2: 'café' })]));
    const issue = ambiguous(readCsvFile({ name: HOSOKU, bytes: only }).issues)[0]!;
    expect(issue.message).toContain('MS932では「ﾃｩ」、UTF-8では「é」');
  });

  it('no warning for an ASCII-only file, a UTF-8 file with Japanese (CSV_NOT_MS932 instead), or MS932 Japanese', () => {
    const ascii = utf8(csvText([hosoku({ userAddress2: 'plain' })]));
    expect(encodingIssues(readCsvFile({ name: HOSOKU, bytes: ascii }).issues)).toEqual([]);
    const japanese = utf8(csvText([hosoku({ userAddress2: '37.5°C 東京都' })]));
    expect(codes(encodingIssues(readCsvFile({ name: HOSOKU, bytes: japanese }).issues))).toEqual(['CSV_NOT_MS932']);
    const ms932 = writeCsvFile('UPHOSOKU', [hosoku({ userAddress2: '37.5°C ±0.2 髙橋 ﾏｷ' })], { csvVersion: '202407' }).bytes;
    expect(encodingIssues(readCsvFile({ name: HOSOKU, bytes: ms932 }).issues)).toEqual([]);
  });

  it('fix refuses to rewrite it (as MS932 the 「°」 would become 「ﾂｰ」 for good) and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-ambiguous-'));
    writeFileSync(join(dir, HOSOKU), bytes);
    const out = join(dir, 'out');
    const r = runCommand(['fix', join(dir, HOSOKU), '--out-dir', out, '--lang', 'en']);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('CSV_AMBIGUOUS_ENCODING');
    expect(existsSync(join(out, HOSOKU))).toBe(false);
  });
});
