// The service-code master: which サービスコード exist, for which service months (and, for 総合事業 codes, for
// which 保険者), with their 名称 and 単位数. The spec points every サービスコード at 「最新版の介護給付費単位数等
// サービスコード表」 but no master can ship with the library: a vendor plugs in its own. The interface is two
// synchronous questions (the validator checks records as they stream by and cannot wait); a vendor whose master
// lives in a database loads the service types it needs first, or answers from a cache.
//
// `createServiceCodeMaster` is the library's own implementation over a list of entries (what loadServiceCodeCsv
// builds; mergeServiceCodeMasters, load-csv.ts, joins several of them).

import { arrayOf, expectArguments, NUMBER, optional, shape, STRING } from '../arguments.js';

/** One period of one サービスコード, as a master knows it. */
export interface ServiceCodeEntry {
  /** The 6-character サービスコード: サービス種類コード (2) + サービス項目コード (4). */
  readonly code: string;
  /** First service month the code may be used in (YYYYMM). */
  readonly from: string;
  /** Last service month the code may be used in (YYYYMM); undefined when open-ended (999999 in the CSV). */
  readonly to?: string | undefined;
  /** サービス名称. */
  readonly name?: string | undefined;
  /** 単位数, when the master gives a fixed number (not for codes computed by rate). */
  readonly units?: number | undefined;
  /** 保険者番号 of a code set by one 保険者 (総合事業); undefined for a national code. */
  readonly insurer?: string | undefined;
}

/** What the validator asks about a record's code: its service month (対象年月) and its 保険者番号. */
export interface ServiceCodeQuery {
  /** The record's service month (YYYYMM). */
  readonly month: string;
  /** The record's 保険者番号. A master of national codes ignores it. */
  readonly insurer?: string | undefined;
}

/**
 * A service-code master the validator consults (ValidateOptions.serviceCodes). Both methods are synchronous
 * and must not throw; the validator asks each (type, insurer) and (code, month, insurer) once per file.
 */
export interface ServiceCodeMaster {
  /**
   * Whether the master knows the codes of this サービス種類コード (for this 保険者, when the type's codes are set
   * per 保険者). The validator says nothing about a code whose type the master does not cover.
   */
  covers(serviceType: string, insurer?: string): boolean;
  /**
   * Every period of `serviceCode` the master knows (for `query.insurer` where the code is a 保険者's), whatever the
   * month: the validator picks the period that holds `query.month`, and names the periods when none does. An
   * empty list: the master does not know the code. A master that can answer only for one month may return just
   * that month's entry; a code outside its period is then reported as unknown rather than out of period.
   */
  lookup(serviceCode: string, query: ServiceCodeQuery): readonly ServiceCodeEntry[];
}

/** Whether an entry's period holds a service month (YYYYMM strings compare in order). */
export function entryHolds(entry: ServiceCodeEntry, month: string): boolean {
  return entry.from <= month && (entry.to === undefined || month <= entry.to);
}

/** Whether two entries' periods share a month. */
export function periodsOverlap(a: ServiceCodeEntry, b: ServiceCodeEntry): boolean {
  return a.from <= (b.to ?? '999999') && b.from <= (a.to ?? '999999');
}

/** The library's master: entries held in memory, indexed by code and by service type. */
export interface ListedServiceCodeMaster extends ServiceCodeMaster {
  /** Every entry, in the order given. */
  readonly entries: readonly ServiceCodeEntry[];
}

const ENTRIES = arrayOf(
  'an array of ServiceCodeEntry { code, from, to?, name?, units?, insurer? }',
  'ServiceCodeEntry { code, from, to?, name?, units?, insurer? } の配列',
  shape('a ServiceCodeEntry', 'ServiceCodeEntry', { code: STRING, from: STRING, to: optional(STRING), name: optional(STRING), units: optional(NUMBER), insurer: optional(STRING) }),
);

const NONE: readonly ServiceCodeEntry[] = Object.freeze([]);

/**
 * A master over a list of entries. A national entry (no insurer) answers for every 保険者; an entry with an
 * insurer answers only for that 保険者, so a master holding one 保険者's 総合事業 codes covers that type for that
 * 保険者 only and says nothing about the records of another.
 */
export function createServiceCodeMaster(entries: readonly ServiceCodeEntry[]): ListedServiceCodeMaster {
  expectArguments('createServiceCodeMaster', [['entries', entries, ENTRIES]]);
  const list = Object.freeze([...entries].map((e) => Object.freeze({ ...e })));
  const byCode = new Map<string, ServiceCodeEntry[]>();
  const nationalTypes = new Set<string>();
  const insurerTypes = new Set<string>(); // `${insurer}|${type}`
  for (const e of list) {
    const same = byCode.get(e.code);
    if (same) same.push(e);
    else byCode.set(e.code, [e]);
    const type = e.code.slice(0, 2);
    if (e.insurer === undefined) nationalTypes.add(type);
    else insurerTypes.add(`${e.insurer}|${type}`);
  }
  return {
    entries: list,
    covers(serviceType: string, insurer?: string): boolean {
      return nationalTypes.has(serviceType) || (insurer !== undefined && insurerTypes.has(`${insurer}|${serviceType}`));
    },
    lookup(serviceCode: string, query: ServiceCodeQuery): readonly ServiceCodeEntry[] {
      const all = byCode.get(serviceCode);
      if (!all) return NONE;
      return all.filter((e) => e.insurer === undefined || e.insurer === query?.insurer);
    },
  };
}
