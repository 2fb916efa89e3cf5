// The month a file is for: 対象年月 / 削除対象年月 of each record against the month in the file name
// (FILE_MONTH_MISMATCH), and one service month per monthly file (FILE_MULTIPLE_MONTHS).
import { FILE_NAMES } from '../../../spec-tables/file-names.js';
import { MONTHLY_KINDS } from '../../../spec-tables/kind-roles.js';
import type { FileNameSpec } from '../../../spec-tables/types.js';
import type { IssueSink } from '../../issue-sink.js';
import { issue } from '../../rules/index.js';
import type { FileKind } from '../../spec.js';
import { fieldRef } from '../layout-fields.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/** The month segment rule of a kind's file name, if its names carry one. */
function monthOf(kind: FileKind): FileNameSpec['month'] {
  return (FILE_NAMES[kind] as FileNameSpec).month;
}


export class MonthRule implements FileRule {
  /** Each month the records give, with the line of its first record (read by the version rule too). */
  readonly months = new Map<string, number>();
  /** Months already reported as differing from the name's. */
  private readonly mismatched = new Set<string>();

  /** The month of the file name when it is six digits (the records are compared with it), else undefined. */
  private readonly nameMonth: string | undefined;
  /** The month of the last record (rows of a month come together: the map is not asked again). */
  private lastMonth: string | undefined;

  constructor(private readonly scope: FileScope) {
    const nameMonth = scope.info?.month;
    this.nameMonth = nameMonth && /^\d{6}$/.test(nameMonth) ? nameMonth : undefined;
  }

  onRecord(seen: SeenRecord): void {
    const { record, layout, line } = seen;
    const spec = monthOf(layout.kind);
    if (!spec) return;
    const value = record[spec.recordField] ?? '';
    if (value === this.lastMonth) return; // seen, and compared with the name's month, already
    this.lastMonth = value;
    if (!this.months.has(value)) this.months.set(value, line);
    const nameMonth = this.nameMonth;
    if (nameMonth && value !== nameMonth && !this.mismatched.has(value)) {
      this.mismatched.add(value);
      const field = fieldRef(layout, spec.recordField);
      const name = { no: field?.no ?? 0, name: field?.name ?? spec.recordField };
      this.scope.sink.add(issue('FILE_MONTH_MISMATCH', { field: name, value, nameMonth, month: spec.ja }, { ...seen.where, field, value }));
    }
  }

  finish(sink: IssueSink): void {
    const kind = this.scope.kind;
    if (!kind || !monthOf(kind) || this.months.size <= 1 || !MONTHLY_KINDS.includes(kind)) return;
    const months = [...this.months.keys()];
    sink.add(issue('FILE_MULTIPLE_MONTHS', { months }, { line: this.months.get(months[1]!), value: months.join(',') }));
  }
}
