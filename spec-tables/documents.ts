// What a receiver keeps and what a withdrawal takes back (spec §2.3 図表2.3.1, §3.3 図表3.3.1): the documents
// a send unit stores (one per user and relation key, from the files that make it up), and per withdrawal file
// (DLT…) the document and the files it withdraws, with the fields of its record that name the document.
import type { FileNameKind } from './types.js';

/** The documents a receiver stores: one per send-unit type that is not a withdrawal (ids of SEND_UNITS). */
export type StoredDocumentId = 'carePlan' | 'schedule' | 'actual' | 'basicInfo' | 'preventionPlan';

/**
 * The parts of a stored document's key. The user and the date or month are record fields (the spec's relation
 * key); `office` and `serviceType` are the sender's (file name) unless the document takes them from its rows.
 */
export type DocumentKeyPart =
  | 'insurerNumber'
  | 'insuredNumber'
  | 'planChangeDate'
  | 'serviceMonth'
  | 'consultationDate'
  | 'office'
  | 'serviceType'
  | 'satelliteBranch';

/** A record field, or its first characters (サービス種類コード = the first two of サービスコード). */
export interface FieldSource {
  readonly field: string;
  readonly first?: number;
}

export interface StoredDocumentSpec {
  readonly id: StoredDocumentId;
  readonly nameJa: string;
  readonly nameEn: string;
  /** The file kinds that make up the document, base first. */
  readonly parts: readonly FileNameKind[];
  /** The spec's relation key (field keys, the same in every part): the user and the plan date, month or 相談日. */
  readonly key: readonly ('insurerNumber' | 'insuredNumber' | 'planChangeDate' | 'serviceMonth' | 'consultationDate')[];
  /**
   * Key parts read from each row instead of the file name: 実績 is kept, sent and withdrawn per サービス事業者
   * and サービス種類 (and, for a satellite, its サテライト枝番), whatever office the name gives.
   */
  readonly rowKey?: Readonly<Partial<Record<'office' | 'serviceType' | 'satelliteBranch', FieldSource>>>;
  /** A part with no records (an image) belongs to the user whose record of `by` names it in `field`. */
  readonly namedParts?: readonly { readonly kind: FileNameKind; readonly by: FileNameKind; readonly field: string }[];
  readonly source: string;
}

export const STORED_DOCUMENTS = [
  {
    id: 'carePlan',
    nameJa: '居宅サービス計画書',
    nameEn: 'care plan',
    parts: ['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'],
    key: ['insurerNumber', 'insuredNumber', 'planChangeDate'],
    source: '§2.3 図表2.3.1: 計画書1表を基本とし計画書2表、計画書3表及び利用者補足情報を従属情報とする',
  },
  {
    id: 'schedule',
    nameJa: 'サービス利用票（予定）',
    nameEn: 'service schedule',
    parts: ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'],
    key: ['insurerNumber', 'insuredNumber', 'serviceMonth'],
    source: '§2.3 図表2.3.1, §3.3 図表3.3.1: 第6表を基本とし第7表、利用者補足情報を従属情報とする',
  },
  {
    id: 'actual',
    nameJa: '実績情報',
    nameEn: 'delivery record',
    parts: ['UPJSK'],
    key: ['insurerNumber', 'insuredNumber', 'serviceMonth'],
    rowKey: {
      office: { field: 'serviceOfficeNumber' },
      serviceType: { field: 'serviceCode', first: 2 },
      satelliteBranch: { field: 'satelliteBranch' },
    },
    source: '§2.3 図表2.3.1 実績情報・実績情報_削除 (サービス事業者コード, サービス種類コード); 第6表 No.20, No.22',
  },
  {
    id: 'basicInfo',
    nameJa: '利用者基本情報',
    nameEn: 'basic information',
    parts: ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE'],
    key: ['insurerNumber', 'insuredNumber', 'consultationDate'],
    namedParts: [{ kind: 'UPKIHON_IMAGE', by: 'UPKIHON', field: 'familyDiagramFileName' }],
    source: '§3.3 図表3.3.1: 別表1、別表2、家族構成画像ファイルを含む; 利用者基本情報 No.62',
  },
  {
    id: 'preventionPlan',
    nameJa: '介護予防サービス・支援計画書',
    nameEn: 'prevention plan',
    parts: ['UPYOBO', 'UPYOBO_SUB'],
    key: ['insurerNumber', 'insuredNumber', 'planChangeDate'],
    source: '§3.3 図表3.3.1: 別表を含む',
  },
] as const satisfies readonly StoredDocumentSpec[];

export interface WithdrawalSpec {
  /** The withdrawal file. */
  readonly kind: FileNameKind;
  readonly document: StoredDocumentId;
  /** The parts of the document it withdraws (the spec names them; a part the spec does not name stays). */
  readonly withdraws: readonly FileNameKind[];
  /** Per key part of the document, the field of the withdrawal record that gives it (the others: the file name's). */
  readonly key: Readonly<Partial<Record<DocumentKeyPart, string>>>;
  readonly source: string;
}

export const WITHDRAWALS = [
  {
    kind: 'DLT1KYO',
    document: 'carePlan',
    withdraws: ['UP1KYO', 'UP2KYO', 'UP3KYO'],
    key: { insurerNumber: 'insurerNumber', insuredNumber: 'insuredNumber', planChangeDate: 'planChangeDate' },
    source: '§2.3 図表2.3.1: 計画書1表の削除に伴い、従属する計画書2表及び計画書3表の情報も削除する',
  },
  {
    kind: 'DLTPLAN',
    document: 'schedule',
    withdraws: ['UPPLAN', 'UPSIKYU'],
    key: { insurerNumber: 'insurerNumber', insuredNumber: 'insuredNumber', serviceMonth: 'deletionMonth' },
    source: '§2.3 図表2.3.1, §3.3 図表3.3.1: 第6表の削除に伴い、従属する第7表も削除する',
  },
  {
    kind: 'DLTJSK',
    document: 'actual',
    withdraws: ['UPJSK'],
    key: {
      insurerNumber: 'insurerNumber',
      insuredNumber: 'insuredNumber',
      serviceMonth: 'deletionMonth',
      office: 'serviceOfficeNumber',
      serviceType: 'serviceTypeCode',
    },
    source: '§2.3 図表2.3.1, §3.3 図表3.3.1 実績情報_削除: 削除対象年月、サービス事業者コード、サービス種類コード (every サテライト of the office)',
  },
  {
    kind: 'DLTKIHON',
    document: 'basicInfo',
    withdraws: ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE'],
    key: { insurerNumber: 'insurerNumber', insuredNumber: 'insuredNumber', consultationDate: 'consultationDate' },
    source: '§3.3 図表3.3.1: 利用者基本情報の削除に伴い、従属する別表1、別表2、家族構成画像ファイルも削除する',
  },
  {
    kind: 'DLTYOBO',
    document: 'preventionPlan',
    withdraws: ['UPYOBO', 'UPYOBO_SUB'],
    key: { insurerNumber: 'insurerNumber', insuredNumber: 'insuredNumber', planChangeDate: 'planChangeDate' },
    source: '§3.3 図表3.3.1: 介護予防サービス・支援計画書の削除に伴い、従属する別表も削除する',
  },
] as const satisfies readonly WithdrawalSpec[];
