// 利用者基本情報（別表2）現病歴・既往歴 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const UPKIHON_SUB2 = {
  kind: 'UPKIHON_SUB2',
  nameJa: '利用者基本情報（別表2）現病歴・既往歴',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, needed: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, needed: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード\n※紐づく「利用基本情報」レコードの「保険者番号」と同様の値を記載' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, needed: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789\n※紐づく「利用基本情報」レコードの「被保険者番号」と同様の値を記載' },
    { no: 4, key: 'consultationDate', name: '相談日', length: 8, required: true, needed: true, format: 'date', notes: '※紐づく「利用基本情報」レコードの「相談日」と同様の値を記載' },
    { no: 5, key: 'historyDate', name: '年月日', length: null, required: false, needed: false, format: 'freeText' },
    { no: 6, key: 'diseaseName', name: '病名', length: null, required: false, needed: false, format: 'freeText' },
    { no: 7, key: 'hospitalAndDoctorName', name: '医療機関・医師名', length: null, required: false, needed: false, format: 'freeText' },
    { no: 8, key: 'attendingPhysicianFlag', name: '主治医・意見作成者フラグ', length: 1, required: false, needed: false, format: 'code', codeTable: 'attendingPhysicianFlag' },
    { no: 9, key: 'hospitalAndDoctorPhone', name: '医療機関・医師電話番号', length: 15, required: false, needed: false, format: 'phone' },
    { no: 10, key: 'treatmentStatus', name: '経過', length: 2, required: false, needed: false, format: 'code', codeTable: 'treatmentStatus' },
    { no: 11, key: 'treatmentDetails', name: '治療中の内容', length: null, required: false, needed: false, format: 'freeText' },
  ],
} as const satisfies LayoutSpec;
