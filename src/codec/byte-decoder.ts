// Bytes → text, chunk by chunk, with every encoding problem reported at its byte offset. The whole-file
// reader and the streaming reader both use this one decoder, so they report the same problems; a two-byte
// character split across chunks is carried over (the streaming TextDecoder and `pendingLead`).
import { type Issue } from '../issues.js';
import type { IssueSink } from '../issue-sink.js';
import { issue, type AnyIssueDraft } from '../rules/draft.js';
import { decideWholeInput, isValidMs932, isWellFormedUtf8, Utf8Watch, type Ambiguity, type Utf8Evidence } from './encoding-evidence.js';
import { LineCounter } from './line-counter.js';
import { canonicalPair, codePointLabel, hex, isLeadByte, isSingleByteChar, ms932Decoder, Pair, pairClassOf } from './ms932.js';

/** Bytes after the first non-ASCII byte that decide at once for UTF-8 when they are conclusive (looksLikeUtf8). */
const SNIFF_WINDOW = 1024;
export interface DecoderOptions {
  /** Where the file's issues go (shared with the rows: caps per code, so a binary file cannot flood the report). */
  readonly sink: IssueSink;
  /** Decode UTF-8 input anyway (after reporting it) so the rest of the file can be checked. */
  readonly lenient?: boolean;
}

export interface Decoded {
  readonly text: string;
  readonly issues: Issue[];
}

export type DetectedEncoding = 'ms932' | 'utf8' | undefined;

export class ByteDecoder {
  private offset = 0;
  /** The line of each offset, so that every problem is reported with its line as well. */
  private readonly lines = new LineCounter();
  private phase: 'start' | 'ascii' | 'sniff' | 'ms932' | 'utf8' | 'refused' = 'start';
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private pendingLead = -1;
  private readonly ms932 = ms932Decoder();
  private readonly utf8 = new TextDecoder('utf-8');
  private issues: Issue[] = [];
  /** The input started with a UTF-8 BOM (reported once the encoding is decided). */
  private bom = false;
  /** Set by decideOnWhole: the verdict of the whole input, known before its first byte is decoded. */
  private wholeIsUtf8: boolean | undefined;
  /** Set by decideOnWhole: the whole input is MS932 but valid UTF-8 too (reported at the end, as a stream does). */
  private wholeAmbiguity: Ambiguity | undefined;
  /** While MS932 is read on a guess, the evidence that the whole input is UTF-8 after all (see Utf8Watch). */
  private watch: Utf8Watch | undefined;

  constructor(private readonly options: DecoderOptions) {}

  /** The encoding decided so far: `utf8` when the input was found to be UTF-8. */
  get encoding(): DetectedEncoding {
    if (this.phase === 'ms932') return 'ms932';
    if (this.phase === 'utf8' || this.phase === 'refused') return 'utf8';
    return undefined;
  }

  /** True once UTF-8 input was refused (not lenient): no more text will come. */
  get refused(): boolean {
    return this.phase === 'refused';
  }

  /**
   * Tell the decoder the whole input before the first push (the whole-file reader has it): then the input is
   * UTF-8 when either its first 1,024 bytes after the first non-ASCII byte or the whole of it say so, and it is
   * decided at the start — where a stream can only tell at its end (CSV_NOT_MS932_LATE).
   */
  decideOnWhole(bytes: Uint8Array): void {
    // Decided on the bytes after a BOM: the BOM's own bytes are UTF-8 whatever follows them.
    const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let verdict = decideWholeInput(skip ? bytes.subarray(skip) : bytes);
    // Text valid in both encodings (2-byte UTF-8 sequences only: é, °) after a BOM is UTF-8: the BOM says so
    // (Excel's "CSV UTF-8" always writes one), as a stream decides on its first bytes (looksLikeUtf8).
    if (skip && verdict.ambiguity) verdict = { utf8: true };
    this.wholeIsUtf8 = verdict.utf8;
    this.wholeAmbiguity = verdict.ambiguity && skip ? { ...verdict.ambiguity, offset: verdict.ambiguity.offset + skip } : verdict.ambiguity;
    this.lines.holdsWhole();
    if (this.wholeAmbiguity) this.lines.keep(this.wholeAmbiguity.offset);
  }

