// Content cross-checks of a 第6表 send unit: 第7表 against the 第6表 rows, its subtotals and total against
// its own lines, and the 区分支給限度 figures against the 利用者補足 limit. Figures the spec leaves to the
// vendor are not failed: a monthly service or add-on counted once (info), 単位数 that differ between the
// 第6表 rows of one service, subtotals whose rows cannot be told (ZZZZ; AAAA/EEEE when no row shows
// 給付管理単位数).
import type { Issue } from '../issues.js';
import { annexKey, type AnnexRowFact, type FileFacts, type PlannedService } from './file-facts.js';
import { ruleIssue } from '../rules/index.js';

const int = (v: string): number | undefined => (/^-?\d+$/.test(v) ? Number(v) : undefined);
const userLabel = (user: string) => user.split('|').slice(0, 2).join('-');
const sum = (rows: readonly AnnexRowFact[], value: (r: AnnexRowFact) => string) => rows.reduce((acc, r) => acc + (int(value(r)) ?? 0), 0);

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Where the findings go as they are found (a unit's capped list): never gathered into one array first. */
export interface IssueSink {
  push(...issues: Issue[]): void;
}

export function checkScheduleContent(plan: FileFacts, annex: FileFacts | undefined, supplement: FileFacts | undefined, issues: IssueSink): void {
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
        const product = d.equipment ? `、用具 ${d.equipment}` : '';
        issues.push(ruleIssue('UNIT_ANNEX_NOT_IN_PLAN', `第7表 ${d.line}行目（利用者 ${userLabel(user)}、事業所 ${d.office}、サービスコード ${d.code}${product}）が第6表にありません。`, `第7表 line ${d.line} (user ${userLabel(user)}, office ${d.office}, service ${d.code}${d.equipment ? `, product ${d.equipment}` : ''}) is not in 第6表.`, at(annex, d, d.code)));
        continue;
      }
      const times = int(d.times);
      issues.push(...checkCount(annex, d, p, times));
      // 第6表 No.8 carries the discounted units (※割引後単位数を記載): compare with 割引後単位数 when set.
      const discounted = int(d.discountedUnits) !== undefined;
      const annexUnits = discounted ? d.discountedUnits : d.units;
      const planUnits = p.units.length === 1 ? p.units[0]! : undefined;
      if (planUnits !== undefined && int(annexUnits) !== undefined && int(annexUnits) !== int(planUnits)) {
        const what = discounted ? '割引後単位数' : '単位数';
        issues.push(ruleIssue('UNIT_ANNEX_UNITS_MISMATCH', `第7表 ${d.line}行目の${what} ${annexUnits} が第6表（${p.line}行目〜）の単位数 ${planUnits} と違います（サービスコード ${d.code}）。`, `第7表 line ${d.line}: ${discounted ? 'discounted units' : 'units'} ${annexUnits}, 第6表 (from line ${p.line}) has ${planUnits} (service ${d.code}).`, at(annex, d, annexUnits)));
      }
      const base = int(d.discountedUnits) ?? int(d.units);
      const amount = int(d.amount);
      if (base !== undefined && times !== undefined && amount !== undefined && amount !== base * times) {
        issues.push(ruleIssue('UNIT_ANNEX_AMOUNT', `第7表 ${d.line}行目のサービス単位／金額 ${amount} が 単位数（割引後）${base} × 回数 ${times} = ${base * times} と違います。`, `第7表 line ${d.line}: amount ${amount} is not units ${base} × times ${times} = ${base * times}.`, at(annex, d, d.amount)));
      }
    }
    for (const [k, p] of planned) {
      if (!seen.has(k)) {
        const [office, code, equipment] = k.split('|');
        const product = equipment ? `、用具 ${equipment}` : '';
        issues.push(ruleIssue('UNIT_PLAN_NOT_IN_ANNEX', `第6表 ${p.line}行目（利用者 ${userLabel(user)}、事業所 ${office}、サービスコード ${code}${product}）が第7表にありません。`, `第6表 line ${p.line} (user ${userLabel(user)}, office ${office}, service ${code}${equipment ? `, product ${equipment}` : ''}) is not in 第7表.`, at(plan, p, code ?? '')));
      }
    }
    issues.push(...checkSubtotals(annex, rows, user));
    issues.push(...checkTotal(annex, rows, user));
    issues.push(...checkLimit(annex, rows, user, supplement));
  }
  for (const user of plan.schedule.keys()) {
    if (!annex.annex.has(user)) {
      const first = [...plan.schedule.get(user)!.values()][0]!;
      issues.push(ruleIssue('UNIT_PLAN_NOT_IN_ANNEX', `第6表の利用者 ${userLabel(user)}（${first.line}行目〜）が第7表にありません。`, `第6表 user ${userLabel(user)} (from line ${first.line}) is not in 第7表.`, at(plan, first, userLabel(user))));
    }
  }
}

