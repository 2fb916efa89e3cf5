// Streaming with bounded work and memory, and the reader's limits through validation and the command: the
// tokenizer resumes an open record instead of re-scanning it (linear at any chunking), limits reach the reader
// from validateFile(s)/validateStream/validateFileStreams, validateFileStreams gives validateFiles' report, and
// `careplan-csv validate` streams files (a huge record is an issue, not an I/O error) with --max-* and --kind.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvTokenizer, type Row } from '../src/codec/tokenizer.js';
import { fileChunks } from '../src/cli/input.js';
import { main } from '../src/cli/run.js';
import {
  DEFAULT_LIMITS,
  readCsvFile,
  readCsvStream,
  validateFile,
  validateFileStreams,
  validateFiles,
  validateStream,
  type InputFile,
  type Issue,
  type ReadLimits,
} from '../src/index.js';
import { runBuiltCommand as cli } from './support/built-command.js';
import { sjis } from './support/encodings.js';
import { CLI, ROOT } from './support/paths.js';
import { splitBytes } from './support/streams.js';

const RUNS = process.env['FUZZ'] ? 500 : 50;

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV';
/** A UPPLAN record of edition 4.1 (25 fields), its free text (No.7 被保険者氏名) given. */
const line = (free = '"髙田　﨑子"') =>
  ['202407', '131016', '0000123456', '20250325', '202504', '1370100008', free, '244', '', '20250407', '', '0930', '1000', '1', '111211', '', '', '', '', '1370200006', '"ﾍﾙﾊﾟｰ"', '', '0', '1370100008', ''].join(',');

function tokenize(parts: readonly string[], maxRecordLength: number): { rows: Row[]; tokenizer: CsvTokenizer } {
  const tokenizer = new CsvTokenizer(maxRecordLength);
  const rows: Row[] = [];
  for (const p of parts) rows.push(...tokenizer.push(p));
  rows.push(...tokenizer.end());
  return { rows, tokenizer };
}

const chunksOf = (text: string, size: number) => {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
};

describe('streaming tokenizer: linear at any chunking', () => {
  // Before the fix an open record was re-scanned from its start on every chunk: 64-character chunks of a
  // 1 MB record examined about 8 billion characters (13 s).
  const record = `202407,"${'髙'.repeat(1000)}${'a\r\n"",'.repeat(160_000)}",x\r\n`; // ~1 MB, breaks and "" inside quotes
  const next = '202407,"次",y\r\n';

  it('a record under the limit, in 64-character chunks: the rows of the whole text, each character examined at most 3 times', () => {
    const text = record + next;
    expect(record.length).toBeGreaterThan(900_000);
    expect(record.length).toBeLessThan(DEFAULT_LIMITS.maxRecordLength);
    const whole = tokenize([text], DEFAULT_LIMITS.maxRecordLength);
    const chunked = tokenize(chunksOf(text, 64), DEFAULT_LIMITS.maxRecordLength);
    expect(chunked.rows).toEqual(whole.rows);
    expect(chunked.rows.map((r) => [r.line, r.cells.length, r.terminator])).toEqual([
      [1, 3, 'CRLF'],
      [160_002, 3, 'CRLF'],
    ]);
    expect(chunked.rows[0]!.cells[1]).toBe(`${'髙'.repeat(1000)}${'a\r\n",'.repeat(160_000)}`);
    expect(chunked.tokenizer.examined).toBeLessThanOrEqual(3 * text.length);
  });

  it('a record over the limit, in 64-character chunks: reported once at its line, discarded, the next record read', () => {
    const text = record + next;
    const limit = 500_000;
    const whole = tokenize([text], limit);
    const chunked = tokenize(chunksOf(text, 64), limit);
    expect(chunked.rows).toEqual(whole.rows);
    expect(chunked.rows.map((r) => [r.line, r.problems.map((p) => p.code), r.raw.length])).toEqual([
      [1, ['CSV_RECORD_TOO_LONG'], 80],
      [160_002, [], next.length - 2],
    ]);
    expect(chunked.tokenizer.examined).toBeLessThanOrEqual(3 * text.length);
  });

  it('the reader, 1 MB record in 64-byte chunks, gives the whole-file result (well within the test timeout)', async () => {
    const bytes = sjis(`${line(`"${'髙'.repeat(1000)}${'ｶﾀｶﾅ,"" '.repeat(130_000)}"`)}\r\n${line()}\r\n`);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const whole = readCsvFile({ name: NAME, bytes }, { limits: { maxRecordLength: 2_000_000, maxFieldLength: 2_000_000 } });
    expect(whole.records).toHaveLength(2);
    const records: unknown[] = [];
    const issues: Issue[] = [];
    for await (const item of readCsvStream(splitBytes(bytes, 64), { name: NAME, limits: { maxRecordLength: 2_000_000, maxFieldLength: 2_000_000 } })) {
      if (item.type === 'record') records.push(item.record);
      else issues.push(item.issue);
    }
    expect(records).toEqual(whole.records);
    expect(issues).toEqual(whole.issues);
  });

  it('every chunking of arbitrary text gives the rows of the whole text, at any record limit', () => {
    const char = fc.constantFrom('a', '髙', 'ｶ', ',', '"', '\r', '\n');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 80 }).map((a) => a.join('')),
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 30 }),
        (text, cuts, limit) => {
          const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
          const parts = [0, ...points].map((p, i, all) => text.slice(p, all[i + 1] ?? text.length));
          const whole = tokenize([text], limit);
          const chunked = tokenize(parts, limit);
          expect(chunked.rows).toEqual(whole.rows);
          expect(chunked.tokenizer.examined).toBeLessThanOrEqual(3 * text.length);
        },
      ),
      { numRuns: RUNS * 20 },
    );
  });
});

