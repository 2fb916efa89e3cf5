// The one place issues go, for every layer (the reader's byte decoder and rows, the validator, send units):
// it caps each code (the first `maxIssuesPerCode` are kept, the rest counted, so a report — and the memory
// behind it — stays bounded whatever the input), gives each issue its severity (the catalogue's, lowered
// where the draft says so and under the lenient profile) and renders the kept ones' messages. At the end, one
// FILE_ISSUES_TRUNCATED (a file's sink) or UNIT_ISSUES_TRUNCATED (a send unit's) per code over the cap.
// It is also where one cause becomes one issue (src/rules/causes.ts): issues that only repeat a cause are
// counted under it (Issue.consequences), not listed and not counted against any cap.
import { expectArguments, leaf, OBJECT } from './arguments.js';
import type { Issue, IssueAffected, IssueLocation, Severity } from './issues.js';
import { absorbs, causeKey, causeRule, type CauseRef, type CauseRule } from './rules/causes.js';
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
  /** The cause of the record being checked (see `within`), its rule and key. */
  private cause: { readonly rule: CauseRule; readonly key: string } | undefined;
  /** Consequences counted and not yet attached to their cause, by cause key: per code, and records excluded. */
  private readonly pending = new Map<string, { codes: Map<string, number>; excluded: number }>();
  /** The keys of the record causes listed (kept): at most the cap of each code. */
  private readonly listed = new Set<string>();
  /** The users of the records left out of the file's checks, each with its cause's key (see `exclude`), bounded. */
  private excludedUsers = new Map<string, string>();

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
    const cause = this.cause;
    if (cause && absorbs(cause.rule, code)) {
      this.absorb(cause.key, code);
      return false;
    }
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    return n <= this.policy.maxIssuesPerCode;
  }

  /** Render and keep a draft already counted by `take`. */
  keep(draft: AnyIssueDraft | IssueDraft, where?: IssueLocation): void {
    const located: IssueDraft = where ? { ...draft, where: { ...draft.where, ...where } } : draft;
    this.push(renderIssue(located, this.severityOf(draft.code, draft.lowered === true), this.defaults));
  }

  /** Keep a rendered issue; a record cause's key is noted, for the consequences that follow it. */
  private push(issue: Issue): void {
    this.kept.push(issue);
    if (causeRule(issue.code)?.by === 'line') this.listed.add(causeKey(issue)!);
  }

  /** An issue another layer made (the reader's, a file name's): counted and kept as a draft is, severity by profile. */
  addIssue(issue: Issue): boolean {
    if (!this.take(issue.code)) return false;
    const severity = this.profiled(issue.code, issue.severity);
    this.push(severity === issue.severity ? issue : { ...issue, severity });
    return true;
  }

  /**
   * The issues that follow are those of a record caused by `cause` (the reader's ReadItemRecord.cause): the ones
   * the cause absorbs are counted under it rather than kept. `within(undefined)` ends the record.
   */
  within(cause: CauseRef | undefined): void {
    const rule = cause && causeRule(cause.code);
    const key = cause && causeKey(cause);
    this.cause = rule && key !== undefined ? { rule, key } : undefined;
  }

  /** Count `n` issues of `code` as consequences of the cause of `key` (see causeKey). */
  absorb(key: string, code: string, n = 1): void {
    const codes = this.pendingOf(key).codes;
    codes.set(code, (codes.get(code) ?? 0) + n);
  }

  /**
   * Count one record of the cause of `key` left out of the file's cross-record and send-unit checks. `users`: the
   * users ("保険者番号-被保険者番号") the record may belong to (excludedUserOf; none when its key fields are not
   * well-formed): the file's and unit's checks of those users are counted under the cause, others' stay listed.
   */
  exclude(key: string, users: readonly string[] = []): void {
    this.pendingOf(key).excluded++;
    for (const user of users) {
      if (this.excludedUsers.size >= MAX_EXCLUDED_USERS) break; // bounded: past it, the checks are listed (never lost)
      if (!this.excludedUsers.has(user)) this.excludedUsers.set(user, key);
    }
  }

  /** The users of the records left out so far, each with the cause key of its first record (see `exclude`). */
  get excluded(): ReadonlyMap<string, string> {
    return this.excludedUsers;
  }

  private pendingOf(cause: string): { codes: Map<string, number>; excluded: number } {
    // A record cause past its cap is not listed: what its records cause is counted once for the code, with its
    // truncation notice (memory stays bounded however many records are shifted).
    const key = causeRule(cause.replace(CAUSE_SUFFIX, ''))?.by === 'line' && !this.listed.has(cause) ? cause.replace(CAUSE_SUFFIX, OVER_CAP) : cause;
    let found = this.pending.get(key);
    if (!found) this.pending.set(key, (found = { codes: new Map(), excluded: 0 }));
    return found;
  }

  /** The issues kept since the last drain (a reader hands them on row by row), with what they absorbed so far. */
  drain(): Issue[] {
    const issues = this.pending.size ? this.kept.map((i) => this.attached(i)) : this.kept;
    this.kept = [];
    return issues;
  }

  /** A cause with the consequences counted under it so far added to its own (which then are no longer pending). */
  private attached(issue: Issue): Issue {
    let key = causeKey(issue);
    let found = key === undefined ? undefined : this.pending.get(key);
    // A file cause may be named by its bare code by a sink's caller that holds one file only (the byte decoder).
    if (!found && key !== undefined && causeRule(issue.code)?.by === 'file' && this.pending.has(issue.code)) found = this.pending.get((key = issue.code));
    if (!found) return issue;
    this.pending.delete(key!);
    return withConsequences(issue, found.codes, found.excluded);
  }

  /**
   * Causes of the whole file (src/rules/causes.ts `by: 'file'`) absorb their consequences among the kept issues,
   * in whichever order they came (a stream tells its BOM before it can tell that it is UTF-8).
   */
  private resolveFileCauses(): void {
    // Each file cause by its code; and the first record cause that left records out, for its file-wide codes.
    // Each file cause by its code and file (it absorbs only its own file's issues, see causeKey).
    const causes: { key: string; code: string; file: string; covers: (code: string) => boolean }[] = [];
    for (const i of this.kept) {
      const rule = causeRule(i.code);
      const key = causeKey(i)!;
      if (rule?.by === 'file' && !causes.some((c) => c.key === key)) causes.push({ key, code: i.code, file: i.file ?? '', covers: (code) => absorbs(rule, code) });
    }
    const users = this.excludedUsers;
    if (causes.length === 0 && users.size === 0) return;
    this.kept = this.kept.filter((i) => {
      const cause = causes.find((c) => c.code !== i.code && c.file === (i.file ?? '') && c.covers(i.code));
      // A check over the file's records (CauseRule.fileAbsorbs) is a consequence only when its user is the user of
      // a record left out: another user's genuine error stays listed (excludedUserOf).
      const user = cause ? undefined : userOfIssue(i);
      const recordCause = user === undefined ? undefined : users.get(user);
      const key = cause?.key ?? (recordCause && causeRule(recordCause.replace(CAUSE_SUFFIX, ''))?.fileAbsorbs?.includes(i.code as RuleCode) ? recordCause : undefined);
      if (key === undefined) return true;
      this.absorb(key, i.code);
      return false;
    });
  }

  /**
   * Consequences whose cause was not kept (past the cap of its code) go to that code's truncation notice, which
   * counts the causes left out: counted somewhere, never lost.
   */
  private orphansToNotices(): void {
    for (const [key, found] of this.pending) {
      const code = key.replace(CAUSE_SUFFIX, '');
      const at = this.kept.findIndex((i) => (i.code === 'FILE_ISSUES_TRUNCATED' || i.code === 'UNIT_ISSUES_TRUNCATED') && i.value === code);
      if (at >= 0) this.kept[at] = withConsequences(this.kept[at]!, found.codes, found.excluded);
    }
    this.pending.clear();
    this.listed.clear();
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
    this.resolveFileCauses();
    const issues = this.drain();
    this.kept = issues;
    this.orphansToNotices();
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

/** What a cause key adds to its code (see causeKey), and the key of a code's causes past the cap. */
const CAUSE_SUFFIX = /[@#!%].*$/;

/** The users of left-out records remembered per file (see IssueSink.exclude): past it, their checks are listed. */
export const MAX_EXCLUDED_USERS = 1_000;

/**
 * The user an issue of a file or send-unit check names ("保険者番号-被保険者番号", from `params.user`, which may
 * carry the key's further fields after them), or undefined.
 */
export function userOfIssue(issue: Issue): string | undefined {
  const user = (issue.params as { readonly user?: unknown } | undefined)?.user;
  return typeof user === 'string' ? user.split('-').slice(0, 2).join('-') : undefined;
}
const OVER_CAP = '!over-cap';

/** An issue with consequences (per code) and excluded records added to those it has. */
function withConsequences(issue: Issue, codes: ReadonlyMap<string, number>, excluded: number): Issue {
  const merged: Record<string, number> = { ...issue.consequences };
  for (const [code, n] of codes) merged[code] = (merged[code] ?? 0) + n;
  let affected: IssueAffected | undefined = issue.affected;
  if (excluded > 0) {
    // A record cause stands for its record; a truncation notice for the records of the causes it counts.
    const base: IssueAffected = affected ?? { records: issue.line !== undefined ? 1 : 0, lines: issue.line !== undefined ? [[issue.line, issue.line]] : [] };
    affected = { ...base, ...(issue.line === undefined ? { records: base.records + excluded } : {}), excluded: (base.excluded ?? 0) + excluded };
  }
  const out: Record<string, unknown> = { ...issue };
  delete out['consequences'];
  if (affected) out['affected'] = affected;
  if (Object.keys(merged).length) out['consequences'] = merged;
  return out as unknown as Issue;
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