  push(chunk: Uint8Array): Decoded {
    const text = this.consume(chunk, false);
    return this.take(text);
  }

  end(): Decoded {
    let text = this.consume(new Uint8Array(0), true);
    if (this.phase === 'ms932') {
      text += this.ms932.end(this.pendingLead >= 0);
      if (this.pendingLead >= 0) {
        this.invalid(this.offset - 1, [this.pendingLead], true);
        this.pendingLead = -1;
      }
      const evidence = this.watch?.end();
      const ambiguity = this.wholeAmbiguity ?? this.watch?.ambiguity();
      this.watch = undefined;
      if (evidence) this.reportLateUtf8(evidence);
      else if (ambiguity) this.reportAmbiguous(ambiguity);
    } else if (this.phase === 'utf8') text += this.utf8.decode();
    return this.take(text);
  }

  private take(text: string): Decoded {
    const issues = this.issues;
    this.issues = [];
    return { text, issues };
  }

  private consume(chunk: Uint8Array, atEnd: boolean): string {
    let out = '';
    let bytes = chunk;
    if (this.phase === 'start') {
      // Hold the first bytes until a BOM can be told from text.
      this.hold(bytes);
      if (this.pendingLength < 3 && !atEnd) return this.keepHeld('');
      bytes = this.release();
      // A BOM is reported with the encoding it turns out to be in: counted under CSV_NOT_MS932 when the rest is
      // UTF-8 (one cause, one issue), CSV_BOM of its own when the rest is MS932 (see `decided`).
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.bom = true;
        // Its issue comes once the encoding is decided, lines later in a stream: its line (1) is kept now.
        this.lines.keep(0);
        this.lines.next(bytes.subarray(0, 3));
        this.offset = 3;
        bytes = bytes.subarray(3);
      }
      this.phase = 'ascii';
    }
    if (this.phase === 'ascii') {
      const firstHigh = bytes.findIndex((b) => b >= 0x80);
      const asciiEnd = firstHigh < 0 ? bytes.length : firstHigh;
      out += latin1(bytes.subarray(0, asciiEnd));
      this.lines.next(bytes.subarray(0, asciiEnd));
      this.offset += asciiEnd;
      bytes = bytes.subarray(asciiEnd);
      if (firstHigh < 0 && !atEnd) return out;
      this.phase = 'sniff';
    }
    if (this.phase === 'sniff') {
      this.hold(bytes);
      // Decided on the same bytes whatever the chunks: the window once it is full, else the whole rest at the end.
      if (this.pendingLength < SNIFF_WINDOW && !atEnd) return this.keepHeld(out);
      bytes = this.release();
      if (this.pendingLength === 0 && bytes.length === 0) {
        this.decideMs932();
        return out;
      }
      if (this.wholeIsUtf8 === true || looksLikeUtf8(bytes.subarray(0, SNIFF_WINDOW), atEnd && bytes.length <= SNIFF_WINDOW, this.bom)) {
        this.decideUtf8(this.bom ? 0 : this.offset);
      } else {
        this.decideMs932();
        // A guess unless the whole input was seen: keep watching for the evidence that it is UTF-8 after all.
        if (this.wholeIsUtf8 === undefined) this.watch = new Utf8Watch((offset) => this.lines.keep(offset));
      }
    }
    if (this.phase === 'ms932') {
      this.lines.next(bytes);
      if (this.watch) {
        this.watch.push(bytes, this.offset);
        if (!this.watch.stillUtf8) this.watch = undefined;
      }
      this.scan(bytes);
      out += this.ms932.write(bytes);
    } else if (this.phase === 'utf8') {
      out += this.utf8.decode(bytes, { stream: !atEnd });
      this.lines.next(bytes);
      this.offset += bytes.length;
    } else if (this.phase === 'refused') {
      this.lines.next(bytes);
      this.offset += bytes.length;
    }
    return out;
  }

  private decideUtf8(offset: number): void {
    const lenient = this.options.lenient === true;
    if (this.bom) this.options.sink.absorb('CSV_NOT_MS932', 'CSV_BOM');
    this.report(issue('CSV_NOT_MS932', this.bom ? { offset, lenient, bom: true } : { offset, lenient }, { offset }));
    this.phase = lenient ? 'utf8' : 'refused';
  }

  /** The input is MS932: a BOM before it is a problem of its own. */
  private decideMs932(): void {
    this.phase = 'ms932';
    if (this.bom) this.report(issue('CSV_BOM', {}, { offset: 0, value: hex([0xef, 0xbb, 0xbf]) }));
  }

  /** Into the file's sink; kept issues come out with the text of the same push. */
  private report(draft: AnyIssueDraft): void {
    const offset = draft.where?.offset;
    const located = offset === undefined ? draft : { ...draft, where: { ...draft.where, line: this.lines.lineAt(offset) } };
    if (this.options.sink.add(located)) this.issues.push(...this.options.sink.drain());
  }

  /**
   * The stream was read as MS932 on the guess of its first bytes, and its end shows that all of it is UTF-8.
   * The records already given cannot be taken back: the issue says that their text may be garbled.
   */
  private reportLateUtf8(evidence: Utf8Evidence): void {
    this.report(issue('CSV_NOT_MS932_LATE', { offset: evidence.offset, long: evidence.kind === 'long' }, { offset: evidence.offset }));
  }

  /**
   * The whole input, read as MS932, is valid UTF-8 too, holding 2-byte sequences only (°, ±, é in UTF-8; ﾂｰ,
   * ﾂｱ, ﾃｩ in MS932). Its bytes cannot tell which was meant — a genuine MS932 file of half-width katakana such
   * as ﾏｷ (CF B7) gets this warning too — so MS932 is kept, as the spec says, and the user is shown the first
   * such character both ways. Reported at the end by both readers, so they give the same issues.
   */
  private reportAmbiguous({ offset, bytes }: Ambiguity): void {
    const raw = new Uint8Array(bytes);
    const asMs932 = new TextDecoder('shift_jis').decode(raw);
    const asUtf8 = new TextDecoder('utf-8').decode(raw);
    const v = hex([...bytes]);
    this.report(issue('CSV_AMBIGUOUS_ENCODING', { offset, bytes: v, asMs932, asUtf8, codePoint: codePointLabel(asUtf8) }, { offset, value: v }));
  }

  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
  }

  /**
   * The bytes just held stay held past this push: a stream's source may reuse a chunk's memory once the next chunk
   * is asked for, so a stream keeps a copy (of the first bytes only, short of the sniff window); the whole-file
   * reader's input stays put. Bytes held and released in the same push are not copied.
   */
  private keepHeld(text: string): string {
    const last = this.pending.length - 1;
    if (this.wholeIsUtf8 === undefined && last >= 0) this.pending[last] = this.pending[last]!.slice();
    return text;
  }

  private release(): Uint8Array {
    const all = this.pending.length === 1 ? this.pending[0]! : concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    return all;
  }

  /** Check MS932 structure byte by byte; only non-ASCII bytes cost anything. */
  private scan(bytes: Uint8Array): void {
    const n = bytes.length;
    // The bytes four at a time where they are aligned (a view of the same memory, no copy): a word with no high
    // bit set is four ASCII bytes, passed at once.
    const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
    const words = n - head >= 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >>> 2) : NO_WORDS;
    const wordsEnd = head + words.length * 4;
    for (let i = 0; i < n; i++) {
      // A run of ASCII bytes (most of a file) in a tight loop: nothing to check there.
      if (this.pendingLead < 0) {
        while (i < n && bytes[i]! < 0x80) {
          i++;
          if (i >= head && (i & 3) === (head & 3)) {
            // Aligned: whole words while they are ASCII, then byte by byte again.
            let w = (i - head) >>> 2;
            while (i < wordsEnd && (words[w]! & 0x80808080) === 0) {
              w++;
              i += 4;
            }
          }
        }
        if (i >= n) break;
      }
      const b = bytes[i]!;
      const at = this.offset + i;
      if (this.pendingLead >= 0) {
        const lead = this.pendingLead;
        this.pendingLead = -1;
        if ((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfc)) {
          const cls = pairClassOf(lead, b);
          if (cls !== Pair.Valid) this.reportPair(cls, at - 1, lead, b);
          continue;
        }
        this.invalid(at - 1, [lead]);
        // fall through: this byte starts afresh
      }
      if (b < 0x80) continue;
      if (isLeadByte(b)) this.pendingLead = b;
      else if (!isSingleByteChar(b)) this.invalid(at, [b]);
    }
    this.offset += bytes.length;
  }

  private reportPair(cls: Pair, offset: number, lead: number, trail: number): void {
    if (cls === Pair.Gaiji) {
      const v = hex([lead, trail]);
      this.report(issue('CSV_GAIJI', { offset, bytes: v }, { offset, value: v }));
    } else if (cls === Pair.NonCanonical) {
      const c = canonicalPair(lead, trail)!;
      const v = hex([lead, trail]);
      this.report(issue('CSV_NONCANONICAL_MS932', { offset, bytes: v, canonical: hex([c >> 8, c & 0xff]) }, { offset, value: v }));
    } else this.invalid(offset, [lead, trail]);
  }

  private invalid(offset: number, bytes: number[], atEnd = false): void {
    this.watch?.noteInvalidMs932(offset);
    const v = hex(bytes);
    this.report(issue('CSV_INVALID_BYTES', { offset, bytes: v, atEnd }, { offset, value: v }));
  }
}