describe('limits through validation', () => {
  const bytes = sjis(`${line()}\r\n${line(`"${'あ'.repeat(300)}"`)}\r\n${line('"ｶﾀｶﾅ"')}\r\n${line('"﨑"')}\r\n`);
  const file: InputFile = { name: NAME, bytes };
  const codes = (issues: readonly Issue[]) => issues.filter((i) => i.code.startsWith('CSV_')).map((i) => [i.code, i.line]);

  it('validateFiles, validateFile and validateStream pass maxRecordLength, maxFieldLength and maxRecords to the reader', async () => {
    expect(codes(validateFiles([file]).issues)).toEqual([]);
    const cases = [
      [{ maxRecordLength: 250 }, [['CSV_RECORD_TOO_LONG', 2]], 3],
      [{ maxFieldLength: 200 }, [['CSV_FIELD_TOO_LARGE', 2]], 3],
      [{ maxRecords: 2 }, [['CSV_TOO_MANY_RECORDS', 3]], 2],
    ] as const;
    for (const [limits, expected, records] of cases) {
      const many = validateFiles([file], { limits });
      expect(codes(many.files[0]!.issues), JSON.stringify(limits)).toEqual(expected);
      expect(many.files[0]!.records, JSON.stringify(limits)).toBe(records);
      expect(validateFile(file, { limits }).files).toEqual(many.files);
      expect((await validateStream(splitBytes(bytes, 13), NAME, { limits })).files).toEqual(many.files);
      expect((await validateFileStreams([{ name: NAME, chunks: splitBytes(bytes, 5) }], { limits })).files).toEqual(many.files);
    }
  });
});

