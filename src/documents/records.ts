// Typed records, both ways: decodeRecord (a text record as readCsvFile gives it → a typed record) and
// encodeRecord (a typed record → the text record writeCsvFile writes). Each value goes through its format
// kind's codec (src/schemas/value-codecs.ts); the validator's field checkers and record rules report what is
// wrong, with the validator's codes and messages. Nothing here loads zod: the core entry exports both.
//
// Speed: a layout is compiled once (its codecs, checkers, sentinels, field references); decoding a record is a
// loop over arrays with no closure, no exception and no issue object unless something is to be said.
import { BOOLEAN, expectArguments, NUMBER, OBJECT, optional, shape, STRING } from '../arguments.js';
import { FILE_KIND } from '../spec-arguments.js';
import type { Issue } from '../issues.js';
import { documentRuleIssue } from '../rules/document.js';
import { ruleIssue } from '../rules/index.js';
import { compileFieldChecker, fieldLabel, type FieldChecker } from '../schemas/field-rules.js';
import type { AnyTypedRecord, TypedRecord } from '../schemas/typed-record.js';
import { fieldTyping, INVALID, type ValueCodec } from '../schemas/value-codecs.js';
import { CODE_TABLES, getLayout, type CsvVersion, type Field, type FileKind, type Layout } from '../spec.js';
import { checkRecordRules, type RecordContext } from '../validate/record-rules.js';

/** A text record: each field's text exactly as in the file ('' for an empty field), keyed by field key. */
export type TextRecord = Record<string, string>;

export interface DecodeOptions<V extends CsvVersion = CsvVersion> {
  /** The layout's CSVバージョン; by default the record's own `csvVersion` field. */
  readonly csvVersion?: V | undefined;
  /** Where the record is, for the issues. */
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly record?: number | undefined;
  /**
   * Run the validator's field checkers and record rules (default true). `false` when the records were validated
   * already (validateFiles): a value that cannot be decoded is still reported, with its field checker's issue.
   */
  readonly validate?: boolean | undefined;
}

export interface EncodeOptions<V extends CsvVersion = CsvVersion> {
  /** The CSVバージョン to write (its layout decides the fields). */
  readonly csvVersion: V;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly record?: number | undefined;
  /** Run the validator's field checkers and record rules on the text written (default true). */
  readonly validate?: boolean | undefined;
}

/** EncodeOptions for a CSVバージョン known only at run time (any string: one without a layout is an issue). */
export type LooseEncodeOptions = Omit<EncodeOptions, 'csvVersion'> & { readonly csvVersion: string };

export type DecodeResult<T> = { readonly ok: true; readonly value: T; readonly issues: Issue[] } | { readonly ok: false; readonly issues: Issue[] };
export type EncodeResult = { readonly ok: true; readonly record: TextRecord; readonly issues: Issue[] } | { readonly ok: false; readonly issues: Issue[] };

const LOCATION = { file: optional(STRING), line: optional(NUMBER), record: optional(NUMBER), validate: optional(BOOLEAN) };
const DECODE_OPTIONS = optional(shape('a DecodeOptions object', 'DecodeOptions のオブジェクト', { csvVersion: optional(STRING), ...LOCATION }));
const ENCODE_OPTIONS = shape('an EncodeOptions object (with csvVersion)', 'EncodeOptions のオブジェクト（csvVersion 付き）', { csvVersion: STRING, ...LOCATION });

/** One layout, compiled for decoding and encoding: parallel arrays, index = field position. */
interface Compiled {
  readonly layout: Layout;
  readonly fields: readonly Field[];
  readonly keys: readonly string[];
  readonly keySet: ReadonlySet<string>;
  readonly refs: readonly NonNullable<Issue['field']>[];
  readonly codecs: readonly ValueCodec[];
  readonly checkers: readonly FieldChecker[];
  /** The text `null` stands for, where the field has sentinels. */
  readonly nullTexts: readonly (string | undefined)[];
  readonly sentinels: readonly (readonly string[] | undefined)[];
  /** Kinds with two spellings of one value (integer, rate): decoding compares the text with the canonical one. */
  readonly numeric: readonly boolean[];
}

const compiledLayouts = new WeakMap<Layout, Compiled>();

function compile(layout: Layout): Compiled {
  let c = compiledLayouts.get(layout);
  if (c) return c;
  const fields = layout.fields;
  const typings = fields.map(fieldTyping);
  c = {
    layout,
    fields,
    keys: fields.map((f) => f.key),
    keySet: new Set(fields.map((f) => f.key)),
    refs: fields.map((f) => Object.freeze({ no: f.no, key: f.key, name: f.name })),
    codecs: typings.map((t) => t.codec),
    checkers: fields.map((f) => compileFieldChecker(f, layout.csvVersion)),
    nullTexts: typings.map((t) => t.nullText),
    sentinels: fields.map((f) => f.sentinels),
    numeric: fields.map((f) => f.format === 'integer' || f.format === 'rate'),
  };
  compiledLayouts.set(layout, c);
  return c;
}

