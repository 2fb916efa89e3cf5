// The forms of spec-tables/forms.ts checked against the layouts when the renderer loads: a cell, box or column
// that names a field its kind's layout lacks fails here (EditionDataError), not as an empty cell on paper. The
// current edition is the reference; an older edition may lack a field (3.2 has no TAISコード), and its cell is
// then printed empty.
import { FORMS, type FormSpec } from '../../spec-tables/forms.js';
import { CURRENT_CSV_VERSION, EditionDataError, getLayout, type FileKind } from '../spec.js';

export function checkForms(forms: readonly FormSpec[]): void {
  for (const form of forms) {
    const where = (kind: string, key?: string) => ({ edition: 'forms', kind, key });
    const named: { kind: string; field: string }[] = [
      ...form.header.flatMap((c) => [c, ...(c.more ?? []).map((field) => ({ kind: c.kind, field }))]),
      ...(form.boxes ?? []).flatMap((c) => [c, ...(c.more ?? []).map((field) => ({ kind: c.kind, field }))]),
      ...(form.columns ?? []).map((c) => ({ kind: form.kind, field: c.field })),
    ];
    if (!getLayout(form.kind as FileKind, CURRENT_CSV_VERSION)) throw new EditionDataError(where(form.kind), `forms: ${form.id} の種別にレイアウトがありません`, `forms: ${form.id} names a kind with no layout`);
    for (const { kind, field } of named) {
      const layout = getLayout(kind as FileKind, CURRENT_CSV_VERSION);
      if (!layout?.fields.some((f) => f.key === field)) {
        throw new EditionDataError(where(kind, field), `forms: ${form.id} の項目がレイアウトにありません`, `forms: ${form.id} names a field the layout lacks`);
      }
    }
  }
}

checkForms(FORMS);