describe('validateFileStreams', () => {
  async function* slowly(bytes: Uint8Array, size: number) {
    for (const part of splitBytes(bytes, size)) {
      await new Promise((r) => setImmediate(r));
      yield part;
    }
  }
  const dirFiles = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .filter((n) => /\.(csv|jpe?g)$/i.test(n))
      .sort()
      .map((n) => ({ name: `${dir}/${n}`, bytes: new Uint8Array(readFileSync(join(ROOT, dir, n))) }));

  for (const dir of ['samples/4.1', 'samples/3.2', 'samples/broken']) {
    it(`gives exactly validateFiles' report on ${dir} (units included), in any chunk size`, async () => {
      const files = dirFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const profile of ['strict', 'lenient'] as const) {
        const expected = validateFiles(files, { profile });
        for (const size of [1, 7, 4096]) {
          const streamed = await validateFileStreams(
            files.map((f) => ({ name: f.name, chunks: size === 7 ? slowly(f.bytes, size) : splitBytes(f.bytes, size) })),
            { profile },
          );
          expect(streamed, `${profile}, chunks of ${size}`).toEqual(expected);
        }
      }
    });
  }

  it('a send unit across streams: a missing member and a broken file are reported as validateFiles does', async () => {
    const files = dirFiles('samples/4.1').filter((f) => /_20250325100000\.CSV$/.test(f.name) && !f.name.includes('UPHOSOKU'));
    files.push({ name: 'samples/broken/x.csv', bytes: sjis('a,"b\r\n') });
    const expected = validateFiles(files);
    expect(expected.units.flatMap((u) => u.issues.map((i) => i.code))).toContain('UNIT_MISSING_FILE');
    expect(await validateFileStreams(files.map((f) => ({ name: f.name, chunks: [f.bytes] })))).toEqual(expected);
  });

  it('a family-diagram image: only its signature is read, as validateFiles checks it', async () => {
    const name = 'UPKIHON_IMAGE_1370400002_46_1370500009_A6_20250415090000_0001.jpg';
    for (const bytes of [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), sjis('not a jpeg')]) {
      const expected = validateFiles([{ name, bytes }]).files;
      let pulled = 0;
      function* oneByteAtATime() {
        for (const b of bytes) {
          pulled++;
          yield new Uint8Array([b]);
        }
      }
      expect((await validateFileStreams([{ name, chunks: oneByteAtATime() }])).files).toEqual(expected);
      expect(pulled).toBe(3);
      expect((await validateStream([bytes], name)).files).toEqual(validateFile({ name, bytes }).files);
    }
  });

  it('rejects with the source error (an I/O error is not a finding)', async () => {
    async function* failing() {
      yield sjis(`${line()}\r\n`);
      throw new Error('EIO: disk went away');
    }
    await expect(validateFileStreams([{ name: NAME, chunks: failing() }])).rejects.toThrow('EIO');
  });
});

