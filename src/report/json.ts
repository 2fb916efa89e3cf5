// The validation report as JSON: the library's ValidationReport, unchanged (see the README).
import { expectArguments, VALIDATION_RUN } from '../arguments.js';
import type { ValidationRun } from './issues.js';

/** The run's ValidationReport as JSON (two-space indent, a final line break): `careplan-csv validate --format json`. */
export function formatJson(run: ValidationRun): string {
  expectArguments('formatJson', [['run', run, VALIDATION_RUN]]);
  return `${JSON.stringify(run.report, null, 2)}\n`;
}
