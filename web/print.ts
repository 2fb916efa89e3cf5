// The print report: what a clerk prints or saves as PDF (A4) after a validation, built when 「印刷」 is pressed
// (or the browser's own print is chosen) and shown only in print (style.css, the Print block). Summary first;
// then each send unit, failing ones first, and each of its files, every problem as a row with where it is
// (line, field No.「name」), the value, the message and what to do, in Japanese with the English beside it.
import { FILE_NAMES, type FileReport, type Issue, type SendUnitReport } from '../src/core.ts';
import { adviceOf } from '../src/messages/advice.ts';
import { consequencesOf, consequencesText, type ValidationRun } from '../src/report/issues.ts';
import { failingCount, issuesByFile, MARK_SYMBOL, markOf, severityCounts, unitMark, unitTypeName, type Mark } from '../src/report/summary.ts';
import { unitLabel } from '../src/report/unit-label.ts';
import { masterFacts } from '../src/report/words.ts';
import { h, type Child } from './dom.ts';

/** Problems printed per file or unit, as the screen lists them; the problems CSV holds all of them. */
const MAX_ROWS = 500;

const RANK: Record<Mark, number> = { error: 0, warning: 1, ok: 2 };
const MARK_WORDS: Record<Mark, [string, string]> = {
  error: ['エラーあり', 'errors'],
  warning: ['警告のみ', 'warnings only'],
  ok: ['エラー・警告なし', 'no errors or warnings'],
};
const SEVERITY: Record<Issue['severity'], [string, string]> = { error: ['エラー', 'error'], warning: ['警告', 'warning'], info: ['情報', 'info'] };
const PROFILE: Record<ValidationRun['profile'], [string, string]> = {
  strict: ['厳格（strict）：仕様どおりに検査します。UTF-8・BOM・見出し行はエラーです。', 'Strict: checked as the spec says; UTF-8, a BOM or a header row is an error.'],
  lenient: ['緩和（lenient）：UTF-8・BOM・見出し行は警告にとどめ、そのほかは厳格と同じです。', 'Lenient: UTF-8, a BOM or a header row is only a warning; all else as strict.'],
};

/** Japanese with its English beside it: print shows both, always. */
function both(ja: string, en: string, tag: 'span' | 'div' = 'span'): HTMLElement {
  return h(tag, { class: 'pr-bi' }, h('span', { lang: 'ja' }, ja), ' ', h('span', { lang: 'en', class: 'pr-en' }, en));
}

function markText(m: Mark): HTMLElement {
  const [ja, en] = MARK_WORDS[m];
  return h('span', { class: `pr-mark ${m}` }, `${MARK_SYMBOL[m]} `, both(ja, en));
}