describe('the command reads files in chunks', () => {
  // (The lines of byte offsets, once counted here by reading the file again, come with the issues now: the
  // same property for the decoder's line counter is in test/issue-lines.test.ts.)
  it('fileChunks gives the bytes in chunks of at most the size asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-chunks-'));
    try {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 200 }).map((a) => a.map((b) => [0x0a, 0x0d, 0x41, 0x82][b % 4]!)),
          fc.integer({ min: 1, max: 16 }),
          (bytes, size) => {
            const path = join(dir, 'f.CSV');
            writeFileSync(path, bytes);
            const parts = [...fileChunks('validate', path, size)];
            expect(parts.every((p) => p.length <= Math.max(size, 1) && p.length > 0)).toBe(true);
            expect(Buffer.concat(parts)).toEqual(Buffer.from(bytes));
          },
        ),
        { numRuns: RUNS * 4 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- The built command as a child process (test/global-setup.ts builds dist/ first). ----


/** The same arguments through the in-process main (files read whole). */
function inProcess(argv: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = main(argv, { stdout: (s) => void (stdout += s), stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, env: {} });
  return { code, stdout };
}

interface JsonReport {
  files: { file: string; kind: string | null; records: number; issues: Issue[] }[];
  summary: { errors: number };
}

describe('careplan-csv validate: streaming and limits', () => {
  let dir = '';
  let huge = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'careplan-limits-'));
    // ~30 MB: a normal record, one whose free text is 30 million characters, a normal record.
    huge = join(dir, NAME);
    const fd = openSync(huge, 'w');
    writeSync(fd, sjis(`${line()}\r\n202407,131016,0000123456,20250325,202504,1370100008,"髙`));
    writeSync(fd, Buffer.alloc(30_000_000, 'A'));
    writeSync(fd, sjis(`",244,,20250407,,0930,1000,1,111211,,,,,1370200006,"ﾍﾙﾊﾟｰ",,0,1370100008,\r\n${line('"﨑山"')}\r\n`));
    closeSync(fd);
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));
  const json = (args: string[]) => {
    const r = cli(['validate', ...args, '--format', 'json']);
    return { code: r.code, report: JSON.parse(r.stdout || 'null') as JsonReport, stderr: r.stderr };
  };
  const readCodes = (report: JsonReport) => report.files[0]!.issues.filter((i) => i.code.startsWith('CSV_')).map((i) => [i.code, i.line]);

  it('a 30 MB record is CSV_RECORD_TOO_LONG at its line (exit 1), and the records around it are read', () => {
    const r = json([huge]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(readCodes(r.report)).toEqual([['CSV_RECORD_TOO_LONG', 2]]);
    expect(r.report.files[0]!.records).toBe(2);
  });

  it('--max-record-length and --max-field-length change the outcome', () => {
    const longer = json([huge, '--max-record-length', '40000000']);
    expect(longer.code).toBe(1);
    expect(readCodes(longer.report)).toEqual([['CSV_FIELD_TOO_LARGE', 2]]);
    const both = json([huge, '--max-record-length', '40000000', '--max-field-length', '40000000']);
    expect(readCodes(both.report)).toEqual([]);
    expect(both.report.files[0]!.records).toBe(3);
  });

  it('--max-record-length, --max-records on a conformant sample turn a pass into a failure', () => {
    const sample = 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
    const unit = ['UPSIKYU', 'UPHOSOKU'].map((k) => sample.replace('UPPLAN', k));
    expect(json([sample, ...unit]).code).toBe(0);
    const short = json([sample, ...unit, '--max-record-length', '100']);
    expect(short.code).toBe(1);
    expect(readCodes(short.report)[0]).toEqual(['CSV_RECORD_TOO_LONG', 1]);
    const few = json([sample, ...unit, '--max-records', '3']);
    expect(few.code).toBe(1);
    expect(readCodes(few.report)).toEqual([['CSV_TOO_MANY_RECORDS', 4]]);
    expect(few.report.files[0]!.records).toBe(3);
  });

  it('a limit that is not a whole number of at least 1, or an unknown --kind, is a usage error (exit 2)', () => {
    for (const args of [
      ['--max-record-length', '0'],
      ['--max-field-length', '1e6'],
      ['--max-records', '-5'],
      ['--max-records', 'many'],
      ['--kind', 'UPPLAN_X'],
    ]) {
      const r = cli(['validate', huge, ...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(args[0]!);
      expect(r.stdout).toBe('');
    }
  });

  it('--kind UPPLAN reads a file whose name gives no kind; files whose name gives one keep it', () => {
    const foo = join(dir, 'foo.txt');
    const jsk = 'samples/4.1/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV';
    writeFileSync(foo, readFileSync(join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV')));
    const without = json([foo]);
    expect(without.code).toBe(1);
    // One cause, one issue: the reader's CSV_UNKNOWN_KIND is counted under the name's NAME_UNKNOWN_PREFIX.
    expect(without.report.files[0]!.issues).toMatchObject([{ code: 'NAME_UNKNOWN_PREFIX', consequences: { CSV_UNKNOWN_KIND: 1 } }]);
    const withKind = json([foo, jsk, '--kind', 'UPPLAN']);
    expect(withKind.code).toBe(1); // the name itself is still not a spec name
    const [fooReport, jskReport] = withKind.report.files;
    expect(fooReport!.kind).toBe('UPPLAN');
    expect(fooReport!.records).toBe(31);
    expect(fooReport!.issues.map((i) => i.code)).toEqual(['NAME_UNKNOWN_PREFIX']);
    expect(jskReport!.kind).toBe('UPJSK');
    expect(jskReport!.issues).toEqual([]);
  });

  it('the streamed command prints what the in-process command (files read whole) prints, byte-offset lines included', () => {
    // UTF-8 text and invalid bytes: issues the reader locates by byte offset; the text output gives their lines.
    const bad = join(dir, NAME.replace('120000', '130000'));
    const good = sjis(`${line()}\r\n`);
    writeFileSync(bad, Buffer.concat([good, Buffer.from([0x82, 0xa0, 0x80]), good.subarray(3), sjis(`${line('"\u00e9"')}\r\n`), Buffer.from([0xfc, 0x0d, 0x0a])]));
    for (const args of [
      [bad, '--lang', 'en'],
      [bad, '--profile', 'lenient', '--format', 'sarif'],
      ['samples/broken', 'samples/4.1', '--format', 'sarif'],
      [bad, 'samples/3.2', '--format', 'junit', '--max-records', '2'],
    ]) {
      const streamed = cli(['validate', ...args]);
      const whole = inProcess(['validate', ...args]);
      expect(streamed.stdout, args.join(' ')).toBe(whole.stdout);
      expect(streamed.code, args.join(' ')).toBe(whole.code);
    }
    const sarif = JSON.parse(cli(['validate', bad, '--format', 'sarif']).stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: unknown } }[] }[] }[];
    };
    const located = sarif.runs[0]!.results.filter((r) => r.ruleId === 'CSV_INVALID_BYTES').map((r) => r.locations[0]!.physicalLocation.region);
    expect(located).toEqual([
      { startLine: 2, byteOffset: good.length + 2 },
      { startLine: 4, byteOffset: readFileSync(bad).length - 3 },
    ]);
  });
});

