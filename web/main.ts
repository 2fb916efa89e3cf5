// The validator page: files dropped or chosen are validated in a worker (web/worker.ts) by the library, in
// their send units, with progress and a cancel button, and shown with every issue; a file's records can be
// paged through, and the command's JSON and SARIF reports saved. Nothing is sent anywhere (the page's
// Content-Security-Policy forbids connections).
import { SEND_UNITS, type Profile, type SendUnitReport } from '../src/core.ts';
import type { ValidationRun } from '../src/report/issues.ts';
import { Cancelled, cancelForms, cancelRecords, cancelValidation, reportInWorker, validateInWorker } from './checker.ts';
import { closeForms, printForms, showForms, type FormsHooks } from './forms-view.ts';
import { bi, byId, h } from './dom.ts';
import { fromDrop, fromInput, sortOut, type RefusedFile } from './intake.ts';
import { askReplaceOrAdd } from './pick-dialog.ts';
import type { PickedFile, Progress, ReportFormat } from './protocol.ts';
import { showRecords } from './records-view.ts';
import { buildPrintReport } from './print.ts';
import { orderFiles } from './report.ts';
import { renderResults } from './results.ts';
import { unitLabel } from '../src/report/unit-label.ts';
import { count } from '../src/messages/labels.ts';

// ---------------------------------------------------------------------------------------------------------
// State

let files: PickedFile[] = [];
let run: ValidationRun | undefined;
/** Validations started: a validation's drawing stops when a newer one (or a cancel) has started. */
let jobs = 0;

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
const refusals = byId<HTMLElement>('refusals');
const resultsHeading = byId<HTMLElement>('h-results');
const progressBox = byId<HTMLElement>('progress');
const progressBar = byId<HTMLProgressElement>('progress-bar');
const progressText = byId<HTMLElement>('progress-text');

const profile = () => profileSelect.value as Profile;

function setStatus(text: string): void {
  status.textContent = text;
}

function setState(state: 'empty' | 'validating' | 'done' | 'cancelled'): void {
  document.body.dataset['state'] = state;
}

// ---------------------------------------------------------------------------------------------------------
// Reading what the user gives

async function add(newFiles: PickedFile[] | Promise<PickedFile[]>): Promise<void> {
  let got: PickedFile[];
  let sorted: Awaited<ReturnType<typeof sortOut>>;
  try {
    got = await newFiles;
    // Reading the files' first bytes fails for one moved, deleted or changed since it was picked, or unreadable.
    sorted = await sortOut(got);
  } catch (e) {
    setStatus(`ファイルを読めませんでした / Could not read the files: ${String(e)}`);
    return;
  }
  if (!got.length) {
    showRefusals([]);
    setStatus('検証するファイルがありません（.CSV / .jpg が見つかりません） / No files to validate (no .CSV or .jpg found)');
    return;
  }
  const { taken, refused } = sorted;
  showRefusals(refused);
  if (!taken.length) {
    setStatus('');
    return;
  }
  // A second pick asks whether the new files replace the ones already validated or join them.
  const choice = files.length ? await askReplaceOrAdd(files.length, taken.length) : 'replace';
  if (choice === 'cancel') {
    setStatus('新しいファイルは読み込みませんでした / The new files were not taken');
    return;
  }
  // Records of a file no longer held would mislead.
  if (choice === 'replace') recordsSection.hidden = true;
  files = orderFiles(choice === 'add' ? [...files, ...taken] : taken);
  if (await validate()) revealResults(refused.length > 0);
}

/** One message for a pick's refused files: each file and why (nothing of them is validated). */
function showRefusals(refused: readonly RefusedFile[]): void {
  refusals.hidden = !refused.length;
  refusals.replaceChildren(
    ...(refused.length
      ? [
          h('p', {}, bi(`次の ${refused.length} 件は仕様のファイルではないため、検証しません。`, refused.length === 1 ? 'This file is not a spec file and is not validated:' : `These ${refused.length} files are not spec files and are not validated:`)),
          h('ul', {}, ...refused.map((r) => h('li', { 'data-file': r.name }, bi(r.reason.ja, r.reason.en)))),
        ]
      : []),
  );
}

