// --help of a command, made from its declaration: summary, synopsis, details, the Options section from the
// options table (the command's own, then --lang and --help), what each output format is (from OUTPUT_FORMATS),
// exit codes and examples. Japanese first and then
// English, or English alone with --lang en.
import type { CommandDeclaration } from './command.js';
import type { Lang } from './context.js';
import { flagsText, optionHelp, withCommon } from './options.js';
import { isOutputFormat, OUTPUT_FORMATS } from './output-formats.js';

export function renderHelp(command: CommandDeclaration, lang: Lang): string {
  const lines: string[] = [];
  const options = withCommon(command.options);
  const width = Math.max(...options.map((o) => flagsText(o).length)) + 2;
  const block = (l: Lang) => {
    const ja = l === 'ja';
    lines.push(`careplan-csv ${command.name} — ${ja ? command.summary.ja : command.summary.en}`, '');
    lines.push(ja ? '使い方:' : 'Usage:');
    for (const u of command.usage) lines.push(u.startsWith(' ') ? `      ${u.trim()}` : `  careplan-csv ${u}`);
    for (const d of command.details ?? []) lines.push('', indent(ja ? d.ja : d.en));
    lines.push('', ja ? 'オプション:' : 'Options:');
    for (const o of options) lines.push(`  ${flagsText(o).padEnd(width)}${optionHelp(o, l)}`);
    const formats = command.options.find((o) => o.name === 'format' && o.kind === 'choice');
    if (formats?.kind === 'choice') {
      lines.push('', ja ? '出力形式:' : 'Output formats:');
      const w = Math.max(...formats.choices.map((f) => f.length)) + 2;
      for (const f of formats.choices) if (isOutputFormat(f)) lines.push(`  ${f.padEnd(w)}${ja ? OUTPUT_FORMATS[f].help.ja : OUTPUT_FORMATS[f].help.en}`);
    }
    if (command.exit.length) {
      lines.push('', ja ? '終了コード:' : 'Exit codes:');
      for (const [code, cja, cen] of command.exit) lines.push(`  ${code}  ${ja ? cja : cen}`);
    }
    if (command.examples?.length && !ja) {
      lines.push('', 'Examples / 例:');
      for (const e of command.examples) lines.push(`  ${e}`);
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
function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
