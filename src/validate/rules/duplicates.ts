// Duplicates: a second record with the key of a kind whose key identifies one record (FILE_DUPLICATE_KEY), and a
// row identical to another row of the same user for the kinds of many rows a user (FILE_DUPLICATE_RECORD).
// Rows are compared by hash within a user, wherever the user's rows are in the file; memory is bounded by
// RecentUsers (MAX_REMEMBERED_ROWS), whose users the receiver's per-user rule also judges.
import { RECORD_KEYS, type RecordKeySpec } from '../../../spec-tables/record-keys.js';
import { issue } from '../../rules/index.js';
import { layoutKindOf, type Layout } from '../../spec.js';
import { fieldRef } from '../layout-fields.js';
import { RowHasher } from '../recent-users.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';
import type { ReceiverUsers } from './receiver.js';

/** A layout's record key, compiled once: the spec's key fields and where each is in the record (-1: absent). */
interface KeyPlan {
  readonly spec: RecordKeySpec;
  readonly at: readonly number[];
}

const plans = new WeakMap<Layout, KeyPlan>();

function keyPlanOf(layout: Layout): KeyPlan {
  let plan = plans.get(layout);
  if (!plan) {
    const spec: RecordKeySpec = RECORD_KEYS[layoutKindOf(layout.kind)];
    const index = new Map(layout.fields.map((f, i) => [f.key, i]));
    plan = { spec, at: spec.key.map((k) => index.get(k) ?? -1) };
    plans.set(layout, plan);
  }
  return plan;
}

export class DuplicateRule implements FileRule {
  /** Each key of a kind whose key is unique, with the line of its record. */
  private readonly keys = new Map<string, number>();
  /** The last record's key, its layout and its key values: rows of one user come together, the key is not made again. */
  private lastKey = '';
  private lastLayout: Layout | undefined;
  private lastValues: string[] = [];
  private readonly hasher = new RowHasher();
  /** The line of the last row found identical to an earlier one (read by the plan-hierarchy rule). */
  private duplicateLine = 0;

  constructor(
    private readonly scope: FileScope,
    private readonly receiverUsers: ReceiverUsers,
  ) {}

  /** The record's key: its key fields' values joined with U+0000. */
  private keyOf(values: readonly string[], layout: Layout, plan: KeyPlan): string {
    const at = plan.at;
    const last = this.lastValues;
    let same = layout === this.lastLayout;
    for (let j = 0; j < at.length && same; j++) same = (at[j]! < 0 ? '' : (values[at[j]!] ?? '')) === last[j];
    if (same) return this.lastKey;
    const parts = at.map((i) => (i < 0 ? '' : (values[i] ?? '')));
    this.lastLayout = layout;
    this.lastValues = parts;
    this.lastKey = parts.join('\u0000');
    return this.lastKey;
  }

  onRecord(seen: SeenRecord): void {
    const { record, values, layout, line } = seen;
    const sink = this.scope.sink;
    const plan = keyPlanOf(layout);
    const keySpec = plan.spec;
    const key = this.keyOf(values, layout, plan);
    if (keySpec.unique) {
      const first = this.keys.get(key);
      if (first === undefined) this.keys.set(key, line);
      else if (sink.take('FILE_DUPLICATE_KEY')) {
        // Counted first: past the cap, the fields are not looked up.
        const fields = keySpec.key.map((k) => {
          const f = fieldRef(layout, k);
          return { no: f?.no ?? 0, name: f?.name ?? k };
        });
        sink.keep(issue('FILE_DUPLICATE_KEY', { fields, firstLine: first }, { ...seen.where, value: keySpec.key.map((k) => record[k] ?? '').join(',') }));
      }
      return;
    }
    const user = this.receiverUsers.userOf(key, seen);
    const first = this.receiverUsers.users.seen(user, this.hasher.hash(values, layout.fields.length), line);
    if (first !== undefined) {
      this.duplicateLine = line;
      sink.add(issue('FILE_DUPLICATE_RECORD', { firstLine: first }, seen.where));
    }
  }

  /** Whether the row at `line` was found identical to an earlier row (FILE_DUPLICATE_RECORD). */
  isDuplicate(line: number): boolean {
    return this.duplicateLine === line;
  }
}
