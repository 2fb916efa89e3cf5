// 検証番号 (check digits) of 介護保険事業所番号: MHLW 資料13, modulus 10, weights 2-1 from the right over the first
// nine characters, letters A=10 … Z=32 (I, O, Q skipped), a two-digit product counted as its digits, check =
// 10 − sum mod 10 (0 when that is 0). A wrong one is a warning wherever an office number appears: file names,
// fields of format officeNumber, buildFileName and the command's --from/--to.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFileName,
  compileFieldChecker,
  FORMATS,
  getLayout,
  hasValidCheckDigit,
  officeCheckDigit,
  parseFileName,
  validateFiles,
} from '../src/index.js';
import { annex, CM, file, fileName, HELPER, total, visit } from './support/builders.js';
import { runCommand } from './support/command.js';
import { codes } from './support/issues.js';

const TS = '20250325100000';
const CHECK_CODES = ['NAME_OFFICE_CHECK_DIGIT', 'FIELD_OFFICE_CHECK_DIGIT'];

describe('the algorithm, on worked examples written out by hand', () => {
  // Each example: the nine characters, their values, the weight of each (2, 1, 2, … from the right), the
  // products with the digits of a two-digit product added, the sum, and the check digit.
  const worked = [
    // 1 3 7 0 1 0 0 0 0 × 2 1 2 1 2 1 2 1 2 → 2, 3, 14→1+4=5, 0, 2, 0, 0, 0, 0 = 12; 10 − 2 = 8.
    { firstNine: '137010000', products: [2, 3, 5, 0, 2, 0, 0, 0, 0], sum: 12, check: '8' },
    // The same with a 1 last: 2 more, 14; 10 − 4 = 6.
    { firstNine: '137010001', products: [2, 3, 5, 0, 2, 0, 0, 0, 2], sum: 14, check: '6' },
    // 1 3 A(10) 0 1 0 0 0 0: A × 2 = 20 → 2+0 = 2; 2 + 3 + 2 + 0 + 2 = 9; 10 − 9 = 1.
    { firstNine: '13A010000', products: [2, 3, 2, 0, 2, 0, 0, 0, 0], sum: 9, check: '1' },
    // 1 3 A 0 6 0 0 0 0: 6 × 2 = 12 → 3; 2 + 3 + 2 + 0 + 3 = 10; the sum ends in 0, so 0.
    { firstNine: '13A060000', products: [2, 3, 2, 0, 3, 0, 0, 0, 0], sum: 10, check: '0' },
    // 4 7 Z(32) 0 0 0 0 0 0: Z × 2 = 64 → 6+4 = 10; 8 + 7 + 10 = 25; 10 − 5 = 5.
    { firstNine: '47Z000000', products: [8, 7, 10, 0, 0, 0, 0, 0, 0], sum: 25, check: '5' },
    // 1 3 P(23) 0 1 0 0 0 0: P × 2 = 46 → 4+6 = 10; 2 + 3 + 10 + 2 = 17; 10 − 7 = 3.
    { firstNine: '13P010000', products: [2, 3, 10, 0, 2, 0, 0, 0, 0], sum: 17, check: '3' },
    // ALL9: 9×2=18→9 five times, 9×1 four times: 45 + 36 = 81; 10 − 1 = 9 (9999999999 passes by chance).
    { firstNine: '999999999', products: [9, 9, 9, 9, 9, 9, 9, 9, 9], sum: 81, check: '9' },
  ];

  it.each(worked)('$firstNine → $check', ({ firstNine, products, sum, check }) => {
    expect(products.reduce((a, b) => a + b, 0)).toBe(sum);
    expect((10 - (sum % 10)) % 10).toBe(Number(check));
    expect(officeCheckDigit(firstNine)).toBe(check);
    expect(hasValidCheckDigit(firstNine + check)).toBe(true);
  });

  it('knows the numbers the fixtures use', () => {
    for (const office of ['1370100008', '1370200006', '1370300004', '1370400002', '1370500009', '1370600007', '13A0600000', '13A0100001', '1300400007', '0300000106']) {
      expect(hasValidCheckDigit(office), office).toBe(true);
    }
    expect(hasValidCheckDigit('1370100001')).toBe(false);
  });

  it('answers nothing for what is not an office number, and throws TypeError naming the argument', () => {
    for (const bad of ['13701000', '1370100000', '13I010000', '13a010000', '1A7010000', '１37010000', '']) expect(officeCheckDigit(bad), bad).toBeUndefined();
    for (const bad of ['137010000', '13701000081', '13I0100001', '13a0100001']) expect(hasValidCheckDigit(bad), bad).toBe(false);
    expect(() => officeCheckDigit(137010000 as unknown as string)).toThrow(TypeError);
    expect(() => officeCheckDigit(undefined as unknown as string)).toThrow(/firstNine/);
    expect(() => hasValidCheckDigit(null as unknown as string)).toThrow(/office/);
  });

  it('is data of spec-tables: the office number format kind carries its scheme', () => {
    expect(FORMATS.officeNumber.checkDigit).toMatchObject({ letters: 'ABCDEFGHJKLMNPRSTUVWXYZ', firstLetterValue: 10, weights: [2, 1], modulus: 10 });
    expect(FORMATS.officeNumber.checkDigit.source).toContain('資料13');
  });
});

