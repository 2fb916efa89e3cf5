// The one way an issue is made: `issue(code, params, where)` — data only (code, params, location), no text and
// no severity. The sink (src/issue-sink.ts) gives it its severity from the catalogue and the profile, and its
// messages from the message catalogues (src/messages/) when it is kept.
import type { IssueLocation } from '../issues.js';
import type { MessageParams } from '../messages/catalogue.js';
import type { RuleCode } from './index.js';

/** An issue not yet rendered: what a rule found, and where. */
export interface IssueDraft<C extends RuleCode = RuleCode> {
  readonly code: C;
  readonly params: MessageParams[C];
  readonly where?: IssueLocation;
  /**
   * Reported as a warning rather than the rule's severity, where the spec tables mark the fact uncertain (only
   * rules the catalogue marks lowerable may be).
   */
  readonly lowered?: boolean;
}

/** Any draft (a union over the codes, so that `params` stays tied to `code`). */
export type AnyIssueDraft = { [C in RuleCode]: IssueDraft<C> }[RuleCode];

/** A draft of an issue of `code`; `lowered` reports it as a warning (see IssueDraft.lowered). */
export function issue<C extends RuleCode>(code: C, params: MessageParams[C], where?: IssueLocation, lowered?: boolean): IssueDraft<C> {
  const draft: { code: C; params: MessageParams[C]; where?: IssueLocation; lowered?: boolean } = { code, params };
  if (where) draft.where = where;
  if (lowered) draft.lowered = true;
  return draft;
}
