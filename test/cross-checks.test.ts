// Content cross-checks of a schedule send unit (第6表 against 第7表, subtotals and total against their rows) and
// the file rules on duplicates and on who the data is for: each with a valid and a violating case.
import { describe, expect, it } from 'vitest';
import { getLayout, validateFile, validateFiles, validateStream, type CsvRecord } from '../src/index.js';
import { RecentUsers, type UserRows } from '../src/validate/recent-users.js';
import { annex, CM, file, fileName, HELPER, visit } from './support/builders.js';
import {
  april,
  careWorkerBonus,
  CENTER_46,
  DAY_CARE_A6,
  helperAnnex,
  helperRow,
  homeVisits,
  mask,
  RENTAL,
  largeAnnex,
  scheduleUnit,
  subtotalRow,
  totalRow,
  unitReport,
} from './support/annex.js';
import { validRecord } from './support/records.js';
import { codes } from './support/issues.js';

const unitIssues = (plan: CsvRecord[], annexRecords: CsvRecord[], to = HELPER) => unitReport(plan, annexRecords, to).units.flatMap((u) => u.issues);

describe('第7表 単位数 against 第6表 (第6表 No.8: ※割引後単位数を記載)', () => {
  // 身体介護2 at 387 units with a 10% discount: 348 units a visit.
  const discounted = (o: Record<string, string> = {}) => [
    helperRow({ serviceCode: '111211', units: '387', discountRate: '90', discountedUnits: '348', serviceUnitsOrAmount: '2784', benefitManagementUnits: '2784', ...o }),
    totalRow({ serviceUnitsOrAmount: '2784', benefitManagementUnits: '2784', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '2784' }),
  ];

  it('a discounted service: 第6表 carries 割引後単位数, and it is what 第7表 is compared with', () => {
    const r = unitReport(homeVisits({ units: '348' }), discounted());
    expect(r.issues).toEqual([]);
  });

  it('第6表 with the undiscounted units is reported against 割引後単位数', () => {
    const issues = unitIssues(homeVisits(), discounted());
    expect(issues.map((i) => [i.code, i.severity, i.line, i.value])).toEqual([['UNIT_ANNEX_UNITS_MISMATCH', 'error', 1, '348']]);
    expect(issues[0]!.message).toBe('第7表 1行目の割引後単位数 348 が第6表（1行目〜）の単位数 387 と違います（サービスコード 111211）。');
  });

  // 共生型: the reduction's units on the first day of the month only, 0 on the other days.
  const kyoseiPlan = (firstDay: string) => [
    ...homeVisits(),
    ...[2, 4, 7, 9].map((d, i) => visit({ serviceCode: '11C001', units: i === 0 ? firstDay : '0', serviceDate: april(d) })),
  ];
  const kyoseiAnnex = (units: string) => [
    helperRow({ serviceCode: '111211', units: '387', serviceUnitsOrAmount: '3096', benefitManagementUnits: '3096' }),
    helperRow({ serviceCode: '11C001', units, timesOrDays: '4', serviceUnitsOrAmount: String(Number(units) * 4), benefitManagementUnits: String(Number(units) * 4) }),
    subtotalRow('11AAAA', { serviceUnitsOrAmount: String(3096 + Number(units) * 4), benefitManagementUnits: String(3096 + Number(units) * 4) }),
    totalRow({ serviceUnitsOrAmount: String(3096 + Number(units) * 4), benefitManagementUnits: String(3096 + Number(units) * 4) }),
  ];

  it('rows of 0 units (共生型 after the first day) do not count as other units', () => {
    expect(unitIssues(kyoseiPlan('-27'), kyoseiAnnex('-27'))).toEqual([]);
    expect(codes(unitIssues(kyoseiPlan('-27'), kyoseiAnnex('-30')))).toEqual(['UNIT_ANNEX_UNITS_MISMATCH']);
  });

  it('several distinct non-zero units in 第6表 are not compared', () => {
    const plan = [...homeVisits().slice(0, 7), ...homeVisits({ units: '390' }).slice(7)];
    const annexRecords = helperAnnex({ visits: { units: '999', serviceUnitsOrAmount: '7992', benefitManagementUnits: '7992' }, aaaa: { serviceUnitsOrAmount: '7992', benefitManagementUnits: '7992' }, total: { serviceUnitsOrAmount: '8750', benefitManagementUnits: '7992', categoryLimitWithinUnits: '7992' } });
    expect(unitIssues([...plan, careWorkerBonus()], annexRecords)).toEqual([]);
  });
});

