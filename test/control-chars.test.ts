// Control characters inside field values (NUL, BEL, ESC, DEL, TAB, C1…): FIELD_CONTROL_CHAR, an error, located
// on the field, record and line, the character named as U+XXXX. Line breaks (CR, LF) inside free text are kept
// by the spec (※フリーテキストは…改行…は削除しない) and stay allowed there, and only there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFieldChecker, getLayout, recordSchema, validateFile, type Field } from '../src/index.js';
import { fileName, visit } from './support/builders.js';
import { writeCsvFile } from '../src/index.js';

const RUNS = process.env['FUZZ'] ? 300 : 40;

const plan = getLayout('UPPLAN', '202407')!;
const field = (key: string): Field => plan.fields.find((f) => f.key === key)!;
const freeText = field('serviceOfficeName'); // No.21 サービス事業所名, free text without a length
const insured = field('insuredNumber');

describe('the field checker', () => {
  it('reports a control character in free text with its code point, name and position', () => {
    const problems = compileFieldChecker(freeText)('ﾍﾙﾊﾟｰ\u001Bさくら');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['FIELD_CONTROL_CHAR', 'error']]);
    expect(problems[0]!.message).toBe('No.21「サービス事業所名」 の値の6文字目に制御文字 U+001B（ESC） があります。フリーテキストでも改行（CR・LF）以外の制御文字は使えません。');
    expect(problems[0]!.messageEn).toContain('control character U+001B (ESC) at character 6');
  });

  it.each([
    ['NUL', '\u0000', 'U+0000（NUL）'],
    ['BEL', '\u0007', 'U+0007（BEL）'],
    ['TAB', '\t', 'U+0009（TAB）'],
    ['VT', '\u000B', 'U+000B（VT）'],
    ['unit separator', '\u001F', 'U+001F'],
    ['DEL', '\u007F', 'U+007F（DEL）'],
    ['C1 NEL', '\u0085', 'U+0085'],
    ['C1 APC', '\u009F', 'U+009F'],
  ])('%s is an error in free text', (_, ch, label) => {
    const problems = compileFieldChecker(freeText)(`髙橋${ch}﨑子`);
    expect(problems.map((p) => p.code)).toEqual(['FIELD_CONTROL_CHAR']);
    expect(problems[0]!.message).toContain(label);
  });

  it('CR and LF are line breaks in free text, and nothing else is near the range', () => {
    const check = compileFieldChecker(freeText);
    expect(check('西新宿\r\n二丁目\n三丁目\r')).toEqual([]);
    expect(check('\u00A0全角　ｶﾅ　～－')).toEqual([]); // U+00A0 is past C1
  });

  it('counts the others and reports other problems of free text alongside', () => {
    // 介護予防サービス・支援計画書 別表 課題ＮＯ: free text of at most 2 characters.
    const issueNo = getLayout('UPYOBO_SUB', '202407')!.fields.find((f) => f.key === 'issueNo')!;
    const problems = compileFieldChecker(issueNo)('12\u0000\u0000');
    expect(problems.map((p) => p.code)).toEqual(['FIELD_CONTROL_CHAR', 'FIELD_TOO_LONG']);
    expect(problems[0]!.message).toContain('3文字目');
    expect(problems[0]!.message).toContain('ほかに1個');
  });

  it('outside free text, CR and LF are control characters too, and the control character is the one problem', () => {
    const check = compileFieldChecker(insured);
    const nul = check('000012345\u0000');
    expect(nul.map((p) => p.code)).toEqual(['FIELD_CONTROL_CHAR']);
    expect(nul[0]!.message).toContain('10文字目に制御文字 U+0000（NUL）');
    expect(nul[0]!.message).not.toContain('フリーテキスト');
    expect(check('00001\r\n2345').map((p) => p.code)).toEqual(['FIELD_CONTROL_CHAR']);
    expect(check('0000123456')).toEqual([]);
  });

  it('recordSchema rejects the record', () => {
    const result = recordSchema('UPPLAN', '202407')!.safeParse(visit({ serviceOfficeName: 'ﾍﾙﾊﾟｰ\u0007' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], (i as { params?: { code?: string } }).params?.code])).toEqual([['serviceOfficeName', 'FIELD_CONTROL_CHAR']]);
  });

  it('any string with a control character outside CR/LF is reported; any without, never', () => {
    const check = compileFieldChecker(freeText);
    const control = fc.constantFrom(...[...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].filter((c) => c !== 0x0a && c !== 0x0d).map((c) => String.fromCharCode(c)));
    const text = fc.string({ unit: fc.constantFrom('あ', 'ｱ', 'a', '1', ',', '"', '\r', '\n', '髙', ' ', '　'), maxLength: 20 });
    fc.assert(
      fc.property(text, control, text, (a, c, b) => {
        expect(check(a + c + b).some((p) => p.code === 'FIELD_CONTROL_CHAR')).toBe(true);
        expect(check(a + b).some((p) => p.code === 'FIELD_CONTROL_CHAR')).toBe(false);
      }),
      { numRuns: RUNS, seed: 20261206 },
    );
  });
});

describe('validateFile', () => {
  const name = fileName('UPPLAN', '202504');
  /** A file whose 2nd record has `ch` in its free-text office name; the 1st record spans two physical lines. */
  function fileWith(bytesOf: (marker: number[]) => number[]) {
    const records = [visit({ serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ\r\nさくら' }), visit({ serviceOfficeName: 'ﾍﾙﾊﾟｰXｽﾃｰｼｮﾝ', serviceDate: '20250408' })];
    const { bytes } = writeCsvFile('UPPLAN', records, { csvVersion: '202407' });
    // The writer may refuse control characters: put them in the bytes ('X' is the only ASCII X in the file).
    const at = bytes.indexOf(0x58);
    return { name, bytes: new Uint8Array([...bytes.subarray(0, at), ...bytesOf([0x58]), ...bytes.subarray(at + 1)]) };
  }

  it.each([
    ['NUL', 0x00, 'U+0000'],
    ['ESC', 0x1b, 'U+001B'],
    ['BEL', 0x07, 'U+0007'],
    ['TAB', 0x09, 'U+0009'],
    // Node's shift_jis decoder (ICU) reads these three as one another (0x7F as U+001A …); the reader undoes it,
    // so every byte is named as itself, as a browser reads it.
    ['DEL', 0x7f, 'U+007F（DEL）'],
    ['SUB', 0x1a, 'U+001A（SUB）'],
    ['FS', 0x1c, 'U+001C'],
  ])('%s inside a field is an error located on field, record and line', (_, byte, hex) => {
    const r = validateFile(fileWith(() => [byte]));
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.record, i.field?.no, i.field?.name])).toEqual([
      ['FIELD_CONTROL_CHAR', 'error', 3, 2, 21, 'サービス事業所名'],
    ]);
    expect(r.issues[0]!.value).toBe(`ﾍﾙﾊﾟｰ${String.fromCharCode(byte)}ｽﾃｰｼｮﾝ`);
    expect(r.issues[0]!.message).toContain(hex);
    expect(r.issues[0]!.message).toContain('No.21「サービス事業所名」');
  });

  it('the same file without the character has no issue', () => {
    expect(validateFile(fileWith(() => [0x58])).issues).toEqual([]);
  });
});
