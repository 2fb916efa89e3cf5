// The results of a run as the page shows them: the summary, each send unit with its files, each file with its
// issues (severity, code, line, field, value, message), with the command's marks.
import { FILE_NAMES, type FileReport, type Issue, type SendUnitReport } from '../src/core.ts';
import type { ValidationRun } from '../src/report/issues.ts';
import { issuesByFile, MARK_SYMBOL, markOf, severityCounts, unitMark, unitTypeName, type Mark } from '../src/report/summary.ts';
import { bi, h, labelCells, type Child } from './dom.ts';

/** Issues listed per file or unit on the page; the downloaded reports always hold all of them. */
const MAX_ISSUES_SHOWN = 500;

const SEVERITY: Record<Issue['severity'], [string, string]> = {
  error: ['エラー', 'error'],
  warning: ['警告', 'warning'],
  info: ['情報', 'info'],
};

const MARK_LABEL: Record<Mark, string> = {
  error: 'エラーあり / errors',
  warning: '警告のみ / warnings only',
  ok: 'エラー・警告なし / no errors or warnings',
};

/** ✗ errors, ⚠ warnings only, ✓ neither (info does not count): the marks of `careplan-csv validate`. */
function mark(m: Mark): HTMLSpanElement {
  return h('span', { class: `mark ${m}`, 'data-mark': m, 'aria-label': MARK_LABEL[m] }, MARK_SYMBOL[m]);
}

function countText(issues: readonly Issue[]): HTMLSpanElement {
  const c = severityCounts(issues);
  return h(
    'span',
    { class: 'counts', 'data-errors': String(c.errors), 'data-warnings': String(c.warnings), 'data-infos': String(c.infos) },
    issues.length
      ? bi(`エラー ${c.errors}件・警告 ${c.warnings}件・情報 ${c.infos}件`, `${c.errors} errors, ${c.warnings} warnings, ${c.infos} info`)
      : bi('問題なし', 'no issues'),
  );
}

/** What the results view needs from the page: how to show a file's records. */
export interface ResultsHooks {
  showRecords(file: string): void;
}

/** The summary line and the units (with their files) of a run. */
export function renderResults(r: ValidationRun, hooks: ResultsHooks): { summary: (Node | string)[]; units: HTMLElement[] } {
  const { report } = r;
  const s = report.summary;
  const summary = [
    mark(markOf(report.issues)),
    ' ',
    h(
      'span',
      {
        id: 'summary-counts',
        'data-files': String(s.files),
        'data-units': String(report.units.length),
        'data-errors': String(s.errors),
        'data-warnings': String(s.warnings),
        'data-infos': String(s.infos),
      },
      bi(
        `${s.files}ファイル・${report.units.length}送信単位：エラー ${s.errors}件、警告 ${s.warnings}件、情報 ${s.infos}件（プロファイル ${r.profile}）`,
        `${s.files} files, ${report.units.length} send units: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info (profile ${r.profile})`,
      ),
    ),
  ];

  const fileReports = new Map(report.files.map((f) => [f.file, f]));
  const byFile = issuesByFile(report);
  const inUnit = new Set<string>();
  const sections: HTMLElement[] = [];
  for (const unit of report.units) {
    for (const f of unit.files) inUnit.add(f);
    sections.push(renderUnit(unit, unitMark(unit, byFile), fileReports, hooks));
  }
  const loners = report.files.filter((f) => !inUnit.has(f.file));
  if (loners.length) {
    sections.push(
      h(
        'section',
        { class: 'unit loners', 'aria-label': '送信単位に属さないファイル / Files outside any send unit' },
        h('h3', {}, bi('送信単位に属さないファイル（ファイル名を読めません）', 'Files outside any send unit (unreadable names)')),
        h('ul', { class: 'files' }, ...loners.map((f) => renderFile(f, hooks))),
      ),
    );
  }
  return { summary, units: sections };
}

function unitName(type: string | undefined): HTMLSpanElement {
  const name = unitTypeName(type);
  return name ? bi(name.ja, name.en) : bi('組み合わせ不明', 'unknown combination');
}

function renderUnit(unit: SendUnitReport, unitMarked: Mark, fileReports: Map<string, FileReport>, hooks: ResultsHooks): HTMLElement {
  return h(
    'section',
    { class: 'unit', 'data-unit': unit.key, 'data-unit-type': unit.type, 'aria-label': `送信単位 / Send unit ${unit.key}` },
    h(
      'h3',
      {},
      mark(unitMarked),
      ' ',
      bi('送信単位', 'Send unit'),
      ' ',
      h('code', {}, unit.key),
      ' ',
      h('span', { class: 'unit-type' }, unitName(unit.type), `（${unit.files.length}ファイル / files）`),
    ),
    unit.issues.length
      ? h('div', { class: 'unit-issues', 'data-unit-issues': unit.key }, h('h4', {}, bi('送信単位の問題', 'Send unit issues'), ' ', countText(unit.issues)), issueTable(unit.issues, true))
      : false,
    h('ul', { class: 'files' }, ...unit.files.map((f) => renderFile(fileReports.get(f)!, hooks))),
  );
}

