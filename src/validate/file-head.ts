// A file's first bytes, taken before it is read as CSV, so that a file of another format (a PDF, an Excel
// workbook saved as 〜.CSV …) is told by them (sniffFileType) and not parsed into pages of meaningless issues.
// A stream's first chunks may be shorter than a signature: they are gathered until SNIFF_BYTES are at hand,
// and then given back to the reader unchanged, ahead of the rest.
import { SNIFF_BYTES } from '../codec/sniff.js';

/** The first SNIFF_BYTES of chunks at hand (or all of a shorter file). */
export function headOf(chunks: Iterable<Uint8Array>): Uint8Array {
  const head = new Uint8Array(SNIFF_BYTES);
  let size = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.length, SNIFF_BYTES - size);
    head.set(chunk.subarray(0, take), size);
    size += take;
    if (size === SNIFF_BYTES) break;
  }
  return head.subarray(0, size);
}

/** A stream with its first bytes read: `chunks` gives every chunk again, from the first; `close` lets the source go unread. */
export interface PeekedStream {
  readonly head: Uint8Array;
  readonly chunks: AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** Reads a stream's first chunks until SNIFF_BYTES are at hand (or the stream ends); the source is read once. */
export async function peekHead(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<PeekedStream> {
  const it: AsyncIterator<Uint8Array> | Iterator<Uint8Array> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<Uint8Array>)[Symbol.iterator]();
  const held: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  /** The source's next chunk; a source that ends or fails is not closed again. */
  const pull = async (): Promise<IteratorResult<Uint8Array>> => {
    try {
      const next = await it.next();
      if (next.done) ended = true;
      return next;
    } catch (error) {
      ended = true;
      throw error;
    }
  };
  while (size < SNIFF_BYTES) {
    const next = await pull();
    if (next.done) break;
    size += next.value.length;
    // A source may read into one buffer again at the next pull: a chunk held across a pull is copied (< 64 bytes).
    held.push(size < SNIFF_BYTES ? next.value.slice() : next.value);
  }
  const close = async (): Promise<void> => {
    if (ended) return;
    ended = true;
    await it.return?.();
  };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield* held.splice(0);
      for (let next = await pull(); !next.done; next = await pull()) yield next.value;
    } finally {
      await close(); // the reader stopped early: the source is closed, as a for-await loop over it would
    }
  }
  return { head: headOf(held), chunks: chunks(), close };
}
