// The validation report for people: file by file, then send unit by send unit, each issue on one line with
// its severity, code, line/record/field, value and message (Japanese with the English message under it, or
// English alone with --lang en). Colour only when asked for.
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { expectArguments, TEXT_STYLE, VALIDATION_RUN } from '../arguments.js';
import type { Substitution } from '../codec/index.js';
import type { Issue } from '../issues.js';
import type { FileReport, SendUnitReport } from '../validate/index.js';
import { consequencesOf, consequencesText, severityLabel, whereText, type Lang, type ValidationRun } from './issues.js';
import { paint, quoteValue, visible } from './style.js';
import { unitLabel } from './unit-label.js';
import { editionLabel, masterFacts, profileLabel } from './words.js';
import { failingCount, issuesByFile, MARK_SYMBOL, markOf, unitMark, unitTypeName, type Mark } from './summary.js';

/**
 * How the text is written: its language, and whether in colour. Colour is written as sequences that only the
 * command's terminal filter (terminalSafe) turns into escapes: leave it off for text printed anywhere else.
 */
export interface TextStyle {
  readonly lang: Lang;
  readonly color?: boolean;
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** One issue as one line (and, in Japanese, its English message on the next). */
export function issueLines(ctx: TextStyle, issue: Issue, indent = '  ', extra?: string): string[] {
  const en = ctx.lang === 'en';
  const label = paint(ctx, SEVERITY_STYLE[issue.severity], severityLabel(issue.severity, ctx.lang));
  const where = whereText(issue, ctx.lang, { byteLine: false });
  const value = issue.value !== undefined ? `${en ? 'value' : '値'} ${quoteValue(issue.value)}` : '';
  const head = [label, `[${issue.code}]`, where, value, extra ?? ''].filter(Boolean).join(' ');
  const lines = [`${indent}${head}: ${visible(en ? issue.messageEn : issue.message)}`];
  if (!en) lines.push(`${indent}    ${paint(ctx, 'dim', visible(issue.messageEn))}`);
  // One cause, one issue: what it absorbed, under it.
  const absorbed = consequencesText(issue, ctx.lang);
  if (absorbed) {
    lines.push(`${indent}    ↳ ${absorbed}`);
    if (!en) lines.push(`${indent}      ${paint(ctx, 'dim', consequencesText(issue, 'en')!)}`);
  }
  return lines;
}

function fileMeta(ctx: TextStyle, f: FileReport): string {
  const en = ctx.lang === 'en';
  if (f.serviceCodes) return masterFacts(f.serviceCodes.entries)[en ? 'en' : 'ja'];
  const doc = f.kind && f.kind in FILE_NAMES ? FILE_NAMES[f.kind as keyof typeof FILE_NAMES] : undefined;
  const parts = [
    f.kind ? `${f.kind}${doc ? ` ${en ? doc.nameEn : doc.nameJa}` : ''}` : en ? 'kind unknown' : '種類不明',
    f.csvVersion ? (en ? `CSV version ${f.csvVersion}` : `CSVバージョン ${f.csvVersion}`) : '',
    (en ? editionLabel(f)?.en : editionLabel(f)?.ja) ?? '',
    en ? `${f.records} record${f.records === 1 ? '' : 's'}` : `${f.records}レコード`,
  ];
  return parts.filter(Boolean).join(en ? ', ' : '、');
}

function unitHeader(ctx: TextStyle, u: SendUnitReport): string {
  const en = ctx.lang === 'en';
  const n = u.files.length;
  const type = unitTypeName(u.type);
  return en
    ? `send unit ${u.key} (${type?.en ?? 'unknown combination'}, ${n} file${n === 1 ? '' : 's'})`
    : `送信単位 ${u.key}（${type?.ja ?? '組み合わせ不明'}、${n}ファイル）`;
}

const MARK_STYLE = { error: 'red', warning: 'yellow', ok: 'green' } as const;

function markText(ctx: TextStyle, mark: Mark): string {
  return paint(ctx, MARK_STYLE[mark], MARK_SYMBOL[mark]);
}

/** The run for people (`careplan-csv validate`, the default format): file by file, unit by unit, then the result. */
export function formatText(run: ValidationRun, ctx: TextStyle): string {
  expectArguments('formatText', [['run', run, VALIDATION_RUN], ['style', ctx, TEXT_STYLE]]);
  const { report } = run;
  const en = ctx.lang === 'en';
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(`${markText(ctx, markOf(f.issues))} ${paint(ctx, 'bold', visible(f.file))}  (${fileMeta(ctx, f)})`);
    for (const issue of f.issues) lines.push(...issueLines(ctx, issue));
  }
  if (report.units.length) lines.push('');
  const byFile = issuesByFile(report);
  for (const u of report.units) {
    const mark = unitMark(u, byFile);
    lines.push(`${markText(ctx, mark)} ${paint(ctx, 'bold', unitHeader(ctx, u))}`);
    // Who sends to whom and when, in words (the key above stays, for scripts and support).
    const words = unitLabel(u);
    lines.push(`    ${en ? words.en : words.ja}`);
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
  const ja = `結果: エラー ${errors}件、警告 ${warnings}件、情報 ${infos}件（${files}ファイル、${units}送信単位、プロファイル ${profileLabel(run.profile).ja}（${run.profile}））`;
  const enLine = `Result: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info (${files} file${files === 1 ? '' : 's'}, ${units} send unit${units === 1 ? '' : 's'}, profile ${run.profile})`;
  const verdict = failing
    ? paint(ctx, 'red', en ? `FAILED: ${failing} issue${failing === 1 ? '' : 's'} at or above ${run.failOn}` : `不合格: ${run.failOn} 以上の問題が${failing}件 / FAILED`)
    : paint(ctx, 'green', en ? `PASSED (fail-on ${run.failOn})` : `合格（fail-on ${run.failOn}） / PASSED`);
  // Consequences counted under their causes are not in the counts above: said when there are any.
  const absorbed = consequencesOf(report.issues);
  const jaAbsorbed = absorbed ? `（このほか原因にまとめた問題 ${absorbed}件は件数に含みません）` : '';
  const enAbsorbed = absorbed ? ` (and ${absorbed} consequence${absorbed === 1 ? '' : 's'} counted under their causes, not in these counts)` : '';
  if (!en) lines.push(ja + jaAbsorbed);
  lines.push(enLine + enAbsorbed, verdict);
  return `${lines.join('\n')}\n`;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A substitution writeCsvFile made (convert, fix), as one line: where, and which character became which. */
export function substitutionLine(ctx: Pick<TextStyle, 'lang'>, s: Substitution, line?: number): string {
  const en = ctx.lang === 'en';
  const where = en
    ? `${line !== undefined ? `line ${line}, ` : ''}record ${s.record}, No.${s.field.no} ${s.field.name}`
    : `${line !== undefined ? `${line}行目 ` : ''}レコード${s.record} No.${s.field.no}「${s.field.name}」`;
  const change = `'${visible(s.from)}' (${codePoint(s.from)}) → '${visible(s.to)}' (${[...s.to].map(codePoint).join(' ')})${s.count > 1 ? ` ×${s.count}` : ''}`;
  return `  ${en ? 'substituted' : '置換 / substituted'} ${where}: ${change}`;
}
