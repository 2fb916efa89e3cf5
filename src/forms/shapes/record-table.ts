// A kind's records as one table, a column per field — for the 別表 kinds whose records are many short rows
// (利用者基本情報 別表1・別表2, 支援計画書 別表), as their paper forms are tables. Whether a kind is printed so is
// decided from its layout alone (`wideColumns`): when every field it varies fits across the page. The fields a
// kind's records share by the spec (CSVバージョン, the document's relation key) are printed once above the table.
import { STORED_DOCUMENTS, WITHDRAWALS } from '../../../spec-tables/documents.js';
import { getCodeTable, getLayout, type CsvVersion, type FileKind, type FieldSpec } from '../../spec.js';
import type { DocumentRecord } from '../../documents/send-unit-document.js';
import { valueText, type FormContext } from '../context.js';
import { h, type Html } from '../html.js';
import { LINE_MM, MM_PER_PT, TYPE, splitText, textEm, textLines } from '../measure.js';

/** Sheet widths the table may take (A4 less the frame's margins), portrait then landscape. */
const WIDTHS = { portrait: 194, landscape: 281 } as const;
const NO_MM = 8;
const FREE_TEXT_MIN_MM = 20;
const CELL_PAD_MM = 1.2;
const WIDTH_SLACK = 0.92;

/** The fields a user's records of a kind share by the spec: the CSV version and the document's relation key. */
export function sharedFields(kind: FileKind): ReadonlySet<string> {
  const doc = STORED_DOCUMENTS.find((d) => (d.parts as readonly string[]).includes(kind));
  return new Set(['csvVersion', ...(doc?.key ?? ['insurerNumber', 'insuredNumber'])]);
}

/**
 * A field's least column width: a code by its longest label (the sheet prints labels), other fixed-length
 * fields by their length, free text a readable minimum.
 */
function minWidth(field: FieldSpec): number {
  const table = field.codeTable ? getCodeTable(field.codeTable) : undefined;
  if (table) return Math.min(30, Math.max(9, Math.max(...table.entries.map(([, label]) => textEm(label))) * TYPE.fontPt * MM_PER_PT + 2.5));
  if (field.length === null || field.length === undefined) return FREE_TEXT_MIN_MM;
  return Math.min(30, Math.max(9, field.length * 1.9 + 2.5));
}

/**
 * The columns of a kind printed as a wide table, and on which paper — or undefined when its fields do not fit
 * across even a landscape sheet (the kind is then printed record by record, No./項目/値).
 */
export function wideColumns(kind: FileKind, csvVersion: CsvVersion): { fields: FieldSpec[]; orientation: 'portrait' | 'landscape' } | undefined {
  const layout = getLayout(kind, csvVersion);
  // A withdrawal is printed record by record, under the statement of what it withdraws.
  if (!layout || WITHDRAWALS.some((w) => w.kind === kind)) return undefined;
  const shared = sharedFields(kind);
  const fields = layout.fields.filter((f) => !shared.has(f.key)) as FieldSpec[];
  const need = NO_MM + fields.reduce((sum, f) => sum + minWidth(f), 0);
  if (fields.length === 0 || need > WIDTHS.landscape) return undefined;
  return { fields, orientation: need > WIDTHS.portrait ? 'landscape' : 'portrait' };
}

interface Row {
  readonly no: string;
  readonly cells: string[];
  readonly lines: number;
}

/** The label line's height: the table's headings are 6.5pt. */
const HEADING_LINE_MM = 6.5 * MM_PER_PT * TYPE.lineHeight;

