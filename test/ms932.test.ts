// The MS932 table made from the platform's Shift_JIS decoder, checked against iconv-lite's cp932 for every
// byte pair and every BMP character: the codec runs without iconv-lite (and Buffer) in browsers.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalPair, encodeMs932, isEncodable, isLeadByte, ms932Decoder, Pair, pairClassOf } from '../src/codec/ms932.js';

function iconvClass(lead: number, trail: number): [Pair, number | undefined] {
  const ch = iconv.decode(Buffer.from([lead, trail]), 'cp932');
  if (ch.length !== 1 || ch === '\ufffd') return [Pair.Invalid, undefined];
  const cp = ch.charCodeAt(0);
  if (cp >= 0xe000 && cp <= 0xf8ff) return [Pair.Gaiji, undefined];
  const back = iconv.encode(ch, 'cp932');
  const code = back.length === 2 ? (back[0]! << 8) | back[1]! : -1;
  return code === ((lead << 8) | trail) ? [Pair.Valid, undefined] : [Pair.NonCanonical, code];
}

describe('MS932 table', () => {
  it('classifies every byte pair as iconv-lite cp932 does (valid, 外字, duplicate and its canonical pair, invalid)', () => {
    const differences: string[] = [];
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (!isLeadByte(lead)) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const [cls, canon] = iconvClass(lead, trail);
        // iconv-lite's cp932 stops its user-defined area at F940; CP932 (and WHATWG) define F040-F9FC: 外字 either way.
        const gaijiArea = lead >= 0xf0 && lead <= 0xf9 && cls === Pair.Invalid && pairClassOf(lead, trail) === Pair.Gaiji;
        if (!gaijiArea && (pairClassOf(lead, trail) !== cls || canonicalPair(lead, trail) !== canon)) {
          differences.push(`${lead.toString(16)}${trail.toString(16)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('writes every BMP character exactly as iconv-lite does, and refuses those it cannot round-trip', () => {
    const differences: string[] = [];
    // U+0080 is left out: iconv-lite maps it to the byte 0x80, which is not a character of MS932 (the
    // reader reports 0x80 as invalid), so the writer refuses it.
    expect(isEncodable('\u0080')).toBe(false);
    for (let cp = 0x81; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const bytes = iconv.encode(ch, 'cp932');
      const roundTrips = !(cp >= 0xe000 && cp <= 0xf8ff) && iconv.decode(bytes, 'cp932') === ch;
      if (isEncodable(ch) !== roundTrips) differences.push(`U+${cp.toString(16)} encodable`);
      else if (roundTrips && !Buffer.from(encodeMs932(ch)).equals(bytes)) differences.push(`U+${cp.toString(16)} bytes`);
    }
    expect(differences).toEqual([]);
    expect(isEncodable('𠮷')).toBe(false);
  });

  it('decodes MS932 text as iconv-lite does, also split at every byte', () => {
    const text = '髙橋 﨑子（ﾀｶﾊｼ ｻｷｺ）①㈱№∵～－ソ表能、"引用", 改行\r\nあり';
    const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = ms932Decoder();
      expect(d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end(true)).toBe(text);
    }
  });
});
