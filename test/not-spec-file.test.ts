// A file named as a spec CSV whose first bytes show another format (a PDF, an Excel workbook saved as 〜.CSV …)
// is reported once, as FILE_NOT_SPEC_FILE, and not read as CSV: by validateFile(s), validateStream,
// validateFileStreams and the command alike, with the words the page uses for its refusals.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, validateFile, validateFiles, validateFileStreams, validateStream, type ValidationReport } from '../src/index.js';
import { refusalReason } from '../src/messages/refusals.js';
import { runBuiltCommand as cli } from './support/built-command.js';
import { splitBytes } from './support/streams.js';

const ascii = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A small PDF's first lines (a quotation printed to PDF). */
const PDF = ascii('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n');
/** An .xlsx's first bytes: a ZIP whose first entry is [Content_Types].xml (its name at byte 30), then deflated data. */
const XLSX = ascii('PK\x03\x04', [20, 0, 6, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 0, 0], '[Content_Types].xml', [0xad, 0x52, 0xcb, 0x6e, 0xc2, 0x30, 0x10, 0xbc, 0x57]);
/** A lone 実績 file is a complete send unit (no unit issue), so the file's issues are the report's. */
const NAME = 'UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV';
const SAMPLE = `samples/4.1/${NAME}`;

const only = (r: ValidationReport) => r.issues.map((i) => i.code);

