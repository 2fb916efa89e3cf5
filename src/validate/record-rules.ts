// Record rules: what the spec's notes require of one record beyond its single fields.
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import type { DateOrder, FieldCondition } from '../../spec-tables/types.js';
import { getCodeTable, type Field, type Layout } from '../spec.js';
import { getServiceType } from '../service-types.js';
import { ruleIssue, type RuleCode } from '../rules/index.js';
import { emit, fieldOf, fieldRefEn, fieldRefJa, isDate, isMonth, isTime, type Rec, type RecordContext } from './record-context.js';
import { supplementRow } from './supplement-rules.js';
import type { TextRecord } from './text-record.js';

export type { Emit, RecordContext } from './record-context.js';

/** 第7表 rows that are not services: 種類別小計 (type + AAAA/EEEE/ZZZZ) and 全合計 (999999). */
export function annexRowType(serviceCode: string): 'total' | 'subtotal' | 'detail' {
  if (serviceCode === '999999') return 'total';
  if (/^[0-9A-Z]{2}(AAAA|EEEE|ZZZZ)$/.test(serviceCode)) return 'subtotal';
  return 'detail';
}

const RENTAL_TYPES = new Set(['17', '67']);

function equipmentCodes(r: TextRecord<'UPPLAN'> | TextRecord<'UPSIKYU'>, ctx: RecordContext): void {
  if (!('taisCode' in r)) return; // edition 3 has no TAIS fields
  const type = (r.serviceCode ?? '').slice(0, 2);
  if (RENTAL_TYPES.has(type) && !r.taisCode && !r.equipmentNotificationCode) {
    emit(
      ctx,
      'RECORD_EQUIPMENT_CODE_MISSING',
      'taisCode',
      r.serviceCode ?? '',
      `福祉用具貸与（サービスコード ${r.serviceCode}）には TAISコード か 福祉用具届出コード のどちらかが必要です。`,
      `福祉用具貸与 (service code ${r.serviceCode}) needs a TAIS code or an equipment notification code.`,
    );
  }
}

/** 第6表 (UPPLAN / UPJSK). */
function scheduleRow(r: TextRecord<'UPPLAN'>, ctx: RecordContext): void {
  const month = r.serviceMonth;
  if (isDate(r.serviceDate) && isMonth(month) && r.serviceDate.slice(0, 6) !== month) {
    emit(ctx, 'RECORD_DATE_OUTSIDE_MONTH', 'serviceDate', r.serviceDate,
      `サービス利用日 ${r.serviceDate} が対象年月 ${month} の外です。`,
      `Service date ${r.serviceDate} is outside the service month ${month}.`);
  }
  const start = r.serviceStartTime ?? '';
  const end = r.serviceEndTime ?? '';
  if (start && end && (start === '9999') !== (end === '9999')) {
    emit(ctx, 'RECORD_TIME_PAIR', start === '9999' ? 'serviceEndTime' : 'serviceStartTime', `${start}-${end}`,
      `開始時刻 ${start} と終了時刻 ${end}: 時間表示のないサービスは両方を 9999 にします。`,
      `Start ${start} and end ${end}: a service without times has 9999 in both.`);
  } else if (isTime(start) && isTime(end) && end < start) {
    emit(ctx, 'RECORD_TIME_ORDER', 'serviceEndTime', `${start}-${end}`,
      `終了時刻 ${end} が開始時刻 ${start} より前です（日をまたぐサービスでなければ誤りです）。`,
      `End time ${end} is before start time ${start} (wrong unless the service runs past midnight).`);
  }
  const mask = r.proratedDays ?? '';
  if (/^[01]{31}$/.test(mask) && isMonth(month)) {
    const days = getDaysInMonth(new Date(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1, 1));
    const past = mask.slice(days);
    if (past.includes('1')) {
      emit(ctx, 'RECORD_PRORATED_PAST_MONTH_END', 'proratedDays', mask,
        `日割対象日の${days + 1}日目以降が0ではありません（${month}は${days}日までです）。`,
        `Prorated-day mask has 1 after day ${days} (${month} has ${days} days).`);
    }
  }
  equipmentCodes(r, ctx);
  const detail = r.detailDistinctionCode ?? '';
  if (detail && (r.serviceCode ?? '').slice(0, 2) !== '17') {
    emit(ctx, 'RECORD_DETAIL_CODE_NOT_RENTAL', 'detailDistinctionCode', detail,
      `明細判別コードは「17:福祉用具貸与」の場合だけ使います（サービスコード ${r.serviceCode}）。それ以外は空にします。`,
      `明細判別コード is only for 17 福祉用具貸与 (service code ${r.serviceCode}); leave it empty otherwise.`);
  }
}

