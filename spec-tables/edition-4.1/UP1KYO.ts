// 居宅サービス計画1表 — edition 4.1 (CSVバージョン 202407). Transcribed from the layout definition (別紙「CSVファイルレイアウト定義書」).
import type { LayoutSpec } from '../types.js';

// No.26 その他理由 carries no note (L205-L212); the rule is implied by No.25's code 3:その他 and the field's name.
const OTHER_REASON =
  'Not in the notes: implied by No.25 生活援助中心型の算定理由 3:その他 and the name その他理由 (the 第1表 form prints 「3. その他（　）」).';

export const UP1KYO = {
  kind: 'UP1KYO',
  nameJa: '居宅サービス計画1表',
  fields: [
    { no: 1, key: 'csvVersion', name: 'CSVバージョン', length: 6, required: true, format: 'csvVersion', notes: '本仕様が制度改正などに伴い改版された際にバージョン年月を更新する\nCSVバージョンが変更された場合、新しいバージョンの適用年月となるサービス提供年月から適用する\n1ファイル中に複数のCSVバージョンのレコードを混在させることはできない' },
    { no: 2, key: 'insurerNumber', name: '保険者番号', length: 6, required: true, format: 'insurerNumber', notes: '要介護者が属する自治体のコード' },
    { no: 3, key: 'insuredNumber', name: '被保険者番号', length: 10, required: true, format: 'insuredNumber', notes: '被保険者番号\n生保単独の場合は　先頭H＋数字9桁　例：H123456789' },
    { no: 4, key: 'createdDate', name: '作成年月日', length: 8, required: true, format: 'date' },
    { no: 5, key: 'userPostalCode', name: '利用者郵便番号', length: 8, required: false, format: 'postalCode' },
    { no: 6, key: 'userAddress1', name: '利用者住所１', length: null, required: false, format: 'freeText' },
    { no: 7, key: 'userAddress2', name: '利用者住所２', length: null, required: false, format: 'freeText' },
    { no: 8, key: 'planCreatorName', name: '居宅サービス計画作成者氏名', length: null, required: true, format: 'freeText' },
    { no: 9, key: 'careManagementOfficeName', name: '介護支援事業者名', length: null, required: true, format: 'freeText' },
    { no: 10, key: 'careManagementOfficePostalCode', name: '介護支援事業者郵便番号', length: 8, required: false, format: 'postalCode' },
    { no: 11, key: 'careManagementOfficeAddress1', name: '介護支援事業者住所１', length: null, required: false, format: 'freeText' },
    { no: 12, key: 'careManagementOfficeAddress2', name: '介護支援事業者住所２', length: null, required: false, format: 'freeText' },
    { no: 13, key: 'careManagementOfficeNumber', name: '介護支援事業者コード', length: 10, required: true, format: 'officeNumber', notes: '居宅支援事業者番号' },
    { no: 14, key: 'planChangeDate', name: '居宅サービス計画作成（変更）日', length: 8, required: true, format: 'date' },
    { no: 15, key: 'firstPlanCreatedDate', name: '初回居宅サービス計画作成日', length: 8, required: true, format: 'date', notAfter: { field: 'planChangeDate' } },
    { no: 16, key: 'planCategory', name: '計画書区分', length: 2, required: false, format: 'code', codeTable: 'planCategory' },
    { no: 17, key: 'certificationStatus', name: '認定状況区分', length: 1, required: false, format: 'code', codeTable: 'certificationStatus' },
    { no: 18, key: 'certificationDate', name: '認定日', length: 8, required: false, format: 'date' },
    { no: 19, key: 'certificationPeriodStartDate', name: '認定有効期間開始日', length: 8, required: false, format: 'date' },
    { no: 20, key: 'certificationPeriodEndDate', name: '認定有効期間終了日', length: 8, required: false, format: 'date', notBefore: { field: 'certificationPeriodStartDate' } },
    { no: 21, key: 'careLevel', name: '要介護状態区分', length: 2, required: false, format: 'code', codeTable: 'careLevel' },
    { no: 22, key: 'userFamilyIntentionsAnalysis', name: '利用者及び家族の生活に対する意向を踏まえた課題分析の結果', length: null, required: false, format: 'freeText' },
    { no: 23, key: 'certificationBoardOpinion', name: '介護認定審査会の意見及びサービスの種類の指定', length: null, required: false, format: 'freeText' },
    { no: 24, key: 'overallSupportPolicy', name: '総合的な援助の方針', length: null, required: false, format: 'freeText' },
    { no: 25, key: 'livingSupportReason', name: '生活援助中心型の算定理由', length: 1, required: false, format: 'code', codeTable: 'livingSupportReason' },
    { no: 26, key: 'livingSupportReasonOther', name: 'その他理由', length: null, required: false, format: 'freeText', requiredWhen: { field: 'livingSupportReason', values: ['3'], uncertain: OTHER_REASON }, emptyUnless: { field: 'livingSupportReason', values: ['3'], uncertain: OTHER_REASON } },
    { no: 27, key: 'updaterVendorCode', name: '更新業者コード', length: 10, required: false, format: 'officeNumber', notes: '居宅支援事業者番号' },
    { no: 28, key: 'identifier', name: '識別子', length: 1, required: false, format: 'alphanumeric', notes: '※使用しない' },
  ],
} as const satisfies LayoutSpec;