async function* slowly(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

describe('FILE_NOT_SPEC_FILE', () => {
  it('is in the rule catalogue: an error of the reader, told by the bytes before they are decoded', () => {
    expect(RULES.find((r) => r.code === 'FILE_NOT_SPEC_FILE')).toMatchObject({ layer: 'encoding', severity: 'error' });
  });

  it.each([
    ['a PDF', PDF, 'pdf'],
    ['an Excel workbook', XLSX, 'office'],
  ])('%s named as a spec CSV: one issue saying what it is and what to do, no record read', (_, bytes, type) => {
    const report = validateFiles([{ name: NAME, bytes }]);
    expect(only(report)).toEqual(['FILE_NOT_SPEC_FILE']);
    expect(report.files[0]).toMatchObject({ records: 0, csvVersion: undefined });
    const [found] = report.issues;
    expect(found).toMatchObject({ severity: 'error', file: NAME, params: { file: NAME, type } });
    // The page's refusal and the library's message are one wording.
    expect({ ja: found!.message, en: found!.messageEn }).toEqual(refusalReason(NAME, type as 'pdf' | 'office'));
    expect(found!.message).toContain('名前は仕様のファイルですが、中身が違います');
    expect(validateFile({ name: NAME, bytes }).issues).toEqual(report.issues);
  });

  it('says what to do: save a workbook as CSV from Excel, choose the CSV files instead of a PDF', () => {
    const [xlsx] = validateFile({ name: NAME, bytes: XLSX }).issues;
    expect(xlsx!.message).toBe(
      `${NAME} はExcelブック（.xlsx）などのOffice文書です（名前は仕様のファイルですが、中身が違います）。Excelで開き、「名前を付けて保存」で「CSV (コンマ区切り)」を選んで保存し直してください`,
    );
    const [pdf] = validateFile({ name: NAME, bytes: PDF }).issues;
    expect(pdf!.messageEn).toBe(`${NAME} is a PDF file (named as a spec file, but its content is not): choose the CSV files of the care-plan data exchange (.CSV).`);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 63, 64, 65])('streams in chunks of %i bytes give the same report', async (size) => {
    for (const bytes of [PDF, XLSX]) {
      const whole = validateFiles([{ name: NAME, bytes }]);
      const one = validateFile({ name: NAME, bytes });
      expect(only(one)).toEqual(['FILE_NOT_SPEC_FILE']);
      expect(await validateStream(splitBytes(bytes, size), NAME)).toEqual(one);
      expect(await validateStream(slowly(splitBytes(bytes, size)), NAME)).toEqual(one);
      expect(await validateFileStreams([{ name: NAME, chunks: splitBytes(bytes, size) }])).toEqual(whole);
      expect(await validateFileStreams([{ name: NAME, chunks: slowly(splitBytes(bytes, size)) }])).toEqual(whole);
    }
  });

  it('a source reading into one buffer again: its first bytes are told right, and the rest read as before', async () => {
    function* reusing(bytes: Uint8Array, size: number): Generator<Uint8Array> {
      const buffer = new Uint8Array(size);
      for (let at = 0; at < bytes.length; at += size) {
        const view = buffer.subarray(0, Math.min(size, bytes.length - at));
        view.set(bytes.subarray(at, at + view.length));
        yield view;
      }
    }
    const sample = readFileSync(SAMPLE);
    for (let size = 1; size <= 8; size++) {
      expect(only(await validateStream(reusing(XLSX, size), NAME)), `${size}`).toEqual(['FILE_NOT_SPEC_FILE']);
      expect(await validateStream(reusing(sample, size), NAME), `${size}`).toEqual(validateFile({ name: NAME, bytes: sample }));
    }
  });

  it('stops reading the stream after its first bytes (the rest of a large PDF is not pulled)', async () => {
    let pulled = 0;
    let closed = false;
    async function* big(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield i === 0 ? PDF.subarray(0, 3) : PDF.subarray(3);
        }
      } finally {
        closed = true;
      }
    }
    expect(only(await validateStream(big(), NAME))).toEqual(['FILE_NOT_SPEC_FILE']);
    expect(pulled).toBe(2);
    expect(closed).toBe(true);
  });

  it('a real sample is read as before, whole or in chunks of 1..8 bytes', async () => {
    const bytes = readFileSync(SAMPLE);
    const whole = validateFiles([{ name: NAME, bytes }]);
    expect(whole.files[0]!.records).toBeGreaterThan(0);
    expect(whole.issues).toEqual([]);
    for (let size = 1; size <= 8; size++) {
      expect(await validateFileStreams([{ name: NAME, chunks: slowly(splitBytes(bytes, size)) }])).toEqual(whole);
    }
  });

  it('a PDF under its own name: its file-name issue, and FILE_NOT_SPEC_FILE instead of CSV issues', () => {
    const report = validateFile({ name: '見積書.pdf', bytes: PDF });
    expect(only(report)).toEqual(['NAME_UNKNOWN_PREFIX', 'FILE_NOT_SPEC_FILE']);
    expect(report.issues[1]!.message).toBe('見積書.pdf はPDFファイルです。ケアプランデータ連携のCSVファイル（.CSV）を選んでください');
  });

  it('a .txt of CSV text is left to the name rules and read; a photo named .jpg is not read as CSV', () => {
    const txt = validateFile({ name: 'メモ.txt', bytes: new TextEncoder().encode('髙﨑,ｶﾀｶﾅ,"a, ""b"""\r\n') });
    expect(only(txt)).not.toContain('FILE_NOT_SPEC_FILE');
    const photo = validateFile({ name: 'photo.jpg', bytes: ascii([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF') });
    expect(photo.issues.find((i) => i.code === 'FILE_NOT_SPEC_FILE')).toMatchObject({ params: { type: 'jpegImage' } });
    expect(photo.issues.filter((i) => i.code.startsWith('CSV_') || i.code.startsWith('ENCODING_'))).toEqual([]);
    expect(photo.issues.find((i) => i.code === 'FILE_NOT_SPEC_FILE')!.message).toBe('photo.jpg はJPEG画像です。ケアプランデータ連携のCSVファイル（.CSV）を選んでください');
  });

  it('arbitrary bytes never throw, whole or streamed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 9 }), async (bytes, size) => {
        const whole = validateFiles([{ name: NAME, bytes }]);
        expect(await validateFileStreams([{ name: NAME, chunks: slowly(splitBytes(bytes, size)) }])).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('a first byte that starts no known signature never triggers it', () => {
    // %PDF, PK, OLE D0, PNG 89, GIF G, JPEG FF, UTF-16 FE/FF, MZ, ELF 7F.
    const starts = new Set([0x25, 0x50, 0xd0, 0x89, 0x47, 0xff, 0xfe, 0x4d, 0x7f]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }).filter((b) => !starts.has(b)),
        fc.uint8Array({ maxLength: 100 }),
        (first, rest) => {
          const bytes = Uint8Array.from([first, ...rest]);
          expect(only(validateFiles([{ name: NAME, bytes }]))).not.toContain('FILE_NOT_SPEC_FILE');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('careplan-csv validate', () => {
  it.each([
    ['a PDF', PDF],
    ['an Excel workbook', XLSX],
  ])('%s named as a spec CSV: exactly one issue, FILE_NOT_SPEC_FILE, exit 1', (_, bytes) => {
    const dir = mkdtempSync(join(tmpdir(), 'not-spec-'));
    const file = join(dir, NAME);
    writeFileSync(file, bytes);
    const json = cli(['validate', file, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as ValidationReport;
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['FILE_NOT_SPEC_FILE', 'error']]);
    expect(report.files[0]!.records).toBe(0);
    const text = cli(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[FILE_NOT_SPEC_FILE]');
    expect(text.stdout).not.toMatch(/\[CSV_|\[ENCODING_/);
  });
});
