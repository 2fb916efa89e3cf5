// The whole-input half of the encoding decision. The first 1,024 bytes after the first non-ASCII byte decide
// at once when they are conclusive (see looksLikeUtf8 in byte-decoder.ts); when they are not, MS932 is read
// and the rest of the input is watched, because a UTF-8 file can start with text that is valid in both
// encodings (±, é, ° are 2-byte UTF-8 sequences and also two half-width katakana in MS932) and hold its
// Japanese, written in 3-byte sequences, only later. UTF-8 Japanese read as MS932 is often valid MS932 too
// (あい = E3 81 82 E3 81 84 reads as 「縺ゅ＞」), so invalid MS932 bytes cannot be counted on to show it.
//
// The evidence is conclusive only over the whole input: the input is UTF-8 when all of it is valid UTF-8 and
// it either holds a 3- or 4-byte sequence (real MS932 Japanese text is practically never valid UTF-8 for
// long, while half-width katakana alone is valid 2-byte UTF-8 — hence the need for a 3-byte sequence) or is
// not valid MS932. One invalid UTF-8 byte anywhere keeps it MS932. The state is a few numbers and the
// streaming UTF-8 validator below (the continuation bytes of a cut sequence still needed), so it is the same at every
// chunking and costs nothing once the input has shown it is not UTF-8 — at once, for a real MS932 file.
//
// What is left is truly ambiguous: an input valid in both encodings whose every non-ASCII character is a
// 2-byte UTF-8 sequence (°, ±, é in UTF-8; pairs of half-width katakana such as ﾏｷ = CF B7 in MS932). It is
// read as MS932, the spec's encoding, but never silently: the caller warns (CSV_AMBIGUOUS_ENCODING) and shows
// the first such character both ways. A genuine MS932 file of half-width katakana that happens to be valid
// UTF-8 gets that warning too, by design: its bytes cannot tell. Whether the UTF-8 reading holds characters
// MS932 lacks is no help here: most katakana pairs read as such characters too (ﾏｷ as Ϸ, U+03F7).
import { isLeadByte, isSingleByteChar, Pair, pairClassOf } from './ms932.js';

/** Why the whole input was found to be UTF-8: the first place that showed it. */
export interface Utf8Evidence {
  /** Byte offset (in the input) of the first byte of the evidence. */
  readonly offset: number;
  /** `long`: a 3- or 4-byte UTF-8 sequence (Japanese); `notMs932`: a byte invalid in MS932. */
  readonly kind: 'long' | 'notMs932';
}

/**
 * The input is valid UTF-8 and valid MS932 and its non-ASCII characters are 2-byte UTF-8 sequences only: it
 * reads either way. Where its first non-ASCII character starts, and that character's bytes.
 */
export interface Ambiguity {
  readonly offset: number;
  readonly bytes: readonly number[];
}

/**
 * Well-formed UTF-8, checked byte by byte across chunks without throwing: the same verdict as the platform's
 * fatal `TextDecoder('utf-8')` (the WHATWG UTF-8 decoder: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no sequence cut by the end of the input), but a real MS932 file, which fails it at its first
 * Japanese character, costs no exception (an exception per file was a measurable share of validating many
 * small files). State: the continuation bytes still needed and the range the next one must fall in.
 */
export class Utf8Validator {
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;

  /** The next bytes; false as soon as they are not UTF-8 (the validator must not be fed after that). */
  push(bytes: Uint8Array): boolean {
    let need = this.need;
    let lower = this.lower;
    let upper = this.upper;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const b = bytes[i]!;
      if (need === 0) {
        if (b < 0x80) continue;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0;
          else if (b === 0xed) upper = 0x9f;
          need = 2;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90;
          else if (b === 0xf4) upper = 0x8f;
          need = 3;
        } else return false;
      } else {
        if (b < lower || b > upper) return false;
        lower = 0x80;
        upper = 0xbf;
        need--;
      }
    }
    this.need = need;
    this.lower = lower;
    this.upper = upper;
    return true;
  }

  /** At the end of the input: false when a sequence is cut by it. */
  end(): boolean {
    return this.need === 0;
  }
}

/** Whether bytes are well-formed UTF-8 as a whole (the fatal decoder's verdict, without an exception). */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const v = new Utf8Validator();
  return v.push(bytes) && v.end();
}

/** The first non-ASCII UTF-8 sequence of an input, collected across chunks (at most 4 bytes). */
class FirstSequence {
  offset = -1;
  readonly bytes: number[] = [];
  private need = 0;

  /** The next bytes of a valid UTF-8 input, which start at input offset `offset`. */
  take(bytes: Uint8Array, offset: number): void {
    let i = 0;
    if (this.offset < 0) {
      while (i < bytes.length && bytes[i]! < 0x80) i++;
      if (i === bytes.length) return;
      const lead = bytes[i]!;
      this.offset = offset + i;
      this.need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    }
    for (; i < bytes.length && this.bytes.length < this.need; i++) this.bytes.push(bytes[i]!);
  }
}