/** A user's records as wide tables: one per set of shared values (CSVバージョン, key), paged, long rows cut. */
export function recordTables(context: FormContext, fields: readonly FieldSpec[], budgetMm: number): Html[] {
  const kind = context.form.kind as FileKind;
  const layout = getLayout(kind, context.csvVersion);
  const records = (context.user.records[kind] ?? []) as DocumentRecord[];
  const shared = (layout?.fields ?? []).filter((f) => sharedFields(kind).has(f.key));
  const widths = columnWidths(fields, context.bodyWidthMm);
  const textWidths = widths.map((w) => (w - CELL_PAD_MM) * WIDTH_SLACK);
  const headLines = Math.max(...fields.map((f, i) => textLines(f.name, textWidths[i]!, 6.5)));
  const headMm = headLines * HEADING_LINE_MM + CELL_PAD_MM;

  // Records grouped by their shared values, in file order of first appearance.
  const groups = new Map<string, { common: string; rows: DocumentRecord[] }>();
  for (const record of records) {
    const common = shared.map((f) => `${f.name}：${valueText(context, kind, f.key, record[f.key]) || '（なし）'}`).join('　');
    let group = groups.get(common);
    if (!group) groups.set(common, (group = { common, rows: [] }));
    group.rows.push(record);
  }

  const bodies: Html[] = [];
  let n = 0;
  for (const group of groups.values()) {
    const rows: Row[] = [];
    const commonMm = textLines(group.common, context.bodyWidthMm * WIDTH_SLACK) * LINE_MM + 1;
    const room = budgetMm - commonMm - headMm;
    const maxLines = Math.max(2, Math.floor((room - CELL_PAD_MM) / LINE_MM));
    for (const record of group.rows) {
      n++;
      let cells = fields.map((f) => valueText(context, kind, f.key, record[f.key]).replace(/\r\n?/g, '\n'));
      let part = 0;
      // A row taller than a page is cut: what fits, then the rest in a row marked （続き）.
      for (;;) {
        const lines = Math.max(1, ...cells.map((c, i) => textLines(c, textWidths[i]!)));
        if (lines <= maxLines) {
          rows.push({ no: part === 0 ? String(n) : `${n}（続き）`, cells, lines });
          break;
        }
        const split = cells.map((c, i) => {
          const [head] = splitText(c, textWidths[i]!, maxLines);
          const taken = c[head.length] === '\n' ? head.length + 1 : head.length;
          return [c.slice(0, taken), c.slice(taken)] as const;
        });
        rows.push({ no: part === 0 ? String(n) : `${n}（続き）`, cells: split.map(([a]) => a), lines: maxLines });
        cells = split.map(([, b]) => b);
        part++;
      }
    }
    let page: Row[] = [];
    let used = 0;
    const flush = () => {
      bodies.push(table(group.common, fields, widths, page));
      page = [];
      used = 0;
    };
    for (const row of rows) {
      const mm = row.lines * LINE_MM + CELL_PAD_MM;
      if (page.length > 0 && used + mm > room) flush();
      page.push(row);
      used += mm;
    }
    if (page.length > 0) flush();
  }
  return bodies;
}

/** Widths: each field its least, the rest of the page shared by the free-text columns (all columns when none). */
function columnWidths(fields: readonly FieldSpec[], bodyMm: number): number[] {
  const mins = fields.map(minWidth);
  const free = bodyMm - NO_MM - mins.reduce((a, b) => a + b, 0);
  const growing = fields.map((f) => f.length === null || f.length === undefined);
  const count = growing.filter(Boolean).length || fields.length;
  return mins.map((m, i) => m + (count === fields.length || growing[i] ? Math.max(0, free) / count : 0));
}

function table(common: string, fields: readonly FieldSpec[], widths: readonly number[], rows: readonly Row[]): Html {
  return h(
    'div',
    { class: 'record-table' },
    h('div', { class: 'record-common', style: 'margin-bottom:1mm' }, common),
    h(
      'table',
      { class: 'record-rows' },
      h('colgroup', {}, h('col', { style: `width:${NO_MM}mm` }), ...widths.map((w) => h('col', { style: `width:${w.toFixed(2)}mm` }))),
      h('thead', {}, h('tr', {}, h('th', {}, 'No.'), ...fields.map((f) => h('th', { title: `No.${f.no}` }, f.name)))),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, h('td', { class: 'n' }, row.no), ...row.cells.map((c) => h('td', {}, h('div', { class: 'text' }, c)))))),
    ),
  );
}
