// Field rules derived from the spec tables: one compiled checker per field, built once per layout.
// A checker looks at one field's text exactly as it appears in the file and lists what is wrong with it.
import { expectArguments, optional, STRING } from '../arguments.js';
import { FIELD } from '../spec-arguments.js';
import { isExists } from 'date-fns/isExists';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_IN_FREE_TEXT } from '../../spec-tables/characters.js';
import { FORMATS } from '../../spec-tables/formats.js';
import type { Severity } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import type { FieldName, MessageParams } from '../messages/catalogue.js';
import { controlLabel, fieldEn, fieldJa } from '../messages/labels.js';
import { renderIssue } from '../messages/render.js';
import type { FieldRuleCode } from '../rules/field.js';
import { issue, type AnyIssueDraft } from '../rules/draft.js';
import { getCodeTable, getServiceType, type Field } from '../spec.js';
import { wrongCheckDigit } from '../check-digits.js';

export type { Severity };

/** What is wrong with one field's value. `code` is stable; messages are for people. */
export interface FieldProblem {
  readonly code: FieldProblemCode;
  readonly severity: Severity;
  /** What the messages are rendered from (see MessageParams). */
  readonly params: MessageParams[FieldProblemCode];
  readonly message: string;
  readonly messageEn: string;
}

/** The catalogue's field rules. */
export type FieldProblemCode = FieldRuleCode;

/** Lists the problems of one value; the result is shared when empty: do not modify it. */
export type FieldChecker = (value: string) => readonly FieldProblem[];

/** A field rule's finding, not yet rendered, without location (the caller adds the record's). */
export type FieldDraft = AnyIssueDraft & { readonly code: FieldRuleCode };

/** Lists the drafts of one value's problems; results are shared (per value, and when empty): do not modify them. */
export type FieldDraftChecker = (value: string) => readonly FieldDraft[];

/** How a field is named in messages: No.12「サービス開始時刻」 (ja), No.12 サービス開始時刻 (en). */
export function fieldLabel(field: Pick<Field, 'no' | 'name'>): { ja: string; en: string } {
  return { ja: fieldJa(field), en: fieldEn(field) };
}

/** The field as its issues' params name it. */
const nameOf = (field: Field): FieldName => ({ no: field.no, name: field.name });

/** Semantic checks that a pattern cannot express: whether the (well-formed) value is right. */
function semanticOk(field: Field, value: string, codes: ReadonlySet<string> | undefined): boolean {
  switch (field.format) {
    case 'date':
      return isExists(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)));
    case 'month':
      return isExists(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, 1);
    case 'time':
      return Number(value.slice(0, 2)) <= 23 && Number(value.slice(2, 4)) <= 59;
    case 'code':
      return !codes || codes.has(value);
    case 'serviceTypeCode':
      return getServiceType(value) !== undefined;
    default:
      return true;
  }
}

/** The draft a failed semantic check reports (built only when a value is wrong). */
function semanticProblem(field: Field, value: string): FieldDraft {
  const p = { field: nameOf(field), value };
  switch (field.format) {
    case 'date':
      return issue('FIELD_INVALID_DATE', p);
    case 'month':
      return issue('FIELD_INVALID_MONTH', p);
    case 'time':
      return issue('FIELD_INVALID_TIME', p);
    case 'code':
      return issue('FIELD_UNKNOWN_CODE', { ...p, codeTable: field.codeTable ?? '' });
    default:
      return issue('FIELD_UNKNOWN_SERVICE_TYPE', p);
  }
}

/** Characters, not UTF-16 units: a character outside the BMP (𠮷) counts once. */
function charLength(value: string): number {
  return /[\uD800-\uDBFF]/.test(value) ? [...value].length : value.length;
}

/** Staff open these files in spreadsheet software, which runs a cell starting with these as a formula. */
const FORMULA_PREFIX = /^[=+\-@]/;

export { controlLabel };

/** Shared result of a value with nothing wrong: no allocation per field. */
const NONE: readonly FieldDraft[] = Object.freeze([]);

const rendered = new WeakMap<readonly FieldDraft[], readonly FieldProblem[]>();

/**
 * Compile the checker for one field, its problems rendered (for callers outside the library's reports; the
 * validator takes the drafts, see compileFieldDrafts). `csvVersion`, when given, is the value the CSVバージョン
 * field must hold.
 */
export function compileFieldChecker(field: Field, csvVersion?: string): FieldChecker {
  expectArguments('compileFieldChecker', [['field', field, FIELD], ['csvVersion', csvVersion, optional(STRING)]]);
  const drafts = compileFieldDrafts(field, csvVersion);
  const sink = new IssueSink();
  return (value) => {
    const found = drafts(value);
    if (found.length === 0) return NO_PROBLEMS;
    let problems = rendered.get(found);
    if (!problems) {
      problems = found.map((d) => {
        const { code, severity, params, message, messageEn } = renderIssue(d, sink.severityOf(d.code, d.lowered === true));
        return { code, severity, params, message, messageEn } as unknown as FieldProblem;
      });
      // Drafts of repeated values are shared: so are their renderings.
      rendered.set(found, problems);
    }
    return problems;
  };
}

