// Typed records, both ways: decodeRecord (a text record as readCsvFile gives it → a typed record) and
// encodeRecord (a typed record → the text record writeCsvFile writes). Each value goes through its format
// kind's codec (src/schemas/value-codecs.ts); the validator's field checkers and record rules report what is
// wrong, with the validator's codes and messages. Nothing here loads zod: the core entry exports both.
//
// Speed: a layout is compiled once (its codecs, checkers, sentinels, field references); decoding a record is a
// loop over arrays with no closure, no exception and no issue object unless something is to be said.
import { BOOLEAN, expectArguments, NUMBER, OBJECT, optional, shape, STRING } from '../arguments.js';
import { FILE_KIND } from '../spec-arguments.js';
import { recordFactory } from '../codec/record-factory.js';
import type { Issue } from '../issues.js';
import type { AnyTypedRecord, TypedRecord } from '../schemas/typed-record.js';
import { INVALID } from '../schemas/value-codecs.js';
import type { CsvVersion, FileKind } from '../spec.js';
import { checkRecordRules } from '../validate/record-rules.js';
import { compiledFor, isLastKind, MEMO_LIMIT, type Compiled } from './compiled-layout.js';
import { badValue, hasError, locationOf, noLayout, normalised, notText, pushProblems, Sink, unknownKeys, unreadable } from './record-issues.js';

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


// The argument checks of a call per record, made cheap: what expectArguments would accept, tested directly (it
// runs, and throws its TypeError, whenever one of these says no).
const isPlainArgument = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
function decodeOptionsLookRight(o: { readonly [K in keyof DecodeOptions]?: unknown } | undefined): boolean {
  return (
    o === undefined ||
    (isPlainArgument(o) &&
      (o.csvVersion === undefined || typeof o.csvVersion === 'string') &&
      (o.file === undefined || typeof o.file === 'string') &&
      (o.line === undefined || typeof o.line === 'number') &&
      (o.record === undefined || typeof o.record === 'number') &&
      (o.validate === undefined || typeof o.validate === 'boolean'))
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
  if (!(isLastKind(kind) && isPlainArgument(textRecord) && decodeOptionsLookRight(options))) {
    expectArguments('decodeRecord', [['kind', kind, FILE_KIND], ['textRecord', textRecord, OBJECT], ['options', options, DECODE_OPTIONS]]);
  }
  const sink = new Sink(options ? locationOf(options) : {});
  const own = textRecord['csvVersion'];
  const csvVersion = options?.csvVersion ?? (typeof own === 'string' ? own : undefined);
  const c = csvVersion === undefined ? undefined : compiledFor(kind, csvVersion);
  if (!c) {
    noLayout(sink, kind, csvVersion);
    return { ok: false, issues: sink.issues };
  }
  sink.layout = c.layout;
  const validate = options?.validate !== false;
  const out: Record<string, unknown> = {};
  let strings = true;
  let present = 0;
  for (let i = 0; i < c.keys.length; i++) {
    const key = c.keys[i]!;
    let text = textRecord[key];
    if (text === undefined) text = '';
    else if (typeof text !== 'string') {
      present++;
      strings = false;
      notText(sink, c, i, text);
      continue;
    } else present++;
    const value = text as string;
    if (validate) {
      const problems = c.checkers[i]!(value);
      if (problems.length !== 0 && pushProblems(sink, c, i, value, problems)) continue;
    }
    if (value === '') continue;
    if (c.identity[i]) {
      out[key] = value;
      continue;
    }
    const memo = c.memo[i];
    const known = memo?.get(value);
    if (known !== undefined) {
      out[key] = known;
      continue;
    }
    if (c.nullTexts[i] !== undefined && c.sentinels[i]!.includes(value)) {
      out[key] = null;
      continue;
    }
    const typed = decodeValue(sink, c, i, value, validate);
    if (typed === INVALID) continue;
    out[key] = typed;
  }
  // Keys the layout lacks: a plain object with as many keys as fields found has none (no key list built).
  const proto: unknown = Object.getPrototypeOf(textRecord);
  if ((proto !== Object.prototype && proto !== null) || keyCount(textRecord) !== present) unknownKeys(sink, c, textRecord);
  const complete = present === c.keys.length;
  if (validate && strings) {
    // Record rules read text; a record built by hand may lack keys (each read as empty).
    const text = complete ? (textRecord as TextRecord) : Object.fromEntries(c.keys.map((k) => [k, (textRecord[k] as string | undefined) ?? '']));
    checkRecordRules(text, sink);
  }
  if (!strings || hasError(sink.issues)) return { ok: false, issues: sink.issues };
  return { ok: true, value: out as AnyTypedRecord, issues: sink.issues };
}

/** The number of enumerable keys of a plain object, without building their list. */
function keyCount(input: object): number {
  let n = 0;
  for (const key in input) if (key !== undefined) n++;
  return n;
}

/** A typed value (not null) as text, or INVALID; strings and numbers are remembered per field. */
function encodeValue(c: Compiled, i: number, value: unknown): string | typeof INVALID {
  const memo = c.encodeMemo[i];
  if (memo === undefined || (typeof value !== 'string' && typeof value !== 'number')) return c.codecs[i]!.encode(value, c.fields[i]!);
  const known = memo.get(value);
  if (known !== undefined) return known;
  const text = c.codecs[i]!.encode(value, c.fields[i]!);
  if (text !== INVALID) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, text);
  }
  return text;
}

