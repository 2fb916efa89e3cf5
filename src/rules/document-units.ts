// Rules of the send-unit documents (src/documents/): what readSendUnits and writeSendUnit report beyond the
// validator's own codes — a document whose shape cannot make a unit, and a record left out of a document.
import { r } from './define.js';

export const DOCUMENT_UNIT_RULES = [
  r('UNITDOC_UNKNOWN_TYPE', 'document', 'error', '送信単位の種類（type）が仕様にない', 'the document type is not a send-unit type of the spec', '§2.4, §3.4'),
  r('UNITDOC_TYPE_NOT_IN_EDITION', 'document', 'error', 'その版にない送信単位（第3版に介護予防・第3表はない）', 'the send-unit type does not exist in that edition (edition 3 has no 予防 units)', '§2.4, §3.4; 第3版 P09'),
  r('UNITDOC_BAD_VERSION', 'document', 'error', '書き出せないCSVバージョン', 'a CSV version this library does not write', 'CSVバージョン'),
  r('UNITDOC_BAD_PART', 'document', 'error', 'ファイル名の部品（連番・事業所・年月・枝番）が使えない', 'a file-name part (sequence, office, month, branch) that makes no conformant name', 'ファイル名規約'),
  r('UNITDOC_SURPLUS_KIND', 'document', 'error', 'その送信単位に含めない種別のレコード', 'records of a kind the unit does not hold', '§2.4, §3.4'),
  r('UNITDOC_NO_USERS', 'document', 'error', '利用者もレコードもない文書', 'a document without users or records', '§2.4'),
  r('UNITDOC_USER_MISMATCH', 'document', 'error', 'レコードの保険者番号・被保険者番号が利用者と違う', 'a record’s insurer or insured number differs from its user', '§2.3, §3.3 keys'),
  r('UNITDOC_NOT_A_RECORD', 'document', 'error', 'レコードがオブジェクトでない、または記録の並びが配列でない', 'a record is not an object, or a kind’s records are not an array', '—'),
  r('UNITDOC_BAD_IMAGE', 'document', 'error', '家族構成画像が { branch, jpeg: Uint8Array } でない、または送信単位が画像を持たない', 'a family-diagram image is not { branch, jpeg: Uint8Array }, or the unit holds no images', '§3.3'),
  r('UNITDOC_RECORD_LEFT_OUT', 'document', 'error', '型付きにできないレコードを文書から除いた（理由は同じ行の問題）', 'a record that could not be decoded was left out of the document (its issues say why)', '—'),
  r('UNITDOC_NOT_WRITTEN', 'document', 'error', '文書に誤りがあるのでファイルを書き出さない（すべてか無か）', 'the document has errors: no file is written (all or nothing)', '—'),
] as const;

