// What a run comes to, the same in the command's text and on the page: issues counted by severity, the mark
// of a file or a send unit, the name of a unit's type, and how many issues fail the run.
import { SEND_UNITS } from '../../spec-tables/send-units.js';
import type { Issue } from '../issues.js';
import type { SendUnitReport, ValidationReport } from '../validate/index.js';
import { fails, type ValidationRun } from './issues.js';

export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function severityCounts(issues: readonly Pick<Issue, 'severity'>[]): SeverityCounts {
  const n = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

/** How many issues are at or above the run's --fail-on: the run fails when there is any. */
export function failingCount(run: ValidationRun): number {
  return run.report.issues.filter((i) => fails(i, run.failOn)).length;
}

/** The mark of a file or a send unit, the same in the command and on the page: ✗ errors, ⚠ warnings only, ✓ neither (info does not count). */
export type Mark = 'error' | 'warning' | 'ok';

export const MARK_SYMBOL: Readonly<Record<Mark, string>> = { error: '✗', warning: '⚠', ok: '✓' };

export function markOf(issues: readonly Pick<Issue, 'severity'>[]): Mark {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.some((i) => i.severity === 'warning') ? 'warning' : 'ok';
}

/** Each file's issues by its name, for unitMark. */
export function issuesByFile(report: ValidationReport): ReadonlyMap<string, readonly Issue[]> {
  return new Map(report.files.map((f) => [f.file, f.issues]));
}

/** A send unit's mark: it covers the unit's own issues and those of its files. */
export function unitMark(unit: SendUnitReport, byFile: ReadonlyMap<string, readonly Issue[]>): Mark {
  return markOf([...unit.issues, ...unit.files.flatMap((f) => byFile.get(f) ?? [])]);
}

/** The name of a send-unit type (`schedule` …) from the spec tables, or undefined for an unknown combination. */
export function unitTypeName(type: string | undefined): { ja: string; en: string } | undefined {
  const spec = SEND_UNITS.find((u) => u.id === type);
  return spec ? { ja: spec.nameJa, en: spec.nameEn } : undefined;
}
