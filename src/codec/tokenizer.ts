// A tokenizer for the spec's CSV dialect (comma, double quote, CRLF; RFC 4180 quoting), incremental over
// text chunks. It replaced csv-parse in the reader after measurement (docs/performance.md): the reader
// needs, for every record, its physical line, which fields were quoted and how it ended — csv-parse gives
// these only through per-record hooks that cost three quarters of its speed — and it recovers from a stray
// quote instead of losing the rest of the file. A record left open at the end of a chunk is not re-read
// from its start with each new chunk: its scan state is kept and resumed, so the work is linear in the input
// whatever the chunk size (a record of 1 MB in 64-byte chunks was quadratic: 13 s).
import { SHARED_MAX, ShortValues } from './short-values.js';

export type Terminator = 'CRLF' | 'LF' | 'CR' | 'none';

export interface RowProblem {
  /**
   * CSV_BAD_QUOTE: a stray quote, or text after a closing quote; CSV_UNTERMINATED_QUOTE: never closed;
   * CSV_RECORD_TOO_LONG: longer than the limit (its text is not kept).
   */
  readonly code: 'CSV_BAD_QUOTE' | 'CSV_UNTERMINATED_QUOTE' | 'CSV_RECORD_TOO_LONG';
  /** Field index (0-based) where it happened. */
  readonly field: number;
}

export interface Row {
  readonly cells: string[];
  readonly quoted: boolean[];
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  readonly terminator: Terminator;
  /** The record's text as found (without its terminator), for reports. */
  readonly raw: string;
  /** Empty for a sound record (one shared, frozen array: do not modify). */
  readonly problems: readonly RowProblem[];
}

/** The problems of a sound record: shared, so that a record costs no array of its own for them. */
const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Line breaks in a text (CRLF counts once). */
export function countBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (text.charCodeAt(i + 1) === LF && i + 1 < to) i++;
    }
  }
  return n;
}

/** Where the scan of an unfinished record stands (see CsvTokenizer.scan). */
const enum At {
  /** At the start of a field. */
  FieldStart,
  /** In an unquoted field, or in text after a closing quote: up to a comma or line break. */
  Unquoted,
  /** Inside quotes. */
  Quoted,
  /** Inside quotes, just after a quote: "" (an escaped quote) or the closing quote. */
  QuoteInQuotes,
  /** After a CR outside quotes: CRLF, or a lone CR, ends the record. */
  AfterCR,
}

/** A record the text so far ends inside. */
interface Pending {
  /** Its text so far (none once it is reported over the limit). */
  pieces: string[];
  at: At;
  /** Characters of content so far (the terminator excluded). */
  length: number;
  /** Line breaks inside quotes so far, and whether the last content character was a CR (CRLF counts once). */
  breaks: number;
  lastCR: boolean;
  /** Over the limit: reported already; its text is discarded up to its end. */
  skipping: boolean;
}

export class CsvTokenizer {
  private line = 1;
  /** The record the text so far ends inside, scanned to the end of that text. */
  private pending: Pending | undefined;
  private examinedChars = 0;
  /** The cells of the last record read, and recent short values (see short-values.ts). */
  private previous: readonly string[] = [];
  private readonly values = new ShortValues();

  /** `maxRecordLength`: the reader's limit (DEFAULT_LIMITS in rows.ts), in characters. */
  constructor(private readonly maxRecordLength: number) {}

  /**
   * Characters examined so far, each pass counting the span it covered: at most about three times the text
   * at any chunking (a deterministic measure of the work, for tests).
   */
  get examined(): number {
    return this.examinedChars;
  }