/**
 * 第7表 回数／日数 against Σ 第6表 サービス回数. Also right: the number of days of the rows' 日割対象日. Left to
 * the vendor (info): 1 where 第6表 has several — a 包括請求 service sits on its real days of use (No.10) and a
 * monthly add-on is imported as one (No.14), and which codes those are is in the service code table, not here.
 */
function checkCount(annex: FileFacts, d: AnnexRowFact, p: PlannedService, times: number | undefined): Issue[] {
  if (times === undefined || times === p.count) return [];
  if (p.prorated !== 0 && times === popcount(p.prorated)) return [];
  const where = { file: annex.file, line: d.line, record: d.record, value: d.times };
  if (times === 1 && p.count > 1) {
    return [ruleIssue('UNIT_ANNEX_COUNT_ONCE_A_MONTH', `第7表 ${d.line}行目の回数／日数は 1、第6表（${p.line}行目〜）には回数の合計 ${p.count}（サービスコード ${d.code}）。包括請求のサービスや月単位の加算なら1回として取り込みます（仕様は事業者に委ねています）。`, `第7表 line ${d.line} counts 1, the 第6表 rows (from line ${p.line}) add up to ${p.count} (service ${d.code}): right for a monthly (包括) service or a monthly add-on, which is imported once; the spec leaves it to the vendor.`, where)];
  }
  const prorated = p.prorated !== 0 ? `、日割対象日 ${popcount(p.prorated)}日` : '';
  return [ruleIssue('UNIT_ANNEX_COUNT_MISMATCH', `第7表 ${d.line}行目の回数／日数 ${times} が第6表の回数の合計 ${p.count}${prorated}（${p.line}行目〜）と違います（サービスコード ${d.code}）。`, `第7表 line ${d.line}: times ${times}, but the 第6表 rows (from line ${p.line}) add up to ${p.count}${p.prorated !== 0 ? ` (${popcount(p.prorated)} prorated days)` : ''} (service ${d.code}).`, where)];
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
function checkSubtotals(annex: FileFacts, rows: readonly AnnexRowFact[], user: string): Issue[] {
  const issues: Issue[] = [];
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
    const ja = within ? '区分支給対象小計' : '区分支給対象外小計';
    if (!group.some((r) => r.benefitUnits !== '')) {
      const all = sum(group, (r) => r.amount);
      if (amount > all) {
        issues.push(ruleIssue(code, `第7表 ${s.line}行目の${ja} ${s.code} のサービス単位／金額 ${amount} が明細の合計 ${all} を超えています（利用者 ${userLabel(user)}）。`, `第7表 line ${s.line}: subtotal ${s.code} amount ${amount} exceeds its rows' ${all} (user ${userLabel(user)}).`, where));
      }
      continue;
    }
    // 30日超 rows belong to ZZZZ, not to EEEE (they carry no 給付管理単位数 either).
    const lines = group.filter((r) => (r.benefitUnits !== '') === within && (within || !r.over30));
    const total = sum(lines, (r) => r.amount);
    if (total === amount) continue;
    const which = within ? '給付管理単位数のある' : '給付管理単位数の空の';
    const whichEn = within ? 'with' : 'without';
    issues.push(ruleIssue(code, `第7表 ${s.line}行目の${ja} ${s.code} のサービス単位／金額 ${amount} が、${which}明細の合計 ${total} と違います（利用者 ${userLabel(user)}）。`, `第7表 line ${s.line}: subtotal ${s.code} amount ${amount}, its rows ${whichEn} 給付管理単位数 add up to ${total} (user ${userLabel(user)}).`, where));
  }
  return issues;
}

/**
 * 全合計 (999999): サービス単位／金額 is Σ of the user's rows (an error otherwise; with 30日超 rows, Σ without them
 * is accepted too). 給付管理単位数 is Σ of the rows' 給付管理単位数; the spec does not say whether the 種類支給限度
 * excess is taken off first, so Σ − Σ 種類支給限度基準超単位数 of the subtotals is accepted as well, and anything
 * else is a warning. Not checked unless every office and type shows 給付管理単位数 on some row.
 */
