// Hostile input: limits that fail fast, never a crash, never silent loss.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { CsvTokenizer } from '../src/codec/tokenizer.js';
import { getLayout, listLayouts, readCsvFile, readCsvStream, validateFiles, writeCsvFile, type Issue } from '../src/index.js';
import { recordOf } from './support/arbitraries.js';
import { sjis } from './support/encodings.js';

/** Property-test budget: small in `npm test`, larger with `npm run fuzz` (FUZZ=1). */
const RUNS = process.env['FUZZ'] ? 500 : 25;

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const line = (free = '"髙田"') =>
  ['202407', '131016', '0000123456', '20250325', '202504', '1370100008', free, '244', '', '20250407', '', '0930', '1000', '1', '111211', '', '', '', '', '1370200006', '"ﾍﾙﾊﾟｰ"', '', '0', '1370100008', ''].join(',');

async function streamed(bytes: Uint8Array, size: number, limits = {}) {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  const records: unknown[] = [];
  const issues: Issue[] = [];
  for await (const item of readCsvStream(parts, { name: NAME, limits })) {
    if (item.type === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { records, issues };
}

describe('limits', () => {
  it('a record longer than the limit is reported at its line and skipped; reading goes on', async () => {
    const long = `"${'あ'.repeat(5000)}"`;
    const bytes = sjis(`${line()}\r\n${line(long)}\r\n${line()}\r\n`);
    const r = readCsvFile({ name: NAME, bytes }, { limits: { maxRecordLength: 2000 } });
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['CSV_RECORD_TOO_LONG', 2]]);
    expect(r.lines).toEqual([1, 3]);
    for (const size of [7, 100, 4096]) {
      const s = await streamed(bytes, size, { maxRecordLength: 2000 });
      expect(s.records, `chunks of ${size}`).toEqual(r.records);
      expect(s.issues.map((i) => [i.code, i.line]), `chunks of ${size}`).toEqual([['CSV_RECORD_TOO_LONG', 2]]);
    }
  });

  it('a single endless field fails fast instead of filling memory', async () => {
    const chunk = new Uint8Array(1 << 20).fill(0x41); // 'A' with no delimiter, 64 MB in all
    async function* endless() {
      yield sjis('202407,"');
      for (let i = 0; i < 64; i++) yield chunk;
    }
    const issues: Issue[] = [];
    const before = process.memoryUsage().rss;
    for await (const item of readCsvStream(endless(), { name: NAME })) if (item.type === 'issue') issues.push(item.issue);
    expect(issues.map((i) => i.code)).toEqual(['CSV_RECORD_TOO_LONG']);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });

  it('a field longer than its limit is reported and its record not read', () => {
    const r = readCsvFile({ name: NAME, bytes: sjis(`${line(`"${'髙'.repeat(300)}"`)}\r\n`) }, { limits: { maxFieldLength: 200 } });
    expect(r.issues.map((i) => [i.code, i.line, i.record])).toEqual([['CSV_FIELD_TOO_LARGE', 1, 1]]);
    expect(r.records).toEqual([]);
  });

  it('reading stops after the record limit, saying from which line', () => {
    const r = readCsvFile({ name: NAME, bytes: sjis(`${line()}\r\n`.repeat(5)) }, { limits: { maxRecords: 3 } });
    expect(r.records).toHaveLength(3);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['CSV_TOO_MANY_RECORDS', 4]]);
  });
});

