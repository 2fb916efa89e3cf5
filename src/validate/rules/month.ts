// The month a file is for: 対象年月 / 削除対象年月 of each record against the month in the file name
// (FILE_MONTH_MISMATCH), and one service month per monthly file (FILE_MULTIPLE_MONTHS).
import { FILE_NAMES } from '../../../spec-tables/file-names.js';
import type { FileNameSpec } from '../../../spec-tables/types.js';
import { ruleIssue } from '../../rules/index.js';
import type { FileKind } from '../../spec.js';
import type { IssueList } from '../issue-list.js';
import { fieldRef } from '../layout-fields.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/** The month segment rule of a kind's file name, if its names carry one. */
function monthOf(kind: FileKind): FileNameSpec['month'] {
  return (FILE_NAMES[kind] as FileNameSpec).month;
}

/** The kinds of which one file holds one service month. */
const MONTHLY_KINDS: readonly FileKind[] = ['UPPLAN', 'UPJSK', 'UPSIKYU', 'DLTPLAN', 'DLTJSK'];

export class MonthRule implements FileRule {
  /** Each month the records give, with the line of its first record (read by the version rule too). */
  readonly months = new Map<string, number>();
  /** Months already reported as differing from the name's. */
  private readonly mismatched = new Set<string>();

  constructor(private readonly scope: FileScope) {}

  onRecord({ record, layout, line, where }: SeenRecord): void {
    const spec = monthOf(layout.kind);
    if (!spec) return;
    const value = record[spec.recordField] ?? '';
    if (!this.months.has(value)) this.months.set(value, line);
    const nameMonth = this.scope.info?.month;
    if (nameMonth && /^\d{6}$/.test(nameMonth) && value !== nameMonth && !this.mismatched.has(value)) {
      this.mismatched.add(value);
      const field = fieldRef(layout, spec.recordField);
      this.scope.issues.push(
        ruleIssue(
          'FILE_MONTH_MISMATCH',
          `${field?.name} ${value} がファイル名の${spec.ja} ${nameMonth} と違います。`,
          `${field?.name} ${value} differs from the file name's month ${nameMonth}.`,
          { ...where, field, value },
        ),
      );
    }
  }

  finish(issues: IssueList): void {
    const kind = this.scope.kind;
    if (!kind || !monthOf(kind) || this.months.size <= 1 || !MONTHLY_KINDS.includes(kind)) return;
    const list = [...this.months.keys()];
    issues.push(
      ruleIssue(
        'FILE_MULTIPLE_MONTHS',
        `1ファイルに複数の提供月（${list.join('・')}）があります。単月ごとにファイルを作ります。`,
        `Several service months in one file (${list.join(', ')}); one file holds one month.`,
        { file: this.scope.file, line: this.months.get(list[1]!), value: list.join(',') },
      ),
    );
  }
}
