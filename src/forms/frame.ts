// The paper every form is printed on: the HTML document, its style sheet (A4, landscape where the form is, one
// sheet per page), and each page's frame — form number and title, the header cells, page numbers and the words
// that say a form continues on the next page. Shapes draw only the body; the frame's figures tell them how much
// room it leaves (bodyHeight).
import type { FormSpec } from '../../spec-tables/forms.js';
import { esc, h, join, raw, type Html } from './html.js';
import { LINE_MM, MM_PER_PT, TYPE, textEm, textLines } from './measure.js';

/** The header cells' label size (.cells dt below). */
const LABEL_PT = 6.5;

/** A4 in millimetres, and the margin drawn inside each sheet (the @page margin is 0: the sheet is the page). */
const A4 = { long: 297, short: 210 } as const;
const MARGIN_MM = 8;
const TITLE_MM = 10;
const CELL_ROW_MM = 7.5;
const CELLS_PER_ROW = 4;
const FOOTER_MM = 6;

export function sheetSize(orientation: FormSpec['orientation']): { width: number; height: number } {
  return orientation === 'landscape' ? { width: A4.long, height: A4.short } : { width: A4.short, height: A4.long };
}

/** The body's room on a page of this form: the sheet less margins, title, header cells and footer. */
export function bodyBox(form: Pick<FormSpec, 'orientation' | 'header'>): { width: number; height: number } {
  const sheet = sheetSize(form.orientation);
  const cellRows = headerRows(form.header);
  return {
    width: sheet.width - 2 * MARGIN_MM,
    height: sheet.height - 2 * MARGIN_MM - TITLE_MM - cellRows * CELL_ROW_MM - FOOTER_MM - 2,
  };
}

/** Rows the header cells take in the frame's grid of four columns (a cell's `span` counts its columns). */
function headerRows(cells: readonly { readonly span?: number | undefined }[]): number {
  let rows = 0;
  let column = CELLS_PER_ROW;
  for (const cell of cells) {
    const span = Math.min(CELLS_PER_ROW, Math.max(1, cell.span ?? 1));
    if (column + span > CELLS_PER_ROW) {
      rows++;
      column = 0;
    }
    column += span;
  }
  return rows;
}

/**
 * How much taller than bodyBox assumed the header cells print with these texts (a long address wraps): the
 * cells grow, the body shrinks, so a shape that fills its page subtracts this. Estimated as the style sheet
 * below lays a cell out (label at most 45% of the cell, 6.5pt; value 8pt).
 */
export function headerGrowthMm(form: Pick<FormSpec, 'orientation'>, cells: readonly { readonly label: string; readonly text: string; readonly span?: number | undefined }[]): number {
  const width = sheetSize(form.orientation).width - 2 * MARGIN_MM;
  let growth = 0;
  let column = CELLS_PER_ROW;
  let rowMm = 0;
  for (const cell of cells) {
    const span = Math.min(CELLS_PER_ROW, Math.max(1, cell.span ?? 1));
    if (column + span > CELLS_PER_ROW) {
      growth += Math.max(0, rowMm - CELL_ROW_MM);
      rowMm = 0;
      column = 0;
    }
    column += span;
    const cellMm = (width * span) / CELLS_PER_ROW;
    const labelMm = Math.min(cellMm * 0.45, textEm(cell.label) * LABEL_PT * MM_PER_PT + 2.5);
    const labelLines = textLines(cell.label, labelMm - 2.5, LABEL_PT);
    const valueLines = textLines(cell.text, (cellMm - labelMm - 2.5) * 0.92);
    rowMm = Math.max(rowMm, labelLines * LABEL_PT * MM_PER_PT * TYPE.lineHeight + 1.5, valueLines * LINE_MM + 1.5);
  }
  return growth + Math.max(0, rowMm - CELL_ROW_MM);
}

export interface FramedPage {
  readonly form: Pick<FormSpec, 'id' | 'number' | 'titleJa' | 'titleEn' | 'orientation'>;
  /** 保険者番号-被保険者番号 as printed, for data attributes and the page's own tests. */
  readonly userKey: string;
  readonly cells: readonly { readonly label: string; readonly text: string; readonly span?: number | undefined }[];
  readonly body: Html;
  /** 1-based page of this user's form, and how many. */
  readonly page: number;
  readonly pages: number;
}

