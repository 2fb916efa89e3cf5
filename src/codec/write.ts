// Writing spec CSV files: MS932, CRLF, free text always quoted, other fields never. A character MS932
// cannot hold is refused (default) or substituted from a documented table — never written as `?`.
import { expectArguments, RECORDS, STRING, WRITE_OPTIONS } from '../arguments.js';
import { type Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import type { MessageParams } from '../messages/catalogue.js';
import { issue as draft, type AnyIssueDraft } from '../rules/draft.js';
import { getLayout, type Field, type FileKind } from '../spec.js';
import { codePointLabel, encodeMs932, isAscii, isEncodable } from './ms932.js';
import { BREAKS_UNQUOTED_FIELD, CONTROL_CHARACTER, CONTROL_CHARACTER_IN_FREE_TEXT } from '../../spec-tables/characters.js';
import { substitutionTable } from './substitutions.js';

export interface WriteOptions {
  /** The CSVバージョン to write; every record's csvVersion must equal it. */
  readonly csvVersion: string;
  /** What to do with a character MS932 cannot hold: refuse the record (default) or substitute. */
  readonly unmappable?: 'error' | 'substitute';
  /** Extra or overriding substitutions (one character → its replacement), e.g. `{ '𠮷': '吉' }`. */
  readonly substitutions?: Readonly<Record<string, string>>;
  /** Name used in issues. */
  readonly file?: string;
  /**
   * The record number of the first record (default 1), in issues and substitutions: a file written in parts
   * (writeSendUnit writes a few hundred records at a time, so that what it builds dies young) numbers its
   * records as one file.
   */
  readonly firstRecord?: number;
}

export interface Substitution {
  /** Record index (1-based) in the input. */
  readonly record: number;
  readonly field: { readonly no: number; readonly key: string; readonly name: string };
  readonly from: string;
  readonly to: string;
  /** How many times it was substituted in this field. */
  readonly count: number;
}

export interface WriteResult {
  readonly bytes: Uint8Array;
  readonly issues: Issue[];
  readonly substitutions: Substitution[];
  /** Records written; a refused record is reported in `issues` and left out. */
  readonly written: number;
}

// Which values take the fast path: printable ASCII that is written as it is (CR/LF too inside free text).
// Anything else — non-ASCII, a quote or comma in a bare field, a control character — is looked at closely.
const PLAIN_BARE = /[^\x20\x21\x23-\x2B\x2D-\x7E]/;
const PLAIN_QUOTED = /[^\x20-\x7E\r\n]/;

/**
 * A field as written: free text quoted with `"` doubled, any other field bare. Undefined when what is written
 * would not read back as exactly this one field of this one record (a quote, comma or line break in a bare
 * field) or would hold a control character. The writer's last word on every value changed on the way (by
 * substitution), so that nothing done after the checks on the value given can alter the fields and records
 * written; a value written as given passed the same conditions (the fast path's, or closeLook's).
 */
export function encodeField(value: string, quoted: boolean): string | undefined {
  if (!quoted) return BREAKS_UNQUOTED_FIELD.test(value) ? undefined : value;
  if (CONTROL_CHARACTER_IN_FREE_TEXT.test(value)) return undefined;
  return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
}

type FieldRef = Substitution['field'];
const ref = (f: Field): FieldRef => ({ no: f.no, key: f.key, name: f.name });
/** The writer's refusals: their params but the record's number, which `refuse` adds. */
type RefusalCode = 'WRITE_UNMAPPABLE_CHAR' | 'WRITE_MISSING_FIELD' | 'WRITE_UNKNOWN_FIELD' | 'WRITE_NOT_A_RECORD' | 'WRITE_CONTROL_CHAR' | 'WRITE_UNSAFE_VALUE' | 'WRITE_CSV_VERSION_MISMATCH';
type Refuse = <C extends RefusalCode>(code: C, params: Omit<MessageParams[C], 'record'>, field?: Field, value?: string) => void;
const nameOf = (f: Field) => ({ no: f.no, name: f.name });

/**
 * Write records of `kind` as a spec CSV file. Records are objects keyed by the layout's field keys (see
 * `recordSchema`); only a record's own properties are read, and any other key is refused. Returns the bytes of
 * every record that could be written exactly, and an issue for each record refused; never throws on bad data.
 */
export function writeCsvFile(kind: FileKind, records: readonly Record<string, unknown>[], options: WriteOptions): WriteResult {
  expectArguments('writeCsvFile', [['kind', kind, STRING], ['records', records, RECORDS], ['options', options, WRITE_OPTIONS]]);
  const file = options.file;
  const layout = getLayout(kind, options.csvVersion);
  if (!layout) {
    const issue = toIssue(draft('WRITE_NO_LAYOUT', { kind, csvVersion: options.csvVersion }, { file }));
    return { bytes: new Uint8Array(0), issues: [issue], substitutions: [], written: 0 };
  }
  const table = substitutionTable(options.substitutions, file);
  const issues: Issue[] = [...table.issues];
  const substitutions: Substitution[] = [];
  const lines: string[] = [];
  const fields = layout.fields;
  const keys = new Set(fields.map((f) => f.key));
  const quoted = fields.map((f) => f.format === 'freeText');
  const substitute = options.unmappable === 'substitute' ? table.map : undefined;
  const first = options.firstRecord ?? 1;

  records.forEach((input, i) => {
    const record = i + first;
    const problems: Issue[] = [];
    const made: Substitution[] = [];
    const refuse: Refuse = (code, params, field, value) => {
      const where = { file, record, field: field ? ref(field) : undefined, value };
      problems.push(toIssue(draft(code, { ...params, record } as MessageParams[typeof code], where) as AnyIssueDraft));
    };
    if (typeof input !== 'object' || input === null) {
      refuse('WRITE_NOT_A_RECORD', {});
      issues.push(...problems);
      return;
    }
    const complete = ownKeysAreFields(input, keys, fields.length, refuse);
    let line = '';
    for (let n = 0; n < fields.length; n++) {
      const f = fields[n]!;
      // Every field key is an own property when `complete` (checked above); otherwise ask, so that nothing
      // is ever read from the prototype chain.
      const raw = complete || Object.hasOwn(input, f.key) ? (input as Record<string, unknown>)[f.key] : undefined;
      let cell: string | undefined;
      if (typeof raw === 'string' && f.format !== 'csvVersion' && !(quoted[n] ? PLAIN_QUOTED : PLAIN_BARE).test(raw)) {
        cell = quoted[n] ? `"${raw.includes('"') ? raw.replaceAll('"', '""') : raw}"` : raw; // the common case
      } else {
        cell = closeLook(raw, f, quoted[n]!, layout.csvVersion, substitute, made, record, refuse);
      }
      if (n > 0) line += ',';
      line += cell ?? '';
    }
    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    substitutions.push(...made);
    for (const s of made) {
      const params = { record, field: { no: s.field.no, name: s.field.name }, from: s.from, to: s.to, codePoint: codePointLabel(s.from), count: s.count };
      issues.push(toIssue(draft('WRITE_SUBSTITUTED', params, { file, record, field: s.field, value: s.from })));
    }
    lines.push(line);
  });

  // The spec's dialect, written directly: every line above has exactly the layout's fields (each cell is
  // plain or passed encodeField) and CRLF ends every record. csv-stringify was measured at under half this
  // speed for per-field quoting (docs/performance.md).
  const text = lines.length ? `${lines.join('\r\n')}\r\n` : '';
  return { bytes: encodeMs932(text), issues, substitutions, written: lines.length };
}

/**
 * Refuses every key that is not a field of the layout: own keys (`__proto__` and `constructor` given as data
 * included), and enumerable keys a record inherits from a prototype other than Object's (their values are
 * never read). True when the own keys are exactly the layout's fields, so that each can be read directly.
 */
function ownKeysAreFields(input: object, keys: ReadonlySet<string>, count: number, refuse: Refuse): boolean {
  const own = Object.keys(input);
  let unknown = false;
  for (const key of own) {
    if (keys.has(key)) continue;
    unknown = true;
    refuse('WRITE_UNKNOWN_FIELD', { key, inherited: false }, undefined, key);
  }
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) {
    for (const key in input) {
      if (Object.hasOwn(input, key)) continue;
      refuse('WRITE_UNKNOWN_FIELD', { key, inherited: true }, undefined, key);
    }
  }
  return !unknown && own.length === count;
}

