// The 'rows' shape (第2表 居宅サービス計画書（2）, 第7表 サービス利用票別表): a table whose columns are the form's
// `columns` (a `group` heading spans adjacent columns in a second header row), one row per record. Rows are packed
// into pages by their estimated height (each cell's text wrapped in its column's width); the header row repeats
// on every page. A row taller than a page is cut (splitText) and continues on the next page's first row, marked
// 「（続き）」: nothing is truncated. After the last row come the form's panels (第7表's 限度管理 boxes), and under
// every page its footnotes (第2表's ※1, ※2).
import type { FormColumn } from '../../../spec-tables/forms.js';
import type { FormContext } from '../context.js';
import { freeText, h, type Html } from '../html.js';
import { LINE_MM, splitText, textLines } from '../measure.js';
import { tableRows, type RowCells } from './rows-cells.js';
import { formPanels } from './rows-panels.js';
import { bodyRoomMm } from './room.js';
// The rows forms' facts are checked against the layouts when this module loads.
import './rows-specs.js';

/** The style sheet's header text (th 6.5pt), its line height, and footnotes (.note 7pt). */
const HEAD_PT = 6.5;
const HEAD_LINE_MM = ((HEAD_PT * 25.4) / 72) * 1.3;
const NOTE_PT = 7;
const NOTE_LINE_MM = ((NOTE_PT * 25.4) / 72) * 1.3;
/** A cell's padding and rules: horizontally (taken from the text's width) and vertically (added to each row). */
const CELL_PAD_MM = 2;
const ROW_EXTRA_MM = 1.2;
/** A row is cut to fill the rest of a page only when at least this many lines are left there. */
const MIN_SPLIT_LINES = 3;
/** The mark of a row continued from the page before, and of a level's block carried over a page break. */
export const CONTINUED_MARK = '（続き）';
export const CARRIED_MARK = '（前頁より）';

/** A row as placed on a page. */
interface PlacedRow {
  readonly cells: RowCells;
  /** The first piece printed of a row cut over pages carries the rest on the next page's row. */
  readonly continued: boolean;
  /** Per column: a blank cell of a block whose first row is on an earlier page (says so). */
  readonly carried: boolean[];
}

const textWidth = (column: FormColumn) => Math.max(1, column.width - CELL_PAD_MM);

function rowLines(columns: readonly FormColumn[], row: PlacedRow): number {
  let lines = 1;
  columns.forEach((column, i) => {
    let n = textLines(row.cells.texts[i] ?? '', textWidth(column));
    if (row.carried[i]) n = Math.max(n, textLines(CARRIED_MARK, textWidth(column), HEAD_PT));
    if (i === 0 && row.continued) n += 1;
    lines = Math.max(lines, n);
  });
  return lines;
}

const rowHeight = (columns: readonly FormColumn[], row: PlacedRow) => rowLines(columns, row) * LINE_MM + ROW_EXTRA_MM;

/** Height of the header: a grouped column's heading over its label, an ungrouped one spanning both rows. */
function headerHeight(columns: readonly FormColumn[]): number {
  const lines = (c: FormColumn) => textLines(c.label, textWidth(c), HEAD_PT);
  const grouped = columns.some((c) => c.group);
  const single = Math.max(...columns.filter((c) => !c.group).map(lines), 1);
  if (!grouped) return single * HEAD_LINE_MM + ROW_EXTRA_MM;
  const sub = Math.max(...columns.filter((c) => c.group).map(lines), 1);
  return Math.max(single * HEAD_LINE_MM + ROW_EXTRA_MM, (1 + sub) * HEAD_LINE_MM + 2 * ROW_EXTRA_MM);
}

/** The header rows: groups of adjacent columns with the same `group` share a heading above their labels. */
function headerHtml(columns: readonly FormColumn[]): Html {
  if (!columns.some((c) => c.group)) return h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {}, c.label))));
  const top: Html[] = [];
  const bottom: Html[] = [];
  for (let i = 0; i < columns.length; ) {
    const group = columns[i]!.group;
    if (!group) {
      top.push(h('th', { rowspan: 2 }, columns[i]!.label));
      i++;
      continue;
    }
    let span = 0;
    while (i + span < columns.length && columns[i + span]!.group === group) {
      bottom.push(h('th', {}, columns[i + span]!.label));
      span++;
    }
    top.push(h('th', { colspan: span }, group));
    i += span;
  }
  return h('thead', {}, h('tr', {}, ...top), h('tr', {}, ...bottom));
}

