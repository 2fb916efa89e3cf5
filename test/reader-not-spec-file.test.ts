// A file named as a spec CSV whose first bytes show another format is refused by the shared reading pipeline, so
// every reader — not only the validator — reports it once (FILE_NOT_SPEC_FILE) and gives no record: readCsvFile,
// readCsvItems, forEachCsvItem, readCsvStream however it is chunked, and through them inspect, fix and the
// plan-vs-delivery comparison.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, forEachCsvItem, readCsvFile, readCsvItems, readCsvStream, validateFile, type ReadItem } from '../src/index.js';
import { refusalReason } from '../src/messages/refusals.js';
import { runBuiltCommand as cli } from './support/built-command.js';
import { splitBytes } from './support/streams.js';

const ascii = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A quotation printed to PDF (its first lines): well over the 64 bytes that tell it. */
const PDF = ascii('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n');
/** An empty ZIP (22 bytes, its end record only): shorter than the 64 bytes, told at the stream's end. */
const EMPTY_ZIP = ascii('PK\x05\x06', new Array<number>(18).fill(0));
/** A 実績 file's name: the kind the name gives is read, were the bytes a CSV. */
const NAME = 'UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV';
const PLAN = 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';

const codes = (items: readonly ReadItem[]) => items.map((i) => (i.type === 'issue' ? i.issue.code : 'record'));

async function collect(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name?: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readCsvStream(source, name === undefined ? {} : { name })) items.push(item);
  return items;
}

async function* slowly(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

describe('every reader refuses a file of another format by its first bytes', () => {
  it('readCsvFile: exactly the one FILE_NOT_SPEC_FILE issue, the validator’s, and no record', () => {
    const read = readCsvFile({ name: NAME, bytes: PDF });
    expect(read.records).toEqual([]);
    expect(read.lines).toEqual([]);
    expect(read.csvVersion).toBeUndefined();
    expect(read.encoding).toBeUndefined();
    expect(read.kind).toBe('UPJSK'); // the name's, as for any file
    expect(read.issues).toHaveLength(1);
    const [refused] = read.issues;
    expect(refused).toMatchObject({ code: 'FILE_NOT_SPEC_FILE', severity: 'error', file: NAME, params: { file: NAME, type: 'pdf' } });
    expect({ ja: refused!.message, en: refused!.messageEn }).toEqual(refusalReason(NAME, 'pdf'));
    // The validator reports the reader's issue as it is.
    expect(validateFile({ name: NAME, bytes: PDF }).issues).toEqual(read.issues);
  });

  it('readCsvItems and forEachCsvItem: one issue item, nothing else', () => {
    const expected = readCsvFile({ name: NAME, bytes: PDF }).issues;
    const { items } = readCsvItems({ name: NAME, bytes: PDF });
    expect(items).toEqual(expected.map((issue) => ({ type: 'issue', issue })));
    const emitted: ReadItem[] = [];
    forEachCsvItem({ name: NAME, bytes: PDF }, {}, (item) => emitted.push(item));
    expect(emitted).toEqual(items);
  });

  it('readCsvStream in chunks of 1..8 bytes, sync or async: the same one issue, no record', async () => {
    const expected = readCsvFile({ name: NAME, bytes: PDF }).issues.map((issue) => ({ type: 'issue', issue }));
    for (let size = 1; size <= 8; size++) {
      expect(await collect(splitBytes(PDF, size), NAME), `sync, ${size}`).toEqual(expected);
      expect(await collect(slowly(splitBytes(PDF, size)), NAME), `async, ${size}`).toEqual(expected);
    }
  });

  it('readCsvStream pulls the source only until 64 bytes are at hand, and closes it', async () => {
    let pulled = 0;
    let closed = false;
    async function* large(): AsyncGenerator<Uint8Array> {
      try {
        // 10 bytes a chunk: the 7th completes the first 64.
        for (let i = 0; i < 10_000; i++) {
          pulled++;
          yield PDF.subarray((i * 10) % 100, ((i * 10) % 100) + 10);
        }
      } finally {
        closed = true;
      }
    }
    expect(codes(await collect(large(), NAME))).toEqual(['FILE_NOT_SPEC_FILE']);
    expect(pulled).toBe(7);
    expect(closed).toBe(true);
  });

  it('a file shorter than 64 bytes is told at its end, whole or in chunks', async () => {
    const whole = readCsvFile({ name: NAME, bytes: EMPTY_ZIP });
    expect(whole.issues.map((i) => [i.code, i.params])).toEqual([['FILE_NOT_SPEC_FILE', { file: NAME, type: 'zip' }]]);
    for (let size = 1; size <= 8; size++) {
      expect(await collect(slowly(splitBytes(EMPTY_ZIP, size)), NAME)).toEqual(whole.issues.map((issue) => ({ type: 'issue', issue })));
    }
  });

  it('a spec CSV is read as before, in chunks of 1..8 bytes (its first chunks are held, then decoded unchanged)', async () => {
    const bytes = new Uint8Array(readFileSync(PLAN));
    const name = PLAN.slice(PLAN.lastIndexOf('/') + 1);
    const whole = readCsvFile({ name, bytes });
    expect(whole.records.length).toBeGreaterThan(0);
    expect(whole.issues).toEqual([]);
    for (let size = 1; size <= 8; size++) {
      const items = await collect(slowly(splitBytes(bytes, size)), name);
      expect(items.flatMap((i) => (i.type === 'record' ? [i.record] : []))).toEqual(whole.records);
      expect(codes(items).filter((c) => c !== 'record')).toEqual([]);
    }
  });

  it('comparePlanToActual: a PDF as the 実績 file is one FILE_NOT_SPEC_FILE, no CSV issue, no row from it', () => {
    const plan = { name: PLAN.slice(PLAN.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(PLAN)) };
    const compared = comparePlanToActual(plan, { name: NAME, bytes: PDF });
    expect(compared.issues.filter((i) => i.code === 'FILE_NOT_SPEC_FILE')).toHaveLength(1);
    expect(compared.issues.filter((i) => i.code.startsWith('CSV_'))).toEqual([]);
    expect(compared.rows.every((r) => r.delivered.length === 0)).toBe(true);
  });
});

describe('the commands that read a file as CSV say so too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careplan-reader-refuse-'));
  // Run in its folder: the commands name a file by the path given, and so does the message.
  writeFileSync(join(dir, NAME), PDF);

  it('inspect: the one issue and no record (exit 0: the file was looked at)', () => {
    const r = cli(['inspect', NAME], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.records).toEqual([]);
    expect(doc.encoding).toBeNull();
    expect(doc.issues.map((i: { code: string; params: unknown }) => [i.code, i.params])).toEqual([['FILE_NOT_SPEC_FILE', { file: NAME, type: 'pdf' }]]);
    expect(doc.issues[0].message).toBe(refusalReason(NAME, 'pdf').ja);
  });

  it('fix: refuses to write it, naming the rule and no CSV issue (exit 1)', () => {
    const out = join(dir, 'out');
    const r = cli(['fix', NAME, '--out-dir', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FILE_NOT_SPEC_FILE]');
    expect(r.stdout).toContain('PDFファイル');
    expect(r.stdout).not.toMatch(/\[(CSV|ENCODING)_/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
