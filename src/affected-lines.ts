// The records one cause stands for (one cause, one issue): how many, and the lines where they start, kept as
// runs of consecutive records. Shared by the reader (an unknown CSVバージョン, src/codec/unknown-versions.ts) and
// the validator (a service code the master does not know, src/validate/rules/service-codes.ts), so every
// folded issue counts and shows its lines alike.
import type { IssueAffected } from './issues.js';

/**
 * Runs of lines kept per file and reporter, over every cause it reports: memory grows with the runs (a file
 * alternating causes record by record has one per record), so past this many the records are only counted
 * (IssueAffected.linesOmitted) — but for each cause's first run, always kept.
 */
export const MAX_AFFECTED_RUNS = 1000;

/** The runs one reporter may still keep in a file, shared by its causes. */
export class RunBudget {
  private used = 0;
  constructor(private readonly max: number = MAX_AFFECTED_RUNS) {}

  /** Whether one more run may be kept (and, if so, it is counted). */
  spend(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }
}

/** The records, line runs and records past the kept runs, as messages take them. */
export interface CountedLines {
  readonly records: number;
  readonly lines: [number, number][];
  readonly linesOmitted?: number;
}

/** The records of one cause, counted as they come (in file order). */
export class AffectedLines {
  records = 0;
  /** Runs [from, to] of the lines where consecutive records start. */
  readonly runs: [number, number][] = [];
  linesOmitted = 0;
  /** The record index of the last record counted (a run goes on while records follow one another). */
  private lastRecord = -1;

  constructor(private readonly budget: RunBudget) {}

  /** One more record of the cause, starting at `line` (record index `record`); a record counts once. */
  add(line: number, record: number): void {
    if (record === this.lastRecord) return;
    this.records++;
    const last = this.runs[this.runs.length - 1];
    if (last && this.lastRecord === record - 1) last[1] = line;
    // A cause's first run is kept whatever the budget (its issue is located there, and its message names a
    // line): one run per cause over the budget at most, and causes are capped per code by the sink.
    else if (this.budget.spend() || this.runs.length === 0) this.runs.push([line, line]);
    else {
      // Past the kept runs: only counted, and the next record does not go on the last run kept.
      this.linesOmitted++;
      this.lastRecord = -1;
      return;
    }
    this.lastRecord = record;
  }

  /** The count and runs as message params take them. */
  get counted(): CountedLines {
    return this.linesOmitted ? { records: this.records, lines: this.runs, linesOmitted: this.linesOmitted } : { records: this.records, lines: this.runs };
  }

  /** The same as an issue's `affected`. */
  get affected(): IssueAffected {
    return this.counted;
  }
}
