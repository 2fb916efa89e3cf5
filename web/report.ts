// What the page does with the files: the library's validateFiles, and the reports the command writes (JSON:
// the ValidationReport as is; SARIF: the command's own builder). No DOM here, so the tests can reason about it.
import { validateFiles, type InputFile, type Issue, type Profile, type ValidationReport } from '../src/core.ts';
import { formatJson } from '../src/cli/format/json.ts';
import { formatSarif } from '../src/cli/format/sarif.ts';
import { toolHomepage, toolName, toolVersion } from './tool-info.ts';
import { lineAtOffset, lineOf, type ValidationRun } from '../src/cli/format/issues.ts';

export interface PageFile extends InputFile {
  /** The path shown and validated: the folder-relative path of a folder's file, else the file's name. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** File names a folder contributes (as the command's folder walk): spec CSV files and family-diagram images. */
const SPEC_FILE = /\.(csv|jpe?g)$/i;

/** Whether a file found inside a folder is one to validate: a spec file, no hidden segment in its path. */
export function takeFromFolder(path: string): boolean {
  const segments = path.split('/');
  return SPEC_FILE.test(path) && !segments.some((s) => s.startsWith('.'));
}

/** The command's order of a folder walk: path segment by segment, by code unit. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      // A folder is walked where its name sorts, like a file of that name.
      return x[i]! < y[i]! ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/** Files in the command's order, the same path kept once (the last one given wins). */
export function orderFiles(files: readonly PageFile[]): PageFile[] {
  const byPath = new Map<string, PageFile>();
  for (const f of files) byPath.set(f.name, f);
  return [...byPath.values()].sort((a, b) => comparePaths(a.name, b.name));
}

/** Validate as `careplan-csv validate` does: the report, and lines for issues located by byte offset. */
export function validateRun(files: readonly PageFile[], profile: Profile): ValidationRun {
  const report: ValidationReport = validateFiles(files, { profile });
  const offsetLines = new Map<Issue, number>();
  report.files.forEach((f, i) => {
    for (const issue of f.issues) {
      if (issue.line === undefined && issue.offset !== undefined) offsetLines.set(issue, lineAtOffset(files[i]!.bytes, issue.offset));
    }
  });
  return { report, offsetLines, profile, failOn: 'error' };
}

/** The physical line of an issue: its own, or the one its byte offset falls on. */
export function issueLine(run: ValidationRun, issue: Issue): number | undefined {
  return lineOf(run, issue);
}

/** `careplan-csv validate --format json`: the ValidationReport as is. */
export const jsonReport = (run: ValidationRun): string => formatJson(run);

/** `careplan-csv validate --format sarif`: SARIF 2.1.0, built by the command's own code. */
export const sarifReport = (run: ValidationRun): string =>
  formatSarif(run, { name: toolName, version: toolVersion(), informationUri: toolHomepage() });
