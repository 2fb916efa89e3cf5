// What a file is, from its name and its first bytes, before anything parses it: a spec file (a CSV by its
// .CSV name, a family diagram by its .jpg / .jpeg name) or something else a clerk picked by mistake — a PDF,
// an Excel workbook (also one saved under a .CSV name, a real case), a picture, a program, a .txt. Reading
// such a file as CSV gives pages of meaningless issues ("LF line ends"); saying once what it is helps more.
// Only signatures that no spec file can start with are trusted: a CSV's first bytes are text, and a
// family diagram's are a JPEG signature (checked by the validator, which reports a .jpg that is not one).

/** Bytes sniffFileType looks at: enough for every signature and the first name inside a ZIP. */
export const SNIFF_BYTES = 64;

/** What a file is. `csv` and `jpeg` are spec files (their content is the validator's business). */
export type SniffedType =
  | 'csv'
  | 'jpeg'
  | 'pdf'
  /** A ZIP of an Office document (xlsx, docx …: its first entry is [Content_Types].xml or a part of one). */
  | 'office'
  | 'zip'
  /** An Excel 97-2003 workbook (.xls) or another old Office file (an OLE compound file). */
  | 'oldOffice'
  | 'png'
  | 'gif'
  /** A JPEG under another name than .jpg / .jpeg (a photo named 〜.CSV). */
  | 'jpegImage'
  /** Text in UTF-16 with its byte-order mark: Excel's "Unicode text". */
  | 'utf16'
  | 'executable'
  /** None of the above, and not named as a spec file (.txt, .xlsx without its bytes at hand …). */
  | 'otherName';

/** What a refused file is: anything but a spec file. */
export type RefusedType = Exclude<SniffedType, 'csv' | 'jpeg'>;

/** Whether a file is one to validate (a spec file by its name, and no other format by its bytes), and what it is. */
export type Sniffed = { readonly spec: true; readonly type: 'csv' | 'jpeg' } | { readonly spec: false; readonly type: RefusedType };

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The first entry of a ZIP names an Office document's parts (its local header's name starts at byte 30). */
function isOfficeZip(bytes: Uint8Array): boolean {
  return ['[Content_Types].xml', 'docProps/', 'xl/', 'word/', 'ppt/', '_rels/'].some((name) => ascii(bytes, 30, name));
}

/** The format the first bytes show, when they show one no spec CSV can start with. */
function byBytes(bytes: Uint8Array): Exclude<SniffedType, 'csv' | 'jpegImage' | 'otherName'> | undefined {
  if (ascii(bytes, 0, '%PDF-')) return 'pdf';
  if (ascii(bytes, 0, 'PK\x03\x04')) return isOfficeZip(bytes) ? 'office' : 'zip';
  if (ascii(bytes, 0, 'PK\x05\x06')) return 'zip'; // an empty ZIP
  if (startsWith(bytes, OLE)) return 'oldOffice';
  if (startsWith(bytes, PNG)) return 'png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  if (ascii(bytes, 0, 'MZ') || ascii(bytes, 0, '\x7fELF')) return 'executable';
  return undefined;
}

/**
 * What a file is, from its name (the last segment of a path is enough) and its first bytes (SNIFF_BYTES of
 * them, or all of a shorter file). A spec name with other bytes is not a spec file: an Excel workbook saved
 * as 〜.CSV is `office`, a PNG named 〜.jpg is `png`. Two bytes decide a few formats (MZ, UTF-16's marks):
 * no spec CSV starts with them (0xFF and 0xFE are no MS932 or UTF-8 lead bytes; no record or header starts "MZ").
 */
export function sniffFileType(name: string, bytes: Uint8Array): Sniffed {
  const lower = name.toLowerCase();
  const named = lower.endsWith('.csv') ? 'csv' : /\.jpe?g$/.test(lower) ? 'jpeg' : undefined;
  const shown = byBytes(bytes);
  // A .jpg's bytes that are not a JPEG and not another known format are the validator's to report.
  if (named && (shown === undefined || shown === named)) return { spec: true, type: named };
  if (shown === 'jpeg') return { spec: false, type: 'jpegImage' };
  return { spec: false, type: shown ?? 'otherName' };
}
