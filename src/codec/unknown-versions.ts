// One CSV_UNKNOWN_VERSION (a CSVバージョン the spec does not define) or CSV_UNSUPPORTED_VERSION (a historic one,
// 201910 / 202003) per file and version (one cause, one issue): the records of such a version are counted, and
// their lines kept as runs, while the file is read; the issue is reported at the end, located at the version's
// first record, when its count is known. The whole-file and streaming readers share it, so both report the same
// issue at any chunking.
import type { IssueAffected } from '../issues.js';
import type { IssueSink } from '../issue-sink.js';
import { issue as draft, type IssueDraft } from '../rules/draft.js';
import type { CauseRef } from '../rules/causes.js';

/**
 * Runs of lines kept per file, over every unknown version: memory grows with the runs (a file alternating
 * versions record by record has one per record), so past this many the records are only counted
 * (IssueAffected.linesOmitted).
 */
export const MAX_AFFECTED_RUNS = 1000;

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
  records: number;
  /** Runs [from, to] of the lines where consecutive records start. */
  readonly runs: [number, number][];
  /** The record index of the last record counted (a run goes on while records follow one another). */
  lastRecord: number;
  linesOmitted: number;
}

export class UnknownVersions {
  /** By version, in the order first seen; only versions under the cap of their code. */
  private readonly seen = new Map<string, Seen>();
  private runs = 0;

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
      found = { code, historic, version, line, record, cause: { code, value: version }, records: 0, runs: [], lastRecord: -1, linesOmitted: 0 };
      this.seen.set(version, found);
    }
    found.records++;
    const last = found.runs[found.runs.length - 1];
    if (last && found.lastRecord === record - 1) last[1] = line;
    else if (this.runs < MAX_AFFECTED_RUNS) {
      found.runs.push([line, line]);
      this.runs++;
    } else {
      // Past the kept runs: only counted, and the next record does not go on the last run kept.
      found.linesOmitted++;
      found.lastRecord = -1;
      return;
    }
    found.lastRecord = record;
  }

  /** The cause of a record of `version`, when its version is an unknown or historic one being reported. */
  causeOf(version: string): CauseRef | undefined {
    return this.seen.size ? this.seen.get(version)?.cause : undefined;
  }

  /** The issues, one per version, once every record is read. */
  drafts(defined: readonly string[]): IssueDraft<VersionCauseCode>[] {
    return [...this.seen.values()].map((s) => {
      const omitted = s.linesOmitted ? { linesOmitted: s.linesOmitted } : {};
      const affected: IssueAffected = { records: s.records, lines: s.runs, ...omitted };
      const where = { line: s.line, record: s.record, field: { no: 1, key: 'csvVersion', name: 'CSVバージョン' }, value: s.version, affected };
      const counted = { version: s.version, records: s.records, lines: s.runs, ...omitted };
      return s.historic
        ? draft('CSV_UNSUPPORTED_VERSION', { ...counted, edition: s.historic.edition, kind: s.historic.kind }, where)
        : draft('CSV_UNKNOWN_VERSION', { ...counted, defined }, where);
    });
  }
}
