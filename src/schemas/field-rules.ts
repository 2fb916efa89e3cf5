// Field rules derived from the spec tables: one compiled checker per field, built once per layout.
// A checker looks at one field's text exactly as it appears in the file and lists what is wrong with it.
import { expectArguments, FIELD, optional, STRING } from '../arguments.js';
import { isExists } from 'date-fns/isExists';
import { FORMATS } from '../../spec-tables/formats.js';
import type { Severity } from '../issues.js';
import { FIELD_RULES, type FieldRuleCode } from '../rules/field.js';
import { getCodeTable, getServiceType, type Field, type FormatKind } from '../spec.js';

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

const PATTERNS: Partial<Record<FormatKind, RegExp>> = {
  csvVersion: /^\d{6}$/,
  date: /^\d{8}$/,
  month: /^\d{6}$/,
  time: /^\d{4}$/,
  dayMask31: /^[01]{31}$/,
  insurerNumber: /^\d{6}$/,
  insuredNumber: /^(?:\d{10}|H\d{9})$/,
  officeNumber: /^\d{10}$/,
  serviceTypeCode: /^[0-9A-Z]{2}$/,
  serviceCode: /^[0-9A-Z]{6}$/,
  equipmentCode: /^\d{5}-\d{6}$/,
  integer: /^-?\d+$/,
  rate: /^\d{1,2}\.\d{2}$/,
  postalCode: /^\d{3}-\d{4}$/,
  phone: /^[0-9-]+$/,
  alphanumeric: /^[0-9A-Za-z]+$/,
};

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
  const pattern = PATTERNS[field.format];
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
      return [
        problem(
          'FIELD_FORMAT',
          `${label.ja} の値 ${quote(value)} は${format.ja}${allowed}の形式ではありません。`,
          `${label.en}: ${quote(value)} is not ${format.en}${allowedEn}.`,
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