/** Whether the user is typing somewhere (focus is not to be taken from them). */
function typing(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * After a pick: the results brought into view (from the refusals above them, if any, so that those are seen),
 * their heading focused so that a screen reader announces it.
 */
function revealResults(withRefusals: boolean): void {
  if (typing(document.activeElement)) return;
  resultsHeading.focus({ preventScroll: true });
  (withRefusals ? refusals : resultsHeading).scrollIntoView({ block: 'start' });
}

// ---------------------------------------------------------------------------------------------------------
// Validation

function showProgress(p: Progress): void {
  // What the tests read (and a script could): the file's bytes and records read so far.
  progressBox.dataset['bytes'] = String(p.bytes);
  progressBox.dataset['records'] = String(p.records);
  progressBar.max = Math.max(1, p.totalSize);
  progressBar.value = p.totalBytes;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const records = count(p.records);
  progressText.replaceChildren(
    bi(
      `${p.index + 1}/${p.files}ファイル目 ${p.name}：${mb(p.bytes)} / ${mb(p.size)} MB、${records}レコード`,
      `file ${p.index + 1} of ${p.files}, ${p.name}: ${mb(p.bytes)} of ${mb(p.size)} MB, ${records} records`,
    ),
  );
}

/** Validate the files held; whether results were drawn. */
async function validate(): Promise<boolean> {
  if (!files.length) {
    jobs++;
    recordsSection.hidden = true;
    hideForms();
    cancelRecords();
    cancelValidation();
    run = undefined;
    results.hidden = true;
    progressBox.hidden = true;
    setStatus('');
    setState('empty');
    return false;
  }
  const job = ++jobs;
  // The run shown is let go of with its worker (its reports can no longer be built): its results stay in view
  // but cannot be used until the new ones replace them, and its records view (of files that may have been
  // replaced) is closed, its reading ended.
  run = undefined;
  results.inert = true;
  cancelRecords();
  recordsSection.hidden = true;
  hideForms();
  setState('validating');
  setStatus('検証中… / Validating…');
  progressBar.removeAttribute('value');
  progressText.replaceChildren();
  delete progressBox.dataset['bytes'];
  delete progressBox.dataset['records'];
  progressBox.hidden = false;
  try {
    run = await validateInWorker(files, profile(), showProgress);
  } catch (e) {
    if (e instanceof Cancelled) return false;
    // The results still shown are of the last run, which is let go of (its reports can no longer be made): left
    // in view under a new profile or after a file changed, they would pass for this run's.
    progressBox.hidden = true;
    results.hidden = true;
    recordsSection.hidden = true;
    // A file changed, moved or deleted since it was picked cannot be read (Chromium says only "network error").
    setStatus(
      `検証できませんでした。選んだ後にファイルを変更・移動・削除した場合は、もう一度選んでください。 / Could not validate: if a file was changed, moved or deleted after it was chosen, choose it again. (${String(e)})`,
    );
    setState('done');
    return false;
  }
  progressBox.hidden = true;
  return drawResults(run, job);
}

/** The next task: what follows runs after the browser has had its turn (input, layout, drawing). */
const nextTask = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Issue rows drawn at once per table; the rest follow a slice at a time, each slice in a task of its own. */
const FIRST_ROWS = 50;
const ROWS_PER_SLICE = 50;

/**
 * Draws a run's results without a long task: they are built apart from the run's arrival (a task of its own),
 * and a long issue table is shown with its first rows, the others added in slices between which the page lays
 * out and stays responsive. The state is 'done' once every row is drawn; false when a newer job took over.
 */
async function drawResults(done: ValidationRun, job: number): Promise<boolean> {
  await nextTask();
  if (job !== jobs) return false;
  const shown = renderResults(done, { showRecords: (name) => openRecords(name), showForms: (unit, button) => openForms(unit, button) });
  const later: [HTMLElement, Element[]][] = [];
  for (const unit of shown.units) {
    for (const body of unit.querySelectorAll<HTMLElement>('table.issues > tbody')) {
      const rows = [...body.children].slice(FIRST_ROWS);
      for (const row of rows) row.remove();
      if (rows.length) later.push([body, rows]);
    }
  }
  summary.replaceChildren(...shown.summary);
  unitsBox.replaceChildren(...shown.units);
  results.hidden = false;
  results.inert = false;
  setStatus('');
  for (const [body, rows] of later) {
    for (let at = 0; at < rows.length; at += ROWS_PER_SLICE) {
      await nextTask();
      if (job !== jobs) return false;
      const slice = rows.slice(at, at + ROWS_PER_SLICE);
      body.append(...slice);
      // The filter may have been ticked while the rows were arriving: it applies to this slice as to the rows before.
      shown.rowsAdded(slice);
    }
  }
  // The browser lays the results out in its own step before 'done' and the heading's focus (revealResults): a
  // focus right after they were inserted would force that layout (30–120 ms: its text's fonts are looked up)
  // into the task that built them.
  await nextTask();
  if (job !== jobs) return false;
  setState('done');
  return true;
}

function openRecords(name: string): void {
  const file = files.find((f) => f.name === name);
  if (!file) return;
  // The run shown read this file with the profile now chosen (a change of profile closes the records view and
  // validates again): its record count spares the first page a reading of the whole file.
  const counted = run?.report.files.find((f) => f.file === name)?.records;
  void showRecords(file, {
    box: recordsBox,
    section: recordsSection,
    heading: byId<HTMLElement>('h-records'),
    profile,
    toLenient: () => {
      profileSelect.value = 'lenient';
      void validate();
    },
  }, 0, counted);
}

// ---------------------------------------------------------------------------------------------------------
// Forms

const formsSection = byId<HTMLElement>('forms');
const formsHooks: FormsHooks = {
  section: formsSection,
  heading: byId<HTMLElement>('h-forms'),
  caption: byId<HTMLElement>('forms-caption'),
  status: byId<HTMLElement>('forms-status'),
  box: byId<HTMLElement>('forms-box'),
  print: byId<HTMLButtonElement>('forms-print'),
};

/** The forms view hidden and its job ended (files replaced, a new run, a cancel). */
function hideForms(): void {
  cancelForms();
  formsSection.hidden = true;
  formsHooks.box.replaceChildren();
}

/**
 * A unit's forms: the worker is given the unit's files, the 実績 units' files of the run (their 実績 go beneath
 * the unit's 第6表 予定) and the service-code masters picked (service names).
 */
function openForms(unit: SendUnitReport, button: HTMLButtonElement): void {
  if (!run) return;
  const report = run.report;
  const actualTypes = new Set<string>(SEND_UNITS.filter((u) => u.base === 'UPJSK').map((u) => u.id));
  const names = new Set([...unit.files, ...report.units.filter((u) => u !== unit && u.type !== undefined && actualTypes.has(u.type)).flatMap((u) => u.files)]);
  const masters = new Set(report.files.filter((f) => f.serviceCodes).map((f) => f.file));
  const label = unitLabel(unit);
  void showForms(
    { unit: unit.key, files: files.filter((f) => names.has(f.name)), masters: files.filter((f) => masters.has(f.name)), profile: profile() },
    { ja: `送信単位 ${label.ja}`, en: `send unit ${label.en}` },
    button,
    formsHooks,
  );
}

byId<HTMLButtonElement>('forms-print').addEventListener('click', () => printForms(formsHooks));
byId<HTMLButtonElement>('forms-close').addEventListener('click', () => closeForms(formsHooks, resultsHeading));

// 中止 ends the worker (nothing of the run goes on) and lets go of the files it was given: the next pick starts afresh.
byId<HTMLButtonElement>('cancel').addEventListener('click', () => {
  jobs++;
  cancelValidation();
  cancelRecords();
  hideForms();
  files = [];
  run = undefined;
  progressBox.hidden = true;
  results.hidden = true;
  recordsSection.hidden = true;
  setStatus('検証を中止しました。もう一度ファイルを選んでください。 / Validation cancelled. Choose the files again.');
  setState('cancelled');
  byId<HTMLButtonElement>('choose-files').focus();
});

// ---------------------------------------------------------------------------------------------------------
// Reports

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The reports the page saves, by name and type; each is built by the run's worker (web/report.ts's builders). */
const REPORTS: Record<ReportFormat, { name: string; type: string }> = {
  json: { name: 'careplan-report.json', type: 'application/json' },
  sarif: { name: 'careplan-report.sarif', type: 'application/sarif+json' },
  csv: { name: 'careplan-problems.csv', type: 'text/csv' },
};

