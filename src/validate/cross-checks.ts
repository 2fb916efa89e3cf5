// Content cross-checks of a 第6表 send unit: 第7表 against the 第6表 rows, its subtotals and total against
// its own lines, and the 区分支給限度 figures against the 利用者補足 limit. Figures the spec leaves to the
// vendor (給付管理単位数 of some services, how the excess is spread over types) are not failed.
import type { Issue } from '../issues.js';
import type { AnnexRowFact, FileFacts } from './file-validator.js';
import { ruleIssue } from '../rules/index.js';

const int = (v: string): number | undefined => (/^-?\d+$/.test(v) ? Number(v) : undefined);
const userLabel = (user: string) => user.split('|').slice(0, 2).join('-');

export function checkScheduleContent(plan: FileFacts, annex: FileFacts | undefined, supplement: FileFacts | undefined): Issue[] {
  const issues: Issue[] = [];
  if (!annex) return issues;
  const at = (f: FileFacts, row: { line: number; record?: number }, value: string) => ({ file: f.file, line: row.line, record: row.record, value });

  for (const [user, rows] of annex.annex) {
    const planned = plan.schedule.get(user) ?? new Map<string, { count: number; units: string; line: number }>();
    const details = rows.filter((r) => r.row === 'detail');
    const seen = new Set<string>();
    for (const d of details) {
      const k = `${d.office}|${d.code}|${d.equipment}`;
      seen.add(k);
      const p = planned.get(k);
      if (!p) {
        const product = d.equipment ? `、用具 ${d.equipment}` : '';
        issues.push(ruleIssue('UNIT_ANNEX_NOT_IN_PLAN', `第7表 ${d.line}行目（利用者 ${userLabel(user)}、事業所 ${d.office}、サービスコード ${d.code}${product}）が第6表にありません。`, `第7表 line ${d.line} (user ${userLabel(user)}, office ${d.office}, service ${d.code}${d.equipment ? `, product ${d.equipment}` : ''}) is not in 第6表.`, at(annex, d, d.code)));
        continue;
      }
      const times = int(d.times);
      if (times !== undefined && times !== p.count) {
        issues.push(ruleIssue('UNIT_ANNEX_COUNT_MISMATCH', `第7表 ${d.line}行目の回数／日数 ${times} が第6表の回数の合計 ${p.count}（${p.line}行目〜）と違います（サービスコード ${d.code}）。`, `第7表 line ${d.line}: times ${times}, but the 第6表 rows (from line ${p.line}) add up to ${p.count} (service ${d.code}).`, at(annex, d, d.times)));
      }
      if (int(d.units) !== undefined && int(p.units) !== undefined && d.units !== p.units) {
        issues.push(ruleIssue('UNIT_ANNEX_UNITS_MISMATCH', `第7表 ${d.line}行目の単位数 ${d.units} が第6表（${p.line}行目）の ${p.units} と違います（サービスコード ${d.code}）。`, `第7表 line ${d.line}: units ${d.units}, 第6表 line ${p.line} has ${p.units} (service ${d.code}).`, at(annex, d, d.units)));
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
    issues.push(...checkLimit(annex, rows, user, supplement));
  }
  for (const [user, rows] of plan.schedule) {
    if (!annex.annex.has(user)) {
      const first = [...rows.values()][0]!;
      issues.push(ruleIssue('UNIT_PLAN_NOT_IN_ANNEX', `第6表の利用者 ${userLabel(user)}（${first.line}行目〜）が第7表にありません。`, `第6表 user ${userLabel(user)} (from line ${first.line}) is not in 第7表.`, at(plan, first, userLabel(user))));
    }
  }
  return issues;
}

/** 区分支給対象種類別小計 (AAAA): its サービス単位／金額 is the sum of its type's rows of the office. */
function checkSubtotals(annex: FileFacts, rows: readonly AnnexRowFact[], user: string): Issue[] {
  const issues: Issue[] = [];
  for (const s of rows.filter((r) => r.row === 'subtotal' && r.code.endsWith('AAAA'))) {
    const amount = int(s.amount);
    if (amount === undefined) continue;
    const type = s.code.slice(0, 2);
    const sum = rows
      .filter((r) => r.row === 'detail' && r.office === s.office && r.code.startsWith(type))
      .reduce((acc, r) => acc + (int(r.amount) ?? 0), 0);
    if (sum !== amount) {
      issues.push(ruleIssue('UNIT_ANNEX_SUBTOTAL_MISMATCH', `第7表 ${s.line}行目の種類別小計 ${s.code} のサービス単位／金額 ${amount} が明細の合計 ${sum} と違います（利用者 ${userLabel(user)}）。`, `第7表 line ${s.line}: subtotal ${s.code} amount ${amount}, its rows add up to ${sum} (user ${userLabel(user)}).`, { file: annex.file, line: s.line, record: s.record, value: s.amount }));
    }
  }
  return issues;
}

/** 全合計: 区分支給限度基準超 = max(0, 給付管理単位数 − 区分支給限度基準額), 基準内 = 給付管理単位数 − 超. */
function checkLimit(annex: FileFacts, rows: readonly AnnexRowFact[], user: string, supplement: FileFacts | undefined): Issue[] {
  const total = rows.find((r) => r.row === 'total');
  const limit = int(supplement?.limits.get(user)?.limit ?? '');
  if (!total || limit === undefined) return [];
  const benefit = int(total.benefitUnits) ?? rows.filter((r) => r.row === 'detail').reduce((a, r) => a + (int(r.benefitUnits) ?? 0), 0);
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