/** `2026-12-07 09:30`, in the computer's time zone. */
function madeAt(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** One cause, one issue: what a cause absorbed, under its message (nothing for an issue that is no cause). */
function consequencesLines(issue: Issue): HTMLElement[] {
  const ja = consequencesText(issue, 'ja');
  return ja ? [h('div', { lang: 'ja', class: 'pr-sub' }, ja), h('div', { lang: 'en', class: 'pr-en' }, consequencesText(issue, 'en')!)] : [];
}

function countsText(issues: readonly Issue[]): HTMLElement {
  const c = severityCounts(issues);
  return issues.length
    ? both(`エラー ${c.errors}件・警告 ${c.warnings}件・情報 ${c.infos}件`, `${c.errors} errors, ${c.warnings} warnings, ${c.infos} info`)
    : both('問題なし', 'no issues');
}

function summary(run: ValidationRun, now: Date): HTMLElement {
  const { report } = run;
  const s = report.summary;
  const failed = failingCount(run) > 0;
  const row = (ja: string, en: string, value: Child) => h('tr', {}, h('th', { scope: 'row' }, both(ja, en)), h('td', {}, value));
  return h(
    'section',
    { class: 'pr-summary', 'aria-labelledby': 'pr-summary-title' },
    h('h2', { id: 'pr-summary-title' }, both('概要', 'Summary')),
    h(
      'table',
      { class: 'pr-facts' },
      h(
        'tbody',
        {},
        row('判定', 'Result', failed ? both('✗ 不合格（直すべきエラーがあります）', 'Fail (errors to fix)') : both('✓ 合格（エラーはありません）', 'Pass (no errors)')),
        row('ファイル', 'Files', String(s.files)),
        row('送信単位', 'Send units', String(report.units.length)),
        row('エラー', 'Errors', String(s.errors)),
        row('警告', 'Warnings', String(s.warnings)),
        row('情報', 'Info', String(s.infos)),
        // Only when there are any: a report without a cause prints as before.
        ...(consequencesOf(report.issues) ? [row('原因にまとめた問題', 'Consequences under their causes', String(consequencesOf(report.issues)))] : []),
        row('プロファイル', 'Profile', both(...PROFILE[run.profile])),
        row('作成日時', 'Made', madeAt(now)),
      ),
    ),
  );
}

function whereText(issue: Issue): string {
  const parts: string[] = [];
  if (issue.line !== undefined) parts.push(`${issue.line}行目`);
  if (issue.record !== undefined) parts.push(`レコード${issue.record}`);
  if (issue.offset !== undefined) parts.push(`バイト位置${issue.offset}`);
  return parts.join(' ');
}

function fieldText(issue: Issue): string {
  if (issue.field) return `No.${issue.field.no}「${issue.field.name}」`;
  return issue.segment ? `ファイル名「${issue.segment.name}」` : '';
}

function problemRow(issue: Issue, unitLevel: boolean): HTMLTableRowElement {
  const [ja, en] = SEVERITY[issue.severity];
  const involved = unitLevel ? (issue.file !== undefined ? [issue.file] : (issue.files ?? [])) : [];
  return h(
    'tr',
    { class: `pr-row pr-${issue.severity}`, 'data-code': issue.code },
    h('td', { class: 'pr-sev' }, both(ja, en)),
    h('td', { class: 'pr-where' }, whereText(issue)),
    h('td', { class: 'pr-field' }, fieldText(issue)),
    h('td', { class: 'pr-value' }, issue.value !== undefined ? h('code', {}, issue.value) : ''),
    h(
      'td',
      { class: 'pr-message' },
      h('div', { lang: 'ja' }, issue.message),
      h('div', { lang: 'en', class: 'pr-en' }, issue.messageEn),
      ...consequencesLines(issue),
      involved.length ? h('div', { class: 'pr-sub' }, involved.join('、')) : false,
      h('div', { class: 'pr-sub' }, h('code', {}, issue.code)),
    ),
    h('td', { class: 'pr-advice' }, h('div', { lang: 'ja' }, adviceOf(issue.code, 'ja')), h('div', { lang: 'en', class: 'pr-en' }, adviceOf(issue.code, 'en'))),
  );
}

function problemTable(issues: readonly Issue[], caption: string, unitLevel: boolean): HTMLElement {
  const shown = issues.slice(0, MAX_ROWS);
  const col = (ja: string, en: string, cls: string) => h('th', { scope: 'col', class: cls }, both(ja, en));
  const more = issues.length - shown.length;
  return h(
    'div',
    {},
    h(
      'table',
      { class: 'pr-problems' },
      h('caption', { class: 'pr-caption' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          col('重大度', 'Severity', 'pr-sev'),
          col('行', 'Line', 'pr-where'),
          col('項目', 'Field', 'pr-field'),
          col('値', 'Value', 'pr-value'),
          col('メッセージ', 'Message', 'pr-message'),
          col('対処', 'What to do', 'pr-advice'),
        ),
      ),
      h('tbody', {}, ...shown.map((i) => problemRow(i, unitLevel))),
    ),
    more > 0
      ? h('p', { class: 'pr-more' }, both(`ほか ${more}件は「問題をCSVで保存」のCSVにあります。`, `${more} more in the problems CSV (Download problems (CSV)).`))
      : false,
  );
}

function fileBlock(f: FileReport): HTMLElement {
  const kindName = f.kind ? FILE_NAMES[f.kind]?.nameJa : undefined;
  const master = f.serviceCodes ? masterFacts(f.serviceCodes.entries) : undefined;
  const facts = master
    ? [`${master.ja} / ${master.en}`]
    : [
        f.kind ? `${f.kind}${kindName ? ` ${kindName}` : ''}` : '種類不明 / unknown kind',
        f.csvVersion ? `CSVバージョン ${f.csvVersion}` : '',
        `${f.records}レコード / records`,
      ].filter(Boolean);
  return h(
    'section',
    { class: 'pr-file', 'data-file': f.file },
    h('h4', {}, markText(markOf(f.issues)), ' ', h('span', { class: 'pr-file-name' }, f.file)),
    h('p', { class: 'pr-facts-line' }, `${facts.join('、')}　`, countsText(f.issues)),
    f.issues.length ? problemTable(f.issues, `${f.file} の問題 / Problems of ${f.file}`, false) : false,
  );
}

const byMark = <T>(items: readonly T[], markOfItem: (item: T) => Mark): T[] =>
  items.map((item, i) => ({ item, i, rank: RANK[markOfItem(item)] })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.item);

function unitBlock(unit: SendUnitReport, mark: Mark, files: ReadonlyMap<string, FileReport>): HTMLElement {
  const type = unitTypeName(unit.type);
  const members = byMark(
    unit.files.map((f) => files.get(f)).filter((f): f is FileReport => f !== undefined),
    (f) => markOf(f.issues),
  );
  return h(
    'section',
    { class: 'pr-unit', 'data-unit': unit.key, 'data-mark': mark },
    h('h3', {}, markText(mark), ' ', both(`送信単位：${unitLabel(unit).ja}`, `Send unit: ${unitLabel(unit).en}`)),
    h(
      'p',
      { class: 'pr-facts-line' },
      type ? both(type.ja, type.en) : both('組み合わせ不明', 'unknown combination'),
      `　${unit.files.length}ファイル / files　`,
      h('code', {}, unit.key),
    ),
    unit.issues.length ? problemTable(unit.issues, `送信単位の問題 / Problems of the send unit`, true) : false,
    ...members.map(fileBlock),
  );
}

/** The print report of a run, made at `now`: its title, summary and units, to put in the print box. */
export function buildPrintReport(run: ValidationRun, now: Date): HTMLElement[] {
  const { report } = run;
  const files = new Map(report.files.map((f) => [f.file, f]));
  const byFile = issuesByFile(report);
  const units = byMark(
    report.units.map((unit) => ({ unit, mark: unitMark(unit, byFile) })),
    (u) => u.mark,
  );
  const inUnit = new Set(report.units.flatMap((u) => u.files));
  const loners = byMark(
    report.files.filter((f) => !inUnit.has(f.file)),
    (f) => markOf(f.issues),
  );
  return [
    h('h1', { id: 'pr-title' }, both('ケアプランデータ連携CSV 検証レポート', 'careplan-csv validation report')),
    summary(run, now),
    h(
      'section',
      { class: 'pr-units', 'aria-labelledby': 'pr-units-title' },
      h('h2', { id: 'pr-units-title' }, both('送信単位とファイル（エラーのあるものから）', 'Send units and files (failing ones first)')),
      ...units.map(({ unit, mark }) => unitBlock(unit, mark, files)),
      loners.length
        ? h(
            'section',
            { class: 'pr-unit pr-loners' },
            h('h3', {}, both('送信単位に属さないファイル（ファイル名を読めません）', 'Files outside any send unit (unreadable names)')),
            ...loners.map(fileBlock),
          )
        : false,
    ),
  ];
}
