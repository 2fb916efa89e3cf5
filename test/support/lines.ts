// The reference for the line of a byte offset, counted from the whole bytes the slow, obvious way: the
// oracle the decoder's lines (src/codec/line-counter.ts) are checked against.

/** 1-based line of a byte offset: LF bytes before it (a lone CR also ends a line). */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}
