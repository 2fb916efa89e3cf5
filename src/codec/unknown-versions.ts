// One CSV_UNKNOWN_VERSION (a CSVバージョン the spec does not define) or CSV_UNSUPPORTED_VERSION (a historic one,
// 201910 / 202003) per file and version (one cause, one issue): the records of such a version are counted, and
// their lines kept as runs, while the file is read; the issue is reported at the end, located at the version's
// first record, when its count is known. The whole-file and streaming readers share it, so both report the same
// issue at any chunking.
import { AffectedLines, RunBudget } from '../affected-lines.js';
import type { IssueSink } from '../issue-sink.js';
import { issue as draft, type IssueDraft } from '../rules/draft.js';
import type { CauseRef } from '../rules/causes.js';

export { MAX_AFFECTED_RUNS } from '../affected-lines.js';

/** The two codes of a version whose records cannot be read by its own layout. */
export type VersionCauseCode = 'CSV_UNKNOWN_VERSION' | 'CSV_UNSUPPORTED_VERSION';

/** What the message of a historic version names besides the records: its edition and the file's kind. */
export interface HistoricVersion {
  readonly edition: string;
  readonly kind: string;
}

interface Seen {
  readonly code: VersionCauseCode;
  readonly historic: HistoricVersion | undefined;
  readonly version: string;
  readonly line: number;
  readonly record: number;
  readonly cause: CauseRef;
  /** The version's records and their line runs. */
  readonly lines: AffectedLines;
}

export class UnknownVersions {
  /** By version, in the order first seen; only versions under the cap of their code. */
  private readonly seen = new Map<string, Seen>();
  /** The line runs kept in this file, over every version. */
  private readonly budget = new RunBudget();

  constructor(private readonly sink: IssueSink) {}

  /**
   * A record of a version the spec does not define, or of a historic one (`historic`), at `line` (record
   * `record`).
   */
  add(version: string, line: number, record: number, historic?: HistoricVersion): void {
    let found = this.seen.get(version);
    if (!found) {
      const code: VersionCauseCode = historic ? 'CSV_UNSUPPORTED_VERSION' : 'CSV_UNKNOWN_VERSION';
      // Counted against the code's cap once per version; a version past the cap is only counted (per record), as before.
      if (!this.sink.take(code)) return;
      found = { code, historic, version, line, record, cause: { code, value: version }, lines: new AffectedLines(this.budget) };
      this.seen.set(version, found);
    }
    found.lines.add(line, record);
  }

  /** The cause of a record of `version`, when its version is an unknown or historic one being reported. */
  causeOf(version: string): CauseRef | undefined {
    return this.seen.size ? this.seen.get(version)?.cause : undefined;
  }

  /** The issues, one per version, once every record is read. */
  drafts(defined: readonly string[]): IssueDraft<VersionCauseCode>[] {
    return [...this.seen.values()].map((s) => {
      const where = { line: s.line, record: s.record, field: { no: 1, key: 'csvVersion', name: 'CSVバージョン' }, value: s.version, affected: s.lines.affected };
      const counted = { version: s.version, ...s.lines.counted };
      return s.historic
        ? draft('CSV_UNSUPPORTED_VERSION', { ...counted, edition: s.historic.edition, kind: s.historic.kind }, where)
        : draft('CSV_UNKNOWN_VERSION', { ...counted, defined }, where);
    });
  }
}
