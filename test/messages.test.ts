// The message catalogues: every rule code has its message in every language, issues carry the params their
// messages are rendered from, and a third language is one catalogue of the same shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, validateFiles, type Issue } from '../src/index.js';
import type { Catalogue } from '../src/messages/catalogue.js';
import { en } from '../src/messages/en.js';
import { ja } from '../src/messages/ja.js';
import { CATALOGUES, renderMessage } from '../src/messages/render.js';
import { loadSamples } from './support/send-units.js';

const CODES = RULES.map((r) => r.code).sort();
const SAMPLES = loadSamples('samples/4.1');
const BROKEN_SAMPLES = loadSamples('samples/broken');

/** What a rendered message must never show: a parameter that was not given, or an object printed as text. */
const BROKEN = /undefined|\[object Object\]|NaN/;

function expectRendered(issue: Issue): void {
  expect(issue.message.length, issue.code).toBeGreaterThan(0);
  expect(issue.messageEn.length, issue.code).toBeGreaterThan(0);
  expect(issue.message, issue.code).not.toMatch(BROKEN);
  expect(issue.messageEn, issue.code).not.toMatch(BROKEN);
  // The same issue rendered again from its params gives the same text: the params are all the message needs.
  const code = issue.code as keyof Catalogue;
  expect(renderMessage(code, issue.params as never, 'ja'), issue.code).toBe(issue.message);
  expect(renderMessage(code, issue.params as never, 'en'), issue.code).toBe(issue.messageEn);
}

/** Bytes of a sample with some bytes overwritten: bad encodings, broken quotes, wrong values. */
const mutated = fc
  .record({
    file: fc.constantFrom(...SAMPLES),
    edits: fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x81, 0xf0, 0xff, 0x30, 0x39, 0x41) }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ file, edits }) => {
    const bytes = file.bytes.slice();
    for (const e of edits) bytes[e.at % bytes.length] = e.byte;
    return { name: file.name, bytes };
  });

describe('message catalogues', () => {
  it('has a Japanese and an English message for every rule code, and nothing else', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'ja']);
    expect(Object.keys(ja).sort()).toEqual(CODES);
    expect(Object.keys(en).sort()).toEqual(CODES);
  });

  it('renders every issue of the broken samples from its params, in both languages', () => {
    const report = validateFiles(BROKEN_SAMPLES);
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) expectRendered(issue);
  });

  it('renders every issue of damaged files from its params, in both languages', () => {
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 3 }), (files) => {
        for (const issue of validateFiles(files).issues) expectRendered(issue);
      }),
      { numRuns: 60 },
    );
  });

  it('takes a third language as one more catalogue of the same shape', () => {
    // A test language: English with a marker, to show that a catalogue is all a language needs.
    const marked = Object.fromEntries(Object.entries(en).map(([code, render]) => [code, (p: never) => `[xx] ${(render as (p: never) => string)(p)}`])) as unknown as Catalogue;
    const catalogues = { ...CATALOGUES, xx: marked };
    const issue = validateFiles([{ name: 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV', bytes: new Uint8Array() }]).issues[0]!;
    const code = issue.code as keyof Catalogue;
    expect(renderMessage(code, issue.params as never, 'xx' as never, catalogues)).toBe(`[xx] ${issue.messageEn}`);
  });
});
