// What every report shares about a validation run: the run itself, which issues fail it, and an issue's
// location and severity in words. The command (src/cli) and the page (web/) both build their reports from
// these modules, so the two never disagree.
import { expectArguments, RUN_OPTIONS, VALIDATION_REPORT } from '../arguments.js';
import type { Issue } from '../issues.js';
import type { Lang } from '../messages/catalogue.js';
import type { Profile, ValidationReport } from '../validate/index.js';

/** The language of a report's words (Japanese with English alongside where the format has room, or English): the catalogues' languages. */
export type { Lang };

/** The lowest severity that fails a run (the command's --fail-on). */
export type FailOn = 'error' | 'warning';

/** A validation and how it was asked for: what every report builder takes. */
export interface ValidationRun {
  /** The library's report, unchanged. */
  readonly report: ValidationReport;
  readonly profile: Profile;
  readonly failOn: FailOn;
}

/**
 * The run of a report from validateFiles (or validateFile, validateFileStreams …), for the report builders:
 * `profile` is the one the report was made with (default strict), `failOn` the lowest severity that fails
 * the run (default error), as `careplan-csv validate --profile … --fail-on …` take them.
 */
export function validationRun(report: ValidationReport, options: { readonly profile?: Profile; readonly failOn?: FailOn } = {}): ValidationRun {
  expectArguments('validationRun', [['report', report, VALIDATION_REPORT], ['options', options, RUN_OPTIONS]]);
  return { report, profile: options.profile ?? 'strict', failOn: options.failOn ?? 'error' };
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Whether an issue is at or above --fail-on. */
export function fails(issue: Pick<Issue, 'severity'>, failOn: FailOn): boolean {
  return RANK[issue.severity] >= RANK[failOn];
}

export function severityLabel(severity: Issue['severity'], lang: Lang): string {
  if (lang === 'en') return severity;
  return severity === 'error' ? 'エラー' : severity === 'warning' ? '警告' : '情報';
}

/**
 * Where an issue is, in words: line, record, byte offset, field or file-name segment. `byteLine: false` leaves
 * out the line of an issue located by byte offset (the text format names such an issue by its offset alone).
 */
export function whereText(issue: Issue, lang: Lang, { byteLine = true }: { readonly byteLine?: boolean } = {}): string {
  const parts: string[] = [];
  const line = byteLine || issue.offset === undefined ? issue.line : undefined;
  if (lang === 'en') {
    if (line !== undefined) parts.push(`line ${line}`);
    if (issue.record !== undefined) parts.push(`record ${issue.record}`);
    if (issue.offset !== undefined) parts.push(`byte offset ${issue.offset}`);
    if (issue.field) parts.push(`No.${issue.field.no} ${issue.field.name} (${issue.field.key})`);
    if (issue.segment) parts.push(`file name ${issue.segment.name} (${issue.segment.key})`);
    return parts.join(', ');
  }
  if (line !== undefined) parts.push(`${line}行目`);
  if (issue.record !== undefined) parts.push(`レコード${issue.record}`);
  if (issue.offset !== undefined) parts.push(`バイト位置${issue.offset}`);
  if (issue.field) parts.push(`No.${issue.field.no}「${issue.field.name}」`);
  if (issue.segment) parts.push(`ファイル名「${issue.segment.name}」`);
  return parts.join(' ');
}

/** How many issues `issue` absorbed as consequences of its cause (Issue.consequences), 0 when none. */
export function consequenceCount(issue: Pick<Issue, 'consequences'>): number {
  let n = 0;
  for (const k in issue.consequences) n += issue.consequences[k]!;
  return n;
}

/** The consequences of every issue of a report: counted under their causes, not listed (and not in the summary's counts). */
export function consequencesOf(issues: readonly Pick<Issue, 'consequences'>[]): number {
  return issues.reduce((n, i) => n + consequenceCount(i), 0);
}

/**
 * What a cause stands for beyond its own message, in words, for every format (text, SARIF, JUnit, the problems
 * CSV, the page): the consequences counted under it, per code, and the records left out of the cross checks.
 * Undefined for an issue that is no cause (so the reports of files without one do not change).
 */
export function consequencesText(issue: Pick<Issue, 'consequences' | 'affected'>, lang: Lang): string | undefined {
  const n = consequenceCount(issue);
  const excluded = issue.affected?.excluded ?? 0;
  if (n === 0 && excluded === 0) return undefined;
  const codes = Object.entries(issue.consequences ?? {}).map(([code, k]) => `${code} ${k}`);
  if (lang === 'en') {
    const parts = [
      n ? `${n} consequence${n === 1 ? '' : 's'} of this cause not listed (${codes.join(', ')})` : '',
      excluded ? `${excluded} record${excluded === 1 ? '' : 's'} left out of the cross-record and send-unit checks` : '',
    ];
    return `${parts.filter(Boolean).join('; ')}.`;
  }
  const parts = [
    n ? `この原因による問題 ${n} 件（${codes.join('、')}）は省略` : '',
    excluded ? `${excluded} レコードをファイル内・送信単位の照合から除外` : '',
  ];
  return `${parts.filter(Boolean).join('、')}。`;
}
