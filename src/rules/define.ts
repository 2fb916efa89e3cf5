// How a rule of the catalogue is written down, and how an issue of it is built. The catalogue is split by layer
// (one module each) so that a layer carries only its own rules: a web app importing the file-name parser
// bundles the name rules, not the whole catalogue.
import { makeIssue, type Issue, type IssueLocation, type Severity } from '../issues.js';

export type RuleLayer = 'name' | 'encoding' | 'csv' | 'field' | 'record' | 'file' | 'unit' | 'compare' | 'write' | 'document';

/**
 * When an error rule is reported as a warning instead: `uncertainField` where the spec tables mark the fact
 * uncertain (or a length as tolerated), `lenientProfile` under the lenient profile.
 */
export type Lowering = 'uncertainField' | 'lenientProfile';

export interface RuleSpec<C extends string = string> {
  readonly code: C;
  readonly layer: RuleLayer;
  /** The severity the rule is reported with (see `lowered` for the one exception). */
  readonly severity: Severity;
  readonly ja: string;
  readonly en: string;
  /** The spec passage (layout.txt / spec.txt section) or convention the rule rests on. */
  readonly spec: string;
  /** When the rule is reported as a warning instead of its severity. */
  readonly lowered?: Lowering;
}

export const r = <const C extends string>(
  code: C,
  layer: RuleLayer,
  severity: Severity,
  ja: string,
  en: string,
  spec: string,
  lowered?: Lowering,
): RuleSpec<C> => (lowered ? { code, layer, severity, ja, en, spec, lowered } : { code, layer, severity, ja, en, spec });

/** Builds issue of a code of `rules` with the catalogue's severity. Only codes of `rules` type-check. */
export type RuleIssueBuilder<C extends string> = (
  code: C,
  message: string,
  messageEn: string,
  where?: IssueLocation,
  lowered?: boolean,
) => Issue;

/**
 * The issue builder of one part of the catalogue. `lowered` reports the issue as a warning; only rules the
 * catalogue marks as lowerable may be (a programming error otherwise, caught by the tests).
 */
export function issueBuilder<const R extends readonly RuleSpec[]>(rules: R): RuleIssueBuilder<R[number]['code']> {
  const byCode = new Map<string, RuleSpec>(rules.map((rule) => [rule.code, rule]));
  return (code, message, messageEn, where = {}, lowered = false) => {
    const rule = byCode.get(code)!;
    if (lowered && !rule.lowered) throw new Error(`rule ${code} is not lowerable`);
    return makeIssue(code, lowered ? 'warning' : rule.severity, message, messageEn, where);
  };
}
