// Send units: combinations, keys, content cross-checks, import order.
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, getLayout, importOrder, validateFiles, type CsvRecord } from '../src/index.js';
import { annex, CM, file, fileName, HELPER, subtotal, total, visit } from './support/builders.js';
import { validRecord } from './support/records.js';
import { supplement } from './support/annex.js';
import { CENTER, DAY_CARE, PREVENTION_TS, preventionRecord, preventionSendUnit } from './support/prevention-send-unit.js';
import { codes } from './support/issues.js';

const TS = '20250325100000';
const planName = fileName('UPPLAN', '202504', CM, HELPER, 4, TS);
const annexName = fileName('UPSIKYU', '202504', CM, HELPER, 4, TS);
const hosokuName = fileName('UPHOSOKU', '202504', CM, HELPER, 4, TS);


/** Eight 身体介護 visits in April, and the 第7表 that sums them up. */
const visits = Array.from({ length: 8 }, (_, i) => visit({ serviceDate: `202504${String(i * 3 + 1).padStart(2, '0')}` }));
const annexRows = (o: Record<string, string> = {}) => [
  annex({ timesOrDays: '8', serviceUnitsOrAmount: '1952', benefitManagementUnits: '1952', ...o }),
  // 全合計: its サービス単位／金額 is the sum of the rows.
  total({ serviceUnitsOrAmount: o['serviceUnitsOrAmount'] ?? '1952', benefitManagementUnits: o['benefitManagementUnits'] ?? '1952', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: o['benefitManagementUnits'] ?? '1952' }),
];

function scheduleUnit(change: { plan?: CsvRecord[]; annex?: CsvRecord[]; hosoku?: CsvRecord[] } = {}) {
  return [
    file('UPPLAN', change.plan ?? visits, planName),
    file('UPSIKYU', change.annex ?? annexRows(), annexName),
    file('UPHOSOKU', change.hosoku ?? [supplement()], hosokuName),
  ];
}
const unitIssues = (files: ReturnType<typeof scheduleUnit>) => validateFiles(files).units.flatMap((u) => u.issues);

