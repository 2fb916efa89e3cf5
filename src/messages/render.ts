// Rendering: an issue's messages from its code and params, in every language, when the issue is reported.
import type { Issue, IssueLocation, IssueParams, Severity } from '../issues.js';
import type { IssueDraft } from '../rules/draft.js';
import type { RuleCode } from '../rules/index.js';
import type { Catalogue, Lang, MessageParams } from './catalogue.js';
import { en } from './en.js';
import { ja } from './ja.js';

/** Every language's catalogue. A new language: its file, and one line here. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { ja, en };

/** The message of an issue of `code` with `params`, in `lang`. */
export function renderMessage<C extends RuleCode>(code: C, params: MessageParams[C], lang: Lang = 'ja', catalogues: Readonly<Record<string, Catalogue>> = CATALOGUES): string {
  const catalogue = catalogues[lang] ?? CATALOGUES.ja;
  return (catalogue[code] as (p: MessageParams[C]) => string)(params);
}

/** The issue of a draft, with its severity (decided by the sink) and its messages in Japanese and English. */
export function renderIssue(draft: IssueDraft, severity: Severity, defaults: IssueLocation = {}): Issue {
  const issue: Record<string, unknown> = { code: draft.code, severity };
  for (const [k, v] of Object.entries(defaults)) if (v !== undefined) issue[k] = v;
  if (draft.where) for (const [k, v] of Object.entries(draft.where)) if (v !== undefined) issue[k] = v;
  issue['params'] = draft.params as IssueParams;
  issue['message'] = renderMessage(draft.code, draft.params, 'ja');
  issue['messageEn'] = renderMessage(draft.code, draft.params, 'en');
  return issue as unknown as Issue;
}

/** The message of a draft in `lang`. */
export function messageOf(draft: IssueDraft, lang: Lang = 'ja'): string {
  return renderMessage(draft.code, draft.params, lang);
}
