import { expectString } from '../arguments.js';
// MS932 (Windows-31J) without Node's Buffer, so the codec runs in browsers too. Decoding is the platform's
// TextDecoder('shift_jis') (the WHATWG Shift_JIS decoder is Windows-31J, built into browsers and Node);
// encoding and the facts the reader needs — which byte pairs are assigned, which are 外字 (forbidden by the
// spec), which are duplicates Windows never writes, which characters can be written at all — come from one
// table made from that same decoder, so reading and writing can never disagree. A test checks the table
// against iconv-lite's cp932 for every byte pair and every BMP character.

/** Pair classes (indexed by lead << 8 | trail). */
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

/**
 * Node's Shift_JIS decoder (ICU) reads three control bytes as others — 0x1A as U+001C, 0x1C as U+007F, 0x7F as
 * U+001A, an IBM convention — where browsers read every ASCII byte as itself. The encoder writes ASCII as it is,
 * so without undoing this a DEL would read back as SUB and messages would name the wrong character. Asked of
 * the platform once, so a decoder without the swap pays nothing.
 */
const CONTROL_SWAPS: ReadonlyMap<string, string> | undefined = (() => {
  const probe = [0x1a, 0x1c, 0x7f];
  const read = [...new TextDecoder('shift_jis').decode(Uint8Array.from(probe))];
  if (read.join('') === String.fromCharCode(...probe)) return undefined;
  return new Map(read.map((ch, i) => [ch, String.fromCharCode(probe[i]!)]));
})();
const SWAPPED = CONTROL_SWAPS && new RegExp(`[${[...CONTROL_SWAPS.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** The decoder's text with every ASCII byte read as itself (see CONTROL_SWAPS). */
function asciiAsItself(text: string): string {
  if (!SWAPPED) return text;
  SWAPPED.lastIndex = 0;
  return SWAPPED.test(text) ? text.replace(SWAPPED, (ch) => CONTROL_SWAPS!.get(ch)!) : text;
}

/** Decoders whose stream has ended, for reuse: opening one costs more than decoding a small file. */
const idle: InstanceType<typeof TextDecoder>[] = [];

/** A streaming MS932 decoder: a character split across chunks is carried over. */
export function ms932Decoder(): { write(bytes: Uint8Array): string; end(pending: boolean): string } {
  const decoder = idle.pop() ?? new TextDecoder('shift_jis');
  return {
    write: (bytes) => asciiAsItself(decoder.decode(bytes, { stream: true })),
    /** `pending`: a lead byte may be waiting for its trail; without one there is nothing to flush. */
    end: (pending) => {
      const rest = pending ? asciiAsItself(decoder.decode()) : ''; // a flush leaves the decoder as new
      if (idle.length < 8) idle.push(decoder);
      return rest;
    },
  };
}

interface Tables {
  /** Class of every byte pair. */
  readonly pairs: Uint8Array;
  /** For a non-canonical pair, the pair Windows writes for its character. */
  readonly canonical: Map<number, number>;
  /** BMP code unit → its MS932 bytes (1 byte: < 0x100; 2 bytes: lead << 8 | trail); 0: not writable. */
  readonly encode: Uint16Array;
}

let tables: Tables | undefined;

/** NEC-selected IBM extensions (ED40-EEFC): Windows writes the same characters as IBM extensions (FA-FC). */
const isNecSelected = (lead: number) => lead === 0xed || lead === 0xee;

function buildTables(): Tables {
  // Built on the first file with a two-byte character, so in a command's cold start: plain loops over typed
  // arrays (no per-pair closure, no array of 11,280 one-character strings) keep it to a few milliseconds.
  const pairs = new Uint8Array(0x10000);
  const canonical = new Map<number, number>();
  const encode = new Uint16Array(0x10000);
  for (let b = 1; b < 0x80; b++) encode[b] = b;
  for (let b = 0xa1; b <= 0xdf; b++) encode[0xff61 + b - 0xa1] = b; // half-width katakana
  // Every pair, each followed by a line feed (never a trail byte), decoded in one call.
  const codes = new Uint16Array(60 * 188); // 60 lead bytes × 188 trail bytes (0x40-0xFC without 0x7F)
  let count = 0;
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isLeadByte(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) codes[count++] = (lead << 8) | trail;
  }
  const bytes = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    bytes[i * 3] = codes[i]! >> 8;
    bytes[i * 3 + 1] = codes[i]! & 0xff;
    bytes[i * 3 + 2] = 0x0a;
  }
  const decoded = new TextDecoder('shift_jis').decode(bytes);
  // The character of each pair: the text between line feeds when it is one code unit other than U+FFFD, else -1.
  const chars = new Int32Array(count);
  for (let i = 0, at = 0; i < count; i++) {
    const cp = decoded.charCodeAt(at);
    if (decoded.charCodeAt(at + 1) === 0x0a) {
      chars[i] = cp === 0xfffd ? -1 : cp;
      at += 2;
    } else {
      chars[i] = -1; // U+FFFD and the trail byte read again as ASCII
      while (decoded.charCodeAt(at) !== 0x0a) at++;
      at++;
    }
  }
  // Byte order is the order of the WHATWG index: the first pair of a character is the one Windows writes,
  // except the NEC-selected IBM extensions, which Windows writes as the IBM extensions.
  for (const nec of [false, true]) {
    for (let i = 0; i < count; i++) {
      const code = codes[i]!;
      const cp = chars[i]!;
      if (cp < 0 || isNecSelected(code >> 8) !== nec) continue;
      if (cp >= 0xe000 && cp <= 0xf8ff) {
        pairs[code] = Pair.Gaiji;
      } else if (encode[cp] === 0) {
        encode[cp] = code;
        pairs[code] = Pair.Valid;
      } else {
        pairs[code] = Pair.NonCanonical;
        canonical.set(code, encode[cp]!);
      }
    }
  }
  return { pairs, canonical, encode };
}

function tablesOf(): Tables {
  return (tables ??= buildTables());
}

export function pairClassOf(lead: number, trail: number): Pair {
  return tablesOf().pairs[(lead << 8) | trail] as Pair;
}

/** The byte pair Windows writes for the character of a non-canonical pair. */
export function canonicalPair(lead: number, trail: number): number | undefined {
  return tablesOf().canonical.get((lead << 8) | trail);
}

/**
 * Whether MS932 holds this character exactly, so that writing then reading gives it back. Characters that a
 * lossy encoder would map to another (`¥` → `\`, `−` → `－`), characters outside the BMP (`𠮷`) and 外字
 * (the user-defined area) are not.
 */
export function isEncodable(ch: string): boolean {
  expectString('isEncodable', 'ch', ch);
  const code = ch.charCodeAt(0);
  if (code < 0x80) return true;
  return ch.length === 1 && tablesOf().encode[code] !== 0;
}

/** MS932 bytes of a text whose every character isEncodable (the writer checks it first). */
export function encodeMs932(text: string): Uint8Array {
  const table = tablesOf().encode;
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const b = table[c]!;
    if (b === 0) throw new Error(`encodeMs932: U+${c.toString(16)} is not writable (a bug: the writer checks first)`);
    if (b < 0x100) out[n++] = b;
    else {
      out[n++] = b >> 8;
      out[n++] = b & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Fast test: a string of only ASCII needs no per-character check. */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
