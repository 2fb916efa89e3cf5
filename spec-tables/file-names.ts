// ファイル名規約: how every file kind is named, in both naming generations. Read from the raw text of the
// standard (layout.txt `L<n>`, spec.txt `S<n>`, edition-3.2 pages `P<nn>`); U+0332 '̲' in that text is '_'.
//
// Edition 4 (4.0/4.1):  KIND[_MONTH]_送信元事業所番号_送信元サービス種類_送信先事業所番号_送信先サービス種類_YYYYMMDDHHMMSS[_枝番].CSV
// Edition 3 (3.0–3.2):  KIND[_MONTH]_送信元事業所番号_送信先事業所番号_YYYYMMDDHHMMSS.CSV
//
// Judgement calls (raw text wins over the reference JSON; examples lose to the rule they illustrate):
// - Example slips kept out of the rules: 9-digit office numbers (S428-S433, S659-S662, P09), the UPKIHON
//   example with a `000000` segment its rule lacks (S662), UPJSK/DLTJSK examples whose office numbers are
//   swapped but whose service types are not (L351, L506), 15-digit 連番 in §2.5/§3.5 (S439-S445).
// - Directions: §2.2 and §3.2 (tables of who outputs and imports what) and §3.1/§5.2 (委託あり: the
//   delegated 居宅介護支援事業所 forwards plans and 実績 between the 地域包括支援センター and providers).
//   §3.1 counts a 居宅介護支援事業所 (43) among the 地域包括支援センター等 for 予防 documents, which is
//   why the spec's 予防 examples are sent by 43.
import type {
  FileDirectionSpec,
  FileNameEditionSpec,
  FileNameKind,
  FileNameSegmentKey,
  FileNameSegmentSpec,
  FileNameSpec,
  OfficeRole,
  OfficeRoleSpec,
} from './types.js';

export const FILE_NAME_SEGMENTS = {
  month: { ja: '年月', en: 'month', length: 6 },
  senderOffice: { ja: '送信元の事業所番号', en: 'sender office number', length: 10 },
  senderServiceType: { ja: '送信元のサービス種類コード', en: 'sender service type code', length: 2 },
  receiverOffice: { ja: '送信先の事業所番号', en: 'receiver office number', length: 10 },
  receiverServiceType: { ja: '送信先のサービス種類コード', en: 'receiver service type code', length: 2 },
  timestamp: { ja: 'ファイル連番（YYYYMMDDHHMMSS）', en: 'file sequence (YYYYMMDDHHMMSS)', length: 14 },
  branch: { ja: '枝番', en: 'branch number', length: 4 },
} as const satisfies Record<FileNameSegmentKey, FileNameSegmentSpec>;

/** Segment layouts, newest first. Month (after the prefix) and branch (after the timestamp) are per kind. */
export const FILE_NAME_EDITIONS = [
  {
    edition: 4,
    segments: ['senderOffice', 'senderServiceType', 'receiverOffice', 'receiverServiceType', 'timestamp'],
    source: 'layout.txt ファイル名規約 of every layout (L13-L17 …); 4.1 change note L1929',
  },
  {
    edition: 3,
    segments: ['senderOffice', 'receiverOffice', 'timestamp'],
    source: 'edition-3.2 P09 (§2.4 examples) and P19 (UPPLAN/UPJSK rule)',
  },
] as const satisfies readonly FileNameEditionSpec[];

/**
 * Edition 4.0 printed a 3-digit サービスコード where 4.1 has the 2-digit サービス種類コード (4.1's change note,
 * L1927-L1929). The 4.0 text itself is not available: only the length of that segment is known.
 */
export const FILE_NAME_EDITION_40 = {
  serviceSegmentLength: 3,
  nameJa: 'サービスコード（3桁）',
  nameEn: 'service code (3 digits)',
  source: 'layout.txt L1927-L1929: ファイル名称規約の「サービスコード（3桁）」を「サービス種類コード（2桁）に変更',
} as const;

