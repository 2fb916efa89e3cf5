// A tokenizer for the spec's CSV dialect (comma, double quote, CRLF; RFC 4180 quoting), incremental over
// text chunks. It replaced csv-parse in the reader after measurement (README "Performance"): the reader
// needs, for every record, its physical line, which fields were quoted and how it ended — csv-parse gives
// these only through per-record hooks that cost three quarters of its speed — and it recovers from a stray
// quote instead of losing the rest of the file.

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
  readonly problems: RowProblem[];
}

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

export class CsvTokenizer {
  /** Text not yet turned into rows; always starts at the start of a record. */
  private buf = '';
  private line = 1;
  /** Discarding an oversized record: its quote state, so that it ends where the record really ends. */
  private skipping: { inQuotes: boolean; pendingCR: boolean } | undefined;

  /** `maxRecordLength`: the reader's limit (DEFAULT_LIMITS in rows.ts), in characters. */
  constructor(private readonly maxRecordLength: number) {}

  /** Add text; returns the rows it completes. */
  push(text: string): Row[] {
    if (this.skipping) text = this.skip(text);
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    return this.drain(false);
  }

  /** No more text: returns the last rows (an unterminated last record included). */
  end(): Row[] {
    if (this.skipping) {
      this.skipping = undefined;
      return [];
    }
    return this.drain(true);
  }

  private drain(atEnd: boolean): Row[] {
    const rows: Row[] = [];
    let start = 0;
    const buf = this.buf;
    while (start < buf.length) {
      const next = this.record(buf, start, atEnd, rows);
      if (next < 0) {
        // Needs more text — unless the record is already over the limit: report it and discard the rest.
        if (buf.length - start > this.maxRecordLength) {
          rows.push(this.tooLong(buf, start));
          this.skipping = { inQuotes: false, pendingCR: false };
          const rest = this.skip(buf.slice(start));
          this.buf = '';
          return rest.length ? [...rows, ...this.push(rest)] : rows;
        }
        break;
      }
      start = next;
    }
    this.buf = start === 0 ? buf : buf.slice(start);
    return rows;
  }

  private tooLong(buf: string, start: number): Row {
    return {
      cells: [],
      quoted: [],
      line: this.line,
      terminator: 'none',
      raw: buf.slice(start, start + 80),
      problems: [{ code: 'CSV_RECORD_TOO_LONG', field: 0 }],
    };
  }

  /** Discard text up to the end of the oversized record; returns the text after it. */
  private skip(text: string): string {
    const state = this.skipping!;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state.pendingCR) {
        state.pendingCR = false;
        this.skipping = undefined;
        return text.slice(c === LF ? i + 1 : i);
      }
      if (c === QUOTE) state.inQuotes = !state.inQuotes;
      else if (!state.inQuotes && (c === LF || c === CR)) {
        this.line++;
        if (c === LF) {
          this.skipping = undefined;
          return text.slice(i + 1);
        }
        state.pendingCR = true;
      } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.line++;
    }
    return '';
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
          value = buf.slice(i + 1);
          cells.push(escaped ? value.replaceAll('""', '"') : value);
          quoted.push(true);
          i = len;
          return this.finish(buf, start, i, i, 'none', cells, quoted, problems, rows);
        }
        value = buf.slice(i + 1, close);
        if (escaped) value = value.replaceAll('""', '"');
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
        while (i < len) {
          const c = buf.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) stray = true;
          i++;
        }
        value = buf.slice(from, i);
        if (stray) (problems ??= []).push({ code: 'CSV_BAD_QUOTE', field: cells.length });
      }
      if (i >= len && !atEnd) return -1;
      cells.push(value);
      quoted.push(isQuoted);
      if (i >= len) return this.finish(buf, start, i, i, 'none', cells, quoted, problems, rows);
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) return this.finish(buf, start, i, i + 1, 'LF', cells, quoted, problems, rows);
      // CR: alone, or the first half of CRLF (which may still be coming).
      if (i + 1 >= len && !atEnd) return -1;
      if (buf.charCodeAt(i + 1) === LF) return this.finish(buf, start, i, i + 2, 'CRLF', cells, quoted, problems, rows);
      return this.finish(buf, start, i, i + 1, 'CR', cells, quoted, problems, rows);
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
  ): number {
    const line = this.line;
    this.line += countBreaks(buf, start, contentEnd) + (terminator === 'none' ? 0 : 1);
    if (contentEnd - start > this.maxRecordLength) {
      rows.push({ ...this.tooLong(buf, start), line });
      return next;
    }
    rows.push({ cells, quoted, line, terminator, raw: buf.slice(start, contentEnd), problems: problems ?? [] });
    return next;
  }
}
