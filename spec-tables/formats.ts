// What each format kind of a field means: the pattern its text must match and the words a vendor will see in
// messages. The patterns are facts of the spec, so they live here; src/schemas/field-rules.ts compiles them and
// the file-name checks (src/filenames/) reuse the office number's.
import type { CheckDigitSpec, FormatKind, FormatSpec } from './types.js';

/**
 * The 事業所区分番号, the 3rd character of a 介護保険事業所番号: a digit, or an upper-case letter but I, O and Q
 * (総合事業 providers; see officeNumber below). Messages name it when it is the character at fault.
 */
export const OFFICE_CATEGORY = /[0-9A-HJ-NPR-Z]/;

/**
 * The 検証番号 (10th character) of a 介護保険事業所番号: modulus 10, weights 2-1 from the right over the first
 * nine characters, letters read as numbers (A=10 … Z=32, I, O and Q skipped as never used), a two-digit
 * product counted as its two digits, check = 10 − (sum mod 10), 0 when the sum ends in 0. MHLW 資料13 states it
 * as the モジュラス10 ウェイト2-1 分割方式 extended to letters; the pattern above allows a letter only in the
 * 3rd place, so only that place ever reads one.
 */
export const OFFICE_CHECK_DIGIT: CheckDigitSpec = {
  letters: 'ABCDEFGHJKLMNPRSTUVWXYZ',
  firstLetterValue: 10,
  weights: [2, 1],
  modulus: 10,
  source: 'MHLW 資料13「介護予防・日常生活支援総合事業における事業所番号の考え方について」（モジュラス10 ウェイト2-1 分割方式）',
};

export const FORMATS = {
  csvVersion: { ja: 'CSVバージョン（6桁）', en: 'CSV version (6 digits)', lengthRule: 'exact', quoted: false, pattern: /^\d{6}$/ },
  date: {
    ja: '年月日 YYYYMMDD（実在する日付）',
    en: 'date YYYYMMDD (a real calendar date)',
    lengthRule: 'exact',
    quoted: false,
    pattern: /^\d{8}$/,
  },
  month: { ja: '年月 YYYYMM（実在する年月）', en: 'month YYYYMM (a real month)', lengthRule: 'exact', quoted: false, pattern: /^\d{6}$/ },
  time: { ja: '時刻 HHMM（00:00〜23:59）', en: 'time HHMM (00:00-23:59)', lengthRule: 'exact', quoted: false, pattern: /^\d{4}$/ },
  dayMask31: {
    ja: '日割対象日（31桁の0/1、月末以降の日は0）',
    en: 'prorated-day mask (31 characters of 0/1, 0 after the month ends)',
    lengthRule: 'exact',
    quoted: false,
    pattern: /^[01]{31}$/,
  },
  insurerNumber: { ja: '保険者番号（数字6桁）', en: 'insurer number (6 digits)', lengthRule: 'exact', quoted: false, pattern: /^\d{6}$/ },
  insuredNumber: {
    ja: '被保険者番号（10桁：数字10桁、または生保単独は H＋数字9桁）',
    en: "insured number (10 digits, or 'H' + 9 digits for public assistance alone)",
    lengthRule: 'exact',
    quoted: false,
    pattern: /^(?:\d{10}|H\d{9})$/,
  },
  // 介護保険事業所番号: 都道府県番号 (2) · 事業所区分番号 (1) · 郡市区番号 (2) · 連番 (4) · チェックデジット (1).
  // The 事業所区分番号 is a digit, or for 介護予防・日常生活支援総合事業 providers an upper-case letter: `A` in
  // use, the other letters reserved, I, O and Q never used (they read as 1, 0 and 0). Every other position is a
  // digit. Source: MHLW 資料13「介護予防・日常生活支援総合事業における事業所番号の考え方について」. The layouts
  // print only 10 桁 (layout.txt ファイル名規約 of every layout, 項目長 10); edition 4.1 brought the 総合事業
  // providers (A1–A9) and their senders (46/AF) into the exchange, so their numbers travel in names and fields.
  officeNumber: {
    ja: '事業所番号（10桁の数字。3桁目の事業所区分だけは英大文字も可（I・O・Qを除く）：総合事業の事業所は 13A0100001 など）',
    en: 'office number (10 digits, except the 3rd character, the office category, which may be an upper-case letter other than I, O, Q: 総合事業 providers, e.g. 13A0100001)',
    lengthRule: 'exact',
    quoted: false,
    pattern: new RegExp(`^\\d{2}${OFFICE_CATEGORY.source}\\d{7}$`),
    checkDigit: OFFICE_CHECK_DIGIT,
  },
  serviceTypeCode: {
    ja: 'サービス種類コード（英数字2桁）',
    en: 'service type code (2 digits or capital letters)',
    lengthRule: 'exact',
    quoted: false,
    pattern: /^[0-9A-Z]{2}$/,
  },
  serviceCode: {
    ja: 'サービスコード（サービス種類コード2桁＋サービス項目コード4桁）',
    en: 'service code (2-character service type + 4-character item)',
    lengthRule: 'exact',
    quoted: false,
    pattern: /^[0-9A-Z]{6}$/,
  },
  equipmentCode: {
    ja: 'TAIS／福祉用具届出コード（数字5桁-数字6桁）',
    en: 'TAIS / equipment notification code (5 digits, hyphen, 6 digits)',
    lengthRule: 'exact',
    quoted: false,
    pattern: /^\d{5}-\d{6}$/,
    // As printed in the notes of both fields in 第6表 and 第7表 (layout.txt L428, L442, L602, L616), full-width
    // hyphen included.
    example: '00001－000010',
  },
  integer: { ja: '整数（半角数字）', en: 'integer (ASCII digits)', lengthRule: 'max', quoted: false, pattern: /^-?\d+$/ },
  rate: { ja: '99.99 形式の数値', en: 'number in the form 99.99', lengthRule: 'max', quoted: false, pattern: /^\d{1,2}\.\d{2}$/ },
  code: { ja: 'コード表の値', en: 'a value of the code table', lengthRule: 'exact', quoted: false },
  postalCode: { ja: '郵便番号 XXX-XXXX', en: 'postal code XXX-XXXX', lengthRule: 'exact', quoted: false, pattern: /^\d{3}-\d{4}$/ },
  phone: {
    ja: '電話番号（半角数字とハイフン）',
    en: 'phone number (ASCII digits and hyphens)',
    lengthRule: 'max',
    quoted: false,
    pattern: /^[0-9-]+$/,
  },
  alphanumeric: { ja: '半角英数字', en: 'ASCII letters and digits', lengthRule: 'max', quoted: false, pattern: /^[0-9A-Za-z]+$/ },
  freeText: { ja: 'フリーテキスト', en: 'free text', lengthRule: 'max', quoted: true },
} as const satisfies Record<FormatKind, FormatSpec>;
