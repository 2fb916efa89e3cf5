// The typed form of a field's value, by format kind: ONE table (VALUE_CODECS) saying, for each kind of
// spec-tables/formats.ts, how a field's text becomes a typed value, how a typed value becomes text again, and
// which zod type describes the typed value. No field has code of its own: a field's typed form follows from its
// `format`, `codeTable`, `sentinels` and `required` / `requiredUncertain` (see fieldTyping below).
//
// The table holds no zod at run time (zod is only named by type; the zod entry passes its `z` in), so that the
// zod-free core entry can decode and encode records.
import type { z as Z } from 'zod';
import { expectArguments, STRING } from '../arguments.js';
import { CODE_TABLES, type CodeTableId } from '../../spec-tables/code-tables.js';
import type { FormatKind } from '../../spec-tables/types.js';
import type { Field } from '../spec.js';

/** A decoder's or encoder's "this is not a value of the kind" (no exception on the normal path). */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** The typed value of a field, whatever its kind. */
export type TypedValue = string | number | readonly number[] | null;

export interface ValueCodec {
  /**
   * Text → typed value, for a non-empty text that is not one of the field's sentinels. `INVALID` when the text is
   * not a value of the kind (the field checker says why).
   */
  readonly decode: (text: string, field: Field) => string | number | number[] | Invalid;
  /** Typed value (never null or undefined: the caller handles those) → text, or `INVALID`. */
  readonly encode: (value: unknown, field: Field) => string | Invalid;
  /** What a typed value of the kind must be, completing 「…」/"must be …" in ENCODE_BAD_VALUE messages. */
  readonly ja: string;
  readonly en: string;
  /** The zod type of the typed value (`z` is passed in so that this module does not load zod). */
  readonly zod: (z: typeof Z, field: Field, csvVersion: string) => Z.ZodType;
}

// ---- Calendar facts, without Date objects (no time zone, no allocation). ----

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DIGITS8 = /^\d{8}$/;
const DIGITS6 = /^\d{6}$/;
const DIGITS4 = /^\d{4}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}$/;
const MASK31 = /^[01]{31}$/;
const INTEGER = /^-?\d+$/;
const RATE = /^\d{1,2}\.\d{2}$/;

/** Whether 'YYYYMMDD' (8 digits) is a real calendar date. */
function realDate(ymd: string): boolean {
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(ymd.slice(0, 4)), m);
}

function realMonth(ym: string): boolean {
  const m = Number(ym.slice(4, 6));
  return m >= 1 && m <= 12;
}

function realTime(hhmm: string): boolean {
  return Number(hhmm.slice(0, 2)) <= 23 && Number(hhmm.slice(2, 4)) <= 59;
}

// ---- Code tables: the set of codes of each table, built once. ----

const CODE_SETS = new Map<string, ReadonlySet<string>>(
  Object.values(CODE_TABLES).map((t) => [t.id, new Set(t.entries.map(([code]) => code))]),
);

function codesOf(field: Field): ReadonlySet<string> | undefined {
  return field.codeTable === undefined ? undefined : CODE_SETS.get(field.codeTable);
}

// ---- The kinds. ----

/** Kinds whose typed value is the text itself (identifiers, codes of outside tables, free text). */
const TEXT: ValueCodec = {
  decode: (text) => text,
  // '' is not a typed value: an empty field is an absent property (one rule for every kind).
  encode: (value) => (typeof value === 'string' && value !== '' ? value : INVALID),
  ja: '空でない文字列',
  en: 'a non-empty string',
  zod: (z) => z.string().min(1),
};