describe('properties', () => {
  const digit = fc.constantFrom(...'0123456789');
  const category = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ');
  const firstNine = fc.tuple(fc.array(digit, { minLength: 2, maxLength: 2 }), category, fc.array(digit, { minLength: 6, maxLength: 6 })).map(([a, c, b]) => [...a, c, ...b].join(''));

  it('for any valid nine-character prefix exactly one of the ten last digits passes', () => {
    fc.assert(
      fc.property(firstNine, (nine) => {
        const passing = [...'0123456789'].filter((d) => hasValidCheckDigit(nine + d));
        expect(passing).toEqual([officeCheckDigit(nine)]);
      }),
    );
  });

  it('every substitution of one digit by another is detected, wherever it is', () => {
    fc.assert(
      fc.property(firstNine, fc.integer({ min: 0, max: 9 }), digit, (nine, at, replacement) => {
        const office = nine + officeCheckDigit(nine)!;
        fc.pre(/\d/.test(office[at]!) && office[at] !== replacement);
        const typo = office.slice(0, at) + replacement + office.slice(at + 1);
        expect(hasValidCheckDigit(typo)).toBe(false);
      }),
    );
  });

  it('a letter swapped for a digit in the 3rd place is not always detected: 33 symbols share 10 values', () => {
    // The scheme's own limit (why a pass is no proof): A × 2 = 20 → 2 as 1 × 2 = 2, so 13A0100001 and
    // 1310100001 both pass; E × 2 = 28 → 10 as 0 × 2 = 0.
    expect(hasValidCheckDigit('13A0100001')).toBe(true);
    expect(hasValidCheckDigit('1310100001')).toBe(true);
    expect(officeCheckDigit('13E010000')).toBe(officeCheckDigit('130010000'));
    // But a letter for a letter of another value, or for a digit of another value, is caught.
    expect(hasValidCheckDigit('13B0100001')).toBe(false);
    expect(hasValidCheckDigit('1320100001')).toBe(false);
  });
});

