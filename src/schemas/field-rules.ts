// Field rules derived from the spec tables: one compiled checker per field, built once per layout.
// A checker looks at one field's text exactly as it appears in the file and lists what is wrong with it.
import { expectArguments, optional, STRING } from '../arguments.js';
import { FIELD } from '../spec-arguments.js';
import { isExists } from 'date-fns/isExists';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_IN_FREE_TEXT, CONTROL_CHARACTER_NAMES } from '../../spec-tables/characters.js';
import { FORMATS } from '../../spec-tables/formats.js';
import type { Severity } from '../issues.js';
import { FIELD_RULES, type FieldRuleCode } from '../rules/field.js';
import { getCodeTable, getServiceType, type Field } from '../spec.js';

export type { Severity };

/** What is wrong with one field's value. `code` is stable; messages are for people. */
export interface FieldProblem {
  readonly code: FieldProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly messageEn: string;
}

/** The catalogue's field rules. */
export type FieldProblemCode = FieldRuleCode;

/** Lists the problems of one value; the result is shared when empty: do not modify it. */
export type FieldChecker = (value: string) => readonly FieldProblem[];

/** How a field is named in messages: 「サービス開始時刻」(No.12). */
export function fieldLabel(field: Pick<Field, 'no' | 'name'>): { ja: string; en: string } {
  return { ja: `No.${field.no}「${field.name}」`, en: `No.${field.no} ${field.name}` };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

const SEVERITY = new Map<string, Severity>(FIELD_RULES.map((rule) => [rule.code, rule.severity]));

/** A problem with the catalogue's severity, or a warning where the tables mark the fact uncertain (`lowered`). */
function problem(code: FieldProblemCode, message: string, messageEn: string, lowered = false): FieldProblem {
  return { code, severity: lowered ? 'warning' : SEVERITY.get(code)!, message, messageEn };
}

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

/** The problem a failed semantic check reports (built only when a value is wrong). */
function semanticProblem(field: Field, value: string): FieldProblem {
  const label = fieldLabel(field);
  const v = quote(value);
  switch (field.format) {
    case 'date':
      return problem('FIELD_INVALID_DATE', `${label.ja} の値 ${v} は実在しない日付です（YYYYMMDD）。`, `${label.en}: ${v} is not a real date (YYYYMMDD).`);
    case 'month':
      return problem('FIELD_INVALID_MONTH', `${label.ja} の値 ${v} は実在しない年月です（YYYYMM）。`, `${label.en}: ${v} is not a real month (YYYYMM).`);
    case 'time':
      return problem('FIELD_INVALID_TIME', `${label.ja} の値 ${v} は時刻として不正です（HHMM、00:00〜23:59）。`, `${label.en}: ${v} is not a valid time (HHMM, 00:00-23:59).`);
    case 'code': {
      const table = getCodeTable(field.codeTable ?? '')!;
      const allowed = table.entries.map(([c, l]) => `${c}:${l}`).join('、');
      return problem(
        'FIELD_UNKNOWN_CODE',
        `${label.ja} の値 ${v} は${table.name}にありません（${allowed}）。`,
        `${label.en}: ${v} is not in the code table ${table.name} (${table.entries.map(([c]) => c).join(', ')}).`,
      );
    }
    default:
      return problem(
        'FIELD_UNKNOWN_SERVICE_TYPE',
        `${label.ja} の値 ${v} は仕様（§1.3・§1.4）にないサービス種類コードです。`,
        `${label.en}: ${v} is not a service type code listed by the spec (§1.3, §1.4).`,
      );
  }
}

/** Characters, not UTF-16 units: a character outside the BMP (𠮷) counts once. */
function charLength(value: string): number {
  return /[\uD800-\uDBFF]/.test(value) ? [...value].length : value.length;
}

/** Staff open these files in spreadsheet software, which runs a cell starting with these as a formula. */
const FORMULA_PREFIX = /^[=+\-@]/;

/** `U+001B（ESC）`: a control character's code point, with its usual name where it has one (the writer's too). */
export function controlLabel(code: number): { ja: string; en: string } {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_CHARACTER_NAMES[code];
  return name ? { ja: `${hex}（${name}）`, en: `${hex} (${name})` } : { ja: hex, en: hex };
}

/** Shared result of a value with nothing wrong: no allocation per field. */
const NONE: readonly FieldProblem[] = Object.freeze([]);

/**
 * Compile the checker for one field. `csvVersion`, when given, is the value the CSVバージョン field must hold.
 * Severity follows the spec's certainty: a rule the source leaves uncertain is a warning, never an error.
 */
export function compileFieldChecker(field: Field, csvVersion?: string): FieldChecker {
  expectArguments('compileFieldChecker', [['field', field, FIELD], ['csvVersion', csvVersion, optional(STRING)]]);
  const label = fieldLabel(field);
  const format = FORMATS[field.format];
  const pattern: RegExp | undefined = 'pattern' in format ? format.pattern : undefined;
  const example: string | undefined = 'example' in format ? format.example : undefined;
  const formatUncertain = field.formatUncertain !== undefined;
  const control = field.format === 'freeText' ? CONTROL_CHARACTER_IN_FREE_TEXT : CONTROL_CHARACTER;
  const patterned = pattern !== undefined && field.format !== 'freeText';
  const sentinels = new Set(field.sentinels ?? []);
  const requiredUncertain = field.requiredUncertain !== undefined;
  const lengthUncertain = field.lengthUncertain !== undefined;
  const exactLength = format.lengthRule === 'exact' && field.length !== null;
  const table = field.codeTable ? getCodeTable(field.codeTable) : undefined;
  const codes = table ? new Set(table.entries.map(([c]) => c)) : undefined;
  const seen = new Map<string, readonly FieldProblem[]>();
  // The verdict on an empty value never changes: built once (a broken file may have millions of them).
  const empty: readonly FieldProblem[] = field.required
    ? Object.freeze([problem('FIELD_REQUIRED', `${label.ja} は必須項目ですが空です。`, `${label.en} is required but empty.`, requiredUncertain)])
    : NONE;

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

  function check(value: string): readonly FieldProblem[] {
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

  function controlProblem(value: string): FieldProblem {
    const chars = [...value];
    const at = chars.findIndex((ch) => control.test(ch));
    const count = chars.filter((ch) => control.test(ch)).length;
    const c = controlLabel(chars[at]!.codePointAt(0)!);
    const more = count > 1 ? { ja: `（ほかに${count - 1}個）`, en: ` (and ${count - 1} more)` } : { ja: '', en: '' };
    const allowed = field.format === 'freeText' ? { ja: 'フリーテキストでも改行（CR・LF）以外の', en: 'Free text allows line breaks (CR, LF) and no other ' } : { ja: '', en: '' };
    return problem(
      'FIELD_CONTROL_CHAR',
      `${label.ja} の値の${at + 1}文字目に制御文字 ${c.ja} があります${more.ja}。${allowed.ja}制御文字は使えません。`,
      `${label.en}: control character ${c.en} at character ${at + 1} of the value${more.en}. ${allowed.en ? `${allowed.en}control characters.` : 'Control characters are not allowed.'}`,
    );
  }

  function checkText(value: string): readonly FieldProblem[] {
    if (field.length !== null) {
      // Patterned kinds are ASCII; only free text can hold characters outside the BMP.
      const length = field.format === 'freeText' ? charLength(value) : value.length;
      if (exactLength && length !== field.length) {
        return [
          problem(
            'FIELD_LENGTH',
            `${label.ja} は${field.length}桁ですが、値 ${quote(value)} は${length}桁です（${format.ja}）。`,
            `${label.en} must be ${field.length} characters; ${quote(value)} has ${length} (${format.en}).`,
            lengthUncertain,
          ),
        ];
      }
      if (!exactLength && length > field.length) {
        const tolerated = field.toleratedLength !== undefined && length <= field.toleratedLength;
        return [
          problem(
            'FIELD_TOO_LONG',
            `${label.ja} は最大${field.length}桁ですが、値 ${quote(value)} は${length}桁です。`,
            `${label.en} allows at most ${field.length} characters; ${quote(value)} has ${length}.`,
            field.toleratedLength === undefined ? lengthUncertain : tolerated,
          ),
        ];
      }
    }
    if (field.format === 'freeText' && FORMULA_PREFIX.test(value)) {
      return [
        problem(
          'FIELD_FORMULA_PREFIX',
          `${label.ja} の値が「${value[0]}」で始まります。表計算ソフトで開くと数式として扱われるおそれがあります。`,
          `${label.en} starts with '${value[0]}': spreadsheet software may treat it as a formula.`,
        ),
      ];
    }
    if (pattern && !pattern.test(value)) {
      const allowed = field.sentinels?.length ? `、または ${field.sentinels.join('／')}` : '';
      const allowedEn = field.sentinels?.length ? `, or ${field.sentinels.join(' / ')}` : '';
      const exampleJa = example !== undefined ? `（仕様の例: ${example}）` : '';
      const exampleEn = example !== undefined ? ` (the spec's example: ${example})` : '';
      // Where the spec gives only a length and an example, another shape is a warning, not an error.
      const why = formatUncertain
        ? { ja: '仕様はこの項目に桁数と例しか示していないため、警告にとどめます。', en: ' A warning only: the spec gives this field no more than a length and an example.' }
        : { ja: '', en: '' };
      return [
        problem(
          'FIELD_FORMAT',
          `${label.ja} の値 ${quote(value)} は${format.ja}${allowed}の形式ではありません${exampleJa}。${why.ja}`,
          `${label.en}: ${quote(value)} is not ${format.en}${allowedEn}${exampleEn}.${why.en}`,
          formatUncertain,
        ),
      ];
    }
    if (field.format === 'csvVersion' && csvVersion !== undefined && value !== csvVersion) {
      return [
        problem(
          'FIELD_CSV_VERSION_MISMATCH',
          `${label.ja} の値 ${quote(value)} はこのレイアウトのCSVバージョン ${csvVersion} と一致しません。`,
          `${label.en}: ${quote(value)} does not match this layout's CSV version ${csvVersion}.`,
        ),
      ];
    }
    return semanticOk(field, value, codes) ? NONE : [semanticProblem(field, value)];
  }
}
