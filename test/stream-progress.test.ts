// validateFileStreams' onProgress (ValidateStreamsOptions): what a page or a command shows while large files are
// read. It hears of each chunk once its records are checked, with exact counts, and of each file's end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles, validateFileStreams, writeCsvFile, type StreamProgress } from '../src/index.js';
import { ROOT } from './support/paths.js';

const PLAN = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
const IMAGE = 'UPKIHON_IMAGE_1370100008_43_1370200006_11_20250325100000_0001.jpg';

/** The sample 第6表 records for 20 synthetic users, one record's 福祉用具名 a free text with ", a comma and a line break. */
function planBytes(): Uint8Array {
  const base = JSON.parse(readFileSync(join(ROOT, 'samples/records/4.1/UPPLAN.json'), 'utf8')) as Record<string, string>[];
  const records: Record<string, string>[] = Array.from({ length: base.length * 20 }, (_, i) => ({
    ...base[i % base.length]!,
    insuredNumber: String(1000000000 + Math.floor(i / base.length)).padStart(10, '0'),
  }));
  records[3] = { ...records[3]!, equipmentName: '車いす（髙﨑 "ｻﾝﾌﾟﾙ"、\r\n介助用）' };
  return writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes;
}

/** The bytes as an async stream of `size`-byte chunks. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** The bytes cut after each line end (LF): one chunk per physical line. */
async function* byLine(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(0x0a, at) + 1 || bytes.length;
    yield bytes.subarray(at, end);
    at = end;
  }
}

describe('validateFileStreams: onProgress', () => {
  const bytes = planBytes();
  const expected = validateFiles([{ name: PLAN, bytes }]);
  const records = expected.files[0]!.records;

  it('is called once per chunk, bytes and records growing, the last call done with the report\'s counts', async () => {
    const heard: StreamProgress[] = [];
    const size = 1000;
    const report = await validateFileStreams([{ name: PLAN, chunks: chunked(bytes, size) }], { onProgress: (p) => heard.push(p) });
    expect(report).toEqual(expected);
    expect(heard).toHaveLength(Math.ceil(bytes.length / size));
    expect(heard.map((p) => p.bytes)).toEqual(heard.map((_, i) => Math.min(bytes.length, (i + 1) * size)));
    expect(heard.every((p, i) => i === 0 || p.records >= heard[i - 1]!.records)).toBe(true);
    expect(heard.map((p) => p.done)).toEqual(heard.map((_, i) => i === heard.length - 1));
    expect(heard.at(-1)).toEqual({ file: 0, name: PLAN, bytes: bytes.length, records, done: true });
  });

  it('counts a record when its last line has been read, not before (a field with a line break spans two)', async () => {
    const heard: StreamProgress[] = [];
    await validateFileStreams([{ name: PLAN, chunks: byLine(bytes) }], { onProgress: (p) => heard.push(p) });
    // The records ended within the bytes read: one a line, but for record 4, whose first line ends inside its
    // quoted 福祉用具名. (The reader holds the first 1,024 bytes after the first non-ASCII byte while it tells
    // MS932 from UTF-8, so the first calls may count fewer; from 2 KB on it has caught up.)
    const ends = [...bytes.keys()].filter((i) => bytes[i] === 0x0a);
    const broken = ends[3]!; // the 4th line end: inside record 4's field
    expect(new TextDecoder('shift_jis').decode(bytes.subarray(broken + 1, broken + 7))).toBe('介助用');
    const ended = (read: number) => ends.filter((at) => at < read && at !== broken).length;
    expect(heard).toHaveLength(ends.length);
    expect(heard.every((p) => p.records <= ended(p.bytes))).toBe(true);
    const caughtUp = heard.filter((p) => p.bytes >= 2048);
    expect(caughtUp.length).toBeGreaterThan(records / 2);
    expect(caughtUp.map((p) => p.records)).toEqual(caughtUp.map((p) => ended(p.bytes)));
    expect(heard.at(-1)!.records).toBe(records);
  });

  it('names each file by its index, an image and an empty file with one call each', async () => {
    const heard: StreamProgress[] = [];
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const empty = PLAN.replace('20250325100000', '20250325110000');
    await validateFileStreams(
      [
        { name: PLAN, chunks: chunked(bytes, 4096) },
        { name: IMAGE, chunks: chunked(jpeg, 2) },
        { name: empty, chunks: chunked(new Uint8Array(0), 10) },
      ],
      { onProgress: (p) => heard.push(p) },
    );
    expect(heard.filter((p) => p.file === 0)).toHaveLength(Math.ceil(bytes.length / 4096));
    expect(heard.filter((p) => p.file !== 0)).toEqual([
      // Of an image only the signature's chunks are read.
      { file: 1, name: IMAGE, bytes: 4, records: 0, done: true },
      { file: 2, name: empty, bytes: 0, records: 0, done: true },
    ]);
  });

  it('hears once per file of chunks at hand (arrays), which are checked at once', async () => {
    const heard: StreamProgress[] = [];
    const half = Math.floor(bytes.length / 2);
    const report = await validateFileStreams([{ name: PLAN, chunks: [bytes.subarray(0, half), bytes.subarray(half)] }], { onProgress: (p) => heard.push(p) });
    expect(report).toEqual(expected);
    expect(heard).toEqual([{ file: 0, name: PLAN, bytes: bytes.length, records, done: true }]);
  });

  it('is checked as a function, frozen options too (whose checked policy is kept), and its exception rejects', async () => {
    const file = () => [{ name: PLAN, chunks: chunked(bytes, 50_000) }];
    await expect(validateFileStreams(file(), { onProgress: 'yes' } as never)).rejects.toThrow(/options\.onProgress/);
    let calls = 0;
    const frozen = Object.freeze({ profile: 'strict' as const, onProgress: () => void calls++ });
    await validateFileStreams(file(), frozen);
    const once = calls;
    expect(once).toBe(Math.ceil(bytes.length / 50_000));
    await validateFileStreams(file(), frozen);
    expect(calls).toBe(2 * once);
    await expect(validateFileStreams(file(), Object.freeze({ onProgress: 1 }) as never)).rejects.toThrow(TypeError);
    const stop = new Error('stopped by the caller');
    await expect(
      validateFileStreams(file(), {
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
  });
});
