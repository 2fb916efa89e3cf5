// The Japanese catalogue's params and phrases (src/messages/ja.ts): the types each code's entry takes, and the
// words several entries share. en.ts reads the same params.
import type { FormatKind } from '../../spec-tables/types.js';
import type { FieldName } from './catalogue.js';
import { count, fieldJa, kindLabel, lineRuns } from './labels.js';
import type { BadValueExpected } from '../service-codes/load-csv.js';

/** A service code's period of validity, as the master gives it (RECORD_SERVICE_CODE_OUT_OF_PERIOD). */
export type ServiceCodePeriod = { readonly from: string; readonly to?: string };
/** 202504 → 2025年04月. */
export const monthJa = (m: string): string => `${m.slice(0, 4)}年${m.slice(4, 6)}月`;
export const periodJa = (p: ServiceCodePeriod): string => `${monthJa(p.from)}〜${p.to ? monthJa(p.to) : ''}`;
/** The records one service-code issue stands for (one cause, one issue; see src/affected-lines.ts). */
export type ServiceCodeRecords = { readonly records: number; readonly lines: readonly (readonly [number, number])[]; readonly linesOmitted?: number };
/** （12 レコード、行 3–14、20）. */
export const recordsJa = (p: ServiceCodeRecords): string =>
  `（${count(p.records)} レコード、行 ${lineRuns(p.lines, '、', ' ほか')}${p.linesOmitted ? ` ほか ${count(p.linesOmitted)} レコード` : ''}）`;
export const MASTER_VALUE_JA: Readonly<Record<BadValueExpected, string>> = {
  insurer: '6桁の数字（保険者番号）',
  type: '英大文字・数字2桁（サービス種類コード）',
  item: '英大文字・数字4桁（サービス項目コード）',
  month: '年月（YYYYMM）',
  endMonth: '年月（YYYYMM。期限なしは 999999 か空）',
  units: '整数',
};

/** A kind in a message: 第7表（UPSIKYU）. */
export const K = (kind: string): string => kindLabel(kind).ja;

/** No params. */
export type Empty = Readonly<Record<string, never>>;

/** FILE_RECORD_NOT_FOR_RECEIVER: a user without a row of the receiver, or a record naming another office. */
export type ReceiverParams =
  | { readonly user: string; readonly line: number; readonly office: string }
  | {
      readonly rule: 'UPJSK.careManagementOfficeNumber' | 'UPJSK.serviceOfficeNumber' | 'DLTJSK.serviceOfficeNumber' | 'UPPLAN.careManagementOfficeNumber';
      readonly value: string;
      readonly expected: string;
    };

/** FILE_SERVICE_TYPE_NOT_SENDER: a service code (UPJSK) or service type (DLTJSK) of another type than the sender's. */
export type SenderTypeParams = { readonly rule: 'UPJSK.serviceCode' | 'DLTJSK.serviceTypeCode'; readonly value: string; readonly expected: string };
/** FILE_PLAN_*: the user's plan, the NO path (each NO field with its value), the field and the two lines. */
export type PlanPathParams = {
  readonly user: string;
  readonly plan: string;
  readonly path: readonly { readonly field: FieldName; readonly value: string }[];
  readonly field: FieldName;
  readonly firstLine: number;
  readonly line: number;
};
export const planPathJa = (p: PlanPathParams): string => p.path.map((n) => `${n.field.name} ${n.value}`).join('・');
export const planUserJa = (p: PlanPathParams): string => `利用者 ${p.user}、計画作成（変更）日 ${p.plan}`;

/** A field and its value. */
export type FieldValue = { readonly field: FieldName; readonly value: string };

/** FIELD_FORMAT: the value, the format it fails, the sentinels also allowed, whether the format is uncertain. */
export type FieldFormatParams = FieldValue & { readonly format: FormatKind; readonly sentinels: readonly string[]; readonly uncertain: boolean };

/** RECORD_HOSOKU_PAIRING: which of the 利用者補足's two ties is wrong, the fields and their sentinels. */
export type HosokuPairingParams = {
  readonly case: 'both' | 'neither' | 'planDate' | 'planMonth' | 'scheduleMonth' | 'scheduleDate';
  readonly date: FieldName;
  readonly month: FieldName;
  readonly dateSentinel: string;
  readonly monthSentinel: string;
  /** The file name's month that tells the tie (absent for `both` and `neither`). */
  readonly nameMonth?: string;
  /** The wrong value (planMonth, scheduleDate). */
  readonly value?: string;
};

/** The conditional rules: the field, the other field and the values of it that the rule turns on (none: any value). */
export type ConditionParams = { readonly field: FieldName; readonly other: FieldName; readonly values: readonly string[]; readonly uncertain: boolean };

/** A wrong 検証番号: 「事業所番号 1370100001 の検証番号（10桁目）は 8 のはずです（入力誤りのおそれ）」. */
export const checkDigitJa = (p: { readonly value: string; readonly expected: string }): string =>
  `事業所番号 ${p.value} の検証番号（10桁目）は ${p.expected} のはずです（入力誤りのおそれ）`;

