// Stream sources that reuse memory: a reader that reads into one buffer again and again (fs.readSync into the
// same Buffer, a BYOB reader) or into alternate halves of one (double buffering) hands over a chunk whose bytes
// change once the next chunk is asked for. Every issue must still have its offset and line, as when the same
// bytes are validated whole: nothing may read a chunk's bytes after the next one is taken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile, validateStream, readCsvStream, type Issue } from '../src/index.js';
import { ROOT } from './support/paths.js';

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';

/** The 4.1 第6表 sample's records 30 times over, with invalid MS932 bytes and a bare CR line end here and there. */
function damagedFile(): Uint8Array {
  const sample = readFileSync(join(ROOT, 'samples/4.1', NAME));
  const body = sample.subarray(sample.indexOf(0x0a) + 1);
  const file = Buffer.concat([sample, ...Array.from({ length: 30 }, () => body)]);
  for (const at of [700, 2000, 9000, 20000]) file[at] = 0xff;
  file[file.indexOf(0x0a, 15000) - 1] = 0x20; // a bare LF: LF alone ends a line too
  return new Uint8Array(file);
}

/** The bytes in chunks of `size` copied into `slots` slots of one buffer in turn (1: one buffer read into again). */
function* reusing(bytes: Uint8Array, size: number, slots: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size * slots);
  for (let at = 0, slot = 0; at < bytes.length; at += size, slot = (slot + 1) % slots) {
    const n = Math.min(size, bytes.length - at);
    const view = buffer.subarray(slot * size, slot * size + n);
    view.set(bytes.subarray(at, at + n));
    yield view;
  }
}

const located = (issues: readonly Issue[]) => issues.map((i) => `${i.code} offset ${i.offset} line ${i.line} record ${i.record}`);

describe('stream sources that reuse their memory', () => {
  const bytes = damagedFile();
  const whole = located(validateFile({ name: NAME, bytes }).files[0]!.issues);

  it('the whole file has the damage to find (invalid bytes, each on its line)', () => {
    expect(whole.filter((l) => l.startsWith('CSV_INVALID_BYTES'))).toHaveLength(4);
  });

  for (const [size, slots] of [[1024, 1], [1024, 2], [100, 1], [100, 2], [4096, 8], [7, 1]] as const) {
    it(`validateStream, ${size}-byte chunks in ${slots === 1 ? 'one buffer read into again' : `${slots} slots of one buffer`}: the same issues, offsets and lines as the whole file`, async () => {
      const report = await validateStream(reusing(bytes, size, slots), NAME);
      expect(located(report.files[0]!.issues)).toEqual(whole);
    });
  }

  it('readCsvStream from one buffer read into again: the same records and issues as from copies', async () => {
    const collect = async (source: Iterable<Uint8Array>) => {
      const out: string[] = [];
      for await (const item of readCsvStream(source, { name: NAME })) {
        out.push(item.type === 'record' ? `${item.line} ${JSON.stringify(item.record)}` : located([item.issue])[0]!);
      }
      return out;
    };
    const copies = Array.from(reusing(bytes, 512, 1), (view) => view.slice());
    expect(await collect(reusing(bytes, 512, 1))).toEqual(await collect(copies));
  });
});
