// What one record says on its own: each field against its own rules (compiled once per layout), then the
// record rules that relate its fields (record-rules.ts).
import { compileFieldDrafts, type FieldDraftChecker } from '../../schemas/field-rules.js';
import type { Layout } from '../../spec.js';
import { fieldRef } from '../layout-fields.js';
import { checkRecordRules } from '../record-rules.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

const checkerCache = new WeakMap<Layout, FieldDraftChecker[]>();

/** The compiled checker of each field of a layout, in field order. */
function checkersOf(layout: Layout): FieldDraftChecker[] {
  let checkers = checkerCache.get(layout);
  if (!checkers) {
    checkers = layout.fields.map((f) => compileFieldDrafts(f, layout.csvVersion));
    checkerCache.set(layout, checkers);
  }
  return checkers;
}

export class RecordChecks implements FileRule {
  constructor(private readonly scope: FileScope) {}

  onRecord({ record, values, layout, where }: SeenRecord): void {
    const sink = this.scope.sink;
    const checkers = checkersOf(layout);
    const fields = layout.fields;
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] ?? '';
      const drafts = checkers[i]!(value);
      if (drafts.length === 0) continue;
      const at = { ...where, field: fieldRef(layout, fields[i]!.key), value };
      for (const draft of drafts) sink.add(draft, at);
    }
    checkRecordRules(record, { layout, where, nameMonth: this.scope.info?.month, sink });
  }
}