describe('種類別小計 AAAA / EEEE (第7表 No.9, No.18)', () => {
  const plan = [...homeVisits(), careWorkerBonus()];

  it('AAAA sums the rows with 給付管理単位数, EEEE those without (an add-on outside the limit)', () => {
    expect(unitReport(plan, helperAnnex()).issues).toEqual([]);
  });

  it('AAAA over every row of the type is wrong', () => {
    const issues = unitIssues(plan, helperAnnex({ aaaa: { serviceUnitsOrAmount: '3854' } }));
    expect(issues.map((i) => [i.code, i.line, i.value])).toEqual([['UNIT_ANNEX_SUBTOTAL_MISMATCH', 3, '3854']]);
    expect(issues[0]!.message).toContain('給付管理単位数のある明細の合計 3096');
  });

  it('EEEE other than the rows outside the limit is wrong', () => {
    const issues = unitIssues(plan, helperAnnex({ eeee: { serviceUnitsOrAmount: '700' } }));
    expect(issues.map((i) => [i.code, i.severity, i.line, i.value])).toEqual([['UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH', 'error', 4, '700']]);
  });

  it('ZZZZ (30日超過分) is not checked', () => {
    const annexRecords = [...helperAnnex().slice(0, 4), subtotalRow('11ZZZZ', { serviceUnitsOrAmount: '12345' }), helperAnnex()[4]!];
    expect(unitIssues(plan, annexRecords)).toEqual([]);
  });

  it('no row showing 給付管理単位数 (left to the vendor): a subtotal may not exceed its rows, nothing more', () => {
    const blank = { benefitManagementUnits: '' };
    const noBenefit = (aaaa: string) =>
      helperAnnex({ visits: blank, aaaa: { ...blank, serviceUnitsOrAmount: aaaa }, total: { ...blank, categoryLimitExcessUnits: '', categoryLimitWithinUnits: '' } });
    expect(unitIssues(plan, noBenefit('3096'))).toEqual([]);
    const over = unitIssues(plan, noBenefit('4000'));
    expect(over.map((i) => [i.code, i.value])).toEqual([['UNIT_ANNEX_SUBTOTAL_MISMATCH', '4000']]);
    expect(over[0]!.message).toContain('明細の合計 3854 を超えています');
  });
});

describe('全合計 (999999) against the rows', () => {
  const plan = [...homeVisits(), careWorkerBonus()];

  it('サービス単位／金額 is the sum of every row of the user (within and outside the limit)', () => {
    const issues = unitIssues(plan, helperAnnex({ total: { serviceUnitsOrAmount: '3096' } }));
    expect(issues.map((i) => [i.code, i.severity, i.line, i.value])).toEqual([['UNIT_ANNEX_TOTAL_MISMATCH', 'error', 5, '3096']]);
    expect(issues[0]!.message).toBe('第7表 5行目の全合計のサービス単位／金額 3096 が明細の合計 3854 と違います（利用者 131016-0000123456）。');
  });

  it('給付管理単位数 is the sum of the rows’ 給付管理単位数 (a warning: the spec does not spell it out)', () => {
    const issues = unitIssues(plan, helperAnnex({ total: { benefitManagementUnits: '3854', categoryLimitWithinUnits: '3854' } }));
    expect(issues.map((i) => [i.code, i.severity, i.value])).toEqual([['UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH', 'warning', '3854']]);
  });

  it('the sum less the 種類支給限度 excess of the subtotals is accepted too', () => {
    const annexRecords = helperAnnex({
      aaaa: { typeLimitExcessUnits: '96', typeLimitWithinUnits: '3000' },
      total: { benefitManagementUnits: '3000', categoryLimitWithinUnits: '3000' },
    });
    expect(unitIssues(plan, annexRecords)).toEqual([]);
  });
});

