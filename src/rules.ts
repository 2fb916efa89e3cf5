// The rule catalogue: every issue code the library can report, with its severity, what it checks in
// Japanese and English, and the passage of the spec it enforces. Every layer builds its issues through
// `ruleIssue`, so a rule's severity is stated here and nowhere else; the README's catalogue is generated from
// this list (`npm run catalogue`).
import { makeIssue, type Issue, type IssueLocation, type Severity } from './issues.js';

export type RuleLayer = 'name' | 'encoding' | 'csv' | 'field' | 'record' | 'file' | 'unit' | 'compare' | 'write';

/**
 * When an error rule is reported as a warning instead: `uncertainField` where the spec tables mark the fact
 * uncertain (or a length as tolerated), `lenientProfile` under the lenient profile.
 */
export type Lowering = 'uncertainField' | 'lenientProfile';

export interface RuleSpec<C extends string = string> {
  readonly code: C;
  readonly layer: RuleLayer;
  /** The severity the rule is reported with (see `lowered` for the one exception). */
  readonly severity: Severity;
  readonly ja: string;
  readonly en: string;
  /** The spec passage (layout.txt / spec.txt section) or convention the rule rests on. */
  readonly spec: string;
  /** When the rule is reported as a warning instead of its severity. */
  readonly lowered?: Lowering;
}

const r = <const C extends string>(
  code: C,
  layer: RuleLayer,
  severity: Severity,
  ja: string,
  en: string,
  spec: string,
  lowered?: Lowering,
): RuleSpec<C> => (lowered ? { code, layer, severity, ja, en, spec, lowered } : { code, layer, severity, ja, en, spec });

