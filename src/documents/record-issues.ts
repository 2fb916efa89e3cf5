// The issues of decodeRecord / encodeRecord that are not the field checkers' or the record rules' own: where a
// call's issues go (its Sink, the record rules' context), and the document rules' messages.
import type { Issue } from '../issues.js';
import { documentRuleIssue } from '../rules/document.js';
import { fieldLabel, type FieldChecker } from '../schemas/field-rules.js';
import { CODE_TABLES, listEditions, type Field } from '../spec.js';
import type { RecordContext } from '../validate/record-rules.js';
import type { Compiled } from './compiled-layout.js';

/** Issues of one call, and where they are: the record rules' context (its `emit` is a method, not a closure). */
export interface Sink extends RecordContext {
  readonly issues: Issue[];
  readonly where: Location;
}
export type Location = { readonly file?: string; readonly line?: number; readonly record?: number };
export function pushIssue(this: Sink, issue: Issue): void {
  this.issues.push(issue);
}

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
    sink.issues.push({ code: p.code, severity: p.severity, ...sink.where, field: c.refs[i]!, value, message: p.message, messageEn: p.messageEn });
  }
  return error;
}

/** Keys of `input` the layout lacks (own or inherited), each an issue. */
export function unknownKeys(sink: Sink, c: Compiled, input: object): void {
  const plain = Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null;
  for (const key in input) {
    if (c.keySet.has(key) && (plain || Object.hasOwn(input, key))) continue;
    sink.issues.push(
      documentRuleIssue(
        'DOCUMENT_UNKNOWN_FIELD',
        `${c.layout.nameJa}（${c.layout.kind}、CSVバージョン ${c.layout.csvVersion}）のレイアウトにない項目 ${key} があります。`,
        `${key} is not a field of the ${c.layout.kind} layout (CSV version ${c.layout.csvVersion}).`,
        { ...sink.where, value: key },
      ),
    );
  }
}

export function noLayout(sink: Sink, kind: string, csvVersion: string | undefined): void {
  const v = csvVersion === undefined ? '（なし）' : JSON.stringify(csvVersion);
  sink.issues.push(
    documentRuleIssue(
      'DOCUMENT_NO_LAYOUT',
      `${kind} には CSVバージョン ${v} のレイアウトがありません（このライブラリが扱うのは ${listEditions().map((e) => e.csvVersion).join('・')}）。`,
      `${kind} has no layout for CSV version ${csvVersion === undefined ? '(none)' : v} (served: ${listEditions().map((e) => e.csvVersion).join(', ')}).`,
      { ...sink.where, value: csvVersion },
    ),
  );
}



export function notText(sink: Sink, c: Compiled, i: number, text: unknown): void {
  const label = fieldLabel(c.fields[i]!);
  const shown = shownValue(text);
  sink.issues.push(
    documentRuleIssue('DECODE_NOT_TEXT', `${label.ja} の値が文字列ではありません（${shown}）。テキストレコードの値はファイルの文字列そのままです。`,
      `${label.en}: the value is not a string (${shown}); a text record holds each field's text as in the file.`,
      { ...sink.where, field: c.refs[i]!, value: shown }),
  );
}

export function normalised(sink: Sink, c: Compiled, i: number, value: string, canonical: string): void {
  const label = fieldLabel(c.fields[i]!);
  sink.issues.push(
    documentRuleIssue(
      'DECODE_NORMALISED',
      `${label.ja} の値 ${JSON.stringify(value)} は ${canonical} と読みました。書き戻すと ${JSON.stringify(canonical)} になります（値は同じで、綴りだけが変わります）。`,
      `${label.en}: ${JSON.stringify(value)} was read as ${canonical}; it is written back as ${JSON.stringify(canonical)} (the same value, spelt canonically).`,
      { ...sink.where, field: c.refs[i]!, value },
    ),
  );
}

export function badValue(sink: Sink, c: Compiled, i: number, value: unknown): void {
  const field = c.fields[i]!;
  const label = fieldLabel(field);
  const codec = c.codecs[i]!;
  const shown = shownValue(value);
  const nullable = c.nullTexts[i] !== undefined ? { ja: `、または null（${c.nullTexts[i]}）`, en: `, or null (${c.nullTexts[i]})` } : { ja: '', en: '' };
  const codes = field.codeTable !== undefined && field.format === 'code' ? codeList(field) : { ja: '', en: '' };
  sink.issues.push(
    documentRuleIssue(
      'ENCODE_BAD_VALUE',
      `${label.ja} の値 ${shown} は書けません。${codec.ja}${codes.ja}${nullable.ja}を指定してください（空の項目はプロパティを省きます）。`,
      `${label.en}: ${shown} cannot be written; it must be ${codec.en}${codes.en}${nullable.en} (leave the property out for an empty field).`,
      { ...sink.where, field: c.refs[i]!, value: shown },
    ),
  );
}

function codeList(field: Field): { ja: string; en: string } {
  const layoutTable = field.codeTable;
  const table = layoutTable === undefined ? undefined : CODE_LISTS.get(layoutTable);
  return table ?? { ja: '', en: '' };
}

const CODE_LISTS = new Map(
  Object.values(CODE_TABLES).map((t) => [
    t.id as string,
    { ja: `：${t.entries.map(([c, l]) => `${c}:${l}`).join('、')}`, en: ` (${t.entries.map(([c]) => c).join(', ')})` },
  ]),
);
