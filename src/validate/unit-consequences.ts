// One cause, one issue across files: a record left out of the send-unit checks (its columns shifted, see
// src/rules/causes.ts `excludes`) leaves its counterparts in the unit's other files without a match. The unit's
// counterpart checks (CauseRule.unitAbsorbs) cannot tell that from a row really missing, so in such a unit they are
// counted under the first cause that left a record out, in its file's report, rather than listed.
import type { Issue } from '../issues.js';
import { causeRule } from '../rules/causes.js';
import type { FileReport } from './file-validator.js';
import type { SendUnitReport } from './send-units.js';

/** The reports with each unit's counterpart issues moved under the cause that left records out (unchanged when none did). */
export function absorbUnitConsequences(files: FileReport[], units: SendUnitReport[]): { files: FileReport[]; units: SendUnitReport[] } {
  const causeOf = new Map<string, { report: number; issue: number }>();
  files.forEach((f, report) => {
    const issue = f.issues.findIndex((i) => (i.affected?.excluded ?? 0) > 0 && causeRule(i.code)?.unitAbsorbs);
    if (issue >= 0) causeOf.set(f.file, { report, issue });
  });
  if (causeOf.size === 0) return { files, units };
  const out = [...files];
  const outUnits = units.map((unit) => {
    const at = unit.files.map((f) => causeOf.get(f)).find((c) => c !== undefined);
    if (!at) return unit;
    const cause = out[at.report]!.issues[at.issue]!;
    const absorbs = new Set<string>(causeRule(cause.code)!.unitAbsorbs);
    const counted: Record<string, number> = {};
    const kept = unit.issues.filter((i) => {
      if (!absorbs.has(i.code)) return true;
      counted[i.code] = (counted[i.code] ?? 0) + 1;
      return false;
    });
    if (kept.length === unit.issues.length) return unit;
    const merged: Record<string, number> = { ...cause.consequences };
    for (const [code, n] of Object.entries(counted)) merged[code] = (merged[code] ?? 0) + n;
    const report = out[at.report]!;
    const issues: Issue[] = [...report.issues];
    issues[at.issue] = { ...cause, consequences: merged };
    out[at.report] = { ...report, issues };
    return { ...unit, issues: kept };
  });
  return { files: out, units: outUnits };
}
