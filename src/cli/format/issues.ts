// What every output format shares about a validation run: the run itself, which issues fail it, and an
// issue's location and severity in words.
import { SEND_UNITS, type Issue, type Profile, type ValidationReport } from '../../core.js';
import type { Lang } from '../context.js';

export type FailOn = 'error' | 'warning';

export interface ValidationRun {
  /** The library's report, unchanged. */
  readonly report: ValidationReport;
  /** The physical line of issues the library locates by byte offset only (counted from the bytes). */
  readonly offsetLines: ReadonlyMap<Issue, number>;
  readonly profile: Profile;
  readonly failOn: FailOn;
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Whether an issue is at or above --fail-on. */
export function fails(issue: Pick<Issue, 'severity'>, failOn: FailOn): boolean {
  return RANK[issue.severity] >= RANK[failOn];
}

export function failingCount(run: ValidationRun): number {
  return run.report.issues.filter((i) => fails(i, run.failOn)).length;
}

export function severityLabel(severity: Issue['severity'], lang: Lang): string {
  if (lang === 'en') return severity;
  return severity === 'error' ? 'エラー' : severity === 'warning' ? '警告' : '情報';
}

/** The physical line of an issue: its own, or the one its byte offset falls on. */
export function lineOf(run: Pick<ValidationRun, 'offsetLines'>, issue: Issue): number | undefined {
  return issue.line ?? run.offsetLines.get(issue);
}

/** Where an issue is, in words: line, record, byte offset, field or file-name segment. */
export function whereText(issue: Issue, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'en') {
    if (issue.line !== undefined) parts.push(`line ${issue.line}`);
    if (issue.record !== undefined) parts.push(`record ${issue.record}`);
    if (issue.offset !== undefined) parts.push(`byte offset ${issue.offset}`);
    if (issue.field) parts.push(`No.${issue.field.no} ${issue.field.name} (${issue.field.key})`);
    if (issue.segment) parts.push(`file name ${issue.segment.name} (${issue.segment.key})`);
    return parts.join(', ');
  }
  if (issue.line !== undefined) parts.push(`${issue.line}行目`);
  if (issue.record !== undefined) parts.push(`レコード${issue.record}`);
  if (issue.offset !== undefined) parts.push(`バイト位置${issue.offset}`);
  if (issue.field) parts.push(`No.${issue.field.no}「${issue.field.name}」`);
  if (issue.segment) parts.push(`ファイル名「${issue.segment.name}」`);
  return parts.join(' ');
}

/** 1-based line of a byte offset: LF bytes before it (a lone CR also ends a line). */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** The mark of a file or a send unit, the same in the command and on the page: ✗ errors, ⚠ warnings only, ✓ neither (info does not count). */
export type Mark = 'error' | 'warning' | 'ok';

export const MARK_SYMBOL: Readonly<Record<Mark, string>> = { error: '✗', warning: '⚠', ok: '✓' };

export function markOf(issues: readonly Pick<Issue, 'severity'>[]): Mark {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.some((i) => i.severity === 'warning') ? 'warning' : 'ok';
}

/** The name of a send-unit type (`schedule` …) from the spec tables, or undefined for an unknown combination. */
export function unitTypeName(type: string | undefined): { ja: string; en: string } | undefined {
  const spec = SEND_UNITS.find((u) => u.id === type);
  return spec ? { ja: spec.nameJa, en: spec.nameEn } : undefined;
}
