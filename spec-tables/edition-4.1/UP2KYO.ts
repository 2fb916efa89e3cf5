// 居宅サービス計画2表 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

export const UP2KYO = {
  kind: 'UP2KYO',
  nameJa: '居宅サービス計画2表',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789' },
    { no: 4, key: 'createdDate', name: '居宅計画書作成年月日', length: 8, required: true, format: 'date' },
    { no: 5, key: 'planChangeDate', name: '居宅サービス計画作成（変更）日', length: 8, required: true, format: 'date', sourceNote: 'The 2表 data-placement example calls this row \'居宅サービス計画最新作成日\'; the table and 構成 list use \'居宅サービス計画作成（変更）日\'.' },
    { no: 6, key: 'issueNo', name: '課題ＮＯ', length: 2, required: false, format: 'integer', notes: '課題ＮＯ １～99' },
    { no: 7, key: 'issue', name: '課題', length: null, required: false, format: 'freeText' },
    { no: 8, key: 'goalNo', name: '援助目標ＮＯ', length: 2, required: false, format: 'integer', notes: '課題に対する援助NO １～99' },
    { no: 9, key: 'longTermGoal', name: '長期目標', length: null, required: false, format: 'freeText' },
    { no: 10, key: 'shortTermGoal', name: '短期目標', length: null, required: false, format: 'freeText' },
    { no: 11, key: 'longTermGoalPeriod', name: '長期期間', length: null, required: false, format: 'freeText' },
    { no: 12, key: 'shortTermGoalPeriod', name: '短期期間', length: null, required: false, format: 'freeText' },
    { no: 13, key: 'supportContentNo', name: '援助内容ＮＯ', length: 2, required: false, format: 'integer', notes: '目標に対する内容NO １～99' },
    { no: 14, key: 'serviceContent', name: 'サービス内容', length: null, required: false, format: 'freeText' },
    { no: 15, key: 'insuranceCoverage', name: '保険対象区分', length: 1, required: false, format: 'code', codeTable: 'insuranceCoverage' },
    { no: 16, key: 'serviceKind', name: 'サービス種別', length: null, required: false, format: 'freeText' },
    { no: 17, key: 'serviceOfficeNumber', name: 'サービス事業者コード', length: 10, required: false, format: 'officeNumber' },
    { no: 18, key: 'serviceOfficeName', name: 'サービス事業所名', length: null, required: false, format: 'freeText' },
    { no: 19, key: 'frequency', name: '頻度', length: null, required: false, format: 'freeText' },
    { no: 20, key: 'servicePeriod', name: '実施期間', length: null, required: false, format: 'freeText' },
    { no: 21, key: 'updaterVendorCode', name: '更新業者コード', length: 10, required: false, format: 'officeNumber', notes: '居宅支援事業者番号' },
    { no: 22, key: 'identifier', name: '識別子', length: 1, required: false, format: 'alphanumeric', notes: '※使用しない' },
  ],
} as const satisfies LayoutSpec;