const ASCII = new TextDecoder('latin1');
const NO_WORDS = new Uint32Array(0);

function latin1(bytes: Uint8Array): string {
  // Only bytes below 0x80 come here: every single-byte decoder reads them the same. A short run is cheaper to
  // convert here than to hand to the platform decoder.
  return bytes.length <= 1024 ? String.fromCharCode(...bytes) : ASCII.decode(bytes);
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * Whether a window that starts at a non-ASCII byte is UTF-8 (ignoring a sequence cut by the window's end).
 *
 * Valid UTF-8 is not enough: two half-width katakana in MS932 (ﾏｷ = CF B7, ﾃｽ, ﾅｵ…: a byte C2–DF then one
 * A1–BF) are also a 2-byte UTF-8 sequence, and a kana name is often the first non-ASCII text of a file.
 * Japanese in UTF-8 is written in 3-byte sequences (E3 81 82 = あ), so the rule is: the window is UTF-8 when it
 * is valid UTF-8 and either holds a 3- or 4-byte sequence or is not valid MS932. Bytes valid in both that
 * carry only 2-byte sequences (Latin-1 letters, Greek, Cyrillic in UTF-8; half-width katakana in MS932) are
 * not conclusive: they are read as MS932, the spec's encoding, unless a BOM came before them or the whole input
 * shows that it is UTF-8 (encoding-evidence.ts) — known at once to the whole-file reader, at the end to a stream.
 */
function looksLikeUtf8(window: Uint8Array, isWholeRest: boolean, afterBom: boolean): boolean {
  let end = window.length;
  if (!isWholeRest) {
    // Drop a multi-byte sequence cut off by the window.
    for (let back = 1; back <= 3 && back <= end; back++) {
      const b = window[end - back]!;
      if ((b & 0xc0) === 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (need > back) end -= back;
        break;
      }
      if ((b & 0xc0) !== 0x80) break;
    }
  }
  if (end === 0) return false;
  const bytes = window.subarray(0, end);
  if (!isWellFormedUtf8(bytes)) return false;
  // After a BOM, well-formed UTF-8 is UTF-8: the BOM tells what the bytes alone cannot (decideOnWhole agrees).
  if (afterBom) return true;
  // In valid UTF-8 a byte E0 or above can only lead a 3- or 4-byte sequence.
  if (bytes.some((b) => b >= 0xe0)) return true;
  return !isValidMs932(window, isWholeRest);
}
