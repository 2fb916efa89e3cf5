// The documented substitution table for `unmappable: 'substitute'`: characters MS932 cannot hold, mapped to
// the MS932 character a Japanese reader takes for the same one. Most are the Unicode forms that Windows
// itself maps to these codes (the "wave dash" family). Nothing else is ever substituted unless the caller
// adds entries (e.g. 𠮷 → 吉); every substitution made is reported.
import { BREAKS_UNQUOTED_FIELD, CONTROL_CHARACTER } from '../../spec-tables/characters.js';
import { type Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import type { BadSubstitutionParams } from '../messages/ja-words.js';
import { issue } from '../rules/draft.js';
import { codePointLabel, isEncodable } from './ms932.js';

export const DEFAULT_SUBSTITUTIONS: Readonly<Record<string, string>> = Object.freeze({
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR
  '\u00A5': '\uFFE5', // ¥ → ￥ (a lossy encoder would write a backslash)
  '\u00A6': '\uFFE4', // ¦ → ￤
  '\u2011': '\u2010', // ‑ NON-BREAKING HYPHEN → ‐ HYPHEN
  '\u00A0': ' ', //      NO-BREAK SPACE → space
});


/** The text with control characters shown as <U+XXXX> (an entry's message must not hold a line break). */
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, 'g');
const shown = (text: string): string => text.replace(CONTROLS, (c) => `<${codePointLabel(c)}>`);

/** Why an entry cannot be used, or undefined when it can. */
function problemOf(from: string, to: string): Pick<BadSubstitutionParams, 'problem' | 'char' | 'codePoint'> | undefined {
  if ([...from].length !== 1) return { problem: 'length' };
  if (CONTROL_CHARACTER.test(from)) return { problem: 'control' };
  // An empty replacement would delete the character: data lost with only a warning (𠮷田 → 田).
  if (to === '') return { problem: 'empty' };
  // A replacement may land in a field that is never quoted: it may hold nothing such a field cannot.
  if (BREAKS_UNQUOTED_FIELD.test(to)) return { problem: 'unsafe' };
  const bad = [...to].find((c) => !isEncodable(c));
  if (bad !== undefined) return { problem: 'unmappable', char: bad, codePoint: codePointLabel(bad) };
  return undefined;
}

/**
 * The table the writer substitutes from: the documented entries, then the caller's, each checked the same
 * way. An entry that could change what is written other than by the one character it replaces is refused
 * with an error naming it, and not used (nor the default it meant to override: the character is then refused).
 */
export function substitutionTable(
  extra: Readonly<Record<string, string>> | undefined,
  file: string | undefined,
): { map: Map<string, string>; issues: Issue[] } {
  const map = new Map<string, string>();
  const issues: Issue[] = [];
  const add = (entries: [string, unknown][]): void => {
    for (const [from, to] of entries) {
      if (typeof to !== 'string') throw new TypeError(`writeCsvFile: options.substitutions[${JSON.stringify(from)}] must be a string`);
      const problem = problemOf(from, to);
      if (!problem) {
        map.set(from, to);
        continue;
      }
      map.delete(from); // a refused override leaves the character refused, not substituted by the default
      issues.push(toIssue(issue('WRITE_BAD_SUBSTITUTION', { from: shown(from), to: shown(to), ...problem }, { file, value: from })));
    }
  };
  add(Object.entries(DEFAULT_SUBSTITUTIONS));
  if (extra !== undefined) {
    if (typeof extra !== 'object' || extra === null) throw new TypeError('writeCsvFile: options.substitutions must be an object');
    add(Object.entries(extra));
  }
  return { map, issues };
}
