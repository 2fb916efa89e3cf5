// The 第6表's rows as data, before any drawing: the user's 予定 (UPPLAN) and 実績 (UPJSK) records grouped into
// one service row each — the same 提供時間帯, サービスコード, 事業所 (and サテライト) and, for 福祉用具, the same
// item (TAIS/届出コード + 明細判別コード) — with the サービス回数 summed per day of the 対象年月. Records come from
// typed documents that may have been built from JSON by hand, so every field is read defensively: a wrong type
// is read as text or as "unreadable", never thrown on, and a record whose day cannot be placed is kept and
// listed on its row instead of being dropped.
import type { DocumentRecord } from '../../documents/send-unit-document.js';

/** The 対象年月 a 第6表 is drawn for: its days and the weekday of each. */
export interface FormMonth {
  readonly year: number;
  readonly month: number;
  /** Days in the month (28–31). */
  readonly days: number;
}

/** One side (予定 or 実績) of a service row: サービス回数 per day. */
export interface DayTally {
  /** Day of month (1–31) → summed サービス回数. */
  readonly counts: Map<number, number>;
  /** Days with a record whose サービス回数 is not a number (shown with a ?). */
  readonly unreadable: Set<number>;
  /** Records whose サービス利用日 is not a day of the 対象年月, as their date text (and count). */
  readonly outside: string[];
}

/** One row pair of the form: the service, its 予定 and its 実績. */
export interface ServiceRow {
  /** The grouping key (also a stable data attribute for the page's own tests). */
  readonly key: string;
  /** The first record of the group (予定 before 実績): where the texts of the row are read from. */
  readonly record: DocumentRecord;
  readonly plan: DayTally;
  readonly actual: DayTally;
  /** Whether any 予定 record made this row (a 実績-only row has an empty 予定 row). */
  readonly planned: boolean;
}

/** A field as text: strings as they are, numbers written out, anything else (null, objects) as ''. */
export function fieldText(record: DocumentRecord, key: string): string {
  const value = (record as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A サービス回数: a finite non-negative number (or its digits as text); undefined when unreadable. */
function countOf(record: DocumentRecord): number | undefined {
  const value = (record as Record<string, unknown>)['serviceCount'];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return Number(value);
  return undefined;
}

/** 'YYYY-MM' (or 'YYYYMM') → the month; undefined for anything else. */
export function parseMonth(value: unknown): FormMonth | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-?(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year, month, days: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** 0 = 日 … 6 = 土, of a day of the month. */
export function weekdayOf(month: FormMonth, day: number): number {
  return new Date(Date.UTC(month.year, month.month - 1, day)).getUTCDay();
}

export const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** The day of the 対象年月 a record's サービス利用日 falls on; undefined when it is not one. */
function dayOf(record: DocumentRecord, month: FormMonth | undefined): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(fieldText(record, 'serviceDate').trim());
  if (!m) return undefined;
  const day = Number(m[3]);
  if (day < 1 || day > 31) return undefined;
  if (!month) return day;
  if (Number(m[1]) !== month.year || Number(m[2]) !== month.month || day > month.days) return undefined;
  return day;
}

/**
 * The fields that make two records one row of the form. The 福祉用具 fields are empty for every other service
 * (the spec says so), so they can take part for every record; an edition without them (3.2) reads them as ''.
 */
const GROUP_FIELDS = ['serviceStartTime', 'serviceEndTime', 'serviceCode', 'serviceOfficeNumber', 'satelliteBranch', 'taisCode', 'equipmentNotificationCode', 'detailDistinctionCode'] as const;

const groupKey = (record: DocumentRecord): string => GROUP_FIELDS.map((f) => fieldText(record, f)).join('|');

/** A time as sortable minutes; undefined for none or the 9999 sentinel (a monthly service without a time). */
function minutesOf(record: DocumentRecord, key: string): number | undefined {
  const m = /^(\d{2}):?(\d{2})$/.exec(fieldText(record, key));
  if (!m || fieldText(record, key) === '9999') return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The order rows are printed in, as care software lays out a 第6表: services with a 提供時間帯 first, by start
 * then end time; then those without one (福祉用具貸与, monthly 加算); within the same time, by サービスコード,
 * 事業所, サテライト and item.
 */
function compareRows(a: DocumentRecord, b: DocumentRecord): number {
  const sa = minutesOf(a, 'serviceStartTime');
  const sb = minutesOf(b, 'serviceStartTime');
  if ((sa === undefined) !== (sb === undefined)) return sa === undefined ? 1 : -1;
  if (sa !== undefined && sb !== undefined && sa !== sb) return sa - sb;
  const ea = minutesOf(a, 'serviceEndTime') ?? -1;
  const eb = minutesOf(b, 'serviceEndTime') ?? -1;
  if (ea !== eb) return ea - eb;
  for (const f of GROUP_FIELDS) {
    const ta = fieldText(a, f);
    const tb = fieldText(b, f);
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  return 0;
}

const emptyTally = (): DayTally => ({ counts: new Map(), unreadable: new Set(), outside: [] });

function add(tally: DayTally, record: DocumentRecord, month: FormMonth | undefined): void {
  const count = countOf(record);
  const day = dayOf(record, month);
  if (day === undefined) {
    const date = fieldText(record, 'serviceDate') || '（利用日なし）';
    tally.outside.push(`${date} ${count === undefined ? '?' : count}回`);
    return;
  }
  if (count === undefined) tally.unreadable.add(day);
  else tally.counts.set(day, (tally.counts.get(day) ?? 0) + count);
}

/** The user's 予定 and 実績 as the form's row pairs, in the form's order. */
export function serviceRows(plan: readonly DocumentRecord[], actual: readonly DocumentRecord[], month: FormMonth | undefined): ServiceRow[] {
  const rows = new Map<string, { key: string; record: DocumentRecord; plan: DayTally; actual: DayTally; planned: boolean }>();
  const rowOf = (record: DocumentRecord, planned: boolean) => {
    const key = groupKey(record);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, record, plan: emptyTally(), actual: emptyTally(), planned }));
    if (planned && !row.planned) row.planned = true;
    return row;
  };
  for (const record of plan) if (isRecord(record)) add(rowOf(record, true).plan, record, month);
  for (const record of actual) if (isRecord(record)) add(rowOf(record, false).actual, record, month);
  return [...rows.values()].sort((a, b) => compareRows(a.record, b.record));
}

const isRecord = (value: unknown): value is DocumentRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A tally's 合計回数 as printed: the sum of its day cells, with +? when a day's count could not be read. Records
 * outside the month are listed under the row, not counted here (the total is what the day cells add up to).
 */
export function totalText(tally: DayTally): string {
  let sum = 0;
  for (const n of tally.counts.values()) sum += n;
  if (tally.counts.size === 0 && tally.unreadable.size === 0) return '';
  return `${sum}${tally.unreadable.size > 0 ? '+?' : ''}`;
}

/** A day cell's text: the summed count, ? when unreadable, '' when no record falls on the day. */
export function dayText(tally: DayTally, day: number): string {
  const n = tally.counts.get(day);
  const unknown = tally.unreadable.has(day);
  if (n === undefined) return unknown ? '?' : '';
  return unknown ? `${n}+?` : String(n);
}