const date: ValueCodec = {
  decode: (text) => (DIGITS8.test(text) && realDate(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : INVALID),
  encode: (value) => {
    if (typeof value !== 'string' || !ISO_DATE.test(value)) return INVALID;
    const text = value.slice(0, 4) + value.slice(5, 7) + value.slice(8, 10);
    return realDate(text) ? text : INVALID;
  },
  ja: "実在する日付の 'YYYY-MM-DD' 形式の文字列",
  en: "a real date as a 'YYYY-MM-DD' string",
  zod: (z) => z.iso.date(),
};

const month: ValueCodec = {
  decode: (text) => (DIGITS6.test(text) && realMonth(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}` : INVALID),
  encode: (value) => {
    if (typeof value !== 'string' || !ISO_MONTH.test(value)) return INVALID;
    const text = value.slice(0, 4) + value.slice(5, 7);
    return realMonth(text) ? text : INVALID;
  },
  ja: "'YYYY-MM' 形式の年月の文字列",
  en: "a month as a 'YYYY-MM' string",
  zod: (z) => z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/),
};

const time: ValueCodec = {
  decode: (text) => (DIGITS4.test(text) && realTime(text) ? `${text.slice(0, 2)}:${text.slice(2, 4)}` : INVALID),
  encode: (value) => {
    if (typeof value !== 'string' || !CLOCK.test(value)) return INVALID;
    const text = value.slice(0, 2) + value.slice(3, 5);
    return realTime(text) ? text : INVALID;
  },
  ja: "'HH:MM' 形式の時刻（00:00〜23:59）の文字列",
  en: "a time as an 'HH:MM' string (00:00-23:59)",
  zod: (z) => z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/),
};

const dayMask31: ValueCodec = {
  decode: (text) => {
    if (!MASK31.test(text)) return INVALID;
    const days: number[] = [];
    for (let i = 0; i < 31; i++) if (text.charCodeAt(i) === 49) days.push(i + 1);
    return days;
  },
  // Any order is accepted (it is a set of days); decoding gives them sorted.
  encode: (value) => {
    if (!Array.isArray(value)) return INVALID;
    const mask = new Array<string>(31).fill('0');
    for (const day of value) {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) return INVALID;
      mask[day - 1] = '1';
    }
    return mask.join('');
  },
  ja: '1〜31の整数（日）の配列',
  en: 'an array of day numbers (integers 1-31)',
  zod: (z) => z.array(z.int().min(1).max(31)),
};

const integer: ValueCodec = {
  decode: (text) => {
    if (!INTEGER.test(text)) return INVALID;
    const n = Number(text);
    return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : INVALID; // -0 is 0
  },
  encode: (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : INVALID),
  ja: '整数（number）',
  en: 'an integer (number)',
  zod: (z) => z.int(),
};

const rate: ValueCodec = {
  decode: (text) => (RATE.test(text) ? Number(text) : INVALID),
  // Written with 2 decimals and no leading zero: 5 → '5.00', 10.5 → '10.50'.
  encode: (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 100) return INVALID;
    const text = value.toFixed(2);
    return Number(text) === value ? text : INVALID;
  },
  ja: '0以上100未満、小数点以下2桁までの数（number）',
  en: 'a number from 0 to below 100 with at most 2 decimals',
  zod: (z) => z.number().min(0).lt(100).multipleOf(0.01),
};

const code: ValueCodec = {
  decode: (text, field) => (codesOf(field)?.has(text) ?? true ? text : INVALID),
  encode: (value, field) => (typeof value === 'string' && value !== '' && (codesOf(field)?.has(value) ?? true) ? value : INVALID),
  ja: 'コード表の値（文字列）',
  en: 'a code of the code table (string)',
  zod: (z, field) => {
    const table = field.codeTable === undefined ? undefined : CODE_TABLES[field.codeTable as CodeTableId];
    return table ? z.enum(table.entries.map(([c]) => c) as [string, ...string[]]) : z.string().min(1);
  },
};

const csvVersion: ValueCodec = {
  decode: (text) => (DIGITS6.test(text) ? text : INVALID),
  encode: (value) => (typeof value === 'string' && DIGITS6.test(value) ? value : INVALID),
  ja: 'CSVバージョン（数字6桁の文字列）',
  en: 'a CSV version (a string of 6 digits)',
  zod: (z, _field, version) => z.literal(version),
};

/** The typed form of every format kind. */
export const VALUE_CODECS: Readonly<Record<FormatKind, ValueCodec>> = {
  csvVersion,
  date,
  month,
  time,
  dayMask31,
  insurerNumber: TEXT,
  insuredNumber: TEXT,
  officeNumber: TEXT,
  serviceTypeCode: TEXT,
  serviceCode: TEXT,
  equipmentCode: TEXT,
  integer,
  rate,
  code,
  postalCode: TEXT,
  phone: TEXT,
  alphanumeric: TEXT,
  freeText: TEXT,
};

/** How a field appears in a typed record: its codec, whether it is required, and what `null` stands for. */
export interface FieldTyping {
  readonly codec: ValueCodec;
  /** A required property: 必須 and not marked uncertain. Other fields are optional (absent when empty). */
  readonly required: boolean;
  /** The text written for `null`: the field's sentinel ('9999', '00000000', '000000'), when it has one. */
  readonly nullText: string | undefined;
}

export function fieldTyping(field: Field): FieldTyping {
  return {
    codec: VALUE_CODECS[field.format],
    required: field.required && field.requiredUncertain === undefined,
    nullText: field.sentinels?.[0],
  };
}

/** The Japanese label of a code: codeLabel('careLevel', '21') → '要介護１'; undefined for an unknown code. */
export function codeLabel<T extends CodeTableId>(codeTableId: T, code: CodeOf<T>): string;
export function codeLabel(codeTableId: string, code: string): string | undefined;
export function codeLabel(codeTableId: string, code: string): string | undefined {
  expectArguments('codeLabel', [['codeTableId', codeTableId, STRING], ['code', code, STRING]]);
  if (!Object.hasOwn(CODE_TABLES, codeTableId)) return undefined;
  for (const [c, label] of CODE_TABLES[codeTableId as CodeTableId].entries) if (c === code) return label;
  return undefined;
}

/** The codes of a code table as a literal union: CodeOf<'careLevel'> = '06' | '12' | … | '25'. */
export type CodeOf<T extends CodeTableId> = (typeof CODE_TABLES)[T]['entries'][number][0];
