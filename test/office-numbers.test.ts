// 介護保険事業所番号 of 介護予防・日常生活支援総合事業 providers: the 3rd character (事業所区分) is an upper-case
// letter (A; I, O, Q never used), every other one a digit (MHLW 資料13). Edition 4.1 brought these providers
// (A1–A9) into the exchange, so their numbers must pass wherever an office number appears: file names, fields,
// send units, buildFileName and the command's --from/--to.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../spec-tables/index.js';
import {
  buildFileName,
  compileFieldChecker,
  getLayout,
  parseFileName,
  recordSchema,
  sendUnitKey,
  validateFiles,
} from '../src/index.js';
import { annex, CM, file, fileName, total, visit } from './support/builders.js';
import { supplement } from './support/annex.js';
import { preventionRecord } from './support/prevention-send-unit.js';
import { validRecord } from './support/records.js';
import { runCommand } from './support/command.js';
import { codes } from './support/issues.js';


/** A 通所型サービス（独自） provider of 総合事業 and a 地域包括支援センター sending its 介護予防ケアマネジメント. */
const SOGO_DAY_CARE = { office: '13A0600000', serviceType: 'A6' };
const CENTER_AF = { office: '1300400007', serviceType: 'AF' };
const TS = '20250325100000';

const VALID = ['13A0100001', '01A9999993', '47Z0000005', '13B0100009', '1370100008', '0300000106'];
// Lower case, the three letters never used, a letter elsewhere, a letter for a digit, 9 and 11 characters.
const INVALID = ['13a0100001', '13I0100001', '13O0100001', '13Q0100001', 'A370100001', '1A70100001', '137A100001', '1370100A01', '13A010000', '13A01000011', '13Ａ0100001', '13-0100001'];

describe('the office number format kind', () => {
  it('is data of spec-tables: digits, the 3rd an upper-case letter other than I, O, Q as well', () => {
    const pattern = FORMATS.officeNumber.pattern;
    for (const v of VALID) expect(pattern.test(v), v).toBe(true);
    for (const v of INVALID) expect(pattern.test(v), v).toBe(false);
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => pattern.test(`13${l}0100001`));
    expect(letters.join('')).toBe('ABCDEFGHJKLMNPRSTUVWXYZ');
    expect(FORMATS.officeNumber.ja).not.toContain('数字10桁');
    expect(FORMATS.officeNumber.ja).toContain('I・O・Q');
  });
});

describe('file names', () => {
  const plan = (sender: string, receiver: string) => `UPPLAN_202504_${sender}_43_${receiver}_A6_${TS}.CSV`;

  it('parse with a 総合事業 office number as sender or receiver', () => {
    const parsed = parseFileName(plan('1370100008', '13A0600000'));
    expect(parsed.issues).toEqual([]);
    expect(parsed.info?.receiver).toEqual(SOGO_DAY_CARE);
    const delivery = parseFileName(`UPJSK_202504_13A0600000_A6_1370100008_43_${TS}.CSV`);
    expect(delivery.ok).toBe(true);
    expect(delivery.info?.sender).toEqual(SOGO_DAY_CARE);
    // Edition-3 names carry office numbers too.
    expect(parseFileName(`UPPLAN_202301_1370100008_13A0600000_${TS}.CSV`).issues).toEqual([]);
  });

  it('still reject lower case, I/O/Q, a letter elsewhere, with a message that states the rule', () => {
    for (const office of INVALID) {
      const issues = parseFileName(plan('1370100008', office)).issues;
      expect(codes(issues), office).toEqual(['NAME_BAD_OFFICE']);
      expect(issues[0]).toMatchObject({ severity: 'error', value: office, segment: { key: 'receiverOffice' } });
      expect(issues[0]!.message).not.toContain('10桁の数字です');
      expect(issues[0]!.message).toContain('I・O・Q');
    }
    const lower = parseFileName(plan('1370100008', '13a0100001')).issues[0]!;
    expect(lower.message).toContain('3桁目（事業所区分）が英小文字 a');
    expect(lower.messageEn).toContain('lower-case a');
    expect(parseFileName(plan('1370100008', '13O0100001')).issues[0]!.message).toContain('O は使われない英字');
    expect(parseFileName(plan('1370100008', '1370100A01')).issues[0]!.message).toContain('8桁目 A が数字ではありません');
  });

  it('build, and read back, with buildFileName', () => {
    const built = buildFileName({ kind: 'UPPLAN', edition: 4, month: '202504', sender: CM, receiver: SOGO_DAY_CARE, timestamp: TS });
    expect(built).toMatchObject({ ok: true, name: `UPPLAN_202504_1370100008_43_13A0600000_A6_${TS}.CSV` });
    const yobo = buildFileName({ kind: 'UPYOBO', edition: 4, sender: CENTER_AF, receiver: SOGO_DAY_CARE, timestamp: TS });
    expect(yobo.ok).toBe(true);
    const bad = buildFileName({ kind: 'UPPLAN', edition: 4, month: '202504', sender: CM, receiver: { office: '13I0600006', serviceType: 'A6' }, timestamp: TS });
    expect(bad.ok).toBe(false);
    expect(codes(bad.issues)).toEqual(['NAME_BAD_OFFICE']);
  });

  it('key send units by the number as written', () => {
    expect(sendUnitKey({ timestamp: TS, sender: CM, receiver: SOGO_DAY_CARE })).toBe(`${TS}:1370100008_43>13A0600000_A6`);
  });
});

