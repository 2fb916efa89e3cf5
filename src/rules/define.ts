// How a rule of the catalogue is written down (an issue of it is made with `issue`, src/rules/draft.ts). The catalogue is split by layer
// (one module each) so that a layer carries only its own rules: a web app importing the file-name parser
// bundles the name rules, not the whole catalogue.
import type { Severity } from '../issues.js';

export type RuleLayer = 'name' | 'encoding' | 'csv' | 'field' | 'record' | 'file' | 'unit' | 'compare' | 'write' | 'document' | 'master' | 'forms';

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
