// "What to do" about an issue, by its rule code: the advice a report prints beside the message (the page's print
// view, the problems CSV). Advice, like messages, is data per language; a new language is one file and one line here.
import { adviceEn } from './advice-en.js';
import { adviceJa } from './advice-ja.js';
import type { AdviceCatalogue, Lang } from './catalogue.js';

/** Every language's advice. */
export const ADVICE: Readonly<Record<Lang, AdviceCatalogue>> = { ja: adviceJa, en: adviceEn };

/**
 * What to do about an issue of `code`, in `lang`. Issue codes are strings in reports read back from JSON, so an
 * unknown code gives '' rather than throwing.
 */
export function adviceOf(code: string, lang: Lang = 'ja'): string {
  const advice = ADVICE[lang] ?? ADVICE.ja;
  return Object.hasOwn(advice, code) ? advice[code as keyof AdviceCatalogue] : '';
}
