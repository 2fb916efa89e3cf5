// Help texts: every command describes itself once, in Japanese and English; --help prints both (Japanese
// first), or English alone with --lang en.
import type { Lang } from './context.js';

export interface HelpSpec {
  /** Synopsis lines, without the leading `careplan-csv `. */
  readonly usage: readonly string[];
  readonly summary: { readonly ja: string; readonly en: string };
  /** Longer description, one paragraph per entry. */
  readonly details?: readonly { readonly ja: string; readonly en: string }[];
  readonly options?: readonly (readonly [flags: string, ja: string, en: string])[];
  readonly exit?: readonly (readonly [code: number, ja: string, en: string])[];
  readonly examples?: readonly string[];
}

const COMMON = [
  ['--lang ja|en', 'メッセージの言語（既定 ja: 日本語と英語を併記）', 'message language (default ja: Japanese with English alongside)'],
  ['-h, --help', 'このヘルプ', 'this help'],
] as const;

export function renderHelp(command: string, spec: HelpSpec, lang: Lang): string {
  const lines: string[] = [];
  const block = (l: 'ja' | 'en') => {
    const opts = [...(spec.options ?? []), ...COMMON];
    const width = Math.max(...opts.map(([f]) => f.length)) + 2;
    lines.push(l === 'ja' ? `careplan-csv ${command} — ${spec.summary.ja}` : `careplan-csv ${command} — ${spec.summary.en}`, '');
    lines.push(l === 'ja' ? '使い方:' : 'Usage:');
    for (const u of spec.usage) lines.push(u.startsWith(' ') ? `      ${u.trim()}` : `  careplan-csv ${u}`);
    for (const d of spec.details ?? []) lines.push('', wrap(d[l]));
    lines.push('', l === 'ja' ? 'オプション:' : 'Options:');
    for (const [flags, ja, en] of opts) lines.push(`  ${flags.padEnd(width)}${l === 'ja' ? ja : en}`);
    if (spec.exit?.length) {
      lines.push('', l === 'ja' ? '終了コード:' : 'Exit codes:');
      for (const [code, ja, en] of spec.exit) lines.push(`  ${code}  ${l === 'ja' ? ja : en}`);
    }
    if (spec.examples?.length && l === 'en') {
      lines.push('', 'Examples / 例:');
      for (const e of spec.examples) lines.push(`  ${e}`);
    }
  };
  if (lang === 'ja') {
    block('ja');
    lines.push('', '────────────────────────────────────────', '');
  }
  block('en');
  return `${lines.join('\n')}\n`;
}

/** Indent a paragraph (kept as written: Japanese does not wrap at spaces). */
function wrap(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The usual exit codes of a checking command. */
export const CHECK_EXIT: NonNullable<HelpSpec['exit']> = [
  [0, '問題なし', 'nothing found'],
  [1, '問題あり（エラー）', 'problems found (errors)'],
  [2, '使い方・入出力のエラー', 'usage or I/O error'],
];
