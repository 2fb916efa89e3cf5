// Rules of the document layer (src/documents/): typed records decoded from and encoded to text records.
// decodeRecord / encodeRecord report the validator's field and record rules as well; these are their own.
import { r } from './define.js';

export const DOCUMENT_RULES = [
  r('DECODE_NORMALISED', 'document', 'info', '値の綴りが正規形でない（先頭の0など）。型付きの値は同じだが、書き戻すと正規形になる', 'a value spelt in a non-canonical way (leading zeros …): the typed value is the same, writing it back gives the canonical spelling', '整数・99.99 形式（項目の書式）'),
  r('DECODE_NOT_TEXT', 'document', 'error', 'テキストレコードの値が文字列でない', 'a value of a text record is not a string', '—'),
  r('DOCUMENT_UNKNOWN_FIELD', 'document', 'error', 'レイアウトにない項目（綴りの誤り、継承したプロパティも）', 'a key the layout lacks (a misspelt key, inherited properties included)', 'CSVファイルレイアウト定義書'),
  r('DOCUMENT_NO_LAYOUT', 'document', 'error', 'その種別とCSVバージョンにレイアウトがない', 'no layout for that kind and CSV version', 'CSVファイルレイアウト定義書, CSVバージョン履歴'),
  r('ENCODE_BAD_VALUE', 'document', 'error', '型付きの値が項目の型に合わない（型の違い、実在しない日付、整数でない数、コード表にない値、32日 など）', 'a typed value does not fit its field (wrong type, no such date, a non-integer, a code not in the table, day 32 …)', '項目の書式（spec-tables/formats.ts）'),
] as const;

