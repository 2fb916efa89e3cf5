// The 'days' shape: the 第6表 サービス利用票（兼居宅（介護予防）サービス計画） as MHLW's 標準様式 lays it out — a
// table of 提供時間帯 | サービス内容 | サービス事業者・事業所名 | 予定/実績 | one narrow column per day 1–31 headed by
// the day and its 曜日 | 合計回数. Each service (./days-rows.ts) is a pair of rows: its 予定 and beneath it its 実績,
// the 実績 row printed even when empty (on paper the provider writes it in). Pages are cut between pairs, never
// inside one; the frame says a form continues. Heights are estimated (../measure.ts) on the generous side.
import type { DocumentRecord } from '../../documents/send-unit-document.js';
import { serviceName, type FormContext } from '../context.js';
import { timeText } from '../display.js';
import { freeText, h, join, type Html } from '../html.js';
import { splitText, textLines } from '../measure.js';
import { bodyRoomMm } from './room.js';
import { dayText, fieldText, parseMonth, serviceRows, totalText, weekdayOf, WEEKDAYS, type DayTally, type FormMonth, type ServiceRow } from './days-rows.js';

/** Column widths in millimetres: 16 + 36 + 30 + 6 + 31 × 5.8 + 10 = 277.8, inside the 281 mm body. */
const COL = { time: 16, content: 36, office: 30, label: 6, day: 5.8, total: 10 } as const;
/** Type sizes of the row texts (the style sheet's .days rules use the same). */
const TEXT_PT = 7;
const SMALL_PT = 6;
const MM_PER_PT = 25.4 / 72;
const lineMm = (pt: number): number => pt * MM_PER_PT * 1.3;
/** One 予定 or 実績 row of day cells (text line, padding, rule), and the three heading rows. */
const DAY_ROW_MM = 5;
const HEAD_MM = 16;
/** Cell padding and rules around a text cell, plus slack for the estimate. */
const CELL_EXTRA_MM = 1.6;
/** The least room worth starting a long pair's first piece in (its two day rows and a line of text). */
const MIN_PIECE_MM = 2 * DAY_ROW_MM + 4;
/** Horizontal padding inside a text cell. */
const PAD_MM = 1;

/** A text part of a cell: its text and its type size. */
interface Part {
  readonly text: string;
  readonly small?: boolean;
}

/** One row pair as drawn: the texts of its three left cells and the tallies (none on a continuation). */
interface Pair {
  readonly key: string;
  readonly time: Part[];
  readonly content: Part[];
  readonly office: Part[];
  readonly plan?: DayTally;
  readonly actual?: DayTally;
  /** Text continued from the pair before (a text too long for one page). */
  readonly continued: boolean;
}

const partsMm = (parts: readonly Part[], widthMm: number): number =>
  parts.reduce((mm, p) => mm + textLines(p.text, widthMm - PAD_MM, p.small ? SMALL_PT : TEXT_PT) * lineMm(p.small ? SMALL_PT : TEXT_PT), 0);

function pairMm(pair: Pair): number {
  const text = Math.max(partsMm(pair.time, COL.time), partsMm(pair.content, COL.content), partsMm(pair.office, COL.office));
  return Math.max(2 * DAY_ROW_MM, text + CELL_EXTRA_MM);
}