  /**
   * Add text; yields the rows it completes, each as soon as it is complete. Rows are not collected first: a
   * chunk of millions of short records (blank lines) must not hold millions of rows at once, so the text is
   * read only as far as the consumer has pulled (at most two rows wait in `ready`). Pull the iterator to its
   * end before the next push or end.
   */
  *push(text: string): Generator<Row, void, undefined> {
    const rows = this.ready;
    let start = 0;
    // An open record resumes where its scan stopped: text already seen is not scanned again.
    if (this.pending) {
      start = this.scan(this.pending, text, 0, rows);
      yield* this.drain(rows);
    }
    while (start >= 0 && start < text.length) {
      const next = this.record(text, start, false, rows);
      this.examinedChars += (next < 0 ? text.length : next) - start;
      if (next >= 0) {
        start = next;
        // One row at a time (a plain loop rather than yield*: this runs once per record).
        for (let i = 0; i < rows.length; i++) yield rows[i]!;
        rows.length = 0;
        continue;
      }
      // The text ends inside this record: scan it once more to keep the scan state, and wait for more.
      this.pending = { pieces: [], at: At.FieldStart, length: 0, breaks: 0, lastCR: false, skipping: false };
      start = this.scan(this.pending, text, start, rows);
      yield* this.drain(rows);
    }
  }

  /**
   * `push` for a caller that takes each row at once: `onRow` gets the rows the text completes, in order, each as
   * soon as it is complete (no generator between them). `push` and `feed` may not be mixed on one input.
   */
  feed(text: string, onRow: (row: Row) => void): void {
    const rows = this.ready;
    let start = 0;
    if (this.pending) {
      start = this.scan(this.pending, text, 0, rows);
      this.hand(rows, onRow);
    }
    while (start >= 0 && start < text.length) {
      const next = this.record(text, start, false, rows);
      this.examinedChars += (next < 0 ? text.length : next) - start;
      if (next >= 0) {
        start = next;
        this.hand(rows, onRow);
        continue;
      }
      this.pending = { pieces: [], at: At.FieldStart, length: 0, breaks: 0, lastCR: false, skipping: false };
      start = this.scan(this.pending, text, start, rows);
      this.hand(rows, onRow);
    }
  }

  private hand(rows: Row[], onRow: (row: Row) => void): void {
    for (let i = 0; i < rows.length; i++) onRow(rows[i]!);
    rows.length = 0;
  }

  /** Rows found but not yet handed out (at most two: a record reported too long and the next one). */
  get waiting(): number {
    return this.ready.length;
  }

  private readonly ready: Row[] = [];

  private *drain(rows: Row[]): Generator<Row, void, undefined> {
    for (let i = 0; i < rows.length; i++) yield rows[i]!;
    rows.length = 0;
  }

  /** No more text: returns the last rows (an unterminated last record included). */
  end(): Row[] {
    const p = this.pending;
    this.pending = undefined;
    if (!p || p.skipping) return []; // an oversized record was reported when it went over the limit
    const rows: Row[] = [];
    const text = p.pieces.join('');
    this.examinedChars += text.length;
    this.record(text, 0, true, rows);
    return rows;
  }

