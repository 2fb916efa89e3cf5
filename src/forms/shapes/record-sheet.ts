// The record sheet: a kind with no standard form here (介護予防 利用者基本情報 and 支援計画書, their 別表, the
// withdrawals) printed as its layout reads, titled with the layout's name and saying it is not a 標準様式 form.
// Built from the layout alone, so a new kind or edition prints without code:
// - a kind whose fields fit across the page (the 別表: many short rows) is one table, a column per field
//   (./record-table.ts);
// - any other kind prints each record as No., 項目 and 値, every field in file order, free texts with their
//   line breaks;
// - a withdrawal (DLT…) first says in words what it withdraws — the document, its parts, the key that names it
//   (WITHDRAWALS, spec-tables/documents.ts).
import { WITHDRAWALS } from '../../../spec-tables/documents.js';
import type { FormCell, FormSpec } from '../../../spec-tables/forms.js';
import { getLayout, type CsvVersion, type FileKind } from '../../spec.js';
import { STORED_DOCUMENTS } from '../../../spec-tables/documents.js';
import { valueText, type FormContext } from '../context.js';
import { freeText, h, join, type Html } from '../html.js';
import { LINE_MM, packPages, splitText, textLines } from '../measure.js';
import { recordTables, wideColumns } from './record-table.js';
import { bodyRoomMm } from './room.js';

/** The note every record sheet carries: what it is, and what it is not. */
const NOT_A_FORM =
  '標準様式の帳票ではありません。ファイルの各項目をレイアウト定義（CSVファイルレイアウト定義書）の順に印字しています。 / Not a standard (標準様式) form: the file’s fields as the layout defines them.';

/** The spec of a kind's record sheet (A4, landscape when its table needs the width), headed by the user. */
export function recordSheetSpec(kind: FileKind, csvVersion: CsvVersion): FormSpec {
  const layout = getLayout(kind, csvVersion);
  const name = layout?.nameJa ?? kind;
  const cellKind = kind as FormCell['kind'];
  const header: FormCell[] = [
    { label: '保険者番号', kind: cellKind, field: 'insurerNumber' },
    { label: '被保険者番号', kind: cellKind, field: 'insuredNumber' },
  ];
  // The user's name when the kind carries one (利用者基本情報, 支援計画書).
  const nameField = layout?.fields.find((f) => f.key === 'userName');
  if (nameField) header.push({ label: nameField.name, kind: cellKind, field: nameField.key, suffix: '殿', span: 2 });
  return {
    id: kind,
    number: kind,
    titleJa: name,
    titleEn: `${kind} record sheet`,
    orientation: wideColumns(kind, csvVersion)?.orientation ?? 'portrait',
    kind: cellKind,
    shape: 'recordSheet',
    header,
    source: 'the layout definition (別紙「CSVファイルレイアウト定義書」): every field, in order',
  };
}

const NO_MM = 9;
const NAME_MM = 55;
/** Cell padding and rule, per row, in millimetres. */
const ROW_PAD_MM = 1.1;
const WIDTH_SLACK = 0.93;
/** The note's height and what the estimate may be off by. */
const NOTE_MM = 2 * LINE_MM + 4;

interface Row {
  readonly head?: string;
  /** A withdrawal's statement (printed across the table, in bold). */
  readonly statement?: string;
  readonly no?: number;
  readonly name?: string;
  readonly value?: string;
  readonly mm: number;
}

/** What a withdrawal record takes back, in words: 「削除（取消）」, the document and its parts, and its key. */
function withdrawalStatement(context: FormContext, kind: FileKind, record: Record<string, unknown>): string | undefined {
  const spec = WITHDRAWALS.find((w) => w.kind === kind);
  if (!spec) return undefined;
  const document = STORED_DOCUMENTS.find((d) => d.id === spec.document);
  const layout = getLayout(kind, context.csvVersion);
  const parts = spec.withdraws.map((k) => getLayout(k as FileKind, context.csvVersion)?.nameJa ?? k).join('、');
  const keys = Object.values(spec.key as Record<string, string>)
    .map((key) => {
      const field = layout?.fields.find((f) => f.key === key);
      return field ? `${field.name}：${valueText(context, kind, key, record[key]) || '（なし）'}` : undefined;
    })
    .filter((t) => t !== undefined)
    .join('　');
  return `削除（取消）：この記録は「${document?.nameJa ?? spec.document}」（${parts}）を削除（取消）します。\n${keys}`;
}

