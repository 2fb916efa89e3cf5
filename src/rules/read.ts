// Rules of the reader (src/codec/): encoding and CSV structure.
import { r } from './define.js';

export const READ_RULES = [
  // Told by the first bytes, before any is decoded: a file of another format is not read at all.
  r('FILE_NOT_SPEC_FILE', 'encoding', 'error', 'CSVファイルではない（PDF・Excelブック・ZIP・画像・UTF-16のテキスト・プログラム）ので読んでいない（先頭のバイトで判定）', 'not a CSV file (a PDF, an Excel workbook, a ZIP, an image, UTF-16 text, a program: told by its first bytes), so it was not read', 'CSVファイル（MS932、カンマ区切り）; 家族構成 画像ファイル（.jpg）'),
  r('CSV_NOT_MS932', 'encoding', 'error', 'UTF-8で書かれている', 'the file is UTF-8', '4.3 ファイルエンコード', 'lenientProfile'),
  r('CSV_NOT_MS932_LATE', 'encoding', 'error', 'UTF-8と分かったのがストリームの終わり（読んだレコードは文字化けのおそれ）', 'a stream found to be UTF-8 only at its end (records read may be garbled)', '4.3 ファイルエンコード'),
  r('CSV_AMBIGUOUS_ENCODING', 'encoding', 'warning', 'MS932としてもUTF-8としても読める（MS932として読んだ。例:「°」が「ﾂｰ」）', 'valid UTF-8 too (read as MS932; "°" would read as "ﾂｰ")', '4.3 ファイルエンコード'),
  r('CSV_BOM', 'encoding', 'error', '先頭にUTF-8のBOMがある', 'a UTF-8 byte order mark', '4.3 ファイルエンコード', 'lenientProfile'),
  r('CSV_INVALID_BYTES', 'encoding', 'error', 'MS932として不正なバイト列', 'bytes invalid in MS932', '4.3 ファイルエンコード'),
  r('CSV_GAIJI', 'encoding', 'error', '外字（利用者定義文字）', 'a user-defined character (外字)', '文字コード（外字の利用は不可）'),
  r('CSV_NONCANONICAL_MS932', 'encoding', 'warning', 'Windowsが書かない重複コード（書き直すとバイトが変わる）', 'a duplicate code Windows never writes', 'MS932 (Windows-31J)'),
  r('CSV_UNMAPPABLE_CHAR', 'encoding', 'warning', 'MS932で書けない文字（UTF-8入力）', 'a character MS932 cannot hold (UTF-8 input)', '文字コード'),
  // CSV structure
  r('CSV_LF_LINE_ENDINGS', 'csv', 'warning', 'レコードの区切りがLF', 'records end with LF', 'CRLF (domain convention; the spec does not print it)'),
  r('CSV_CR_LINE_ENDINGS', 'csv', 'warning', 'レコードの区切りがCR', 'records end with CR', 'CRLF'),
  r('CSV_MIXED_LINE_ENDINGS', 'csv', 'warning', 'レコードの区切りが混在', 'mixed record endings', 'CRLF'),
  r('CSV_NO_FINAL_NEWLINE', 'csv', 'info', '最終レコードの後に改行がない', 'no line break after the last record', 'CRLF'),
  r('CSV_HEADER_ROW', 'csv', 'error', '見出し行がある', 'a header row', 'データ配置例 (data rows only)', 'lenientProfile'),
  r('CSV_EMPTY_LINE', 'csv', 'error', '空行がある', 'an empty line', 'CSV'),
  r('CSV_EMPTY_FILE', 'csv', 'warning', 'レコードがない', 'no records', '—'),
  r('CSV_FIELD_COUNT', 'csv', 'error', '項目数がレイアウトと違う', 'field count differs from the layout', 'CSVファイルレイアウト定義書'),
  r('CSV_UNTERMINATED_QUOTE', 'csv', 'error', '閉じられていない「"」', 'a quote never closed', '※フリーテキストは""で囲い'),
  r('CSV_BAD_QUOTE', 'csv', 'error', '「"」の使い方が不正（二重にしていない等）', 'a stray or undoubled quote', '※"は""に変換してエスケープ'),
  r('CSV_UNQUOTED_FREE_TEXT', 'csv', 'warning', 'フリーテキストが「"」で囲まれていない', 'free text not quoted', '※フリーテキストは""で囲い'),
  r('CSV_QUOTED_NON_FREE_TEXT', 'csv', 'warning', 'フリーテキスト以外が「"」で囲まれている', 'a non-free-text field quoted', '※フリーテキストは""で囲い'),
  r('CSV_UNKNOWN_VERSION', 'csv', 'error', '仕様にないCSVバージョン', 'CSV version not defined by the spec', 'CSVバージョン履歴'),
  r('CSV_UNSUPPORTED_VERSION', 'csv', 'error', '旧版（201910/202003）のCSVバージョン', 'a historic CSV version (201910, 202003)', 'CSVバージョン履歴'),
  r('CSV_MIXED_VERSIONS', 'csv', 'error', '1ファイルに複数のCSVバージョン', 'more than one CSV version in a file', 'CSVバージョン No.1 注記'),
  r('CSV_RECORD_TOO_LONG', 'csv', 'error', 'レコードが上限の長さを超える（読まずに次へ）', 'a record longer than the limit (skipped)', 'limit (ReadOptions.limits)'),
  r('CSV_FIELD_TOO_LARGE', 'csv', 'error', '項目が上限の長さを超える（レコードを読まない）', 'a field longer than the limit (record not read)', 'limit (ReadOptions.limits)'),
  r('CSV_TOO_MANY_RECORDS', 'csv', 'error', 'レコード数が上限を超えた（以降は読まない）', 'more records than the limit (reading stops)', 'limit (ReadOptions.limits)'),
  r('CSV_UNKNOWN_KIND', 'csv', 'error', 'ファイルの種別が分からない', 'the file kind cannot be told', 'ファイル名規約'),
] as const;

export type ReadRuleCode = (typeof READ_RULES)[number]['code'];

