// A layout compiled once for decoding and encoding typed records: the codec, checker, sentinels and issue
// reference of each field in parallel arrays (index = field position), so that a record is a loop over arrays.
import { compileFieldChecker, type FieldChecker } from '../schemas/field-rules.js';
import { fieldTyping, VALUE_CODECS, type ValueCodec } from '../schemas/value-codecs.js';
import { getLayout, type Field, type FileKind, type Layout } from '../spec.js';
import type { Issue } from '../issues.js';

/** One layout, compiled for decoding and encoding: parallel arrays, index = field position. */
export interface Compiled {
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
  /** Kinds whose typed value is the text itself (identifiers, free text): nothing to decode. */
  readonly identity: readonly boolean[];
  /**
   * Decoded values of canonical texts, per field whose typed value is a string or number (dates, times, codes,
   * integers…): identifiers and dates repeat across records, so each distinct text is decoded once. Bounded.
   */
  readonly memo: readonly (Map<string, string | number> | undefined)[];
  /** The same the other way: the text of each distinct typed value already encoded, for the same fields. */
  readonly encodeMemo: readonly (Map<string | number, string> | undefined)[];
}

/** Distinct texts remembered per field before the memo starts again (as the field checkers do). */
export const MEMO_LIMIT = 4096;

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
    identity: typings.map((t) => t.codec === VALUE_CODECS.freeText),
    // Not 日割対象日: its typed value is an array, a fresh one per record (a caller may change it).
    memo: fields.map((f, i) => (typings[i]!.codec === VALUE_CODECS.freeText || f.format === 'dayMask31' ? undefined : new Map())),
    encodeMemo: fields.map((f, i) => (typings[i]!.codec === VALUE_CODECS.freeText || f.format === 'dayMask31' ? undefined : new Map())),
  };
  compiledLayouts.set(layout, c);
  return c;
}

/** The last layout looked up: the records of a file share one (no string key built per record). */
// Starts with a kind no argument can equal (a wrong kind must never pass for the last one: see isLastKind).
let last: { kind: string | symbol; csvVersion: string; compiled: Compiled | undefined } = { kind: Symbol('none'), csvVersion: '', compiled: undefined };

export function compiledFor(kind: FileKind, csvVersion: string): Compiled | undefined {
  if (last.kind === kind && last.csvVersion === csvVersion) return last.compiled;
  const layout = getLayout(kind, csvVersion);
  last = { kind, csvVersion, compiled: layout && compile(layout) };
  return last.compiled;
}

/** Whether `kind` is that of the last layout looked up (so it passed an argument check already). */
export function isLastKind(kind: unknown): boolean {
  return kind === last.kind;
}

