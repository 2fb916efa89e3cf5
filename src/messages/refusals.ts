// Why a file is not read as a spec file (src/codec/sniff.ts decides): what it is, and what to pick instead,
// in plain words for the person who picked it. One wording for everyone: the page's refusal of a pick and the
// library's FILE_NOT_SPEC_FILE issue (its ja / en messages are these sentences) say the same.
import type { RefusedType as Refused } from '../codec/sniff.js';

const CHOOSE_CSV = {
  ja: 'ケアプランデータ連携のCSVファイル（.CSV）を選んでください',
  en: 'choose the CSV files of the care-plan data exchange (.CSV)',
};
const SAVE_AS_CSV = {
  ja: 'Excelで開き、「名前を付けて保存」で「CSV (コンマ区切り)」を選んで保存し直してください',
  en: 'open it in Excel and save it again with "Save As", choosing "CSV (Comma delimited)"',
};

const WHAT: Record<Exclude<Refused, 'otherName'>, { ja: string; en: string }> = {
  pdf: { ja: 'PDFファイル', en: 'a PDF file' },
  office: { ja: 'Excelブック（.xlsx）などのOffice文書', en: 'an Office document such as an Excel workbook (.xlsx)' },
  zip: { ja: 'ZIP圧縮ファイル', en: 'a ZIP archive' },
  oldOffice: { ja: 'Excel 97-2003 ブック（.xls）などの古い形式のOffice文書', en: 'an old-format Office document such as an Excel 97-2003 workbook (.xls)' },
  png: { ja: 'PNG画像', en: 'a PNG image' },
  gif: { ja: 'GIF画像', en: 'a GIF image' },
  jpegImage: { ja: 'JPEG画像', en: 'a JPEG image' },
  utf16: { ja: 'UTF-16のテキスト（Excelの「Unicode テキスト」）', en: 'UTF-16 text (Excel\'s "Unicode Text")' },
  executable: { ja: 'プログラム（実行ファイル）', en: 'a program (an executable file)' },
};

/** What to do instead, by what the file is and what its name claims. */
function advice(type: Refused, name: string): { ja: string; en: string } {
  const claimsCsv = /\.csv$/i.test(name);
  if (type === 'office' || type === 'oldOffice' || type === 'utf16') return SAVE_AS_CSV;
  if ((type === 'png' || type === 'gif') && !claimsCsv) {
    return { ja: '家族構成図はJPEG（.jpg）で保存してください', en: 'save a family diagram as a JPEG (.jpg)' };
  }
  if (type === 'zip') return { ja: '展開して、中のCSVファイル（.CSV）を選んでください', en: 'extract it and choose the CSV files inside (.CSV)' };
  return CHOOSE_CSV;
}

/** A name's extension (".txt"), or '' (a folder's file is named by its folder-relative path). */
const extension = (name: string): string => /\.[^./]*$/.exec(name)?.[0] ?? '';

/**
 * Why a file is refused, as one sentence per language: 「見積書.pdf はPDFファイルです。ケアプランデータ連携の
 * CSVファイル（.CSV）を選んでください」.
 */
export function refusalReason(name: string, type: Refused): { ja: string; en: string } {
  const ext = extension(name);
  const what =
    type === 'otherName'
      ? ext
        ? { ja: `拡張子が ${ext} のファイル`, en: `a ${ext} file` }
        : { ja: '拡張子のないファイル', en: 'a file without an extension' }
      : WHAT[type];
  const todo = advice(type, name);
  // A JPEG named .jpg is what its name says (the validator refuses it only when it is not where a CSV was expected).
  const claims = /\.csv$/i.test(name) || (/\.jpe?g$/i.test(name) && type !== 'jpegImage');
  const misnamed = type !== 'otherName' && claims ? { ja: '（名前は仕様のファイルですが、中身が違います）', en: ' (named as a spec file, but its content is not)' } : { ja: '', en: '' };
  // A stream read without a name (inspect - without --name) is 'this file'.
  return {
    ja: `${name ? `${name} ` : 'このファイル'}は${what.ja}です${misnamed.ja}。${todo.ja}`,
    en: `${name || 'This file'} is ${what.en}${misnamed.en}: ${todo.en}.`,
  };
}
