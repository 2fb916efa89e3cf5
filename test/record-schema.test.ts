// Zod schemas derived from the spec tables: accept conformant records, reject each kind of wrong value
// with the right field named.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { compileFieldChecker, getLayout, listLayouts, recordSchema, type RecordOf, type RecordSchema } from '../src/index.js';
import { validRecord } from './support/records.js';

/** A realistic 第6表 row: 訪問介護 身体介護1 on 2025-04-07 09:30-10:00 for a synthetic user. */
const plannedVisit: RecordOf<'UPPLAN'> = {
  csvVersion: '202407',
  insurerNumber: '131016',
  insuredNumber: 'H123456789',
  createdDate: '20250325',
  serviceMonth: '202504',
  careManagementOfficeNumber: '1370100008',
  careManagerName: '髙田 﨑子',
  units: '244',
  shortStayDaysToPrevMonth: '',
  serviceDate: '20250407',
  proratedDays: '',
  serviceStartTime: '0930',
  serviceEndTime: '1000',
  serviceCount: '1',
  serviceCode: '111111',
  taisCode: '',
  equipmentNotificationCode: '',
  equipmentName: '',
  detailDistinctionCode: '',
  serviceOfficeNumber: '1370200006',
  serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿',
  satelliteBranch: '',
  over30Days: '0',
  updaterVendorCode: '1370100008',
  identifier: '',
};

function errorsOf(kind: string, version: string, record: Record<string, unknown>) {
  const result = recordSchema(kind, version)!.safeParse(record);
  return result.success ? [] : result.error.issues;
}

describe('recordSchema accepts conformant records', () => {
  it('accepts a realistic 第6表 row with 生保単独 H-number, 髙/﨑 and ｶﾀｶﾅ, quotes and commas', () => {
    expect(errorsOf('UPPLAN', '202407', plannedVisit)).toEqual([]);
    expect(errorsOf('UPJSK', '202407', plannedVisit)).toEqual([]);
  });

  it('accepts 9999 for start and end time of a service without times (e.g. 福祉用具貸与)', () => {
    const rental = {
      ...plannedVisit,
      serviceStartTime: '9999',
      serviceEndTime: '9999',
      serviceCode: '171001',
      taisCode: '00170-000123',
      equipmentName: '車いす（自走式）',
    };
    expect(errorsOf('UPPLAN', '202407', rental)).toEqual([]);
  });

  it('accepts 利用者補足 with 00000000 / 000000 as the spec allows', () => {
    const layout = getLayout('UPHOSOKU', '202407')!;
    expect(errorsOf('UPHOSOKU', '202407', validRecord(layout, { planChangeDate: '00000000' }))).toEqual([]);
    expect(errorsOf('UPHOSOKU', '202407', validRecord(layout, { serviceMonth: '000000' }))).toEqual([]);
  });

  it('accepts a generated conformant record of every layout of every edition', () => {
    for (const layout of listLayouts()) {
      expect(errorsOf(layout.kind, layout.csvVersion, validRecord(layout)), `${layout.kind}@${layout.csvVersion}`).toEqual(
        [],
      );
    }
  });

  it('treats a missing value where 必須 is uncertain as no error (the validator warns instead)', () => {
    expect(errorsOf('UPPLAN', '202407', { ...plannedVisit, careManagementOfficeNumber: '' })).toEqual([]);
  });
});

