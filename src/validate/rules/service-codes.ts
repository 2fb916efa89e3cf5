// Each サービスコード against the service-code master the caller gave (ValidateOptions.serviceCodes): every field of
// format `serviceCode` (第6表 No.15, 第7表 No.9, found by format in the layouts), looked up for the record's
// 対象年月 and 保険者番号. Unknown → RECORD_SERVICE_CODE_UNKNOWN; known but not for that month →
// RECORD_SERVICE_CODE_OUT_OF_PERIOD naming the periods; a type the master does not cover → nothing. Where the
// master gives 単位数, the record's units are checked against it (RECORD_SERVICE_UNITS_DIFFER, see unitChecks).
// One cause, one issue: each is reported once per file and cause — (code, month, insurer) for the first two,
// (code, field, value, master units) for the units — at the end of the file, located at its first row, with the
// records it stands for (`affected`, and in the message), so a code on 20 visits is one issue, not 20, and a
// whole file and a stream at any chunking give the same report.
import { AffectedLines, RunBudget, type CountedLines } from '../../affected-lines.js';
import type { IssueSink } from '../../issue-sink.js';
import { issue } from '../../rules/index.js';
import type { IssueDraft } from '../../rules/draft.js';
import type { MessageParams } from '../../messages/catalogue.js';
import { RECORD_KEYS } from '../../../spec-tables/record-keys.js';
import { layoutKindOf, type Layout } from '../../spec.js';
import { entryHolds, type ServiceCodeEntry, type ServiceCodeMaster } from '../../service-codes/master.js';
import { fieldRef } from '../layout-fields.js';
import { annexRowType } from '../record-rules.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

const CODE = /^[0-9A-Z]{6}$/;
const MONTH = /^\d{4}(0[1-9]|1[0-2])$/;
/** Answers kept per file before the cache starts afresh (a month of a large office uses a few hundred codes). */
const CACHE_LIMIT = 10_000;
/**
 * Causes gathered per file (listed or only counted). Past this many, a new cause is reported row by row as before
 * (capped per code by the sink), so memory stays bounded whatever the file; the causes already gathered go on
 * counting their rows.
 */
export const PENDING_CAUSES_LIMIT = 10_000;

/** The codes this rule reports. */
type ServiceCodeIssue = 'RECORD_SERVICE_CODE_UNKNOWN' | 'RECORD_SERVICE_CODE_OUT_OF_PERIOD' | 'RECORD_SERVICE_UNITS_DIFFER';

/** What a cause's issue says, but its count and lines: its code, params and first row (a union, params tied to code). */
type Found = {
  [C in ServiceCodeIssue]: {
    readonly code: C;
    /** The params without the counted records (see CountedLines). */
    readonly params: Omit<MessageParams[C], 'records' | 'lines' | 'linesOmitted'>;
    readonly where: { readonly file: string; readonly line: number; readonly record: number; readonly field: ReturnType<typeof fieldRef>; readonly value: string };
  };
}[ServiceCodeIssue];

/** One cause being gathered: its first row's issue and its records; `lines` undefined when past the code's cap (only counted). */
interface Pending {
  readonly found: Found;
  readonly lines: AffectedLines | undefined;
}

/**
 * The master's answer for one code, month and insurer: nothing to say (type not covered), unknown, out of
 * period, or the entry in force (its units, when it gives them and they are fixed).
 */
type Answer =
  | { readonly kind: 'silent' }
  | { readonly kind: 'unknown'; readonly insurer: string | undefined }
  | { readonly kind: 'outOfPeriod'; readonly periods: readonly { from: string; to?: string }[]; readonly insurer: string | undefined }
  | { readonly kind: 'known'; readonly units: number | undefined };

const SILENT: Answer = { kind: 'silent' };

/**
 * 単位数 checked only for codes whose master 単位数 is a fixed, positive number: 加算 and 減算 (by their 名称) are
 * left out, since many are computed by rate (処遇改善加算, 同一建物減算 …) and their master figure is not what
 * the record carries.
 */
