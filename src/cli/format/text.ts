// The validation report for people: file by file, then send unit by send unit, each issue on one line with
// its severity, code, line/record/field, value and message (Japanese with the English message under it, or
// English alone with --lang en). Colour only when the context allows it.
import { FILE_NAMES, type FileReport, type Issue, type SendUnitReport } from '../../core.js';
import type { Ctx } from '../context.js';
import { failingCount, MARK_SYMBOL, markOf, severityLabel, unitTypeName, whereText, type Mark, type ValidationRun } from './issues.js';
import { paint, quoteValue, visible } from './style.js';

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** One issue as one line (and, in Japanese, its English message on the next). */
export function issueLines(ctx: Ctx, issue: Issue, indent = '  ', extra?: string): string[] {
  const en = ctx.lang === 'en';
  const label = paint(ctx, SEVERITY_STYLE[issue.severity], severityLabel(issue.severity, ctx.lang));
  const where = whereText(issue, ctx.lang);
  const value = issue.value !== undefined ? `${en ? 'value' : '値'} ${quoteValue(issue.value)}` : '';
  const head = [label, `[${issue.code}]`, where, value, extra ?? ''].filter(Boolean).join(' ');
  const lines = [`${indent}${head}: ${visible(en ? issue.messageEn : issue.message)}`];
  if (!en) lines.push(`${indent}    ${paint(ctx, 'dim', visible(issue.messageEn))}`);
  return lines;
}

function fileMeta(ctx: Ctx, f: FileReport): string {
  const en = ctx.lang === 'en';
  const doc = f.kind && f.kind in FILE_NAMES ? FILE_NAMES[f.kind as keyof typeof FILE_NAMES] : undefined;
  const parts = [
    f.kind ? `${f.kind}${doc ? ` ${en ? doc.nameEn : doc.nameJa}` : ''}` : en ? 'kind unknown' : '種類不明',
    f.csvVersion ? (en ? `CSV version ${f.csvVersion}` : `CSVバージョン ${f.csvVersion}`) : '',
    f.edition ? (en ? `edition ${f.edition}` : `第${f.edition}版`) : '',
    en ? `${f.records} record${f.records === 1 ? '' : 's'}` : `${f.records}レコード`,
  ];
  return parts.filter(Boolean).join(en ? ', ' : '、');
}

function unitHeader(ctx: Ctx, u: SendUnitReport): string {
  const en = ctx.lang === 'en';
  const n = u.files.length;
  const type = unitTypeName(u.type);
  return en
    ? `send unit ${u.key} (${type?.en ?? 'unknown combination'}, ${n} file${n === 1 ? '' : 's'})`
    : `送信単位 ${u.key}（${type?.ja ?? '組み合わせ不明'}、${n}ファイル）`;
}

const MARK_STYLE = { error: 'red', warning: 'yellow', ok: 'green' } as const;

function markText(ctx: Ctx, mark: Mark): string {
  return paint(ctx, MARK_STYLE[mark], MARK_SYMBOL[mark]);
}

export function formatText(ctx: Ctx, run: ValidationRun): string {
  const { report } = run;
  const en = ctx.lang === 'en';
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(`${markText(ctx, markOf(f.issues))} ${paint(ctx, 'bold', visible(f.file))}  (${fileMeta(ctx, f)})`);
    for (const issue of f.issues) lines.push(...issueLines(ctx, issue));
  }
  if (report.units.length) lines.push('');
  const fileIssues = new Map(report.files.map((f) => [f.file, f.issues]));
  for (const u of report.units) {
    // A unit's mark covers its own issues and those of its files (as on the page).
    const mark = markOf([...u.issues, ...u.files.flatMap((f) => fileIssues.get(f) ?? [])]);
    lines.push(`${markText(ctx, mark)} ${paint(ctx, 'bold', unitHeader(ctx, u))}`);
    if (mark !== 'ok') {
      for (const file of u.files) lines.push(`    ${paint(ctx, 'dim', visible(file))}`);
    }
    for (const issue of u.issues) {
      const where = issue.file && u.files.length > 1 ? `${en ? 'file' : 'ファイル'} ${visible(issue.file.replace(/^.*\//, ''))}` : undefined;
      lines.push(...issueLines(ctx, issue, '  ', where));
    }
  }
  const { errors, warnings, infos, files } = report.summary;
  const units = report.units.length;
  const failing = failingCount(run);
  lines.push('');
  const ja = `結果: エラー ${errors}件、警告 ${warnings}件、情報 ${infos}件（${files}ファイル、${units}送信単位、プロファイル ${run.profile}）`;
  const enLine = `Result: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info (${files} file${files === 1 ? '' : 's'}, ${units} send unit${units === 1 ? '' : 's'}, profile ${run.profile})`;
  const verdict = failing
    ? paint(ctx, 'red', en ? `FAILED: ${failing} issue${failing === 1 ? '' : 's'} at or above ${run.failOn}` : `不合格: ${run.failOn} 以上の問題が${failing}件 / FAILED`)
    : paint(ctx, 'green', en ? `PASSED (fail-on ${run.failOn})` : `合格（fail-on ${run.failOn}） / PASSED`);
  if (!en) lines.push(ja);
  lines.push(enLine, verdict);
  return `${lines.join('\n')}\n`;
}
