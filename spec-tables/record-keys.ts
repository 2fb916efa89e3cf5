// The keys that tie a record to its user and its document (spec §2.3, §3.3), per layout kind, and whether
// the spec's key identifies one record per file (one 第1表 per user and plan date) or a group of rows
// (第2表 needs, 第6表 days). Used for duplicate checks and, across files, for send units.
import type { LayoutKind } from './types.js';

export interface RecordKeySpec {
  /** Field keys (English) of the spec's key, in the spec's order. */
  readonly key: readonly string[];
  /** True when the key identifies exactly one record of the file. */
  readonly unique: boolean;
  readonly source: string;
}

const plan = ['insurerNumber', 'insuredNumber', 'planChangeDate'] as const;
const month = ['insurerNumber', 'insuredNumber', 'serviceMonth'] as const;
const consultation = ['insurerNumber', 'insuredNumber', 'consultationDate'] as const;

export const RECORD_KEYS = {
  // 利用者補足: tied to 第1/2表 by 計画作成（変更）日 (対象年月 000000) or to 第6/7表 by 対象年月 (date 00000000).
  UPHOSOKU: { key: ['insurerNumber', 'insuredNumber', 'planChangeDate', 'serviceMonth'], unique: true, source: '§2.3' },
  UP1KYO: { key: plan, unique: true, source: '§2.3' },
  DLT1KYO: { key: plan, unique: true, source: '§2.3' },
  UP2KYO: { key: plan, unique: false, source: '§2.3' },
  UP3KYO: { key: plan, unique: false, source: '§2.3' },
  UPPLAN: { key: month, unique: false, source: '§2.3' },
  DLTPLAN: { key: ['insurerNumber', 'insuredNumber', 'deletionMonth'], unique: true, source: '§2.3' },
  DLTJSK: {
    key: ['insurerNumber', 'insuredNumber', 'deletionMonth', 'serviceOfficeNumber', 'serviceTypeCode'],
    unique: true,
    source: '§2.3',
  },
  UPSIKYU: { key: month, unique: false, source: '§2.3' },
  UPKIHON: { key: consultation, unique: true, source: '§3.3' },
  DLTKIHON: { key: consultation, unique: true, source: '§3.3' },
  UPKIHON_SUB1: { key: consultation, unique: false, source: '§3.3' },
  UPKIHON_SUB2: { key: consultation, unique: false, source: '§3.3' },
  UPYOBO: { key: plan, unique: true, source: '§3.3' },
  DLTYOBO: { key: plan, unique: true, source: '§3.3' },
  UPYOBO_SUB: { key: plan, unique: false, source: '§3.3' },
} as const satisfies Record<Exclude<LayoutKind, 'UPJSK'>, RecordKeySpec>;
