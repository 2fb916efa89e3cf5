// Validation: every rule fires on its violation, naming line, field and value, and stays quiet on valid data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getLayout,
  RULES,
  validateFile,
  validateFiles,
  validateStream,
  type CsvRecord,
  type Issue,
} from '../src/index.js';
import { catalogueMarkdown } from '../src/rules/index.js';
import { validRecord } from './support/records.js';
import { annex, CM, file, fileName, HELPER, subtotal, total, visit } from './support/builders.js';
import { codes as codesOf } from './support/issues.js';

const planName = fileName('UPPLAN', '202504');
const only = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);

function validatePlan(records: CsvRecord[], name = planName) {
  return validateFile(file('UPPLAN', records, name));
}

describe('report shape', () => {
  it('a valid 第6表 gives a file report and no issues', () => {
    const r = validatePlan([visit(), visit({ serviceDate: '20250414' })]);
    expect(r.issues).toEqual([]);
    expect(r.files).toEqual([
      { file: planName, kind: 'UPPLAN', edition: '4.1', csvVersion: '202407', records: 2, issues: [] },
    ]);
    expect(r.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0 });
  });

  it('an issue names file, physical line, record, field No./key/name, value and messages', () => {
    const r = validatePlan([visit(), visit({ serviceOfficeName: '第一\r\n第二', serviceDate: '20250431' }), visit({ units: '24.4' })]);
    expect(r.issues.map((i) => [i.code, i.line, i.record, i.field?.no, i.value])).toEqual([
      ['FIELD_INVALID_DATE', 2, 2, 10, '20250431'],
      ['FIELD_FORMAT', 4, 3, 8, '24.4'],
    ]);
    expect(r.issues[0]).toMatchObject({
      file: planName,
      severity: 'error',
      field: { no: 10, key: 'serviceDate', name: 'サービス利用日' },
      message: 'No.10「サービス利用日」 の値 "20250431" は実在しない日付です（YYYYMMDD）。',
      messageEn: 'No.10 サービス利用日: "20250431" is not a real date (YYYYMMDD).',
    });
  });

  it('never throws: garbage bytes, empty input, a name that is not a spec name', () => {
    const r = validateFiles([
      { name: 'x', bytes: new Uint8Array([0xff, 0x00, 0x22, 0x0a]) },
      { name: planName, bytes: new Uint8Array() },
    ]);
    expect(r.files).toHaveLength(2);
    expect(codesOf(r.files[0]!.issues)).toContain('NAME_UNKNOWN_PREFIX');
    expect(codesOf(r.files[1]!.issues)).toEqual(['CSV_EMPTY_FILE']);
  });

  it('a requirement the spec leaves uncertain is a warning, not an error', () => {
    const r = validatePlan([visit({ careManagementOfficeNumber: '' })]);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['FIELD_REQUIRED', 'warning']]);
  });
});

describe('record rules (第6表)', () => {
  const cases: [string, Record<string, string>, string, number][] = [
    ['a service date outside 対象年月', { serviceDate: '20250501' }, 'RECORD_DATE_OUTSIDE_MONTH', 10],
    ['only the start time 9999', { serviceStartTime: '9999' }, 'RECORD_TIME_PAIR', 13],
    ['the end before the start', { serviceStartTime: '1000', serviceEndTime: '0930' }, 'RECORD_TIME_ORDER', 13],
    ['a day past 30 April marked in 日割対象日', { proratedDays: `${'0'.repeat(29)}11` }, 'RECORD_PRORATED_PAST_MONTH_END', 11],
    ['福祉用具貸与 without TAIS or 届出コード', { serviceCode: '171001', serviceStartTime: '9999', serviceEndTime: '9999' }, 'RECORD_EQUIPMENT_CODE_MISSING', 16],
    ['明細判別コード on 訪問介護', { detailDistinctionCode: '1' }, 'RECORD_DETAIL_CODE_NOT_RENTAL', 19],
  ];
  for (const [what, change, code, no] of cases) {
    it(`${what} → ${code}`, () => {
      const r = validatePlan([visit(), visit(change)]);
      expect(r.issues.map((i) => [i.code, i.line, i.field?.no])).toEqual([[code, 2, no]]);
    });
  }

  it('accepts the valid counterparts: 9999/9999, 日割 of 30 days, rental with a TAIS code and 明細判別コード', () => {
    const r = validatePlan([
      visit({ proratedDays: `${'1'.repeat(30)}0` }),
      visit({ serviceCode: '171001', serviceStartTime: '9999', serviceEndTime: '9999', taisCode: '00170-000123', detailDistinctionCode: '1' }),
      visit({ serviceCode: '671001', serviceStartTime: '9999', serviceEndTime: '9999', equipmentNotificationCode: '00001-000010' }),
    ]);
    expect(r.issues).toEqual([]);
  });
});

const annexName = fileName('UPSIKYU', '202504');
const validateAnnex = (records: CsvRecord[]) => validateFile(file('UPSIKYU', records, annexName));

