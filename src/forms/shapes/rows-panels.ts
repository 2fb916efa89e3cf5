// The boxes a rows form prints after its last row (FormSpec.panels): 第7表's 区分支給限度管理, 種類別支給限度管理
// and 要介護認定期間中の短期入所利用日数, as the 標準様式 has them beneath the table. Each is a small table of fields
// of one record; a repeating group of the layout (UPHOSOKU's limit1…limit9) gives a row per filled slot. Printed
// even when the records leave them empty, as the paper form is.
import type { FormPanel, FormPanelColumn, FormSpec } from '../../../spec-tables/forms.js';
import type { DocumentRecord } from '../../documents/send-unit-document.js';
import type { FileKind } from '../../spec.js';
import { fieldOf, firstRecord, valueText, type FormContext } from '../context.js';
import { numberText } from '../display.js';
import { h, type Html } from '../html.js';
import { LINE_MM, textLines } from '../measure.js';
import { serviceTypeText, summaryOf } from './rows-cells.js';

/** Header text size (the style sheet's th) and the room a cell's padding and rules take, in millimetres. */
const HEAD_PT = 6.5;
const HEAD_LINE_MM = (HEAD_PT * 25.4) / 72 * 1.3;
const CELL_EXTRA_MM = 1.2;
const CELL_PAD_MM = 2;
/** Room between the rows table and the panels, and between panels. */
export const PANEL_GAP_MM = 3;

interface PanelTable {
  readonly panel: FormPanel;
  readonly rows: string[][];
  readonly sum: string[] | undefined;
}

/** The record a panel reads: the form's 全合計 row for `record: 'total'` (first record without one), else the first. */
function recordOf(context: FormContext, panel: FormPanel): DocumentRecord | undefined {
  const kind = panel.kind as FileKind;
  if (panel.record === 'total') {
    const records = (context.user.records[kind] ?? []) as DocumentRecord[];
    return records.find((r) => summaryOf(context.form, r) === 'total') ?? records[0];
  }
  return firstRecord(context.user, kind);
}

const slotField = (field: string, n: number) => field.replace('{n}', String(n));

/** A cell of a panel: its field (of slot `n`) as printed; with `more`, two dates make a period, else joined by a space. */
function slotText(context: FormContext, panel: FormPanel, column: FormPanelColumn, record: DocumentRecord, n: number): string {
  const kind = panel.kind as FileKind;
  const key = slotField(column.field, n);
  if (column.show === 'serviceType') return serviceTypeText(record[key]);
  const parts = [key, ...(column.more ?? []).map((m) => slotField(m, n))].map((k) => valueText(context, kind, k, record[k])).filter((t) => t !== '');
  const period = column.more?.length === 1 && fieldOf(kind, context.csvVersion, key)?.format === 'date';
  return parts.join(period ? '～' : ' ');
}

function panelTable(context: FormContext, panel: FormPanel): PanelTable {
  const record = recordOf(context, panel);
  const slots = panel.repeat ? Array.from({ length: panel.repeat.count }, (_, i) => i + 1) : [0];
  // A slot is printed when any of its fields is filled: an amount without its 種類 is shown, not dropped.
  const filled = (n: number) => panel.columns.some((c) => [c.field, ...(c.more ?? [])].some((f) => ![undefined, null, ''].includes(record![slotField(f, n)] as string)));
  const used = record ? slots.filter((n) => !panel.repeat || filled(n)) : [];
  const rows = used.map((n) => panel.columns.map((c) => slotText(context, panel, c, record!, n)));
  // An empty row where the records fill none, as the paper form has its boxes.
  if (rows.length === 0) rows.push(panel.columns.map(() => ''));
  let sum: string[] | undefined;
  if (panel.columns.some((c) => c.sum)) {
    sum = panel.columns.map((c, i) => {
      if (i === 0) return '合計';
      if (!c.sum || !record) return '';
      const values = used.map((n) => record[slotField(c.field, n)]).filter((v): v is number => typeof v === 'number');
      return values.length > 0 ? numberText(values.reduce((a, b) => a + b, 0)) : '';
    });
  }
  return { panel, rows, sum };
}

const colWidth = (panel: FormPanel) => panel.width / panel.columns.length;

/** Height of one panel, estimated as the rows are (generously). */
function panelHeight(table: PanelTable): number {
  const w = colWidth(table.panel) - CELL_PAD_MM;
  const headLines = Math.max(...table.panel.columns.map((c) => textLines(c.label, w, HEAD_PT)));
  const titleLines = textLines(table.panel.title, table.panel.width - CELL_PAD_MM, HEAD_PT);
  const bodyRows = [...table.rows, ...(table.sum ? [table.sum] : [])];
  const body = bodyRows.reduce((sum, row) => sum + Math.max(...row.map((t) => textLines(t, w))) * LINE_MM + CELL_EXTRA_MM, 0);
  return (titleLines + headLines) * HEAD_LINE_MM + 2 * CELL_EXTRA_MM + body;
}

export interface Panels {
  readonly height: number;
  readonly html: Html | undefined;
}

/** The form's panels, side by side (they wrap to a second band when they are wider than the body). */
export function formPanels(context: FormContext, form: FormSpec = context.form): Panels {
  if (!form.panels?.length) return { height: 0, html: undefined };
  const tables = form.panels.map((p) => panelTable(context, p));
  // Bands: panels placed left to right while they fit the body's width.
  let height = PANEL_GAP_MM;
  let bandWidth = 0;
  let bandHeight = 0;
  for (const t of tables) {
    if (bandWidth > 0 && bandWidth + PANEL_GAP_MM + t.panel.width > context.bodyWidthMm) {
      height += bandHeight + PANEL_GAP_MM;
      bandWidth = 0;
      bandHeight = 0;
    }
    bandWidth += (bandWidth > 0 ? PANEL_GAP_MM : 0) + t.panel.width;
    bandHeight = Math.max(bandHeight, panelHeight(t));
  }
  height += bandHeight;
  const html = h(
    'div',
    { class: 'panels', style: `display:flex;flex-wrap:wrap;gap:${PANEL_GAP_MM}mm;margin-top:${PANEL_GAP_MM}mm;align-items:flex-start` },
    ...tables.map((t) =>
      h(
        'table',
        { class: 'panel', style: `width:${t.panel.width}mm`, 'data-panel': t.panel.title },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { colspan: t.panel.columns.length, style: 'font-weight:bold' }, t.panel.title)),
          h('tr', {}, ...t.panel.columns.map((c) => h('th', {}, c.label))),
        ),
        h(
          'tbody',
          {},
          // A row's height set: an empty row of the paper form is a box to write in, not a line.
          ...t.rows.map((row) => h('tr', { style: `height:${(LINE_MM + CELL_EXTRA_MM).toFixed(1)}mm` }, ...row.map((text, i) => h('td', t.panel.columns[i]!.align === 'end' ? { class: 'n' } : {}, text)))),
          t.sum ? h('tr', { class: 'total' }, ...t.sum.map((text, i) => h('td', i > 0 && t.panel.columns[i]!.align === 'end' ? { class: 'n' } : {}, text))) : null,
        ),
      ),
    ),
  );
  return { height, html };
}
