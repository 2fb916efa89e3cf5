// Issues capped per code: a file or send unit with a million bad rows reports the first `cap` of each code and
// counts the rest, so a report (and the memory behind it) stays bounded whatever the input. One mechanism for
// files (FILE_ISSUES_TRUNCATED) and send units (UNIT_ISSUES_TRUNCATED).
import type { Issue } from '../issues.js';
import { ruleIssue } from '../rules/index.js';

/** Issues of one code kept per file, and per send unit, unless `maxIssuesPerCode` says otherwise. */
export const DEFAULT_MAX_ISSUES_PER_FILE = 10_000;

export class IssueList {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly cap: number) {}

  /** Keeps each issue its code's cap allows (a loop, not a spread: a list may be long). */
  push(...issues: Issue[]): void {
    for (const issue of issues) if (this.take(issue.code)) this.items.push(issue);
  }

  /** Counts one issue of `code`; whether it is kept (so that one over the cap need not be built at all). */
  take(code: string): boolean {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    return n <= this.cap;
  }

  /** The issues of a file, with one FILE_ISSUES_TRUNCATED per code that went over the cap. */
  finish(file: string): Issue[] {
    return this.truncated((code, more) =>
      ruleIssue(
        'FILE_ISSUES_TRUNCATED',
        `${code} はほかに${more}件あります（1ファイル${this.cap}件まで表示）。`,
        `${more} more ${code} issues were not listed (limit ${this.cap} per file).`,
        { file, value: code },
      ),
    );
  }

  /** The issues of a send unit, with one UNIT_ISSUES_TRUNCATED per code that went over the cap. */
  finishUnit(unit: string): Issue[] {
    return this.truncated((code, more) =>
      ruleIssue(
        'UNIT_ISSUES_TRUNCATED',
        `${code} はほかに${more}件あります（1送信単位${this.cap}件まで表示）。`,
        `${more} more ${code} issues were not listed (limit ${this.cap} per send unit).`,
        { unit, value: code },
      ),
    );
  }

  private truncated(notice: (code: string, more: number) => Issue): Issue[] {
    for (const [code, n] of this.counts) if (n > this.cap) this.items.push(notice(code, n - this.cap));
    return this.items;
  }
}
