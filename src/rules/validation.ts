// Rules of the validation layer (src/validate/): records, files, send units, plan vs delivery.
import { issueBuilder, r } from './define.js';

export const VALIDATION_RULES = [
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
] as const;

export type ValidationRuleCode = (typeof VALIDATION_RULES)[number]['code'];

export const validationRuleIssue = issueBuilder(VALIDATION_RULES);
