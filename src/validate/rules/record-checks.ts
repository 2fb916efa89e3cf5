// What one record says on its own: each field against its own rules (compiled once per layout), then the
// record rules that relate its fields (record-rules.ts).
import { compileFieldDrafts, type FieldDraft, type FieldDraftChecker } from '../../schemas/field-rules.js';
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
  /** The layout of the last record, its checkers, and per field the last value and its verdict. */
  private layout: Layout | undefined;
  private checkers: FieldDraftChecker[] = [];
  private lastValues: string[] = [];
  private lastDrafts: (readonly FieldDraft[])[] = [];

  constructor(private readonly scope: FileScope) {}

  onRecord({ record, values, layout, where }: SeenRecord): void {
    const sink = this.scope.sink;
    if (layout !== this.layout) {
      this.layout = layout;
      this.checkers = checkersOf(layout);
      this.lastValues = [];
      this.lastDrafts = [];
    }
    const checkers = this.checkers;
    const lastValues = this.lastValues;
    const lastDrafts = this.lastDrafts;
    const fields = layout.fields;
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] ?? '';
      // A verdict depends on the value alone: a field that repeats the previous record's value (often the same
      // string) has its verdict already.
      let drafts: readonly FieldDraft[];
      if (lastValues[i] === value) drafts = lastDrafts[i]!;
      else {
        drafts = checkers[i]!(value);
        lastValues[i] = value;
        lastDrafts[i] = drafts;
      }
      if (drafts.length === 0) continue;
      const at = { ...where, field: fieldRef(layout, fields[i]!.key), value };
      for (const draft of drafts) sink.add(draft, at);
    }
    checkRecordRules(record, { layout, where, nameMonth: this.scope.info?.month, sink });
  }
}
