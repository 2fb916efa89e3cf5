// The results of a run as the page shows them: the verdict in words, links to each failing send unit and
// file, an 「エラーのみ表示」 filter, then each send unit (named by who sends to whom, and when) with its files,
// each file with its issues (severity, code, line, field, value, message). Failing units and files come
// first, so one failing unit is not lost among many clean ones; the downloaded reports keep the library's order.
import { FILE_NAMES, type FileReport, type Issue, type SendUnitReport } from '../src/core.ts';
import { kindLabel } from '../src/messages/labels.ts';
import { consequencesOf, consequencesText, type ValidationRun } from '../src/report/issues.ts';
import { failingCount, issuesByFile, MARK_SYMBOL, markOf, severityCounts, unitMark, unitTypeName, type Mark } from '../src/report/summary.ts';
import { unitLabel } from '../src/report/unit-label.ts';
import { editionLabel, masterFacts, profileLabel } from '../src/report/words.ts';
import { bi, h, labelCells, type Child } from './dom.ts';
import { overview, type Shown } from './results-overview.ts';

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

/** ✗ errors, ⚠ warnings only, ✓ neither (info does not count): the marks of `careplan-csv validate`, as images with words. */
function mark(m: Mark): HTMLSpanElement {
  return h('span', { class: `mark ${m}`, 'data-mark': m, role: 'img', 'aria-label': MARK_LABEL[m] }, MARK_SYMBOL[m]);
}

/** Failing first, then warnings only, then clean; the sort is stable, so each group keeps the library's order. */
const RANK: Record<Mark, number> = { error: 0, warning: 1, ok: 2 };
function failingFirst<T>(items: readonly T[], markOfItem: (item: T) => Mark): T[] {
  return [...items].sort((a, b) => RANK[markOfItem(a)] - RANK[markOfItem(b)]);
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

/** What the results view needs from the page: how to show a file's records, and a unit's forms. */
export interface ResultsHooks {
  showRecords(file: string): void;
  showForms(unit: SendUnitReport, button: HTMLButtonElement): void;
}

/** The run's verdict in a clerk's words. */
function verdict(r: ValidationRun): HTMLElement {
  const s = r.report.summary;
  if (failingCount(r) > 0 && s.errors > 0) return h('strong', { class: 'verdict' }, bi('エラーがあります：直してから送信してください', 'Errors found: fix them before sending'));
  if (failingCount(r) > 0) return h('strong', { class: 'verdict' }, bi('警告があります：この設定では不合格です', 'Warnings found: they fail the run as set'));
  if (s.warnings > 0) return h('strong', { class: 'verdict' }, bi('警告があります：内容を確かめてください（エラーはありません）', 'Warnings found: please check them (no errors)'));
  return h('strong', { class: 'verdict' }, bi('問題ありません', 'No problems found'));
}

/** The results drawn: the summary line, and (for #units) the overview with its filter followed by the units with their files. */
export interface RenderedResults {
  readonly summary: (Node | string)[];
  readonly units: HTMLElement[];
  /** To call with the rows added to an issue table after it was drawn: the 「エラーのみ表示」 filter applies to them. */
  rowsAdded(rows: readonly Element[]): void;
}

export function renderResults(r: ValidationRun, hooks: ResultsHooks): RenderedResults {
  const { report } = r;
  const s = report.summary;
  const profile = profileLabel(r.profile);
  const summary = [
    mark(markOf(report.issues)),
    ' ',
    verdict(r),
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
        'data-profile': r.profile,
      },
      bi(
        `${s.files}ファイル・${report.units.length}送信単位：エラー ${s.errors}件、警告 ${s.warnings}件、情報 ${s.infos}件（プロファイル：${profile.ja}）`,
        `${s.files} files, ${report.units.length} send units: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info (${profile.en} profile)`,
      ),
    ),
  ];
  // Consequences counted under their causes are not in the counts: said when there are any.
  const absorbed = consequencesOf(report.issues);
  if (absorbed) summary.push(' ', h('span', { id: 'summary-consequences', 'data-consequences': String(absorbed) }, bi(`（このほか原因にまとめた問題 ${absorbed}件）`, `(and ${absorbed} consequences counted under their causes)`)));

  const fileReports = new Map(report.files.map((f) => [f.file, f]));
  const byFile = issuesByFile(report);
  const fileMark = (f: FileReport) => markOf(f.issues);
  const shown: Shown = { units: [], files: [] };
  const sections: HTMLElement[] = [];

  const inUnit = new Set(report.units.flatMap((u) => u.files));
  // Ids follow the library's order, so a unit keeps its anchor whatever the sort.
  const ids = new Map(report.units.map((u, i) => [u, `unit-${i + 1}`]));
  for (const unit of failingFirst(report.units, (u) => unitMark(u, byFile))) {
    const files = failingFirst(unit.files.map((f) => fileReports.get(f)!), fileMark);
    const section = renderUnit(unit, ids.get(unit)!, unitMark(unit, byFile), files, hooks, shown);
    shown.units.push({ el: section, unit, mark: unitMark(unit, byFile) });
    sections.push(section);
  }
  const loners = failingFirst(
    report.files.filter((f) => !inUnit.has(f.file)),
    fileMark,
  );
  if (loners.length) {
    sections.push(
      h(
        'section',
        { class: 'unit loners', 'aria-labelledby': 'h-loners' },
        h('h3', { id: 'h-loners' }, bi('送信単位に属さないファイル（ファイル名を読めません）', 'Files outside any send unit (unreadable names)')),
        h('ul', { class: 'files' }, ...loners.map((f) => renderFile(f, `file-${report.files.indexOf(f) + 1}`, hooks, shown))),
      ),
    );
  }
  const top = overview(shown);
  return { summary, units: [top.el, ...sections], rowsAdded: top.rowsAdded };
}