export const UNCERTAIN_JA = '（仕様の記述からは確定できないため warning）';
export const uncertainJa = (p: { readonly uncertain: boolean }): string => (p.uncertain ? UNCERTAIN_JA : '');
/** The condition in words: 「No.8「相談方法」が 03:その他 の」. */
export const conditionJa = (p: ConditionParams): string => (p.values.length === 0 ? `${fieldJa(p.other)}に値がある` : `${fieldJa(p.other)}が ${p.values.join('・')} の`);

/** A 第7表 row (or 第6表 service) of a user: where it is and what it is. */
export type AnnexRowParams = { readonly line: number; readonly user: string; readonly office: string; readonly code: string; readonly equipment: string };

/** A 種類別小計 that differs from its rows (or, when the rows cannot be told apart, exceeds all of them). */
export type SubtotalParams = { readonly line: number; readonly code: string; readonly amount: number; readonly rows: number; readonly user: string; readonly exceeds: boolean };
export function subtotalJa(p: SubtotalParams, what: string, which: string): string {
  return p.exceeds
    ? `第7表 ${p.line}行目の${what} ${p.code} のサービス単位／金額 ${p.amount} が明細の合計 ${p.rows} を超えています（利用者 ${p.user}）。`
    : `第7表 ${p.line}行目の${what} ${p.code} のサービス単位／金額 ${p.amount} が、${which}明細の合計 ${p.rows} と違います（利用者 ${p.user}）。`;
}

/** CSV_FIELD_COUNT: the fields found, the layout's, and the layout that has as many (a hint), if any. */
export type FieldCountParams = {
  readonly count: number;
  readonly expected: number;
  readonly kind: string;
  readonly csvVersion: string;
  readonly edition: string;
  readonly other?: { readonly csvVersion: string; readonly edition: string };
};

/** ENCODE_BAD_VALUE: the value as shown, the field's format, its code table and null spelling, if any. */
export type BadValueParams = {
  readonly field: FieldName;
  readonly shown: string;
  readonly format: FormatKind;
  readonly codeTable?: string;
  readonly nullText?: string;
};

/** FIELD_FORMAT from decodeRecord: a value its field's codec cannot read (the field checker found nothing else). */
export type UnreadableParams = FieldValue & { readonly readAs: FormatKind };

/** A record the writer refused: its number. */
export type Refused = { readonly record: number };
export const refusedJa = (p: Refused, text: string): string => `レコード${p.record}: ${text}（このレコードは書き出しません）`;

/** WRITE_BAD_SUBSTITUTION: the entry (as shown) and why it cannot be used. */
export type BadSubstitutionParams = {
  readonly from: string;
  readonly to: string;
  readonly problem: 'length' | 'control' | 'empty' | 'unsafe' | 'unmappable';
  /** The character of the replacement MS932 cannot hold (`unmappable`), and its code point. */
  readonly char?: string;
  readonly codePoint?: string;
};
export function substitutionProblemJa(p: BadSubstitutionParams): string {
  switch (p.problem) {
    case 'length':
      return '置換元は1文字にしてください';
    case 'control':
      return '制御文字は置換せず、そのレコードを拒否します';
    case 'empty':
      return '置換先が空です（文字が消えます）。読み手が同じ文字と受け取る文字を指定してください';
    case 'unsafe':
      return '置換先に「"」「,」改行・制御文字は使えません（項目やレコードの区切りが変わります）';
    case 'unmappable':
      return `置換先の「${p.char}」（${p.codePoint}）はMS932で書けません`;
  }
}

/** UNITDOC_BAD_PART: a month the unit's names do not carry, a month not 'YYYY-MM', or parts that make no name. */
export type BadPartParams =
  | { readonly part: 'monthNotCarried'; readonly type: string; readonly value: string }
  | { readonly part: 'month'; readonly value?: string }
  | { readonly part: 'name'; readonly value: string };

/**
 * UNITDOC_JSON_SHAPE: where in the JSON (path, and the field there) and what zod's own locales say is wrong (zod
 * renders its issues in Japanese and English itself), or a value that is not a JSON object at all.
 */
export type JsonShapeParams =
  | { readonly path: string; readonly field?: FieldName; readonly problem: { readonly ja: string; readonly en: string } }
  | { readonly notObject: true };

/** Why records were left off the forms (FORMS_RECORDS_NOT_PRINTED). */
export type NotPrintedReason = 'unknownKind' | 'notInEdition' | 'notFirst' | 'images';
export const NOT_PRINTED_JA: Readonly<Record<NotPrintedReason, (edition: string) => string>> = {
  unknownKind: () => '仕様にない種別です',
  notInEdition: (edition) => `この版（${edition}）のレイアウトにない種別です`,
  notFirst: () => '帳票には利用者ごとに最初の1件だけを載せます（2件目以降は仕様上ありえません）',
  images: () => '家族構成図などの画像は帳票に載せません',
};