/** The last layout looked up: the records of a file share one (no string key built per record). */
let last: { kind: string; csvVersion: string; compiled: Compiled | undefined } = { kind: '', csvVersion: '', compiled: undefined };

function compiledFor(kind: FileKind, csvVersion: string): Compiled | undefined {
  if (last.kind === kind && last.csvVersion === csvVersion) return last.compiled;
  const layout = getLayout(kind, csvVersion);
  last = { kind, csvVersion, compiled: layout && compile(layout) };
  return last.compiled;
}

/** Issues of one call, and where they are: the record rules' context (its `emit` is a method, not a closure). */
interface Sink extends RecordContext {
  readonly issues: Issue[];
  readonly where: Location;
}
type Location = { readonly file?: string; readonly line?: number; readonly record?: number };
function pushIssue(this: Sink, issue: Issue): void {
  this.issues.push(issue);
}

/** The location options as an issue location, without the parts not given (issues carry no undefined keys). */
function locationOf(options: { readonly file?: string | undefined; readonly line?: number | undefined; readonly record?: number | undefined }): Location {
  const where: { file?: string; line?: number; record?: number } = {};
  if (options.file !== undefined) where.file = options.file;
  if (options.line !== undefined) where.line = options.line;
  if (options.record !== undefined) where.record = options.record;
  return where;
}

function hasError(issues: readonly Issue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
}

