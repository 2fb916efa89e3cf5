// Record rules: what the spec's notes require of one record beyond its single fields.
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import type { DateOrder, FieldCondition } from '../../spec-tables/types.js';
import { getCodeTable, type Field, type Layout } from '../spec.js';
import { getServiceType } from '../service-types.js';
import { issue, type AnyIssueDraft } from '../rules/index.js';
import { fieldOf, isDate, isMonth, isTime, nameOf, report, type Rec, type RecordContext } from './record-context.js';
import { supplementRow } from './supplement-rules.js';
import type { TextRecord } from './text-record.js';

export type { DraftSink, RecordContext } from './record-context.js';

/** 第7表 rows that are not services: 種類別小計 (type + AAAA/EEEE/ZZZZ) and 全合計 (999999). */
export function annexRowType(serviceCode: string): 'total' | 'subtotal' | 'detail' {
  if (serviceCode === '999999') return 'total';
  if (/^[0-9A-Z]{2}(AAAA|EEEE|ZZZZ)$/.test(serviceCode)) return 'subtotal';
  return 'detail';
}

const RENTAL_TYPES: readonly string[] = ['17', '67'];

/** Whether a service code is of one of these two-character service types (read in place: no string cut per record). */
function ofType(code: string, types: readonly string[]): boolean {
  for (let i = 0; i < types.length; i++) if (code.startsWith(types[i]!)) return true;
  return false;
}

function equipmentCodes(r: TextRecord<'UPPLAN'> | TextRecord<'UPSIKYU'>, ctx: RecordContext): void {
  if (!('taisCode' in r)) return; // edition 3 has no TAIS fields
  if (!r.taisCode && !r.equipmentNotificationCode && ofType(r.serviceCode ?? '', RENTAL_TYPES)) {
    report(ctx, 'RECORD_EQUIPMENT_CODE_MISSING', 'taisCode', r.serviceCode ?? '', { serviceCode: r.serviceCode ?? '' });
  }
}

/** 第6表 (UPPLAN / UPJSK). */
function scheduleRow(r: TextRecord<'UPPLAN'>, ctx: RecordContext): void {
  const month = r.serviceMonth;
  if (isDate(r.serviceDate) && isMonth(month) && !r.serviceDate.startsWith(month)) {
    report(ctx, 'RECORD_DATE_OUTSIDE_MONTH', 'serviceDate', r.serviceDate, { date: r.serviceDate, month });
  }
  const start = r.serviceStartTime ?? '';
  const end = r.serviceEndTime ?? '';
  if (start && end && (start === '9999') !== (end === '9999')) {
    report(ctx, 'RECORD_TIME_PAIR', start === '9999' ? 'serviceEndTime' : 'serviceStartTime', `${start}-${end}`, { start, end });
  } else if (isTime(start) && isTime(end) && end < start) {
    report(ctx, 'RECORD_TIME_ORDER', 'serviceEndTime', `${start}-${end}`, { start, end });
  }
  const mask = r.proratedDays ?? '';
  if (mask.length === 31 && /^[01]{31}$/.test(mask) && isMonth(month)) {
    const days = getDaysInMonth(new Date(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1, 1));
    const past = mask.slice(days);
    if (past.includes('1')) {
      report(ctx, 'RECORD_PRORATED_PAST_MONTH_END', 'proratedDays', mask, { days, month });
    }
  }
  equipmentCodes(r, ctx);
  const detail = r.detailDistinctionCode ?? '';
  if (detail && !(r.serviceCode ?? '').startsWith('17')) {
    report(ctx, 'RECORD_DETAIL_CODE_NOT_RENTAL', 'detailDistinctionCode', detail, { serviceCode: r.serviceCode ?? '' });
  }
}

