// The rows forms' facts (spec-tables/forms.ts: columns, `show`, summaryRows, panels with their repeating slots,
// footnotes) checked against the layouts when the library loads: a field a layout lacks, a `show` on a field of
// another format, a slot field without its `{n}`, or columns wider than the sheet fail here, not silently on
// paper (an empty cell, a clipped column).
import type { FormSpec } from '../../../spec-tables/forms.js';
import { FORMS } from '../../../spec-tables/forms.js';
import { EditionDataError, layoutKindOf, listLayouts, type Layout } from '../../spec.js';
import { bodyBox } from '../frame.js';

const SHOW_FORMAT = { serviceName: 'serviceCode', serviceType: 'serviceTypeCode' } as const;

/** The keys a panel column names, its `{n}` replaced by every slot of a repeating panel. */
function slotKeys(field: string, count: number | undefined): string[] {
  return count === undefined ? [field] : Array.from({ length: count }, (_, i) => field.replace('{n}', String(i + 1)));
}

/**
 * Throws an EditionDataError when a rows form names a field a served layout of its kind lacks, shows a field of
 * another format by name, labels sums in no column, leaves `{n}` out of a repeating panel's fields, or has
 * columns wider than its sheet's body. Run when this module loads; exported so that a test can feed it bad data.
 */
export function checkRowsForms(forms: readonly FormSpec[], layouts: readonly Layout[]): void {
  for (const form of forms) {
    if (form.shape !== 'rows') continue;
    const where = (key?: string, kind: string = form.kind) => ({ edition: `forms.ts ${form.id}`, kind, key });
    const columns = form.columns ?? [];
    const width = columns.reduce((sum, c) => sum + c.width, 0);
    if (width > bodyBox(form).width) throw new EditionDataError(where(), `forms: 列幅の合計 ${width}mm が用紙の幅を超えます`, `forms: the columns (${width} mm) are wider than the sheet's body`);
    const fieldsOf = (kind: string) => layouts.filter((l) => layoutKindOf(l.kind) === kind).map((l) => new Map(l.fields.map((f) => [f.key, f])));
    const ofKind = fieldsOf(form.kind);
    for (const column of columns) {
      for (const fields of ofKind) {
        const field = fields.get(column.field);
        if (!field) throw new EditionDataError(where(column.field), 'forms: レイアウトにない項目です', 'forms: the layout has no such field');
        if (column.show && field.format !== SHOW_FORMAT[column.show]) {
          throw new EditionDataError(where(column.field), `forms: show '${column.show}' は形式 ${SHOW_FORMAT[column.show]} の項目だけに使えます`, `forms: show '${column.show}' is for fields of format ${SHOW_FORMAT[column.show]}`);
        }
      }
    }
    const sums = form.summaryRows;
    if (sums) {
      if (!columns.some((c) => c.field === sums.field)) throw new EditionDataError(where(sums.field), 'forms: summaryRows の項目が列にありません', 'forms: the summaryRows field is no column');
      if (!columns[sums.labelColumn]) throw new EditionDataError(where(String(sums.labelColumn)), 'forms: summaryRows の labelColumn が列にありません', 'forms: summaryRows.labelColumn is no column');
    }
    for (const panel of form.panels ?? []) {
      const count = panel.repeat?.count;
      const named = panel.columns.flatMap((c) => [c.field, ...(c.more ?? [])]);
      for (const key of named) {
        if (panel.repeat && !key.includes('{n}')) throw new EditionDataError(where(key, panel.kind), 'forms: 繰り返しの枠の項目に {n} がありません', 'forms: a slot field of a repeating panel lacks {n}');
        for (const fields of fieldsOf(panel.kind)) {
          for (const slot of slotKeys(key, count)) {
            if (!fields.has(slot)) throw new EditionDataError(where(slot, panel.kind), 'forms: レイアウトにない項目です', 'forms: the layout has no such field');
          }
        }
      }
    }
  }
}

checkRowsForms(FORMS, listLayouts());