/** A value as an issue shows it: strings as they are, anything else in short. */
function shownValue(value: unknown): string {
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
function pushProblems(sink: Sink, c: Compiled, i: number, value: string, problems: ReturnType<FieldChecker>): boolean {
  let error = false;
  for (const p of problems) {
    if (p.severity === 'error') error = true;
    sink.issues.push({ code: p.code, severity: p.severity, ...sink.where, field: c.refs[i]!, value, message: p.message, messageEn: p.messageEn });
  }
  return error;
}

/** Keys of `input` the layout lacks (own or inherited), each an issue. */
function unknownKeys(sink: Sink, c: Compiled, input: object): void {
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

function noLayout(sink: Sink, kind: string, csvVersion: string | undefined): void {
  const v = csvVersion === undefined ? '（なし）' : JSON.stringify(csvVersion);
  sink.issues.push(
    documentRuleIssue(
      'DOCUMENT_NO_LAYOUT',
      `${kind} には CSVバージョン ${v} のレイアウトがありません（このライブラリが扱うのは 202407・202504・202208）。`,
      `${kind} has no layout for CSV version ${csvVersion === undefined ? '(none)' : v} (served: 202407, 202504, 202208).`,
      { ...sink.where, value: csvVersion },
    ),
  );
}

/**
 * Decode a text record (as readCsvFile gives it) into a typed record: dates 'YYYY-MM-DD', months 'YYYY-MM', times
 * 'HH:MM', sentinels (9999, 00000000, 000000) null, integers and rates numbers, 日割対象日 the sorted day
 * numbers, codes and text as strings; an empty field is absent. Issues are the validator's (FIELD_*, RECORD_*),
 * plus DECODE_NORMALISED (info) for a value spelt in a non-canonical way. `ok` is false when an issue is an
 * error. Never throws on bad data; throws a TypeError when an argument is of the wrong type.
 */
export function decodeRecord<K extends FileKind, V extends CsvVersion = CsvVersion>(
  kind: K,
  textRecord: Readonly<Record<string, unknown>>,
  options?: DecodeOptions<V>,
): DecodeResult<TypedRecord<K, V>>;
export function decodeRecord(kind: FileKind, textRecord: Readonly<Record<string, unknown>>, options?: DecodeOptions): DecodeResult<AnyTypedRecord> {
  expectArguments('decodeRecord', [['kind', kind, FILE_KIND], ['textRecord', textRecord, OBJECT], ['options', options, DECODE_OPTIONS]]);
  const sink: Sink = {
    issues: [],
    where: options ? locationOf(options) : {},
    emit: pushIssue,
    layout: undefined as unknown as Layout,
  };
  const own = textRecord.csvVersion;
  const csvVersion = options?.csvVersion ?? (typeof own === 'string' ? own : undefined);
  const c = csvVersion === undefined ? undefined : compiledFor(kind, csvVersion);
  if (!c) {
    noLayout(sink, kind, csvVersion);
    return { ok: false, issues: sink.issues };
  }
  (sink as { layout: Layout }).layout = c.layout;
  const validate = options?.validate !== false;
  unknownKeys(sink, c, textRecord);
  const out: Record<string, unknown> = {};
  let strings = true;
  let complete = true;
  for (let i = 0; i < c.keys.length; i++) {
    const key = c.keys[i]!;
    let text = textRecord[key];
    if (text === undefined) {
      text = '';
      complete = false;
    } else if (typeof text !== 'string') {
      strings = false;
      const label = fieldLabel(c.fields[i]!);
      sink.issues.push(
        documentRuleIssue('DECODE_NOT_TEXT', `${label.ja} の値が文字列ではありません（${shownValue(text)}）。テキストレコードの値はファイルの文字列そのままです。`,
          `${label.en}: the value is not a string (${shownValue(text)}); a text record holds each field's text as in the file.`,
          { ...sink.where, field: c.refs[i]!, value: shownValue(text) }),
      );
      continue;
    }
    const value = text as string;
    let failed = false;
    if (validate) {
      const problems = c.checkers[i]!(value);
      if (problems.length !== 0) failed = pushProblems(sink, c, i, value, problems);
    }
    if (value === '' || failed) continue;
    if (c.nullTexts[i] !== undefined && c.sentinels[i]!.includes(value)) {
      out[key] = null;
      continue;
    }
    const field = c.fields[i]!;
    const typed = c.codecs[i]!.decode(value, field);
    if (typed === INVALID) {
      // Not a value of its kind: the field checker says why (run here when validation is off).
      if (validate || !pushProblems(sink, c, i, value, c.checkers[i]!(value))) {
        const label = fieldLabel(field);
        sink.issues.push(ruleIssue('FIELD_FORMAT', `${label.ja} の値 ${JSON.stringify(value)} は${c.codecs[i]!.ja}に読み替えられません。`,
          `${label.en}: ${JSON.stringify(value)} cannot be read as ${c.codecs[i]!.en}.`, { ...sink.where, field: c.refs[i]!, value }));
      }
      continue;
    }
    if (c.numeric[i]) {
      const canonical = c.codecs[i]!.encode(typed, field);
      if (canonical !== value) normalised(sink, c, i, value, String(canonical));
    }
    out[key] = typed;
  }
  if (validate && strings) {
    // Record rules read text; a record built by hand may lack keys (each read as empty).
    const text = complete ? (textRecord as TextRecord) : Object.fromEntries(c.keys.map((k) => [k, (textRecord[k] as string | undefined) ?? '']));
    checkRecordRules(text, sink);
  }
  if (!strings || hasError(sink.issues)) return { ok: false, issues: sink.issues };
  return { ok: true, value: out as AnyTypedRecord, issues: sink.issues };
}

function normalised(sink: Sink, c: Compiled, i: number, value: string, canonical: string): void {
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

/**
 * Encode a typed record into the text record of `kind` in `options.csvVersion` (every field of the layout, ''
 * where the typed record leaves a field out). A value that does not fit its field is an ENCODE_BAD_VALUE error;
 * the text is then checked as the validator checks a record (FIELD_*, RECORD_*). `ok` is false when an issue is
 * an error. Never throws on bad data; throws a TypeError when an argument is of the wrong type.
 */
export function encodeRecord<K extends FileKind, V extends CsvVersion>(kind: K, typed: TypedRecord<K, V>, options: EncodeOptions<V>): EncodeResult;
export function encodeRecord(kind: FileKind, typed: AnyTypedRecord, options: LooseEncodeOptions): EncodeResult;
export function encodeRecord(kind: FileKind, typed: AnyTypedRecord, options: LooseEncodeOptions): EncodeResult {
  expectArguments('encodeRecord', [['kind', kind, FILE_KIND], ['typed', typed, OBJECT], ['options', options, ENCODE_OPTIONS]]);
  const sink: Sink = {
    issues: [],
    where: locationOf(options),
    emit: pushIssue,
    layout: undefined as unknown as Layout,
  };
  const c = compiledFor(kind, options.csvVersion);
  if (!c) {
    noLayout(sink, kind, options.csvVersion);
    return { ok: false, issues: sink.issues };
  }
  (sink as { layout: Layout }).layout = c.layout;
  const validate = options.validate !== false;
  unknownKeys(sink, c, typed);
  const record: TextRecord = {};
  let bad = false;
  for (let i = 0; i < c.keys.length; i++) {
    const key = c.keys[i]!;
    const field = c.fields[i]!;
    const value = typed[key];
    let text: string | typeof INVALID;
    if (value === undefined) text = '';
    else if (value === null) text = c.nullTexts[i] ?? INVALID;
    else text = c.codecs[i]!.encode(value, field);
    if (text === INVALID) {
      bad = true;
      badValue(sink, c, i, value);
      record[key] = '';
      continue;
    }
    record[key] = text;
    if (validate) {
      const problems = c.checkers[i]!(text);
      if (problems.length !== 0) pushProblems(sink, c, i, text, problems);
    }
  }
  if (validate && !bad) checkRecordRules(record, sink);
  if (bad || hasError(sink.issues)) return { ok: false, issues: sink.issues };
  return { ok: true, record, issues: sink.issues };
}

function badValue(sink: Sink, c: Compiled, i: number, value: unknown): void {
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
