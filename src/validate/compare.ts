// Plan vs delivery: the table a care manager checks before billing. For each user, office, service code and
// day, what was planned (第6表 予定, UPPLAN) and what was delivered (第6表 実績, UPJSK).
import { COMPARE_OPTIONS, expectArguments, INPUT_FILE } from '../arguments.js';
import { readCsvFile } from '../codec/index.js';
import type { Issue } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import { resolvePolicy } from '../policy.js';
import { issue } from '../rules/index.js';
import { KIND_ROLES } from '../spec.js';
import type { Profile } from './file-validator.js';
import type { TextRecord } from './text-record.js';
import type { InputFile } from './validate.js';

export interface Visit {
  /** サービス開始時刻 HHMM, `9999` when the service has no time (福祉用具貸与, …). */
  readonly start: string;
  readonly end: string;
  readonly count: string;
  /** Physical line in its file. */
  readonly line: number;
  /** The rented product (TAISコード, else 福祉用具届出コード), when the row names one. */
  readonly product?: string;
}

export type PlanActualStatus = 'as-planned' | 'planned-not-delivered' | 'delivered-not-planned' | 'different';

/** What differs between a planned visit and the delivered visit paired with it. */
export type VisitChange = 'start' | 'end' | 'count' | 'product';

/**
 * One planned visit and the delivered visit paired with it, or a visit on one side only. A user, office,
 * service code and day with two visits gives two rows.
 */
export interface PlanActualRow {
  readonly insurerNumber: string;
  readonly insuredNumber: string;
  readonly office: string;
  readonly serviceCode: string;
  readonly date: string;
  readonly status: PlanActualStatus;
  /** The planned visit (none when delivered and not planned). */
  readonly planned: Visit[];
  /** The delivered visit (none when planned and not delivered). */
  readonly delivered: Visit[];
  /** For `different`: what differs (counts compared as numbers: `01` is `1`). */
  readonly changes?: VisitChange[];
}

export interface PlanActualComparison {
  readonly month: string | undefined;
  /** Offices compared: those the 実績 file reports on (a provider sends only its own deliveries). */
  readonly offices: string[];
  readonly rows: PlanActualRow[];
  readonly summary: Readonly<Record<PlanActualStatus, number>>;
  /**
   * The readers' errors and warnings (under the profile) and the comparison's own problems: files of other kinds,
   * different months. An error means the comparison is not reliable.
   */
  readonly issues: Issue[];
}

export interface CompareOptions {
  /** Compare only these service offices (default: every office in the 実績 file). */
  readonly offices?: readonly string[];
  /**
   * `strict` (default): a file the reader stops at (UTF-8, say) is not compared. `lenient`: such a file is read on
   * (UTF-8 decoded, header row skipped) and the problems are warnings, as in validation's lenient profile.
   */
  readonly profile?: Profile;
}

/** A 第6表 record, 予定 or 実績 (UPJSK is written in UPPLAN's layout). */
type ScheduleRecord = TextRecord<typeof KIND_ROLES.plan>;

type Key = string;
const keyOf = (r: ScheduleRecord): Key =>
  [r.insurerNumber, r.insuredNumber, r.serviceOfficeNumber, r.serviceCode, r.serviceDate].join('|');
const visitOf = (r: ScheduleRecord, line: number): Visit => {
  const product = r.taisCode || r.equipmentNotificationCode || '';
  return {
    start: r.serviceStartTime ?? '',
    end: r.serviceEndTime ?? '',
    count: r.serviceCount ?? '',
    line,
    ...(product ? { product } : {}),
  };
};

/** Minutes after midnight of an HHMM time; undefined for 9999 (no time) and for what is not a time. */
const minutes = (t: string): number | undefined => (/^\d{4}$/.test(t) && t !== '9999' ? Number(t.slice(0, 2)) * 60 + Number(t.slice(2)) : undefined);

/** サービス回数 is an integer field: `01` and `1` are the same count. */
const sameCount = (a: string, b: string): boolean => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) === Number(b) : a.trim() === b.trim());