describe('record and file rules (第7表)', () => {
  it('a complete annex passes', () => {
    expect(validateAnnex([annex(), annex({ serviceCode: '111311', units: '387' }), subtotal(), total()]).issues).toEqual([]);
  });

  it('subtotal and total rows have fixed values: 単位数 0, 割引後率・割引後単位数 empty', () => {
    const r = validateAnnex([annex(), annex({ serviceCode: '111311' }), subtotal({ units: '631', discountRate: '90' }), total()]);
    expect(r.issues.map((i) => [i.code, i.line, i.field?.key])).toEqual([
      ['RECORD_SUBTOTAL_FIXED_VALUE', 3, 'units'],
      ['RECORD_SUBTOTAL_FIXED_VALUE', 3, 'discountRate'],
    ]);
  });

  it('the total row has office 9999999999, and only it', () => {
    const r = validateAnnex([annex(), total({ serviceOfficeNumber: '1370200006' }), annex({ serviceCode: '111311', serviceOfficeNumber: '9999999999' })]);
    expect(only(r.issues, 'RECORD_TOTAL_OFFICE').map((i) => i.line)).toEqual([2, 3]);
  });

  it('every user needs a total row; a type with several rows needs its AAAA subtotal', () => {
    const r = validateAnnex([annex(), annex({ serviceCode: '111311' })]);
    expect(codesOf(r.issues).sort()).toEqual(['FILE_SUBTOTAL_MISSING', 'FILE_TOTAL_MISSING']);
    expect(only(r.issues, 'FILE_TOTAL_MISSING')[0]!.message).toContain('0000123456');
  });

  it('a subtotal of a type without rows is reported', () => {
    const r = validateAnnex([annex(), subtotal({ serviceCode: '15AAAA' }), total()]);
    expect(r.issues.map((i) => [i.code, i.value])).toEqual([['RECORD_SUBTOTAL_TYPE', '15AAAA']]);
  });
});

describe('record rules (利用者補足, 第2表)', () => {
  const supplement = (o: Record<string, string>) => ({ ...validRecord(getLayout('UPHOSOKU', '202407')!), ...o });
  const hosokuName = fileName('UPHOSOKU', '202504');

  it('00000000 / 000000: tied to exactly one of 第1/2表 and 第6/7表', () => {
    const ok = validateFile(file('UPHOSOKU', [supplement({ planChangeDate: '00000000', serviceMonth: '202504' })], hosokuName));
    expect(ok.issues).toEqual([]);
    const both = validateFile(file('UPHOSOKU', [supplement({ planChangeDate: '20250301', serviceMonth: '202504' })], hosokuName));
    expect(codesOf(both.issues)).toEqual(['RECORD_HOSOKU_PAIRING']);
  });

  it('type limit slots fill from slot 1', () => {
    const r = validateFile(
      file('UPHOSOKU', [supplement({ planChangeDate: '00000000', limit1ServiceTypeCode: '', limit1Amount: '', limit1TotalUnits: '', limit1ExcessUnits: '', limit2ServiceTypeCode: '17' })], hosokuName),
    );
    expect(r.issues.map((i) => [i.code, i.severity, i.field?.no])).toEqual([['RECORD_HOSOKU_LIMIT_ORDER', 'warning', 24]]);
  });

  it('第2表 NO fields are 1 to 99', () => {
    const needs = (o: Record<string, string>) => ({ ...validRecord(getLayout('UP2KYO', '202407')!), ...o });
    const name = fileName('UP2KYO', undefined);
    expect(validateFile(file('UP2KYO', [needs({ issueNo: '1' }), needs({ issueNo: '99', goalNo: '2' })], name)).issues).toEqual([]);
    const r = validateFile(file('UP2KYO', [needs({ issueNo: '0' })], name));
    expect(r.issues.map((i) => [i.code, i.field?.name])).toEqual([['RECORD_NO_RANGE', '課題ＮＯ']]);
  });
});

