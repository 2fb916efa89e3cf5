// The top of the results: a link to each failing send unit (and failing file outside any unit), named in
// words with its counts, and the 「エラーのみ表示」 filter that hides what has no errors and says how much it hid.
import type { FileReport, SendUnitReport } from '../src/core.ts';
import { kindLabel } from '../src/messages/labels.ts';
import { severityCounts, type Mark } from '../src/report/summary.ts';
import { unitLabel } from '../src/report/unit-label.ts';
import { bi, h } from './dom.ts';

/** The units and files as rendered (failing first), for the links and the filter. */
export interface Shown {
  readonly units: { readonly el: HTMLElement; readonly unit: SendUnitReport; readonly mark: Mark }[];
  /** Every file; `id` only on those outside a unit (a unit's files are reached through their unit). */
  readonly files: { readonly el: HTMLElement; readonly file: FileReport; readonly mark: Mark; readonly id: string | undefined }[];
}

function countsWords(errors: number, warnings: number): HTMLSpanElement {
  return bi(`エラー ${errors}件・警告 ${warnings}件`, `${errors} errors, ${warnings} warnings`);
}

/** A link that scrolls to its target and moves the focus there (a plain #anchor only scrolls). */
function jumpLink(target: HTMLElement, ...text: (Node | string)[]): HTMLAnchorElement {
  const a = h('a', { href: `#${target.id}` }, ...text);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  return a;
}

function failingLinks(shown: Shown): HTMLLIElement[] {
  const units = shown.units
    .filter((u) => u.mark === 'error')
    .map(({ el, unit }) => {
      const files = shown.files.filter((f) => unit.files.includes(f.file.file));
      const c = severityCounts([...unit.issues, ...files.flatMap((f) => f.file.issues)]);
      const label = unitLabel(unit);
      return h('li', { 'data-link-unit': unit.key }, jumpLink(el, bi(label.ja, label.en)), ' ', countsWords(c.errors, c.warnings));
    });
  const loners = shown.files
    .filter((f) => f.id !== undefined && f.mark === 'error')
    .map(({ el, file }) => {
      const c = severityCounts(file.issues);
      const kind = file.kind ? `（${kindLabel(file.kind).ja}）` : '';
      return h('li', { 'data-link-file': file.file }, jumpLink(el, `${file.file}${kind}`), ' ', countsWords(c.errors, c.warnings));
    });
  return [...units, ...loners];
}

/** The filter as it stands: on or off, and how much it hides (what the status says). */
interface FilterState {
  on: boolean;
  units: number;
  files: number;
  rows: number;
}

/** The one place that says how much the filter hides, in words and in data attributes (what scripts and tests read). */
function renderStatus(state: FilterState, root: HTMLElement, status: HTMLElement): void {
  const { on, units, files, rows } = state;
  root.dataset['errorsOnly'] = String(on);
  status.replaceChildren(
    on
      ? bi(
          `エラーのない送信単位 ${units}件・ファイル ${files}件と、エラー以外の問題 ${rows}件を隠しています。`,
          `Hiding ${units} send units and ${files} files without errors, and ${rows} issues that are not errors.`,
        )
      : '',
  );
  status.dataset['hiddenUnits'] = String(on ? units : 0);
  status.dataset['hiddenFiles'] = String(on ? files : 0);
  status.dataset['hiddenRows'] = String(on ? rows : 0);
}

/**
 * Shows or hides what has no errors among what is drawn now, and counts it. Rows of a long table that are still
 * to come are not here yet: `rowsAdded` filters them as they arrive.
 */
function applyFilter(shown: Shown, state: FilterState, on: boolean): void {
  state.on = on;
  state.units = 0;
  state.files = 0;
  state.rows = 0;
  for (const u of shown.units) {
    const hide = on && u.mark !== 'error';
    u.el.hidden = hide;
    if (hide) state.units++;
  }
  for (const f of shown.files) {
    // From the file's issues, not its rows: rows still to come cannot change whether a file has errors.
    const hide = on && f.file.issues.every((i) => i.severity !== 'error');
    f.el.hidden = hide;
    if (hide) state.files++;
  }
  // The rows live in the units' and files' tables, which the overview's root does not hold: reach them
  // through the elements kept above.
  for (const el of [...shown.units.map((u) => u.el), ...shown.files.map((f) => f.el)]) {
    for (const tr of el.querySelectorAll<HTMLTableRowElement>(':scope > .unit-issues tr[data-code], :scope > details tr[data-code]')) {
      const hide = on && !tr.classList.contains('sev-error');
      tr.hidden = hide;
      if (hide) state.rows++;
    }
    const unitIssues = el.querySelector<HTMLElement>(':scope > .unit-issues');
    if (unitIssues) unitIssues.hidden = on && !unitIssues.querySelector('tr.sev-error');
  }
}

/**
 * Rows just appended to an issue table (web/main.ts draws a long table's rows in slices): the filter as it stands
 * applied to them alone, so that drawing every slice costs the slice, not every row drawn so far. A unit's issues
 * hidden for want of an error row come back when one arrives.
 */
function filterAdded(state: FilterState, rows: readonly Element[]): boolean {
  if (!state.on) return false;
  let hidden = 0;
  for (const tr of rows) {
    if (!(tr instanceof HTMLTableRowElement) || !tr.dataset['code']) continue;
    if (tr.classList.contains('sev-error')) {
      const unitIssues = tr.closest<HTMLElement>('.unit-issues');
      if (unitIssues) unitIssues.hidden = false;
    } else {
      tr.hidden = true;
      hidden++;
    }
  }
  state.rows += hidden;
  return hidden > 0;
}

/** The overview element, and what the page calls after adding issue rows to a table already drawn. */
export interface Overview {
  readonly el: HTMLElement;
  rowsAdded(rows: readonly Element[]): void;
}

/** The overview: links to what fails, and the filter. */
export function overview(shown: Shown): Overview {
  const links = failingLinks(shown);
  const status = h('p', { class: 'filter-status', id: 'filter-status', role: 'status', 'aria-live': 'polite' });
  const box = h('input', { type: 'checkbox', id: 'errors-only', 'aria-describedby': 'filter-status' });
  const root = h(
    'nav',
    { class: 'overview', 'aria-labelledby': 'h-overview', 'data-ok': String(!links.length) },
    h('h3', { id: 'h-overview' }, bi('エラーのある送信単位・ファイル', 'Send units and files with errors')),
    links.length ? h('ul', { class: 'failing-links' }, ...links) : h('p', { class: 'none-failing' }, bi('エラーのある送信単位・ファイルはありません。', 'No send unit or file has errors.')),
    h('label', { class: 'errors-only' }, box, ' ', bi('エラーのみ表示', 'Show errors only')),
    status,
  );
  const state: FilterState = { on: false, units: 0, files: 0, rows: 0 };
  box.addEventListener('change', () => {
    applyFilter(shown, state, box.checked);
    renderStatus(state, root, status);
  });
  return {
    el: root,
    rowsAdded: (rows) => {
      if (filterAdded(state, rows)) renderStatus(state, root, status);
    },
  };
}
