// What one record says on its own: each field against its own rules (compiled once per layout), then the
// record rules that relate its fields (record-rules.ts).
import { compileFieldDrafts, type FieldDraft, type FieldDraftChecker } from '../../schemas/field-rules.js';
import type { Layout } from '../../spec.js';
import { fieldRef } from '../layout-fields.js';
import type { IssueLocation } from '../../issues.js';
import type { DraftSink, RecordContext } from '../record-context.js';
import { recordRulesOf } from '../record-rules.js';
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

/**
 * What the record rules read besides the record, one object per file: its `where` is the current record's,
 * made only when a rule reports (see CurrentRecord).
 */
class Context implements RecordContext {
  layout: Layout = undefined as unknown as Layout;
  seen: SeenRecord | undefined;

  constructor(
    readonly sink: DraftSink,
    readonly nameMonth: string | undefined,
  ) {}

  get where(): IssueLocation {
    return this.seen!.where;
  }
}

export class RecordChecks implements FileRule {
  /** The layout of the last record, its checkers, and per field the last value and its verdict. */
  private layout: Layout | undefined;
  private checkers: FieldDraftChecker[] = [];
  private lastValues: string[] = [];
  private lastDrafts: (readonly FieldDraft[])[] = [];
  private recordRules: readonly ((r: SeenRecord['record'], ctx: RecordContext) => void)[] = [];
  private readonly ctx: Context;

  constructor(private readonly scope: FileScope) {
    this.ctx = new Context(scope.sink, scope.info?.month);
  }

  onRecord(seen: SeenRecord): void {
    const { record, values, layout } = seen;
    const sink = this.scope.sink;
    if (layout !== this.layout) {
      this.layout = layout;
      this.checkers = checkersOf(layout);
      this.lastValues = [];
      this.lastDrafts = [];
      this.recordRules = recordRulesOf(layout);
      this.ctx.layout = layout;
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
      const at = { ...seen.where, field: fieldRef(layout, fields[i]!.key), value };
      for (const draft of drafts) sink.add(draft, at);
    }
    const ctx = this.ctx;
    ctx.seen = seen;
    const rules = this.recordRules;
    for (let i = 0; i < rules.length; i++) rules[i]!(record, ctx);
    ctx.seen = undefined;
  }
}
