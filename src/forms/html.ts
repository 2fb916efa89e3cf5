// A few string builders for the forms' HTML. The renderer runs in Node, in a worker and in the page, so it
// builds text, not DOM nodes; every value from a file passes through `esc` on its way in (a 利用者名 or a free
// text is data, never markup).

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to stand in HTML content and in a quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup already built by these helpers (a string that is not escaped again). */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

export type Child = Html | string | number | null | undefined | false | readonly Child[];

function childText(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return esc(child);
  if (typeof child === 'number') return String(child);
  if (Array.isArray(child)) return (child as readonly Child[]).map(childText).join('');
  return (child as Html).html;
}

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function attributeText(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    text += value === true ? ` ${name}` : ` ${name}="${esc(String(value))}"`;
  }
  return text;
}

const VOID = new Set(['br', 'col', 'meta', 'img']);

/** An element: `h('td', { class: 'n' }, '1')` → `<td class="n">1</td>`. */
export function h(name: string, attributes: Attributes = {}, ...children: Child[]): Html {
  const open = `<${name}${attributeText(attributes)}>`;
  return raw(VOID.has(name) ? open : `${open}${childText(children)}</${name}>`);
}

/** Several children as one (a fragment). */
export const join = (...children: Child[]): Html => raw(childText(children));

/**
 * A free text as the file holds it: its line breaks kept (the style sheet sets `white-space: pre-wrap` on
 * `.text`), CRLF and CR read as one break.
 */
export function freeText(text: string | null | undefined, attributes: Attributes = {}): Html {
  const cls = attributes['class'] ? `text ${String(attributes['class'])}` : 'text';
  return h('div', { ...attributes, class: cls }, (text ?? '').replace(/\r\n?/g, '\n'));
}
