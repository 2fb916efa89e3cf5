// What a clerk picks by mistake is told apart from spec files by its name and first bytes, before anything parses
// it (src/codec/sniff.ts), and the reason is said in plain words (src/messages/refusals.ts). The page refuses
// such files with one message per pick.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffFileType } from '../src/codec/sniff.js';
import { refusalReason } from '../src/messages/refusals.js';
import { sjis } from './support/encodings.js';
import { ROOT } from './support/paths.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** The first bytes of an .xlsx: a ZIP whose first entry is [Content_Types].xml (its name at byte 30). */
const XLSX_HEAD = bytes('PK\x03\x04', [20, 0, 6, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 0, 0], '[Content_Types].xml');

describe('sniffFileType', () => {
  it('takes every bundled sample CSV (MS932, and the broken one in UTF-8) as a spec file', () => {
    const names = readdirSync(join(ROOT, 'samples'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.csv$/i.test(f));
    for (const name of names) {
      const head = readFileSync(join(ROOT, 'samples', name)).subarray(0, SNIFF_BYTES);
      expect(sniffFileType(name, head), name).toEqual({ spec: true, type: 'csv' });
    }
    expect(names.length).toBeGreaterThan(40);
  });

  it('takes any CSV text under a .CSV / .csv name, and a JPEG under .jpg / .jpeg / .JPG', () => {
    const text = sjis('1,"髙﨑 ｶﾀｶﾅ","自由記述, ""引用"" 改行\r\nあり"\r\n');
    expect(sniffFileType('UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV', text)).toEqual({ spec: true, type: 'csv' });
    expect(sniffFileType('folder/upplan.csv', bytes([0xef, 0xbb, 0xbf], '1,2'))).toEqual({ spec: true, type: 'csv' });
    expect(sniffFileType('empty.CSV', new Uint8Array())).toEqual({ spec: true, type: 'csv' });
    for (const name of ['家族構成図.jpg', 'a.jpeg', 'B.JPG']) expect(sniffFileType(name, bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ spec: true, type: 'jpeg' });
    // A .jpg that is no known format is the validator's to report (it is not a JPEG): not refused here.
    expect(sniffFileType('図.jpg', bytes('not an image'))).toEqual({ spec: true, type: 'jpeg' });
  });

  it('refuses other formats by their bytes, whatever their name', () => {
    const cases: [string, Uint8Array, string][] = [
      ['見積書.pdf', bytes('%PDF-1.7\n'), 'pdf'],
      ['UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV', XLSX_HEAD, 'office'],
      ['利用票.xlsx', XLSX_HEAD, 'office'],
      ['送付.zip', bytes('PK\x03\x04', new Array(26).fill(0), 'UPPLAN.CSV'), 'zip'],
      ['空.zip', bytes('PK\x05\x06'), 'zip'],
      ['旧.xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'oldOffice'],
      ['old.CSV', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'oldOffice'],
      ['図.jpg', bytes([0x89], 'PNG\r\n\x1a\n'), 'png'],
      ['図.gif', bytes('GIF89a'), 'gif'],
      ['写真.CSV', bytes([0xff, 0xd8, 0xff, 0xe1]), 'jpegImage'],
      ['unicode.CSV', bytes([0xff, 0xfe, 0x31, 0x00]), 'utf16'],
      ['unicode-be.csv', bytes([0xfe, 0xff, 0x00, 0x31]), 'utf16'],
      ['setup.exe', bytes('MZ\x90\x00'), 'executable'],
      ['tool.CSV', bytes('\x7fELF'), 'executable'],
    ];
    for (const [name, head, type] of cases) expect(sniffFileType(name, head), name).toEqual({ spec: false, type });
  });

  it('refuses a file not named as a spec file, whatever it holds', () => {
    expect(sniffFileType('notes.txt', sjis('1,2,3\r\n'))).toEqual({ spec: false, type: 'otherName' });
    expect(sniffFileType('README', bytes('text'))).toEqual({ spec: false, type: 'otherName' });
    expect(sniffFileType('UPPLAN.CSV.bak', bytes('1,2'))).toEqual({ spec: false, type: 'otherName' });
  });
});

describe('refusalReason', () => {
  it('says what the file is and what to choose instead, in Japanese and English', () => {
    expect(refusalReason('見積書.pdf', 'pdf')).toEqual({
      ja: '見積書.pdf はPDFファイルです。ケアプランデータ連携のCSVファイル（.CSV）を選んでください',
      en: '見積書.pdf is a PDF file: choose the CSV files of the care-plan data exchange (.CSV).',
    });
    expect(refusalReason('notes.txt', 'otherName').ja).toBe('notes.txt は拡張子が .txt のファイルです。ケアプランデータ連携のCSVファイル（.CSV）を選んでください');
    expect(refusalReason('README', 'otherName').en).toContain('a file without an extension');
    // A stream read without a name (careplan-csv inspect - without --name).
    expect(refusalReason('', 'pdf')).toEqual({
      ja: 'このファイルはPDFファイルです。ケアプランデータ連携のCSVファイル（.CSV）を選んでください',
      en: 'This file is a PDF file: choose the CSV files of the care-plan data exchange (.CSV).',
    });
  });

  it('tells how to save an Excel workbook named 〜.CSV as CSV', () => {
    const r = refusalReason('UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV', 'office');
    expect(r.ja).toContain('Excelブック');
    expect(r.ja).toContain('名前は仕様のファイルですが、中身が違います');
    expect(r.ja).toContain('「CSV (コンマ区切り)」');
    expect(r.en).toContain('Save As');
    expect(refusalReason('unicode.CSV', 'utf16').ja).toContain('名前を付けて保存');
  });

  it('asks for a JPEG for a family diagram in another picture format', () => {
    expect(refusalReason('図.png', 'png').ja).toBe('図.png はPNG画像です。家族構成図はJPEG（.jpg）で保存してください');
  });
});
