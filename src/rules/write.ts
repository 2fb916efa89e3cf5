// Rules of the writer (src/codec/write.ts) and of the command's rewrite (`fix`).
import { r } from './define.js';

export const WRITE_RULES = [
  r('WRITE_UNMAPPABLE_CHAR', 'write', 'error', 'MS932で書けない文字（レコードを書かない）', 'a character MS932 cannot hold (record refused)', '文字コード'),
  r('WRITE_SUBSTITUTED', 'write', 'warning', '置換表で文字を置き換えた', 'a character was substituted', '文字コード（範囲内の文字に変換）'),
  r('WRITE_BAD_SUBSTITUTION', 'write', 'error', '使えない置換の指定（置換先に「"」「,」改行・制御文字など、使わない）', 'an unusable substitution entry, not used (e.g. a replacement holding a quote, comma, line break or control character)', '—'),
  r('WRITE_MISSING_FIELD', 'write', 'error', 'レイアウトの項目がない', 'a layout field is missing', 'CSVファイルレイアウト定義書'),
  r('WRITE_UNKNOWN_FIELD', 'write', 'error', 'レイアウトにない項目（__proto__ 等、継承したプロパティも）', 'a key the layout lacks (__proto__ and inherited properties included)', 'CSVファイルレイアウト定義書'),
  r('WRITE_NOT_A_RECORD', 'write', 'error', 'レコードがオブジェクトでない', 'a record is not an object', '—'),
  r('WRITE_CONTROL_CHAR', 'write', 'error', '制御文字（U+0000–U+001F・U+007F–U+009F、フリーテキストの改行を除く）', 'a control character (U+0000–U+001F, U+007F–U+009F; line breaks in free text excepted)', '文字コード（範囲内で有効な文字）'),
  r('WRITE_UNSAFE_VALUE', 'write', 'error', '囲まない項目に「"」「,」改行', 'quote, comma or line break in an unquoted field', '※フリーテキストは""で囲い'),
  r('WRITE_CSV_VERSION_MISMATCH', 'write', 'error', 'レコードのCSVバージョンが書き出す版と違う', 'record CSV version differs from the one written', 'CSVバージョン'),
  r('WRITE_NO_LAYOUT', 'write', 'error', 'その版にレイアウトがない', 'no layout for that kind and version', 'CSVファイルレイアウト定義書'),
  r('FIX_VERIFY_FAILED', 'write', 'error', '`fix` の書き直しを読み戻すと値が違う（書き出さない）', '`fix` output does not read back to the same values (nothing written)', '—'),
] as const;

export type WriteRuleCode = (typeof WRITE_RULES)[number]['code'];