describe('file names', () => {
  const plan = (sender: string, receiver: string) => `UPPLAN_202504_${sender}_43_${receiver}_11_${TS}.CSV`;

  it('a wrong check digit is a located warning naming the expected digit; the name still parses', () => {
    const parsed = parseFileName(plan('1370100001', '1370200006'));
    expect(parsed.ok).toBe(true);
    expect(parsed.info?.sender.office).toBe('1370100001');
    expect(parsed.issues).toHaveLength(1);
    const [i] = parsed.issues;
    expect(i).toMatchObject({
      code: 'NAME_OFFICE_CHECK_DIGIT',
      severity: 'warning',
      file: plan('1370100001', '1370200006'),
      segment: { key: 'senderOffice', name: '送信元の事業所番号' },
      value: '1370100001',
      params: { segment: 'senderOffice', value: '1370100001', expected: '8', kind: 'UPPLAN' },
    });
    expect(i!.message).toBe('ファイル名の「送信元の事業所番号」"1370100001"：事業所番号 1370100001 の検証番号（10桁目）は 8 のはずです（入力誤りのおそれ）。');
    expect(i!.messageEn).toContain('File name sender office number "1370100001"');
    expect(i!.messageEn).toContain('check digit (10th character) of office number 1370100001 should be 8');
  });

  it('checks the receiver, the 総合事業 numbers with a letter, and edition-3 names', () => {
    expect(parseFileName(plan('1370100008', '1370200001')).issues).toMatchObject([{ code: 'NAME_OFFICE_CHECK_DIGIT', segment: { key: 'receiverOffice' }, params: { expected: '6' } }]);
    expect(parseFileName(`UPPLAN_202504_1370100008_43_13A0600009_A6_${TS}.CSV`).issues).toMatchObject([{ code: 'NAME_OFFICE_CHECK_DIGIT', value: '13A0600009', params: { expected: '0' } }]);
    const both = parseFileName(`UPPLAN_202303_1370100007_1370200005_${TS}.CSV`);
    expect(both.issues.map((i) => [i.code, i.segment?.key])).toEqual([
      ['NAME_OFFICE_CHECK_DIGIT', 'senderOffice'],
      ['NAME_OFFICE_CHECK_DIGIT', 'receiverOffice'],
    ]);
  });

  it('a malformed number gets only its format issue, never the check digit as well', () => {
    for (const office of ['137010000', '13701000011', '13I0100001', '13a0100001', '1A70100001']) {
      expect(codes(parseFileName(plan(office, '1370200006')).issues), office).toEqual(['NAME_BAD_OFFICE']);
    }
  });
});

describe('buildFileName', () => {
  const parts = { kind: 'UPPLAN' as const, edition: 4 as const, month: '202504', sender: CM, receiver: HELPER, timestamp: TS };

  it('builds the name with a wrong check digit, and returns the warning', () => {
    const built = buildFileName({ ...parts, receiver: { office: '1370200001', serviceType: '11' } });
    expect(built.ok).toBe(true);
    expect(built.name).toBe(`UPPLAN_202504_1370100008_43_1370200001_11_${TS}.CSV`);
    expect(built.issues).toMatchObject([{ code: 'NAME_OFFICE_CHECK_DIGIT', severity: 'warning', value: '1370200001', params: { expected: '6' } }]);
  });

  it('refuses a malformed number with NAME_BAD_OFFICE alone, and builds a right one with no issue', () => {
    const bad = buildFileName({ ...parts, sender: { office: '137010000', serviceType: '43' } });
    expect(bad.ok).toBe(false);
    expect(codes(bad.issues)).toEqual(['NAME_BAD_OFFICE']);
    expect(buildFileName(parts)).toMatchObject({ ok: true, issues: [] });
  });
});