function checkTotal(annex: FileFacts, rows: readonly AnnexRowFact[], user: string): Issue[] {
  const total = rows.find((r) => r.row === 'total');
  if (!total) return [];
  const issues: Issue[] = [];
  const details = rows.filter((r) => r.row === 'detail');
  const where = (value: string) => ({ file: annex.file, line: total.line, record: total.record, value });
  const amount = int(total.amount);
  const all = sum(details, (r) => r.amount);
  const within30 = sum(details.filter((r) => !r.over30), (r) => r.amount);
  if (amount !== undefined && amount !== all && amount !== within30) {
    issues.push(ruleIssue('UNIT_ANNEX_TOTAL_MISMATCH', `第7表 ${total.line}行目の全合計のサービス単位／金額 ${amount} が明細の合計 ${all} と違います（利用者 ${userLabel(user)}）。`, `第7表 line ${total.line}: the total row amount ${amount}, the user's rows add up to ${all} (user ${userLabel(user)}).`, where(total.amount)));
  }
  const benefit = int(total.benefitUnits);
  // Only when every office and type shows 給付管理単位数 somewhere: otherwise the rows within the limit are not known.
  const shown = [...groups(details).values()].every((g) => g.some((r) => r.benefitUnits !== ''));
  if (benefit !== undefined && details.length > 0 && shown) {
    const rowsBenefit = sum(details, (r) => r.benefitUnits);
    const typeExcess = sum(rows.filter((r) => r.row === 'subtotal'), (r) => r.typeExcessUnits);
    if (benefit !== rowsBenefit && benefit !== rowsBenefit - typeExcess) {
      const less = typeExcess !== 0 ? `（種類支給限度基準超 ${typeExcess} を除くと ${rowsBenefit - typeExcess}）` : '';
      issues.push(ruleIssue('UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH', `第7表 ${total.line}行目の全合計の給付管理単位数 ${benefit} が明細の給付管理単位数の合計 ${rowsBenefit}${less} と違います（利用者 ${userLabel(user)}）。`, `第7表 line ${total.line}: the total row 給付管理単位数 ${benefit}, the user's rows add up to ${rowsBenefit}${typeExcess !== 0 ? ` (${rowsBenefit - typeExcess} less the type-limit excess ${typeExcess})` : ''} (user ${userLabel(user)}).`, where(total.benefitUnits)));
    }
  }
  return issues;
}

/** 全合計: 区分支給限度基準超 = max(0, 給付管理単位数 − 区分支給限度基準額), 基準内 = 給付管理単位数 − 超. */
function checkLimit(annex: FileFacts, rows: readonly AnnexRowFact[], user: string, supplement: FileFacts | undefined): Issue[] {
  const total = rows.find((r) => r.row === 'total');
  const limit = int(supplement?.limits.get(user)?.limit ?? '');
  if (!total || limit === undefined) return [];
  const benefit = int(total.benefitUnits) ?? sum(rows.filter((r) => r.row === 'detail'), (r) => r.benefitUnits);
  const excess = Math.max(0, benefit - limit);
  const issues: Issue[] = [];
  const where = (value: string) => ({ file: annex.file, line: total.line, record: total.record, value });
  if (int(total.excessUnits) !== undefined && int(total.excessUnits) !== excess) {
    issues.push(ruleIssue('UNIT_LIMIT_EXCESS_MISMATCH', `全合計の区分支給限度基準超単位数 ${total.excessUnits} は、給付管理単位数 ${benefit} − 区分支給限度基準額 ${limit}（利用者補足）から ${excess} です。`, `Total row: excess ${total.excessUnits}; 給付管理単位数 ${benefit} − limit ${limit} (user supplement) gives ${excess}.`, where(total.excessUnits)));
  }
  if (int(total.withinUnits) !== undefined && int(total.withinUnits) !== benefit - excess) {
    issues.push(ruleIssue('UNIT_LIMIT_EXCESS_MISMATCH', `全合計の区分支給限度基準内単位数 ${total.withinUnits} は ${benefit - excess} です（給付管理単位数 ${benefit} − 超過 ${excess}）。`, `Total row: within-limit units ${total.withinUnits} should be ${benefit - excess} (${benefit} − excess ${excess}).`, where(total.withinUnits)));
  }
  return issues;
}
