// 第7表 (UPSIKYU) per user: its 全合計 row (FILE_TOTAL_MISSING), an AAAA subtotal for a service type of several rows
// (FILE_SUBTOTAL_MISSING), and no subtotal of a type the user has no rows of (RECORD_SUBTOTAL_TYPE). The rows
// are kept packed, for these rules and for the send unit's cross-checks (FileFacts.annex).
import { issue } from '../../rules/index.js';
import { KIND_ROLES, type FileKind } from '../../spec.js';
import type { AnnexRowFact } from '../file-facts.js';
import { annexRows, type PackedMap } from '../packed-summaries.js';
import { annexRowType } from '../record-rules.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/**
 * 第7表 rows kept before the users seen so far are checked and let go, when no send unit needs them (a month of a
 * large office is a few thousand rows; a user's rows come together).
 */
const ANNEX_ROWS_KEPT = 20_000;

export class AnnexTotalsRule implements FileRule {
  readonly kinds: readonly FileKind[] = [KIND_ROLES.annex];
  /** Per user (insurer|insured|month), its 第7表 rows. */
  readonly rows: PackedMap<AnnexRowFact[]>;
  private count = 0;

  constructor(private readonly scope: FileScope) {
    this.rows = annexRows(scope.strings);
  }

  /**
   * Keeps the row for the rules and the send-unit cross-checks. Alone (no send unit to compare the rows with, as
   * in validateStream) a file's users are checked and let go once more than ANNEX_ROWS_KEPT rows are kept, so
   * that memory stays bounded (a file keeps a user's rows together).
   */
  onRecord({ record, line, index }: SeenRecord<typeof KIND_ROLES.annex>): void {
    const user = this.scope.userKeys.of(`${record.insurerNumber}|${record.insuredNumber}|${record.serviceMonth}`);
    if (!this.rows.has(user) && !this.scope.needs.annex && this.count > ANNEX_ROWS_KEPT) {
      this.checkUsers();
      this.rows.clear();
      this.count = 0;
    }
    const rows = this.rows.open(user, () => []);
    this.count++;
    rows.push({
      row: annexRowType(record.serviceCode ?? ''),
      office: record.serviceOfficeNumber ?? '',
      code: record.serviceCode ?? '',
      equipment: record.taisCode || record.equipmentNotificationCode || '',
      satellite: record.satelliteBranch ?? '',
      units: record.units ?? '',
      discountedUnits: record.discountedUnits ?? '',
      times: record.timesOrDays ?? '',
      amount: record.serviceUnitsOrAmount ?? '',
      benefitUnits: record.benefitManagementUnits ?? '',
      excessUnits: record.categoryLimitExcessUnits ?? '',
      withinUnits: record.categoryLimitWithinUnits ?? '',
      typeExcessUnits: record.typeLimitExcessUnits ?? '',
      over30: record.over30Days === '1',
      line,
      record: index,
    });
  }

  finish(): void {
    this.checkUsers();
  }

  private checkUsers(): void {
    for (const [user, rows] of this.rows) this.checkUser(user, rows);
  }

  private checkUser(user: string, rows: readonly AnnexRowFact[]): void {
    const sink = this.scope.sink;
    const [insurer, insured] = user.split('|');
    const who = `${insurer}-${insured}`;
    const first = rows[0]!.line;
    const details = new Map<string, number>(); // office|type → rows
    for (const r of rows) {
      if (r.row !== 'detail') continue;
      const k = `${r.office}|${r.code.slice(0, 2)}`;
      details.set(k, (details.get(k) ?? 0) + 1);
    }
    const subtotals = rows.filter((r) => r.row === 'subtotal');
    if (!rows.some((r) => r.row === 'total')) sink.add(issue('FILE_TOTAL_MISSING', { user: who }, { line: first, value: who }));
    for (const [k, n] of details) {
      const [office = '', type = ''] = k.split('|');
      if (n > 1 && !subtotals.some((s) => s.office === office && s.code === `${type}AAAA`)) {
        sink.add(issue('FILE_SUBTOTAL_MISSING', { user: who, office, type }, { line: first, value: `${type}AAAA` }));
      }
    }
    for (const s of subtotals) {
      const type = s.code.slice(0, 2);
      if (!details.has(`${s.office}|${type}`)) {
        sink.add(issue('RECORD_SUBTOTAL_TYPE', { code: s.code, type, office: s.office, user: who }, { line: s.line, record: s.record, value: s.code }));
      }
    }
  }
}