/**
 * Save a report of the run shown: the one way every download button goes. The worker that made the run builds
 * it (a report of tens of thousands of issues takes a second or more to write: never on the page's thread).
 */
async function saveReport(format: ReportFormat): Promise<void> {
  if (!run) return;
  const { name, type } = REPORTS[format];
  try {
    const text = await reportInWorker(format);
    download(new Blob([text], { type }), name);
  } catch (e) {
    if (!(e instanceof Cancelled)) setStatus(`レポートを作れませんでした / Could not make the report: ${String(e)}`);
  }
}

byId<HTMLButtonElement>('download-json').addEventListener('click', () => void saveReport('json'));
byId<HTMLButtonElement>('download-sarif').addEventListener('click', () => void saveReport('sarif'));
byId<HTMLButtonElement>('download-csv').addEventListener('click', () => void saveReport('csv'));

/** The print report of the run shown (also when the browser's own print is chosen); print shows it alone. */
function preparePrint(): void {
  byId<HTMLElement>('print-report').replaceChildren(...(run ? buildPrintReport(run, new Date()) : []));
  document.body.classList.toggle('has-print-report', run !== undefined);
}
window.addEventListener('beforeprint', preparePrint);
byId<HTMLButtonElement>('print').addEventListener('click', () => {
  preparePrint();
  window.print();
});
byId<HTMLButtonElement>('clear').addEventListener('click', () => {
  files = [];
  showRefusals([]);
  fileInput.value = '';
  folderInput.value = '';
  void validate();
  byId<HTMLButtonElement>('choose-files').focus();
});

// ---------------------------------------------------------------------------------------------------------
// Input wiring

byId<HTMLButtonElement>('choose-files').addEventListener('click', () => fileInput.click());
byId<HTMLButtonElement>('choose-folder').addEventListener('click', () => folderInput.click());
fileInput.addEventListener('change', () => {
  void add(fromInput(fileInput.files));
  fileInput.value = '';
});
folderInput.addEventListener('change', () => {
  void add(fromInput(folderInput.files));
  folderInput.value = '';
});
profileSelect.addEventListener('change', () => {
  // Records read under the other profile would mislead: they are read again when asked for.
  recordsSection.hidden = true;
  void validate();
});
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

setState('empty');
