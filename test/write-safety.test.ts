// The writer never lets a value, a substitution or an input route change what it writes: one record in is one
// record out with the layout's fields, values are read from the record itself (never its prototype), and
// control characters are refused rather than written.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLayout, readCsvFile, writeCsvFile, type Issue } from '../src/index.js';
import { recordFactory } from '../src/codec/record-factory.js';
import { encodeField } from '../src/codec/write.js';
import type { Layout } from '../src/spec.js';
import { validRecord } from './support/records.js';
import { runCommand } from './support/command.js';
import { codes } from './support/issues.js';

const UPPLAN = getLayout('UPPLAN', '202407')!;
const PLAN_NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
const W = { csvVersion: '202407' } as const;
const plan = (overrides: Record<string, string> = {}) => validRecord(UPPLAN, overrides);
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error');
const fieldOf = (key: string) => UPPLAN.fields.find((f) => f.key === key)!;

const run = runCommand;
afterEach(() => vi.restoreAllMocks());

const CONVERT = ['--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11', '--timestamp', '20250325100000', '--lang', 'en'];
const SAMPLE = JSON.parse(readFileSync('samples/records/4.1/UPPLAN.json', 'utf8')) as Record<string, string>[];

/** convert on `text` saved as `file` in a fresh folder: the run, and the files written to its out dir. */
function convert(file: string, text: string, extra: string[] = []): { code: number; stdout: string; stderr: string; written: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'careplan-write-safety-'));
  writeFileSync(join(dir, file), text);
  const r = run(['convert', join(dir, file), ...CONVERT, '--out-dir', join(dir, 'out'), ...extra]);
  let written: string[] = [];
  try {
    written = readdirSync(join(dir, 'out'));
  } catch {
    // no out dir: nothing written
  }
  return { ...r, written };
}

/** inspect's JSON document for records given as [key, value] lists. */
const inspectJson = (records: [string, unknown][][]) =>
  JSON.stringify({
    file: PLAN_NAME,
    kind: 'UPPLAN',
    csvVersion: '202407',
    records: records.map((fields, i) => ({ line: i + 1, record: i + 1, fields: fields.map(([key, value]) => ({ key, value })) })),
  });
const inspectNdjson = (records: [string, unknown][][]) =>
  records
    .map((fields, i) => JSON.stringify({ file: PLAN_NAME, kind: 'UPPLAN', csvVersion: '202407', line: i + 1, record: i + 1, fields: fields.map(([key, value]) => ({ key, value })) }))
    .join('\n');