describe('schedule unit (第6表 + 第7表 + 利用者補足)', () => {
  it('a complete, consistent unit passes and is reported as one unit in import order', () => {
    const r = validateFiles([...scheduleUnit()].reverse());
    expect(r.issues).toEqual([]);
    expect(r.units).toEqual([
      {
        key: `${TS}:1370100008_43>1370200006_11`,
        timestamp: TS,
        sender: CM,
        receiver: HELPER,
        type: 'schedule',
        files: [planName, annexName, hosokuName],
        issues: [],
      },
    ]);
  });

  it('第6表 without 第7表 (and without 利用者補足) is incomplete', () => {
    const r = validateFiles([file('UPPLAN', visits, planName)]);
    expect(r.units[0]!.issues.map((i) => [i.code, i.value])).toEqual([
      ['UNIT_MISSING_FILE', 'UPSIKYU'],
      ['UNIT_MISSING_FILE', 'UPHOSOKU'],
    ]);
    expect(r.units[0]!.issues[0]).toMatchObject({ unit: `${TS}:1370100008_43>1370200006_11`, files: [planName] });
  });

  it('dependent files without their base', () => {
    const r = validateFiles(scheduleUnit().slice(1));
    expect(codes(r.units[0]!.issues)).toEqual(['UNIT_NO_BASE']);
  });

  it('a surplus file and a withdrawal sharing the sequence', () => {
    const deletion = file('DLTPLAN', [validRecord(getLayout('DLTPLAN', '202407')!, { deletionMonth: '202504' })], fileName('DLTPLAN', '202504', CM, HELPER, 4, TS));
    const jsk = file('UPJSK', [visit()], fileName('UPJSK', '202504', CM, HELPER, 4, TS));
    const r = validateFiles([...scheduleUnit(), jsk]);
    expect(codes(r.units[0]!.issues)).toEqual(['UNIT_SURPLUS_FILE']);
    expect(r.units[0]!.issues[0]!.files).toEqual([jsk.name]);
    const alone = validateFiles([deletion, file('UPJSK', [visit()], fileName('UPJSK', '202504', CM, HELPER, 4, TS))]);
    expect(codes(alone.units[0]!.issues)).toContain('UNIT_DELETION_NOT_ALONE');
  });

  it('利用者補足 of a 第6表 unit carries the 第6表 month, not 000000', () => {
    const wrong = file('UPHOSOKU', [supplement({ serviceMonth: '000000', planChangeDate: '20250301' })], fileName('UPHOSOKU', '000000', CM, HELPER, 4, TS));
    const r = validateFiles([...scheduleUnit().slice(0, 2), wrong]);
    expect(codes(r.units[0]!.issues)).toContain('UNIT_SUPPLEMENT_MONTH');
  });

  it('mismatched keys: a user of 第7表 missing from 第6表, a user of 第6表 missing from 利用者補足', () => {
    const other = annexRows().map((r) => ({ ...r, insuredNumber: 'H123456789' }));
    const r = unitIssues(scheduleUnit({ annex: [...annexRows(), ...other], hosoku: [supplement({ insuredNumber: '0000999999' })] }));
    expect(r.filter((i) => i.code.startsWith('UNIT_KEY')).map((i) => [i.code, i.value])).toEqual([
      ['UNIT_KEY_NOT_IN_BASE', '131016|H123456789|202504'],
      ['UNIT_KEY_NOT_IN_BASE', '131016|0000999999|202504'],
      ['UNIT_KEY_NOT_IN_DEPENDENT', '131016|0000123456|202504'],
    ]);
  });

  it('第7表 against 第6表: count, units and amount', () => {
    expect(codes(unitIssues(scheduleUnit({ annex: annexRows({ timesOrDays: '9', serviceUnitsOrAmount: '2196' }) })))).toEqual(['UNIT_ANNEX_COUNT_MISMATCH']);
    expect(codes(unitIssues(scheduleUnit({ annex: annexRows({ units: '245', serviceUnitsOrAmount: '1960' }) })))).toEqual(['UNIT_ANNEX_UNITS_MISMATCH']);
    const amount = unitIssues(scheduleUnit({ annex: annexRows({ serviceUnitsOrAmount: '1925' }) }));
    expect(amount.map((i) => [i.code, i.file, i.line, i.value])).toEqual([['UNIT_ANNEX_AMOUNT', annexName, 1, '1925']]);
    expect(amount[0]!.message).toBe('第7表 1行目のサービス単位／金額 1925 が 単位数（割引後）244 × 回数 8 = 1952 と違います。');
  });

  it('a discount applies: 割引後単位数 × 回数', () => {
    const discounted = annexRows({ discountRate: '90', discountedUnits: '220', serviceUnitsOrAmount: '1760', benefitManagementUnits: '1760' });
    // 第6表 No.8 carries the discounted units (※割引後単位数を記載).
    const plan = visits.map((v) => ({ ...v, units: '220' }));
    expect(unitIssues(scheduleUnit({ plan, annex: discounted }))).toEqual([]);
  });

  it('services in one table and not the other', () => {
    const extra = visit({ serviceCode: '111311', units: '387', serviceDate: '20250430' });
    expect(codes(unitIssues(scheduleUnit({ plan: [...visits, extra] })))).toEqual(['UNIT_PLAN_NOT_IN_ANNEX']);
    const surplus = [annex({ serviceCode: '111311', units: '387', timesOrDays: '1', serviceUnitsOrAmount: '387' }), ...annexRows()];
    expect(codes(unitIssues(scheduleUnit({ annex: surplus })))).toContain('UNIT_ANNEX_NOT_IN_PLAN');
  });

  it('the AAAA subtotal is the sum of its rows', () => {
    const two = [...visits, visit({ serviceCode: '111311', units: '387', serviceDate: '20250430' })];
    const rows = (sum: string) => [
      annex({ timesOrDays: '8', serviceUnitsOrAmount: '1952', benefitManagementUnits: '1952' }),
      annex({ serviceCode: '111311', units: '387', timesOrDays: '1', serviceUnitsOrAmount: '387', benefitManagementUnits: '387' }),
      subtotal({ serviceUnitsOrAmount: sum }),
      total({ serviceUnitsOrAmount: '2339' }),
    ];
    expect(unitIssues(scheduleUnit({ plan: two, annex: rows('2339') }))).toEqual([]);
    const wrong = unitIssues(scheduleUnit({ plan: two, annex: rows('2300') }));
    expect(wrong.map((i) => [i.code, i.line])).toEqual([['UNIT_ANNEX_SUBTOTAL_MISMATCH', 3]]);
  });

  it('区分支給限度: excess = max(0, 給付管理単位数 − limit of 利用者補足)', () => {
    const over = [
      annex({ timesOrDays: '8', serviceUnitsOrAmount: '1952', benefitManagementUnits: '1952' }),
      total({ benefitManagementUnits: '1952', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '1952' }),
    ];
    // Limit 1800: 152 over the limit, 1800 within.
    const r = unitIssues(scheduleUnit({ annex: over, hosoku: [supplement({ benefitLimitUnits: '1800' })] }));
    expect(r.map((i) => [i.code, i.value])).toEqual([
      ['UNIT_LIMIT_EXCESS_MISMATCH', '0'],
      ['UNIT_LIMIT_EXCESS_MISMATCH', '1952'],
    ]);
    const right = [over[0]!, total({ benefitManagementUnits: '1952', categoryLimitExcessUnits: '152', categoryLimitWithinUnits: '1800' })];
    expect(unitIssues(scheduleUnit({ annex: right, hosoku: [supplement({ benefitLimitUnits: '1800' })] }))).toEqual([]);
  });
});