function fixedUnits(entry: ServiceCodeEntry): number | undefined {
  if (entry.units === undefined || !(entry.units > 0)) return undefined;
  if (entry.name !== undefined && /[加減]算/.test(entry.name)) return undefined;
  return entry.units;
}

/** A field checked against the master's units, and how (spec-tables `masterUnits`; see docs/service-codes.md). */
interface UnitCheck {
  readonly key: string;
  readonly relation: 'equal' | 'atMost';
}

/** What the rule reads of a layout, all from spec-tables: the codes, the record's 保険者番号 and 対象年月, the figures. */
interface LayoutFacts {
  readonly codeKeys: readonly string[];
  readonly insurerKey: string | undefined;
  readonly monthKey: string | undefined;
  readonly units: readonly UnitCheck[];
}

const layoutCache = new WeakMap<Layout, LayoutFacts>();

function layoutFacts(layout: Layout): LayoutFacts {
  let facts = layoutCache.get(layout);
  if (!facts) {
    const keyOf = (format: string) => layout.fields.find((f) => f.format === format)?.key;
    // The month the code is asked for is the record key's (対象年月), not any other month of the record.
    const recordKey: readonly string[] = RECORD_KEYS[layoutKindOf(layout.kind)].key;
    facts = {
      codeKeys: layout.fields.filter((f) => f.format === 'serviceCode').map((f) => f.key),
      insurerKey: keyOf('insurerNumber'),
      monthKey: layout.fields.find((f) => f.format === 'month' && recordKey.includes(f.key))?.key,
      units: layout.fields.flatMap((f) => (f.masterUnits ? [{ key: f.key, relation: f.masterUnits }] : [])),
    };
    layoutCache.set(layout, facts);
  }
  return facts;
}

export class ServiceCodeRule implements FileRule {
  private readonly answers = new Map<string, Answer>();
  /** The causes found so far, by code and key, in the order first seen. */
  private readonly pending = new Map<string, Pending>();
  /** The line runs kept in this file, over every cause. */
  private readonly budget = new RunBudget();

  constructor(
    private readonly scope: FileScope,
    private readonly master: ServiceCodeMaster,
  ) {}

  onRecord(seen: SeenRecord): void {
    const { codeKeys, insurerKey, monthKey, units } = layoutFacts(seen.layout);
    if (codeKeys.length === 0 || monthKey === undefined) return;
    const record = seen.record as unknown as Readonly<Record<string, string | undefined>>;
    const month = record[monthKey] ?? '';
    if (!MONTH.test(month)) return; // the field rules report a bad month
    const insurer = (insurerKey && record[insurerKey]) || undefined;
    for (const key of codeKeys) {
      const code = record[key] ?? '';
      // A malformed code is the field rules' (FIELD_FORMAT); subtotal and total rows carry pseudo-codes.
      if (!CODE.test(code) || annexRowType(code) !== 'detail') continue;
      const answer = this.answer(code, month, insurer);
      const insurerOf = answer.kind !== 'silent' && answer.kind !== 'known' && answer.insurer ? { insurer: answer.insurer } : {};
      const cause = `${code}|${month}|${insurer ?? ''}`;
      if (answer.kind === 'unknown') this.found(seen, `U|${cause}`, () => ({ code: 'RECORD_SERVICE_CODE_UNKNOWN', params: { code, month, ...insurerOf }, where: this.at(seen, key, code) }));
      else if (answer.kind === 'outOfPeriod') {
        const periods = answer.periods;
        this.found(seen, `P|${cause}`, () => ({ code: 'RECORD_SERVICE_CODE_OUT_OF_PERIOD', params: { code, month, periods, ...insurerOf }, where: this.at(seen, key, code) }));
      } else if (answer.kind === 'known' && answer.units !== undefined) this.checkUnits(seen, record, code, answer.units, units);
    }
  }