describe('第7表 回数／日数 against 第6表 (包括, monthly add-ons, 日割)', () => {
  // 通所型サービス（独自）: a monthly fee, on the four days used (第6表 No.10 ※包括請求サービス).
  const dayCare = (o: Record<string, string> = {}) =>
    [3, 10, 17, 24].map((d) => visit({ serviceOfficeNumber: DAY_CARE_A6.office, serviceOfficeName: 'ﾃﾞｲｻｰﾋﾞｽ ひまわり', serviceCode: 'A62111', units: '1798', serviceStartTime: '1000', serviceEndTime: '1500', serviceDate: april(d), ...o }));
  const dayCareAnnex = (times: string, units = '1798') => [
    annex({ serviceOfficeNumber: DAY_CARE_A6.office, serviceOfficeName: 'ﾃﾞｲｻｰﾋﾞｽ ひまわり', serviceCode: 'A62111', units, timesOrDays: times, serviceUnitsOrAmount: String(Number(units) * Number(times)), benefitManagementUnits: String(Number(units) * Number(times)) }),
    totalRow({ serviceUnitsOrAmount: String(Number(units) * Number(times)), benefitManagementUnits: String(Number(units) * Number(times)) }),
  ];

  it('a monthly service counted once is left to the vendor: info, not an error', () => {
    const r = unitReport(dayCare(), dayCareAnnex('1'), DAY_CARE_A6);
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.value])).toEqual([['UNIT_ANNEX_COUNT_ONCE_A_MONTH', 'info', 1, '1']]);
    expect(r.summary).toMatchObject({ errors: 0, warnings: 0, infos: 1 });
  });

  it('another count is still an error', () => {
    const issues = unitIssues(dayCare(), dayCareAnnex('3'), DAY_CARE_A6);
    expect(issues.map((i) => [i.code, i.severity, i.value])).toEqual([['UNIT_ANNEX_COUNT_MISMATCH', 'error', '3']]);
  });

  it('日割: the number of days in the 日割対象日 mask is accepted', () => {
    // Started on the 15th: 日割 from the 15th to the 30th, 16 days of 59 units.
    const prorated = dayCare({ units: '59', proratedDays: mask(15, 30) }).slice(2);
    expect(unitIssues(prorated, dayCareAnnex('16', '59'), DAY_CARE_A6)).toEqual([]);
    const issues = unitIssues(prorated, dayCareAnnex('15', '59'), DAY_CARE_A6);
    expect(issues.map((i) => [i.code, i.value])).toEqual([['UNIT_ANNEX_COUNT_MISMATCH', '15']]);
    expect(issues[0]!.message).toContain('日割対象日 16日');
  });
});