function changesOf(p: Visit, d: Visit): VisitChange[] {
  const changes: VisitChange[] = [];
  if (p.start !== d.start) changes.push('start');
  if (p.end !== d.end) changes.push('end');
  if (!sameCount(p.count, d.count)) changes.push('count');
  if ((p.product ?? '') !== (d.product ?? '')) changes.push('product');
  return changes;
}

/** Above this many timed pairs in one user's service and day, visits are paired in time order (see pairVisits). */
const MAX_CANDIDATE_PAIRS = 10_000;

/**
 * Pair the planned and delivered visits of one user, office, service code and day: first those with the
 * same start and end (the same product first), then the rest by nearest start time, then whatever is left
 * with no time (9999) in file order. What stays unpaired was planned and not delivered, or delivered and
 * not planned.
 */
function pairVisits(planned: readonly Visit[], delivered: readonly Visit[]): [Visit | undefined, Visit | undefined][] {
  const pairs: [Visit | undefined, Visit | undefined][] = [];
  const freeP = new Set(planned.map((_, i) => i));
  const freeD = new Set(delivered.map((_, i) => i));
  const take = (i: number, j: number) => {
    freeP.delete(i);
    freeD.delete(j);
    pairs.push([planned[i], delivered[j]]);
  };
  const exact = (sameProduct: boolean) => {
    // Delivered visits by start, end (and product), in file order: one lookup a planned visit.
    const visitKey = (v: Visit) => `${v.start}|${v.end}${sameProduct ? `|${v.product ?? ''}` : ''}`;
    const byKey = new Map<string, number[]>();
    for (const j of freeD) {
      const k = visitKey(delivered[j]!);
      const list = byKey.get(k);
      if (list) list.push(j);
      else byKey.set(k, [j]);
    }
    for (const i of [...freeP]) {
      const j = byKey.get(visitKey(planned[i]!))?.shift();
      if (j !== undefined) take(i, j);
    }
  };
  exact(true);
  exact(false);
  const timedP = [...freeP].filter((i) => minutes(planned[i]!.start) !== undefined);
  const timedD = [...freeD].filter((j) => minutes(delivered[j]!.start) !== undefined);
  if (timedP.length * timedD.length <= MAX_CANDIDATE_PAIRS) {
    // Nearest start: all timed candidate pairs, closest first (ties in file order).
    const candidates: { i: number; j: number; gap: number }[] = [];
    for (const i of timedP) {
      const a = minutes(planned[i]!.start)!;
      for (const j of timedD) candidates.push({ i, j, gap: Math.abs(a - minutes(delivered[j]!.start)!) });
    }
    candidates.sort((x, y) => x.gap - y.gap || x.i - y.i || x.j - y.j);
    for (const { i, j } of candidates) if (freeP.has(i) && freeD.has(j)) take(i, j);
  } else {
    // More visits of one service on one day than any real day has (a generated or broken file): pair them in
    // order of start time, which costs n log n instead of every pair.
    const byStart = (list: readonly Visit[]) => (x: number, y: number) => minutes(list[x]!.start)! - minutes(list[y]!.start)! || x - y;
    timedP.sort(byStart(planned));
    timedD.sort(byStart(delivered));
    for (let k = 0; k < Math.min(timedP.length, timedD.length); k++) take(timedP[k]!, timedD[k]!);
  }
  // A visit with no time on one side and a time on the other: most likely the same visit, recorded differently.
  const restP = [...freeP];
  const restD = [...freeD];
  const n = Math.min(restP.length, restD.length);
  for (let k = 0; k < n; k++) take(restP[k]!, restD[k]!);
  for (const i of freeP) pairs.push([planned[i], undefined]);
  for (const j of freeD) pairs.push([undefined, delivered[j]]);
  return pairs;
}

/** Rows of one day sort by time: the visit's start (planned, else delivered), no time last. */
const timeOf = (row: PlanActualRow): number => {
  const v = row.planned[0] ?? row.delivered[0];
  return (v && minutes(v.start)) ?? 24 * 60;
};

/**
 * Compare a UPPLAN (予定) with a UPJSK (実績) of the same month: per user, office, service code and day,
 * what was planned and not delivered, delivered and not planned, and delivered with another time or count.
 * Never throws on bad input: problems are in `issues`.
 */