  private checkUnits(seen: SeenRecord, record: Readonly<Record<string, string | undefined>>, code: string, master: number, checks: readonly UnitCheck[]): void {
    for (const check of checks) {
      const value = record[check.key] ?? '';
      if (!/^-?\d+$/.test(value)) continue; // empty (割引後単位数 when no discount) or malformed (the field rules')
      const n = Number(value);
      if (check.relation === 'equal' ? n === master : n <= master) continue;
      this.found(seen, `D|${code}|${check.key}|${value}|${master}`, () => {
        const field = fieldRef(seen.layout, check.key)!;
        return { code: 'RECORD_SERVICE_UNITS_DIFFER', params: { code, field: { no: field.no, name: field.name }, value, units: master, relation: check.relation }, where: this.at(seen, check.key, value) };
      });
    }
  }

  /** Where a cause's issue is: its first row, the field and value. */
  private at(seen: SeenRecord, key: string, value: string): Found['where'] {
    return { ...seen.where, field: fieldRef(seen.layout, key), value };
  }

  /**
   * One more row of the cause `key`; `make` says what its issue is, asked only for the cause's first row. The
   * cause is counted against its code's cap once, when first seen (so the cap keeps the first causes of the file,
   * in file order); past the cap only its existence is kept. Past PENDING_CAUSES_LIMIT causes, a new one is an
   * issue of its row at once.
   */
  private found(seen: SeenRecord, key: string, make: () => Found): void {
    const known = this.pending.get(key);
    if (known) {
      known.lines?.add(seen.line, seen.index);
      return;
    }
    const found = make();
    if (this.pending.size >= PENDING_CAUSES_LIMIT) {
      this.scope.sink.add(draftOf(found, { records: 1, lines: [[seen.line, seen.line]] }));
      return;
    }
    const lines = this.scope.sink.take(found.code) ? new AffectedLines(this.budget) : undefined;
    lines?.add(seen.line, seen.index);
    this.pending.set(key, { found, lines });
  }

  /** One issue per cause under the cap, in the order first seen (the sink sorts them by position). */
  finish(sink: IssueSink): void {
    for (const { found, lines } of this.pending.values()) if (lines) sink.keep(draftOf(found, lines.counted));
    this.pending.clear();
  }

  /** The master's answer, asked once per code, month and insurer in a file. */
  private answer(code: string, month: string, insurer: string | undefined): Answer {
    const key = `${code}|${month}|${insurer ?? ''}`;
    let answer = this.answers.get(key);
    if (!answer) {
      if (this.answers.size >= CACHE_LIMIT) this.answers.clear();
      answer = this.ask(code, month, insurer);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private ask(code: string, month: string, insurer: string | undefined): Answer {
    const master = this.master;
    const type = code.slice(0, 2);
    if (!master.covers(type, insurer)) return SILENT;
    // The insurer is named in messages when the master covers the type for this 保険者 only (総合事業 codes).
    const perInsurer = insurer !== undefined && !master.covers(type) ? insurer : undefined;
    const entries = master.lookup(code, { month, insurer });
    if (!entries || entries.length === 0) return { kind: 'unknown', insurer: perInsurer };
    const holding = entries.filter((e) => entryHolds(e, month));
    if (holding.length === 0) {
      const periods = [...entries]
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
        .map((e) => (e.to === undefined ? { from: e.from } : { from: e.from, to: e.to }))
        .filter((p, i, all) => i === 0 || p.from !== all[i - 1]!.from || p.to !== all[i - 1]!.to);
      return { kind: 'outOfPeriod', periods, insurer: perInsurer };
    }
    // Entries in force that disagree on 単位数 (a MASTER_CONFLICT) leave the units unchecked.
    const units = new Set(holding.map(fixedUnits));
    return { kind: 'known', units: units.size === 1 ? [...units][0] : undefined };
  }
}

/** A cause's issue with its records: in its params (for the message) and as `affected`. */
function draftOf(found: Found, counted: CountedLines): IssueDraft {
  return issue(found.code, { ...found.params, ...counted } as MessageParams[ServiceCodeIssue], { ...found.where, affected: counted }) as IssueDraft;
}
