// What a file tells its send unit: small per-user summaries (relation keys, 第6表 services, 第7表 rows,
// 利用者補足 limits, images named), never the records themselves, and which of them a unit will read.
// FileValidator builds them; the send-unit checks (send-units.ts, cross-checks.ts) read them.
import type { FileNameInfo } from '../filenames/index.js';
import type { FileKind } from '../spec.js';

/** How a 第6表 service and its 第7表 row are matched: office, service code, product, satellite, 30日超. */
export function annexKey(office = '', code = '', equipment = '', satellite = '', over30 = ''): string {
  return `${office}|${code}|${equipment}|${satellite}|${over30 === '1' ? '1' : ''}`;
}

/** One 第7表 row, as the send-unit cross-checks need it. */
export interface AnnexRowFact {
  readonly row: 'detail' | 'subtotal' | 'total';
  readonly office: string;
  readonly code: string;
  /** TAISコード or 福祉用具届出コード (edition 4): one rented product per row. */
  readonly equipment: string;
  /** サテライト枝番 (empty when the office is not a satellite). */
  readonly satellite: string;
  readonly units: string;
  readonly discountedUnits: string;
  readonly times: string;
  readonly amount: string;
  readonly benefitUnits: string;
  readonly excessUnits: string;
  readonly withinUnits: string;
  /** No.19 種類支給限度基準超単位数 (subtotal rows). */
  readonly typeExcessUnits: string;
  /** No.33 ３０日超区分 = 1. */
  readonly over30: boolean;
  readonly line: number;
  readonly record: number;
}

/** The 第6表 rows of one user, office, service code and rented product, summed up for 第7表. */
export interface PlannedService {
  /** Σ サービス回数. */
  count: number;
  /** The distinct non-zero 単位数 of the rows (a few at most: 共生型 and 率加減算 rows carry 0 on some days). */
  readonly units: string[];
  /** Union of the rows' 日割対象日 as bits (day 1 = bit 0); 0 when no row has a mask. */
  prorated: number;
  readonly line: number;
  readonly record: number;
}

/** What the send-unit checks need to know of a file: small summaries, never the records themselves. */
export interface FileFacts {
  readonly file: string;
  readonly info: FileNameInfo | undefined;
  readonly kind: FileKind | undefined;
  readonly csvVersion: string | undefined;
  /** Relation keys (see spec-tables/send-units.ts) by key fields, each distinct value with its first line. */
  readonly keys: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** 第6表: per user (insurer|insured|month), per office|service code|product: its rows summed up. */
  readonly schedule: ReadonlyMap<string, ReadonlyMap<string, PlannedService>>;
  /** 第7表: per user, its rows. */
  readonly annex: ReadonlyMap<string, readonly AnnexRowFact[]>;
  /** 利用者補足: per user (insurer|insured|month), 区分支給限度基準額 and its line. */
  readonly limits: ReadonlyMap<string, { limit: string; line: number }>;
  /** 利用者基本情報 No.62: the family-diagram image files the records name. */
  readonly images: ReadonlySet<string>;
}

/**
 * Which summaries a file's send unit will read (checkSendUnit): the others are not collected, so that a large
 * file whose unit does not compare it with another file (a 第6表 sent without its 第7表, a file alone) keeps
 * no per-user summaries at all. The report is the same either way: what is not kept is never read.
 */
export interface FactNeeds {
  /**
   * Relation keys (UNIT_KEY_NOT_IN_BASE / _DEPENDENT), by their fields joined with `+`: those the unit's pattern
   * matches this file by with another file of the unit (none when the file travels alone).
   */
  readonly keys: readonly string[];
  /** 第6表 per-user services (UNIT_ANNEX_* / UNIT_PLAN_NOT_IN_ANNEX): the unit has a 第7表. */
  readonly schedule: boolean;
  /** 第7表 rows kept whole to the end (not let go user by user): the unit has a 第6表 to compare them with. */
  readonly annex: boolean;
  /** 利用者補足 区分支給限度基準額 per user (UNIT_LIMIT_*): the unit has a 第7表. */
  readonly limits: boolean;
  /** 利用者基本情報 family-diagram names (UNIT_MISSING_IMAGE): the file is in a send unit. */
  readonly images: boolean;
}

/** A file checked alone (validateFile, validateStream): no send unit reads its summaries. */
export const NO_FACTS: FactNeeds = Object.freeze({ keys: [], schedule: false, annex: false, limits: false, images: false });
