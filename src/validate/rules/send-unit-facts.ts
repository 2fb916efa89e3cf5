// What a file's send unit will read of it (FileFacts), collected record by record: the relation keys the unit
// matches files by, 第6表 services per user, 利用者補足 limits per user, the family-diagram images named. Only
// what the unit needs (FactNeeds) is kept, packed (packed-summaries.ts); the 第7表 rows are the annex rule's.
import { KIND_ROLES, type FileKind, type Layout } from '../../spec.js';
import { annexKey, NO_FACTS, type AnnexRowFact, type FileFacts, type PlannedService } from '../file-facts.js';
import { plannedServices, supplementLimits, type PackedMap } from '../packed-summaries.js';
import { relationKeysOf } from '../relation-keys.js';
import type { TextRecord } from '../text-record.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/** A 日割対象日 mask ('1' per day, day 1 first) as bits, day 1 = bit 0; 0 for no or a malformed mask. */
function dayBits(mask: string): number {
  if (!/^[01]{31}$/.test(mask)) return 0;
  let bits = 0;
  for (let d = 0; d < 31; d++) if (mask.charCodeAt(d) === 49) bits |= 1 << d;
  return bits;
}

export class SendUnitFacts implements FileRule {
  private readonly relationKeys = new Map<string, Map<string, number>>();
  private readonly schedule: PackedMap<Map<string, PlannedService>>;
  private readonly limits: PackedMap<{ limit: string; line: number }>;
  private readonly images = new Set<string>();
  /** The previous record's user and relation-key values: rows of one user come together, skip the work. */
  private lastUser = { insurer: '', insured: '', month: '', plan: '', consultation: '', key: '' };

  /** `annex`: the 第7表 rows the annex rule keeps. */
  constructor(
    private readonly scope: FileScope,
    private readonly annex: PackedMap<AnnexRowFact[]>,
  ) {
    this.schedule = plannedServices(scope.strings);
    this.limits = supplementLimits(scope.strings);
  }

  onRecord({ record, layout, line, index }: SeenRecord): void {
    const needs = this.scope.needs;
    if (needs === NO_FACTS) return;
    const kind = layout.kind;
    if (needs.keys.length === 0 && !(needs.schedule && (kind === KIND_ROLES.plan || kind === KIND_ROLES.actual)) && !(needs.limits && kind === KIND_ROLES.supplement)) {
      if (needs.images && kind === KIND_ROLES.basicInfo && record.familyDiagramFileName) this.images.add(record.familyDiagramFileName);
      return;
    }
    const user = this.userOf(record, layout, line);
    if (kind === KIND_ROLES.plan || kind === KIND_ROLES.actual) {
      if (!needs.schedule) return;
      const rows = this.schedule.open(user, () => new Map());
      // One row of 第7表 per office, service code and rented product (TAIS or 届出コード), and per サテライト枝番 and
      // ３０日超区分: a service past the 30th day of a short stay has a row of its own in both tables.
      const k = annexKey(record.serviceOfficeNumber, record.serviceCode, record.taisCode || record.equipmentNotificationCode, record.satelliteBranch, record.over30Days);
      const count = /^\d+$/.test(record.serviceCount ?? '') ? Number(record.serviceCount) : 0;
      let row = rows.get(k);
      if (!row) rows.set(k, (row = { count: 0, units: [], prorated: 0, line, record: index }));
      row.count += count;
      // Distinct non-zero units: 共生型 sets the reduction on the first day and 0 on the others, and a
      // 率加減算 row of 実績 may carry 0 (第6表 No.8). A few are enough to know whether there is one.
      const units = record.units ?? '';
      if (/^-?\d+$/.test(units) && Number(units) !== 0 && !row.units.includes(units) && row.units.length < 3) row.units.push(units);
      row.prorated |= dayBits(record.proratedDays ?? '');
    } else if (kind === KIND_ROLES.supplement) {
      if (needs.limits && !this.limits.has(user)) this.limits.open(user, () => ({ limit: record.benefitLimitUnits ?? '', line }));
    } else if (needs.images && kind === KIND_ROLES.basicInfo && record.familyDiagramFileName) {
      this.images.add(record.familyDiagramFileName);
    }
  }

  /**
   * The record's user (insurer|insured|month), its relation keys noted when the unit reads them. The work is
   * skipped while the rows are of the user and document of the previous record.
   */
  private userOf(record: TextRecord, layout: Layout, line: number): string {
    const last = this.lastUser;
    const insurer = record.insurerNumber ?? '';
    const insured = record.insuredNumber ?? '';
    const month = record.serviceMonth ?? '';
    const plan = record.planChangeDate ?? '';
    const consultation = record.consultationDate ?? '';
    const same =
      last.key !== '' && last.insurer === insurer && last.insured === insured && last.month === month && last.plan === plan && last.consultation === consultation;
    if (same) return last.key;
    const userKeys = this.scope.userKeys;
    for (const fields of relationKeysOf(layout)) {
      const name = fields.join('+');
      if (!this.scope.needs.keys.includes(name)) continue;
      let values = this.relationKeys.get(name);
      if (!values) this.relationKeys.set(name, (values = new Map()));
      const value = fields.map((f) => record[f]).join('|');
      if (!values.has(value)) values.set(userKeys.of(value), line);
    }
    this.lastUser = { insurer, insured, month, plan, consultation, key: userKeys.of(`${insurer}|${insured}|${month}`) };
    return this.lastUser.key;
  }

  /** What the send-unit checks need of this file (once every record is read). */
  facts(kind: FileKind | undefined, csvVersion: string | undefined): FileFacts {
    this.schedule.settle();
    this.annex.settle();
    this.limits.settle();
    return {
      file: this.scope.file,
      info: this.scope.info,
      kind,
      csvVersion,
      keys: this.relationKeys,
      schedule: this.schedule,
      annex: this.annex,
      limits: this.limits,
      images: this.images,
    };
  }
}