/** 第7表 (UPSIKYU). */
function annexRow(r: TextRecord<'UPSIKYU'>, ctx: RecordContext): void {
  const code = r.serviceCode ?? '';
  const type = annexRowType(code);
  const office = r.serviceOfficeNumber ?? '';
  if ((type === 'total') !== (office === '9999999999') && office !== '') {
    report(ctx, 'RECORD_TOTAL_OFFICE', 'serviceOfficeNumber', office, { total: type === 'total' });
  }
  if (type === 'detail') {
    equipmentCodes(r, ctx);
    return;
  }
  if ((r.units ?? '') !== '0') {
    report(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', 'units', r.units ?? '', { row: type, field: nameOf(fieldOf(ctx, 'units')), fixed: 'zero' });
  }
  for (const key of ['discountRate', 'discountedUnits'] as const) {
    if ((r[key] ?? '') !== '') {
      report(ctx, 'RECORD_SUBTOTAL_FIXED_VALUE', key, r[key] ?? '', { row: type, field: nameOf(fieldOf(ctx, key)), fixed: 'empty' });
    }
  }
}

/** 第2表 (UP2KYO): NO fields order the printed form, 1 to 99. */
function needsRow(r: TextRecord<'UP2KYO'>, ctx: RecordContext): void {
  for (const key of ['issueNo', 'goalNo', 'supportContentNo'] as const) {
    const v = r[key] ?? '';
    if (/^-?\d+$/.test(v) && (Number(v) < 1 || Number(v) > 99)) {
      report(ctx, 'RECORD_NO_RANGE', key, v, { field: nameOf(fieldOf(ctx, key)) });
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
  const rules = recordRulesOf(ctx.layout);
  for (let i = 0; i < rules.length; i++) rules[i]!(record, ctx);
}

const recordRules = new WeakMap<Layout, readonly TableCheck[]>();

/** The record rules of a layout, in the order they report: the tables' checks, then the kind's own rule. */
export function recordRulesOf(layout: Layout): readonly TableCheck[] {
  let rules = recordRules.get(layout);
  if (!rules) {
    const own = RULES_BY_LAYOUT[layout.kind];
    rules = own ? [...tableChecksOf(layout), own] : tableChecksOf(layout);
    recordRules.set(layout, rules);
  }
  return rules;
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

/** The values a condition turns on, with their meaning (none: any value). */
function conditionValues(cond: FieldCondition, other: Field): string[] {
  return cond.values ? cond.values.map((v) => valueLabel(other, v)) : [];
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
    const field = nameOf(f);
    const at = (ctx: RecordContext, value: string) => ({ ...ctx.where, field: self, value });

    const required = f.requiredWhen;
    const requiredOther = required && byKey.get(required.field);
    if (required && requiredOther) {
      const params = { field, other: nameOf(requiredOther), values: conditionValues(required, requiredOther), uncertain: required.uncertain !== undefined };
      checks.push((r, ctx) => {
        if ((r[f.key] ?? '') !== '' || !holds(required, r)) return;
        ctx.sink.add(issue('RECORD_CONDITIONAL_REQUIRED', params, at(ctx, ''), params.uncertain));
      });
    }

    const empty = f.emptyUnless;
    const emptyOther = empty && byKey.get(empty.field);
    if (empty && emptyOther) {
      const params = { field, other: nameOf(emptyOther), values: conditionValues(empty, emptyOther), uncertain: empty.uncertain !== undefined };
      checks.push((r, ctx) => {
        const v = r[f.key] ?? '';
        if (v === '' || holds(empty, r)) return;
        const actual = r[empty.field] ?? '';
        ctx.sink.add(issue('RECORD_CONDITIONAL_EMPTY', { ...params, actual: actual === '' ? '' : valueLabel(emptyOther, actual) }, at(ctx, v), params.uncertain));
      });
    }

    const sub = f.substitute;
    if (sub) {
      checks.push((r, ctx) => {
        const v = r[f.key] ?? '';
        if (!sub.values.includes(v)) return;
        const params = { field, value: v, valueText: valueLabel(f, v), use: sub.use, useText: valueLabel(f, sub.use), note: sub.noteJa, uncertain: sub.uncertain !== undefined };
        ctx.sink.add(issue('RECORD_SUBSTITUTE_VALUE', params, at(ctx, v), params.uncertain));
      });
    }

    for (const [order, after] of [[f.notBefore, false], [f.notAfter, true]] as const) {
      const other = order && byKey.get(order.field);
      if (!order || !other) continue;
      checks.push(dateOrderCheck(f, other, order, after));
    }
  }
  return checks;
}

function dateOrderCheck(f: Field, other: Field, order: DateOrder, after: boolean): TableCheck {
  const self = { no: f.no, key: f.key, name: f.name };
  const uncertain = order.uncertain !== undefined;
  return (r, ctx) => {
    const v = r[f.key];
    const o = r[other.key];
    if (!comparableDate(f, v) || !comparableDate(other, o)) return;
    if (after ? v <= o : v >= o) return;
    const draft: AnyIssueDraft = issue('RECORD_DATE_ORDER', { field: nameOf(f), value: v, other: nameOf(other), otherValue: o, after, uncertain }, { ...ctx.where, field: self, value: v }, uncertain);
    ctx.sink.add(draft);
  };
}
