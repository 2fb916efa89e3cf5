// Code tables of the layouts: the five of the layout definition's 【コード表】 and every code list the
// layouts print inline in a field's 書式 column. Fields refer to them by `codeTable: '<id>'`.
import type { CodeTableSpec } from './types.js';

export const CODE_TABLES = {
  planCategory: {
    id: 'planCategory',
    name: '計画書区分コード',
    source: '【コード表】(1)',
    entries: [['11', '初回'], ['12', '紹介'], ['21', '継続'], ['51', '初回＆紹介'], ['52', '初回＆継続'], ['53', '紹介＆継続'], ['54', '初回＆紹介＆継続']],
  },
  certificationStatus: {
    id: 'certificationStatus',
    name: '認定状況区分コード',
    source: '【コード表】(2)',
    entries: [['1', '申請中'], ['2', '認定済']],
  },
  careLevel: {
    id: 'careLevel',
    name: '要介護状態区分コード',
    source: '【コード表】(3)',
    entries: [['06', '事業対象者'], ['12', '要支援１'], ['13', '要支援２'], ['21', '要介護１'], ['22', '要介護２'], ['23', '要介護３'], ['24', '要介護４'], ['25', '要介護５']],
  },
  livingSupportReason: {
    id: 'livingSupportReason',
    name: '生活援助中心型の算定理由コード',
    source: '【コード表】(4)',
    entries: [['1', '一人暮らし'], ['2', '家族等が障害、疾病等'], ['3', 'その他']],
  },
  insuranceCoverage: {
    id: 'insuranceCoverage',
    name: '保険対象区分コード',
    source: '【コード表】(5)',
    entries: [['Y', '対象'], ['N', '対象外']],
  },
  sex: {
    id: 'sex',
    name: '性別',
    source: 'inline: 利用者補足情報 No.7, 利用者基本情報 No.16',
    entries: [['1', '男性'], ['2', '女性']],
  },
  dayOfWeek: {
    id: 'dayOfWeek',
    name: '曜日',
    source: 'inline: 第3表 No.7',
    entries: [['1', '月曜日'], ['2', '火曜日'], ['3', '水曜日'], ['4', '木曜日'], ['5', '金曜日'], ['6', '土曜日'], ['7', '日曜日']],
  },
  applicability: {
    id: 'applicability',
    name: '該当／非該当',
    source: 'inline: 第6表 No.23, 第7表 No.33, 利用者基本情報 Nos.29-32, 37-40',
    entries: [['1', '該当'], ['0', '非該当']],
  },
  preventionPlanType: {
    id: 'preventionPlanType',
    name: '計画種類',
    source: 'inline: 利用者基本情報 No.5, 介護予防サービス・支援計画書 No.5',
    entries: [['1', '介護予防支援'], ['2', '介護予防ケアマネジメント']],
  },
  outsourcing: {
    id: 'outsourcing',
    name: '委託の有無',
    source: 'inline: 利用者基本情報 No.6, 介護予防サービス・支援計画書 No.6',
    entries: [['1', '自前'], ['2', '委託']],
  },
  consultationMethod: {
    id: 'consultationMethod',
    name: '相談方法',
    source: 'inline: 利用者基本情報 No.8',
    entries: [['01', '来所'], ['02', '電話'], ['03', 'その他']],
  },
  consultationRound: {
    id: 'consultationRound',
    name: '相談回数',
    source: 'inline: 利用者基本情報 No.10',
    entries: [['01', '初回'], ['02', '再来']],
  },
  userCurrentSituation: {
    id: 'userCurrentSituation',
    name: '利用者の現況',
    source: 'inline: 利用者基本情報 No.12',
    entries: [['01', '在宅'], ['02', '入院又は入所中']],
  },
  disabledElderlyIndependence: {
    id: 'disabledElderlyIndependence',
    name: '障害高齢者の日常生活自立度',
    source: 'inline: 利用者基本情報 No.21',
    entries: [['01', '自立'], ['11', 'J1'], ['12', 'J2'], ['21', 'A1'], ['22', 'A2'], ['31', 'B1'], ['32', 'B2'], ['41', 'C1'], ['42', 'C2']],
  },
  dementiaElderlyIndependence: {
    id: 'dementiaElderlyIndependence',
    name: '認知症高齢者の日常生活自立度',
    source: 'inline: 利用者基本情報 No.22',
    entries: [['01', '自立'], ['02', 'Ⅰ'], ['03', 'Ⅱａ'], ['04', 'Ⅱｂ'], ['05', 'Ⅲａ'], ['06', 'Ⅲｂ'], ['07', 'Ⅳ'], ['08', 'Ｍ']],
  },
  careLevelWithNonApplicable: {
    id: 'careLevelWithNonApplicable',
    name: '要介護状態区分（利用者基本情報）',
    source: 'inline: 利用者基本情報 Nos.23, 26 (starts 01:非該当, unlike 【コード表】(3))',
    entries: [['01', '非該当'], ['12', '要支援１'], ['13', '要支援２'], ['21', '要介護１'], ['22', '要介護２'], ['23', '要介護３'], ['24', '要介護４'], ['25', '要介護５']],
  },
  checklistResult: {
    id: 'checklistResult',
    name: '基本チェックリスト記入結果',
    source: 'inline: 利用者基本情報 No.27',
    entries: [['1', '事業対象者の該当あり'], ['2', '事業対象者の該当なし']],
  },
  housingType: {
    id: 'housingType',
    name: '居住形態',
    source: 'inline: 利用者基本情報 No.34',
    entries: [['01', '自宅'], ['02', '借家'], ['03', '一戸建て'], ['04', '集合住宅'], ['05', '自宅・一戸建て'], ['06', '自宅・集合住宅'], ['07', '借家・一戸建て'], ['08', '借家・集合住宅']],
  },
  presence: {
    id: 'presence',
    name: '有／無',
    source: 'inline: 利用者基本情報 No.36, 介護予防サービス・支援計画書 Nos.26, 30, 34, 38',
    entries: [['1', '有'], ['2', '無']],
  },
  attendingPhysicianFlag: {
    id: 'attendingPhysicianFlag',
    name: '主治医・意見作成者フラグ',
    source: 'inline: 利用者基本情報（別表2） No.8',
    entries: [['1', '主治医'], ['2', 'それ以外']],
  },
  treatmentStatus: {
    id: 'treatmentStatus',
    name: '経過',
    source: 'inline: 利用者基本情報（別表2） No.10',
    entries: [['01', '治療中'], ['02', '経過観察中'], ['03', 'その他']],
  },
  supportLevel: {
    id: 'supportLevel',
    name: '要支援状態区分',
    source: 'inline: 介護予防サービス・支援計画書 No.14',
    entries: [['1', '要支援１'], ['2', '要支援２'], ['3', '地域支援事業']],
  },
  necessity: {
    id: 'necessity',
    name: '要／否',
    source: 'inline: 介護予防サービス・支援計画書 Nos.49-54',
    entries: [['1', '要'], ['2', '否']],
  },
} as const satisfies Record<string, CodeTableSpec>;

export type CodeTableId = keyof typeof CODE_TABLES;