describe('fields of format officeNumber', () => {
  const officeFields = getLayout('UPPLAN', '202407')!.fields.filter((f) => f.format === 'officeNumber');

  it('accept a 総合事業 office number (compiled checker and recordSchema)', () => {
    expect(officeFields.map((f) => f.no)).toEqual([6, 20, 24]);
    for (const f of officeFields) expect(compileFieldChecker(f)('13A0600000'), f.name).toEqual([]);
    const layout = getLayout('UPPLAN', '202407')!;
    const record = validRecord(layout, { serviceOfficeNumber: '13A0600000', serviceCode: 'A62111' });
    expect(recordSchema('UPPLAN', '202407')!.safeParse(record).success).toBe(true);
  });

  it('reject the other shapes with FIELD_FORMAT naming the real rule', () => {
    const check = compileFieldChecker(officeFields.find((f) => f.key === 'serviceOfficeNumber')!);
    for (const v of INVALID.filter((v) => [...v].length === 10)) {
      const problems = check(v);
      expect(problems.map((p) => [p.code, p.severity]), v).toEqual([['FIELD_FORMAT', 'error']]);
      expect(problems[0]!.message).toContain('3桁目の事業所区分だけは英大文字も可（I・O・Qを除く）');
      expect(problems[0]!.message).not.toContain('数字10桁');
    }
  });
});

describe('send units with a 総合事業 provider', () => {
  // 通所型サービス（独自）: a monthly fee, on the four days used.
  const days = [3, 10, 17, 24];
  const dayCare = days.map((d) =>
    visit({ serviceOfficeNumber: SOGO_DAY_CARE.office, serviceOfficeName: 'ﾃﾞｲｻｰﾋﾞｽ ひまわり', serviceCode: 'A62111', units: '1798', serviceStartTime: '1000', serviceEndTime: '1500', serviceCount: '1', serviceDate: `202504${String(d).padStart(2, '0')}` }),
  );
  const annexRows = [
    annex({ serviceOfficeNumber: SOGO_DAY_CARE.office, serviceOfficeName: 'ﾃﾞｲｻｰﾋﾞｽ ひまわり', serviceCode: 'A62111', units: '1798', timesOrDays: '4', serviceUnitsOrAmount: '7192', benefitManagementUnits: '7192' }),
    total({ serviceUnitsOrAmount: '7192', benefitManagementUnits: '7192', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '7192' }),
  ];

  it('a complete schedule unit to 13A0600000 validates with no issue at all', () => {
    const unit = [
      file('UPPLAN', dayCare, fileName('UPPLAN', '202504', CM, SOGO_DAY_CARE, 4, TS)),
      file('UPSIKYU', annexRows, fileName('UPSIKYU', '202504', CM, SOGO_DAY_CARE, 4, TS)),
      file('UPHOSOKU', [supplement()], fileName('UPHOSOKU', '202504', CM, SOGO_DAY_CARE, 4, TS)),
    ];
    const r = validateFiles(unit);
    expect(r.issues).toEqual([]);
    expect(r.units.map((u) => [u.key, u.type, u.files.length])).toEqual([[`${TS}:1370100008_43>13A0600000_A6`, 'schedule', 3]]);
  });

  it('the receiver checks apply to the 総合事業 receiver as to any other', () => {
    // A 第6表 for 13A0600000 that holds only another office's rows is not its business.
    const other = dayCare.map((r) => ({ ...r, serviceOfficeNumber: '13A0700008' }));
    const r = validateFiles([file('UPPLAN', other, fileName('UPPLAN', '202504', CM, SOGO_DAY_CARE, 4, TS))]);
    expect(codes(r.files[0]!.issues)).toContain('FILE_RECORD_NOT_FOR_RECEIVER');
  });

  it('its 実績 sent back with 13A0600000 as sender validates with no issue', () => {
    const jsk = file('UPJSK', dayCare, fileName('UPJSK', '202504', SOGO_DAY_CARE, CM, 4, TS));
    expect(validateFiles([jsk]).issues).toEqual([]);
  });

  it('a 介護予防 plan unit from a 地域包括支援センター (AF) to it validates with no issue', () => {
    const name = (kind: 'UPYOBO' | 'UPYOBO_SUB') => fileName(kind, undefined, CENTER_AF, SOGO_DAY_CARE, 4, TS);
    const unit = [file('UPYOBO', [preventionRecord('UPYOBO')], name('UPYOBO')), file('UPYOBO_SUB', [preventionRecord('UPYOBO_SUB')], name('UPYOBO_SUB'))];
    expect(validateFiles(unit).issues).toEqual([]);
  });
});

describe('the command', () => {
  const run = runCommand;

  it('name --build takes a 総合事業 office number in --from / --to', () => {
    const args = ['name', '--build', '--kind', 'UPJSK', '--edition', '4', '--month', '202504', '--timestamp', TS];
    const r = run([...args, '--from', '13A0600000/A6', '--to', '1370100008/43']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`UPJSK_202504_13A0600000_A6_1370100008_43_${TS}.CSV`);
    const bad = run([...args, '--from', '13a0600006/A6', '--to', '1370100008/43']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('NAME_BAD_OFFICE');
  });

  it('name reads a 総合事業 name without error', () => {
    const r = run(['name', `UPPLAN_202504_1370100008_43_13A0600000_A6_${TS}.CSV`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('13A0600000');
  });
});

it('validRecord-based records of every layout accept the number in every office field', () => {
  for (const kind of ['UPPLAN', 'UPSIKYU', 'UP1KYO', 'UP2KYO', 'UPHOSOKU', 'DLTJSK'] as const) {
    const layout = getLayout(kind, '202407')!;
    const fields = layout.fields.filter((f) => f.format === 'officeNumber');
    const record = validRecord(layout, Object.fromEntries(fields.map((f) => [f.key, '13A0600000'])));
    const result = recordSchema(kind, '202407')!.safeParse(record);
    expect(result.success, `${kind}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
  }
});