/** A row cut after `maxLines` lines: the head (printed here) and the rest (the next page's continued row). */
function cutRow(columns: readonly FormColumn[], row: PlacedRow, maxLines: number): [PlacedRow, PlacedRow | undefined] {
  const heads: string[] = [];
  const rests: string[] = [];
  columns.forEach((column, i) => {
    const lines = Math.max(1, maxLines - (i === 0 && row.continued ? 1 : 0));
    const [head, rest] = splitText(row.cells.texts[i] ?? '', textWidth(column), lines);
    heads.push(head);
    rests.push(rest);
  });
  const head: PlacedRow = { ...row, cells: { ...row.cells, texts: heads } };
  if (rests.every((t) => t === '')) return [head, undefined];
  const none = columns.map(() => false);
  return [head, { cells: { texts: rests, joined: none, summary: row.cells.summary }, continued: true, carried: none }];
}

/**
 * Rows packed into pages of `budget` millimetres: a row that does not fit the rest of a page starts the next; a
 * row taller than a page fills what is left of it (or a page of its own) and continues on the next.
 */
function packRows(columns: readonly FormColumn[], rows: readonly PlacedRow[], budget: number): PlacedRow[][] {
  const pages: PlacedRow[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const queue = [...rows];
  while (queue.length > 0) {
    let row = queue.shift()!;
    const page = pages[pages.length - 1]!;
    // The first row of a page cannot join the row above it: a blank repeated cell says its block goes on.
    if (page.length === 0 && row.cells.joined.some(Boolean)) {
      row = { ...row, carried: row.cells.joined.map((j, i) => j || row.carried[i]!), cells: { ...row.cells, joined: row.cells.joined.map(() => false) } };
    }
    const height = rowHeight(columns, row);
    if (used + height <= budget) {
      page.push(row);
      used += height;
      continue;
    }
    if (height <= budget && page.length > 0) {
      newPage();
      queue.unshift(row);
      continue;
    }
    const left = Math.floor((budget - used - ROW_EXTRA_MM) / LINE_MM);
    if (left < MIN_SPLIT_LINES && page.length > 0) {
      newPage();
      queue.unshift(row);
      continue;
    }
    const [head, rest] = cutRow(columns, row, Math.max(1, left));
    page.push(head);
    used += rowHeight(columns, head);
    if (rest) {
      newPage();
      queue.unshift(rest);
    }
  }
  return pages;
}

function cellHtml(column: FormColumn, row: PlacedRow, i: number): Html {
  const text = row.cells.texts[i] ?? '';
  const attributes: Record<string, string> = {};
  if (column.align === 'end') attributes['class'] = 'n';
  // A later row of a level's block: no rule above, so the block reads as one cell as on the form.
  if (row.cells.joined[i]) attributes['style'] = 'border-top-style:hidden';
  return h(
    'td',
    attributes,
    i === 0 && row.continued ? h('div', { class: 'note cont-mark' }, CONTINUED_MARK) : null,
    row.carried[i] && text === '' ? h('div', { class: 'note carried' }, CARRIED_MARK) : null,
    column.align === 'end' ? text : freeText(text),
  );
}

function tableHtml(columns: readonly FormColumn[], rows: readonly PlacedRow[]): Html {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return h(
    'table',
    { class: 'rows', style: `width:${width}mm` },
    h('colgroup', {}, ...columns.map((c) => h('col', { style: `width:${c.width}mm` }))),
    headerHtml(columns),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', row.cells.summary ? { class: 'total', 'data-summary': row.cells.summary } : row.continued ? { class: 'continued' } : {}, ...columns.map((c, i) => cellHtml(c, row, i))),
      ),
    ),
  );
}

export function rows(context: FormContext): Html[] {
  const columns = context.form.columns ?? [];
  const notes = context.form.footnotes ?? [];
  const notesHeight = notes.reduce((sum, note) => sum + textLines(note, context.bodyWidthMm, NOTE_PT) * NOTE_LINE_MM, 0) + (notes.length > 0 ? 1 : 0);
  const budget = bodyRoomMm(context) - headerHeight(columns) - notesHeight;
  const placed = tableRows(context).map((cells) => ({ cells, continued: false, carried: columns.map(() => false) }));
  const pages = packRows(columns, placed, budget);
  const panels = formPanels(context);
  // The panels follow the last row: on its page when they fit beneath it, else on a page of their own.
  let panelsAlone = false;
  if (panels.html) {
    const last = pages[pages.length - 1]!;
    const used = last.reduce((sum, row) => sum + rowHeight(columns, row), 0);
    panelsAlone = last.length > 0 && used + panels.height > budget;
  }
  const footer = notes.length > 0 ? h('div', { class: 'note footnotes', style: 'margin-top:1mm' }, ...notes.map((n) => h('div', {}, n))) : null;
  const bodies = pages.map((page, i) => h('div', { class: 'rows-page' }, tableHtml(columns, page), i === pages.length - 1 && !panelsAlone ? panels.html : null, footer));
  if (panelsAlone) bodies.push(h('div', { class: 'rows-page' }, panels.html, footer));
  return bodies;
}
