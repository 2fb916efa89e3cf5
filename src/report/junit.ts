// The validation report as JUnit XML for CI test reports: one testsuite per file (and per send unit with
// issues), one testcase per issue — failed when at or above --fail-on — or one passing testcase for a clean
// file. Every text is XML-escaped, characters XML cannot hold are shown as \uXXXX, and no value starts with
// = + - @ (or tab/CR): those get a leading ' so a spreadsheet opening the report never runs it as a formula.
import { expectArguments, LANG, TOOL_NAME, VALIDATION_RUN } from '../arguments.js';
import type { Issue } from '../issues.js';
import { consequencesText, fails, whereText, type Lang, type ValidationRun } from './issues.js';
import type { ToolInfo } from './sarif.js';
import { quoteValue } from './style.js';

/** Spreadsheet safety: a leading ' for text a spreadsheet would read as a formula. */
export function cellSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Text that none of xmlText's replacements touch (the usual case: a report of 30,000 files makes many), which
 * is then only made spreadsheet-safe. Any surrogate takes the long way, paired or not.
 */
const XML_PLAIN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff&<>"\r]*$/;
/** XML_PLAIN for an attribute: no line break or tab either (attr replaces them). */
const ATTR_PLAIN = /^[^\u0000-\u001f\ufffe\uffff\ud800-\udfff&<>"]*$/;

/** XML text or attribute content: escaped, characters outside XML 1.0 replaced, spreadsheet-safe. */
export function xmlText(text: string): string {
  if (XML_PLAIN.test(text)) return cellSafe(text);
  return (
    cellSafe(text)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // A carriage return as a reference: kept through XML's line-end normalisation, and never a raw control
      // character on a terminal the report is printed to.
      .replace(/\r/g, '&#13;')
  );
}

/** An attribute: also keeps line breaks and tabs (which attribute normalisation would turn into spaces). */
const attr = (text: string) => (ATTR_PLAIN.test(text) ? cellSafe(text) : xmlText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;'));

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly failure?: { readonly message: string; readonly type: string; readonly body: string };
  readonly out?: string;
}

function caseOf(run: ValidationRun, issue: Issue, classname: string, lang: Lang): Case {
  const where = whereText(issue, lang);
  const value = issue.value !== undefined ? ` ${lang === 'en' ? 'value' : '値'} ${quoteValue(issue.value, 40)}` : '';
  const name = `${issue.code}${where ? ` ${where}` : ''}${value}`;
  const body = [
    `${issue.severity} [${issue.code}]${where ? ` ${where}` : ''}`,
    ...(issue.value !== undefined ? [`value: ${issue.value}`] : []),
    ...(issue.file ? [`file: ${issue.file}`] : []),
    issue.message,
    issue.messageEn,
    // One cause, one issue: its consequences, counted under it.
    ...[consequencesText(issue, 'ja'), consequencesText(issue, 'en')].filter((t): t is string => t !== undefined),
  ].join('\n');
  return fails(issue, run.failOn)
    ? { name, classname, failure: { message: `${issue.message} / ${issue.messageEn}`, type: issue.code, body } }
    : { name, classname, out: body };
}

function suite(name: string, cases: readonly Case[], properties: Record<string, string>): string {
  const failures = cases.filter((c) => c.failure).length;
  const props = Object.entries(properties)
    .map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`)
    .join('\n');
  const body = cases
    .map((c) => {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="0"`;
      if (c.failure) {
        return `${open}>\n      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${xmlText(c.failure.body)}</failure>\n    </testcase>`;
      }
      if (c.out) return `${open}>\n      <system-out>${xmlText(c.out)}</system-out>\n    </testcase>`;
      return `${open}/>`;
    })
    .join('\n');
  return [
    `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...(props ? ['    <properties>', props, '    </properties>'] : []),
    body,
    '  </testsuite>',
  ].join('\n');
}

/**
 * The run as JUnit XML (`careplan-csv validate --format junit`): a testsuite per file and per send unit with
 * issues, a failed testcase per issue at or above the run's failOn. `tool` names the testsuites.
 */
export function formatJunit(run: ValidationRun, lang: Lang, tool: Pick<ToolInfo, 'name'>): string {
  expectArguments('formatJunit', [['run', run, VALIDATION_RUN], ['lang', lang, LANG], ['tool', tool, TOOL_NAME]]);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const add = (name: string, cases: Case[], props: Record<string, string>) => {
    tests += cases.length;
    failures += cases.filter((c) => c.failure).length;
    suites.push(suite(name, cases, props));
  };
  for (const f of run.report.files) {
    const cases = f.issues.map((i) => caseOf(run, i, f.file, lang));
    if (!cases.length) cases.push({ name: lang === 'en' ? 'conformant' : '適合 / conformant', classname: f.file });
    add(f.file, cases, {
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.csvVersion ? { csvVersion: f.csvVersion } : {}),
      ...(f.edition ? { edition: f.edition } : {}),
      records: String(f.records),
    });
  }
  for (const u of run.report.units) {
    if (!u.issues.length) continue;
    const name = `${lang === 'en' ? 'send unit' : '送信単位 / send unit'} ${u.key}`;
    add(name, u.issues.map((i) => caseOf(run, i, name, lang)), { unit: u.key, ...(u.type ? { type: u.type } : {}), files: u.files.join(' ') });
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(tool.name)} validate" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