/** 第7表 (UPSIKYU). */
function annexRow(r: TextRecord<'UPSIKYU'>, ctx: RecordContext): void {
  const code = r.serviceCode ?? '';
  const type = annexRowType(code);
  const office = r.serviceOfficeNumber ?? '';
  if ((type === 'total') !== (office === '9999999999') && office !== '') {
    emit(ctx, 'RECORD_TOTAL_OFFICE', 'serviceOfficeNumber', office,
      type === 'total'
        ? `全合計（999999）の行のサービス事業所コードは 9999999999 です。`
        : `サービス事業所コード 9999999999 は全合計（999999）の行だけに使います。`,
      type === 'total'
        ? 'The total row (999999) has office 9999999999.'
        : 'Office 9999999999 is only for the total row (999999).');
  }
  if (type === 'detail') {
    equipmentCodes(r, ctx);
    return;
  }
  const label = type === 'total' ? '全合計' : '種類別小計';
  const labelEn = type === 'total' ? 'total' : 'subtotal';
  if ((r.units ?? '') !== '0') {
    emit(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', 'units', r.units ?? '',
      `${label}の行の単位数は 0 固定です。`, `The units of a ${labelEn} row are fixed at 0.`);
  }
  for (const key of ['discountRate', 'discountedUnits'] as const) {
    if ((r[key] ?? '') !== '') {
      emit(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', key, r[key] ?? '',
        `${label}の行の${fieldOf(ctx, key).name}は空（Null）固定です。`, `A ${labelEn} row leaves ${fieldOf(ctx, key).name} empty.`);
    }
  }
}

/** 第2表 (UP2KYO): NO fields order the printed form, 1 to 99. */
function needsRow(r: TextRecord<'UP2KYO'>, ctx: RecordContext): void {
  for (const key of ['issueNo', 'goalNo', 'supportContentNo'] as const) {
    const v = r[key] ?? '';
    if (/^-?\d+$/.test(v) && (Number(v) < 1 || Number(v) > 99)) {
      emit(ctx, 'RECORD_NO_RANGE', key, v, `${fieldOf(ctx, key).name} は1〜99です。`, `${fieldOf(ctx, key).name} must be 1 to 99.`);
    }
  }
}

const RULES_BY_LAYOUT: Partial<Record<string, (r: Rec, ctx: RecordContext) => void>> = {
  UPPLAN: scheduleRow,
  UPJSK: scheduleRow,
  UPSIKYU: annexRow,
  UPHOSOKU: supplementRow,
  UP2KYO: needsRow,
};

export function checkRecordRules(record: Rec, ctx: RecordContext): void {
  for (const check of tableChecksOf(ctx.layout)) check(record, ctx);
  RULES_BY_LAYOUT[ctx.layout.kind]?.(record, ctx);
}

// ---------------------------------------------------------------------------------------------------------
// Record rules stated as data in the spec tables (requiredWhen, emptyUnless, substitute, notBefore, notAfter):
// one generic rule reads them. A rule the tables mark `uncertain` is reported as a warning.

type TableCheck = (r: Rec, ctx: RecordContext) => void;


/** A value with its meaning where the field is coded: `03:その他`, `22:短期入所療養介護（介護老人保健施設）`. */
function valueLabel(field: Field, value: string): string {
  const label = field.codeTable
    ? getCodeTable(field.codeTable)?.entries.find(([code]) => code === value)?.[1]
    : field.format === 'serviceTypeCode'
      ? getServiceType(value)?.name
      : undefined;
  return label ? `${value}:${label}` : value;
}

const UNCERTAIN_JA = '（仕様の記述からは確定できないため warning）';
const UNCERTAIN_EN = ' (a warning: the spec text does not settle this rule)';

/** The condition in words: 「相談方法（No.8）が 03:その他」 / 'No.8 相談方法 is 03:その他'. */
function conditionText(cond: FieldCondition, other: Field): { ja: string; en: string } {
  if (!cond.values) return { ja: `${fieldRefJa(other)}に値がある`, en: `${fieldRefEn(other)} is set` };
  const labels = cond.values.map((v) => valueLabel(other, v));
  return { ja: `${fieldRefJa(other)}が ${labels.join('・')} の`, en: `${fieldRefEn(other)} is ${labels.join(' or ')}` };
}

const holds = (cond: FieldCondition, r: Rec): boolean => {
  const v = r[cond.field] ?? '';
  return cond.values ? cond.values.includes(v) : v !== '';
};

