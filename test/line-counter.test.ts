import { describe, expect, it } from 'vitest';
import { LineCounter } from '../src/codec/line-counter.js';

/** The line of every offset by the rule (LF ends a line, and so does a CR not followed by LF). */
function linesOf(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    lines.push(line);
    const b = bytes[i]!;
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) line++;
  }
  lines.push(line);
  return lines;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('LineCounter', () => {
  for (const whole of [true, false]) it(`gives every offset its line whether the bytes come as views of one buffer or as copies (${whole ? 'a whole input, counted lazily' : 'a stream, counted as it comes'})`, () => {
    const next = random(16);
    for (let round = 0; round < 2000; round++) {
      const n = 1 + Math.floor(next() * 200);
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = [10, 13, 65, 13, 10][Math.floor(next() * 5)]!;
      const expected = linesOf(bytes);
      const counter = new LineCounter();
      if (whole) counter.holdsWhole();
      for (let at = 0; at < n; ) {
        const end = Math.min(n, at + 1 + Math.floor(next() * 20));
        counter.next(next() < 0.3 ? bytes.slice(at, end) : bytes.subarray(at, end));
        // Offsets of the bytes just given, in any order (the decoder never asks for a CR that ends them).
        for (let q = 0; q < 3; q++) {
          const offset = at + Math.floor(next() * (end - at));
          if (offset === end - 1 && bytes[offset] === 13) continue;
          expect(counter.lineAt(offset), `round ${round}, offset ${offset}`).toBe(expected[offset]);
        }
        at = end;
      }
      expect(counter.lineAt(n)).toBe(expected[n]);
    }
  });

  it('keeps the line of an offset asked for before its bytes come', () => {
    const bytes = new TextEncoder().encode('a\r\nb\nc\rd\r\ne');
    const counter = new LineCounter();
    counter.keep(9);
    counter.next(bytes.subarray(0, 4));
    counter.next(bytes.subarray(4));
    expect(counter.lineAt(9)).toBe(4);
  });
});
