// The problems of a validation run as a CSV file an office clerk opens in Excel: one row per issue, in the
// report's order (each file's issues, then the send units'), with where it is, the value, the message and what
// to do, in Japanese and in English. `careplan-csv validate --format csv` prints it and the page saves it.
//
// Excel is the reader this is written for:
// - UTF-8 with a byte order mark: without it Japanese Excel reads a CSV as Shift_JIS and garbles the text.
// - CRLF between rows, and RFC 4180 quoting (a cell holding `"`, `,` or a line break is quoted, `"` doubled).
//   A line break inside a value (free text) stays inside its cell, written as LF, the line break Excel itself
//   puts in a cell (Alt+Enter): so CR appears only at the end of a row, which also lets the command print the
//   file through its terminal filter with only the rows' CRs let through (src/cli/output-formats.ts).
// - No cell becomes a formula (CSV injection, OWASP): a text cell starting with = + - @ TAB CR or LF gets a
//   leading `'`. So does one starting with `'` itself, so that the guard can be undone without doubt: a cell
//   starting with `'` always lost exactly one `'`.
// - Values keep their spelling: Excel turns a digit string into a number (0000123456 → 123456, a 14-digit
//   ファイル連番 → 2.02503E+13) and 2025-04-01 or 12:30 into a date or time. Such a value (digits and the
//   characters of numbers, dates and times only) is written as the formula ="0000123456", which Excel shows as
//   the text 0000123456. This is the one formula the file holds, and it cannot carry an attack: it is made only
//   for values that have no `"` and that start with a digit, so never from a value the guard changes (those
//   start with = + - @ TAB CR or ') and never from anything but a quoted string constant. Excel's limit on a
//   formula's string constant (255 characters) is far above such values; longer ones are written as they are.
import { expectArguments, VALIDATION_RUN } from '../arguments.js';
import type { Issue } from '../issues.js';
import { adviceOf } from '../messages/advice.js';
import type { SendUnitReport } from '../validate/index.js';
import { consequencesText, severityLabel, type ValidationRun } from './issues.js';
import { unitLabel } from './unit-label.js';

/** The columns, in order: a Japanese heading with its English. */
export const PROBLEMS_CSV_HEADINGS = [
  '送信単位 / Send unit',
  'ファイル / File',
  '重大度 / Severity',
  'コード / Code',
  '行 / Line',
  'レコード / Record',
  '項目No. / Field No.',
  '項目名 / Field name',
  '値 / Value',
  'メッセージ',
  '対処',
  'Message (English)',
  'Advice (English)',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** What Excel would run as a formula (or, for `'`, what the guard itself writes). */
const FORMULA_START = /^[=+\-@\t\r\n']/;
/** What Excel would read as a number, a date or a time: a digit, then digits and their punctuation only. */
const LOOKS_NUMERIC = /^\d[\d.,:/\-+eE ]*$/;
const MAX_TEXT_FORMULA = 255;

/** A text cell as Excel should show it: line breaks as LF, guarded against formulas, numbers and dates kept as written. */
export function excelText(text: string): string {
  const value = text.replace(/\r\n?/g, '\n');
  if (FORMULA_START.test(value)) return `'${value}`;
  if (LOOKS_NUMERIC.test(value) && value.length <= MAX_TEXT_FORMULA) return `="${value}"`;
  return value;
}

/** RFC 4180: a cell with a quote, comma or line break is quoted, its quotes doubled. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A send unit in words (unitLabel), Japanese then English, in one cell. */
function unitCell(unit: SendUnitReport): string {
  const label = unitLabel(unit);
  return `${label.ja} / ${label.en}`;
}

const bilingual = (severity: Issue['severity']): string => `${severityLabel(severity, 'ja')} / ${severityLabel(severity, 'en')}`;

/** A cause's message with its consequences (counted, not listed) on a line of its own in the same cell. */
function withConsequences(message: string, issue: Issue, lang: 'ja' | 'en'): string {
  const absorbed = consequencesText(issue, lang);
  return absorbed ? `${message}\n${absorbed}` : message;
}

/** A row's cells: text cells through excelText, numbers as numbers. */
function row(issue: Issue, unit: SendUnitReport | undefined): string[] {
  const text = (value: string | undefined) => excelText(value ?? '');
  const number = (value: number | undefined) => (value === undefined ? '' : String(value));
  const fieldName = issue.field ? issue.field.name : issue.segment ? `ファイル名「${issue.segment.name}」` : '';
  return [
    text(unit ? unitCell(unit) : ''),
    text(issue.file ?? issue.files?.join('、')),
    text(bilingual(issue.severity)),
    text(issue.code),
    number(issue.line),
    number(issue.record),
    number(issue.field?.no),
    text(fieldName),
    text(issue.value),
    text(withConsequences(issue.message, issue, 'ja')),
    text(adviceOf(issue.code, 'ja')),
    text(withConsequences(issue.messageEn, issue, 'en')),
    text(adviceOf(issue.code, 'en')),
  ];
}

/**
 * The run's issues as a CSV file for Excel (see the top of this module): a heading row, then one row per issue
 * of `run.report.issues`, in its order.
 */
export function formatProblemsCsv(run: ValidationRun): string {
  expectArguments('formatProblemsCsv', [['run', run, VALIDATION_RUN]]);
  const { report } = run;
  const unitOfFile = new Map<string, SendUnitReport>();
  for (const unit of report.units) for (const f of unit.files) unitOfFile.set(f, unit);
  const unitByKey = new Map(report.units.map((u) => [u.key, u]));
  const lines = [PROBLEMS_CSV_HEADINGS.map(quote).join(',')];
  for (const issue of report.issues) {
    const unit = issue.unit !== undefined ? unitByKey.get(issue.unit) : issue.file !== undefined ? unitOfFile.get(issue.file) : undefined;
    lines.push(row(issue, unit).map(quote).join(','));
  }
  return BOM + lines.join(CRLF) + CRLF;
}
