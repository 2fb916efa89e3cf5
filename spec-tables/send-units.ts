// 送信単位 (spec §2.4, §3.4): the combinations of files that travel together under one ファイル連番, the base
// file of each, and the keys that tie a dependent file's users to the base file's (§2.3, §3.3).
import type { FileNameKind } from './types.js';

/** A field-key list of the spec's relation key. */
type Key = readonly string[];
const PLAN: Key = ['insurerNumber', 'insuredNumber', 'planChangeDate'];
const MONTH: Key = ['insurerNumber', 'insuredNumber', 'serviceMonth'];
const CONSULTATION: Key = ['insurerNumber', 'insuredNumber', 'consultationDate'];
/** The user alone: 介護予防計画書 (計画作成日) and 利用者基本情報 (相談日) share no date (§3.3). */
const PERSON: Key = ['insurerNumber', 'insuredNumber'];

export interface SendUnitMember {
  readonly kind: FileNameKind;
  /** required: the unit is incomplete without it; expected: sent together 「原則」; optional: may come. */
  readonly need: 'required' | 'expected' | 'optional';
  /**
   * The relation key, read from this file and from the file it belongs to (`of`, else the unit's base) and
   * matched both ways (absent: not matched).
   */
  readonly key?: Key;
  /**
   * The file this member belongs to when that is not the unit's base (利用者基本情報's 別表 in a 介護予防 unit):
   * its need applies only when that file is in the unit, and its keys are matched against that file's.
   */
  readonly of?: FileNameKind;
  /** Editions (naming generations) in which the member exists. */
  readonly editions?: readonly (3 | 4)[];
  /** UPHOSOKU: the month its name must carry in this unit ('000000', or the base file's month). */
  readonly month?: '000000' | 'base';
}

export interface SendUnitSpec {
  readonly id: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly base: FileNameKind;
  readonly key?: Key;
  readonly members: readonly SendUnitMember[];
  /** A withdrawal travels alone (§2.4 (3)(4), §3.4 (5)-(7), (9)). */
  readonly alone?: boolean;
  readonly editions: readonly (3 | 4)[];
  readonly source: string;
}

export const SEND_UNITS = [
  {
    id: 'carePlan',
    nameJa: '居宅サービス計画書（第1表・第2表・第3表・利用者補足情報）',
    nameEn: 'care plan (tables 1-3 and user supplement)',
    base: 'UP1KYO',
    key: PLAN,
    members: [
      { kind: 'UP2KYO', need: 'required', key: PLAN },
      { kind: 'UP3KYO', need: 'required', key: PLAN, editions: [4] },
      { kind: 'UPHOSOKU', need: 'required', key: PLAN, month: '000000' },
    ],
    editions: [3, 4],
    source: '§2.4 (1); edition 3: P09 (no 第3表)',
  },
  {
    id: 'schedule',
    nameJa: 'サービス利用票（第6表・第7表・利用者補足情報）',
    nameEn: 'service schedule (tables 6-7 and user supplement)',
    base: 'UPPLAN',
    key: MONTH,
    members: [
      { kind: 'UPSIKYU', need: 'required', key: MONTH },
      { kind: 'UPHOSOKU', need: 'required', key: MONTH, month: 'base' },
    ],
    editions: [3, 4],
    source: '§2.4 (2), §3.4 (4)',
  },
  {
    id: 'preventionPlan',
    nameJa: '介護予防サービス・支援計画書（＋利用者基本情報）',
    nameEn: 'prevention plan (with basic information)',
    base: 'UPYOBO',
    key: PLAN,
    members: [
      { kind: 'UPYOBO_SUB', need: 'expected', key: PLAN },
      // §3.4 (2) or (3): 利用者基本情報 may come; when it does, its 別表 come with it as in a unit of its own (§3.3).
      { kind: 'UPKIHON', need: 'optional', key: PERSON },
      { kind: 'UPKIHON_SUB1', need: 'expected', key: CONSULTATION, of: 'UPKIHON' },
      { kind: 'UPKIHON_SUB2', need: 'expected', key: CONSULTATION, of: 'UPKIHON' },
      { kind: 'UPKIHON_IMAGE', need: 'optional', of: 'UPKIHON' },
    ],
    editions: [4],
    source: '§3.4 (2)(3), §3.3',
  },
  {
    id: 'basicInfo',
    nameJa: '利用者基本情報（別表1・別表2・家族構成画像）',
    nameEn: 'basic information (annexes 1-2, family diagram)',
    base: 'UPKIHON',
    key: CONSULTATION,
    members: [
      { kind: 'UPKIHON_SUB1', need: 'expected', key: CONSULTATION },
      { kind: 'UPKIHON_SUB2', need: 'expected', key: CONSULTATION },
      { kind: 'UPKIHON_IMAGE', need: 'optional' },
    ],
    editions: [4],
    source: '§3.4 (1), §3.3',
  },
  { id: 'actual', nameJa: '実績情報', nameEn: 'delivery record', base: 'UPJSK', members: [], editions: [3, 4], source: '§2.4, §3.4 (8)' },
  { id: 'carePlanDeletion', nameJa: '居宅サービス計画書_削除', nameEn: 'care plan withdrawal', base: 'DLT1KYO', members: [], alone: true, editions: [3, 4], source: '§2.4 (3)' },
  { id: 'scheduleDeletion', nameJa: 'サービス利用票_削除', nameEn: 'schedule withdrawal', base: 'DLTPLAN', members: [], alone: true, editions: [3, 4], source: '§2.4 (4), §3.4 (7)' },
  { id: 'actualDeletion', nameJa: '実績情報_削除', nameEn: 'delivery withdrawal', base: 'DLTJSK', members: [], alone: true, editions: [3, 4], source: '§2.4, §3.4 (9)' },
  { id: 'basicInfoDeletion', nameJa: '利用者基本情報_削除', nameEn: 'basic information withdrawal', base: 'DLTKIHON', members: [], alone: true, editions: [4], source: '§3.4 (5)' },
  { id: 'preventionPlanDeletion', nameJa: '介護予防サービス・支援計画書_削除', nameEn: 'prevention plan withdrawal', base: 'DLTYOBO', members: [], alone: true, editions: [4], source: '§3.4 (6)' },
] as const satisfies readonly SendUnitSpec[];