describe('care-plan unit (第1表 + 第2表 + 第3表 + 利用者補足)', () => {
  const names = (kinds: string[], edition: 3 | 4 = 4) =>
    kinds.map((k) => fileName(k as 'UP1KYO', k === 'UPHOSOKU' ? '000000' : undefined, CM, HELPER, edition, TS));
  const rec = (kind: string, version = '202407', o: Record<string, string> = {}) =>
    validRecord(getLayout(kind, version)!, { planChangeDate: '20250301', ...(kind === 'UPHOSOKU' ? { serviceMonth: '000000' } : {}), ...o });
  const planFiles = (kinds: string[], edition: 3 | 4 = 4) => {
    const version = edition === 4 ? '202407' : '202208';
    return names(kinds, edition).map((name, i) => file(kinds[i] as 'UP1KYO', [rec(kinds[i]!, version)], name, version));
  };

  it('edition 4 needs 第3表; edition 3 does not have it', () => {
    expect(validateFiles(planFiles(['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'])).units[0]!.issues).toEqual([]);
    const missing = validateFiles(planFiles(['UP1KYO', 'UP2KYO', 'UPHOSOKU'])).units[0]!.issues;
    expect(missing.map((i) => [i.code, i.value])).toEqual([['UNIT_MISSING_FILE', 'UP3KYO']]);
    const v3 = validateFiles(planFiles(['UP1KYO', 'UP2KYO', 'UPHOSOKU'], 3)).units[0]!;
    expect(v3.type).toBe('carePlan');
    expect(v3.issues).toEqual([]);
  });

  it('one edition per unit', () => {
    const mixed = [...planFiles(['UP1KYO', 'UP2KYO', 'UP3KYO']), ...planFiles(['UPHOSOKU'], 3)];
    const sendUnits = validateFiles(mixed).units;
    expect(sendUnits).toHaveLength(1);
    expect(codes(sendUnits[0]!.issues)).toContain('UNIT_MIXED_EDITIONS');
  });
});

