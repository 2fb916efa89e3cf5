// Rules of the file-name layer (src/filenames/).
import { r } from './define.js';

export const NAME_RULES = [
  r('NAME_UNKNOWN_PREFIX', 'name', 'error', 'ファイル名が既知の種別で始まらない', 'name does not start with a known kind', 'ファイル名規約 (every layout)'),
  r('NAME_SEGMENT_COUNT', 'name', 'error', '「_」区切りの数が合わない', 'wrong number of `_` segments', 'ファイル名規約'),
  r('NAME_KIND_NOT_IN_EDITION', 'name', 'error', '第3版にない種別を第3版の名前で送っている', 'an edition-3 name for a kind edition 3 lacks', 'edition 3.2 §2.2'),
  r('NAME_UNEXPECTED_MONTH', 'name', 'error', '年月のない種別に年月がある', 'a month on a kind without one', 'ファイル名規約'),
  r('NAME_MISSING_MONTH', 'name', 'error', '年月が必要な種別に年月がない', 'no month on a kind that needs one', 'ファイル名規約'),
  r('NAME_BAD_MONTH', 'name', 'error', '年月が実在しない', 'the month is not a real YYYYMM', 'ファイル名規約'),
  r('NAME_ZERO_MONTH_NOT_ALLOWED', 'name', 'error', '000000 は第1/2表に紐づく利用者補足のみ', '000000 only for UPHOSOKU tied to 第1/2表', '利用者補足情報 ファイル名規約'),
  r('NAME_BAD_OFFICE', 'name', 'error', '事業所番号の形でない（10桁の数字。3桁目の事業所区分だけ I・O・Q 以外の英大文字も可）', 'office number not in its form (10 digits; the 3rd, the office category, may be an upper-case letter other than I, O, Q)', 'ファイル名規約 (10 桁); MHLW 資料13 (総合事業の事業所番号)'),
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
  // Check digits (検証番号): a well-formed office number whose 10th character is not its check digit.
  r('NAME_OFFICE_CHECK_DIGIT', 'name', 'warning', '事業所番号の検証番号（10桁目）が合わない（入力誤りのおそれ）', 'office number check digit (10th character) does not match (a likely typo)', 'MHLW 資料13 (モジュラス10 ウェイト2-1)'),
] as const;

export type NameRuleCode = (typeof NAME_RULES)[number]['code'];