export function recordSheet(context: FormContext): Html[] {
  const kind = context.form.kind as FileKind;
  const budgetMm = bodyRoomMm(context) - NOTE_MM;
  const wide = wideColumns(kind, context.csvVersion);
  const bodies = wide ? recordTables(context, wide.fields, budgetMm) : recordRows(context, budgetMm);
  const note = h('p', { class: 'note record-note', style: 'margin:0 0 1mm' }, NOT_A_FORM);
  return (bodies.length > 0 ? bodies : [h('p', {}, '（記録なし）')]).map((body) => join(note, body));
}

/** Each record as No./項目/値 rows (a withdrawal's statement first), paged; a value taller than a page cut. */
function recordRows(context: FormContext, budgetMm: number): Html[] {
  const kind = context.form.kind as FileKind;
  const fields = getLayout(kind, context.csvVersion)?.fields ?? [];
  const records = context.user.records[kind] ?? [];
  const valueMm = (context.bodyWidthMm - NO_MM - NAME_MM - ROW_PAD_MM) * WIDTH_SLACK;
  const nameMm = (NAME_MM - ROW_PAD_MM) * WIDTH_SLACK;
  const wideMm = (context.bodyWidthMm - ROW_PAD_MM) * WIDTH_SLACK;
  const maxLines = Math.max(2, Math.floor((budgetMm - 2 * LINE_MM - 3 * ROW_PAD_MM) / LINE_MM));
  const rows: Row[] = [];
  records.forEach((record, i) => {
    rows.push({ head: `レコード ${i + 1} / ${records.length}`, mm: LINE_MM + ROW_PAD_MM });
    const statement = withdrawalStatement(context, kind, record);
    if (statement) rows.push({ statement, mm: textLines(statement, wideMm, 9) * 9 * (25.4 / 72) * 1.3 + ROW_PAD_MM + 2 });
    for (const field of fields) {
      let text = valueText(context, kind, field.key, record[field.key]).replace(/\r\n?/g, '\n');
      // A value longer than a page is cut into pieces, each its own row (the next page says it continues).
      let part = 0;
      do {
        const [head] = splitText(text, valueMm, maxLines);
        const taken = text[head.length] === '\n' ? head.length + 1 : head.length;
        const name = part === 0 ? field.name : `${field.name}（続き）`;
        const value = text.slice(0, taken);
        rows.push({ no: field.no, name, value, mm: Math.max(textLines(value, valueMm), textLines(name, nameMm)) * LINE_MM + ROW_PAD_MM });
        text = text.slice(taken);
        part++;
      } while (text !== '');
    }
  });
  const pages = packPages(rows, (r) => r.mm, budgetMm - LINE_MM - ROW_PAD_MM);
  return pages.map((page) =>
    h(
      'table',
      { class: 'record-sheet' },
      h('colgroup', {}, h('col', { style: `width:${NO_MM}mm` }), h('col', { style: `width:${NAME_MM}mm` }), h('col', {})),
      h('thead', {}, h('tr', {}, h('th', {}, 'No.'), h('th', {}, '項目'), h('th', {}, '値'))),
      h(
        'tbody',
        {},
        ...page.map((row) =>
          row.head !== undefined
            ? h('tr', { class: 'record-head' }, h('th', { colspan: 3 }, row.head))
            : row.statement !== undefined
              ? h('tr', { class: 'withdrawal' }, h('td', { colspan: 3, style: 'font-size:9pt;font-weight:bold;padding:1mm;border:0.5mm solid #000' }, freeText(row.statement)))
              : h('tr', {}, h('td', { class: 'n' }, row.no ?? ''), h('td', {}, row.name ?? ''), h('td', {}, freeText(row.value))),
        ),
      ),
    ),
  );
}
