// The 'week' shape (第3表 週間サービス計画表): the week grid (./week-grid.ts) with each record's weekly service in
// its day's column and its 主な日常生活上の活動 in the last column, then the form's 週単位以外のサービス box. What
// the grid cannot show in place is listed beneath it, never dropped: the full text of blocks too small for it
// (by their mark), and records whose 曜日 is not a day of the week or whose time cannot be read. The grid is as
// tall as the page allows with that list beneath it (at least 4 mm an hour); a list longer than the page
// continues on the next page.
import type { FormWeek } from '../../../spec-tables/forms.js';
import { getCodeTable, getLayout, type FileKind } from '../../spec.js';
import { fieldOf, valueText, type FormContext } from '../context.js';
import { anyText } from '../display.js';
import { h, type Html } from '../html.js';
import { LINE_MM, splitText, textLines } from '../measure.js';
import { bodyRoomMm } from './room.js';
import { assignMarks, drawGrid, GRID, placeEntries, type GridFrame, type WeekEntry } from './week-grid.js';

/** The smallest hour the grid is drawn at; below it the lists beneath move to the next page instead. */
const MIN_HOUR_MM = 4;
/** The list's label column, and the height the 週単位以外のサービス box keeps when empty (as on the form). */
const LABEL_MM = 24;
const OTHER_MIN_MM = 10;
const ROW_PAD_MM = 1.6;
const ITEM_GAP_MM = 0.4;
const WIDTH_SLACK = 0.93;

const text = (value: unknown): string => (value === null || value === undefined ? '' : anyText(value).replace(/\r\n?/g, '\n'));

/** 'HHMM' / 'HH:MM' → minutes from 0:00 (24:00 = 1440); a sentinel (9999) or anything else → undefined. */
function minutes(value: unknown): number | undefined {
  const m = /^(\d{2}):?(\d{2})$/.exec(text(value));
  if (!m) return undefined;
  const total = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && total <= 1440 ? total : undefined;
}

const clock = (min: number): string => `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`;

interface Section {
  readonly label: string;
  readonly items: string[];
  readonly minMm?: number;
}

interface Collected {
  readonly entries: WeekEntry[];
  readonly other: string[];
  /** Records the grid cannot place, as text. */
  readonly unplaced: string[];
}

function collect(context: FormContext, week: FormWeek, dayCodes: readonly string[], dayLabels: readonly string[]): Collected {
  const kind = context.form.kind as FileKind;
  const entries: WeekEntry[] = [];
  const other: string[] = [];
  const unplaced: string[] = [];
  const shown = (key: string, value: unknown): string => valueText(context, kind, key, value) || text(value);
  const nameOf = (key: string): string => fieldOf(kind, context.csvVersion, key)?.name ?? key;
  const activityColumn = dayCodes.length;
  for (const record of context.user.records[kind] ?? []) {
    const s = week.service;
    const serviceText = text(record[s.text]);
    if ([s.text, s.day, s.start, s.end].some((k) => text(record[k]) !== '')) {
      const column = dayCodes.indexOf(text(record[s.day]));
      const start = minutes(record[s.start]);
      const end = minutes(record[s.end]) ?? start;
      if (column < 0 || start === undefined || end === undefined) {
        unplaced.push(`${serviceText || '（内容なし）'}　${nameOf(s.day)}：${shown(s.day, record[s.day]) || 'なし'}　${nameOf(s.start)}：${shown(s.start, record[s.start]) || 'なし'}　${nameOf(s.end)}：${shown(s.end, record[s.end]) || 'なし'}`);
      } else {
        const body = serviceText || '（内容なし）';
        // A service past midnight (22:00～1:00) runs to 24:00 and on from 0:00 of the next day.
        const overnight = end < start;
        const times = overnight ? `${clock(start)}～翌${clock(end)}` : start === end ? clock(start) : `${clock(start)}～${clock(end)}`;
        const key = `s|${body}|${times}`;
        entries.push({ column, start, end: overnight ? 1440 : end, text: body, times, key, where: dayLabels[column]! });
        if (overnight && end > 0) {
          const next = (column + 1) % dayCodes.length;
          entries.push({ column: next, start: 0, end, text: body, times, key, where: `${dayLabels[next]!}（前日から）` });
        }
      }
    }
    const a = week.activity;
    if ([a.text, a.start, a.end].some((k) => text(record[k]) !== '')) {
      const activityText = text(record[a.text]) || '（内容なし）';
      const start = minutes(record[a.start]);
      const end = minutes(record[a.end]) ?? start;
      if (start === undefined || end === undefined || end < start) {
        unplaced.push(`${nameOf(a.text)}：${activityText}　${nameOf(a.start)}：${shown(a.start, record[a.start]) || 'なし'}　${nameOf(a.end)}：${shown(a.end, record[a.end]) || 'なし'}`);
      } else {
        const times = start === end ? clock(start) : `${clock(start)}～${clock(end)}`;
        entries.push({ column: activityColumn, start, end, text: activityText, times, key: `a|${activityText}|${times}`, where: '活動' });
      }
    }
    const o = text(record[week.other]);
    if (o !== '') other.push(o);
  }
  return { entries, other, unplaced };
}