describe('recordSchema rejects each kind of wrong value, naming the field', () => {
  const cases: [string, Partial<RecordOf<'UPPLAN'>>, string, string][] = [
    ['required field empty', { serviceCode: '' }, 'serviceCode', 'FIELD_REQUIRED'],
    ['office number of 9 digits', { serviceOfficeNumber: '137020000' }, 'serviceOfficeNumber', 'FIELD_LENGTH'],
    ['insured number with a lower-case h', { insuredNumber: 'h123456789' }, 'insuredNumber', 'FIELD_FORMAT'],
    ['insurer number with full-width digits', { insurerNumber: '１３１０１６' }, 'insurerNumber', 'FIELD_FORMAT'],
    ['30 February', { serviceDate: '20250230' }, 'serviceDate', 'FIELD_INVALID_DATE'],
    ['month 13', { serviceMonth: '202513' }, 'serviceMonth', 'FIELD_INVALID_MONTH'],
    ['time 24:60', { serviceStartTime: '2460' }, 'serviceStartTime', 'FIELD_INVALID_TIME'],
    ['time with a colon', { serviceEndTime: '9:30' }, 'serviceEndTime', 'FIELD_FORMAT'],
    ['units not an integer', { units: '24.4' }, 'units', 'FIELD_FORMAT'],
    ['units longer than 6', { units: '1234567' }, 'units', 'FIELD_TOO_LONG'],
    ['prorated-day mask with a 2', { proratedDays: '2'.repeat(31) }, 'proratedDays', 'FIELD_FORMAT'],
    ['code outside its table', { over30Days: '2' }, 'over30Days', 'FIELD_UNKNOWN_CODE'],
    ['TAIS code without hyphen', { taisCode: '001700001234' }, 'taisCode', 'FIELD_FORMAT'],
    ['CSV version of another edition', { csvVersion: '202208' }, 'csvVersion', 'FIELD_CSV_VERSION_MISMATCH'],
  ];
  for (const [what, change, key, code] of cases) {
    it(`${what} → ${code} on ${key}`, () => {
      const issues = errorsOf('UPPLAN', '202407', { ...plannedVisit, ...change });
      expect(issues).toHaveLength(1);
      const issue = issues[0]!;
      expect(issue.path).toEqual([key]);
      const field = getLayout('UPPLAN', '202407')!.fields.find((f) => f.key === key)!;
      expect(issue).toMatchObject({ params: { code, no: field.no, name: field.name } });
      expect(issue.message).toContain(field.name);
      expect((issue as { params?: Record<string, string> }).params?.['messageEn']).toContain(`No.${field.no}`);
    });
  }

  it('rejects a 99.99 rate written otherwise, on 第7表 単位数単価', () => {
    const layout = getLayout('UPSIKYU', '202407')!;
    const issues = errorsOf('UPSIKYU', '202407', validRecord(layout, { unitPrice: '11.4' }));
    expect(issues.map((i) => i.path)).toEqual([['unitPrice']]);
  });

  it('rejects unknown and missing keys (a record must have exactly the layout fields)', () => {
    const { identifier: _dropped, ...missing } = plannedVisit;
    expect(errorsOf('UPPLAN', '202407', missing).map((i) => i.path)).toEqual([['identifier']]);
    expect(errorsOf('UPPLAN', '202407', { ...plannedVisit, extra: 'x' })[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects edition-4 fields in an edition-3.2 record', () => {
    const layout = getLayout('UPPLAN', '202208')!;
    const issues = errorsOf('UPPLAN', '202208', validRecord(layout, { taisCode: '' }));
    expect(issues[0]?.code).toBe('unrecognized_keys');
  });

  it('returns undefined for a layout the spec does not define', () => {
    expect(recordSchema('UP3KYO', '202208')).toBeUndefined();
  });
});

describe('record types are inferred from the schemas', () => {
  it('types UPPLAN 4.1 records with TAIS fields and 3.2 records without', () => {
    expectTypeOf<RecordOf<'UPPLAN'>>().toHaveProperty('taisCode');
    expectTypeOf<RecordOf<'UPPLAN', '202208'>>().not.toHaveProperty('taisCode');
    expectTypeOf<RecordOf<'UPJSK'>['serviceCode']>().toEqualTypeOf<string>();
    const schema = recordSchema('UPSIKYU', '202407')!;
    expectTypeOf(schema.parse).returns.toHaveProperty('timesOrDays');
  });

  it('types recordSchema of a kind and CSVバージョン that exist without `| undefined`, and of one that does not as undefined', () => {
    expectTypeOf(recordSchema('UPSIKYU', '202407')).toEqualTypeOf<RecordSchema<'UPSIKYU', '202407'>>();
    expectTypeOf(recordSchema('UPJSK', '202208')).toEqualTypeOf<RecordSchema<'UPJSK', '202208'>>();
    expectTypeOf(recordSchema('UP3KYO', '202208')).toEqualTypeOf<undefined>();
    // A union that mixes both, or plain strings: possibly undefined, as at run time.
    expectTypeOf(recordSchema('UP3KYO' as 'UP3KYO' | 'UPPLAN', '202208')).toEqualTypeOf<RecordSchema<'UP3KYO' | 'UPPLAN', '202208'> | undefined>();
    const kind: string = 'UPPLAN';
    expectTypeOf(recordSchema(kind, '202407')).toEqualTypeOf<z.ZodObject | undefined>();
    expect(recordSchema(kind, '202407')).toBeDefined();
    expect(recordSchema('UPPLAN' as string, '209912')).toBeUndefined();
  });
});

describe('uncertain facts are warnings, never errors', () => {
  const field = (kind: string, version: string, key: string) =>
    getLayout(kind, version)!.fields.find((f) => f.key === key)!;

  it('第7表 前月までの利用日数: printed length 2, up to 5 tolerated with a warning (3.2 change note)', () => {
    const check = compileFieldChecker(field('UPSIKYU', '202407', 'shortStayDaysToPrevMonth'));
    expect(check('12')).toEqual([]);
    expect(check('123').map((p) => [p.code, p.severity])).toEqual([['FIELD_TOO_LONG', 'warning']]);
    expect(check('123456').map((p) => [p.code, p.severity])).toEqual([['FIELD_TOO_LONG', 'error']]);
    const check32 = compileFieldChecker(field('UPSIKYU', '202208', 'shortStayDaysToPrevMonth'));
    expect(check32('12345')).toEqual([]);
    expect(check32('123456').map((p) => p.severity)).toEqual(['error']);
  });

  it('a missing プラン担当業者コード (必須 uncertain) is a warning with a Japanese and English message', () => {
    const [p] = compileFieldChecker(field('UPPLAN', '202407', 'careManagementOfficeNumber'))('');
    expect(p).toMatchObject({ code: 'FIELD_REQUIRED', severity: 'warning' });
    expect(p!.message).toBe('No.6「プラン担当業者コード」 は必須項目ですが空です。');
    expect(p!.messageEn).toBe('No.6 プラン担当業者コード is required but empty.');
  });

  it('a service type code outside §1.3/§1.4 is a warning in 利用者補足 limit rows', () => {
    const check = compileFieldChecker(field('UPHOSOKU', '202407', 'limit1ServiceTypeCode'));
    expect(check('11')).toEqual([]);
    expect(check('ZZ').map((p) => [p.code, p.severity])).toEqual([['FIELD_UNKNOWN_SERVICE_TYPE', 'warning']]);
    expect(check('1').map((p) => p.code)).toEqual(['FIELD_LENGTH']);
  });
});
