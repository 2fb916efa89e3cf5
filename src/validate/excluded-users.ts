// One cause, one issue, without hiding another user's error: a record left out of the file's and send units' checks
// (its columns shifted, CauseRule.excludes) can only cause the checks of its own user to fail. Its user is read from
// its key fields (spec-tables/record-keys.ts): at their own positions (the shift came after them) and at the
// positions moved by the surplus or missing cells (the shift came before them). Only a reading whose key fields are
// all well-formed names a user; a record whose key the shift hit names none, and then nothing of others is absorbed.
import { FORMATS } from '../../spec-tables/formats.js';
import { RECORD_KEYS } from '../../spec-tables/record-keys.js';
import type { FieldSpec } from '../../spec-tables/types.js';
import { layoutKindOf, type Layout } from '../spec.js';

/** The key fields of a layout's records: 保険者番号, 被保険者番号 and the record key's date or month. */
const keyFieldsOf = new WeakMap<Layout, readonly FieldSpec[]>();

function keyFields(layout: Layout): readonly FieldSpec[] {
  let found = keyFieldsOf.get(layout);
  if (!found) {
    const keys: readonly string[] = RECORD_KEYS[layoutKindOf(layout.kind)].key;
    found = keys.map((k) => layout.fields.find((f) => f.key === k)).filter((f): f is FieldSpec => f !== undefined);
    keyFieldsOf.set(layout, found);
  }
  return found;
}

const wellFormed = (field: FieldSpec, value: string | undefined): boolean => {
  if (value === undefined || value === '') return false;
  if (field.sentinels?.includes(value)) return true;
  const pattern = (FORMATS as Readonly<Record<string, { readonly pattern?: RegExp }>>)[field.format]?.pattern;
  return pattern ? pattern.test(value) : true;
};

/**
 * The users ("保険者番号-被保険者番号", as the file and send-unit checks name them in `params.user`) a record with the
 * wrong number of cells may belong to: none when no reading of its key fields is well-formed.
 */
export function excludedUserOf(cells: readonly string[], layout: Layout): string[] {
  const fields = keyFields(layout);
  const insurer = fields.find((f) => f.key === 'insurerNumber');
  const insured = fields.find((f) => f.key === 'insuredNumber');
  if (!insurer || !insured) return [];
  const users: string[] = [];
  for (const shift of new Set([0, cells.length - layout.fields.length])) {
    const at = (f: FieldSpec) => cells[f.no - 1 + shift];
    if (!fields.every((f) => wellFormed(f, at(f)))) continue;
    const user = `${at(insurer)}-${at(insured)}`;
    if (!users.includes(user)) users.push(user);
  }
  return users;
}

/**
 * The users of a file report's left-out records, each with the key of its cause (src/rules/causes.ts causeKey): set
 * by FileValidator.finish, read by the send-unit absorption (unit-consequences.ts). Not part of the report's data: a
 * report copied or built elsewhere has none, and then every send-unit check is listed.
 */
export const EXCLUDED_USERS = new WeakMap<object, ReadonlyMap<string, string>>();