/** A non-empty, non-sentinel text decoded by its field's codec (remembered when canonical), or INVALID, said. */
function decodeValue(sink: Sink, c: Compiled, i: number, value: string, validate: boolean): string | number | number[] | typeof INVALID {
  const field = c.fields[i]!;
  const codec = c.codecs[i]!;
  const typed = codec.decode(value, field);
  if (typed === INVALID) {
    // Not a value of its kind: the field checker says why (run here when validation is off).
    if (validate || !pushProblems(sink, c, i, value, c.checkers[i]!(value))) {
      unreadable(sink, c, i, value);
    }
    return INVALID;
  }
  if (c.numeric[i]) {
    const canonical = String(codec.encode(typed, field));
    if (canonical !== value) {
      normalised(sink, c, i, value, canonical);
      return typed; // not remembered: the note is due every time
    }
  }
  const memo = c.memo[i];
  if (memo !== undefined && !Array.isArray(typed)) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, typed);
  }
  return typed;
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
  if (!(isLastKind(kind) && isPlainArgument(typed) && isPlainArgument(options) && typeof options.csvVersion === 'string' && decodeOptionsLookRight(options))) {
    expectArguments('encodeRecord', [['kind', kind, FILE_KIND], ['typed', typed, OBJECT], ['options', options, ENCODE_OPTIONS]]);
  }
  const sink = new Sink(locationOf(options));
  const c = compiledFor(kind, options.csvVersion);
  if (!c) {
    noLayout(sink, kind, options.csvVersion);
    return { ok: false, issues: sink.issues };
  }
  sink.layout = c.layout;
  const validate = options.validate !== false;
  const cells = new Array<string>(c.keys.length);
  let bad = false;
  let present = 0;
  for (let i = 0; i < c.keys.length; i++) {
    const value = typed[c.keys[i]!];
    let text: string | typeof INVALID;
    if (value === undefined) text = '';
    else {
      present++;
      text = value === null ? (c.nullTexts[i] ?? INVALID) : encodeValue(c, i, value);
    }
    if (text === INVALID) {
      bad = true;
      badValue(sink, c, i, value);
      cells[i] = '';
      continue;
    }
    cells[i] = text;
    if (validate) {
      const problems = c.checkers[i]!(text);
      if (problems.length !== 0) pushProblems(sink, c, i, text, problems);
    }
  }
  const proto: unknown = Object.getPrototypeOf(typed);
  if ((proto !== Object.prototype && proto !== null) || keyCount(typed) !== present) unknownKeys(sink, c, typed);
  // The same object shape as the records readCsvFile gives (one factory per layout).
  const record = recordFactory(c.layout)(cells);
  if (validate && !bad) checkRecordRules(record, sink);
  if (bad || hasError(sink.issues)) return { ok: false, issues: sink.issues };
  return { ok: true, record, issues: sink.issues };
}
