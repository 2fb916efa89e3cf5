// 介護予防サービス・支援計画書（別表）支援計画 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const UPYOBO_SUB = {
  kind: 'UPYOBO_SUB',
  nameJa: '介護予防サービス・支援計画書（別表）支援計画',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, needed: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, needed: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード\n※紐づく「介護予防サービス・支援計画書」レコードの「保険者番号」と同様の値を記載' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, needed: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789\n※紐づく「介護予防サービス・支援計画書」レコードの「被保険者番号」と同様の値を記載' },
    { no: 4, key: 'planChangeDate', name: '計画作成(変更)日', length: 8, required: true, needed: true, format: 'date', notes: '※紐づく「介護予防サービス・支援計画書」レコードの「計画作成(変更)日」と同様の値を記載' },
    { no: 5, key: 'issueNo', name: '課題ＮＯ', length: 2, required: false, needed: false, format: 'freeText' },
    { no: 6, key: 'overallIssue', name: '総合的課題', length: null, required: false, needed: false, format: 'freeText' },
    { no: 7, key: 'goalAndMeasuresProposal', name: '課題に対する目標と具体策の提案', length: null, required: false, needed: false, format: 'freeText' },
    { no: 8, key: 'userFamilyMeasureWishes', name: '具体策についての意向本人・家族', length: null, required: false, needed: false, format: 'freeText' },
    { no: 9, key: 'goal', name: '目標', length: null, required: false, needed: false, format: 'freeText' },
    { no: 10, key: 'supportPlanNo', name: '支援計画ＮＯ', length: 2, required: false, needed: false, format: 'freeText' },
    { no: 11, key: 'supportPoints', name: '【支援計画】目標についての支援のポイント', length: null, required: false, needed: false, format: 'freeText' },
    { no: 12, key: 'selfCareInformalSupport', name: '【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）', length: null, required: false, needed: false, format: 'freeText' },
    { no: 13, key: 'insuranceOrCommunityServices', name: '【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）', length: null, required: false, needed: false, format: 'freeText' },
    { no: 14, key: 'serviceUseNo', name: '利用サービスＮＯ', length: 2, required: false, needed: false, format: 'freeText' },
    { no: 15, key: 'serviceKind', name: '【利用サービス】サービス種別', length: null, required: false, needed: false, format: 'freeText' },
    { no: 16, key: 'serviceOfficeName', name: '【利用サービス】事業所(利用先)', length: null, required: false, needed: false, format: 'freeText' },
    { no: 17, key: 'servicePeriod', name: '【利用サービス】期間', length: null, required: false, needed: false, format: 'freeText' },
  ],
} as const satisfies LayoutSpec;