export const RULES = [
  // File names
  r('NAME_UNKNOWN_PREFIX', 'name', 'error', 'ファイル名が既知の種別で始まらない', 'name does not start with a known kind', 'ファイル名規約 (every layout)'),
  r('NAME_SEGMENT_COUNT', 'name', 'error', '「_」区切りの数が合わない', 'wrong number of `_` segments', 'ファイル名規約'),
  r('NAME_KIND_NOT_IN_EDITION', 'name', 'error', '第3版にない種別を第3版の名前で送っている', 'an edition-3 name for a kind edition 3 lacks', 'edition 3.2 §2.2'),
  r('NAME_UNEXPECTED_MONTH', 'name', 'error', '年月のない種別に年月がある', 'a month on a kind without one', 'ファイル名規約'),
  r('NAME_MISSING_MONTH', 'name', 'error', '年月が必要な種別に年月がない', 'no month on a kind that needs one', 'ファイル名規約'),
  r('NAME_BAD_MONTH', 'name', 'error', '年月が実在しない', 'the month is not a real YYYYMM', 'ファイル名規約'),
  r('NAME_ZERO_MONTH_NOT_ALLOWED', 'name', 'error', '000000 は第1/2表に紐づく利用者補足のみ', '000000 only for UPHOSOKU tied to 第1/2表', '利用者補足情報 ファイル名規約'),
  r('NAME_BAD_OFFICE', 'name', 'error', '事業所番号が10桁でない', 'office number not 10 digits', 'ファイル名規約'),
  r('NAME_BAD_SERVICE_TYPE', 'name', 'error', 'サービス種類コードが英数字2桁でない', 'service type segment not 2 letters/digits', 'ファイル名規約 (4.1)'),
  r('NAME_EDITION_40_SERVICE_SEGMENT', 'name', 'error', '第4.0版の3桁サービスコードの名前', 'the superseded edition-4.0 3-digit segment', 'CSVバージョン履歴 第4.1版'),
  r('NAME_UNKNOWN_SERVICE_TYPE', 'name', 'warning', '仕様にないサービス種類コード', 'service type code not listed by the spec', '§1.3, §1.4'),
  r('NAME_SERVICE_TYPE_OUT_OF_SCOPE', 'name', 'warning', '連携対象外のサービス種類', 'service type marked 対象外', '§1.3, §1.4'),
  r('NAME_BAD_TIMESTAMP', 'name', 'error', 'ファイル連番が実在する日時でない', 'file sequence not a real date-time', '§2.4, §3.4'),
  r('NAME_BAD_BRANCH', 'name', 'error', '画像の枝番が4桁でない', 'image branch not 4 digits', '家族構成画像 ファイル名規約'),
  r('NAME_EXTENSION_CASE', 'name', 'warning', '拡張子の大文字小文字が違う（.csv）', 'extension in other letter case (.csv)', 'ファイル名規約'),
  r('NAME_BAD_EXTENSION', 'name', 'error', '拡張子が .CSV（画像は .jpg）でない', 'extension not .CSV (.jpg for images)', 'ファイル名規約'),
  r('NAME_DIRECTION', 'name', 'warning', 'その種別が流れない向きで送っている', 'kind sent in a direction it does not flow', '§2.2, §3.2, §5'),
  r('NAME_UNUSED_PART', 'name', 'error', '名前に入らない部分が指定された（buildFileName）', 'a part the name has no place for (buildFileName)', 'ファイル名規約'),
  r('NAME_DELETION_MISMATCH', 'name', 'error', 'deletion の指定が種別と矛盾（buildFileName）', 'deletion flag contradicts the kind (buildFileName)', 'ファイル名規約'),
  // Encoding
  r('CSV_NOT_MS932', 'encoding', 'error', 'UTF-8で書かれている', 'the file is UTF-8', '4.3 ファイルエンコード', 'lenientProfile'),
  r('CSV_BOM', 'encoding', 'error', '先頭にUTF-8のBOMがある', 'a UTF-8 byte order mark', '4.3 ファイルエンコード', 'lenientProfile'),
  r('CSV_INVALID_BYTES', 'encoding', 'error', 'MS932として不正なバイト列', 'bytes invalid in MS932', '4.3 ファイルエンコード'),
  r('CSV_GAIJI', 'encoding', 'error', '外字（利用者定義文字）', 'a user-defined character (外字)', '文字コード（外字の利用は不可）'),
  r('CSV_NONCANONICAL_MS932', 'encoding', 'warning', 'Windowsが書かない重複コード（書き直すとバイトが変わる）', 'a duplicate code Windows never writes', 'MS932 (Windows-31J)'),
  r('CSV_UNMAPPABLE_CHAR', 'encoding', 'warning', 'MS932で書けない文字（UTF-8入力）', 'a character MS932 cannot hold (UTF-8 input)', '文字コード'),
  r('CSV_ISSUES_TRUNCATED', 'encoding', 'info', '同じ問題が100件を超えたので省略', 'more than 100 issues of one code', '—'),
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
  // Fields
  r('FIELD_REQUIRED', 'field', 'error', '必須項目が空', 'a 必須 field is empty', '必須 (○) column', 'uncertainField'),
  r('FIELD_LENGTH', 'field', 'error', '桁数が項目長と違う（識別子・日付・コード）', 'length differs from 項目長 (identifiers, dates, codes)', '項目長 column', 'uncertainField'),
  r('FIELD_TOO_LONG', 'field', 'error', '項目長を超える（整数・回数・テキスト）', 'longer than 項目長 (integers, counts, text)', '項目長 column', 'uncertainField'),
  r('FIELD_FORMAT', 'field', 'error', '書式に合わない', 'does not match the format', '書式 column'),
  r('FIELD_INVALID_DATE', 'field', 'error', '実在しない日付', 'not a real date', 'YYYYMMDD'),
  r('FIELD_INVALID_MONTH', 'field', 'error', '実在しない年月', 'not a real month', 'YYYYMM'),
  r('FIELD_INVALID_TIME', 'field', 'error', '不正な時刻', 'not a valid time', 'HHMM'),
  r('FIELD_UNKNOWN_CODE', 'field', 'error', 'コード表にない値', 'not in the code table', '【コード表】, 書式 column'),
  r('FIELD_UNKNOWN_SERVICE_TYPE', 'field', 'warning', '仕様にないサービス種類コード', 'service type code not listed by the spec', '§1.3, §1.4'),
  r('FIELD_FORMULA_PREFIX', 'field', 'info', 'フリーテキストが = + - @ で始まる（表計算ソフトで数式になるおそれ）', 'free text starts with = + - @ (a formula in spreadsheet software)', 'CSV injection (spreadsheet safety)'),
  r('FIELD_CSV_VERSION_MISMATCH', 'field', 'error', 'CSVバージョンがレイアウトと違う', 'CSV version differs from the layout', 'CSVバージョン'),
  // Records
  r('RECORD_DATE_OUTSIDE_MONTH', 'record', 'error', '第6表 サービス利用日が対象年月の外', '第6表 service date outside the service month', '第6表 No.5, No.10'),
  r('RECORD_TIME_PAIR', 'record', 'error', '開始・終了時刻の片方だけが9999', 'only one of start/end time is 9999', '第6表 No.12, No.13'),
  r('RECORD_TIME_ORDER', 'record', 'warning', '終了時刻が開始時刻より前（日をまたぐ場合を除き確認）', 'end time before start time', '第6表 No.12, No.13'),
  r('RECORD_PRORATED_PAST_MONTH_END', 'record', 'error', '日割対象日の月末以降の日が0でない', 'prorated-day mask has 1 after the month ends', '第6表 No.11'),
  r('RECORD_EQUIPMENT_CODE_MISSING', 'record', 'error', '福祉用具貸与（17/67）にTAISコードも届出コードもない', '福祉用具貸与 (17/67) without a TAIS or notification code', '第6表 No.16, No.17; 第7表 No.10, No.11'),
  r('RECORD_DETAIL_CODE_NOT_RENTAL', 'record', 'error', '明細判別コードは福祉用具貸与（17）のみ', '明細判別コード only for 福祉用具貸与 (17)', '第6表 No.19'),
  r('RECORD_SUBTOTAL_FIXED_VALUE', 'record', 'error', '種類別小計・全合計行の固定値（単位数0、割引後率・割引後単位数は空）', 'fixed values of subtotal/total rows', '第7表 No.13-15'),
  r('RECORD_TOTAL_OFFICE', 'record', 'error', '全合計（999999）の事業所コードは9999999999', 'total row (999999) office must be 9999999999', '第7表 No.7, No.9'),
  r('RECORD_SUBTOTAL_TYPE', 'record', 'error', '種類別小計のサービス種類が明細と合わない', 'subtotal service type not among the rows', '第7表 No.9'),
  r('RECORD_HOSOKU_PAIRING', 'record', 'error', '利用者補足の 00000000／000000 の組み合わせが不正', 'UPHOSOKU 00000000 / 000000 pairing', '利用者補足 No.4, No.63'),
  r('RECORD_HOSOKU_LIMIT_ORDER', 'record', 'warning', 'サービス種類別限度額の枠が1枠から順に埋まっていない', 'type limit slots not filled from slot 1', '利用者補足 No.20-55'),
  r('RECORD_NO_RANGE', 'record', 'error', '第2表 NO が1〜99でない', '第2表 NO fields must be 1-99', '第2表 No.6, 8, 13'),
  // Files
  r('FILE_VERSION_EDITION_MISMATCH', 'file', 'error', 'CSVバージョンがファイル名の版と合わない', 'CSV version does not match the file name edition', 'CSVバージョン履歴, ファイル名規約'),
  r('FILE_VERSION_NOT_IN_FORCE', 'file', 'error', 'CSVバージョンがその提供月に適用されない', 'CSV version not in force for the service month', 'CSVバージョン No.1 注記'),
  r('FILE_SUPERSEDED_VERSION', 'file', 'warning', '第4.0版の値 202504（第4.1版で 202407 に変更）', 'the superseded 4.0 value 202504', 'CSVバージョン履歴'),
  r('FILE_MONTH_MISMATCH', 'file', 'error', '対象年月／削除対象年月がファイル名の年月と違う', 'record month differs from the file name month', 'ファイル名規約, ファイル作成単位'),
  r('FILE_MULTIPLE_MONTHS', 'file', 'error', '第6/7表のファイルに複数の提供月', 'several service months in one 第6/7表 file', 'ファイル作成単位（単月）'),
  r('FILE_DUPLICATE_KEY', 'file', 'error', '同じキーのレコードが重複（利用者ごとに1件の種別）', 'two records with the same key (one-per-user kinds)', '§2.3, §3.3 keys'),
  r('FILE_DUPLICATE_RECORD', 'file', 'warning', 'まったく同じレコードが重複', 'identical records', '—'),
  r('FILE_ISSUES_TRUNCATED', 'file', 'info', '同じ問題が上限を超えたので省略（件数は表示）', 'more issues of one code than the per-file limit (counted)', 'maxIssuesPerCode option'),
  r('FILE_TOTAL_MISSING', 'file', 'error', '第7表に利用者の全合計（999999）行がない', '第7表 without the total (999999) row of a user', '第7表 No.9（必須出力）'),
  r('FILE_SUBTOTAL_MISSING', 'file', 'error', '第7表に複数行の種類の区分支給対象小計（AAAA）がない', 'no AAAA subtotal for a type with several rows', '第7表 No.9（複数行の場合は必須）'),
  r('FILE_RECORD_NOT_FOR_RECEIVER', 'file', 'warning', '受信側の事業所と関係のないレコード（個人情報の誤送信の恐れ）', 'a record that is not the receiver’s business', '§2.3, §2.6; 個人情報の安全管理'),
  r('IMAGE_NOT_JPEG', 'file', 'error', '家族構成画像がJPEGでない', 'the family-diagram image is not a JPEG', '家族構成 画像ファイル（.jpg）'),
  // Send units
  r('UNIT_NO_BASE', 'unit', 'error', '送信単位に基本のファイル（第1表・第6表など）がない', 'a send unit without its base file', '§2.3, §2.4, §3.4'),
  r('UNIT_MISSING_FILE', 'unit', 'error', '送信単位に必要なファイルがない（第6表に第7表・利用者補足 等）', 'a file the send unit requires is missing', '§2.4, §3.4'),
  r('UNIT_MISSING_ANNEX', 'unit', 'warning', '原則として合わせて送る別表がない', 'an annex sent together as a rule is missing', '§3.3'),
  r('UNIT_MISSING_IMAGE', 'unit', 'warning', '利用者基本情報が指す家族構成画像がない', 'the family-diagram image named by UPKIHON is missing', '§3.3, 利用者基本情報 No.62'),
  r('UNIT_SURPLUS_FILE', 'unit', 'error', 'その送信単位に含めないファイル', 'a file that does not belong in the unit', '§2.4, §3.4'),
  r('UNIT_DUPLICATE_KIND', 'unit', 'error', '同じ種別のファイルが1つの送信単位に複数', 'two files of one kind in a unit', '§2.4, §3.4'),
  r('UNIT_DELETION_NOT_ALONE', 'unit', 'error', '削除ファイルはほかのファイルと同じ連番にしない', 'a withdrawal shares its sequence with other files', '§2.4, §3.4'),
  r('UNIT_MIXED_EDITIONS', 'unit', 'error', '送信単位に第3版と第4版の名前が混在', 'edition-3 and edition-4 names in one unit', 'ファイル名規約'),
  r('UNIT_MIXED_VERSIONS', 'unit', 'error', '送信単位にCSVバージョンが混在', 'CSV versions mixed in one unit', 'CSVバージョン'),
  r('UNIT_MIXED_PARTIES', 'unit', 'error', '送信単位でサービス種類コードが違う', 'service types differ within one unit', '§2.4'),
  r('UNIT_SUPPLEMENT_MONTH', 'unit', 'error', '利用者補足の年月が送信単位と合わない（第1/2表は000000、第6/7表は対象年月）', 'UPHOSOKU month does not fit its unit', '利用者補足 ファイル名規約'),
  r('UNIT_KEY_NOT_IN_BASE', 'unit', 'error', '従属ファイルの利用者が基本ファイルにない', 'a dependent file’s user is not in the base file', '§2.3, §3.3 keys'),
  r('UNIT_KEY_NOT_IN_DEPENDENT', 'unit', 'error', '基本ファイルの利用者が従属ファイルにない', 'a base file’s user is not in a dependent file', '§2.3, §3.3 keys'),
  r('UNIT_ANNEX_NOT_IN_PLAN', 'unit', 'error', '第7表の明細が第6表にない', 'a 第7表 row has no 第6表 rows', '§2.3, §2.6'),
  r('UNIT_PLAN_NOT_IN_ANNEX', 'unit', 'error', '第6表のサービスが第7表にない', 'a 第6表 service is not in 第7表', '§2.3, §2.6'),
  r('UNIT_ANNEX_COUNT_MISMATCH', 'unit', 'error', '第7表の回数／日数が第6表の回数の合計と違う', '第7表 times differ from the 第6表 count', '第7表 No.16'),
  r('UNIT_ANNEX_UNITS_MISMATCH', 'unit', 'error', '第7表の単位数が第6表と違う', '第7表 units differ from 第6表', '第7表 No.13'),
  r('UNIT_ANNEX_AMOUNT', 'unit', 'error', 'サービス単位／金額が 単位数（割引後）× 回数 と違う', 'amount is not units × times', '第7表 No.13-17'),
  r('UNIT_ANNEX_SUBTOTAL_MISMATCH', 'unit', 'error', '区分支給対象小計（AAAA）が明細の合計と違う', 'AAAA subtotal differs from its rows', '第7表 No.9'),
  r('UNIT_LIMIT_EXCESS_MISMATCH', 'unit', 'error', '全合計の区分支給限度基準超／内が 利用者補足の限度額から計算した値と違う', 'total-row excess/within differ from max(0, total − limit)', '第7表 No.21-22, 利用者補足 No.19'),
  // Plan vs delivery
  r('COMPARE_WRONG_KIND', 'compare', 'error', '予定にUPPLAN、実績にUPJSK以外のファイル', 'plan is not UPPLAN or delivery is not UPJSK', '§2.3'),
  r('COMPARE_MONTH_MISMATCH', 'compare', 'error', '予定と実績の対象年月が違う', 'plan and delivery of different months', '§2.3 keys'),
  // Writing
  r('WRITE_UNMAPPABLE_CHAR', 'write', 'error', 'MS932で書けない文字（レコードを書かない）', 'a character MS932 cannot hold (record refused)', '文字コード'),
  r('WRITE_SUBSTITUTED', 'write', 'warning', '置換表で文字を置き換えた', 'a character was substituted', '文字コード（範囲内の文字に変換）'),
  r('WRITE_BAD_SUBSTITUTION', 'write', 'error', '使えない置換の指定', 'an unusable substitution entry', '—'),
  r('WRITE_MISSING_FIELD', 'write', 'error', 'レイアウトの項目がない', 'a layout field is missing', 'CSVファイルレイアウト定義書'),
  r('WRITE_UNKNOWN_FIELD', 'write', 'error', 'レイアウトにない項目', 'a key the layout lacks', 'CSVファイルレイアウト定義書'),
  r('WRITE_NOT_A_RECORD', 'write', 'error', 'レコードがオブジェクトでない', 'a record is not an object', '—'),
  r('WRITE_UNSAFE_VALUE', 'write', 'error', '囲まない項目に「"」「,」改行', 'quote, comma or line break in an unquoted field', '※フリーテキストは""で囲い'),
  r('WRITE_CSV_VERSION_MISMATCH', 'write', 'error', 'レコードのCSVバージョンが書き出す版と違う', 'record CSV version differs from the one written', 'CSVバージョン'),
  r('WRITE_NO_LAYOUT', 'write', 'error', 'その版にレイアウトがない', 'no layout for that kind and version', 'CSVファイルレイアウト定義書'),
  r('FIX_VERIFY_FAILED', 'write', 'error', '`fix` の書き直しを読み戻すと値が違う（書き出さない）', '`fix` output does not read back to the same values (nothing written)', '—'),
] as const;