/** One sheet: title row, header cells, body, footer (page x / y, continues / continued). */
export function framePage(p: FramedPage): Html {
  const continued = p.page > 1;
  const continues = p.page < p.pages;
  return h(
    'section',
    { class: `sheet ${p.form.orientation}`, 'data-form': p.form.id, 'data-user': p.userKey, 'data-page': `${p.page}/${p.pages}` },
    h(
      'header',
      { class: 'title' },
      h('span', { class: 'form-no' }, p.form.number),
      h('h1', {}, p.form.titleJa, continued ? h('span', { class: 'cont' }, '（続き）') : null),
      h('span', { class: 'title-en', lang: 'en' }, p.form.titleEn),
    ),
    h('dl', { class: 'cells' }, ...p.cells.map((c) => h('div', { style: c.span && c.span > 1 ? `grid-column: span ${Math.min(CELLS_PER_ROW, c.span)}` : undefined }, h('dt', {}, c.label), h('dd', {}, c.text)))),
    h('div', { class: 'body' }, p.body),
    h(
      'footer',
      {},
      continues ? h('span', { class: 'continues' }, '次のページに続きます / continued on the next page') : null,
      h('span', { class: 'page-no' }, `${p.page} / ${p.pages} ページ`),
    ),
  );
}

const STYLE = `
@page { size: A4 landscape; margin: 0; }
@page portrait { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; background: #e8e8e8; color: #000;
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", "YuGothic", "Hiragino Kaku Gothic ProN", Meiryo, sans-serif;
  font-size: ${TYPE.fontPt}pt; line-height: ${TYPE.lineHeight}; }
.sheet { position: relative; background: #fff; margin: 8mm auto; padding: ${MARGIN_MM}mm;
  display: flex; flex-direction: column; gap: 1mm; box-shadow: 0 1px 4px rgba(0,0,0,.3); break-after: page; break-inside: avoid; }
.sheet.landscape { width: ${A4.long}mm; height: ${A4.short}mm; }
.sheet.portrait { width: ${A4.short}mm; height: ${A4.long}mm; page: portrait; }
.title { display: flex; align-items: baseline; gap: 4mm; height: ${TITLE_MM}mm; border-bottom: 0.4mm solid #000; }
.title h1 { font-size: 13pt; margin: 0; flex: 1; text-align: center; letter-spacing: 0.1em; }
.title .form-no { font-size: 10pt; border: 0.3mm solid #000; padding: 0 2mm; }
.title .title-en { font-size: 7pt; color: #444; }
.title .cont { font-size: 9pt; font-weight: normal; }
.cells { display: grid; grid-template-columns: repeat(${CELLS_PER_ROW}, 1fr); margin: 0; border-top: 0.2mm solid #000; border-left: 0.2mm solid #000; }
.cells > div { display: flex; min-height: ${CELL_ROW_MM}mm; border-right: 0.2mm solid #000; border-bottom: 0.2mm solid #000; min-width: 0; }
.cells dt { flex: 0 0 auto; max-width: 45%; background: #f0f0f0; padding: 0.5mm 1mm; font-size: 6.5pt; border-right: 0.2mm solid #000; }
.cells dd { margin: 0; padding: 0.5mm 1mm; overflow-wrap: anywhere; min-width: 0; }
.body { flex: 1; min-height: 0; }
footer { display: flex; justify-content: flex-end; gap: 6mm; height: ${FOOTER_MM}mm; font-size: 7pt; align-items: end; }
footer .continues { font-weight: bold; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.2mm solid #000; padding: 0.3mm 0.8mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: normal; font-size: 6.5pt; vertical-align: middle; text-align: center; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
tr.total td { font-weight: bold; background: #f7f7f7; }
.note { font-size: 7pt; color: #333; }
/* 第6表 (the days shape, src/forms/shapes/days.ts): narrow day columns, 予定/実績 row pairs, days past the month greyed. */
table.days { width: auto; }
table.days th, table.days td { padding: 0.2mm 0.5mm; }
table.days td.time, table.days td.content, table.days td.office { font-size: 7pt; }
table.days .small { font-size: 6pt; color: #333; }
table.days th.day, table.days td.day { padding: 0.2mm 0; text-align: center; font-variant-numeric: tabular-nums; vertical-align: middle; }
table.days tr.plan td.day, table.days tr.actual td.day { height: 4.6mm; }
table.days td.kind, table.days th.kind { padding: 0; text-align: center; font-size: 6pt; vertical-align: middle; }
table.days td.total { vertical-align: middle; }
table.days .off { background: #cfcfcf; }
table.days th.sun, table.days th.sat { font-weight: bold; }
table.days tr.actual td { border-top-style: dashed; }
table.days tbody.pair { break-inside: avoid; }
@media print {
  body { background: none; }
  .sheet { margin: 0; box-shadow: none; }
}
`;

/** Height of one body text line, for shapes that count lines. */
export { LINE_MM };

/** The whole document: title, style, sheets. Self-contained: no script, no network, fonts from the system. */
export function documentHtml(title: string, sheets: readonly Html[]): string {
  return (
    '<!doctype html>\n' +
    join(
      raw('<html lang="ja">'),
      h('head', {}, h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', {}, title), raw(`<style>${STYLE}</style>`)),
      // One main landmark holding the sheets: a screen reader's user (and axe) finds the content in it.
      h('body', {}, h('main', {}, ...sheets)),
      raw('</html>'),
    ).html +
    '\n'
  );
}

export { esc };