/** The records of a list that are records: a document from JSON may hold anything where a list or a record should be. */
const listOf = (list: unknown): DocumentRecord[] =>
  Array.isArray(list) ? list.filter((r): r is DocumentRecord => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
const planRecords = (context: FormContext): DocumentRecord[] => listOf(context.user.records.UPPLAN);

/** The 対象年月 of the form: the 予定's, else the 実績's, else the unit's. */
function formMonth(context: FormContext): { month: FormMonth | undefined; text: string } {
  const candidates = [...planRecords(context), ...listOf(context.user.actual)].map((r) => fieldText(r, 'serviceMonth'));
  candidates.push(context.document.month ?? '');
  for (const text of candidates) {
    const month = parseMonth(text);
    if (month) return { month, text: `${month.year}-${String(month.month).padStart(2, '0')}` };
  }
  return { month: undefined, text: '' };
}

/** The texts of a service row's left cells. */
function rowTexts(context: FormContext, row: ServiceRow, monthText: string): Pick<Pair, 'time' | 'content' | 'office'> {
  const r: DocumentRecord = row.record;
  const start = timeText(fieldText(r, 'serviceStartTime'));
  const end = timeText(fieldText(r, 'serviceEndTime'));
  const time: Part[] = start || end ? [{ text: `${start}～\n${end}` }] : [];

  const code = fieldText(r, 'serviceCode');
  const insurer = fieldText(r, 'insurerNumber') || context.user.insurerNumber;
  const content: Part[] = code ? [{ text: serviceName(context, code, fieldText(r, 'serviceMonth') || monthText, insurer).name }] : [];
  const equipment = fieldText(r, 'equipmentName');
  if (equipment) content.push({ text: equipment });
  const item = [
    fieldText(r, 'taisCode') && `TAIS ${fieldText(r, 'taisCode')}`,
    fieldText(r, 'equipmentNotificationCode') && `届出 ${fieldText(r, 'equipmentNotificationCode')}`,
    fieldText(r, 'detailDistinctionCode') && `明細${fieldText(r, 'detailDistinctionCode')}`,
  ].filter(Boolean);
  if (item.length > 0) content.push({ text: item.join(' '), small: true });
  // A record whose サービス利用日 is no day of the month cannot stand in a day cell: it is listed, not lost.
  if (row.plan.outside.length > 0) content.push({ text: `※対象年月外・不明の利用日（予定）: ${row.plan.outside.join('、')}`, small: true });
  if (row.actual.outside.length > 0) content.push({ text: `※対象年月外・不明の利用日（実績）: ${row.actual.outside.join('、')}`, small: true });

  const office: Part[] = [];
  const officeName = fieldText(r, 'serviceOfficeName');
  if (officeName) office.push({ text: officeName });
  const number = fieldText(r, 'serviceOfficeNumber');
  const satellite = fieldText(r, 'satelliteBranch');
  if (number || satellite) office.push({ text: [number, satellite && `サテライト${satellite}`].filter(Boolean).join(' '), small: true });
  return { time, content, office };
}

/** Parts cut where they stop fitting `maxMm` of a column: [head, rest]. */
function splitParts(parts: readonly Part[], widthMm: number, maxMm: number): [Part[], Part[]] {
  const head: Part[] = [];
  let used = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const pt = p.small ? SMALL_PT : TEXT_PT;
    const lines = Math.floor((maxMm - used) / lineMm(pt));
    if (lines < 1) return [head, parts.slice(i)];
    const [a, b] = splitText(p.text, widthMm - PAD_MM, lines, pt);
    if (a) head.push({ ...p, text: a });
    if (b) return [head, [{ ...p, text: b }, ...parts.slice(i + 1)]];
    used += textLines(a, widthMm - PAD_MM, pt) * lineMm(pt);
  }
  return [head, []];
}

/** A pair's texts cut where they stop fitting `roomMm`: the head keeps the days, the rest continues. */
function cutPair(pair: Pair, roomMm: number): [Pair, Pair] | undefined {
  const room = roomMm - CELL_EXTRA_MM;
  const [time, timeRest] = splitParts(pair.time, COL.time, room);
  const [content, contentRest] = splitParts(pair.content, COL.content, room);
  const [office, officeRest] = splitParts(pair.office, COL.office, room);
  if (time.length + content.length + office.length === 0) return undefined;
  return [
    { ...pair, time, content, office },
    { key: pair.key, time: timeRest, content: contentRest, office: officeRest, continued: true },
  ];
}

/**
 * Pairs onto pages of `budgetMm`: a pair that fits a page is never split (it moves to the next page whole); one
 * taller than a page (a very long 用具名称) fills what is left of the page and continues on the next ones.
 */