describe('FILE_DUPLICATE_RECORD across interleaved users', () => {
  const planName = fileName('UPPLAN', '202504');
  const userB = { insuredNumber: 'H123456789' };

  it('rows A, B, A: the second A is found', () => {
    const r = validateFile(file('UPPLAN', [visit(), visit(userB), visit()], planName));
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['FILE_DUPLICATE_RECORD', 'warning', 3]]);
    expect(r.issues[0]!.message).toBe('1行目とまったく同じレコードです。');
  });

  it('rows A, B, A on another day are not duplicates; the streaming reader agrees', async () => {
    const f = file('UPPLAN', [visit(), visit(userB), visit({ serviceDate: april(8) }), visit(userB)], planName);
    const whole = validateFile(f);
    expect(whole.issues.map((i) => [i.code, i.line])).toEqual([['FILE_DUPLICATE_RECORD', 4]]);
    const chunks = Array.from({ length: Math.ceil(f.bytes.length / 50) }, (_, i) => f.bytes.subarray(i * 50, i * 50 + 50));
    expect(await validateStream(chunks, planName)).toEqual(whole);
  });

  it('memory stays bounded: the least recently seen users are let go at the cap', () => {
    const released: string[] = [];
    const users = new RecentUsers(6, (u) => released.push(u.label));
    const state = (label: string): UserRows => ({ hashes: new Map(), line: 1, record: 1, office: '', label, concernsReceiver: false });
    for (const [label, hash] of [['A', 1], ['B', 2], ['A', 3], ['C', 4]] as const) users.seen(users.get(label, () => state(label)), hash, hash);
    // A 2 rows + B 1 + C 1 + 3 users = 7 > 6: B, seen longest ago, goes; A (seen after B) stays.
    expect(released).toEqual(['B']);
    expect(users.seen(users.get('A', () => state('A')), 1, 9)).toBe(1);
    // D's rows push out C, then A; then D alone is over the cap and forgets its rows rather than grow.
    const d = users.get('D', () => state('D'));
    for (let h = 10; h < 20; h++) users.seen(d, h, h);
    expect(released).toEqual(['B', 'C', 'A']);
    expect(users.seen(d, 10, 99)).toBeUndefined();
    expect(users.seen(d, 19, 99)).toBe(19);
    users.drain();
    expect(released).toEqual(['B', 'C', 'A', 'D']);
  });
});

