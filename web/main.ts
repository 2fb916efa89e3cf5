// The validator page: files dropped or chosen are read in the page, validated by the library in their send
// units, and shown with every issue; a file's records can be viewed as a table, and the command's JSON and
// SARIF reports saved. Nothing is sent anywhere (the page's Content-Security-Policy forbids connections).
import { FILE_NAMES, getLayout, readCsvFile, type FileReport, type Issue, type Profile, type ReadResult, type SendUnitReport } from '../src/core.ts';
import { jsonReport, orderFiles, sarifReport, takeFromFolder, validateRun, type PageFile } from './report.ts';
import type { ValidationRun } from '../src/report/issues.ts';
import { issuesByFile, MARK_SYMBOL, markOf, severityCounts, unitMark, unitTypeName, type Mark } from '../src/report/summary.ts';

/** Issues listed per file or unit on the page; the downloaded reports always hold all of them. */
const MAX_ISSUES_SHOWN = 500;
/** Records shown in the records table. */
const MAX_RECORDS_SHOWN = 1000;

// ---------------------------------------------------------------------------------------------------------
// DOM helpers

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Japanese text with its English alongside. */
function bi(ja: string, en: string): HTMLSpanElement {
  return h('span', { class: 'bi' }, h('span', { lang: 'ja' }, ja), ' ', h('span', { lang: 'en', class: 'en' }, `/ ${en}`));
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

// ---------------------------------------------------------------------------------------------------------
// State

let files: PageFile[] = [];
let run: ValidationRun | undefined;

const dropZone = byId<HTMLDivElement>('drop-zone');
const fileInput = byId<HTMLInputElement>('file-input');
const folderInput = byId<HTMLInputElement>('folder-input');
const profileSelect = byId<HTMLSelectElement>('profile');
const showEn = byId<HTMLInputElement>('show-en');
const results = byId<HTMLElement>('results');
const summary = byId<HTMLElement>('summary');
const unitsBox = byId<HTMLElement>('units');
const recordsSection = byId<HTMLElement>('records');
const recordsBox = byId<HTMLElement>('records-body');
const status = byId<HTMLElement>('status');

// ---------------------------------------------------------------------------------------------------------
// Reading what the user gives

async function toPageFile(file: File, path: string): Promise<PageFile> {
  return { name: path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Files of a file input: a folder's files by their folder-relative path (spec files only), others by name. */
async function fromInput(list: FileList | null): Promise<PageFile[]> {
  const out: Promise<PageFile>[] = [];
  for (const file of Array.from(list ?? [])) {
    const rel = file.webkitRelativePath;
    if (rel) {
      if (takeFromFolder(rel)) out.push(toPageFile(file, rel));
    } else out.push(toPageFile(file, file.name));
  }
  return Promise.all(out);
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

/** Files of a drop: files as they are, folders walked (spec files only, hidden entries skipped). */
async function fromDrop(data: DataTransfer): Promise<PageFile[]> {
  const entries = Array.from(data.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  if (!entries.length || entries.some((e) => e === null)) {
    return Promise.all(Array.from(data.files).map((f) => toPageFile(f, f.name)));
  }
  const out: PageFile[] = [];
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    const path = entry.fullPath.replace(/^\/+/, '');
    if (entry.isFile) {
      if (!inFolder || takeFromFolder(path)) out.push(await toPageFile(await entryFile(entry as FileSystemFileEntry), path));
    } else if (entry.isDirectory) {
      if (inFolder && entry.name.startsWith('.')) return;
      for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, true);
    }
  };
  for (const e of entries) await walk(e!, false);
  return out;
}

async function add(newFiles: Promise<PageFile[]>): Promise<void> {
  setStatus('読み込み中… / Reading…');
  let got: PageFile[];
  try {
    got = await newFiles;
  } catch (e) {
    setStatus(`ファイルを読めませんでした / Could not read the files: ${String(e)}`);
    return;
  }
  if (!got.length) {
    setStatus('検証するファイルがありません（.CSV / .jpg が見つかりません） / No files to validate (no .CSV or .jpg found)');
    return;
  }
  files = orderFiles([...files, ...got]);
  validate();
}

function setStatus(text: string): void {
  status.textContent = text;
}

// ---------------------------------------------------------------------------------------------------------
// Validation and rendering

function validate(): void {
  if (!files.length) {
    run = undefined;
    results.hidden = true;
    recordsSection.hidden = true;
    setStatus('');
    document.body.dataset['state'] = 'empty';
    return;
  }
  document.body.dataset['state'] = 'validating';
  setStatus('検証中… / Validating…');
  // Let the status paint before the (synchronous) validation.
  setTimeout(() => {
    run = validateRun(files, profileSelect.value as Profile);
    render(run);
    setStatus('');
    document.body.dataset['state'] = 'done';
  }, 0);
}

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

function render(r: ValidationRun): void {
  const { report } = r;
  const s = report.summary;
  summary.replaceChildren(
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
  );

  const fileReports = new Map(report.files.map((f, i) => [f.file, { report: f, input: files[i]! }]));
  const byFile = issuesByFile(report);
  const inUnit = new Set<string>();
  const sections: HTMLElement[] = [];
  for (const unit of report.units) {
    for (const f of unit.files) inUnit.add(f);
    sections.push(renderUnit(unit, unitMark(unit, byFile), fileReports));
  }
  const loners = report.files.filter((f) => !inUnit.has(f.file));
  if (loners.length) {
    sections.push(
      h(
        'section',
        { class: 'unit loners', 'aria-label': '送信単位に属さないファイル / Files outside any send unit' },
        h('h3', {}, bi('送信単位に属さないファイル（ファイル名を読めません）', 'Files outside any send unit (unreadable names)')),
        h('ul', { class: 'files' }, ...loners.map((f) => renderFile(f, fileReports.get(f.file)!.input))),
      ),
    );
  }
  unitsBox.replaceChildren(...sections);
  results.hidden = false;
}

function unitName(type: string | undefined): HTMLSpanElement {
  const name = unitTypeName(type);
  return name ? bi(name.ja, name.en) : bi('組み合わせ不明', 'unknown combination');
}

function renderUnit(unit: SendUnitReport, unitMarked: Mark, fileReports: Map<string, { report: FileReport; input: PageFile }>): HTMLElement {
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
    h('ul', { class: 'files' }, ...unit.files.map((f) => renderFile(fileReports.get(f)!.report, fileReports.get(f)!.input))),
  );
}

function renderFile(f: FileReport, input: PageFile): HTMLLIElement {
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
  if (button) button.addEventListener('click', () => showRecords(input));
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
  const table = h(
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
  );
  const more = issues.length - shown.length;
  return h(
    'div',
    { class: 'table-wrap' },
    table,
    more > 0 ? h('p', { class: 'more' }, bi(`ほか ${more}件はレポート（JSON・SARIF）にあります。`, `${more} more in the reports (JSON, SARIF).`)) : false,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Records

/** Why a file's records cannot be shown: the reason the reading gives, not a guess. */
function noRecordsReason(read: ReadResult, lenient: boolean): HTMLElement {
  if (!lenient && read.encoding === 'utf8' && !read.records.length) {
    return bi(
      'このファイルはUTF-8で書かれているため、strict プロファイルでは読みません（仕様の文字コードはShift_JIS）。プロファイルを lenient にするとUTF-8として読み、レコードを表示します。',
      'This file is UTF-8, which the strict profile does not read (the spec requires Shift_JIS). The lenient profile reads it as UTF-8 and shows its records.',
    );
  }
  if (!read.kind) {
    return bi('このファイルの種別が分からないため、レコードを表示できません（上の問題を参照）。', 'The kind of this file is not known, so its records cannot be shown (see the issues above).');
  }
  if (!read.csvVersion && read.issues.some((i) => i.code === 'CSV_UNKNOWN_VERSION' || i.code === 'CSV_UNSUPPORTED_VERSION')) {
    return bi('CSVバージョンが分からないため、レイアウトが決まらずレコードを表示できません（上の問題を参照）。', 'The CSV version is not known, so there is no layout to show the records by (see the issues above).');
  }
  return bi('レコードがありません（上の問題を参照）。', 'No records were read (see the issues above).');
}

function showRecords(file: PageFile): void {
  const lenient = profileSelect.value === 'lenient';
  const read = readCsvFile({ name: file.name, bytes: file.bytes }, { lenient });
  const layout = read.kind && read.csvVersion ? getLayout(read.kind, read.csvVersion as Parameters<typeof getLayout>[1]) : undefined;
  const heading = byId<HTMLElement>('h-records');
  // The file kind's own name (予定 / 実績): a layout name may cover two kinds (UPPLAN and UPJSK share one).
  const kindName = read.kind ? (FILE_NAMES[read.kind]?.nameJa ?? layout?.nameJa) : undefined;
  const caption = h(
    'p',
    { class: 'records-caption' },
    h('span', { class: 'file-name' }, file.name),
    layout ? ` — ${kindName}（${layout.kind}、CSVバージョン ${layout.csvVersion}、第${layout.edition}版）` : read.kind ? ` — ${kindName}（${read.kind}）` : '',
    ` ${read.records.length}レコード / records`,
  );
  if (!layout || !read.records.length) {
    const toLenient =
      !lenient && read.encoding === 'utf8' && !read.records.length
        ? h('button', { type: 'button', class: 'read-lenient' }, bi('lenient で読む', 'Read it with the lenient profile'))
        : false;
    if (toLenient) {
      toLenient.addEventListener('click', () => {
        profileSelect.value = 'lenient';
        validate();
        showRecords(file);
      });
    }
    recordsBox.replaceChildren(caption, h('p', { class: 'none' }, noRecordsReason(read, lenient)), ...(toLenient ? [toLenient] : []));
  } else {
    const shown = read.records.slice(0, MAX_RECORDS_SHOWN);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'rownum' }, bi('行', 'Line')),
      ...layout.fields.map((f) => h('th', { scope: 'col', title: `${f.key} (No.${f.no})`, 'data-key': f.key }, h('span', { class: 'no' }, `No.${f.no}`), h('br'), f.name)),
    );
    const body = shown.map((rec, i) =>
      h('tr', {}, h('th', { scope: 'row', class: 'rownum' }, String(read.lines[i] ?? '')), ...layout.fields.map((f) => h('td', {}, rec[f.key] ?? ''))),
    );
    const more = read.records.length - shown.length;
    recordsBox.replaceChildren(
      caption,
      h(
        'div',
        { class: 'table-wrap records-wrap', tabindex: '0', role: 'region', 'aria-label': `${file.name} のレコード / records` },
        h('table', { class: 'records', id: 'records-table' }, h('thead', {}, head), h('tbody', {}, ...body)),
      ),
      ...(more > 0
        ? [h('p', { class: 'more' }, bi(`最初の ${shown.length}件を表示しています（全 ${read.records.length}件）。`, `Showing the first ${shown.length} of ${read.records.length}.`))]
        : []),
    );
  }
  recordsSection.hidden = false;
  heading.focus();
  recordsSection.scrollIntoView({ block: 'start' });
}

// ---------------------------------------------------------------------------------------------------------
// Reports

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

byId<HTMLButtonElement>('download-json').addEventListener('click', () => {
  if (run) download(jsonReport(run), 'careplan-report.json', 'application/json');
});
byId<HTMLButtonElement>('download-sarif').addEventListener('click', () => {
  if (run) download(sarifReport(run), 'careplan-report.sarif', 'application/sarif+json');
});
byId<HTMLButtonElement>('clear').addEventListener('click', () => {
  files = [];
  fileInput.value = '';
  folderInput.value = '';
  validate();
  byId<HTMLButtonElement>('choose-files').focus();
});

// ---------------------------------------------------------------------------------------------------------
// Input wiring

byId<HTMLButtonElement>('choose-files').addEventListener('click', () => fileInput.click());
byId<HTMLButtonElement>('choose-folder').addEventListener('click', () => folderInput.click());
fileInput.addEventListener('change', () => void add(fromInput(fileInput.files)).then(() => (fileInput.value = '')));
folderInput.addEventListener('change', () => void add(fromInput(folderInput.files)).then(() => (folderInput.value = '')));
profileSelect.addEventListener('change', () => validate());
showEn.addEventListener('change', () => document.body.classList.toggle('show-en', showEn.checked));

// A file dropped anywhere is taken (and never opened by the browser in place of the page).
let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  dropZone.classList.add('dragging');
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) dropZone.classList.remove('dragging');
});
window.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropZone.classList.remove('dragging');
  if (e.dataTransfer) void add(fromDrop(e.dataTransfer));
});

document.body.dataset['state'] = 'empty';
