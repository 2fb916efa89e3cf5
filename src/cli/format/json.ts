// The validation report as JSON: the library's ValidationReport, unchanged (see the README).
import type { ValidationRun } from './issues.js';

export function formatJson(run: ValidationRun): string {
  return `${JSON.stringify(run.report, null, 2)}\n`;
}
