// Every issue the decoder reports at a byte offset carries its line too, counted as the bytes went by (no
// one reads the file again to find it): the same line at every chunking, for the whole-file and the
// streaming reader, and the line lineAtOffset counts from the whole bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter } from '../src/codec/line-counter.js';
import { readCsvFile, validateFiles } from '../src/index.js';
import { lineAtOffset } from './support/lines.js';
import { readInParts } from './support/streams.js';

const RUNS = process.env['FUZZ'] ? 300 : 40;
const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';

/** Pieces of bytes that make encoding issues (invalid bytes, gaiji, duplicate codes, UTF-8) between line breaks. */
const PIECES: readonly (readonly number[])[] = [
  [0x0d, 0x0a], [0x0a], [0x0d], [0x41], [0x2c], [0x82, 0xa0], [0x80], [0xa0], [0xf0, 0x40], [0xed, 0x40], [0x81],
  [0xe3, 0x81, 0x82], [0xc2, 0xb0], [0xcf, 0xb7],
];
const bytesOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => Uint8Array.from(p.flat()));
const cutsOf = (length: number) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 6 }).map((c) => c.filter((x) => x < length).sort((a, b) => a - b));

describe('the line counter', () => {
  it('counts LF, CRLF and lone CR', () => {
    const bytes = new TextEncoder().encode('a\r\nb\nc\rd');
    const lines = new LineCounter();
    lines.next(bytes);
    expect(lines.lineAt(0)).toBe(1);
    expect(lines.lineAt(3)).toBe(2);
    expect(lines.lineAt(5)).toBe(3);
    expect(lines.lineAt(7)).toBe(4);
    for (const o of [0, 3, 5, 7]) expect(lines.lineAt(o)).toBe(lineAtOffset(bytes, o));
  });

  it('gives lineAtOffset\'s line at every chunking (past the end too), and keeps lines asked for ahead', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }).map((a) => a.map((b) => [0x0a, 0x0d, 0x41, 0x82][b % 4]!)),
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.integer({ min: 0, max: 210 }), { maxLength: 10 }),
        (bytes, size, asked) => {
          const lines = new LineCounter();
          const kept = asked.filter((o) => o < bytes.length);
          for (const o of kept) lines.keep(o);
          for (let at = 0; at < bytes.length; at += size) {
            const chunk = bytes.subarray(at, at + size);
            lines.next(chunk);
            const inChunk = asked.filter((o) => o >= at && o < at + chunk.length);
            for (const o of inChunk) expect(lines.lineAt(o), `offset ${o}`).toBe(lineAtOffset(bytes, o));
          }
          for (const o of kept) expect(lines.lineAt(o), `kept offset ${o}`).toBe(lineAtOffset(bytes, o));
          // At or past the end every line break counts, a last CR too.
          for (const o of asked.filter((x) => x >= bytes.length)) expect(lines.lineAt(o), `offset ${o} past the end`).toBe(lineAtOffset(bytes, o));
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('encoding issues carry their line', () => {
  it('names the line of an invalid byte, a gaiji and a UTF-8 file', () => {
    const sjis = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    const bytes = sjis('1,2\r\n3,\x80\r\n\xf0\x40\n\rx\xed\x40');
    const { issues } = readCsvFile({ name: NAME, bytes });
    const at = (code: string) => issues.filter((i) => i.code === code).map((i) => [i.line, i.offset]);
    expect(at('CSV_INVALID_BYTES')).toEqual([[2, 7]]);
    expect(at('CSV_GAIJI')).toEqual([[3, 10]]);
    expect(at('CSV_NONCANONICAL_MS932')).toEqual([[5, 15]]);
    const utf8 = readCsvFile({ name: NAME, bytes: new TextEncoder().encode('a\r\nb\r\nあ') });
    expect(utf8.issues.find((i) => i.code === 'CSV_NOT_MS932')).toMatchObject({ line: 3, offset: 6 });
    const bom = readCsvFile({ name: NAME, bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]) }, { lenient: true });
    expect(bom.issues.find((i) => i.code === 'CSV_BOM')).toMatchObject({ line: 1, offset: 0 });
  });

  it('gives every issue located by byte offset the line of that offset, in both readers at every chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytesOf.chain((bytes) => fc.tuple(fc.constant(bytes), cutsOf(bytes.length), fc.boolean())),
        async ([bytes, cuts, lenient]) => {
          const whole = readCsvFile({ name: NAME, bytes }, { lenient });
          const streamed = await readInParts(bytes, cuts, { name: NAME, lenient });
          for (const issues of [whole.issues, streamed.issues]) {
            for (const i of issues) {
              if (i.offset === undefined) continue;
              expect(i.line, `${i.code} at ${i.offset}`).toBe(lineAtOffset(bytes, i.offset));
            }
          }
          const report = validateFiles([{ name: NAME, bytes }], { profile: lenient ? 'lenient' : 'strict' });
          for (const i of report.issues) if (i.offset !== undefined) expect(i.line, i.code).toBe(lineAtOffset(bytes, i.offset));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('locates the evidence a stream finds only at its end (CSV_NOT_MS932_LATE) and an ambiguous file (CSV_AMBIGUOUS_ENCODING)', async () => {
    // ± in UTF-8 (C2 B1) reads as MS932 too; the 3-byte あ three lines on shows the stream is UTF-8.
    const late = Uint8Array.from([0x41, 0x0d, 0x0a, 0xc2, 0xb1, ...Array(1100).fill(0x42), 0x0d, 0x0a, 0x0a, 0x0d, 0x0a, 0xe3, 0x81, 0x82]);
    const streamed = await readInParts(late, [10, 600, 1200], { name: NAME });
    const found = streamed.issues.find((i) => i.code === 'CSV_NOT_MS932_LATE');
    expect(found).toMatchObject({ offset: late.length - 3, line: 5 });
    // Valid in both: ﾏｷ (CF B7) on line 2.
    const ambiguous = Uint8Array.from([0x41, 0x0a, 0xcf, 0xb7, 0x0d, 0x0a]);
    for (const issues of [readCsvFile({ name: NAME, bytes: ambiguous }).issues, (await readInParts(ambiguous, [3], { name: NAME })).issues]) {
      expect(issues.find((i) => i.code === 'CSV_AMBIGUOUS_ENCODING')).toMatchObject({ offset: 2, line: 2 });
    }
  });
});