describe('the command orders send units as validateFiles does', () => {
  it('two units of one 連番 that differ in service type and office: the library order, by the whole unit key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-order-'));
    try {
      const bytes = readFileSync(join(ROOT, 'samples/4.1/UP1KYO_1370100008_43_1370200006_11_20250325090000.CSV'));
      const names = ['UP1KYO_1370100008_43_1370200006_11_20250325090000.CSV', 'UP1KYO_1370100008_46_1370000009_11_20250325090000.CSV'];
      for (const n of names) writeFileSync(join(dir, n), bytes);
      const r = spawnSync(process.execPath, [CLI, 'validate', dir, '--format', 'json'], { encoding: 'utf8' });
      const keys = (JSON.parse(r.stdout) as { units: { key: string }[] }).units.map((u) => u.key);
      const expected = validateFiles(names.map((n) => ({ name: join(dir, n), bytes }))).units.map((u) => u.key);
      expect(keys).toHaveLength(2);
      expect(keys).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options that are not counts never switch a limit or a cap off', () => {
  const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
  const broken = new TextEncoder().encode('a,"b\r\n,,\r\n');
  const errorsOf = (options: Parameters<typeof validateFiles>[1]) => validateFiles([{ name, bytes: broken }], options).summary.errors;

  it('maxIssuesPerCode NaN, 0 or negative: the default cap, so errors stay errors', () => {
    const errors = errorsOf({});
    expect(errors).toBeGreaterThan(0);
    for (const maxIssuesPerCode of [Number.NaN, 0, -1]) expect(errorsOf({ maxIssuesPerCode }), String(maxIssuesPerCode)).toBe(errors);
  });

  it('a limit given as undefined or NaN keeps its default', () => {
    const bytes = new TextEncoder().encode('A'.repeat(DEFAULT_LIMITS.maxRecordLength + 10));
    for (const maxRecordLength of [undefined, Number.NaN]) {
      const codes = validateFiles([{ name, bytes }], { limits: { maxRecordLength } as Partial<ReadLimits> }).issues.map((i) => i.code);
      expect(codes, String(maxRecordLength)).toContain('CSV_RECORD_TOO_LONG');
    }
  });
});
