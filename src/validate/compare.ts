// Plan vs delivery: the table a care manager checks before billing. For each user, office, service code and
// day, what was planned (第6表 予定, UPPLAN) and what was delivered (第6表 実績, UPJSK).
import { readCsvFile, type CsvRecord } from '../codec/index.js';
import type { Issue } from '../issues.js';
import { ruleIssue } from '../rules/index.js';
import type { InputFile } from './validate.js';

export interface Visit {
  readonly start: string;
  readonly end: string;
  readonly count: string;
  /** Physical line in its file. */
  readonly line: number;
}

export type PlanActualStatus = 'as-planned' | 'planned-not-delivered' | 'delivered-not-planned' | 'different';

export interface PlanActualRow {
  readonly insurerNumber: string;
  readonly insuredNumber: string;
  readonly office: string;
  readonly serviceCode: string;
  readonly date: string;
  readonly status: PlanActualStatus;
  readonly planned: Visit[];
  readonly delivered: Visit[];
}

export interface PlanActualComparison {
  readonly month: string | undefined;
  /** Offices compared: those the 実績 file reports on (a provider sends only its own deliveries). */
  readonly offices: string[];
  readonly rows: PlanActualRow[];
  readonly summary: Readonly<Record<PlanActualStatus, number>>;
  /** Problems that make the comparison unreliable: unreadable files, other kinds, different months. */
  readonly issues: Issue[];
}

export interface CompareOptions {
  /** Compare only these service offices (default: every office in the 実績 file). */
  readonly offices?: readonly string[];
}

type Key = string;
const keyOf = (r: CsvRecord): Key =>
  [r.insurerNumber, r.insuredNumber, r.serviceOfficeNumber, r.serviceCode, r.serviceDate].join('|');
const visitOf = (r: CsvRecord, line: number): Visit => ({
  start: r.serviceStartTime ?? '',
  end: r.serviceEndTime ?? '',
  count: r.serviceCount ?? '',
  line,
});
const sameVisits = (a: Visit[], b: Visit[]): boolean => {
  const sig = (v: Visit[]) => v.map((x) => `${x.start}-${x.end}x${x.count}`).sort().join(',');
  return sig(a) === sig(b);
};

/**
 * Compare a UPPLAN (予定) with a UPJSK (実績) of the same month: per user, office, service code and day,
 * what was planned and not delivered, delivered and not planned, and delivered with another time or count.
 * Never throws on bad input: problems are in `issues`.
 */
export function comparePlanToActual(plan: InputFile, actual: InputFile, options: CompareOptions = {}): PlanActualComparison {
  const issues: Issue[] = [];
  const read = (f: InputFile, kind: 'UPPLAN' | 'UPJSK') => {
    const named = readCsvFile(f);
    const r = named.kind ? named : readCsvFile(f, { kind }); // a name without a kind: take the role's kind
    issues.push(...r.issues.filter((i) => i.severity === 'error'));
    if (r.kind !== kind) {
      issues.push(
        ruleIssue('COMPARE_WRONG_KIND', `${f.name} は ${kind} ではありません（${r.kind ?? '不明'}）。`, `${f.name} is not a ${kind} file (${r.kind ?? 'unknown'}).`, { file: f.name, value: r.kind }),
      );
    }
    return r;
  };
  const p = read(plan, 'UPPLAN');
  const a = read(actual, 'UPJSK');
  const months = new Set([...p.records, ...a.records].map((r) => r.serviceMonth ?? ''));
  if (months.size > 1) {
    issues.push(
      ruleIssue('COMPARE_MONTH_MISMATCH', `予定と実績の対象年月が違います（${[...months].join('・')}）。`, `Plan and delivery cover different months (${[...months].join(', ')}).`, { file: actual.name, value: [...months].join(',') }),
    );
  }
  const offices = options.offices ? [...options.offices] : [...new Set(a.records.map((r) => r.serviceOfficeNumber ?? ''))];
  const wanted = new Set(offices);
  const table = new Map<Key, { record: CsvRecord; planned: Visit[]; delivered: Visit[] }>();
  const add = (records: CsvRecord[], lines: number[], side: 'planned' | 'delivered') =>
    records.forEach((r, i) => {
      if (!wanted.has(r.serviceOfficeNumber ?? '')) return;
      const k = keyOf(r);
      let entry = table.get(k);
      if (!entry) table.set(k, (entry = { record: r, planned: [], delivered: [] }));
      entry[side].push(visitOf(r, lines[i]!));
    });
  add(p.records, p.lines, 'planned');
  add(a.records, a.lines, 'delivered');

  const rows: PlanActualRow[] = [...table.values()].map(({ record: r, planned, delivered }) => ({
    insurerNumber: r.insurerNumber ?? '',
    insuredNumber: r.insuredNumber ?? '',
    office: r.serviceOfficeNumber ?? '',
    serviceCode: r.serviceCode ?? '',
    date: r.serviceDate ?? '',
    status:
      delivered.length === 0
        ? 'planned-not-delivered'
        : planned.length === 0
          ? 'delivered-not-planned'
          : sameVisits(planned, delivered)
            ? 'as-planned'
            : 'different',
    planned,
    delivered,
  }));
  rows.sort((x, y) =>
    `${x.insurerNumber}|${x.insuredNumber}|${x.date}|${x.office}|${x.serviceCode}`.localeCompare(
      `${y.insurerNumber}|${y.insuredNumber}|${y.date}|${y.office}|${y.serviceCode}`,
    ),
  );
  const summary = { 'as-planned': 0, 'planned-not-delivered': 0, 'delivered-not-planned': 0, different: 0 };
  for (const row of rows) summary[row.status]++;
  return { month: months.size === 1 ? [...months][0] : undefined, offices, rows, summary, issues };
}
