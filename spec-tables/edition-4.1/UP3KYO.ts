// 居宅サービス計画３表 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const UP3KYO = {
  kind: 'UP3KYO',
  nameJa: '居宅サービス計画３表',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, needed: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, needed: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, needed: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789' },
    { no: 4, key: 'createdDate', name: '週間サービス計画表作成年月日', length: 8, required: true, needed: true, format: 'date' },
    { no: 5, key: 'planChangeDate', name: '居宅サービス計画作成（変更）日', length: 8, required: true, needed: true, format: 'date' },
    { no: 6, key: 'careServiceContent', name: '介護サービス内容', length: null, required: false, needed: false, format: 'freeText' },
    { no: 7, key: 'dayOfWeek', name: '曜日', length: 1, required: false, needed: false, format: 'code', codeTable: 'dayOfWeek' },
    { no: 8, key: 'careStartTime', name: '開始時間', length: 4, required: false, needed: false, format: 'time' },
    { no: 9, key: 'careEndTime', name: '終了時間', length: 4, required: false, needed: false, format: 'time' },
    { no: 10, key: 'dailyActivity', name: '主な日常生活上の活動', length: null, required: false, needed: false, format: 'freeText' },
    { no: 11, key: 'activityStartTime', name: '開始時間', length: 4, required: false, needed: false, format: 'time' },
    { no: 12, key: 'activityEndTime', name: '終了時間', length: 4, required: false, needed: false, format: 'time' },
    { no: 13, key: 'nonWeeklyServices', name: '週単位以外のサービス', length: null, required: false, needed: false, format: 'freeText' },
  ],
} as const satisfies LayoutSpec;