describe('records that are not the receiver’s business (§2.6, §3.6)', () => {
  const rental = (o: Record<string, string> = {}) =>
    visit({ serviceOfficeNumber: RENTAL.office, serviceOfficeName: '福祉用具ｾﾝﾀｰ神田', serviceCode: '171001', units: '650', serviceDate: april(1), serviceStartTime: '9999', serviceEndTime: '9999', taisCode: '00170-000123', ...o });
  const onlyRental = { insuredNumber: 'H123456789' };
  const planFile = (records: CsvRecord[], to = HELPER) => file('UPPLAN', records, fileName('UPPLAN', '202504', CM, to, 4));

  it('UPPLAN: a user with a row of the receiving office passes, whatever other offices it has', () => {
    expect(validateFile(planFile([rental(), ...homeVisits()])).issues).toEqual([]);
    // Interleaved: the user's row of the receiver comes after another user's rows.
    expect(validateFile(planFile([rental(), rental({ ...onlyRental, serviceDate: april(2) }), homeVisits()[0]!, visit({ ...onlyRental, serviceDate: april(3) })])).issues).toEqual([]);
  });

  it('UPPLAN: a user with rows of other offices only is flagged at the user’s first line', () => {
    const r = validateFile(planFile([...homeVisits().slice(0, 2), rental(onlyRental), rental({ ...onlyRental, serviceCode: '171003', taisCode: '00285-000045', units: '533' })]));
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.field?.no, i.value])).toEqual([['FILE_RECORD_NOT_FOR_RECEIVER', 'warning', 3, 20, RENTAL.office]]);
    expect(r.issues[0]!.message).toBe('利用者 131016-H123456789（3行目〜）には送信先の事業所 1370200006 のサービスがありません。送信先に関係のない利用者は送りません。');
  });

  it('UPSIKYU: the same, by its サービス事業所コード (the 全合計 row names no office)', () => {
    const name = fileName('UPSIKYU', '202504', CM, HELPER, 4);
    const rentalRow = (o: Record<string, string> = {}) =>
      annex({ serviceOfficeNumber: RENTAL.office, serviceOfficeName: '福祉用具ｾﾝﾀｰ神田', serviceCode: '171001', taisCode: '00170-000123', units: '650', timesOrDays: '1', serviceUnitsOrAmount: '650', ...o });
    // The helper's user with a rental besides: its whole 第7表 travels to the helper.
    const both = [...helperAnnex().slice(0, 4), rentalRow(), totalRow({ serviceUnitsOrAmount: '4504', benefitManagementUnits: '3096' })];
    expect(validateFile(file('UPSIKYU', both, name)).issues).toEqual([]);
    const r = validateFile(file('UPSIKYU', [...helperAnnex(), rentalRow(onlyRental), totalRow({ ...onlyRental, serviceUnitsOrAmount: '650' })], name));
    expect(r.issues.map((i) => [i.code, i.line, i.field?.no])).toEqual([['FILE_RECORD_NOT_FOR_RECEIVER', 6, 7]]);
  });

  it('not when the plan goes to a 地域包括支援センター (委託): its rows are the providers’', () => {
    expect(validateFile(planFile([rental(onlyRental)], CENTER_46)).issues).toEqual([]);
    expect(codes(validateFile(planFile([rental(onlyRental)])).issues)).toEqual(['FILE_RECORD_NOT_FOR_RECEIVER']);
  });

  const jskName = fileName('UPJSK', '202504', HELPER, CM);
  const delivered = (o: Record<string, string> = {}) => visit({ updaterVendorCode: HELPER.office, ...o });

  it('UPJSK: a service code of another service type than the sender’s (11) is flagged', () => {
    expect(validateFile(file('UPJSK', [delivered(), delivered({ serviceCode: '116275', serviceDate: april(30), serviceStartTime: '9999', serviceEndTime: '9999' })], jskName)).issues).toEqual([]);
    const r = validateFile(file('UPJSK', [delivered(), delivered({ serviceCode: '131111', serviceDate: april(8) })], jskName));
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.field?.no, i.value])).toEqual([['FILE_SERVICE_TYPE_NOT_SENDER', 'warning', 2, 15, '131111']]);
    expect(r.issues[0]!.message).toContain('サービス種類 13 が送信元のサービス種類 11 と違います');
  });

  it('DLTJSK: its サービス種類コード must be the sender’s', () => {
    const name = fileName('DLTJSK', '202504', HELPER, CM);
    const withdrawal = (type: string) => validRecord(getLayout('DLTJSK', '202407')!, { deletionMonth: '202504', serviceOfficeNumber: HELPER.office, serviceTypeCode: type });
    expect(validateFile(file('DLTJSK', [withdrawal('11')], name)).issues).toEqual([]);
    expect(validateFile(file('DLTJSK', [withdrawal('13')], name)).issues.map((i) => [i.code, i.field?.no, i.value])).toEqual([['FILE_SERVICE_TYPE_NOT_SENDER', 6, '13']]);
  });

  it('実績 forwarded by the care manager to a 地域包括支援センター (委託) carries the providers’ offices and types', () => {
    const forwarded = fileName('UPJSK', '202504', CM, CENTER_46);
    const r = validateFile(file('UPJSK', [delivered({ careManagementOfficeNumber: CM.office }), delivered({ serviceCode: '131111', serviceDate: april(8) })], forwarded));
    expect(codes(r.issues).filter((c) => c.startsWith('FILE_'))).toEqual([]);
  });
});

