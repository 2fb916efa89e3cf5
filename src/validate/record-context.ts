// What every record rule works with: the record, its context (layout, location, where issues go), the field
// references and the issue builder they share. Split from record-rules.ts so that rule modules stay small.
import type { IssueLocation } from '../issues.js';
import type { MessageParams } from '../messages/catalogue.js';
import type { Field, Layout } from '../spec.js';
import { issue, type AnyIssueDraft, type RuleCode } from '../rules/index.js';
import type { TextRecord } from './text-record.js';

export type Rec = TextRecord;

/** Where a record's issues go: the file's sink (it caps, gives severities and renders). */
export interface DraftSink {
  add(draft: AnyIssueDraft): unknown;
}

export interface RecordContext {
  readonly layout: Layout;
  readonly where: IssueLocation;
  readonly sink: DraftSink;
  /** The month in the file's name (利用者補足: 000000 ties it to 第1/2表, a month to 第6/7表), when readable. */
  readonly nameMonth?: string | undefined;
}

// Read with character codes rather than patterns: they run for several fields of every record.
const ZERO = 48;

/** Whether v[from, to) are ASCII digits. */
function digits(v: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const d = v.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** YYYYMM with a month 01–12 (as /^\d{4}(0[1-9]|1[0-2])$/). */
export const isMonth = (v: string | undefined): v is string => {
  if (v === undefined || v.length !== 6 || !digits(v, 0, 6)) return false;
  const m = (v.charCodeAt(4) - ZERO) * 10 + v.charCodeAt(5) - ZERO;
  return m >= 1 && m <= 12;
};
/** Eight digits (as /^\d{8}$/). */
export const isDate = (v: string | undefined): v is string => v !== undefined && v.length === 8 && digits(v, 0, 8);
/** HHMM, 00:00–23:59 (as /^([01]\d|2[0-3])[0-5]\d$/). */
export const isTime = (v: string | undefined): v is string => {
  if (v === undefined || v.length !== 4 || !digits(v, 0, 4)) return false;
  return (v.charCodeAt(0) - ZERO) * 10 + v.charCodeAt(1) - ZERO <= 23 && v.charCodeAt(2) - ZERO <= 5;
};

export type FieldRef = Pick<Field, 'no' | 'key' | 'name'>;

const fieldRefs = new WeakMap<Layout, Map<string, FieldRef>>();

export function fieldOf(ctx: RecordContext, key: string): FieldRef {
  let refs = fieldRefs.get(ctx.layout);
  if (!refs) fieldRefs.set(ctx.layout, (refs = new Map(ctx.layout.fields.map((f) => [f.key, { no: f.no, key: f.key, name: f.name }]))));
  return refs.get(key)!;
}

/** The field as messages name it (No. and name). */
export const nameOf = (f: FieldRef): { no: number; name: string } => ({ no: f.no, name: f.name });

/** Report an issue of the record, at field `key` (when given) with `value`. */
export function report<C extends RuleCode>(ctx: RecordContext, code: C, key: string | undefined, value: string, params: MessageParams[C], lowered?: boolean): void {
  ctx.sink.add(issue(code, params, { ...ctx.where, field: key ? fieldOf(ctx, key) : undefined, value }, lowered) as AnyIssueDraft);
}