/**
 * Running evidence over a stream of bytes (from the first non-ASCII byte on): is all of it valid UTF-8, and
 * where is its first 3- or 4-byte sequence? Whether it is valid MS932 is told by the caller, which scans the
 * MS932 structure anyway (`noteInvalidMs932`).
 */
export class Utf8Watch {
  private valid = true;
  private readonly utf8 = new Utf8Validator();
  private firstLong = -1;
  private firstInvalidMs932 = -1;
  private readonly first = new FirstSequence();
  private verdict: Utf8Evidence | undefined;

  /**
   * `keep`: told each offset the evidence may point at later, when the bytes are gone (the caller keeps its
   * line for the issue it reports at the end).
   */
  constructor(private readonly keep: (offset: number) => void = () => {}) {}

  /** False once a byte was found that is not UTF-8: nothing more needs looking at. */
  get stillUtf8(): boolean {
    return this.valid;
  }

  /** The next bytes, which start at input offset `offset`. */
  push(bytes: Uint8Array, offset: number): void {
    if (!this.valid || bytes.length === 0) return;
    if (!this.utf8.push(bytes)) {
      this.valid = false;
      return;
    }
    const hadFirst = this.first.offset >= 0;
    this.first.take(bytes, offset);
    if (!hadFirst && this.first.offset >= 0) this.keep(this.first.offset);
    if (this.firstLong < 0) {
      // In valid UTF-8 a byte E0 or above can only lead a 3- or 4-byte sequence.
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i]! >= 0xe0) {
          this.firstLong = offset + i;
          this.keep(this.firstLong);
          break;
        }
      }
    }
  }

  /** The MS932 reading of the same bytes found an invalid byte at `offset` (only the first one counts). */
  noteInvalidMs932(offset: number): void {
    if (this.firstInvalidMs932 < 0) {
      this.firstInvalidMs932 = offset;
      this.keep(offset);
    }
  }

  /** At the end of the input: the evidence that it is UTF-8, or undefined when it is not. */
  end(): Utf8Evidence | undefined {
    if (this.valid && !this.utf8.end()) this.valid = false; // a sequence cut by the end of the input is not UTF-8
    if (!this.valid) return undefined;
    const long = this.firstLong;
    const bad = this.firstInvalidMs932;
    if (long < 0 && bad < 0) return undefined;
    this.verdict =
      long >= 0 && (bad < 0 || long <= bad) ? { offset: long, kind: 'long' } : { offset: bad, kind: 'notMs932' };
    return this.verdict;
  }

  /** After end(), when it gave no evidence: whether the input, valid UTF-8 all through, reads either way. */
  ambiguity(): Ambiguity | undefined {
    if (!this.valid || this.verdict || this.first.offset < 0) return undefined;
    return { offset: this.first.offset, bytes: this.first.bytes };
  }
}

/** The verdict on a whole input: UTF-8, or MS932 — and then whether it reads as UTF-8 too. */
export interface WholeVerdict {
  readonly utf8: boolean;
  readonly ambiguity?: Ambiguity;
}

/**
 * The same verdict as Utf8Watch, over a whole input at once (the whole-file reader has every byte): cheap,
 * because a real MS932 file fails the UTF-8 check at its first Japanese character; only an input that is valid UTF-8 is looked at byte by byte.
 */
export function decideWholeInput(bytes: Uint8Array): WholeVerdict {
  let first = 0;
  while (first < bytes.length && bytes[first]! < 0x80) first++;
  if (first === bytes.length) return { utf8: false }; // ASCII only: nothing to decide
  const rest = bytes.subarray(first);
  if (!isWellFormedUtf8(rest)) return { utf8: false };
  // In valid UTF-8 a byte E0 or above can only lead a 3- or 4-byte sequence.
  for (let i = 0; i < rest.length; i++) if (rest[i]! >= 0xe0) return { utf8: true };
  if (!isValidMs932(rest, true)) return { utf8: true };
  // Valid UTF-8 with 2-byte sequences only (a byte C2–DF, then one 80–BF), and valid MS932: either reading.
  return { utf8: false, ambiguity: { offset: first, bytes: [rest[0]!, rest[1]!] } };
}

/** Whether bytes are well-formed MS932 (with `isWholeRest` false, a lead byte cut by their end is allowed). */
export function isValidMs932(bytes: Uint8Array, isWholeRest: boolean): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isSingleByteChar(b)) continue;
    if (!isLeadByte(b)) return false;
    if (i + 1 === bytes.length) return !isWholeRest;
    if (pairClassOf(b, bytes[++i]!) === Pair.Invalid) return false;
  }
  return true;
}