/** Every code the library reports; an unknown code is a compile error. */
export type RuleCode = (typeof RULES)[number]['code'];

const byCode = new Map<string, RuleSpec>(RULES.map((rule) => [rule.code, rule]));

export function ruleOf(code: string): RuleSpec | undefined {
  return byCode.get(code);
}

/**
 * An issue of a catalogued rule, with the catalogue's severity. `lowered` reports it as a warning; only rules
 * the catalogue marks as lowerable may be (a programming error otherwise, caught by the tests).
 */
export function ruleIssue(code: RuleCode, message: string, messageEn: string, where: IssueLocation = {}, lowered = false): Issue {
  const rule = byCode.get(code)!;
  if (lowered && !rule.lowered) throw new Error(`rule ${code} is not lowerable`);
  return makeIssue(code, lowered ? 'warning' : rule.severity, message, messageEn, where);
}

const LOWERED_TEXT: Record<Lowering, string> = {
  uncertainField: '不確かな項目は warning / warning where the table marks it uncertain',
  lenientProfile: 'lenient では warning / warning in the lenient profile',
};

/** The catalogue as a Markdown table (the README section is this text). */
export function catalogueMarkdown(): string {
  const lines = ['| code | layer | severity | 検査内容 | checks | spec |', '|---|---|---|---|---|---|'];
  for (const rule of RULES as readonly RuleSpec[]) {
    const severity = rule.lowered ? `${rule.severity} (${LOWERED_TEXT[rule.lowered]})` : rule.severity;
    lines.push(`| \`${rule.code}\` | ${rule.layer} | ${severity} | ${rule.ja} | ${rule.en} | ${rule.spec} |`);
  }
  return lines.join('\n');
}
