// Content cross-checks of a 第6表 send unit: 第7表 against the 第6表 rows, its subtotals and total against
// its own lines, and the 区分支給限度 figures against the 利用者補足 limit. Figures the spec leaves to the
// vendor are not failed: a monthly service or add-on counted once (info), 単位数 that differ between the
// 第6表 rows of one service, subtotals whose rows cannot be told (ZZZZ; AAAA/EEEE when no row shows
// 給付管理単位数).
import { annexKey, type AnnexRowFact, type FileFacts, type PlannedService } from './file-facts.js';
import { issue, type AnyIssueDraft } from '../rules/index.js';

const int = (v: string): number | undefined => (/^-?\d+$/.test(v) ? Number(v) : undefined);
const userLabel = (user: string) => user.split('|').slice(0, 2).join('-');
const sum = (rows: readonly AnnexRowFact[], value: (r: AnnexRowFact) => string) => rows.reduce((acc, r) => acc + (int(value(r)) ?? 0), 0);

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Where the findings go as they are found (the unit's sink): never gathered into one array first. */
export type Report = (draft: AnyIssueDraft) => void;

export function checkScheduleContent(plan: FileFacts, annex: FileFacts | undefined, supplement: FileFacts | undefined, report: Report): void {
  if (!annex) return;
  const at = (f: FileFacts, row: { line: number; record?: number }, value: string) => ({ file: f.file, line: row.line, record: row.record, value });

  for (const [user, rows] of annex.annex) {
    const planned = plan.schedule.get(user) ?? new Map<string, PlannedService>();
    const details = rows.filter((r) => r.row === 'detail');
    const seen = new Set<string>();
    for (const d of details) {
      const k = annexKey(d.office, d.code, d.equipment, d.satellite, d.over30 ? '1' : '');
      seen.add(k);
      const p = planned.get(k);
      if (!p) {
        report(issue('UNIT_ANNEX_NOT_IN_PLAN', { line: d.line, user: userLabel(user), office: d.office, code: d.code, equipment: d.equipment }, at(annex, d, d.code)));
        continue;
      }
      const times = int(d.times);
      checkCount(annex, d, p, times, report);
      // 第6表 No.8 carries the discounted units (※割引後単位数を記載): compare with 割引後単位数 when set.
      const discounted = int(d.discountedUnits) !== undefined;
      const annexUnits = discounted ? d.discountedUnits : d.units;
      const planUnits = p.units.length === 1 ? p.units[0]! : undefined;
      if (planUnits !== undefined && int(annexUnits) !== undefined && int(annexUnits) !== int(planUnits)) {
        report(issue('UNIT_ANNEX_UNITS_MISMATCH', { line: d.line, discounted, units: annexUnits, planLine: p.line, planUnits, code: d.code }, at(annex, d, annexUnits)));
      }
      const base = int(d.discountedUnits) ?? int(d.units);
      const amount = int(d.amount);
      if (base !== undefined && times !== undefined && amount !== undefined && amount !== base * times) {
        report(issue('UNIT_ANNEX_AMOUNT', { line: d.line, amount, base, times }, at(annex, d, d.amount)));
      }
    }
    for (const [k, p] of planned) {
      if (!seen.has(k)) {
        const [office, code, equipment] = k.split('|');
        report(issue('UNIT_PLAN_NOT_IN_ANNEX', { line: p.line, user: userLabel(user), office: office ?? '', code: code ?? '', equipment: equipment ?? '' }, at(plan, p, code ?? '')));
      }
    }
    checkSubtotals(annex, rows, user, report);
    checkTotal(annex, rows, user, report);
    checkLimit(annex, rows, user, supplement, report);
  }
  for (const user of plan.schedule.keys()) {
    if (!annex.annex.has(user)) {
      const first = [...plan.schedule.get(user)!.values()][0]!;
      report(issue('UNIT_PLAN_NOT_IN_ANNEX', { user: userLabel(user), line: first.line }, at(plan, first, userLabel(user))));
    }
  }
}

/**
 * 第7表 回数／日数 against Σ 第6表 サービス回数. Also right: the number of days of the rows' 日割対象日. Left to
 * the vendor (info): 1 where 第6表 has several — a 包括請求 service sits on its real days of use (No.10) and a
 * monthly add-on is imported as one (No.14), and which codes those are is in the service code table, not here.
 */
function checkCount(annex: FileFacts, d: AnnexRowFact, p: PlannedService, times: number | undefined, report: Report): void {
  if (times === undefined || times === p.count) return;
  if (p.prorated !== 0 && times === popcount(p.prorated)) return;
  const where = { file: annex.file, line: d.line, record: d.record, value: d.times };
  if (times === 1 && p.count > 1) {
    report(issue('UNIT_ANNEX_COUNT_ONCE_A_MONTH', { line: d.line, planLine: p.line, count: p.count, code: d.code }, where));
    return;
  }
  report(issue('UNIT_ANNEX_COUNT_MISMATCH', { line: d.line, times, count: p.count, prorated: popcount(p.prorated), planLine: p.line, code: d.code }, where));
}

/** The detail rows of each office and service type (`office|type`). */
function groups(details: readonly AnnexRowFact[]): Map<string, AnnexRowFact[]> {
  const byGroup = new Map<string, AnnexRowFact[]>();
  for (const r of details) {
    const k = `${r.office}|${r.code.slice(0, 2)}`;
    const g = byGroup.get(k);
    if (g) g.push(r);
    else byGroup.set(k, [r]);
  }
  return byGroup;
}

/**
 * 種類別小計 of an office and service type: AAAA (区分支給対象) is Σ サービス単位／金額 of its rows with 給付管理単位数,
 * EEEE (区分支給対象外) of those without it (No.18: Null 固定 outside the limit). When no row of the office and type
 * shows 給付管理単位数 (the vendor may leave it empty, No.18 但し書き) the two cannot be told apart: each must
 * then only not exceed Σ of all the rows. ZZZZ (30日超過分) is not checked: the spec does not say which rows it sums.
 */
function checkSubtotals(annex: FileFacts, rows: readonly AnnexRowFact[], user: string, report: Report): void {
  const byGroup = groups(rows.filter((r) => r.row === 'detail'));
  for (const s of rows) {
    if (s.row !== 'subtotal') continue;
    const within = s.code.endsWith('AAAA');
    if (!within && !s.code.endsWith('EEEE')) continue;
    const amount = int(s.amount);
    const group = byGroup.get(`${s.office}|${s.code.slice(0, 2)}`);
    if (amount === undefined || !group) continue;
    const where = { file: annex.file, line: s.line, record: s.record, value: s.amount };
    const code = within ? 'UNIT_ANNEX_SUBTOTAL_MISMATCH' : 'UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH';
    const params = { line: s.line, code: s.code, amount, user: userLabel(user) };
    if (!group.some((r) => r.benefitUnits !== '')) {
      const all = sum(group, (r) => r.amount);
      if (amount > all) report(issue(code, { ...params, rows: all, exceeds: true }, where));
      continue;
    }
    // 30日超 rows belong to ZZZZ, not to EEEE (they carry no 給付管理単位数 either).
    const lines = group.filter((r) => (r.benefitUnits !== '') === within && (within || !r.over30));
    const total = sum(lines, (r) => r.amount);
    if (total === amount) continue;
    report(issue(code, { ...params, rows: total, exceeds: false }, where));
  }
}

/**
 * 全合計 (999999): サービス単位／金額 is Σ of the user's rows (an error otherwise; with 30日超 rows, Σ without them
 * is accepted too). 給付管理単位数 is Σ of the rows' 給付管理単位数; the spec does not say whether the 種類支給限度
 * excess is taken off first, so Σ − Σ 種類支給限度基準超単位数 of the subtotals is accepted as well, and anything
 * else is a warning. Not checked unless every office and type shows 給付管理単位数 on some row.
 */
function checkTotal(annex: FileFacts, rows: readonly AnnexRowFact[], user: string, report: Report): void {
  const total = rows.find((r) => r.row === 'total');
  if (!total) return;
  const details = rows.filter((r) => r.row === 'detail');
  const where = (value: string) => ({ file: annex.file, line: total.line, record: total.record, value });
  const amount = int(total.amount);
  const all = sum(details, (r) => r.amount);
  const within30 = sum(details.filter((r) => !r.over30), (r) => r.amount);
  if (amount !== undefined && amount !== all && amount !== within30) {
    report(issue('UNIT_ANNEX_TOTAL_MISMATCH', { line: total.line, amount, rows: all, user: userLabel(user) }, where(total.amount)));
  }
  const benefit = int(total.benefitUnits);
  // Only when every office and type shows 給付管理単位数 somewhere: otherwise the rows within the limit are not known.
  const shown = [...groups(details).values()].every((g) => g.some((r) => r.benefitUnits !== ''));
  if (benefit !== undefined && details.length > 0 && shown) {
    const rowsBenefit = sum(details, (r) => r.benefitUnits);
    const typeExcess = sum(rows.filter((r) => r.row === 'subtotal'), (r) => r.typeExcessUnits);
    if (benefit !== rowsBenefit && benefit !== rowsBenefit - typeExcess) {
      report(issue('UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH', { line: total.line, benefit, rows: rowsBenefit, typeExcess, user: userLabel(user) }, where(total.benefitUnits)));
    }
  }
}

/** 全合計: 区分支給限度基準超 = max(0, 給付管理単位数 − 区分支給限度基準額), 基準内 = 給付管理単位数 − 超. */
function checkLimit(annex: FileFacts, rows: readonly AnnexRowFact[], user: string, supplement: FileFacts | undefined, report: Report): void {
  const total = rows.find((r) => r.row === 'total');
  const limit = int(supplement?.limits.get(user)?.limit ?? '');
  if (!total || limit === undefined) return;
  const benefit = int(total.benefitUnits) ?? sum(rows.filter((r) => r.row === 'detail'), (r) => r.benefitUnits);
  const excess = Math.max(0, benefit - limit);
  const where = (value: string) => ({ file: annex.file, line: total.line, record: total.record, value });
  if (int(total.excessUnits) !== undefined && int(total.excessUnits) !== excess) {
    report(issue('UNIT_LIMIT_EXCESS_MISMATCH', { part: 'excess', value: total.excessUnits, benefit, limit, excess }, where(total.excessUnits)));
  }
  if (int(total.withinUnits) !== undefined && int(total.withinUnits) !== benefit - excess) {
    report(issue('UNIT_LIMIT_EXCESS_MISMATCH', { part: 'within', value: total.withinUnits, benefit, limit, excess }, where(total.withinUnits)));
  }
}
