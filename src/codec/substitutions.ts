// The documented substitution table for `unmappable: 'substitute'`: characters MS932 cannot hold, mapped to
// the MS932 character a Japanese reader takes for the same one. Most are the Unicode forms that Windows
// itself maps to these codes (the "wave dash" family). Nothing else is ever substituted unless the caller
// adds entries (e.g. 𠮷 → 吉); every substitution made is reported.
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
