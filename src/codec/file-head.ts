// A file's first bytes, looked at before anything of it is read as CSV, so that a file of another format (a PDF,
// an Excel workbook saved as 〜.CSV, a picture …) is told by them (sniffFileType) and not parsed into pages of
// meaningless issues. Every reader takes them first (src/codec/read.ts): the whole-file reader from its bytes, the
// streaming reader from its first chunks, which may be shorter than a signature — they are gathered until
// SNIFF_BYTES are at hand, and then given to the decoder unchanged.
import { SNIFF_BYTES, sniffFileType, type RefusedType } from './sniff.js';

/**
 * What a file to read as CSV is by its first bytes, when it is another format (then nothing of it is read).
 * A name that is no spec name with bytes of no known format (`otherName`) is read: the name rules say what is
 * wrong with the name. A JPEG is refused under any name — a .jpg that is no family diagram's would be read as CSV
 * (family diagrams are never given to a reader: the validator checks their signature itself).
 */
export function refusedType(name: string | undefined, head: Uint8Array): RefusedType | undefined {
  const sniffed = sniffFileType(name ?? '', head);
  if (sniffed.spec) return sniffed.type === 'jpeg' ? 'jpegImage' : undefined;
  return sniffed.type === 'otherName' ? undefined : sniffed.type;
}

/** A stream's first chunks, held until SNIFF_BYTES are at hand (or the stream ends). */
export class FileHead {
  private held: Uint8Array[] = [];
  private size = 0;

  /** Hold a chunk: every chunk held so far once SNIFF_BYTES are at hand, else undefined. */
  push(chunk: Uint8Array): Uint8Array[] | undefined {
    this.size += chunk.length;
    // A source may read into one buffer again at the next pull: a chunk held across a pull is copied (< 64 bytes).
    this.held.push(this.size < SNIFF_BYTES ? chunk.slice() : chunk);
    return this.size < SNIFF_BYTES ? undefined : this.held;
  }

  /** Every chunk held (the stream ended before SNIFF_BYTES). */
  end(): Uint8Array[] {
    return this.held;
  }

  /** The first SNIFF_BYTES of the chunks held (or all of a shorter stream). */
  get bytes(): Uint8Array {
    const head = new Uint8Array(Math.min(this.size, SNIFF_BYTES));
    let at = 0;
    for (const chunk of this.held) {
      const take = Math.min(chunk.length, head.length - at);
      head.set(chunk.subarray(0, take), at);
      at += take;
      if (at === head.length) break;
    }
    return head;
  }
}