function paginate(pairs: readonly Pair[], budgetMm: number): Pair[][] {
  const pages: Pair[][] = [];
  let page: Pair[] = [];
  let used = 0;
  const flush = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  for (const first of pairs) {
    let pair: Pair | undefined = first;
    while (pair) {
      const height = pairMm(pair);
      if (used + height <= budgetMm || (page.length === 0 && height <= budgetMm)) {
        page.push(pair);
        used += height;
        pair = undefined;
      } else if (height <= budgetMm || budgetMm - used < MIN_PIECE_MM) {
        flush();
      } else {
        const cut = cutPair(pair, budgetMm - used);
        if (cut) {
          page.push(cut[0]);
          pair = cut[1];
          flush();
        } else if (page.length > 0) {
          flush();
        } else {
          // Not one line fits an empty page (cannot happen with A4): print it as it is rather than loop.
          page.push(pair);
          used += height;
          pair = undefined;
        }
      }
    }
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

const cell = (parts: readonly Part[], cls: string): Html =>
  h('td', { class: cls, rowspan: 2 }, ...parts.map((p) => freeText(p.text, p.small ? { class: 'small' } : {})));

function dayCells(tally: DayTally | undefined, month: FormMonth | undefined): Html[] {
  const cells: Html[] = [];
  for (let day = 1; day <= 31; day++) {
    const off = tally === undefined || (month !== undefined && day > month.days);
    cells.push(h('td', { class: off ? 'day off' : 'day', 'data-day': day }, off || !tally ? '' : dayText(tally, day)));
  }
  return cells;
}

function pairBody(pair: Pair, month: FormMonth | undefined): Html {
  const side = (tally: DayTally | undefined, label: string, row: 'plan' | 'actual'): Html[] => [
    h('td', { class: 'kind' }, pair.continued ? (row === 'plan' ? '続き' : '') : label),
    ...dayCells(pair.continued ? undefined : tally, month),
    h('td', { class: 'n total', 'data-total': row }, pair.continued || !tally ? '' : totalText(tally)),
  ];
  return h(
    'tbody',
    { class: pair.continued ? 'pair continued' : 'pair', 'data-key': pair.key },
    h('tr', { class: 'plan', 'data-row': 'plan' }, cell(pair.time, 'time'), cell(pair.content, 'content'), cell(pair.office, 'office'), ...side(pair.plan, '予定', 'plan')),
    h('tr', { class: 'actual', 'data-row': 'actual' }, ...side(pair.actual, '実績', 'actual')),
  );
}

function head(month: FormMonth | undefined): Html {
  const days: Html[] = [];
  const weekdays: Html[] = [];
  for (let day = 1; day <= 31; day++) {
    const inMonth = month === undefined || day <= month.days;
    const weekday = month && inMonth ? WEEKDAYS[weekdayOf(month, day)]! : '';
    const cls = `day${inMonth ? '' : ' off'}${weekday === '日' ? ' sun' : weekday === '土' ? ' sat' : ''}`;
    // A day past the month's end heads nothing: an empty grey cell, not an empty header (which a screen reader
    // would announce as a column without a name).
    const tag = inMonth ? 'th' : 'td';
    days.push(h(tag, { class: cls, 'data-day': day }, inMonth ? day : ''));
    weekdays.push(h(tag, { class: cls, 'data-weekday': day }, weekday));
  }
  return h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { rowspan: 3 }, '提供', h('br'), '時間帯'),
      h('th', { rowspan: 3 }, 'サービス内容'),
      h('th', { rowspan: 3 }, 'サービス事業者', h('br'), '事業所名'),
      h('th', { colspan: 32 }, '月間サービス計画及び実績の記録'),
      h('th', { rowspan: 3 }, '合計', h('br'), '回数'),
    ),
    h('tr', {}, h('th', { class: 'kind' }, '日付'), ...days),
    h('tr', {}, h('th', { class: 'kind' }, '曜日'), ...weekdays),
  );
}

const colgroup = (): Html =>
  h(
    'colgroup',
    {},
    h('col', { style: `width:${COL.time}mm` }),
    h('col', { style: `width:${COL.content}mm` }),
    h('col', { style: `width:${COL.office}mm` }),
    h('col', { style: `width:${COL.label}mm` }),
    ...Array.from({ length: 31 }, () => h('col', { style: `width:${COL.day}mm` })),
    h('col', { style: `width:${COL.total}mm` }),
  );

export function days(context: FormContext): Html[] {
  const { month, text: monthText } = formMonth(context);
  const rows = serviceRows(planRecords(context), listOf(context.user.actual), month);
  const budget = bodyRoomMm(context) - HEAD_MM;
  const pairs: Pair[] = rows.map((row) => ({ key: row.key, ...rowTexts(context, row, monthText), plan: row.plan, actual: row.actual, continued: false }));
  // A user with neither 予定 nor 実績 records still gets the blank form (one empty pair to write in).
  if (pairs.length === 0) pairs.push({ key: '', time: [], content: [], office: [], plan: rowsEmpty(), actual: rowsEmpty(), continued: false });
  return paginate(pairs, budget).map((page) =>
    h('table', { class: 'days', style: `width:${totalWidth()}mm` }, colgroup(), head(month), join(...page.map((pair) => pairBody(pair, month)))),
  );
}

const rowsEmpty = (): DayTally => ({ counts: new Map(), unreadable: new Set(), outside: [] });
const totalWidth = (): number => Math.round((COL.time + COL.content + COL.office + COL.label + 31 * COL.day + COL.total) * 10) / 10;