describe('substitutions never change the record and field structure', () => {
  // 第6表's No.15 サービスコード is never quoted: a comma or line break there would start a new field or record.
  const forged = `,\r\n202407,131016,9999999999`;

  it('a table entry whose replacement holds a quote, comma, line break or control character is refused up front, naming it', () => {
    for (const to of [',', '"', '\r', '\n', 'A,B', forged, '\u0000', '\t', '\u007f']) {
      const w = writeCsvFile('UPPLAN', [plan({ serviceCode: '11〜111' })], { ...W, unmappable: 'substitute', substitutions: { '〜': to } });
      expect(w.written, JSON.stringify(to)).toBe(0);
      const bad = w.issues.find((i) => i.code === 'WRITE_BAD_SUBSTITUTION')!;
      expect(bad, JSON.stringify(to)).toMatchObject({ severity: 'error', value: '〜' });
      expect(bad.message).toContain('「〜」');
      expect(w.bytes).toHaveLength(0);
    }
  });

  it('a replacement that would forge a record yields no record at all, not two', () => {
    const w = writeCsvFile('UPPLAN', [plan({ serviceCode: '11〜111' }), plan()], { ...W, unmappable: 'substitute', substitutions: { '〜': forged } });
    expect(w.written).toBe(1);
    const read = readCsvFile({ name: PLAN_NAME, bytes: w.bytes });
    expect(read.records).toEqual([plan()]);
    expect(read.issues).toEqual([]);
    expect(codes(errors(w.issues))).toEqual(['WRITE_BAD_SUBSTITUTION', 'WRITE_UNMAPPABLE_CHAR']);
  });

  it('an empty replacement is refused: it would delete the character (𠮷田 → 田) with only a warning', () => {
    const w = writeCsvFile('UPPLAN', [plan({ careManagerName: '𠮷田　花子' })], { ...W, unmappable: 'substitute', substitutions: { '𠮷': '' } });
    expect(w.written).toBe(0);
    expect(codes(w.issues)).toEqual(['WRITE_BAD_SUBSTITUTION', 'WRITE_UNMAPPABLE_CHAR']);
    expect(w.issues[0]!.message).toContain('置換先が空です');
  });

  it('entries mapping from a control character are refused (control characters are refused, never substituted)', () => {
    const w = writeCsvFile('UPPLAN', [plan({ careManagerName: '髙橋\u0085﨑子' })], { ...W, unmappable: 'substitute', substitutions: { '\u0085': ' ' } });
    expect(w.written).toBe(0);
    expect(codes(w.issues)).toEqual(['WRITE_BAD_SUBSTITUTION', 'WRITE_CONTROL_CHAR']);
  });

  it('free text keeps quotes, commas and line breaks substituted in by a caller only when they are in the value itself', () => {
    const w = writeCsvFile('UPPLAN', [plan({ serviceOfficeName: '"さくら", 新宿\r\n第二' })], W);
    expect(w.issues).toEqual([]);
    expect(readCsvFile({ name: PLAN_NAME, bytes: w.bytes }).records[0]!['serviceOfficeName']).toBe('"さくら", 新宿\r\n第二');
  });

  it('convert --substitute with a comma replacement exits 1, names the entry and writes nothing', () => {
    const records = SAMPLE.map((r, i) => (i === 0 ? { ...r, serviceCode: `${r['serviceCode']!.slice(0, 2)}〜${r['serviceCode']!.slice(2)}` } : r));
    const r = convert('records.json', JSON.stringify(records), ['--unmappable', 'substitute', '--substitute', `〜=${forged}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[WRITE_BAD_SUBSTITUTION]');
    expect(r.written).toEqual([]);
  });

  it('convert --substitute __proto__=x is refused by name, not dropped; the same character given twice is a usage error', () => {
    const proto = convert('records.json', JSON.stringify(SAMPLE), ['--substitute', '__proto__=x']);
    expect(proto.code).toBe(1);
    expect(proto.stdout).toContain('[WRITE_BAD_SUBSTITUTION]');
    expect(proto.stdout).toContain('__proto__');
    const twice = convert('records.json', JSON.stringify(SAMPLE), ['--substitute', '𠮷=吉', '--substitute', '𠮷=古']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('𠮷');
  });

  it('a substitution that is not a string is a wrong argument: a TypeError naming it', () => {
    const bad = { '〜': 7 } as unknown as Record<string, string>;
    expect(() => writeCsvFile('UPPLAN', [plan()], { ...W, substitutions: bad })).toThrow(TypeError);
    expect(() => writeCsvFile('UPPLAN', [plan()], { ...W, substitutions: bad })).toThrow(/options\.substitutions\["〜"\]/);
  });

  it('every entry of the default table passes the same check', () => {
    // An empty write reports the table's problems only.
    expect(writeCsvFile('UPPLAN', [], { ...W, unmappable: 'substitute' }).issues).toEqual([]);
  });

  it('property: arbitrary substitution tables never change record or field counts, and every change is listed', () => {
    const froms = ['〜', '−', '‖', '𠮷', 'ë', '\u0085', '\u00a0'];
    const pieces = [',', '"', '\r', '\n', '\r\n', '\u0000', '\t', '\u007f', '\u0085', 'A', '1', '髙', 'ｶ', '～', ' ', '〜', '𠮷', ''];
    const to = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join(''));
    const table = fc.dictionary(fc.constantFrom(...froms, 'ab', '__proto__'), to, { maxKeys: 5 });
    const text = fc.array(fc.constantFrom(...froms, 'A', '1', '髙', ' '), { maxLength: 5 }).map((p) => p.join(''));
    const bare = UPPLAN.fields.filter((f) => f.format !== 'freeText' && f.key !== 'csvVersion');
    const free = UPPLAN.fields.filter((f) => f.format === 'freeText');
    const record = fc.record({ bare: fc.constantFrom(...bare), free: fc.constantFrom(...free), a: text, b: text }).map(({ bare: f, free: g, a, b }) => plan({ [f.key]: a, [g.key]: b }));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 3 }), table, (records, substitutions) => {
        const w = writeCsvFile('UPPLAN', records, { ...W, unmappable: 'substitute', substitutions });
        const refused = new Set(errors(w.issues).map((i) => i.record).filter((n) => n !== undefined));
        const kept = records.filter((_, i) => !refused.has(i + 1));
        expect(w.written).toBe(kept.length);
        if (kept.length === 0) {
          expect(w.bytes).toHaveLength(0);
          return;
        }
        const read = readCsvFile({ name: PLAN_NAME, bytes: w.bytes }, { kind: 'UPPLAN' });
        expect(codes(read.issues).filter((c) => c.startsWith('CSV_'))).toEqual([]);
        expect(read.records).toHaveLength(kept.length);
        // Each record read back is the record given with its listed substitutions applied, field by field.
        read.records.forEach((got, n) => {
          const number = records.indexOf(kept[n]!) + 1;
          const expected: Record<string, string> = { ...kept[n]! };
          for (const s of w.substitutions.filter((x) => x.record === number)) expected[s.field.key] = expected[s.field.key]!.split(s.from).join(s.to);
          expect(Object.keys(got)).toHaveLength(UPPLAN.fields.length);
          expect(got).toEqual(expected);
        });
      }),
      { numRuns: process.env['FUZZ'] ? 2000 : 300 },
    );
  });

  it('the field encoder refuses what would not read back as exactly that one field', () => {
    for (const v of [',', '"', '\r', '\n', 'a,b', '\u0000', '\u0085']) expect(encodeField(v, false), JSON.stringify(v)).toBeUndefined();
    for (const v of ['\u0000', '\u001b', '\u007f', '\u009f']) expect(encodeField(v, true), JSON.stringify(v)).toBeUndefined();
    expect(encodeField('1370100008', false)).toBe('1370100008');
    expect(encodeField('"さくら", 新宿\r\n第二', true)).toBe('"""さくら"", 新宿\r\n第二"');
    expect(encodeField('', true)).toBe('""');
  });
});

describe('values are read from the record itself, and only keys of the layout are accepted', () => {
  const full = plan();

  it('writeCsvFile: an inherited value is never written; inherited and unknown own keys are refused', () => {
    const inherited = writeCsvFile('UPPLAN', [{ __proto__: full } as unknown as Record<string, unknown>], W);
    expect(inherited.written).toBe(0);
    expect(codes(inherited.issues)).toContain('WRITE_UNKNOWN_FIELD');
    expect(codes(inherited.issues)).toContain('WRITE_MISSING_FIELD');

    const partial = Object.assign(Object.create({ careManagerName: '偽 名' }) as Record<string, unknown>, full);
    delete partial['careManagerName'];
    const w = writeCsvFile('UPPLAN', [partial], W);
    expect(w.written).toBe(0);
    expect(w.issues.find((i) => i.code === 'WRITE_MISSING_FIELD')?.field?.key).toBe('careManagerName');

    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const record = { ...full };
      Object.defineProperty(record, key, { value: 'x', enumerable: true });
      const r = writeCsvFile('UPPLAN', [record], W);
      expect(r.written, key).toBe(0);
      expect(r.issues.map((i) => [i.code, i.value]), key).toEqual([['WRITE_UNKNOWN_FIELD', key]]);
    }
  });

  it('writeCsvFile: a record with a null prototype is written like a plain one', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, full);
    const a = writeCsvFile('UPPLAN', [bare], W);
    expect(a.issues).toEqual([]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(writeCsvFile('UPPLAN', [full], W).bytes))).toBe(true);
  });

  it('writeCsvFile: a polluted Object.prototype does not fill a missing field', () => {
    const { careManagerName: _gone, ...missing } = full;
    const proto = Object.prototype as Record<string, unknown>;
    proto['careManagerName'] = '偽 名';
    try {
      const w = writeCsvFile('UPPLAN', [missing], W);
      expect(w.written).toBe(0);
      expect(codes(w.issues)).toEqual(['WRITE_MISSING_FIELD']);
    } finally {
      delete proto['careManagerName'];
    }
  });

  const protoFields: [string, unknown][] = [['__proto__', { ...SAMPLE[0]! }]];
  const withProto: [string, unknown][] = [...Object.entries(SAMPLE[0]!), ['__proto__', { x: '1' }]];

  for (const [label, file, text] of [
    ['inspect json, a record of only __proto__', 'plan.json', inspectJson([protoFields])],
    ['inspect ndjson, a record of only __proto__', 'plan.ndjson', inspectNdjson([protoFields])],
    ['inspect json, __proto__ beside the fields', 'plan.json', inspectJson([withProto])],
    ['plain json array', 'plan.json', `[${JSON.stringify(SAMPLE[0]).replace(/^\{/, '{"__proto__":{"x":"1"},')}]`],
    ['plain ndjson', 'plan.ndjson', JSON.stringify(SAMPLE[0]).replace(/^\{/, '{"__proto__":{"x":"1"},')],
    ['inspect json, constructor key', 'plan.json', inspectJson([[...Object.entries(SAMPLE[0]!), ['constructor', 'x']]])],
  ] as const) {
    it(`convert refuses a __proto__ or other non-field key given as ${label}, and writes nothing`, () => {
      const r = convert(file, text);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('[WRITE_UNKNOWN_FIELD]');
      expect(r.written).toEqual([]);
    });
  }

  it('convert: inspect fields that repeat a key or are not {key, value} are a usage error, never dropped', () => {
    const twice = convert('plan.json', inspectJson([[...Object.entries(SAMPLE[0]!), ['careManagerName', '別 人']]]));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('careManagerName');
    const dir = mkdtempSync(join(tmpdir(), 'careplan-write-safety-'));
    const doc = JSON.parse(inspectJson([Object.entries(SAMPLE[0]!)])) as { records: { fields: unknown[] }[] };
    doc.records[0]!.fields.push({ name: 'no key' });
    writeFileSync(join(dir, 'x.json'), JSON.stringify(doc));
    const r = run(['convert', join(dir, 'x.json'), ...CONVERT, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(2);
  });

  it('check-records sees a __proto__ key of inspect output as a key the layout lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-write-safety-'));
    writeFileSync(join(dir, 'plan.json'), inspectJson([protoFields]));
    const r = run(['check-records', 'UPPLAN', join(dir, 'plan.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[WRITE_UNKNOWN_FIELD]');
  });

  it('records read from a file are built with own keys even for a key a plain assignment would lose', () => {
    const layout = { fields: [{ key: 'a' }, { key: '__proto__' }] } as unknown as Layout;
    const record = recordFactory(layout)(['x', 'y']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(Object.keys(record)).toEqual(['a', '__proto__']);
  });
});

describe('control characters are refused, never written', () => {
  const controls = ['\u0000', '\u0007', '\u0009', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f'];

  for (const ch of controls) {
    const label = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    it(`${label} in a free text field and in a bare field: WRITE_CONTROL_CHAR naming field, record and character`, () => {
      for (const [key, value] of [
        ['careManagerName', `髙橋${ch}﨑子`],
        ['serviceOfficeName', `ABC${ch}`],
        ['insuredNumber', `000012345${ch}`],
      ] as const) {
        const w = writeCsvFile('UPPLAN', [plan(), plan({ [key]: value })], W);
        expect(w.written).toBe(1);
        expect(w.issues).toHaveLength(1);
        const issue = w.issues[0]!;
        expect(issue).toMatchObject({ code: 'WRITE_CONTROL_CHAR', severity: 'error', record: 2, field: { no: fieldOf(key).no, key }, value });
        expect(issue.message).toContain(label);
        expect(issue.messageEn).toContain(label);
        expect(issue.message).toContain(`No.${fieldOf(key).no}`);
        expect(Buffer.from(w.bytes).includes(ch.charCodeAt(0))).toBe(false);
      }
    });
  }

  it('CR and LF stay allowed in free text, and remain WRITE_UNSAFE_VALUE in a bare field', () => {
    const w = writeCsvFile('UPPLAN', [plan({ serviceOfficeName: '1行目\r\n2行目\n3行目\r' })], W);
    expect(w.issues).toEqual([]);
    expect(readCsvFile({ name: PLAN_NAME, bytes: w.bytes }).records[0]!['serviceOfficeName']).toBe('1行目\r\n2行目\n3行目\r');
    expect(codes(writeCsvFile('UPPLAN', [plan({ insuredNumber: '00001\r\n2345' })], W).issues)).toEqual(['WRITE_UNSAFE_VALUE']);
  });

  it('convert refuses a NUL in the records and writes nothing', () => {
    const records = SAMPLE.map((r, i) => (i === 1 ? { ...r, serviceOfficeName: `${r['serviceOfficeName']}\u0000` } : r));
    const r = convert('records.json', JSON.stringify(records));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[WRITE_CONTROL_CHAR]');
    expect(r.stdout).toContain('U+0000');
    expect(r.written).toEqual([]);
  });

  it('property: whatever a field holds, what is written reads back as that value, with no control character but CR/LF in free text', () => {
    const chars = fc.oneof(fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)), fc.constantFrom('髙', '〜', 'ｶ', ',', '"', '\r\n'));
    const text = fc.array(chars, { maxLength: 8 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...UPPLAN.fields.slice(1)), text, (field, value) => {
        const w = writeCsvFile('UPPLAN', [plan({ [field.key]: value })], W);
        if (w.written === 0) {
          expect(errors(w.issues).length).toBeGreaterThan(0);
          return;
        }
        const back = readCsvFile({ name: PLAN_NAME, bytes: w.bytes }, { kind: 'UPPLAN' }).records;
        expect(back).toHaveLength(1);
        expect(back[0]![field.key]).toBe(value);
        const allowed = field.format === 'freeText' ? /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/ : /[\u0000-\u001f\u007f-\u009f]/;
        expect(allowed.test(value)).toBe(false);
      }),
      { numRuns: process.env['FUZZ'] ? 3000 : 500 },
    );
  });
});
