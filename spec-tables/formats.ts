// What each format kind of a field means, in the words a vendor will see in messages.
import type { FormatKind, FormatSpec } from './types.js';

export const FORMATS = {
  csvVersion: { ja: 'CSVバージョン（6桁）', en: 'CSV version (6 digits)', lengthRule: 'exact', quoted: false },
  date: { ja: '年月日 YYYYMMDD（実在する日付）', en: 'date YYYYMMDD (a real calendar date)', lengthRule: 'exact', quoted: false },
  month: { ja: '年月 YYYYMM（実在する年月）', en: 'month YYYYMM (a real month)', lengthRule: 'exact', quoted: false },
  time: { ja: '時刻 HHMM（00:00〜23:59）', en: 'time HHMM (00:00-23:59)', lengthRule: 'exact', quoted: false },
  dayMask31: {
    ja: '日割対象日（31桁の0/1、月末以降の日は0）',
    en: 'prorated-day mask (31 characters of 0/1, 0 after the month ends)',
    lengthRule: 'exact',
    quoted: false,
  },
  insurerNumber: { ja: '保険者番号（数字6桁）', en: 'insurer number (6 digits)', lengthRule: 'exact', quoted: false },
  insuredNumber: {
    ja: '被保険者番号（10桁：数字10桁、または生保単独は H＋数字9桁）',
    en: "insured number (10 digits, or 'H' + 9 digits for public assistance alone)",
    lengthRule: 'exact',
    quoted: false,
  },
  officeNumber: { ja: '事業所番号（数字10桁）', en: 'office number (10 digits)', lengthRule: 'exact', quoted: false },
  serviceTypeCode: {
    ja: 'サービス種類コード（英数字2桁）',
    en: 'service type code (2 digits or capital letters)',
    lengthRule: 'exact',
    quoted: false,
  },
  serviceCode: {
    ja: 'サービスコード（サービス種類コード2桁＋サービス項目コード4桁）',
    en: 'service code (2-character service type + 4-character item)',
    lengthRule: 'exact',
    quoted: false,
  },
  equipmentCode: {
    ja: 'TAIS／福祉用具届出コード（数字5桁-数字6桁）',
    en: 'TAIS / equipment notification code (5 digits, hyphen, 6 digits)',
    lengthRule: 'exact',
    quoted: false,
  },
  integer: { ja: '整数（半角数字）', en: 'integer (ASCII digits)', lengthRule: 'max', quoted: false },
  rate: { ja: '99.99 形式の数値', en: 'number in the form 99.99', lengthRule: 'max', quoted: false },
  code: { ja: 'コード表の値', en: 'a value of the code table', lengthRule: 'exact', quoted: false },
  postalCode: { ja: '郵便番号 XXX-XXXX', en: 'postal code XXX-XXXX', lengthRule: 'exact', quoted: false },
  phone: { ja: '電話番号（半角数字とハイフン）', en: 'phone number (ASCII digits and hyphens)', lengthRule: 'max', quoted: false },
  alphanumeric: { ja: '半角英数字', en: 'ASCII letters and digits', lengthRule: 'max', quoted: false },
  freeText: { ja: 'フリーテキスト', en: 'free text', lengthRule: 'max', quoted: true },
} as const satisfies Record<FormatKind, FormatSpec>;