interface SectionPiece {
  readonly label: string;
  readonly continued: boolean;
  readonly items: string[];
  readonly minMm: number | undefined;
}

/** The lists beneath the grid, flowed: page 1 has `first` mm left, the next pages `full`; an item taller than the room is cut. */
function flow(sections: readonly Section[], widthMm: number, first: number, full: number): SectionPiece[][] {
  const pages: SectionPiece[][] = [[]];
  let room = first;
  const lineCount = (t: string) => textLines(t, widthMm);
  const labelMm = (label: string) => textLines(label, LABEL_MM - 2, 6.5) * 6.5 * (25.4 / 72) * 1.3;
  for (const section of sections) {
    let piece: SectionPiece = { label: section.label, continued: false, items: [], minMm: section.minMm };
    let continued = false;
    // A row is as tall as its label (or the box's least height) or its items, whichever is more: that floor is
    // paid when the row opens, and items use it up before they take more of the page.
    let floor = 0;
    const open = (): void => {
      const label = continued ? `${section.label}（続き）` : section.label;
      floor = Math.max(labelMm(label), section.minMm ?? 0);
      if (ROW_PAD_MM + Math.max(floor, LINE_MM) > room && pages[pages.length - 1]!.length > 0) {
        pages.push([]);
        room = full;
      }
      piece = { label, continued, items: [], minMm: section.minMm };
      pages[pages.length - 1]!.push(piece);
      room -= ROW_PAD_MM + floor;
    };
    open();
    for (const item of section.items) {
      let rest = item;
      for (;;) {
        const need = lineCount(rest) * LINE_MM + ITEM_GAP_MM;
        if (need - floor <= room) {
          piece.items.push(rest);
          room -= Math.max(0, need - floor);
          floor = Math.max(0, floor - need);
          break;
        }
        const fit = Math.floor((room + floor - ITEM_GAP_MM) / LINE_MM);
        if (fit >= 2) {
          const [head] = splitText(rest, widthMm, fit);
          let taken = head.length;
          if (rest[taken] === '\n') taken++;
          piece.items.push(rest.slice(0, taken));
          rest = rest.slice(taken);
          if (rest === '') break;
        }
        // A section moved whole to the next page leaves no empty label behind, and is not 「（続き）」 there.
        if (piece.items.length === 0) {
          const last = pages[pages.length - 1]!;
          last.splice(last.indexOf(piece), 1);
        } else {
          continued = true;
        }
        pages.push([]);
        room = full;
        open();
      }
    }
  }
  return pages;
}

function sectionTable(pieces: readonly SectionPiece[]): Html {
  return h(
    'table',
    { class: 'week-lists', style: 'margin-top:1mm' },
    h('colgroup', {}, h('col', { style: `width:${LABEL_MM}mm` }), h('col', {})),
    h(
      'tbody',
      {},
      ...pieces.map((p) =>
        h(
          'tr',
          { style: p.minMm ? `height:${p.minMm}mm` : undefined },
          h('th', { scope: 'row' }, p.label),
          h('td', {}, ...p.items.map((item) => h('div', { class: 'text', style: 'margin-bottom:0.4mm' }, item))),
        ),
      ),
    ),
  );
}

