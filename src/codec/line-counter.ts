// The physical line of a byte offset, counted while the bytes go by: the decoder reports an encoding problem
// at its byte offset and gives it its line from here, so no one reads the bytes again to find it. LF ends a
// line, and so does a CR not followed by LF (the tokenizer's rule for a record's line). In MS932, UTF-8 and
// ASCII the bytes 0A and 0D are never part of a longer character, so counting them in bytes counts lines.
const LF = 0x0a;
const CR = 0x0d;

export class LineCounter {
  /** The bytes given last, and the input offset of their first byte. */
  private segment: Uint8Array = new Uint8Array(0);
  private start = 0;
  /** The line of `start`. */
  private startLine = 1;
  /** Counted so far: an index in `segment`, and the line of the byte there (a CR at the segment's end aside). */
  private index = 0;
  private line = 1;
  /** Offsets whose line is asked for before their bytes come (see keep). */
  private readonly wanted: number[] = [];
  private readonly kept = new Map<number, number>();
  /** Set by holdsWhole: the bytes given are views of one input that does not change while it is read. */
  private whole = false;
  /** A stream's segment, counted when given: the line at its end (a CR at its end aside), and whether one is. */
  private endLine = 1;
  private endCR = false;

  /**
   * The bytes given will be views of one whole input that the caller holds unchanged until the end (the
   * whole-file reader). Only then may the segment grow over the next view and be counted later: a stream's
   * source may refill a chunk's memory once the next chunk is asked for (a buffer read into again, double
   * buffering), so a stream's chunks are counted as they come, while their bytes are theirs.
   */
  holdsWhole(): void {
    this.whole = true;
  }

  /** The next bytes of the input, right after those given before. */
  next(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const s = this.segment;
    if (this.whole && s.length > 0 && bytes.buffer === s.buffer && bytes.byteOffset === s.byteOffset + s.length) {
      // The bytes right after the segment in the same buffer (the whole-file reader's slices): the segment
      // grows over them without a copy, and its lines are counted only as far as a problem asks. A file with no
      // encoding problem is never counted; the view keeps nothing alive that the caller does not hold already.
      // A CR that ended the segment was not counted (what follows it was not known): count it with what follows.
      if (this.index === s.length && s[s.length - 1] === CR) this.index--;
      this.segment = new Uint8Array(s.buffer, s.byteOffset, s.length + bytes.length);
      this.resolveWanted();
      return;
    }
    const line = this.whole ? this.lineAtEnd(bytes[0]!) : this.endCR && bytes[0] !== LF ? this.endLine + 1 : this.endLine;
    this.start += this.segment.length;
    this.segment = bytes;
    this.startLine = this.line = line;
    this.index = 0;
    if (!this.whole) {
      // A stream's source may reuse a chunk's memory once the next chunk is asked for (one buffer read into
      // again and again): the chunk's lines are counted now, while its bytes are its own.
      this.endLine = this.countTo(bytes.length);
      this.endCR = bytes[bytes.length - 1] === CR;
    }
    this.resolveWanted();
  }

  /** Keep the lines of the wanted offsets whose bytes are now given. */
  private resolveWanted(): void {
    const end = this.start + this.segment.length;
    for (let i = this.wanted.length - 1; i >= 0; i--) {
      const offset = this.wanted[i]!;
      if (offset < end) {
        this.kept.set(offset, this.lineAt(offset));
        this.wanted.splice(i, 1);
      }
    }
  }

  /**
   * The line of the byte at an input offset, in the bytes given last or kept (see keep). An offset just past
   * the bytes given is on the next line after a CR they end with: the decoder asks that only for a byte it
   * holds, never LF. An earlier offset gets the line those bytes start on: the decoder asks that only for a
   * lead byte held over from the bytes before, which is never a line break.
   */
  lineAt(offset: number): number {
    const kept = this.kept.get(offset);
    if (kept !== undefined) return kept;
    const i = offset - this.start;
    if (i <= 0) return this.startLine;
    if (i >= this.segment.length) return this.lineAtEnd(undefined);
    return this.countTo(i);
  }

  /**
   * Keep the line of an offset for a problem reported later, when its bytes are gone: at once for an offset
   * in the bytes given, else when its bytes come.
   */
  keep(offset: number): void {
    if (this.kept.has(offset)) return;
    if (offset < this.start + this.segment.length) this.kept.set(offset, this.lineAt(offset));
    else if (!this.wanted.includes(offset)) this.wanted.push(offset);
  }

  /** The line just past the segment, given the byte that follows it (undefined: not known, so a final CR counts). */
  private lineAtEnd(following: number | undefined): number {
    const s = this.segment;
    const line = this.countTo(s.length);
    return s.length > 0 && s[s.length - 1] === CR && following !== LF ? line + 1 : line;
  }

  /**
   * The line at index `i` of the segment, counting on from the last count (from the start when `i` is
   * before it). A CR at the segment's end is left to lineAtEnd: what follows it is not known here.
   */
  private countTo(i: number): number {
    // Counted back from the last count when `i` is before it: a segment can be the whole input, and a problem
    // asked for out of order must not have it counted again from its start.
    if (i < this.index) this.line -= this.breaks(i, this.index);
    else this.line += this.breaks(this.index, i);
    this.index = i;
    return this.line;
  }

  /** Line breaks in the segment's bytes [from, to): LF, and CR followed (in the segment) by another byte than LF. */
  private breaks(from: number, to: number): number {
    const s = this.segment;
    const view = s.subarray(from, to);
    let n = 0;
    // indexOf runs natively: one call per line break rather than a step per byte.
    for (let k = view.indexOf(LF); k >= 0; k = view.indexOf(LF, k + 1)) n++;
    for (let k = view.indexOf(CR); k >= 0; k = view.indexOf(CR, k + 1)) {
      const after = from + k + 1;
      if (after < s.length && s[after] !== LF) n++;
    }
    return n;
  }
}