function unitTypeText(type: string | undefined): HTMLSpanElement {
  const name = unitTypeName(type);
  return name ? bi(name.ja, name.en) : bi('組み合わせ不明', 'unknown combination');
}

function renderUnit(unit: SendUnitReport, id: string, unitMarked: Mark, files: readonly FileReport[], hooks: ResultsHooks, shown: Shown): HTMLElement {
  const label = unitLabel(unit);
  return h(
    'section',
    // tabindex: the overview's links move focus here.
    { class: 'unit', id, tabindex: '-1', 'data-unit': unit.key, 'data-unit-type': unit.type, 'aria-labelledby': `${id}-h` },
    h(
      'h3',
      { id: `${id}-h` },
      mark(unitMarked),
      ' ',
      bi('送信単位', 'Send unit'),
      ' ',
      h('span', { class: 'unit-words' }, bi(label.ja, label.en)),
      ' ',
      h('span', { class: 'unit-type' }, unitTypeText(unit.type), `（${unit.files.length}ファイル / files）`),
      ' ',
      // The key itself, in small print: what support and the reports name the unit by.
      h('small', { class: 'unit-key', title: '送信単位キー / send unit key' }, h('code', {}, unit.key)),
    ),
    unit.issues.length
      ? h(
          'div',
          { class: 'unit-issues', 'data-unit-issues': unit.key },
          h('h4', {}, bi('送信単位の問題', 'Send unit issues'), ' ', countText(unit.issues)),
          issueTable(unit.issues, true),
        )
      : false,
    formsButton(unit, hooks),
    h('ul', { class: 'files' }, ...files.map((f) => renderFile(f, undefined, hooks, shown))),
  );
}

/** 「帳票を表示・印刷」 of a unit whose files form a known send unit (the forms are made of its documents). */
function formsButton(unit: SendUnitReport, hooks: ResultsHooks): HTMLElement | false {
  if (!unitTypeName(unit.type)) return false;
  const button = h('button', { type: 'button', class: 'show-forms', 'data-unit': unit.key }, bi('帳票を表示・印刷', 'Show / print forms'));
  button.addEventListener('click', () => hooks.showForms(unit, button));
  return h('p', { class: 'unit-forms' }, button);
}