describe('units to one office under two service types (same 連番)', () => {
  // One 事業所 designated for 訪問介護 (11) and for 総合事業 訪問型サービス (A2) gets two units in one go.
  const HELPER_A2 = { office: HELPER.office, serviceType: 'A2' };
  const unitTo = (to: typeof HELPER, kinds: ('UPPLAN' | 'UPSIKYU' | 'UPHOSOKU')[] = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU']) =>
    kinds.map((kind) => file(kind, [visits, annexRows(), [supplement()]][['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].indexOf(kind)]!, fileName(kind, '202504', CM, to, 4, TS)));
  const shape = ['UNIT_MIXED_PARTIES', 'UNIT_DUPLICATE_KIND', 'UNIT_MISSING_FILE', 'UNIT_NO_BASE', 'UNIT_MIXED_EDITIONS'];

  it('are two units, each complete, keyed by the service types', () => {
    const r = validateFiles([...unitTo(HELPER_A2), ...unitTo(HELPER)]);
    expect(r.units.map((u) => [u.key, u.type, u.files.length])).toEqual([
      [`${TS}:1370100008_43>1370200006_11`, 'schedule', 3],
      [`${TS}:1370100008_43>1370200006_A2`, 'schedule', 3],
    ]);
    expect(r.units.flatMap((u) => u.issues).filter((i) => shape.includes(i.code))).toEqual([]);
    expect(r.units[1]!.files).toEqual(unitTo(HELPER_A2).map((f) => f.name));
  });

  it('a file named with the other service type joins the unit that lacks it and is reported as mixed', () => {
    const files = [...unitTo(HELPER, ['UPPLAN', 'UPHOSOKU']), ...unitTo(HELPER_A2, ['UPSIKYU'])];
    const r = validateFiles(files);
    expect(r.units).toHaveLength(1);
    const issues = r.units[0]!.issues.filter((i) => shape.includes(i.code));
    expect(issues.map((i) => i.code)).toEqual(['UNIT_MIXED_PARTIES']);
    expect(issues[0]!.message).toBe('同じ送信単位でサービス種類コードが違います（43>11・43>A2）。');
    expect(issues[0]!.files).toHaveLength(3);
  });

  it('a base-less file does not join a unit that already has its kind', () => {
    const r = validateFiles([...unitTo(HELPER), ...unitTo(HELPER_A2, ['UPSIKYU'])]);
    expect(r.units.map((u) => [u.type, u.issues.filter((i) => shape.includes(i.code)).map((i) => i.code)])).toEqual([
      ['schedule', []],
      [undefined, ['UNIT_NO_BASE']],
    ]);
  });
});

describe('介護予防 units (§3.4 (1)-(3), §3.3)', () => {
  const unitCodes = (files: ReturnType<typeof preventionSendUnit>) => validateFiles(files).units.map((u) => u.issues.map((i) => [i.code, i.value]));

  it('計画書 with its 別表, alone or with 利用者基本情報 and both its 別表, passes', () => {
    const alone = validateFiles(preventionSendUnit(['UPYOBO', 'UPYOBO_SUB']));
    expect(alone.units.map((u) => [u.type, u.issues])).toEqual([['preventionPlan', []]]);
    const withBasic = validateFiles(preventionSendUnit(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2']));
    expect(withBasic.units.map((u) => [u.type, u.issues])).toEqual([['preventionPlan', []]]);
  });

  it('利用者基本情報 in a 計画書 unit needs its 別表1・別表2 just as it does alone (§3.3)', () => {
    const inPlan = unitCodes(preventionSendUnit(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON']));
    const alone = unitCodes(preventionSendUnit(['UPKIHON']));
    const expected = [
      ['UNIT_MISSING_ANNEX', 'UPKIHON_SUB1'],
      ['UNIT_MISSING_ANNEX', 'UPKIHON_SUB2'],
    ];
    expect(inPlan).toEqual([expected]);
    expect(alone).toEqual([expected]);
    const issue = validateFiles(preventionSendUnit(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON', 'UPKIHON_SUB2'])).units[0]!.issues;
    expect(issue.map((i) => [i.code, i.severity, i.message])).toEqual([
      ['UNIT_MISSING_ANNEX', 'warning', '利用者基本情報（UPKIHON） に添える 利用者基本情報 別表1（UPKIHON_SUB1） がありません（原則として合わせて送付）。'],
    ]);
  });

  it('計画書 and 利用者基本情報 of different users are reported both ways', () => {
    const other = preventionRecord('UPKIHON', { insuredNumber: 'H234567891' });
    const sub = (kind: 'UPKIHON_SUB1' | 'UPKIHON_SUB2') => [preventionRecord(kind, { insuredNumber: 'H234567891' })];
    const r = validateFiles(preventionSendUnit(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'], { UPKIHON: [other], UPKIHON_SUB1: sub('UPKIHON_SUB1'), UPKIHON_SUB2: sub('UPKIHON_SUB2') }));
    const issues = r.units[0]!.issues;
    expect(issues.map((i) => [i.code, i.value])).toEqual([
      ['UNIT_KEY_NOT_IN_BASE', '131016|H234567891'],
      ['UNIT_KEY_NOT_IN_DEPENDENT', '131016|0000234567'],
    ]);
    expect(issues[0]!.files).toEqual([r.units[0]!.files.find((f) => f.startsWith('UPKIHON_1')), r.units[0]!.files.find((f) => f.startsWith('UPYOBO_1'))]);
  });

  it('利用者基本情報 別表 are matched against 利用者基本情報 by 相談日, not against the 計画書', () => {
    const r = validateFiles(
      preventionSendUnit(['UPYOBO', 'UPYOBO_SUB', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'], { UPKIHON_SUB1: [preventionRecord('UPKIHON_SUB1', { consultationDate: '20250411' })] }),
    );
    expect(r.units[0]!.issues.map((i) => [i.code, i.value])).toEqual([
      ['UNIT_KEY_NOT_IN_BASE', '131016|0000234567|20250411'],
      ['UNIT_KEY_NOT_IN_DEPENDENT', '131016|0000234567|20250410'],
    ]);
  });
});

describe('importOrder', () => {
  it('orders units by ファイル連番 and base files first, and says why a file cannot be ordered', () => {
    const later = fileName('UPPLAN', '202504', CM, HELPER, 4, '20250325110000');
    const earlyPlan = fileName('UP1KYO', undefined, CM, HELPER, 4, '20250325090000');
    const earlyHosoku = fileName('UPHOSOKU', '000000', CM, HELPER, 4, '20250325090000');
    const bad = 'UPPLAN_202504_1370100008_43_1370200006_11_20251325110000.CSV';
    const order = importOrder([later, earlyHosoku, bad, earlyPlan]);
    expect(order.units.map((u) => u.files)).toEqual([[earlyPlan, earlyHosoku], [later]]);
    expect(order.unordered).toHaveLength(1);
    expect(order.unordered[0]).toMatchObject({ file: bad });
    expect(order.unordered[0]!.reason).toContain('ファイル連番');
    expect(order.unordered[0]!.code).toMatch(/^NAME_/);
  });

  it('keeps units to one office under two service types apart', () => {
    const to11 = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => fileName(k as 'UPPLAN', '202504', CM, HELPER, 4, TS));
    const toA2 = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => fileName(k as 'UPPLAN', '202504', CM, { office: HELPER.office, serviceType: 'A2' }, 4, TS));
    const order = importOrder([...toA2, ...to11].reverse());
    expect(order.units).toEqual([
      { key: `${TS}:1370100008_43>1370200006_11`, timestamp: TS, type: 'schedule', files: to11 },
      { key: `${TS}:1370100008_43>1370200006_A2`, timestamp: TS, type: 'schedule', files: toA2 },
    ]);
    expect(order.unordered).toEqual([]);
  });

  it('leaves out a unit with no base file and a withdrawal sent with other files, saying why', () => {
    const plan = fileName('UP1KYO', undefined, CM, HELPER, 4, '20250325090000');
    const onlyAnnex = fileName('UPSIKYU', '202504', CM, HELPER, 4, TS);
    const withdrawal = fileName('DLTPLAN', '202504', CM, HELPER, 4, '20250326100000');
    const replacement = fileName('UPPLAN', '202504', CM, HELPER, 4, '20250326100000');
    const order = importOrder([withdrawal, onlyAnnex, replacement, plan]);
    expect(order.units.map((u) => u.files)).toEqual([[plan]]);
    expect(order.unordered).toEqual([
      {
        file: onlyAnnex,
        unit: `${TS}:1370100008_43>1370200006_11`,
        code: 'UNIT_NO_BASE',
        reason: '送信単位に基本となるファイル（第1表・第6表・利用者基本情報など）がありません: 第7表（UPSIKYU）。',
        reasonEn: 'The send unit has no base file (table 1, table 6, basic information …): table 7 (UPSIKYU).',
      },
      ...[replacement, withdrawal].map((file) => ({
        file,
        unit: '20250326100000:1370100008_43>1370200006_11',
        code: 'UNIT_DELETION_NOT_ALONE',
        reason: '削除ファイル（第6表 予定削除（DLTPLAN））は単独で送ります（同じ連番にほかのファイルがあります）。',
        reasonEn: 'A withdrawal (table 6 planned withdrawal (DLTPLAN)) travels alone (other files share its sequence).',
      })),
    ]);
  });

  it('orders the same files as validateFiles groups them', () => {
    const files = [...scheduleUnit(), ...preventionSendUnit(['UPYOBO', 'UPYOBO_SUB'])];
    const report = validateFiles(files);
    const order = importOrder(files);
    expect(order.units.map((u) => [u.key, u.type, u.files])).toEqual(report.units.map((u) => [u.key, u.type, u.files]));
    expect(order.units[1]!.key).toBe(`${PREVENTION_TS}:${CENTER.office}_46>${DAY_CARE.office}_A6`);
  });
});

describe('comparePlanToActual', () => {
  const jskName = fileName('UPJSK', '202504', HELPER, CM, 4, '20250501090000');
  const delivered = (o: Record<string, string> = {}) => visit({ updaterVendorCode: '1370200006', ...o });
  const other = (o: Record<string, string> = {}) => visit({ serviceOfficeNumber: '1370300004', serviceCode: '171001', serviceStartTime: '9999', serviceEndTime: '9999', taisCode: '00170-000123', ...o });

  it('lists what was planned and not delivered, delivered and not planned, and changed', () => {
    const plan = file('UPPLAN', [visit({ serviceDate: '20250401' }), visit({ serviceDate: '20250404' }), visit({ serviceDate: '20250407' }), other()], planName);
    const actual = file('UPJSK', [
      delivered({ serviceDate: '20250401' }),
      delivered({ serviceDate: '20250404', serviceStartTime: '1000', serviceEndTime: '1030' }),
      delivered({ serviceDate: '20250408' }),
    ], jskName);
    const c = comparePlanToActual(plan, actual);
    expect(c.issues).toEqual([]);
    expect(c.month).toBe('202504');
    expect(c.offices).toEqual(['1370200006']); // the rental office is not this provider's business
    expect(c.rows.map((r) => [r.date, r.status])).toEqual([
      ['20250401', 'as-planned'],
      ['20250404', 'different'],
      ['20250407', 'planned-not-delivered'],
      ['20250408', 'delivered-not-planned'],
    ]);
    expect(c.rows[1]).toMatchObject({
      insuredNumber: '0000123456',
      office: '1370200006',
      serviceCode: '111211',
      planned: [{ start: '0930', end: '1000', count: '1', line: 2 }],
      delivered: [{ start: '1000', end: '1030', count: '1', line: 2 }],
    });
    expect(c.summary).toEqual({ 'as-planned': 1, 'planned-not-delivered': 1, 'delivered-not-planned': 1, different: 1 });
  });

  it('reports files of another kind or month instead of comparing wrongly', () => {
    const plan = file('UPPLAN', [visit()], planName);
    const mayActual = file('UPJSK', [delivered({ serviceMonth: '202505', serviceDate: '20250501' })], jskName);
    expect(comparePlanToActual(plan, mayActual).issues.map((i) => i.code)).toEqual(['COMPARE_MONTH_MISMATCH']);
    expect(comparePlanToActual(plan, plan).issues.map((i) => i.code)).toEqual(['COMPARE_WRONG_KIND']);
  });
});

describe('第7表 rows of rented products', () => {
  it('two products under one service code are matched product by product (TAIS code)', () => {
    const rental = (tais: string, day: string) =>
      visit({ serviceOfficeNumber: '1370200006', serviceCode: '171001', units: '500', serviceStartTime: '9999', serviceEndTime: '9999', taisCode: tais, serviceDate: day });
    const plan = [rental('00170-000123', '20250401'), rental('00285-000456', '20250401')];
    const rows = (secondTimes: string) => [
      annex({ serviceCode: '171001', units: '500', taisCode: '00170-000123', timesOrDays: '1', serviceUnitsOrAmount: '500' }),
      annex({ serviceCode: '171001', units: '500', taisCode: '00285-000456', timesOrDays: secondTimes, serviceUnitsOrAmount: String(500 * Number(secondTimes)) }),
      subtotal({ serviceCode: '17AAAA', serviceUnitsOrAmount: String(500 + 500 * Number(secondTimes)) }),
      total({ serviceUnitsOrAmount: String(500 + 500 * Number(secondTimes)) }),
    ];
    expect(unitIssues(scheduleUnit({ plan, annex: rows('1') }))).toEqual([]);
    const wrong = unitIssues(scheduleUnit({ plan, annex: rows('2') }));
    expect(wrong.map((i) => [i.code, i.line])).toEqual([['UNIT_ANNEX_COUNT_MISMATCH', 2]]);
  });
});