const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/**
 * Compile the draft checker for one field. `csvVersion`, when given, is the value the CSVバージョン field must
 * hold. Severity follows the spec's certainty: a rule the source leaves uncertain is a warning (a `lowered`
 * draft), never an error.
 */
export function compileFieldDrafts(field: Field, csvVersion?: string): FieldDraftChecker {
  const name = nameOf(field);
  const format = FORMATS[field.format];
  const pattern: RegExp | undefined = 'pattern' in format ? format.pattern : undefined;
  const formatUncertain = field.formatUncertain !== undefined;
  const control = field.format === 'freeText' ? CONTROL_CHARACTER_IN_FREE_TEXT : CONTROL_CHARACTER;
  const patterned = pattern !== undefined && field.format !== 'freeText';
  const sentinels = new Set(field.sentinels ?? []);
  const requiredUncertain = field.requiredUncertain !== undefined;
  const lengthUncertain = field.lengthUncertain !== undefined;
  const exactLength = format.lengthRule === 'exact' && field.length !== null;
  const table = field.codeTable ? getCodeTable(field.codeTable) : undefined;
  const codes = table ? new Set(table.entries.map(([c]) => c)) : undefined;
  // A check digit where the format kind states one, except on the values the notes fix (ALL9 of 第7表).
  const checkDigit = 'checkDigit' in format ? format.checkDigit : undefined;
  const fixedValues = new Set(field.fixedValues ?? []);
  const seen = new Map<string, readonly FieldDraft[]>();
  // The verdict on an empty value never changes: built once (a broken file may have millions of them).
  const empty: readonly FieldDraft[] = field.required ? Object.freeze([issue('FIELD_REQUIRED', { field: name }, undefined, requiredUncertain)]) : NONE;

  return (value) => {
    if (value === '') return empty;
    if (sentinels.has(value)) return NONE;
    if (field.format === 'freeText') return check(value); // unique texts: nothing to remember
    const known = seen.get(value);
    if (known !== undefined) return known;
    const result = check(value);
    // Identifiers, dates and codes repeat across records: remember the verdicts of a bounded set of values.
    if (seen.size >= 4096) seen.clear();
    seen.set(value, result);
    return result;
  };

  function check(value: string): readonly FieldDraft[] {
    if (patterned) {
      // A pattern admits no control character: look for one only when the value already fails, and then
      // report it alone (it is why the value fails).
      const found = checkText(value);
      return found !== NONE && control.test(value) ? [controlProblem(value)] : found;
    }
    // Free text (and code values): one test per value; position and count are looked for only on a hit.
    if (!control.test(value)) return checkText(value);
    return field.format === 'freeText' ? [controlProblem(value), ...checkText(value)] : [controlProblem(value)];
  }

  function controlProblem(value: string): FieldDraft {
    const chars = [...value];
    const at = chars.findIndex((ch) => control.test(ch));
    const count = chars.filter((ch) => control.test(ch)).length;
    return issue('FIELD_CONTROL_CHAR', { field: name, at: at + 1, char: chars[at]!.codePointAt(0)!, count, freeText: field.format === 'freeText' });
  }

  function checkText(value: string): readonly FieldDraft[] {
    if (field.length !== null) {
      // Patterned kinds are ASCII; only free text can hold characters outside the BMP.
      const length = field.format === 'freeText' ? charLength(value) : value.length;
      if (exactLength && length !== field.length) {
        return [issue('FIELD_LENGTH', { field: name, length: field.length, value, actual: length, format: field.format }, undefined, lengthUncertain)];
      }
      if (!exactLength && length > field.length) {
        const tolerated = field.toleratedLength !== undefined && length <= field.toleratedLength;
        return [issue('FIELD_TOO_LONG', { field: name, length: field.length, value, actual: length }, undefined, field.toleratedLength === undefined ? lengthUncertain : tolerated)];
      }
    }
    if (field.format === 'freeText' && FORMULA_PREFIX.test(value)) {
      return [issue('FIELD_FORMULA_PREFIX', { field: name, prefix: value[0]! })];
    }
    if (pattern && !pattern.test(value)) {
      // Where the spec gives only a length and an example, another shape is a warning, not an error.
      const params = { field: name, value, format: field.format, sentinels: field.sentinels ?? [], uncertain: formatUncertain };
      return [issue('FIELD_FORMAT', params, undefined, formatUncertain)];
    }
    if (field.format === 'csvVersion' && csvVersion !== undefined && value !== csvVersion) {
      return [issue('FIELD_CSV_VERSION_MISMATCH', { field: name, value, csvVersion })];
    }
    if (!semanticOk(field, value, codes)) return [semanticProblem(field, value)];
    if (checkDigit !== undefined && !fixedValues.has(value)) {
      const expected = wrongCheckDigit(checkDigit, value);
      if (expected !== undefined) return [issue('FIELD_OFFICE_CHECK_DIGIT', { field: name, value, expected })];
    }
    return NONE;
  }
}
