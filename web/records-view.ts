// A file's records as a table, one page at a time: the worker reads the file and keeps only the page shown,
// so a file of any size can be looked through without holding its records.
import { FILE_NAMES, type Profile } from '../src/core.ts';
import { Cancelled, recordsInWorker } from './checker.ts';
import { bi, h } from './dom.ts';
import type { PickedFile, RecordsPage } from './protocol.ts';

/** Records shown on one page of the table. */
export const RECORDS_PAGE_SIZE = 100;

export interface RecordsHooks {
  /** Where the view is drawn, and the heading focused when it opens. */
  readonly box: HTMLElement;
  readonly section: HTMLElement;
  readonly heading: HTMLElement;
  profile(): Profile;
  /** Switch the page to the lenient profile and validate again (offered for a UTF-8 file under strict). */
  toLenient(): void;
}

function whyText(why: NonNullable<RecordsPage['why']>): HTMLElement {
  switch (why) {
    case 'utf8Strict':
      return bi(
        'このファイルはUTF-8で書かれているため、厳格では読みません（仕様の文字コードはShift_JIS）。緩和にするとUTF-8として読み、レコードを表示します。',
        'This file is UTF-8, which the strict profile (厳格) does not read (the spec requires Shift_JIS). The lenient profile (緩和) reads it as UTF-8 and shows its records.',
      );
    case 'noKind':
      return bi('このファイルの種別が分からないため、レコードを表示できません（上の問題を参照）。', 'The kind of this file is not known, so its records cannot be shown (see the issues above).');
    case 'noVersion':
      return bi('CSVバージョンが分からないため、レイアウトが決まらずレコードを表示できません（上の問題を参照）。', 'The CSV version is not known, so there is no layout to show the records by (see the issues above).');
    default:
      return bi('レコードがありません（上の問題を参照）。', 'No records were read (see the issues above).');
  }
}

function caption(p: RecordsPage): HTMLElement {
  // The file kind's own name (予定 / 実績): a layout name may cover two kinds (UPPLAN and UPJSK share one).
  const kindName = p.kind ? FILE_NAMES[p.kind as keyof typeof FILE_NAMES]?.nameJa : undefined;
  const what = p.fields.length && p.csvVersion
    ? ` — ${kindName}（${p.kind}、CSVバージョン ${p.csvVersion}、第${p.edition}版）`
    : p.kind
      ? ` — ${kindName}（${p.kind}）`
      : '';
  return h('p', { class: 'records-caption' }, h('span', { class: 'file-name' }, p.name), what, ` ${p.total}レコード / records`);
}

function pager(p: RecordsPage, go: (page: number) => void): HTMLElement | false {
  const pages = Math.ceil(p.total / p.pageSize);
  if (pages <= 1) return false;
  const from = p.page * p.pageSize + 1;
  const to = Math.min(p.total, from + p.pageSize - 1);
  const button = (page: number, ja: string, en: string, cls: string) => {
    const b = h('button', { type: 'button', class: `secondary ${cls}`, disabled: page < 0 || page >= pages }, bi(ja, en));
    b.addEventListener('click', () => go(page));
    return b;
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'レコードのページ / Record pages' },
    button(p.page - 1, '前へ', 'Previous', 'prev-page'),
    h('span', { class: 'page-of', 'aria-live': 'polite' }, bi(`${from}–${to}件目（全 ${p.total}件）`, `${from}–${to} of ${p.total}`)),
    button(p.page + 1, '次へ', 'Next', 'next-page'),
  );
}

function table(p: RecordsPage): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'rownum' }, bi('行', 'Line')),
    ...p.fields.map((f) => h('th', { scope: 'col', title: `${f.key} (No.${f.no})`, 'data-key': f.key }, h('span', { class: 'no' }, `No.${f.no}`), h('br'), f.name)),
  );
  const body = p.rows.map((values, i) =>
    h('tr', {}, h('th', { scope: 'row', class: 'rownum' }, String(p.lines[i] ?? '')), ...p.fields.map((_, j) => h('td', {}, values[j] ?? ''))),
  );
  return h(
    'div',
    { class: 'table-wrap records-wrap', tabindex: '0', role: 'region', 'aria-label': `${p.name} のレコード / records` },
    h('table', { class: 'records', id: 'records-table', 'data-page': String(p.page) }, h('thead', {}, head), h('tbody', {}, ...body)),
  );
}

/**
 * Show a page of a file's records (the first page when it opens). `total`, the file's record count — the run's
 * (its validation read the file with the same profile) or the one the first page found — lets a page be read only
 * as far as it reaches; without it the first page reads the whole file to count its records.
 */
export async function showRecords(file: PickedFile, hooks: RecordsHooks, page = 0, total?: number): Promise<void> {
  const { box, section, heading } = hooks;
  if (page === 0) {
    box.replaceChildren(h('p', { class: 'records-caption' }, h('span', { class: 'file-name' }, file.name)), h('p', { class: 'loading' }, bi('読み込み中…', 'Reading…')));
    section.hidden = false;
    heading.focus();
    section.scrollIntoView({ block: 'start' });
  }
  box.setAttribute('aria-busy', 'true');
  // What the tests wait for (the file and page drawn) is withdrawn until this read has drawn its page: the last
  // read's values would pass for this one's. A read that fails leaves them absent.
  delete box.dataset['file'];
  delete box.dataset['page'];
  let p: RecordsPage;
  try {
    p = await recordsInWorker(file, hooks.profile(), page, RECORDS_PAGE_SIZE, total);
  } catch (e) {
    if (e instanceof Cancelled) return;
    box.replaceChildren(h('p', { class: 'none' }, bi(`読めませんでした: ${String(e)}`, 'Could not be read')));
    return;
  } finally {
    box.removeAttribute('aria-busy');
  }
  // What the tests wait for: the file and page drawn.
  box.dataset['file'] = p.name;
  box.dataset['page'] = String(p.page);
  const go = (next: number) => void showRecords(file, hooks, next, p.total);
  if (!p.fields.length || !p.total) {
    const toLenient = p.why === 'utf8Strict' ? h('button', { type: 'button', class: 'read-lenient' }, bi('緩和で読む', 'Read it with the lenient profile')) : false;
    if (toLenient) {
      toLenient.addEventListener('click', () => {
        hooks.toLenient();
        void showRecords(file, hooks);
      });
    }
    box.replaceChildren(caption(p), h('p', { class: 'none' }, whyText(p.why ?? 'none')), ...(toLenient ? [toLenient] : []));
    return;
  }
  box.replaceChildren(caption(p), pager(p, go) || '', table(p), pager(p, go) || '');
}