describe('file rules', () => {
  it('the month of every record equals the month in the file name', () => {
    const r = validatePlan([visit(), visit({ serviceMonth: '202505', serviceDate: '20250507' })]);
    expect(r.issues.map((i) => [i.code, i.line, i.field?.no, i.value])).toContainEqual(['FILE_MONTH_MISMATCH', 2, 5, '202505']);
    expect(codesOf(r.issues)).toContain('FILE_MULTIPLE_MONTHS');
  });

  it('the CSVバージョン matches the naming edition and is in force for the service month', () => {
    // A row of the receiving office (1370200006): the user is its business.
    const v32 = { ...validRecord(getLayout('UPPLAN', '202208')!), serviceMonth: '202504', serviceDate: '20250407', detailDistinctionCode: '', serviceOfficeNumber: '1370200006' };
    const r = validateFile(file('UPPLAN', [v32], planName, '202208'));
    expect(codesOf(r.issues).sort()).toEqual(['FILE_VERSION_EDITION_MISMATCH', 'FILE_VERSION_NOT_IN_FORCE']);
    expect(only(r.issues, 'FILE_VERSION_NOT_IN_FORCE')[0]!.message).toBe(
      '提供年月 202504 に適用されるCSVバージョンは 202407 です（ファイルは 202208）。',
    );
    // The same 3.2 record for March 2025 under an edition-3 name is right.
    const march = { ...v32, serviceMonth: '202503', serviceDate: '20250307', careManagementOfficeNumber: '1370100008' };
    const ok = validateFile(file('UPPLAN', [march], fileName('UPPLAN', '202503', CM, HELPER, 3), '202208'));
    expect(ok.issues).toEqual([]);
  });

  it('4.1 records for a month before 2025-04 are not in force', () => {
    const r = validatePlan([visit({ serviceMonth: '202503', serviceDate: '20250307' })], fileName('UPPLAN', '202503'));
    expect(codesOf(r.issues)).toEqual(['FILE_VERSION_NOT_IN_FORCE']);
  });

  it('the superseded 4.0 value 202504 is a warning', () => {
    const v40 = validateFile(file('UPPLAN', [visit({ csvVersion: '202504' })], planName, '202504'));
    expect(v40.issues.map((i) => [i.code, i.severity])).toEqual([['FILE_SUPERSEDED_VERSION', 'warning']]);
    expect(v40.files[0]!.edition).toBe('4.0');
  });

  it('duplicates: same key in a one-per-user kind (error), identical rows elsewhere (warning)', () => {
    const plan1 = { ...validRecord(getLayout('UP1KYO', '202407')!) };
    const r1 = validateFile(file('UP1KYO', [plan1, { ...plan1, overallSupportPolicy: '別の方針' }], fileName('UP1KYO', undefined)));
    // Record 1 spans 11 lines: its 10 free-text fields each hold a line break.
    expect(r1.issues.map((i) => [i.code, i.line, i.severity])).toEqual([['FILE_DUPLICATE_KEY', 12, 'error']]);
    const r2 = validatePlan([visit(), visit(), visit({ serviceDate: '20250408' })]);
    expect(r2.issues.map((i) => [i.code, i.line, i.severity])).toEqual([['FILE_DUPLICATE_RECORD', 2, 'warning']]);
  });

  it('records that are not the receiver’s business are flagged (personal data to the wrong office)', () => {
    const jskName = fileName('UPJSK', '202504', HELPER, CM);
    const own = visit({ updaterVendorCode: '1370200006' });
    const other = visit({ careManagementOfficeNumber: '1370999995', insuredNumber: '0000999999', updaterVendorCode: '1370200006' });
    const r = validateFile(file('UPJSK', [own, other], jskName));
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.field?.no, i.value])).toEqual([
      ['FILE_RECORD_NOT_FOR_RECEIVER', 'warning', 2, 6, '1370999995'],
    ]);
  });
});

describe('profiles', () => {
  const utf8WithHeader = new TextEncoder().encode(
    `CSVバージョン,保険者番号\r\n${Object.values(visit()).map((v, i) => ([7, 18, 21].includes(i + 1) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')}\r\n`,
  );
  it('strict: UTF-8 and a header row are errors, and the file is not read', () => {
    const r = validateFile({ name: planName, bytes: utf8WithHeader });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['CSV_NOT_MS932', 'error']]);
  });
  it('lenient: decoded and read on, encoding and header reported as warnings', () => {
    const r = validateFile({ name: planName, bytes: utf8WithHeader }, { profile: 'lenient' });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([
      ['CSV_NOT_MS932', 'warning'],
      ['CSV_HEADER_ROW', 'warning'],
    ]);
    expect(r.files[0]!.records).toBe(1);
  });
});

describe('validateStream', () => {
  it('gives the report validateFile gives', async () => {
    const f = file('UPPLAN', [visit(), visit({ serviceDate: '20250501' }), visit({ serviceDate: '20250501' })], planName);
    const whole = validateFile(f);
    const chunks = Array.from({ length: Math.ceil(f.bytes.length / 7) }, (_, i) => f.bytes.subarray(i * 7, i * 7 + 7));
    const streamed = await validateStream(chunks, planName);
    expect(streamed).toEqual(whole);
  });
});

describe('rule catalogue', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
    );
  const emitted = new Set(
    sources('src')
      .join('\n')
      .match(/'(NAME|CSV|FIELD|RECORD|FILE|WRITE|UNIT|IMAGE|COMPARE|FIX)_[A-Z0-9_]+'/g)!
      .map((s) => s.slice(1, -1)),
  );
  // Codes of csv-parse that the reader maps to its own, and fallbacks that never reach a report.
  const internal = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_ERROR']);

  it('lists every code the library can report, once', () => {
    const listed = new Set<string>(RULES.map((r) => r.code));
    expect(listed.size).toBe(RULES.length);
    expect([...emitted].filter((c) => !listed.has(c) && !internal.has(c))).toEqual([]);
  });

  it('is in docs/rules.md as generated (npm run catalogue)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toContain(catalogueMarkdown());
  });
});
