// Lines shared by the commands that write files (convert, fix): substitutions made and issues found.
import type { Issue, Substitution } from '../core.js';
import type { Ctx } from './context.js';
import { issueLines } from './format/text.js';
import { visible } from './format/style.js';

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function substitutionLine(ctx: Ctx, s: Substitution, line?: number): string {
  const en = ctx.lang === 'en';
  const where = en
    ? `${line !== undefined ? `line ${line}, ` : ''}record ${s.record}, No.${s.field.no} ${s.field.name}`
    : `${line !== undefined ? `${line}行目 ` : ''}レコード${s.record} No.${s.field.no}「${s.field.name}」`;
  const change = `'${visible(s.from)}' (${codePoint(s.from)}) → '${visible(s.to)}' (${[...s.to].map(codePoint).join(' ')})${s.count > 1 ? ` ×${s.count}` : ''}`;
  return `  ${en ? 'substituted' : '置換 / substituted'} ${where}: ${change}`;
}

export function printIssues(ctx: Ctx, issues: readonly Issue[], toStderr = false): void {
  for (const issue of issues) for (const l of issueLines(ctx, issue)) (toStderr ? ctx.warn : ctx.out)(l);
}