export function week(context: FormContext): Html[] {
  const form = context.form;
  const spec = form.week;
  const kind = form.kind as FileKind;
  const layout = getLayout(kind, context.csvVersion);
  // The day columns are the 曜日 field's code table, in order (月 … 日); without one, 1–7.
  const dayField = spec ? fieldOf(kind, context.csvVersion, spec.service.day) : undefined;
  const table = dayField?.codeTable ? getCodeTable(dayField.codeTable) : undefined;
  const days: readonly (readonly [string, string])[] = table?.entries ?? [];
  if (!spec || !layout) return [h('p', { class: 'note' }, 'この版のレイアウトには第3表がありません / this edition has no 第3表 layout')];
  const dayCodes = days.map(([code]) => code);
  const dayLabels = days.map(([, label]) => label.replace(/曜日$/, ''));
  const frame: GridFrame = {
    widthMm: context.bodyWidthMm,
    bands: spec.bands,
    columns: [...dayLabels.map((label) => ({ label })), { label: fieldOf(kind, context.csvVersion, spec.activity.text)?.name ?? '主な日常生活上の活動', activity: true }],
  };
  const { entries, other, unplaced } = collect(context, spec, dayCodes, dayLabels);
  const listWidth = (context.bodyWidthMm - LABEL_MM - 2) * WIDTH_SLACK;
  const room = bodyRoomMm(context);
  const otherLabel = fieldOf(kind, context.csvVersion, spec.other)?.name ?? '週単位以外のサービス';

  const sectionsFor = (marks: ReadonlyMap<string, string>): Section[] => {
    const notes: string[] = [];
    for (const [key, mark] of marks) {
      const same = entries.filter((e) => e.key === key);
      const first = same[0]!;
      const where = [...new Set(same.map((e) => e.where))].join('・');
      notes.push(`${mark} ${where} ${first.times} ${first.text}`);
    }
    const sections: Section[] = [{ label: otherLabel, items: other, minMm: OTHER_MIN_MM }];
    if (notes.length > 0) sections.push({ label: '枠に書ききれない予定（表中の印）', items: notes });
    if (unplaced.length > 0) sections.push({ label: '曜日・時間から表に置けない記録', items: unplaced });
    return sections;
  };
  const listsMm = (sections: readonly Section[]): number =>
    sections.reduce((sum, s) => sum + ROW_PAD_MM + Math.max(s.minMm ?? 0, textLines(s.label, LABEL_MM - 2, 6.5) * 3, s.items.reduce((a, t) => a + textLines(t, listWidth) * LINE_MM + ITEM_GAP_MM, 0)), 0) + 1;

  // The tallest grid that leaves room for the lists beneath it; the lists depend on the grid (a smaller grid
  // marks more blocks), so a few rounds settle it. A grid at its smallest lets the lists continue overleaf.
  const maxGrid = room - GRID.headMm - OTHER_MIN_MM - ROW_PAD_MM - 2;
  const minGrid = Math.min(maxGrid, 24 * MIN_HOUR_MM);
  let gridMm = maxGrid;
  let result = assignMarks(placeEntries(frame, entries, gridMm));
  let sections = sectionsFor(result.marks);
  for (let round = 0; round < 4; round++) {
    const wanted = room - GRID.headMm - listsMm(sections);
    if (wanted >= gridMm || gridMm <= minGrid) break;
    gridMm = Math.max(minGrid, wanted);
    result = assignMarks(placeEntries(frame, entries, gridMm));
    sections = sectionsFor(result.marks);
  }
  // The flow is the judge: while the lists still spill overleaf and the grid may shrink, shrink it by a step
  // (the sum above and the flow count a list's label rows differently, and a smaller grid may add a mark).
  let pages = flow(sections, listWidth, room - GRID.headMm - gridMm - 1, room);
  for (let round = 0; round < 12 && pages.length > 1 && gridMm > minGrid; round++) {
    gridMm = Math.max(minGrid, gridMm - 2 * LINE_MM);
    result = assignMarks(placeEntries(frame, entries, gridMm));
    sections = sectionsFor(result.marks);
    pages = flow(sections, listWidth, room - GRID.headMm - gridMm - 1, room);
  }

  const grid = drawGrid(frame, result.placed, result.marks, gridMm);
  return pages.map((pieces, i) => h('div', { class: 'week' }, i === 0 ? grid : null, pieces.length > 0 ? sectionTable(pieces) : null));
}
