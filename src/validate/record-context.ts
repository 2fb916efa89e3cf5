// What every record rule works with: the record, its context (layout, location, where issues go), the field
// references and the issue builder they share. Split from record-rules.ts so that rule modules stay small.
import type { Issue, IssueLocation } from '../issues.js';
import type { Field, Layout } from '../spec.js';
import { ruleIssue, type RuleCode } from '../rules/index.js';
import type { TextRecord } from './text-record.js';

export type Rec = TextRecord;
export type Emit = (issue: Issue) => void;

export interface RecordContext {
  readonly layout: Layout;
  readonly where: IssueLocation;
  readonly emit: Emit;
  /** The month in the file's name (利用者補足: 000000 ties it to 第1/2表, a month to 第6/7表), when readable. */
  readonly nameMonth?: string | undefined;
  /** Counts one issue of `code` and says whether it is kept: one over the file's cap is not built at all. */
  readonly take?: (code: RuleCode) => boolean;
}

export const isMonth = (v: string | undefined): v is string => v !== undefined && /^\d{4}(0[1-9]|1[0-2])$/.test(v);
export const isDate = (v: string | undefined): v is string => v !== undefined && /^\d{8}$/.test(v);
export const isTime = (v: string | undefined): v is string => v !== undefined && /^([01]\d|2[0-3])[0-5]\d$/.test(v);

export type FieldRef = Pick<Field, 'no' | 'key' | 'name'>;

const fieldRefs = new WeakMap<Layout, Map<string, FieldRef>>();

export function fieldOf(ctx: RecordContext, key: string): FieldRef {
  let refs = fieldRefs.get(ctx.layout);
  if (!refs) fieldRefs.set(ctx.layout, (refs = new Map(ctx.layout.fields.map((f) => [f.key, { no: f.no, key: f.key, name: f.name }]))));
  return refs.get(key)!;
}

export function emit(ctx: RecordContext, code: RuleCode, key: string | undefined, value: string, ja: string, en: string): void {
  if (ctx.take && !ctx.take(code)) return;
  ctx.emit(ruleIssue(code, ja, en, { ...ctx.where, field: key ? fieldOf(ctx, key) : undefined, value }));
}

export const fieldRefJa = (f: FieldRef): string => `${f.name}（No.${f.no}）`;
export const fieldRefEn = (f: FieldRef): string => `No.${f.no} ${f.name}`;