function renderFile(f: FileReport, hooks: ResultsHooks): HTMLLIElement {
  const kindName = f.kind ? FILE_NAMES[f.kind]?.nameJa : undefined;
  const facts = [
    f.kind ? `${f.kind}${kindName ? ` ${kindName}` : ''}` : '種類不明 / unknown kind',
    f.csvVersion ? `CSVバージョン ${f.csvVersion}` : '',
    f.edition ? `第${f.edition}版 / edition ${f.edition}` : '',
    `${f.records}レコード / records`,
  ].filter(Boolean);
  const isCsv = !/\.jpe?g$/i.test(f.file);
  const button = isCsv
    ? h('button', { type: 'button', class: 'show-records', 'data-file': f.file }, bi('レコードを表示', 'Show records'))
    : false;
  if (button) button.addEventListener('click', () => hooks.showRecords(f.file));
  const line = h(
    'div',
    { class: 'file-head' },
    mark(markOf(f.issues)),
    ' ',
    h('span', { class: 'file-name' }, f.file),
    ' ',
    h('span', { class: 'facts' }, `（${facts.join('、')}）`),
    ' ',
    countText(f.issues),
    button ? ' ' : '',
    button,
  );
  const issues = f.issues.length
    ? h(
        'details',
        { class: 'file-issues', open: true },
        h('summary', {}, bi(`問題 ${f.issues.length}件`, `${f.issues.length} issues`)),
        issueTable(f.issues, false),
      )
    : false;
  return h('li', { class: 'file', 'data-file': f.file }, line, issues);
}

function fieldCell(issue: Issue): HTMLTableCellElement {
  if (issue.field) {
    return h('td', { title: `${issue.field.key} (No.${issue.field.no})` }, `No.${issue.field.no}「${issue.field.name}」`);
  }
  if (issue.segment) return h('td', { title: issue.segment.key }, `ファイル名「${issue.segment.name}」`);
  return h('td', {}, '');
}

function whereCell(issue: Issue): HTMLTableCellElement {
  const parts: Child[] = [];
  if (issue.line !== undefined) parts.push(h('span', { class: 'line' }, `${issue.line}行目`));
  if (issue.record !== undefined) parts.push(h('span', { class: 'sub' }, ` レコード${issue.record}`));
  if (issue.offset !== undefined) parts.push(h('span', { class: 'sub' }, ` バイト位置${issue.offset}`));
  return h('td', { class: 'where' }, ...parts);
}

function issueTable(issues: readonly Issue[], unitLevel: boolean): HTMLElement {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  const rows = shown.map((issue) => {
    const [ja, en] = SEVERITY[issue.severity];
    return h(
      'tr',
      { class: `sev-${issue.severity}`, 'data-code': issue.code },
      h('td', { class: 'sev' }, h('span', { class: `badge ${issue.severity}` }, ja), h('span', { class: 'en', lang: 'en' }, ` ${en}`)),
      h('td', {}, h('code', {}, issue.code)),
      whereCell(issue),
      fieldCell(issue),
      h('td', { class: 'value' }, issue.value !== undefined ? h('code', {}, issue.value) : ''),
      h(
        'td',
        { class: 'message' },
        h('span', { class: 'msg-ja', lang: 'ja' }, issue.message),
        h('span', { class: 'msg-en', lang: 'en' }, issue.messageEn),
        unitLevel && issue.files?.length ? h('span', { class: 'involved' }, issue.files.join('、')) : false,
      ),
    );
  });
  const table = labelCells(h(
    'table',
    { class: 'issues' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, bi('重大度', 'Severity')),
        h('th', { scope: 'col' }, bi('コード', 'Code')),
        h('th', { scope: 'col' }, bi('行', 'Line')),
        h('th', { scope: 'col' }, bi('項目', 'Field')),
        h('th', { scope: 'col' }, bi('値', 'Value')),
        h('th', { scope: 'col' }, bi('メッセージ', 'Message')),
      ),
    ),
    h('tbody', {}, ...rows),
  ));
  const more = issues.length - shown.length;
  return h(
    'div',
    { class: 'table-wrap' },
    table,
    more > 0 ? h('p', { class: 'more' }, bi(`ほか ${more}件はレポート（JSON・SARIF）にあります。`, `${more} more in the reports (JSON, SARIF).`)) : false,
  );
}
