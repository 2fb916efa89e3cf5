// Japanese messages, one per rule code: the catalogue every other language follows (the params of each code
// are the ones its entry here takes, see MessageParams). Messages name fields one way (labels.ts).
import type { RuleCode } from '../rules/index.js';
import type { FormatKind } from '../../spec-tables/types.js';
import { FORMATS } from '../../spec-tables/formats.js';
import type { FieldName } from './catalogue.js';
import { codeTableOf, controlLabel, exampleOf, fieldJa, quoted } from './labels.js';

/** No params. */
type Empty = Readonly<Record<string, never>>;

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

/** A field and its value. */
type FieldValue = { readonly field: FieldName; readonly value: string };

/** FIELD_FORMAT: the value, the format it fails, the sentinels also allowed, whether the format is uncertain. */
export type FieldFormatParams = FieldValue & { readonly format: FormatKind; readonly sentinels: readonly string[]; readonly uncertain: boolean };

/** TRANSITIONAL: codes whose call sites still build their text (removed when the last one is migrated). */
type Pending = { readonly ja: string; readonly en: string };
const pending = (p: Pending): string => p.ja;

export const ja = {
  // Field rules (src/schemas/field-rules.ts).
  FIELD_REQUIRED: (p: { field: FieldName }) => `${fieldJa(p.field)} は必須項目ですが空です。`,
  FIELD_LENGTH: (p: { field: FieldName; length: number; value: string; actual: number; format: FormatKind }) =>
    `${fieldJa(p.field)} は${p.length}桁ですが、値 ${quoted(p.value)} は${p.actual}桁です（${FORMATS[p.format].ja}）。`,
  FIELD_TOO_LONG: (p: { field: FieldName; length: number; value: string; actual: number }) =>
    `${fieldJa(p.field)} は最大${p.length}桁ですが、値 ${quoted(p.value)} は${p.actual}桁です。`,
  FIELD_FORMAT: (p: FieldFormatParams) => {
    const example = exampleOf(p.format);
    const allowed = p.sentinels.length ? `、または ${p.sentinels.join('／')}` : '';
    const exampleJa = example !== undefined ? `（仕様の例: ${example}）` : '';
    const why = p.uncertain ? '仕様はこの項目に桁数と例しか示していないため、警告にとどめます。' : '';
    return `${fieldJa(p.field)} の値 ${quoted(p.value)} は${FORMATS[p.format].ja}${allowed}の形式ではありません${exampleJa}。${why}`;
  },
  FIELD_INVALID_DATE: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は実在しない日付です（YYYYMMDD）。`,
  FIELD_INVALID_MONTH: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は実在しない年月です（YYYYMM）。`,
  FIELD_INVALID_TIME: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は時刻として不正です（HHMM、00:00〜23:59）。`,
  FIELD_UNKNOWN_CODE: (p: FieldValue & { codeTable: string }) => {
    const table = codeTableOf(p.codeTable);
    return `${fieldJa(p.field)} の値 ${quoted(p.value)} は${table.name}にありません（${table.entries.map(([c, l]) => `${c}:${l}`).join('、')}）。`;
  },
  FIELD_UNKNOWN_SERVICE_TYPE: (p: FieldValue) => `${fieldJa(p.field)} の値 ${quoted(p.value)} は仕様（§1.3・§1.4）にないサービス種類コードです。`,
  FIELD_FORMULA_PREFIX: (p: { field: FieldName; prefix: string }) =>
    `${fieldJa(p.field)} の値が「${p.prefix}」で始まります。表計算ソフトで開くと数式として扱われるおそれがあります。`,
  FIELD_CONTROL_CHAR: (p: { field: FieldName; at: number; char: number; count: number; freeText: boolean }) =>
    `${fieldJa(p.field)} の値の${p.at}文字目に制御文字 ${controlLabel(p.char).ja} があります${p.count > 1 ? `（ほかに${p.count - 1}個）` : ''}。` +
    `${p.freeText ? 'フリーテキストでも改行（CR・LF）以外の' : ''}制御文字は使えません。`,
  FIELD_CSV_VERSION_MISMATCH: (p: FieldValue & { csvVersion: string }) =>
    `${fieldJa(p.field)} の値 ${quoted(p.value)} はこのレイアウトのCSVバージョン ${p.csvVersion} と一致しません。`,
  // The file rules (src/validate/rules/*).
  FILE_VERSION_EDITION_MISMATCH: (p: { version: string; edition: string }) => `CSVバージョン ${p.version} はファイル名（第${p.edition}版の形式）と合いません。`,
  FILE_VERSION_NOT_IN_FORCE: (p: { month: string; inForce: string; version: string }) => `提供年月 ${p.month} に適用されるCSVバージョンは ${p.inForce} です（ファイルは ${p.version}）。`,
  FILE_SUPERSEDED_VERSION: (p: { version: string; edition: string; replacedBy: string; replacedIn: string }) =>
    `CSVバージョン ${p.version} は第${p.edition}版の値です。第${p.replacedIn}版で ${p.replacedBy} に変わりました。`,
  FILE_MONTH_MISMATCH: (p: { field: FieldName; value: string; nameMonth: string; month: string }) => `${fieldJa(p.field)} ${p.value} がファイル名の${p.month} ${p.nameMonth} と違います。`,
  FILE_MULTIPLE_MONTHS: (p: { months: readonly string[] }) => `1ファイルに複数の提供月（${p.months.join('・')}）があります。単月ごとにファイルを作ります。`,
  FILE_DUPLICATE_KEY: (p: { fields: readonly FieldName[]; firstLine: number }) => `${p.fields.map(fieldJa).join('＋')} が${p.firstLine}行目のレコードと同じです。`,
  FILE_DUPLICATE_RECORD: (p: { firstLine: number }) => `${p.firstLine}行目とまったく同じレコードです。`,
  FILE_ISSUES_TRUNCATED: (p: { code: string; more: number; limit: number }) => `${p.code} はほかに${p.more}件あります（1ファイル${p.limit}件まで表示）。`,
  FILE_TOTAL_MISSING: (p: { user: string }) => `利用者 ${p.user} の全合計（999999）行がありません（必須出力）。`,
  FILE_SUBTOTAL_MISSING: (p: { user: string; office: string; type: string }) =>
    `利用者 ${p.user} の事業所 ${p.office} サービス種類 ${p.type} は複数行なので区分支給対象小計（${p.type}AAAA）が必要です。`,
  RECORD_SUBTOTAL_TYPE: (p: { code: string; type: string; office: string }) => `種類別小計 ${p.code} のサービス種類 ${p.type} の明細行が事業所 ${p.office} にありません。`,
  FILE_RECORD_NOT_FOR_RECEIVER: (p: ReceiverParams) => {
    if ('user' in p) return `利用者 ${p.user}（${p.line}行目〜）には送信先の事業所 ${p.office} のサービスがありません。送信先に関係のない利用者は送りません。`;
    switch (p.rule) {
      case 'UPJSK.careManagementOfficeNumber':
        return `プラン担当業者コード ${p.value} が送信先 ${p.expected} と違います。別の居宅介護支援事業所の利用者の実績を送っていませんか。`;
      case 'UPJSK.serviceOfficeNumber':
        return `サービス事業者コード ${p.value} が送信元 ${p.expected} と違います。実績は自事業所の分だけを送ります。`;
      case 'DLTJSK.serviceOfficeNumber':
        return `サービス事業者コード ${p.value} が送信元 ${p.expected} と違います。`;
      case 'UPPLAN.careManagementOfficeNumber':
        return `プラン担当業者コード ${p.value} が送信元 ${p.expected} と違います。`;
    }
  },
  FILE_SERVICE_TYPE_NOT_SENDER: (p: SenderTypeParams) =>
    p.rule === 'UPJSK.serviceCode'
      ? `サービスコード ${p.value} のサービス種類 ${p.value.slice(0, 2)} が送信元のサービス種類 ${p.expected} と違います。実績は事業所番号・サービス種類ごとのファイルで送ります。`
      : `サービス種類コード ${p.value} が送信元のサービス種類 ${p.expected} と違います。`,
  IMAGE_NOT_JPEG: (_: Empty) => 'ファイルがJPEG画像ではありません（先頭が FF D8 FF でない）。',
  UNIT_ISSUES_TRUNCATED: (p: { code: string; more: number; limit: number }) => `${p.code} はほかに${p.more}件あります（1送信単位${p.limit}件まで表示）。`,
  UNITDOC_JSON_SHAPE: pending,
  UNITDOC_UNKNOWN_TYPE: pending,
  UNITDOC_TYPE_NOT_IN_EDITION: pending,
  UNITDOC_BAD_VERSION: pending,
  UNITDOC_BAD_PART: pending,
  UNITDOC_SURPLUS_KIND: pending,
  UNITDOC_NO_USERS: pending,
  UNITDOC_USER_MISMATCH: pending,
  UNITDOC_NOT_A_RECORD: pending,
  UNITDOC_BAD_IMAGE: pending,
  UNITDOC_RECORD_LEFT_OUT: pending,
  UNITDOC_NOT_WRITTEN: pending,
  DECODE_NORMALISED: pending,
  DECODE_NOT_TEXT: pending,
  DOCUMENT_UNKNOWN_FIELD: pending,
  DOCUMENT_NO_LAYOUT: pending,
  ENCODE_BAD_VALUE: pending,
  NAME_UNKNOWN_PREFIX: pending,
  NAME_SEGMENT_COUNT: pending,
  NAME_KIND_NOT_IN_EDITION: pending,
  NAME_UNEXPECTED_MONTH: pending,
  NAME_MISSING_MONTH: pending,
  NAME_BAD_MONTH: pending,
  NAME_ZERO_MONTH_NOT_ALLOWED: pending,
  NAME_BAD_OFFICE: pending,
  NAME_BAD_SERVICE_TYPE: pending,
  NAME_EDITION_40_SERVICE_SEGMENT: pending,
  NAME_UNKNOWN_SERVICE_TYPE: pending,
  NAME_SERVICE_TYPE_OUT_OF_SCOPE: pending,
  NAME_BAD_TIMESTAMP: pending,
  NAME_BAD_BRANCH: pending,
  NAME_EXTENSION_CASE: pending,
  NAME_BAD_EXTENSION: pending,
  NAME_DIRECTION: pending,
  NAME_UNUSED_PART: pending,
  NAME_DELETION_MISMATCH: pending,
  CSV_NOT_MS932: pending,
  CSV_NOT_MS932_LATE: pending,
  CSV_AMBIGUOUS_ENCODING: pending,
  CSV_BOM: pending,
  CSV_INVALID_BYTES: pending,
  CSV_GAIJI: pending,
  CSV_NONCANONICAL_MS932: pending,
  CSV_UNMAPPABLE_CHAR: pending,
  CSV_ISSUES_TRUNCATED: pending,
  CSV_LF_LINE_ENDINGS: pending,
  CSV_CR_LINE_ENDINGS: pending,
  CSV_MIXED_LINE_ENDINGS: pending,
  CSV_NO_FINAL_NEWLINE: pending,
  CSV_HEADER_ROW: pending,
  CSV_EMPTY_LINE: pending,
  CSV_EMPTY_FILE: pending,
  CSV_FIELD_COUNT: pending,
  CSV_UNTERMINATED_QUOTE: pending,
  CSV_BAD_QUOTE: pending,
  CSV_UNQUOTED_FREE_TEXT: pending,
  CSV_QUOTED_NON_FREE_TEXT: pending,
  CSV_UNKNOWN_VERSION: pending,
  CSV_UNSUPPORTED_VERSION: pending,
  CSV_MIXED_VERSIONS: pending,
  CSV_RECORD_TOO_LONG: pending,
  CSV_FIELD_TOO_LARGE: pending,
  CSV_TOO_MANY_RECORDS: pending,
  CSV_UNKNOWN_KIND: pending,
  RECORD_DATE_OUTSIDE_MONTH: pending,
  RECORD_TIME_PAIR: pending,
  RECORD_TIME_ORDER: pending,
  RECORD_PRORATED_PAST_MONTH_END: pending,
  RECORD_EQUIPMENT_CODE_MISSING: pending,
  RECORD_DETAIL_CODE_NOT_RENTAL: pending,
  RECORD_SUBTOTAL_FIXED_VALUE: pending,
  RECORD_TOTAL_OFFICE: pending,
  RECORD_HOSOKU_PAIRING: pending,
  RECORD_HOSOKU_LIMIT_ORDER: pending,
  RECORD_NO_RANGE: pending,
  RECORD_CONDITIONAL_REQUIRED: pending,
  RECORD_CONDITIONAL_EMPTY: pending,
  RECORD_SUBSTITUTE_VALUE: pending,
  RECORD_DATE_ORDER: pending,
  RECORD_HOSOKU_LIMIT_EXCESS: pending,
  RECORD_HOSOKU_TOTAL_EXCESS: pending,
  FILE_UNREADABLE: pending,
  UNIT_NO_BASE: pending,
  UNIT_MISSING_FILE: pending,
  UNIT_MISSING_ANNEX: pending,
  UNIT_MISSING_IMAGE: pending,
  UNIT_SURPLUS_FILE: pending,
  UNIT_DUPLICATE_KIND: pending,
  UNIT_DELETION_NOT_ALONE: pending,
  UNIT_MIXED_EDITIONS: pending,
  UNIT_MIXED_VERSIONS: pending,
  UNIT_MIXED_PARTIES: pending,
  UNIT_SUPPLEMENT_MONTH: pending,
  UNIT_KEY_NOT_IN_BASE: pending,
  UNIT_KEY_NOT_IN_DEPENDENT: pending,
  UNIT_ANNEX_NOT_IN_PLAN: pending,
  UNIT_PLAN_NOT_IN_ANNEX: pending,
  UNIT_ANNEX_COUNT_MISMATCH: pending,
  UNIT_ANNEX_UNITS_MISMATCH: pending,
  UNIT_ANNEX_AMOUNT: pending,
  UNIT_ANNEX_SUBTOTAL_MISMATCH: pending,
  UNIT_ANNEX_COUNT_ONCE_A_MONTH: pending,
  UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH: pending,
  UNIT_ANNEX_TOTAL_MISMATCH: pending,
  UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH: pending,
  UNIT_LIMIT_EXCESS_MISMATCH: pending,
  COMPARE_WRONG_KIND: pending,
  COMPARE_MONTH_MISMATCH: pending,
  WRITE_UNMAPPABLE_CHAR: pending,
  WRITE_SUBSTITUTED: pending,
  WRITE_BAD_SUBSTITUTION: pending,
  WRITE_MISSING_FIELD: pending,
  WRITE_UNKNOWN_FIELD: pending,
  WRITE_NOT_A_RECORD: pending,
  WRITE_CONTROL_CHAR: pending,
  WRITE_UNSAFE_VALUE: pending,
  WRITE_CSV_VERSION_MISMATCH: pending,
  WRITE_NO_LAYOUT: pending,
  FIX_VERIFY_FAILED: pending,
} satisfies { readonly [C in RuleCode]: (params: never) => string };
