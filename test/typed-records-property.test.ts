// Typed records are lossless (fast-check, every layout of every served CSVバージョン): a conformant text record
// decodes and encodes back to itself; a value spelt another way (leading zeros, 05.00, -0) decodes to the same
// typed value with a DECODE_NORMALISED note naming exactly that field, and encodes to the canonical spelling.
// And decodeRecord / encodeRecord never throw on junk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, FILE_KINDS, listLayouts, RULES, type Field, type Issue, type Layout } from '../src/index.js';
import { recordOf } from './support/arbitraries.js';

const RUNS = process.env['FUZZ'] ? 300 : 25;

/** Another spelling of a canonical integer or rate text that still fits the field, or undefined if none. */
function respellings(field: Field, text: string): string[] {
  if (text === '') return []; // '0' and '' are two values (0 and absent), not two spellings
  const room = (field.length ?? 99) - text.length;
  if (field.format === 'integer' && room > 0) {
    if (text === '0') return ['0'.repeat(room + 1), '-0'];
    if (text.startsWith('-')) return [`-0${text.slice(1)}`];
    return ['0'.repeat(Math.min(room, 3)) + text];
  }
  if (field.format === 'rate' && /^\d\./.test(text)) return [`0${text}`];
  return [];
}

/** A conformant record and a respelt copy with the keys of the fields respelt. */
function respeltRecord(layout: Layout) {
  return recordOf(layout).chain((record) => {
    const options = layout.fields.flatMap((f) => respellings(f, record[f.key]!).map((spelling) => [f.key, spelling] as const));
    if (options.length === 0) return fc.constant({ record, respelt: record, keys: [] as string[] });
    return fc.subarray(options, { minLength: 1 }).map((picked) => {
      const respelt = { ...record };
      const keys: string[] = [];
      for (const [key, spelling] of picked) {
        if (keys.includes(key)) continue;
        respelt[key] = spelling;
        keys.push(key);
      }
      return { record, respelt, keys };
    });
  });
}

const fieldErrors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');

describe.each(listLayouts().map((l) => [`${l.kind}@${l.csvVersion}`, l] as const))('%s', (_name, layout) => {
  it('encode(decode(r)) is r for every conformant record', () => {
    fc.assert(
      fc.property(recordOf(layout), (record) => {
        // Field-level conformance only: the record rules relate fields a generator draws independently.
        const decoded = decodeRecord(layout.kind, record, { validate: false });
        expect(decoded.issues).toEqual([]);
        if (!decoded.ok) return;
        // Empty fields are absent; every other field has a typed value.
        for (const f of layout.fields) expect(f.key in decoded.value).toBe(record[f.key] !== '');
        const encoded = encodeRecord(layout.kind, decoded.value, { csvVersion: layout.csvVersion, validate: false });
        expect(encoded.issues).toEqual([]);
        expect(encoded.ok && encoded.record).toEqual(record);
        // The validator's field checkers find no error in the record, nor in what is written.
        expect(fieldErrors(decodeRecord(layout.kind, record).issues).filter((i) => i.code.startsWith('FIELD_'))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a non-canonical spelling differs only in the fields DECODE_NORMALISED names', () => {
    fc.assert(
      fc.property(respeltRecord(layout), ({ record, respelt, keys }) => {
        const decoded = decodeRecord(layout.kind, respelt, { validate: false, file: 'x.CSV', line: 2, record: 1 });
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        const notes = decoded.issues.filter((i) => i.code === 'DECODE_NORMALISED');
        expect(decoded.issues).toEqual(notes);
        expect(notes.map((i) => i.field!.key).sort()).toEqual([...keys].sort());
        for (const note of notes) {
          expect(note).toMatchObject({ severity: 'info', file: 'x.CSV', line: 2, record: 1, value: respelt[note.field!.key] });
          expect(note.message).toContain(JSON.stringify(record[note.field!.key]));
        }
        // The typed values are those of the canonical record; writing gives the canonical spelling.
        expect(decoded.value).toEqual((decodeRecord(layout.kind, record, { validate: false }) as { value: unknown }).value);
        const encoded = encodeRecord(layout.kind, decoded.value, { csvVersion: layout.csvVersion, validate: false });
        expect(encoded.ok && encoded.record).toEqual(record);
        for (const f of layout.fields) if (!keys.includes(f.key)) expect(record[f.key]).toBe(respelt[f.key]);
      }),
      { numRuns: RUNS },
    );
  });
});

const CODES = new Set<string>(RULES.map((r) => r.code));
const VERSIONS = ['202407', '202504', '202208', '201910', '', '2024-07'];
const junkValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '9999', '00000000', '000000', '007', '-0', '05.00', '1'.repeat(31), '20250230', '2A', '__proto__'),
  fc.anything(),
);

function checkIssues(result: { ok: boolean; issues: Issue[] }): void {
  for (const issue of result.issues) {
    expect(CODES.has(issue.code), issue.code).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.messageEn).toBe('string');
    if (issue.value !== undefined) expect(typeof issue.value).toBe('string');
  }
  // ok is false exactly when an issue is an error.
  expect(result.ok).toBe(!result.issues.some((i) => i.severity === 'error'));
}

describe('junk never makes decodeRecord or encodeRecord throw', () => {
  const keyOf = fc.oneof(
    fc.constantFrom(...new Set(listLayouts().flatMap((l) => l.fields.map((f) => f.key)))),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('__proto__', 'constructor', 'toString'),
  );
  it('decodeRecord: any object of any values, any kind, any CSVバージョン', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILE_KINDS), fc.dictionary(keyOf, junkValue, { maxKeys: 30 }), fc.option(fc.constantFrom(...VERSIONS), { nil: undefined }), (kind, record, csvVersion) => {
        const result = decodeRecord(kind, record, csvVersion === undefined ? undefined : { csvVersion: csvVersion as '202407' });
        checkIssues(result);
        if (result.ok) expect(typeof result.value).toBe('object');
      }),
      { numRuns: RUNS * 8 },
    );
  });
  it('decodeRecord: a sample-shaped record with junk in some fields', () => {
    const layouts = listLayouts();
    fc.assert(
      fc.property(fc.constantFrom(...layouts).chain((l) => fc.tuple(fc.constant(l), recordOf(l), fc.dictionary(fc.constantFrom(...l.fields.map((f) => f.key)), junkValue, { maxKeys: 4 }))), ([layout, record, junk]) => {
        checkIssues(decodeRecord(layout.kind, { ...record, ...junk }));
      }),
      { numRuns: RUNS * 8 },
    );
  });
  it('encodeRecord: any object of any values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILE_KINDS), fc.dictionary(keyOf, junkValue, { maxKeys: 30 }), fc.constantFrom(...VERSIONS), (kind, typed, csvVersion) => {
        checkIssues(encodeRecord(kind, typed as never, { csvVersion }));
      }),
      { numRuns: RUNS * 8 },
    );
  });
});