export function comparePlanToActual(plan: InputFile, actual: InputFile, options: CompareOptions = {}): PlanActualComparison {
  expectArguments('comparePlanToActual', [['plan', plan, INPUT_FILE], ['actual', actual, INPUT_FILE], ['options', options, COMPARE_OPTIONS]]);
  // The readers' issues and the comparison's own, severities by the profile (the sink lowers under lenient).
  const policy = resolvePolicy({ profile: options.profile });
  const sink = new IssueSink(policy);
  const read = (f: InputFile, kind: typeof KIND_ROLES.plan | typeof KIND_ROLES.actual): { readonly records: readonly ScheduleRecord[]; readonly lines: readonly number[] } => {
    const named = readCsvFile(f, { lenient: policy.lenient });
    const r = named.kind ? named : readCsvFile(f, { lenient: policy.lenient, kind }); // a name without a kind: take the role's kind
    for (const i of r.issues) if (i.severity !== 'info') sink.addIssue(i);
    if (r.kind !== kind) sink.add(issue('COMPARE_WRONG_KIND', r.kind ? { file: f.name, kind, found: r.kind } : { file: f.name, kind }, { file: f.name, value: r.kind }));
    return r;
  };
  const p = read(plan, KIND_ROLES.plan);
  const a = read(actual, KIND_ROLES.actual);
  const months = new Set([...p.records, ...a.records].map((r) => r.serviceMonth ?? ''));
  if (months.size > 1) {
    sink.add(issue('COMPARE_MONTH_MISMATCH', { months: [...months] }, { file: actual.name, value: [...months].join(',') }));
  }
  const offices = options.offices ? [...options.offices] : [...new Set(a.records.map((r) => r.serviceOfficeNumber ?? ''))];
  const wanted = new Set(offices);
  const table = new Map<Key, { record: ScheduleRecord; planned: Visit[]; delivered: Visit[] }>();
  const add = (records: readonly ScheduleRecord[], lines: readonly number[], side: 'planned' | 'delivered') =>
    records.forEach((r, i) => {
      if (!wanted.has(r.serviceOfficeNumber ?? '')) return;
      const k = keyOf(r);
      let entry = table.get(k);
      if (!entry) table.set(k, (entry = { record: r, planned: [], delivered: [] }));
      entry[side].push(visitOf(r, lines[i]!));
    });
  add(p.records, p.lines, 'planned');
  add(a.records, a.lines, 'delivered');

  const rows: PlanActualRow[] = [];
  for (const { record: r, planned, delivered } of table.values()) {
    const at = {
      insurerNumber: r.insurerNumber ?? '',
      insuredNumber: r.insuredNumber ?? '',
      office: r.serviceOfficeNumber ?? '',
      serviceCode: r.serviceCode ?? '',
      date: r.serviceDate ?? '',
    };
    for (const [p, d] of pairVisits(planned, delivered)) {
      if (!d) rows.push({ ...at, status: 'planned-not-delivered', planned: [p!], delivered: [] });
      else if (!p) rows.push({ ...at, status: 'delivered-not-planned', planned: [], delivered: [d] });
      else {
        const changes = changesOf(p, d);
        rows.push(changes.length ? { ...at, status: 'different', planned: [p], delivered: [d], changes } : { ...at, status: 'as-planned', planned: [p], delivered: [d] });
      }
    }
  }
  const lineOf = (row: PlanActualRow) => (row.planned[0] ?? row.delivered[0])?.line ?? 0;
  rows.sort(
    (x, y) =>
      `${x.insurerNumber}|${x.insuredNumber}|${x.date}|${x.office}|${x.serviceCode}`.localeCompare(
        `${y.insurerNumber}|${y.insuredNumber}|${y.date}|${y.office}|${y.serviceCode}`,
      ) ||
      timeOf(x) - timeOf(y) ||
      // A row with a plan before one without; then by line.
      Number(x.planned.length === 0) - Number(y.planned.length === 0) ||
      lineOf(x) - lineOf(y),
  );
  const summary = { 'as-planned': 0, 'planned-not-delivered': 0, 'delivered-not-planned': 0, different: 0 };
  for (const row of rows) summary[row.status]++;
  return { month: months.size === 1 ? [...months][0] : undefined, offices, rows, summary, issues: sink.finish() };
}
