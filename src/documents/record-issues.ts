// The issues of decodeRecord / encodeRecord that are not the field checkers' or the record rules' own: where a
// call's issues go (its Sink, the record rules' context), and the document rules' messages.
import type { Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import { issue, type AnyIssueDraft } from '../rules/index.js';
import type { FieldChecker } from '../schemas/field-rules.js';
import { listEditions, type Layout } from '../spec.js';
import type { RecordContext } from '../validate/record-rules.js';
import type { Compiled } from './compiled-layout.js';

/**
 * Issues of one call, and where they are: the record rules' context, and their sink (every issue is kept and
 * rendered: a call reports everything it finds about one record).
 */
export class Sink implements RecordContext {
  readonly issues: Issue[] = [];
  layout: Layout = undefined as unknown as Layout;
  readonly sink = this;
  constructor(readonly where: Location) {}
  add(draft: AnyIssueDraft): void {
    this.issues.push(toIssue(draft));
  }
}
export type Location = { readonly file?: string; readonly line?: number; readonly record?: number };

/** The location options as an issue location, without the parts not given (issues carry no undefined keys). */
export function locationOf(options: { readonly file?: string | undefined; readonly line?: number | undefined; readonly record?: number | undefined }): Location {
  const where: { file?: string; line?: number; record?: number } = {};
  if (options.file !== undefined) where.file = options.file;
  if (options.line !== undefined) where.line = options.line;
  if (options.record !== undefined) where.record = options.record;
  return where;
}

export function hasError(issues: readonly Issue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
}

/** A value as an issue shows it: strings as they are, anything else in short. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) {
    try {
      const text = JSON.stringify(value);
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    } catch {
      return '[array]';
    }
  }
  return typeof value === 'object' ? '[object]' : `[${typeof value}]`;
}

/** A field checker's problems of one value as located issues (the validator's shape). */
export function pushProblems(sink: Sink, c: Compiled, i: number, value: string, problems: ReturnType<FieldChecker>): boolean {
  let error = false;
  for (const p of problems) {
    if (p.severity === 'error') error = true;
    sink.issues.push({ code: p.code, severity: p.severity, ...sink.where, field: c.refs[i]!, value, params: p.params, message: p.message, messageEn: p.messageEn });
  }
  return error;
}

/** Keys of `input` the layout lacks (own or inherited), each an issue. */
export function unknownKeys(sink: Sink, c: Compiled, input: object): void {
  const plain = Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null;
  for (const key in input) {
    if (c.keySet.has(key) && (plain || Object.hasOwn(input, key))) continue;
    const { kind, csvVersion, nameJa } = c.layout;
    sink.add(issue('DOCUMENT_UNKNOWN_FIELD', { key, kind, csvVersion, layoutName: nameJa }, { ...sink.where, value: key }));
  }
}

export function noLayout(sink: Sink, kind: string, csvVersion: string | undefined): void {
  const params = { kind, served: listEditions().map((e) => e.csvVersion) };
  sink.add(issue('DOCUMENT_NO_LAYOUT', csvVersion === undefined ? params : { ...params, csvVersion }, { ...sink.where, value: csvVersion }));
}


export function notText(sink: Sink, c: Compiled, i: number, text: unknown): void {
  const shown = shownValue(text);
  sink.add(issue('DECODE_NOT_TEXT', { field: nameOf(c, i), shown }, { ...sink.where, field: c.refs[i]!, value: shown }));
}

export function normalised(sink: Sink, c: Compiled, i: number, value: string, canonical: string): void {
  sink.add(issue('DECODE_NORMALISED', { field: nameOf(c, i), value, canonical }, { ...sink.where, field: c.refs[i]!, value }));
}

export function badValue(sink: Sink, c: Compiled, i: number, value: unknown): void {
  const field = c.fields[i]!;
  const shown = shownValue(value);
  const params = { field: nameOf(c, i), shown, format: field.format, ...(field.codeTable !== undefined && field.format === 'code' ? { codeTable: field.codeTable } : {}) };
  const nullText = c.nullTexts[i];
  sink.add(issue('ENCODE_BAD_VALUE', nullText !== undefined ? { ...params, nullText } : params, { ...sink.where, field: c.refs[i]!, value: shown }));
}

/** A value the layout's field `i` cannot be read as (decodeRecord): the field checker had nothing to say. */
export function unreadable(sink: Sink, c: Compiled, i: number, value: string): void {
  sink.add(issue('FIELD_FORMAT', { field: nameOf(c, i), value, readAs: c.fields[i]!.format }, { ...sink.where, field: c.refs[i]!, value }));
}

const nameOf = (c: Compiled, i: number): { no: number; name: string } => ({ no: c.fields[i]!.no, name: c.fields[i]!.name });