describe('round trip of every layout of both editions (fast-check)', () => {
  for (const layout of listLayouts().filter((l) => !l.superseded)) {
    it(`${layout.kind}@${layout.csvVersion}: write → read gives the same records and the same bytes again`, () => {
      fc.assert(
        fc.property(fc.array(recordOf(layout), { minLength: 1, maxLength: 4 }), (records) => {
          const written = writeCsvFile(layout.kind, records, { csvVersion: layout.csvVersion });
          expect(written.issues).toEqual([]);
          const read = readCsvFile({ bytes: written.bytes }, { kind: layout.kind });
          expect(read.issues).toEqual([]);
          expect(read.records).toEqual(records);
          const again = writeCsvFile(layout.kind, read.records, { csvVersion: layout.csvVersion });
          expect(Buffer.from(again.bytes).equals(Buffer.from(written.bytes))).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('arbitrary strings in any field (fast-check)', () => {
  const layout = getLayout('UPPLAN', '202407')!;
  const base = Object.fromEntries(layout.fields.map((f) => [f.key, f.key === 'csvVersion' ? '202407' : '']));
  for (const mode of ['error', 'substitute'] as const) {
    it(`unmappable: '${mode}': encoded exactly, or every refused or substituted character reported`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...layout.fields.slice(1)), fc.string({ unit: 'grapheme', maxLength: 10 }), (field, text) => {
          const record = { ...base, [field.key]: text };
          const w = writeCsvFile('UPPLAN', [record], { csvVersion: '202407', unmappable: mode });
          if (w.written === 0) {
            expect(w.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
            return;
          }
          const back = readCsvFile({ bytes: w.bytes }, { kind: 'UPPLAN' }).records[0]![field.key];
          if (back === text) return;
          // Changed only by listed substitutions: applying them to the input gives what was written.
          let expected = text;
          for (const s of w.substitutions) expected = expected.split(s.from).join(s.to);
          expect(w.substitutions.length).toBeGreaterThan(0);
          expect(back).toBe(expected);
          expect(w.issues.filter((i) => i.code === 'WRITE_SUBSTITUTED')).toHaveLength(w.substitutions.length);
        }),
        { numRuns: RUNS * 5 },
      );
    });
  }
});

describe('mutation fuzzing of valid sample files', () => {
  const dir = 'samples/4.1';
  const load = (prefix: string) => {
    const name = readdirSync(dir).find((n) => n.startsWith(prefix))!;
    return { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
  };
  const small = load('UP2KYO_');
  const plan = load('UPPLAN_202504_1370100008_43_1370200006_11');
  // Work proportional to size, counted rather than timed (CI is a loaded 2-core box): every tokenizer the
  // reader and the validator ran examined at most about three characters per byte (a character is at least a
  // byte), so no mutation makes the reading quadratic. A hang is stopped by the test timeout.
  const linear = <T>(bytes: Uint8Array, fn: () => T): T => {
    const ends = vi.spyOn(CsvTokenizer.prototype, 'end');
    try {
      const result = fn();
      expect(ends.mock.contexts.length).toBeGreaterThan(0);
      for (const tokenizer of ends.mock.contexts as CsvTokenizer[]) expect(tokenizer.examined).toBeLessThanOrEqual(3 * bytes.length + 16);
      return result;
    } finally {
      ends.mockRestore();
    }
  };
  const check = (name: string, bytes: Uint8Array) =>
    linear(bytes, () => {
      const read = readCsvFile({ name, bytes });
      const report = validateFiles([{ name, bytes }]);
      return { read, report };
    });
  const endsOfRecords = (bytes: Uint8Array) => {
    const ends = new Set<number>([0]);
    const r = readCsvFile({ name: small.name, bytes });
    // Offsets right after each record's CRLF, found from the re-encoded records.
    let at = 0;
    for (const rec of r.records) {
      at += writeCsvFile('UP2KYO', [rec], { csvVersion: '202407' }).bytes.length;
      ends.add(at);
    }
    return ends;
  };

  it('truncation at every length: never throws; a cut inside a record is always reported', () => {
    const ends = endsOfRecords(small.bytes);
    for (let n = 0; n < small.bytes.length; n++) {
      const { read } = check(small.name, small.bytes.subarray(0, n));
      if (!ends.has(n)) expect(read.issues.length, `cut at ${n}`).toBeGreaterThan(0);
    }
  });

  it('byte flips, random bytes, a BOM: never throw, work linear in the size', () => {
    fc.assert(
      fc.property(fc.nat(plan.bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bytes = plan.bytes.slice();
        bytes[at]! ^= xor;
        check(plan.name, bytes);
      }),
      { numRuns: RUNS * 4 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => void check(plan.name, bytes)), { numRuns: RUNS * 4 });
    const bom = check(plan.name, new Uint8Array([0xef, 0xbb, 0xbf, ...plan.bytes]));
    expect(bom.read.issues.map((i) => i.code)).toContain('CSV_BOM');
  });

  it('an inserted quote, an inserted line break outside quotes, a duplicated line: always reported', () => {
    const text = iconv.decode(Buffer.from(plan.bytes), 'cp932');
    const outsideQuotes: number[] = [];
    let inQuotes = false;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') inQuotes = !inQuotes;
      else if (!inQuotes && text[i] === ',') outsideQuotes.push(i);
    }
    fc.assert(
      fc.property(fc.nat(text.length), (at) => {
        const mutated = sjis(`${text.slice(0, at)}"${text.slice(at)}`);
        expect(check(plan.name, mutated).read.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 4 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...outsideQuotes), fc.constantFrom('\r\n', '\n', ','), (at, insert) => {
        const mutated = sjis(`${text.slice(0, at)}${insert}${text.slice(at)}`);
        expect(check(plan.name, mutated).read.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 4 },
    );
    const lines = text.split('\r\n');
    const duplicated = sjis([lines[0], ...lines].join('\r\n'));
    expect(check(plan.name, duplicated).report.files[0]!.issues.map((i) => i.code)).toContain('FILE_DUPLICATE_RECORD');
  });
});

describe('spreadsheet safety', () => {
  it('free text starting with = + - @ is reported as info by validation', () => {
    const bytes = sjis(`${line('"=HYPERLINK(""http://example.invalid"")"')}\r\n`);
    const issues = validateFiles([{ name: NAME, bytes }]).files[0]!.issues;
    expect(issues.map((i) => [i.code, i.severity, i.field?.no])).toEqual([['FIELD_FORMULA_PREFIX', 'info', 7]]);
  });
});
