// The file kinds that some rules single out, named by the part they play, so that code outside spec-tables
// says `KIND_ROLES.annex` instead of a kind literal: which kind plays a part is a fact of the spec, kept here.
import type { FileNameKind } from './types.js';

export const KIND_ROLES = {
  /** 第6表 予定 (サービス利用票): the plan of a month's visits. */
  plan: 'UPPLAN',
  /** 第6表 実績: the visits made, in the plan's layout (`sharedWith`). */
  actual: 'UPJSK',
  /** 第7表 (サービス利用票別表): the month's totals, checked against 第6表. */
  annex: 'UPSIKYU',
  /** 利用者補足情報: the user's limits, tied to 第1/2表 or to 第6/7表. */
  supplement: 'UPHOSOKU',
  /** 基本情報 (介護予防): names its 家族構成 image. */
  basicInfo: 'UPKIHON',
  /** 家族構成 image (JPEG) sent with 基本情報: a file of the exchange without a CSV layout. */
  familyImage: 'UPKIHON_IMAGE',
} as const satisfies Record<string, FileNameKind>;

/** The kinds of which one file holds one service month (FILE_MULTIPLE_MONTHS): 第6表 予定・実績, 第7表 and their deletions. */
export const MONTHLY_KINDS: readonly FileNameKind[] = ['UPPLAN', 'UPJSK', 'UPSIKYU', 'DLTPLAN', 'DLTJSK'];