/** A date the order rules can compare: a real calendar date, not a sentinel. The field rules report the rest. */
function comparableDate(field: Field, v: string | undefined): v is string {
  if (!isDate(v) || (field.sentinels ?? []).includes(v)) return false;
  const month = Number(v.slice(4, 6));
  const day = Number(v.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= getDaysInMonth(new Date(Number(v.slice(0, 4)), month - 1, 1));
}

/** Why the tables mark a field's record rule of `code` uncertain (it is then a warning); for tests and tools. */
export function recordRuleUncertainty(field: Field, code: string): string | undefined {
  switch (code) {
    case 'RECORD_CONDITIONAL_REQUIRED':
      return field.requiredWhen?.uncertain;
    case 'RECORD_CONDITIONAL_EMPTY':
      return field.emptyUnless?.uncertain;
    case 'RECORD_SUBSTITUTE_VALUE':
      return field.substitute?.uncertain;
    case 'RECORD_DATE_ORDER':
      return field.notBefore?.uncertain ?? field.notAfter?.uncertain;
    default:
      return undefined;
  }
}

const tableChecks = new WeakMap<Layout, readonly TableCheck[]>();

function tableChecksOf(layout: Layout): readonly TableCheck[] {
  let checks = tableChecks.get(layout);
  if (!checks) {
    checks = compileTableChecks(layout);
    tableChecks.set(layout, checks);
  }
  return checks;
}

/** The checks of a layout, compiled once: only fields that carry a rule, and only rules whose other field exists. */
function compileTableChecks(layout: Layout): TableCheck[] {
  const byKey = new Map(layout.fields.map((f) => [f.key, f]));
  const checks: TableCheck[] = [];
  for (const f of layout.fields) {
    const self = { no: f.no, key: f.key, name: f.name };
    const issue = (ctx: RecordContext, code: RuleCode, value: string, ja: string, en: string, uncertain: string | undefined) =>
      (!ctx.take || ctx.take(code)) &&
      ctx.emit(ruleIssue(code, uncertain ? ja + UNCERTAIN_JA : ja, uncertain ? en + UNCERTAIN_EN : en,
        { ...ctx.where, field: self, value }, uncertain !== undefined));

    const required = f.requiredWhen;
    const requiredOther = required && byKey.get(required.field);
    if (required && requiredOther) {
      const cond = conditionText(required, requiredOther);
      checks.push((r, ctx) => {
        if ((r[f.key] ?? '') !== '' || !holds(required, r)) return;
        issue(ctx, 'RECORD_CONDITIONAL_REQUIRED', '',
          `${fieldRefJa(f)}は、${cond.ja}場合は必須ですが空です。`,
          `${fieldRefEn(f)} is required when ${cond.en}, but it is empty.`,
          required.uncertain);
      });
    }

    const empty = f.emptyUnless;
    const emptyOther = empty && byKey.get(empty.field);
    if (empty && emptyOther) {
      const cond = conditionText(empty, emptyOther);
      checks.push((r, ctx) => {
        const v = r[f.key] ?? '';
        if (v === '' || holds(empty, r)) return;
        const actual = r[empty.field] ?? '';
        const actualJa = actual === '' ? '空' : valueLabel(emptyOther, actual);
        const actualEn = actual === '' ? 'empty' : valueLabel(emptyOther, actual);
        issue(ctx, 'RECORD_CONDITIONAL_EMPTY', v,
          `${fieldRefJa(f)}は、${cond.ja}場合だけ記載し、それ以外は空（Null）にしますが、値があります（${emptyOther.name}は ${actualJa}）。`,
          `${fieldRefEn(f)} is only set when ${cond.en}, and left empty otherwise; it has a value (${emptyOther.name}: ${actualEn}).`,
          empty.uncertain);
      });
    }

    const sub = f.substitute;
    if (sub) {
      checks.push((r, ctx) => {
        const v = r[f.key] ?? '';
        if (!sub.values.includes(v)) return;
        issue(ctx, 'RECORD_SUBSTITUTE_VALUE', v,
          `${fieldRefJa(f)}に ${valueLabel(f, v)} は使わず、${valueLabel(f, sub.use)} を設定します（「${sub.noteJa}」）。`,
          `${fieldRefEn(f)}: write ${sub.use}, not ${v} (the note: 「${sub.noteJa}」).`,
          sub.uncertain);
      });
    }

    for (const [order, after] of [[f.notBefore, false], [f.notAfter, true]] as const) {
      const other = order && byKey.get(order.field);
      if (!order || !other) continue;
      checks.push(dateOrderCheck(f, other, order, after, issue));
    }
  }
  return checks;
}

function dateOrderCheck(
  f: Field,
  other: Field,
  order: DateOrder,
  after: boolean,
  issue: (ctx: RecordContext, code: RuleCode, value: string, ja: string, en: string, uncertain: string | undefined) => void,
): TableCheck {
  return (r, ctx) => {
    const v = r[f.key];
    const o = r[other.key];
    if (!comparableDate(f, v) || !comparableDate(other, o)) return;
    if (after ? v <= o : v >= o) return;
    issue(ctx, 'RECORD_DATE_ORDER', v,
      `${fieldRefJa(f)} ${v} が ${fieldRefJa(other)} ${o} より${after ? '後' : '前'}です。`,
      `${fieldRefEn(f)} ${v} is ${after ? 'after' : 'before'} ${fieldRefEn(other)} ${o}.`,
      order.uncertain);
  };
}
