// The validator page: files dropped or chosen are validated in a worker (web/worker.ts) by the library, in
// their send units, with progress and a cancel button, and shown with every issue; a file's records can be
// paged through, and the command's JSON and SARIF reports saved. Nothing is sent anywhere (the page's
// Content-Security-Policy forbids connections).
import type { Profile } from '../src/core.ts';
import type { ValidationRun } from '../src/report/issues.ts';
import { Cancelled, cancelValidation, validateInWorker } from './checker.ts';
import { bi, byId, h } from './dom.ts';
import { fromDrop, fromInput, sortOut, type RefusedFile } from './intake.ts';
import { askReplaceOrAdd } from './pick-dialog.ts';
import type { PickedFile, Progress } from './protocol.ts';
import { showRecords } from './records-view.ts';
import { buildPrintReport } from './print.ts';
import { jsonReport, orderFiles, problemsCsv, sarifReport } from './report.ts';
import { renderResults } from './results.ts';

// ---------------------------------------------------------------------------------------------------------
// State

let files: PickedFile[] = [];
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
  try {
    got = await newFiles;
  } catch (e) {
    setStatus(`ファイルを読めませんでした / Could not read the files: ${String(e)}`);
    return;
  }
  if (!got.length) {
    showRefusals([]);
    setStatus('検証するファイルがありません（.CSV / .jpg が見つかりません） / No files to validate (no .CSV or .jpg found)');
    return;
  }
  const { taken, refused } = await sortOut(got);
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
  progressBar.max = Math.max(1, p.totalSize);
  progressBar.value = p.totalBytes;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  progressText.replaceChildren(
    bi(
      `${p.index + 1}/${p.files}ファイル目 ${p.name}：${mb(p.bytes)} / ${mb(p.size)} MB、約${p.records.toLocaleString('ja-JP')}レコード`,
      `file ${p.index + 1} of ${p.files}, ${p.name}: ${mb(p.bytes)} of ${mb(p.size)} MB, about ${p.records.toLocaleString('en')} records`,
    ),
  );
}

/** Validate the files held; whether results were drawn. */
async function validate(): Promise<boolean> {
  if (!files.length) {
    recordsSection.hidden = true;
    cancelValidation();
    run = undefined;
    results.hidden = true;
    progressBox.hidden = true;
    setStatus('');
    setState('empty');
    return false;
  }
  setState('validating');
  setStatus('検証中… / Validating…');
  progressBar.removeAttribute('value');
  progressText.replaceChildren();
  progressBox.hidden = false;
  try {
    run = await validateInWorker(files, profile(), showProgress);
  } catch (e) {
    if (e instanceof Cancelled) return false;
    progressBox.hidden = true;
    setStatus(`検証できませんでした / Could not validate: ${String(e)}`);
    setState('done');
    return false;
  }
  progressBox.hidden = true;
  const shown = renderResults(run, { showRecords: (name) => openRecords(name) });
  summary.replaceChildren(...shown.summary);
  unitsBox.replaceChildren(...shown.units);
  results.hidden = false;
  setStatus('');
  setState('done');
  return true;
}

function openRecords(name: string): void {
  const file = files.find((f) => f.name === name);
  if (!file) return;
  void showRecords(file, {
    box: recordsBox,
    section: recordsSection,
    heading: byId<HTMLElement>('h-records'),
    profile,
    toLenient: () => {
      profileSelect.value = 'lenient';
      void validate();
    },
  });
}

byId<HTMLButtonElement>('cancel').addEventListener('click', () => {
  cancelValidation();
  progressBox.hidden = true;
  setStatus('検証を中止しました / Validation cancelled');
  setState('cancelled');
});

// ---------------------------------------------------------------------------------------------------------
// Reports

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
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
byId<HTMLButtonElement>('download-csv').addEventListener('click', () => {
  if (run) download(problemsCsv(run), 'careplan-problems.csv', 'text/csv');
});
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
