// Short field values shared instead of cut again (the tokenizer cuts every value through here).

/**
 * Values shorter than this are copied by `slice` (longer ones are views into the chunk's text). A short value
 * the file had recently — in the previous record's same column, or in the small table of recent short values —
 * is taken from there instead of cut again: the many fields that repeat from row to row and from user to user
 * (dates, codes, times, amounts) cost no new string, a reader that keeps its records keeps far fewer strings,
 * and the validator's caches meet the same strings again. Longer values are not shared: a view would keep an
 * old chunk's text alive.
 */
export const SHARED_MAX = 13;
/** Slots of the table of recent short values (a power of 2): a value goes to the slot of its hash. */
const SHARED_SLOTS = 1024;

/** Whether `buf[from, from + prev.length)` is the text of `prev`. */
function sameText(buf: string, from: number, prev: string): boolean {
  for (let k = 0; k < prev.length; k++) if (buf.charCodeAt(from + k) !== prev.charCodeAt(k)) return false;
  return true;
}

export class ShortValues {
  private table: (string | undefined)[] | undefined;

  /** `buf[from, to)`: `prev` (the previous record's value in the column) or a recent value of the same short text, else a slice. */
  cut(buf: string, from: number, to: number, prev: string | undefined): string {
    const n = to - from;
    if (n === 0 || n >= SHARED_MAX) return buf.slice(from, to);
    if (prev !== undefined && prev.length === n && sameText(buf, from, prev)) return prev;
    let h = 0;
    for (let k = from; k < to; k++) h = Math.imul(h ^ buf.charCodeAt(k), 0x9e3779b1);
    return this.cutHashed(buf, from, to, h);
  }

  /**
   * `cut` of a value not equal to the previous one, whose hash the caller computed while it scanned it
   * (`h = Math.imul(h ^ code, 0x9e3779b1)` over its characters from 0).
   */
  cutHashed(buf: string, from: number, to: number, hash: number): string {
    const n = to - from;
    if (n === 0 || n >= SHARED_MAX) return buf.slice(from, to);
    const h = hash ^ n;
    const slot = (h ^ (h >>> 15)) & (SHARED_SLOTS - 1);
    const table = (this.table ??= new Array<string | undefined>(SHARED_SLOTS));
    const known = table[slot];
    if (known !== undefined && known.length === n && sameText(buf, from, known)) return known;
    const value = buf.slice(from, to);
    table[slot] = value;
    return value;
  }
}
