// Rules of single fields (src/schemas/field-rules.ts), from the spec tables.
// Field rules give FieldProblems (src/schemas/field-rules.ts), which take their severity from this list.
import { r } from './define.js';

export const FIELD_RULES = [
  r('FIELD_REQUIRED', 'field', 'error', '必須項目が空', 'a 必須 field is empty', '必須 (○) column', 'uncertainField'),
  r('FIELD_LENGTH', 'field', 'error', '桁数が項目長と違う（識別子・日付・コード）', 'length differs from 項目長 (identifiers, dates, codes)', '項目長 column', 'uncertainField'),
  r('FIELD_TOO_LONG', 'field', 'error', '項目長を超える（整数・回数・テキスト）', 'longer than 項目長 (integers, counts, text)', '項目長 column', 'uncertainField'),
  r('FIELD_FORMAT', 'field', 'error', '書式に合わない', 'does not match the format', '書式 column', 'uncertainField'),
  r('FIELD_INVALID_DATE', 'field', 'error', '実在しない日付', 'not a real date', 'YYYYMMDD'),
  r('FIELD_INVALID_MONTH', 'field', 'error', '実在しない年月', 'not a real month', 'YYYYMM'),
  r('FIELD_INVALID_TIME', 'field', 'error', '不正な時刻', 'not a valid time', 'HHMM'),
  r('FIELD_UNKNOWN_CODE', 'field', 'error', 'コード表にない値', 'not in the code table', '【コード表】, 書式 column'),
  r('FIELD_UNKNOWN_SERVICE_TYPE', 'field', 'warning', '仕様にないサービス種類コード', 'service type code not listed by the spec', '§1.3, §1.4'),
  r('FIELD_FORMULA_PREFIX', 'field', 'info', 'フリーテキストが = + - @ で始まる（表計算ソフトで数式になるおそれ）', 'free text starts with = + - @ (a formula in spreadsheet software)', 'CSV injection (spreadsheet safety)'),
  r('FIELD_CONTROL_CHAR', 'field', 'error', '値に制御文字（U+0000–U+001F、U+007F–U+009F。フリーテキストの改行 CR・LF を除く。TAB も含む）がある', 'a control character in a value (U+0000–U+001F, U+007F–U+009F; TAB included; CR and LF allowed in free text only)', '※フリーテキストは…改行…は削除しない (the only control characters the spec names)'),
  r('FIELD_CSV_VERSION_MISMATCH', 'field', 'error', 'CSVバージョンがレイアウトと違う', 'CSV version differs from the layout', 'CSVバージョン'),
  // Check digits (検証番号): a field of a format kind with a check digit (spec-tables/formats.ts) that does not match.
  r('FIELD_OFFICE_CHECK_DIGIT', 'field', 'warning', '事業所番号の検証番号（10桁目）が合わない（入力誤りのおそれ）', 'office number check digit (10th character) does not match (a likely typo)', 'MHLW 資料13 (モジュラス10 ウェイト2-1)'),
] as const;

export type FieldRuleCode = (typeof FIELD_RULES)[number]['code'];
