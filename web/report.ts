// What the page does with the files: the library's validateFiles, and the reports the command writes, from
// the same builders (src/report: JSON, the ValidationReport as is; SARIF). No DOM here, so the tests can
// reason about it.
import { validateFiles, type InputFile, type Profile, type ValidationReport } from '../src/core.ts';
import { validationRun, type ValidationRun } from '../src/report/issues.ts';
import { formatJson } from '../src/report/json.ts';
import { formatProblemsCsv } from '../src/report/problems-csv.ts';
import { formatSarif } from '../src/report/sarif.ts';
import { toolHomepage, toolName, toolVersion } from './tool-info.ts';

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
export function orderFiles<F extends { readonly name: string }>(files: readonly F[]): F[] {
  const byPath = new Map<string, F>();
  for (const f of files) byPath.set(f.name, f);
  return [...byPath.values()].sort((a, b) => comparePaths(a.name, b.name));
}

/** The run of a report as `careplan-csv validate` makes it (its default --fail-on error). */
export function pageRun(report: ValidationReport, profile: Profile): ValidationRun {
  return validationRun(report, { profile, failOn: 'error' });
}

/** Validate as `careplan-csv validate` does; the page's worker gives the same run from the files' streams. */
export function validateRun(files: readonly PageFile[], profile: Profile): ValidationRun {
  return pageRun(validateFiles(files, { profile }), profile);
}

/** `careplan-csv validate --format json`: the ValidationReport as is. */
export const jsonReport = (run: ValidationRun): string => formatJson(run);

/** `careplan-csv validate --format sarif`: SARIF 2.1.0, from the builder the command uses. */
export const sarifReport = (run: ValidationRun): string =>
  formatSarif(run, { name: toolName, version: toolVersion(), informationUri: toolHomepage() });

/** `careplan-csv validate --format csv`: the problems, one a row, for Excel (BOM, CRLF, formula guard). */
export const problemsCsv = (run: ValidationRun): string => formatProblemsCsv(run);
