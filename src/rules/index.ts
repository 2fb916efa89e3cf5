// The rule catalogue: every issue code the library can report, with its severity, what it checks in
// Japanese and English, and the passage of the spec it enforces. A rule's severity is stated here and nowhere else
// (issues are made with `issue`, src/rules/draft.ts, and rendered by the sink); docs/rules.md is generated
// from this list (`npm run catalogue`).
import { expectString } from '../arguments.js';
import type { Lowering, RuleSpec } from './define.js';
import { DOCUMENT_RULES } from './document.js';
import { FIELD_RULES } from './field.js';
import { NAME_RULES } from './name.js';
import { READ_RULES } from './read.js';
import { VALIDATION_RULES } from './validation.js';
import { WRITE_RULES } from './write.js';
import { DOCUMENT_UNIT_RULES } from './document-units.js';
import { DOCUMENT_JSON_RULES } from './document-json.js';
import { SERVICE_CODE_RULES } from './service-codes.js';
import { FORMS_RULES } from './forms.js';

export type { Lowering, RuleLayer, RuleSpec } from './define.js';

export const RULES = [...NAME_RULES, ...READ_RULES, ...FIELD_RULES, ...VALIDATION_RULES, ...WRITE_RULES, ...DOCUMENT_RULES, ...DOCUMENT_UNIT_RULES, ...DOCUMENT_JSON_RULES, ...SERVICE_CODE_RULES, ...FORMS_RULES] as const;

/** Every code the library reports; an unknown code is a compile error where issues are built. */
export type RuleCode = (typeof RULES)[number]['code'];

const byCode = new Map<string, RuleSpec>(RULES.map((rule) => [rule.code, rule]));

export function ruleOf(code: string): RuleSpec | undefined {
  expectString('ruleOf', 'code', code);
  return byCode.get(code);
}

const LOWERED_TEXT: Record<Lowering, string> = {
  uncertainField: '不確かな項目は warning / warning where the table marks it uncertain',
  lenientProfile: 'lenient では warning / warning in the lenient profile',
};

/** The catalogue as a Markdown table (docs/rules.md holds this text). */
export function catalogueMarkdown(): string {
  const lines = ['| code | layer | severity | 検査内容 | checks | spec |', '|---|---|---|---|---|---|'];
  for (const rule of RULES as readonly RuleSpec[]) {
    const severity = rule.lowered ? `${rule.severity} (${LOWERED_TEXT[rule.lowered]})` : rule.severity;
    lines.push(`| \`${rule.code}\` | ${rule.layer} | ${severity} | ${rule.ja} | ${rule.en} | ${rule.spec} |`);
  }
  return lines.join('\n');
}

export { issue, type AnyIssueDraft, type IssueDraft } from './draft.js';