export const OFFICE_ROLES = {
  careManager: {
    ja: '居宅介護支援事業所',
    en: 'care-management office',
    serviceTypes: ['43'],
    source: 'file-name examples (送信元 43); §2.1',
  },
  preventionCareManager: {
    ja: '地域包括支援センター等（介護予防支援・介護予防ケアマネジメント）',
    en: 'preventive care-management office (地域包括支援センター等)',
    serviceTypes: ['46', 'AF'],
    source: '§3.1; codes from the national service type lists (see service-types.ts)',
  },
  provider: {
    ja: 'サービス事業所',
    en: 'service provider',
    serviceTypes: null,
    groups: ['kaigo', 'yobo', 'sogo'],
    source: '§1.3, §1.4',
  },
} as const satisfies Record<OfficeRole, OfficeRoleSpec>;

const CSV = { canonical: '.CSV', accepted: ['.CSV'] } as const;
const EDITION_3_NOT_SEEN =
  'No edition-3 name of this kind is on the recovered pages; assumed to follow the edition-3 layout of the kinds that are (P09, P19).';

// Who sends to whom. One list per family of documents.
const KYOTAKU_PLAN: readonly FileDirectionSpec[] = [
  { from: 'careManager', to: 'provider', source: '§2.2(1) 居宅介護支援事業所 出力 → 居宅サービス事業所 取込' },
];
const SCHEDULE: readonly FileDirectionSpec[] = [
  { from: 'careManager', to: 'provider', source: '§2.2(2) 居宅介護支援事業所 出力 → 居宅サービス事業所 取込' },
  { from: 'preventionCareManager', to: 'provider', source: '§3.2(2) 地域包括支援センター等 出力' },
  { from: 'careManager', to: 'preventionCareManager', source: '§3.1, §3.2(2) remark, §5.2.2.1 (委託あり: 予定 shared with the 地域包括支援センター)' },
];
const SUPPLEMENT: readonly FileDirectionSpec[] = [
  ...SCHEDULE,
  { from: 'preventionCareManager', to: 'careManager', source: '§3.2(2)⑤ 居宅介護支援事業所向け 取込○' },
];
const DELIVERY: readonly FileDirectionSpec[] = [
  { from: 'provider', to: 'careManager', source: '§2.2(2)⑨⑩ 居宅サービス事業所 出力 → 居宅介護支援事業所 取込' },
  { from: 'provider', to: 'preventionCareManager', source: '§3.2(2)⑧⑨ 地域包括支援センター等 取込' },
  { from: 'careManager', to: 'preventionCareManager', source: '§3.1, §5.2.2.1 (委託あり: 実績 forwarded with 予定)' },
];
const YOBO_PLAN: readonly FileDirectionSpec[] = [
  { from: 'preventionCareManager', to: 'provider', source: '§3.2(1) 地域包括支援センター等 出力' },
  { from: 'careManager', to: 'provider', source: '§3.1 (委託先 居宅介護支援事業所 作成); the spec examples (43 → 11)' },
  { from: 'preventionCareManager', to: 'careManager', source: '§3.1 (委託あり: 地域包括支援センター作成 → 居宅介護支援事業所)' },
  { from: 'careManager', to: 'preventionCareManager', source: '§3.2(1) 地域包括支援センター等向け 取込○' },
];