describe('第7表 rows per ３０日超区分 (第6表 No.23, 第7表 No.33)', () => {
  // Eight visits, the last three past the 30th day: 第7表 gives them a row of their own (over30Days 1).
  const plan = homeVisits().map((v, i) => (i >= 5 ? { ...v, over30Days: '1' } : v));
  const rows = (within: string, over: string) => [
    helperRow({ serviceCode: '111211', units: '387', timesOrDays: within, serviceUnitsOrAmount: String(387 * Number(within)), benefitManagementUnits: String(387 * Number(within)) }),
    helperRow({ serviceCode: '111211', units: '387', timesOrDays: over, over30Days: '1', serviceUnitsOrAmount: String(387 * Number(over)), benefitManagementUnits: '' }),
    subtotalRow('11AAAA', { serviceUnitsOrAmount: String(387 * Number(within)), benefitManagementUnits: String(387 * Number(within)) }),
    totalRow({ serviceUnitsOrAmount: String(387 * (Number(within) + Number(over))), benefitManagementUnits: String(387 * Number(within)), categoryLimitExcessUnits: '0', categoryLimitWithinUnits: String(387 * Number(within)) }),
  ];

  it('each row is compared with the 第6表 rows of its own ３０日超区分', () => {
    expect(unitIssues(plan, rows('5', '3'))).toEqual([]);
  });

  it('a count that does not fit its own rows is still reported, once', () => {
    const issues = unitIssues(plan, rows('4', '3'));
    expect(issues.map((i) => [i.code, i.value])).toEqual([['UNIT_ANNEX_COUNT_MISMATCH', '4']]);
  });
});

describe('a large 第7表 alone keeps bounded memory and the same findings', () => {
  it('validateStream lets users go past 20,000 rows and reports what validateFiles reports', async () => {
    const records = largeAnnex();
    const f = file('UPSIKYU', records, fileName('UPSIKYU', '202504'));
    const chunks = Array.from({ length: Math.ceil(f.bytes.length / 65536) }, (_, i) => f.bytes.subarray(i * 65536, (i + 1) * 65536));
    const streamed = await validateStream(chunks, f.name);
    const kept = validateFiles([f]).files[0]!;
    expect(streamed.files[0]!.issues).toEqual(kept.issues);
    expect(kept.issues.filter((i) => i.code === 'FILE_TOTAL_MISSING').map((i) => i.value)).toEqual(['131016-1000010500']);
  });
});

describe('send-unit issues are capped per code, as a file’s are', () => {
  // Ten 第7表 rows of services the 第6表 never planned: ten UNIT_ANNEX_NOT_IN_PLAN, one cause repeated.
  const extra = Array.from({ length: 10 }, (_, i) => helperRow({ serviceCode: `1199${String(10 + i)}`, units: '100', timesOrDays: '1', serviceUnitsOrAmount: '100', benefitManagementUnits: '100' }));
  const unitOf = (maxIssuesPerCode?: number) =>
    validateFiles(scheduleUnit(homeVisits(), [...extra, ...helperAnnex()]), maxIssuesPerCode === undefined ? {} : { maxIssuesPerCode }).units.flatMap((u) => u.issues);

  it('the first ones of a code are listed and the rest counted (UNIT_ISSUES_TRUNCATED), others untouched', () => {
    const all = unitOf();
    const notInPlan = all.filter((i) => i.code === 'UNIT_ANNEX_NOT_IN_PLAN');
    expect(notInPlan.length).toBeGreaterThanOrEqual(10);
    const capped = unitOf(3);
    expect(capped.filter((i) => i.code === 'UNIT_ANNEX_NOT_IN_PLAN')).toEqual(notInPlan.slice(0, 3));
    const notice = capped.filter((i) => i.code === 'UNIT_ISSUES_TRUNCATED');
    expect(notice).toMatchObject([{ severity: 'info', value: 'UNIT_ANNEX_NOT_IN_PLAN' }]);
    expect(notice[0]!.message).toBe(`UNIT_ANNEX_NOT_IN_PLAN はほかに${notInPlan.length - 3}件あります（1送信単位3件まで表示）。`);
    expect(notice[0]!.unit).toBeDefined();
    // Codes under the cap are the same either way.
    const others = (issues: typeof all) => issues.filter((i) => i.code !== 'UNIT_ANNEX_NOT_IN_PLAN' && i.code !== 'UNIT_ISSUES_TRUNCATED');
    expect(others(capped)).toEqual(others(all));
  });
});
