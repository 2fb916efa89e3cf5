// The forms as data (spec-tables/forms.ts) are checked against the layouts when the renderer loads: a form that
// names a field its kind lacks fails at once with the form and the field, rather than printing an empty cell.
import { describe, expect, it } from 'vitest';
import { FORMS, type FormSpec } from '../src/core.js';
import { checkForms } from '../src/forms/form-specs.js';

describe('forms as data', () => {
  it('the shipped forms name only fields of their layouts', () => {
    expect(() => checkForms(FORMS as readonly FormSpec[])).not.toThrow();
  });

  it('a header cell naming a field the layout lacks fails at load, naming the form and the field', () => {
    const table6 = FORMS.find((f) => f.id === 'table6')!;
    const bad: FormSpec = { ...table6, header: [...table6.header, { label: '担当者名', kind: 'UPPLAN', field: 'careManagerNmae' }] };
    expect(() => checkForms([bad])).toThrow(/table6[\s\S]*careManagerNmae|careManagerNmae[\s\S]*table6/);
  });

  it('a column naming a field the form’s kind lacks fails too', () => {
    const table7 = FORMS.find((f) => f.id === 'table7')!;
    const bad: FormSpec = { ...table7, columns: [...(table7.columns ?? []), { label: '単位', field: 'unitz', width: 10 }] };
    expect(() => checkForms([bad])).toThrow(/unitz/);
  });
});
