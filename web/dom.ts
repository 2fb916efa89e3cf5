// The page's few DOM helpers: an element from a tag, attributes and children; Japanese text with its English.
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
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

/** Japanese text with its English alongside (shown on demand, and always in print). */
export function bi(ja: string, en: string): HTMLSpanElement {
  return h('span', { class: 'bi' }, h('span', { lang: 'ja' }, ja), ' ', h('span', { lang: 'en', class: 'en' }, `/ ${en}`));
}

/**
 * A table whose cells each name their column (data-label: the heading's Japanese text), so that on a narrow
 * screen each row can be drawn as a card of labelled lines (style.css) instead of a table wider than the page.
 */
export function labelCells(table: HTMLTableElement): HTMLTableElement {
  const headings = [...table.tHead?.rows[0]?.cells ?? []].map((th) => (th.querySelector('[lang="ja"]') ?? th).textContent ?? '');
  for (const body of table.tBodies) {
    for (const row of body.rows) for (const [i, cell] of [...row.cells].entries()) if (headings[i]) cell.dataset['label'] = headings[i];
  }
  return table;
}

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}