  /**
   * Scan the open record `p` in `text` from `from`, keeping its text. Returns where the next record starts
   * in `text` once the record has ended (its row pushed), or -1 when the text ends first.
   */
  private scan(p: Pending, text: string, from: number, rows: Row[]): number {
    const len = text.length;
    let { at, length, breaks, lastCR } = p;
    let i = from;
    let end = -1; // where the record's text ends in `text` (its terminator included)
    // The next CR, LF and comma at or after i (len when none): found by native search, and searched again
    // only once passed, so that a long field is crossed in a few searches.
    let nextCR = -1;
    let nextLF = -1;
    let nextComma = -1;
    const find = (ch: string, after: number) => {
      const k = text.indexOf(ch, after);
      return k < 0 ? len : k;
    };
    while (i < len) {
      if (at === At.Quoted) {
        // Up to the next quote, counting the line breaks on the way (CRLF once).
        const q = text.indexOf('"', i);
        const stop = q < 0 ? len : q;
        if (stop > i) {
          if (nextCR < i) nextCR = find('\r', i);
          if (nextLF < i) nextLF = find('\n', i);
          while (nextCR < stop || nextLF < stop) {
            if (nextCR < nextLF) {
              breaks++;
              nextCR = find('\r', nextCR + 1);
            } else {
              if (!(nextLF === i ? lastCR : text.charCodeAt(nextLF - 1) === CR)) breaks++;
              nextLF = find('\n', nextLF + 1);
            }
          }
          lastCR = text.charCodeAt(stop - 1) === CR;
          length += stop - i;
          i = stop;
        }
        if (q < 0) break;
        at = At.QuoteInQuotes;
        lastCR = false;
        length++;
        i++;
        continue;
      }
      if (at === At.Unquoted) {
        // Up to the next comma or line break (a quote here is stray text, read as it is).
        if (nextCR < i) nextCR = find('\r', i);
        if (nextLF < i) nextLF = find('\n', i);
        if (nextComma < i) nextComma = find(',', i);
        const stop = Math.min(nextCR, nextLF, nextComma);
        length += stop - i;
        i = stop;
        if (i >= len) break;
      }
      const c = text.charCodeAt(i);
      if (at === At.AfterCR) {
        end = c === LF ? i + 1 : i;
        break;
      }
      if (at === At.QuoteInQuotes) {
        if (c === QUOTE) {
          at = At.Quoted;
          lastCR = false;
          length++;
          i++;
          continue;
        }
        at = At.Unquoted; // the closing quote: what follows is read as after any field
      } else if (at === At.FieldStart && c === QUOTE) {
        at = At.Quoted;
        lastCR = false;
        length++;
        i++;
        continue;
      }
      // Outside quotes.
      if (c === COMMA) at = At.FieldStart;
      else if (c === LF) {
        end = i + 1;
        break;
      } else if (c === CR) {
        at = At.AfterCR;
        i++;
        continue;
      } else at = At.Unquoted;
      length++;
      i++;
    }
    this.examinedChars += (end < 0 ? len : end) - from;
    if (end < 0) {
      Object.assign(p, { at, length, breaks, lastCR });
      if (!p.skipping) {
        p.pieces.push(from === 0 ? text : text.slice(from));
        // Over the limit (and its first 80 characters, for the report, at hand): discard from here on.
        if (length > this.maxRecordLength && length >= 80) this.startSkipping(p, rows);
      }
      return -1;
    }
    this.pending = undefined;
    if (p.skipping) {
      this.line += breaks + 1; // the line breaks in quotes, and its terminator
      return end;
    }
    // The whole record is here: read it (once) as if it had come in one piece.
    p.pieces.push(text.slice(from, end));
    const whole = p.pieces.join('');
    this.examinedChars += whole.length;
    this.record(whole, 0, true, rows);
    return end;
  }

  /** The open record went over the limit: report it now and discard its text up to its end. */
  private startSkipping(p: Pending, rows: Row[]): void {
    let head = '';
    for (const piece of p.pieces) {
      head += piece.slice(0, 80 - head.length);
      if (head.length >= 80) break;
    }
    rows.push(this.tooLong(head));
    p.pieces = [];
    p.skipping = true;
  }

  /** The row of an oversized record: its first characters only (`head`, at most 80). */
  private tooLong(head: string): Row {
    return {
      cells: [],
      quoted: [],
      line: this.line,
      terminator: 'none',
      raw: head.slice(0, 80),
      problems: [{ code: 'CSV_RECORD_TOO_LONG', field: 0 }],
    };
  }

