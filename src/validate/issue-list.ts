// TRANSITIONAL: file-validator.ts's view of the issue sink (src/issue-sink.ts) until it is split into
// src/validate/rules/* and takes the sink itself (helper "validator"); delete this file then.
import type { Issue } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import { DEFAULT_MAX_ISSUES_PER_CODE } from '../policy.js';
import type { AnyIssueDraft } from '../rules/index.js';

/** The one default (DEFAULT_MAX_ISSUES_PER_CODE), under its old name. */
export const DEFAULT_MAX_ISSUES_PER_FILE = DEFAULT_MAX_ISSUES_PER_CODE;

export class IssueList {
  readonly items: Issue[] = [];
  private readonly sink: IssueSink;
  constructor(cap: number) {
    this.sink = new IssueSink({ profile: 'strict', maxIssuesPerCode: cap });
  }

  push(...issues: Issue[]): void {
    for (const issue of issues) if (this.sink.addIssue(issue)) this.items.push(...this.sink.drain());
  }

  take(code: string): boolean {
    return this.sink.take(code);
  }

  add(draft: AnyIssueDraft): void {
    if (this.sink.add(draft)) this.items.push(...this.sink.drain());
  }

  finish(file: string): Issue[] {
    for (const { code, severity, ...rest } of this.sink.finish()) this.items.push({ code, severity, file, ...rest });
    return this.items;
  }
}
