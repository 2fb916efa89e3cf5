// MS932 (Windows-31J) facts the codec needs beyond what iconv-lite gives: which byte pairs are assigned, which
// are 外字 (user-defined, forbidden by the spec), which are duplicates that Windows never writes (so a rewrite
// would change their bytes), and which characters can be written at all. Computed once from iconv-lite's own
// cp932 table, so the codec and iconv-lite can never disagree.
import iconv from 'iconv-lite';

export const ENCODING = 'cp932';

/** Pair classes in `PAIR_CLASS` (indexed by lead << 8 | trail). */
export const enum Pair {
  Invalid = 0,
  Valid = 1,
  Gaiji = 2,
  NonCanonical = 3,
}

export function isLeadByte(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

/** Single bytes that are characters: ASCII and half-width katakana. 0x80, 0xA0, 0xFD-0xFF are not. */
export function isSingleByteChar(b: number): boolean {
  return b < 0x80 || (b >= 0xa1 && b <= 0xdf);
}

let pairClass: Uint8Array | undefined;
let canonicalOf: Map<number, number> | undefined;

function buildTables(): void {
  const classes = new Uint8Array(0x10000);
  const canonical = new Map<number, number>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isLeadByte(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = iconv.decode(Buffer.from([lead, trail]), ENCODING);
      const code = (lead << 8) | trail;
      if (ch.length !== 1 || ch === '\ufffd') continue;
      const cp = ch.charCodeAt(0);
      if (cp >= 0xe000 && cp <= 0xf8ff) {
        classes[code] = Pair.Gaiji;
        continue;
      }
      const back = iconv.encode(ch, ENCODING);
      const backCode = back.length === 2 ? (back[0]! << 8) | back[1]! : -1;
      if (backCode === code) classes[code] = Pair.Valid;
      else {
        classes[code] = Pair.NonCanonical;
        canonical.set(code, backCode);
      }
    }
  }
  pairClass = classes;
  canonicalOf = canonical;
}

export function pairClassOf(lead: number, trail: number): Pair {
  if (!pairClass) buildTables();
  return pairClass![(lead << 8) | trail] as Pair;
}

/** The byte pair Windows writes for the character of a non-canonical pair. */
export function canonicalPair(lead: number, trail: number): number | undefined {
  if (!canonicalOf) buildTables();
  return canonicalOf!.get((lead << 8) | trail);
}

const encodable = new Map<string, boolean>();

/**
 * Whether MS932 holds this character exactly: encoding then decoding gives it back. iconv-lite writes `?`
 * for what it cannot encode, and maps a few characters (e.g. `¥` → `\`) to another: both are "not encodable".
 */
export function isEncodable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return true;
  // Kana and the common kanji block of a BMP character: look up a flat table (filled on first sight).
  if (ch.length === 1) {
    const known = bmpEncodable[code]!;
    if (known !== 0) return known === 1;
    const ok = slowEncodable(ch);
    bmpEncodable[code] = ok ? 1 : 2;
    return ok;
  }
  return slowEncodable(ch);
}

/** 0 unknown, 1 encodable, 2 not: one byte per BMP code unit. */
const bmpEncodable = new Uint8Array(0x10000);

function slowEncodable(ch: string): boolean {
  let ok = encodable.get(ch);
  if (ok === undefined) {
    const code = ch.codePointAt(0)!;
    ok =
      !(code >= 0xe000 && code <= 0xf8ff) && // 外字 (user-defined area) is forbidden even if encodable
      iconv.decode(iconv.encode(ch, ENCODING), ENCODING) === ch;
    encodable.set(ch, ok);
  }
  return ok;
}

/** Fast test: a string of only ASCII needs no per-character check. */
export function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text);
}

export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
