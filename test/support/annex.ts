// Builders for the 第6表/第7表 content cross-checks: a month of 訪問介護 with its 処遇改善加算 (outside the
// 区分支給限度), a monthly 通所型サービス, and the schedule send unit they travel in. Synthetic data only.
import { getLayout, validateFiles, type CsvRecord } from '../../src/index.js';
import { annex, CM, file, fileName, HELPER, total, visit } from './builders.js';
import { validRecord } from './records.js';

export const TS = '20250325100000';
/** 通所型サービス（独自） of 総合事業: one monthly (包括) fee, used on its real days. */
export const DAY_CARE_A6 = { office: '1370600007', serviceType: 'A6' };
/** 福祉用具貸与 office of the samples. */
export const RENTAL = { office: '1370300004', serviceType: '17' };
/** 地域包括支援センター (介護予防支援 46): receives the plan of a 委託 user from the care manager. */
export const CENTER_46 = { office: '1370400002', serviceType: '46' };

/** Days of April 2025 as YYYYMMDD. */
export const april = (day: number) => `202504${String(day).padStart(2, '0')}`;

/** A 日割対象日 mask with days `from`..`to` of a 30-day month set. */
export const mask = (from: number, to: number) => Array.from({ length: 31 }, (_, i) => (i + 1 >= from && i + 1 <= to ? '1' : '0')).join('');

/** 利用者補足 tied to the 第6/7表 month, 区分支給限度基準額 19705 (要介護2). */
export const supplement = (o: Record<string, string> = {}): CsvRecord => ({
  ...validRecord(getLayout('UPHOSOKU', '202407')!),
  insuredNumber: '0000123456',
  planChangeDate: '00000000',
  serviceMonth: '202504',
  benefitLimitUnits: '19705',
  ...o,
});

/** 身体介護2 (387 units) on eight days of April. */
export const homeVisits = (o: Record<string, string> = {}) =>
  [2, 4, 7, 9, 11, 14, 16, 18].map((d) => visit({ serviceCode: '111211', units: '387', serviceDate: april(d), ...o }));

/** 介護職員等処遇改善加算 of 訪問介護: a percentage add-on, once a month, outside the 区分支給限度 (no time). */
export const careWorkerBonus = (o: Record<string, string> = {}) =>
  visit({ serviceCode: '116275', units: '758', serviceDate: april(18), serviceStartTime: '9999', serviceEndTime: '9999', ...o });

/** A 第7表 row of the helper office (訪問介護). */
export const helperRow = (o: Record<string, string> = {}) => annex({ timesOrDays: '8', ...o });

/** A 種類別小計 or 全合計 row: 単位数 0, 回数 0. */
export const subtotalRow = (code: string, o: Record<string, string> = {}) => annex({ serviceCode: code, units: '0', timesOrDays: '0', ...o });
export const totalRow = (o: Record<string, string> = {}) => total({ timesOrDays: '0', ...o });

/**
 * The 第7表 of the eight visits and the add-on: 3096 units within the limit (給付管理単位数 set), 758 outside
 * it (給付管理単位数 empty, No.18), 11AAAA 3096, 11EEEE 758, 全合計 3854 with 給付管理単位数 3096.
 */
export const helperAnnex = (o: { visits?: Record<string, string>; bonus?: Record<string, string>; aaaa?: Record<string, string>; eeee?: Record<string, string>; total?: Record<string, string> } = {}) => [
  helperRow({ serviceCode: '111211', units: '387', serviceUnitsOrAmount: '3096', benefitManagementUnits: '3096', ...o.visits }),
  helperRow({ serviceCode: '116275', units: '758', timesOrDays: '1', serviceUnitsOrAmount: '758', benefitManagementUnits: '', ...o.bonus }),
  subtotalRow('11AAAA', { serviceUnitsOrAmount: '3096', benefitManagementUnits: '3096', ...o.aaaa }),
  subtotalRow('11EEEE', { serviceUnitsOrAmount: '758', ...o.eeee }),
  totalRow({ serviceUnitsOrAmount: '3854', benefitManagementUnits: '3096', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '3096', ...o.total }),
];

/** The files of one schedule send unit (第6表 + 第7表 + 利用者補足) from the care manager to `to`. */
export function scheduleUnit(plan: CsvRecord[], annexRecords: CsvRecord[], to = HELPER, hosoku: CsvRecord[] = [supplement()]) {
  return [
    file('UPPLAN', plan, fileName('UPPLAN', '202504', CM, to, 4, TS)),
    file('UPSIKYU', annexRecords, fileName('UPSIKYU', '202504', CM, to, 4, TS)),
    file('UPHOSOKU', hosoku, fileName('UPHOSOKU', '202504', CM, to, 4, TS)),
  ];
}

/** Every issue of the unit's files and of the unit. */
export const unitReport = (plan: CsvRecord[], annexRecords: CsvRecord[], to = HELPER) => validateFiles(scheduleUnit(plan, annexRecords, to));

/**
 * A 第7表 of `users` users (one detail row and a 全合計 each), where the user at `missingTotalAt` lacks its 全合計
 * row: large enough that a file's users are let go as it is read (past 20,000 rows), with one finding far in.
 */
export function largeAnnex(users = 11_000, missingTotalAt = 10_500): CsvRecord[] {
  const records: CsvRecord[] = [];
  for (let u = 0; u < users; u++) {
    const insuredNumber = String(1000000000 + u);
    const amount = { serviceUnitsOrAmount: '3096', benefitManagementUnits: '3096' };
    records.push(annex({ insuredNumber, ...amount }));
    if (u !== missingTotalAt) records.push(total({ insuredNumber, ...amount, categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '3096' }));
  }
  return records;
}
