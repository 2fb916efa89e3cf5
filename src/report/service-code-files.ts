// Service-code master files as the command and the page list them: loaded as one master, and a report per file
// (its loader issues, the entries it gave) placed before the files validated, so a clerk sees what was loaded and
// what was wrong with it beside the findings it led to.
import type { Issue } from '../issues.js';
import { loadServiceCodeCsv, type ServiceCodeFile } from '../service-codes/load-csv.js';
import type { ServiceCodeMaster } from '../service-codes/master.js';
import type { FileReport, ValidationReport } from '../validate/index.js';

/** The master of the files, and each file's report (`serviceCodes.entries`, MASTER_* issues). */
export function masterFileReports(files: readonly ServiceCodeFile[]): { master: ServiceCodeMaster; reports: FileReport[] } {
  const { master, issues, files: loaded } = loadServiceCodeCsv(files);
  const reports = files.map(
    (f, i): FileReport => ({
      file: f.name,
      kind: undefined,
      edition: undefined,
      csvVersion: undefined,
      records: 0,
      issues: issues.filter((issue) => issue.file === f.name),
      serviceCodes: { entries: loaded[i]!.entries },
    }),
  );
  return { master, reports };
}

/** A report with the master files' reports first (their issues counted in its summary), as the command lists them. */
export function withMasterReports(report: ValidationReport, reports: readonly FileReport[]): ValidationReport {
  if (!reports.length) return report;
  const issues = [...reports.flatMap((r) => r.issues), ...report.issues];
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  return {
    ...report,
    files: [...reports, ...report.files],
    issues,
    summary: { ...report.summary, files: report.files.length + reports.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}