/** A value off the fast path: every check, substitution, then encodeField. Undefined when refused. */
function closeLook(
  raw: unknown,
  f: Field,
  quoted: boolean,
  csvVersion: string,
  substitute: ReadonlyMap<string, string> | undefined,
  made: Substitution[],
  record: number,
  refuse: Refuse,
): string | undefined {
  if (typeof raw !== 'string') {
    refuse('WRITE_MISSING_FIELD', { field: nameOf(f) }, f);
    return undefined;
  }
  if (f.format === 'csvVersion' && raw !== csvVersion) {
    refuse('WRITE_CSV_VERSION_MISMATCH', { field: nameOf(f), value: raw, csvVersion }, f, raw);
    return undefined;
  }
  let refused = false;
  // CR and LF are line breaks: kept in free text, WRITE_UNSAFE_VALUE in a bare field (below).
  if (CONTROL_CHARACTER_IN_FREE_TEXT.test(raw)) {
    const controls = new Set<string>();
    for (const ch of raw) if (CONTROL_CHARACTER_IN_FREE_TEXT.test(ch)) controls.add(ch);
    for (const ch of controls) refuse('WRITE_CONTROL_CHAR', { field: nameOf(f), char: ch.charCodeAt(0) }, f, raw);
    refused = true;
  }
  if (!quoted && /[",\r\n]/.test(raw)) {
    refuse('WRITE_UNSAFE_VALUE', { field: nameOf(f) }, f, raw);
    refused = true;
  }
  const value = mapToMs932(raw, f, substitute, made, record, refuse);
  if (value === undefined || refused) return undefined;
  // The checks above looked at the value given; what substitution made of it gets the same look again.
  const cell = value === raw ? (quoted ? `"${raw.includes('"') ? raw.replaceAll('"', '""') : raw}"` : raw) : encodeField(value, quoted);
  if (cell === undefined) {
    // Unreachable while the substitution table is checked (substitutionTable): the last guard, not the first.
    refuse('WRITE_UNSAFE_VALUE', { field: nameOf(f), substituted: value }, f, value);
  }
  return cell;
}

/**
 * The value with unmappable characters substituted (when a table is given), or undefined when one is refused.
 * Control characters are left in place: the caller refuses them under their own code.
 */
function mapToMs932(
  value: string,
  field: Field,
  table: ReadonlyMap<string, string> | undefined,
  made: Substitution[],
  record: number,
  refuse: Refuse,
): string | undefined {
  if (isAscii(value) || allEncodable(value)) return value;
  let out = '';
  const counts = new Map<string, number>();
  const refused = new Set<string>();
  for (const ch of value) {
    if (isEncodable(ch) || CONTROL_CHARACTER.test(ch)) {
      out += ch;
      continue;
    }
    const to = table?.get(ch);
    if (to !== undefined) {
      out += to;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    } else if (!refused.has(ch)) {
      refused.add(ch);
      refuse('WRITE_UNMAPPABLE_CHAR', { field: nameOf(field), char: ch, codePoint: codePointLabel(ch), table: table !== undefined }, field, value);
    }
  }
  if (refused.size > 0) return undefined;
  for (const [from, count] of counts) made.push({ record, field: ref(field), from, to: table!.get(from)!, count });
  return out;
}

/** Whether every character can be written as is (the common case: no new string is built). */
function allEncodable(value: string): boolean {
  for (const ch of value) if (!isEncodable(ch)) return false;
  return true;
}