  /**
   * Read one record from `start`. Pushes the row and returns where the next record starts, or -1 when the
   * text ends before the record does (and more may come).
   */
  private record(buf: string, start: number, atEnd: boolean, rows: Row[]): number {
    const cells: string[] = [];
    const quoted: boolean[] = [];
    let problems: RowProblem[] | undefined;
    const len = buf.length;
    const previous = this.previous;
    // Line breaks can only be inside quotes: counted there (CRLF once), not over the whole record.
    let breaks = 0;
    let i = start;
    for (;;) {
      // One field starting at i.
      let value: string;
      let isQuoted = false;
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        isQuoted = true;
        let j = i + 1;
        let close = -1;
        let escaped = false;
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k < 0) break;
          if (k + 1 >= len && !atEnd) return -1; // a quote at the end: "" or a close? wait for more
          if (buf.charCodeAt(k + 1) === QUOTE) {
            escaped = true;
            j = k + 2;
            continue;
          }
          close = k;
          break;
        }
        if (close < 0) {
          if (!atEnd) return -1;
          // Never closed: the rest of the text is this field.
          (problems ??= []).push({ code: 'CSV_UNTERMINATED_QUOTE', field: cells.length });
          breaks += countBreaks(buf, i + 1, len);
          value = buf.slice(i + 1);
          cells.push(escaped ? value.replaceAll('""', '"') : value);
          quoted.push(true);
          i = len;
          return this.finish(buf, start, i, i, 'none', cells, quoted, problems, rows, breaks);
        }
        breaks += countBreaks(buf, i + 1, close);
        value = escaped ? buf.slice(i + 1, close).replaceAll('""', '"') : this.values.cut(buf, i + 1, close, previous[cells.length]);
        i = close + 1;
        // After the closing quote: a delimiter, or text that should not be there (kept, and reported).
        const after = i;
        while (i < len) {
          const c = buf.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          i++;
        }
        if (i > after) {
          (problems ??= []).push({ code: 'CSV_BAD_QUOTE', field: cells.length });
          value += buf.slice(after, i);
        }
      } else {
        const from = i;
        let stray = false;
        // Compared with the previous record's value in the column while it is scanned (when that value is short
        // enough to be shared): the text is read once rather than again by the sharing.
        const prev = previous[cells.length] ?? '';
        const prevLength = prev.length;
        let same = prevLength > 0 && prevLength < SHARED_MAX;
        // And hashed on the way, for the table of recent values when it is not the previous one.
        let h = 0;
        while (i < len) {
          const c = buf.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) stray = true;
          if (same && (i - from >= prevLength || prev.charCodeAt(i - from) !== c)) same = false;
          h = Math.imul(h ^ c, 0x9e3779b1);
          i++;
        }
        value = same && i - from === prevLength ? prev : this.values.cutHashed(buf, from, i, h);
        if (stray) (problems ??= []).push({ code: 'CSV_BAD_QUOTE', field: cells.length });
      }
      if (i >= len && !atEnd) return -1;
      cells.push(value);
      quoted.push(isQuoted);
      if (i >= len) return this.finish(buf, start, i, i, 'none', cells, quoted, problems, rows, breaks);
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) return this.finish(buf, start, i, i + 1, 'LF', cells, quoted, problems, rows, breaks);
      // CR: alone, or the first half of CRLF (which may still be coming).
      if (i + 1 >= len && !atEnd) return -1;
      if (buf.charCodeAt(i + 1) === LF) return this.finish(buf, start, i, i + 2, 'CRLF', cells, quoted, problems, rows, breaks);
      return this.finish(buf, start, i, i + 1, 'CR', cells, quoted, problems, rows, breaks);
    }
  }

  private finish(
    buf: string,
    start: number,
    contentEnd: number,
    next: number,
    terminator: Terminator,
    cells: string[],
    quoted: boolean[],
    problems: RowProblem[] | undefined,
    rows: Row[],
    breaks: number,
  ): number {
    const line = this.line;
    this.line += breaks + (terminator === 'none' ? 0 : 1);
    if (contentEnd - start > this.maxRecordLength) {
      rows.push({ ...this.tooLong(buf.slice(start, Math.min(contentEnd, start + 80))), line });
      return next;
    }
    this.previous = cells;
    rows.push({ cells, quoted, line, terminator, raw: buf.slice(start, contentEnd), problems: problems ?? NO_PROBLEMS });
    return next;
  }
}
