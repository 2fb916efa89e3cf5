// 第6表（サービス利用票）、実績情報_削除（計画の場合） — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const DLTPLAN = {
  kind: 'DLTPLAN',
  nameJa: '第6表（サービス利用票）、実績情報_削除（計画の場合）',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789' },
    { no: 4, key: 'deletionMonth', name: '削除対象年月', length: 6, required: true, format: 'month', notes: '削除対象のサービス提供年月（YYYYMM）' },
  ],
} as const satisfies LayoutSpec;