/** `第7表（UPSIKYU）、CSVバージョン 202504、第4.1版、3レコード`: what the file is, in words. */
function facts(f: FileReport): string {
  if (f.serviceCodes) {
    const master = masterFacts(f.serviceCodes.entries);
    return `${master.ja} / ${master.en}`;
  }
  const kind = f.kind ? kindLabel(f.kind) : undefined;
  const edition = editionLabel(f);
  return [
    kind ? kind.ja : '種類不明 / unknown kind',
    f.csvVersion ? `CSVバージョン ${f.csvVersion}` : '',
    edition ? `${edition.ja} / ${edition.en}` : '',
    `${f.records}レコード / records`,
  ]
    .filter(Boolean)
    .join('、');
}

function renderFile(f: FileReport, id: string | undefined, hooks: ResultsHooks, shown: Shown): HTMLLIElement {
  const isCsv = !/\.jpe?g$/i.test(f.file);
  const button = isCsv
    ? h('button', { type: 'button', class: 'show-records', 'data-file': f.file }, bi('レコードを表示', 'Show records'))
    : false;
  if (button) button.addEventListener('click', () => hooks.showRecords(f.file));
  const fullName = f.kind && f.kind in FILE_NAMES ? FILE_NAMES[f.kind as keyof typeof FILE_NAMES].nameJa : undefined;
  const line = h(
    'div',
    { class: 'file-head' },
    mark(markOf(f.issues)),
    ' ',
    h('span', { class: 'file-name' }, f.file),
    ' ',
    h('span', { class: 'facts', title: fullName }, `（${facts(f)}）`),
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
  const li = h('li', { class: 'file', id, tabindex: id ? '-1' : undefined, 'data-file': f.file }, line, issues);
  shown.files.push({ el: li, file: f, mark: markOf(f.issues), id });
  return li;
}

function fieldCell(issue: Issue): HTMLTableCellElement {
  if (issue.field) {
    return h('td', { title: `${issue.field.key} (No.${issue.field.no})` }, `No.${issue.field.no}「${issue.field.name}」`);
  }
  if (issue.segment) return h('td', { title: issue.segment.key }, `ファイル名「${issue.segment.name}」`);
  return h('td', {}, '');
}

/** The line, record and byte offset; for a send unit's issue on a line, the file that line is in. */
function whereCell(issue: Issue, unitLevel: boolean): HTMLTableCellElement {
  const parts: Child[] = [];
  const file = issue.file ?? issue.files?.[0];
  if (unitLevel && issue.line !== undefined && file) parts.push(h('span', { class: 'in-file' }, file), ' ');
  if (issue.line !== undefined) parts.push(h('span', { class: 'line' }, `${issue.line}行目`));
  if (issue.record !== undefined) parts.push(h('span', { class: 'sub' }, ` レコード${issue.record}`));
  if (issue.offset !== undefined) parts.push(h('span', { class: 'sub' }, ` バイト位置${issue.offset}`));
  return h('td', { class: 'where' }, ...parts);
}

/** One cause, one issue: what a cause absorbed, under its message (nothing for an issue that is no cause). */
function consequencesLine(issue: Issue): HTMLElement | false {
  const ja = consequencesText(issue, 'ja');
  return ja ? h('span', { class: 'consequences' }, bi(ja, consequencesText(issue, 'en')!)) : false;
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
      whereCell(issue, unitLevel),
      fieldCell(issue),
      h('td', { class: 'value' }, issue.value !== undefined ? h('code', {}, issue.value) : ''),
      h(
        'td',
        { class: 'message' },
        h('span', { class: 'msg-ja', lang: 'ja' }, issue.message),
        h('span', { class: 'msg-en', lang: 'en' }, issue.messageEn),
        consequencesLine(issue),
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
        h('th', { scope: 'col' }, unitLevel ? bi('ファイル・行', 'File, line') : bi('行', 'Line')),
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
    more > 0 ? h('p', { class: 'more' }, bi(`ほか ${more}件は「問題をCSVで保存」のCSVと、レポート（JSON・SARIF）にあります。`, `${more} more in the problems CSV (Download problems (CSV)) and the reports (JSON, SARIF).`)) : false,
  );
}