export const FILE_NAMES = {
  UPHOSOKU: {
    prefix: 'UPHOSOKU',
    nameJa: '利用者補足情報',
    nameEn: 'user supplement',
    shortJa: '利用者補足情報',
    shortEn: 'user supplement',
    month: {
      ja: '提供年月',
      en: 'service month',
      meaningJa: '第6表・第7表の対象年月（第1表・第2表に紐づく場合は000000）',
      meaningEn: 'the 第6/7表 service month (000000 when tied to 第1/2表)',
      recordField: 'serviceMonth',
      zero: {
        value: '000000',
        whenJa: '第1表・第2表に紐づく場合',
        whenEn: 'when tied to 第1/2表',
      },
    },
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    directions: SUPPLEMENT,
    importRank: 7,
    source: 'L13-L17; edition 3: P09',
  },
  UP1KYO: {
    prefix: 'UP1KYO',
    nameJa: '居宅サービス計画1表',
    nameEn: 'care plan table 1',
    shortJa: '第1表',
    shortEn: 'table 1',
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    directions: KYOTAKU_PLAN,
    importRank: 1,
    source: 'L137-L140; edition 3: P09',
    sourceNote: 'S428 and P09 print the example with a 9-digit sender office number (123456789).',
  },
  DLT1KYO: {
    prefix: 'DLT1KYO',
    nameJa: '居宅サービス計画1表_削除',
    nameEn: 'care plan table 1 withdrawal',
    shortJa: '第1表 削除',
    shortEn: 'table 1 withdrawal',
    deletion: true,
    extension: CSV,
    editions: [3, 4],
    edition3Inferred: EDITION_3_NOT_SEEN,
    directions: KYOTAKU_PLAN,
    importRank: 14,
    source: 'L221-L223',
  },
  UP2KYO: {
    prefix: 'UP2KYO',
    nameJa: '居宅サービス計画2表',
    nameEn: 'care plan table 2',
    shortJa: '第2表',
    shortEn: 'table 2',
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    directions: KYOTAKU_PLAN,
    importRank: 2,
    source: 'L252-L254; edition 3: P09',
  },
  UP3KYO: {
    prefix: 'UP3KYO',
    nameJa: '居宅サービス計画３表',
    nameEn: 'care plan table 3 (weekly schedule)',
    shortJa: '第3表',
    shortEn: 'table 3',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: KYOTAKU_PLAN,
    importRank: 3,
    source: 'L297-L299 (added by edition 4.0)',
  },
  UPPLAN: {
    prefix: 'UPPLAN',
    nameJa: '第6表（サービス利用票）予定',
    nameEn: 'table 6 service schedule (planned)',
    shortJa: '第6表 予定',
    shortEn: 'table 6 planned',
    month: {
      ja: '対象年月',
      en: 'service month',
      meaningJa: '第6表の対象年月',
      meaningEn: 'the 第6表 service month',
      recordField: 'serviceMonth',
    },
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    directions: SCHEDULE,
    importRank: 4,
    source: 'L343-L346; edition 3: P19',
  },
  UPJSK: {
    prefix: 'UPJSK',
    nameJa: '第6表実績情報',
    nameEn: 'table 6 delivery record',
    shortJa: '第6表 実績',
    shortEn: 'table 6 delivered',
    month: {
      ja: '対象年月',
      en: 'service month',
      meaningJa: '実績の対象年月',
      meaningEn: 'the service month delivered',
      recordField: 'serviceMonth',
    },
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    directions: DELIVERY,
    importRank: 5,
    source: 'L348-L351; edition 3: P19',
    sourceNote:
      'The example (L351) swaps the office numbers of the UPPLAN example but not the service types: sender 0300000005 with 43, receiver 0300000100 with 11.',
  },
  DLTPLAN: {
    prefix: 'DLTPLAN',
    nameJa: '第6表（サービス利用票）予定削除',
    nameEn: 'table 6 schedule withdrawal',
    shortJa: '第6表 予定削除',
    shortEn: 'table 6 planned withdrawal',
    month: {
      ja: '対象年月',
      en: 'month to withdraw',
      meaningJa: '削除対象年月（削除する第6表の対象年月）',
      meaningEn: 'the month whose 第6表 is withdrawn (削除対象年月)',
      recordField: 'deletionMonth',
    },
    deletion: true,
    extension: CSV,
    editions: [3, 4],
    edition3Inferred: EDITION_3_NOT_SEEN,
    directions: SCHEDULE,
    importRank: 15,
    source: 'L498-L501',
  },
  DLTJSK: {
    prefix: 'DLTJSK',
    nameJa: '第6表実績情報削除',
    nameEn: 'table 6 delivery record withdrawal',
    shortJa: '第6表 実績削除',
    shortEn: 'table 6 delivered withdrawal',
    month: {
      ja: '対象年月',
      en: 'month to withdraw',
      meaningJa: '削除対象年月（削除する実績の対象年月）',
      meaningEn: 'the month whose delivery record is withdrawn (削除対象年月)',
      recordField: 'deletionMonth',
    },
    deletion: true,
    extension: CSV,
    editions: [3, 4],
    edition3Inferred: EDITION_3_NOT_SEEN,
    directions: DELIVERY,
    importRank: 16,
    source: 'L503-L506',
    sourceNote: 'The example (L506) has the same swapped office numbers as the UPJSK example.',
  },
  UPSIKYU: {
    prefix: 'UPSIKYU',
    nameJa: '第7表（サービス利用票別表）',
    nameEn: 'table 7 schedule annex',
    shortJa: '第7表',
    shortEn: 'table 7',
    month: {
      ja: '対象年月',
      en: 'service month',
      meaningJa: '第7表の対象年月',
      meaningEn: 'the 第7表 service month',
      recordField: 'serviceMonth',
    },
    deletion: false,
    extension: CSV,
    editions: [3, 4],
    edition3Inferred: EDITION_3_NOT_SEEN,
    directions: SCHEDULE,
    importRank: 6,
    source: 'L550-L553',
  },
  UPKIHON: {
    prefix: 'UPKIHON',
    nameJa: '利用者基本情報',
    nameEn: 'user basic information',
    shortJa: '利用者基本情報',
    shortEn: 'basic information',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 10,
    source: 'L702-L705',
    sourceNote: 'S662 prints UPKIHON_000000_123456789_43_…: a 000000 segment the rule has not, and a 9-digit office number.',
  },
  UPKIHON_SUB1: {
    prefix: 'UPKIHON_SUB1',
    nameJa: '利用者基本情報（別表1）１日の生活・すごし方(タイムスケジュール)',
    nameEn: 'user basic information annex 1 (daily schedule)',
    shortJa: '利用者基本情報 別表1',
    shortEn: 'basic information annex 1',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 11,
    source: 'L893-L898',
  },
  UPKIHON_SUB2: {
    prefix: 'UPKIHON_SUB2',
    nameJa: '利用者基本情報（別表2）現病歴・既往歴',
    nameEn: 'user basic information annex 2 (medical history)',
    shortJa: '利用者基本情報 別表2',
    shortEn: 'basic information annex 2',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 12,
    source: 'L938-L943',
  },
  UPKIHON_IMAGE: {
    prefix: 'UPKIHON_IMAGE',
    nameJa: '家族構成 画像ファイル',
    nameEn: 'family structure image',
    shortJa: '家族構成画像',
    shortEn: 'family diagram',
    branch: { ja: '枝番', en: 'branch number', length: 4 },
    deletion: false,
    extension: {
      canonical: '.jpg',
      accepted: ['.jpg', '.JPG'],
      note: 'The rule prints .jpg (L829), the examples .JPG (L1727-L1728); both are read without comment.',
    },
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 13,
    source: 'L826-L832 (利用者基本情報 No.62 命名規則); examples L1727-L1728',
  },
  DLTKIHON: {
    prefix: 'DLTKIHON',
    nameJa: '利用者基本情報_削除',
    nameEn: 'user basic information withdrawal',
    shortJa: '利用者基本情報 削除',
    shortEn: 'basic information withdrawal',
    deletion: true,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 17,
    source: 'L858-L861',
  },
  UPYOBO: {
    prefix: 'UPYOBO',
    nameJa: '介護予防サービス・支援計画書',
    nameEn: 'preventive care plan',
    shortJa: '介護予防計画書',
    shortEn: 'preventive care plan',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 8,
    source: 'L984-L987',
  },
  UPYOBO_SUB: {
    prefix: 'UPYOBO_SUB',
    nameJa: '介護予防サービス・支援計画書（別表）支援計画',
    nameEn: 'preventive care plan annex (support plan)',
    shortJa: '介護予防計画書 別表',
    shortEn: 'preventive care plan annex',
    deletion: false,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 9,
    source: 'L1209-L1214',
  },
  DLTYOBO: {
    prefix: 'DLTYOBO',
    nameJa: '介護予防サービス・支援計画書_削除',
    nameEn: 'preventive care plan withdrawal',
    shortJa: '介護予防計画書 削除',
    shortEn: 'preventive care plan withdrawal',
    deletion: true,
    extension: CSV,
    editions: [4],
    directions: YOBO_PLAN,
    importRank: 18,
    source: 'L1173-L1176',
  },
} as const satisfies Record<FileNameKind, FileNameSpec>;
