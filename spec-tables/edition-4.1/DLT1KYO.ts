// 居宅サービス計画1表_削除 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const DLT1KYO = {
  kind: 'DLT1KYO',
  nameJa: '居宅サービス計画1表_削除',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789' },
    { no: 4, key: 'planChangeDate', name: '居宅サービス計画作成（変更）日', length: 8, required: true, format: 'date', notes: '削除する居宅計画書の居宅サービス計画作成（変更）日' },
  ],
} as const satisfies LayoutSpec;
