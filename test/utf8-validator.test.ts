// The UTF-8 check of the encoding decision runs without exceptions (a real MS932 file fails it at once, and a
// fatal TextDecoder would throw on every such file): its verdict must be the platform's fatal decoder's, byte
// for byte, whole and in chunks cut anywhere.
import { describe, expect, it } from 'vitest';
import { isWellFormedUtf8, Utf8Validator } from '../src/codec/encoding-evidence.js';

const platform = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A small deterministic generator (no Math.random: the same cases every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Bytes that hit the edges: ASCII, continuation bytes, every lead byte class and the boundary values. */
const INTERESTING = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];

describe('Utf8Validator', () => {
  it('agrees with the fatal TextDecoder on edge sequences', () => {
    const cases: number[][] = [[]];
    for (const a of INTERESTING) {
      cases.push([a]);
      for (const b of INTERESTING) {
        cases.push([a, b]);
        for (const c of [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0x41]) cases.push([a, b, c], [a, b, c, 0x80], [a, b, c, 0xbf, 0x41]);
      }
    }
    for (const c of cases) expect([c, isWellFormedUtf8(Uint8Array.from(c))]).toEqual([c, platform(Uint8Array.from(c))]);
  });

  it('agrees with the fatal TextDecoder on random inputs, whole and in chunks', () => {
    const rnd = lcg(16);
    const text = new TextEncoder().encode('山田 あい ±é° ﾏｷ 😀 abc');
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(rnd() * 24);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        const r = rnd();
        bytes[i] = r < 0.4 ? text[Math.floor(rnd() * text.length)]! : r < 0.7 ? INTERESTING[Math.floor(rnd() * INTERESTING.length)]! : Math.floor(rnd() * 256);
      }
      const expected = platform(bytes);
      expect(isWellFormedUtf8(bytes)).toBe(expected);
      const cut = Math.floor(rnd() * (length + 1));
      const v = new Utf8Validator();
      expect(v.push(bytes.subarray(0, cut)) && v.push(bytes.subarray(cut)) && v.end()).toBe(expected);
    }
  });

  it('agrees on valid text cut at every byte', () => {
    const bytes = new TextEncoder().encode('あい😀é');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const v = new Utf8Validator();
      expect(v.push(bytes.subarray(0, cut))).toBe(true);
      expect(v.end()).toBe(platform(bytes.subarray(0, cut)));
    }
  });
});
