// The one place issues go, for every layer (the reader's byte decoder and rows, the validator, send units):
// it caps each code (the first `maxIssuesPerCode` are kept, the rest counted, so a report — and the memory
// behind it — stays bounded whatever the input), gives each issue its severity (the catalogue's, lowered
// where the draft says so and under the lenient profile) and renders the kept ones' messages. At the end, one
// FILE_ISSUES_TRUNCATED (a file's sink) or UNIT_ISSUES_TRUNCATED (a send unit's) per code over the cap.
import { expectArguments, leaf, OBJECT } from './arguments.js';
import type { Issue, IssueLocation, Severity } from './issues.js';
import type { MessageParams } from './messages/catalogue.js';
import { renderIssue } from './messages/render.js';
import { isPolicy, resolvePolicy, type Policy } from './policy.js';
import { issue as draftOf, type AnyIssueDraft, type IssueDraft } from './rules/draft.js';
import { ruleOf, type RuleCode } from './rules/index.js';

/** What a sink collects for: a file (its name, given to every issue without one) or a send unit (its key). */
export type SinkScope = { readonly file?: string | undefined } | { readonly unit: string };

export class IssueSink {
  private readonly policy: Policy;
  private readonly counts = new Map<string, number>();
  private kept: Issue[] = [];
  private readonly defaults: IssueLocation;

  constructor(
    policy: Pick<Policy, 'profile' | 'maxIssuesPerCode'> | Policy = resolvePolicy(),
    private readonly scope: SinkScope = {},
  ) {
    // A resolved policy as it is (one per run); a partial one completed by the defaults.
    this.policy = isPolicy(policy) ? policy : { ...resolvePolicy(), ...policy };
    this.defaults = 'file' in scope && scope.file !== undefined ? { file: scope.file } : {};
  }

  /** The cap of one code. */
  get cap(): number {
    return this.policy.maxIssuesPerCode;
  }

  /**
   * Count an issue; render and keep it when its code is under the cap. `where` adds to the draft's location
   * (a field rule's draft, shared by every record, gets its line here). True when kept.
   */
  add(draft: AnyIssueDraft | IssueDraft, where?: IssueLocation): boolean {
    if (!this.take(draft.code)) return false;
    this.keep(draft, where);
    return true;
  }

  /** `add(issue(code, params, where))` in one call. */
  report<C extends RuleCode>(code: C, params: IssueDraft<C>['params'], where?: IssueLocation, lowered?: boolean): boolean {
    return this.add(draftOf(code, params, where, lowered));
  }

  /**
   * Count one issue of `code`; whether it is kept. Then hand the draft to `keep` — for a rule whose params
   * cost work to gather, past the cap nothing needs gathering. (`add` does both.)
   */
  take(code: string): boolean {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    return n <= this.policy.maxIssuesPerCode;
  }

  /** Render and keep a draft already counted by `take`. */
  keep(draft: AnyIssueDraft | IssueDraft, where?: IssueLocation): void {
    const located: IssueDraft = where ? { ...draft, where: { ...draft.where, ...where } } : draft;
    this.kept.push(renderIssue(located, this.severityOf(draft.code, draft.lowered === true), this.defaults));
  }

  /** An issue another layer made (the reader's, a file name's): counted and kept as a draft is, severity by profile. */
  addIssue(issue: Issue): boolean {
    if (!this.take(issue.code)) return false;
    const severity = this.profiled(issue.code, issue.severity);
    this.kept.push(severity === issue.severity ? issue : { ...issue, severity });
    return true;
  }

  /** The issues kept since the last drain (a reader hands them on row by row). */
  drain(): Issue[] {
    const issues = this.kept;
    this.kept = [];
    return issues;
  }

  /** The issues not yet drained, then one truncation notice per code that went over the cap. */
  finish(): Issue[] {
    const cap = this.policy.maxIssuesPerCode;
    for (const [code, n] of this.counts) {
      if (n <= cap) continue;
      const params = { code, more: n - cap, limit: cap };
      if ('unit' in this.scope) this.keep(draftOf('UNIT_ISSUES_TRUNCATED', params, { unit: this.scope.unit, value: code }));
      else this.keep(draftOf('FILE_ISSUES_TRUNCATED', params, { value: code }));
    }
    this.counts.clear();
    return this.drain();
  }

  /** The severity of an issue of `code`: the catalogue's, a warning when `lowered`, then by profile. */
  severityOf(code: RuleCode, lowered = false): Severity {
    return this.profiled(code, ruleSeverity(code, lowered));
  }

  /** The lenient profile reports the rules the catalogue marks `lenientProfile` as warnings. */
  private profiled(code: string, severity: Severity): Severity {
    return this.policy.profile === 'lenient' && severity === 'error' && ruleOf(code)?.lowered === 'lenientProfile' ? 'warning' : severity;
  }
}

/** The catalogue's severity of `code`, or a warning when `lowered` (only rules the catalogue marks lowerable may be). */
export function ruleSeverity(code: RuleCode, lowered = false): Severity {
  const rule = ruleOf(code);
  if (!rule) throw new Error(`unknown rule ${code}`);
  if (lowered && !rule.lowered) throw new Error(`rule ${code} is not lowerable`);
  return lowered ? 'warning' : rule.severity;
}

/**
 * The issue of a draft at its severity, rendered: for the calls that report every issue they find, without a
 * cap or a profile (a record decoded, a file name parsed, a file written).
 */
export function toIssue(draft: AnyIssueDraft | IssueDraft): Issue {
  return renderIssue(draft, ruleSeverity(draft.code, draft.lowered === true));
}

/** A code of the rule catalogue. */
const RULE_CODE = leaf('a rule code of the catalogue (RULES)', 'ルールカタログ（RULES）のコード', (v) => typeof v === 'string' && ruleOf(v) !== undefined);

/**
 * An issue of a catalogue rule, made from its params and rendered as the library renders its own (severity from
 * the catalogue, messages in Japanese and English): for a tool that reports its own findings under the
 * library's codes, as the command does. An unknown code or a wrong argument type is a programmer error: a TypeError.
 */
export function createIssue<C extends RuleCode>(code: C, params: MessageParams[C], where: IssueLocation = {}): Issue {
  expectArguments('createIssue', [['code', code, RULE_CODE], ['params', params, OBJECT], ['where', where, OBJECT]]);
  return toIssue(draftOf(code, params, where) as AnyIssueDraft);
}