describe('fields of format officeNumber', () => {
  it('every office field of every layout warns, with the expected digit', () => {
    let checked = 0;
    for (const kind of ['UPPLAN', 'UPSIKYU', 'UP1KYO', 'UP2KYO', 'UPHOSOKU', 'DLTJSK', 'UPYOBO', 'UPKIHON'] as const) {
      for (const f of getLayout(kind, '202407')!.fields.filter((x) => x.format === 'officeNumber')) {
        const check = compileFieldChecker(f);
        expect(check('1370100008'), `${kind} ${f.name}`).toEqual([]);
        const problems = check('1370100001');
        expect(problems.map((p) => [p.code, p.severity, p.params]), `${kind} ${f.name}`).toEqual([
          ['FIELD_OFFICE_CHECK_DIGIT', 'warning', { field: { no: f.no, name: f.name }, value: '1370100001', expected: '8' }],
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('a malformed value gets FIELD_FORMAT (or FIELD_LENGTH) alone', () => {
    const f = getLayout('UPPLAN', '202407')!.fields.find((x) => x.key === 'serviceOfficeNumber')!;
    const check = compileFieldChecker(f);
    expect(check('13I0100001').map((p) => p.code)).toEqual(['FIELD_FORMAT']);
    expect(check('137010000').map((p) => p.code)).toEqual(['FIELD_LENGTH']);
  });

  it('the values the spec fixes (第7表 ALL9) are exempt, declared as data', () => {
    const fields = getLayout('UPSIKYU', '202407')!.fields;
    const fixed = fields.filter((f) => f.fixedValues !== undefined);
    expect(fixed.map((f) => [f.no, f.name, f.fixedValues])).toEqual([
      [7, 'サービス事業所コード', ['9999999999']],
      [34, '事業所コード', ['9999999999']],
    ]);
    for (const f of fixed) expect(compileFieldChecker(f)('9999999999')).toEqual([]);
    // The exemption is explicit: with a check digit scheme that 9999999999 fails, the fixed value still passes.
    // (ALL9 passes the real scheme by chance, worked out above.) Every edition inherits it.
    for (const version of ['202208', '202404', '202407']) {
      const no7 = getLayout('UPSIKYU', version)?.fields.find((f) => f.key === 'serviceOfficeNumber');
      if (no7) expect(no7.fixedValues, version).toEqual(['9999999999']);
    }
    // A field without the fact gets no exemption: 9999999999 with a wrong digit elsewhere would warn.
    const no6 = getLayout('UPPLAN', '202407')!.fields.find((f) => f.key === 'serviceOfficeNumber')!;
    expect(no6.fixedValues).toBeUndefined();
    expect(compileFieldChecker(no6)('9999999990').map((p) => p.code)).toEqual(['FIELD_OFFICE_CHECK_DIGIT']);
    expect(compileFieldChecker(fixed[0]!)('9999999990').map((p) => p.code)).toEqual(['FIELD_OFFICE_CHECK_DIGIT']);
  });

  it('the field checker honours fixedValues even where the digit would be wrong', () => {
    const no7 = getLayout('UPSIKYU', '202407')!.fields.find((f) => f.key === 'serviceOfficeNumber')!;
    const pretend = { ...no7, fixedValues: ['9999999990'] };
    expect(compileFieldChecker(pretend)('9999999990')).toEqual([]);
    expect(compileFieldChecker(no7)('9999999990').map((p) => p.code)).toEqual(['FIELD_OFFICE_CHECK_DIGIT']);
  });
});

describe('a realistic send unit with a typo in an office number', () => {
  // The care-management office typed its own number 1370100001 (its digit is 8) in the file name and in
  // No.6 プラン担当業者コード of its 第6表; a 第7表 row names the helper station as 1370200060 (digits swapped).
  const name = fileName('UPPLAN', '202504', { office: '1370100001', serviceType: '43' }, HELPER, 4, TS);
  const plan = file('UPPLAN', [visit({ careManagementOfficeNumber: '1370100001' }), visit({ serviceDate: '20250414' })], name);
  const annexName = fileName('UPSIKYU', '202504', CM, HELPER, 4, TS);
  const annexRows = file(
    'UPSIKYU',
    [annex({ serviceOfficeNumber: '1370200006' }), annex({ serviceOfficeNumber: '1370200060', serviceCode: '112111', units: '387', timesOrDays: '2', serviceUnitsOrAmount: '774' }), total()],
    annexName,
  );

  it('the warnings are located: file, line, record, field No. and name, value', () => {
    const r = validateFiles([plan]);
    const found = r.issues.filter((i) => CHECK_CODES.includes(i.code));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ code: 'NAME_OFFICE_CHECK_DIGIT', severity: 'warning', file: name, segment: { key: 'senderOffice' }, value: '1370100001' });
    expect(found[1]).toMatchObject({
      code: 'FIELD_OFFICE_CHECK_DIGIT',
      severity: 'warning',
      file: name,
      line: 1,
      record: 1,
      field: { no: 6, key: 'careManagementOfficeNumber', name: 'プラン担当業者コード' },
      value: '1370100001',
    });
    expect(found[1]!.message).toBe('No.6「プラン担当業者コード」：事業所番号 1370100001 の検証番号（10桁目）は 8 のはずです（入力誤りのおそれ）。');
  });

  it('a 第7表 detail row warns; its 全合計 row (9999999999) does not', () => {
    const r = validateFiles([annexRows]);
    const found = r.issues.filter((i) => CHECK_CODES.includes(i.code));
    expect(found.map((i) => [i.code, i.record, i.field?.no, i.value, i.params])).toEqual([
      ['FIELD_OFFICE_CHECK_DIGIT', 2, 7, '1370200060', { field: { no: 7, name: 'サービス事業所コード' }, value: '1370200060', expected: '3' }],
    ]);
  });
});

describe('the bundled samples', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? files(path) : /\.csv$/i.test(f) ? [path] : [];
    });

  it('get no check digit warning', () => {
    const all = files('samples').map((path) => ({ name: path.split('/').pop()!, bytes: readFileSync(path) }));
    expect(all.length).toBeGreaterThan(40);
    const r = validateFiles(all);
    expect(r.issues.filter((i) => CHECK_CODES.includes(i.code))).toEqual([]);
  });
});

describe('the command', () => {
  const build = ['name', '--build', '--kind', 'UPPLAN', '--edition', '4', '--month', '202504', '--timestamp', TS];

  it('name --build: a wrong digit in --from builds the name on stdout, warns on stderr, exit 0', () => {
    const r = runCommand([...build, '--from', '1370100001/43', '--to', '1370200006/11']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`UPPLAN_202504_1370100001_43_1370200006_11_${TS}.CSV`);
    expect(r.stderr).toContain('NAME_OFFICE_CHECK_DIGIT');
    expect(r.stderr).toContain('事業所番号 1370100001 の検証番号（10桁目）は 8 のはずです');
    const json = runCommand([...build, '--from', '1370100008/43', '--to', '1370200001/11', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, issues: [{ code: 'NAME_OFFICE_CHECK_DIGIT', value: '1370200001', params: { expected: '6' } }] });
  });

  it('name --build: a malformed --to still fails with NAME_BAD_OFFICE alone', () => {
    const r = runCommand([...build, '--from', '1370100008/43', '--to', '137020000/11']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('NAME_BAD_OFFICE');
    expect(r.stderr).not.toContain('NAME_OFFICE_CHECK_DIGIT');
  });

  it('name: reading a name with a wrong digit warns and exits 0', () => {
    const r = runCommand(['name', `UPPLAN_202504_1370100008_43_1370200001_11_${TS}.CSV`]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('NAME_OFFICE_CHECK_DIGIT');
  });

  it('convert: a wrong digit in --to writes the file and reports the warning once', () => {
    const out = mkdtempSync(join(tmpdir(), 'careplan-digits-'));
    const records = JSON.parse(readFileSync('samples/records/4.1/UPPLAN.json', 'utf8')) as Record<string, string>[];
    const json = join(out, 'plan.json');
    // The receiver's number as typed, in the name and in the records' No.20 サービス事業所番号 alike.
    writeFileSync(json, JSON.stringify(records.map((rec) => ({ ...rec, serviceOfficeNumber: '1370200001' }))));
    const args = ['convert', json, '--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200001/11', '--timestamp', TS, '--out-dir', join(out, 'o')];
    const r = runCommand(args);
    expect(r.code).toBe(0);
    const written = readdirSync(join(out, 'o'));
    expect(written).toEqual([`UPPLAN_202504_1370100008_43_1370200001_11_${TS}.CSV`]);
    const text = r.stdout + r.stderr;
    expect(text.match(/NAME_OFFICE_CHECK_DIGIT/g)).toHaveLength(1);
    expect(text).toContain('FIELD_OFFICE_CHECK_DIGIT');
    const j = runCommand([...args.slice(0, -1), join(out, 'j'), '--format', 'json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).nameIssues).toMatchObject([{ code: 'NAME_OFFICE_CHECK_DIGIT', value: '1370200001' }]);
  });
});
