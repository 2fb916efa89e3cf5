// One cause, one issue across files: a record left out of the send-unit checks (its columns shifted, see
// src/rules/causes.ts `excludes`) leaves its counterparts in the unit's other files without a match. The unit's
// counterpart checks (CauseRule.unitAbsorbs) cannot tell that from a row really missing, so the ones of the left-out
// record's user (excluded-users.ts) are counted under the file's first such cause, in its report, rather than listed. Another
// user's are a genuine error and stay listed.
import { userOfIssue } from '../issue-sink.js';
import type { Issue } from '../issues.js';
import { causeRule } from '../rules/causes.js';
import { EXCLUDED_USERS } from './excluded-users.js';
import type { FileReport } from './file-validator.js';
import type { SendUnitReport } from './send-units.js';

/** A cause in the file reports: the report's index and the issue's. */
interface At {
  readonly report: number;
  readonly issue: number;
}

/** The reports with each unit's counterpart issues of a left-out record's user moved under its cause (unchanged when none). */
export function absorbUnitConsequences(files: FileReport[], units: SendUnitReport[]): { files: FileReport[]; units: SendUnitReport[] } {
  // Per file: the users of its left-out records, and the cause their unit checks are counted under.
  const usersOf = new Map<string, Map<string, At>>();
  files.forEach((f, report) => {
    const users = EXCLUDED_USERS.get(f);
    if (!users) return;
    const first = f.issues.findIndex((i) => (i.affected?.excluded ?? 0) > 0 && causeRule(i.code)?.unitAbsorbs);
    const byUser = new Map<string, At>();
    // Counted under the file's first cause that left records out, as a unit's check may stand for several of its
    // user's rows (and a cause past the cap is not listed); the user decides only whether it is a consequence.
    if (first >= 0) for (const user of users.keys()) byUser.set(user, { report, issue: first });
    if (byUser.size) usersOf.set(f.file, byUser);
  });
  if (usersOf.size === 0) return { files, units };
  const counted = new Map<string, { at: At; codes: Record<string, number> }>();
  const count = (at: At, code: string, n: number) => {
    const k = `${at.report}:${at.issue}`;
    let found = counted.get(k);
    if (!found) counted.set(k, (found = { at, codes: {} }));
    found.codes[code] = (found.codes[code] ?? 0) + n;
  };
  const outUnits = units.map((unit) => {
    const maps = unit.files.map((f) => usersOf.get(f)).filter((m) => m !== undefined);
    if (maps.length === 0) return unit;
    const causeOf = (i: Issue): At | undefined => {
      const user = userOfIssue(i);
      if (user === undefined) return undefined;
      for (const m of maps) {
        const at = m.get(user);
        if (at && causeRule(files[at.report]!.issues[at.issue]!.code)?.unitAbsorbs?.includes(i.code as never)) return at;
      }
      return undefined;
    };
    // Per code: where its absorbed issues went, and whether any of its listed issues stayed (another user's).
    const absorbedTo = new Map<string, At>();
    const stayed = new Set<string>();
    const kept = unit.issues.filter((i) => {
      const at = causeOf(i);
      if (!at) {
        stayed.add(i.code);
        return true;
      }
      count(at, i.code, 1);
      absorbedTo.set(i.code, at);
      return false;
    });
    // Past the cap: the truncation notice of a code all of whose listed issues were consequences counts the rest
    // under the same cause (they cannot be told apart; counted, not lost). Otherwise it stays listed.
    const rest = kept.filter((i) => {
      if (i.code !== 'UNIT_ISSUES_TRUNCATED' || i.value === undefined) return true;
      const at = absorbedTo.get(i.value);
      const more = (i.params as { readonly more?: unknown } | undefined)?.more;
      if (!at || stayed.has(i.value) || typeof more !== 'number') return true;
      count(at, i.value, more);
      return false;
    });
    return rest.length === unit.issues.length ? unit : { ...unit, issues: rest };
  });
  if (counted.size === 0) return { files, units };
  const out = [...files];
  for (const { at, codes } of counted.values()) {
    const report = out[at.report]!;
    const cause = report.issues[at.issue]!;
    const merged: Record<string, number> = { ...cause.consequences };
    for (const [code, n] of Object.entries(codes)) merged[code] = (merged[code] ?? 0) + n;
    const issues: Issue[] = [...report.issues];
    issues[at.issue] = { ...cause, consequences: merged };
    out[at.report] = { ...report, issues };
  }
  return { files: out, units: outUnits };
}
