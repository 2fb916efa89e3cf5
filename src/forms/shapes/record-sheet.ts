// The record sheet: a kind with no standard form here (介護予防 利用者基本情報 and 支援計画書, the withdrawals)
// printed as its layout reads — each record a table of No., 項目 and 値, every field in file order, free texts
// with their line breaks. Built from the layout alone, so a new kind or edition prints without code.
import type { FormSpec } from '../../../spec-tables/forms.js';
import { getLayout, type CsvVersion, type FileKind } from '../../spec.js';
import { valueText, type FormContext } from '../context.js';
import { freeText, h, type Html } from '../html.js';
import { LINE_MM, packPages, splitText, textLines } from '../measure.js';

/** The spec of a kind's record sheet (portrait A4, headed by the user's numbers). */
export function recordSheetSpec(kind: FileKind, csvVersion: CsvVersion): FormSpec {
  const layout = getLayout(kind, csvVersion);
  const name = layout?.nameJa ?? kind;
  return {
    id: kind,
    number: kind,
    titleJa: name,
    titleEn: `${kind} record sheet`,
    orientation: 'portrait',
    kind: kind as FormSpec['kind'],
    shape: 'recordSheet',
    header: [
      { label: '保険者番号', kind: kind as FormSpec['kind'], field: 'insurerNumber' },
      { label: '被保険者番号', kind: kind as FormSpec['kind'], field: 'insuredNumber' },
    ],
    source: 'the layout definition (別紙「CSVファイルレイアウト定義書」): every field, in order',
  };
}

const NO_MM = 9;
const NAME_MM = 55;
/** Cell padding and rule, per row, in millimetres. */
const ROW_EXTRA_MM = 1.2;

interface Row {
  readonly head?: string;
  readonly no?: number;
  readonly name?: string;
  readonly value?: string;
  readonly lines: number;
}

export function recordSheet(context: FormContext): Html[] {
  const kind = context.form.kind as FileKind;
  const fields = getLayout(kind, context.csvVersion)?.fields ?? [];
  const records = context.user.records[kind] ?? [];
  const valueMm = context.bodyWidthMm - NO_MM - NAME_MM - 3;
  const budgetLines = Math.floor(context.bodyHeightMm / (LINE_MM + ROW_EXTRA_MM));
  const rows: Row[] = [];
  records.forEach((record, i) => {
    rows.push({ head: `レコード ${i + 1} / ${records.length}`, lines: 1 });
    for (const field of fields) {
      let text = valueText(context, kind, field.key, record[field.key]);
      // A value longer than a page is cut into pieces, each its own row (the next page says it continues).
      let part = 0;
      do {
        const [head, rest] = splitText(text, valueMm, budgetLines - 2);
        rows.push({ no: field.no, name: part === 0 ? field.name : `${field.name}（続き）`, value: head, lines: Math.max(textLines(head, valueMm), textLines(field.name, NAME_MM)) });
        text = rest;
        part++;
      } while (text !== '');
    }
  });
  const pages = packPages(rows, (r) => r.lines, budgetLines);
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
            : h('tr', {}, h('td', { class: 'n' }, row.no ?? ''), h('td', {}, row.name ?? ''), h('td', {}, freeText(row.value))),
        ),
      ),
    ),
  );
}
