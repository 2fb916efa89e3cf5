// A send unit's forms (第1–3表, 第6表 with its 実績, 第7表 …) on screen, to look at and print: rendered in the
// worker that reads the files (web/forms-render.ts), shown in a frame of their own, so that their A4 style
// sheet (and its @page rules) governs the frame alone, and 「印刷」 prints the forms and nothing of the page.
// The frame is an about:blank document of this page: it inherits the page's Content-Security-Policy, which
// allows no inline style, so the forms' style sheet is applied through the CSSOM (a constructed sheet) and any
// style attribute through element.style — the policy is not loosened, and no script can run in the frame.
import { Cancelled, cancelForms, formsInWorker } from './checker.ts';
import { bi, h } from './dom.ts';
import type { FormsRequest, FormsResult } from './protocol.ts';

export interface FormsHooks {
  readonly section: HTMLElement;
  readonly heading: HTMLElement;
  readonly caption: HTMLElement;
  readonly status: HTMLElement;
  readonly box: HTMLElement;
  readonly print: HTMLButtonElement;
}

/** The element focused when the view closes: the button that opened it. */
let opener: HTMLElement | undefined;
/** Views opened: an answer for an older one (closed, or replaced) is dropped. */
let opened = 0;

/**
 * The forms HTML put into a fresh frame's document, its styles through the CSSOM. The style sheet and the style
 * attributes are taken out of the text before it is parsed: a parsed document shares the page's policy, which
 * would refuse them (and say so on the console). The renderer escapes `"` in every text and attribute value
 * (src/forms/html.ts), so ` style="` can only be an attribute.
 */
function fill(frame: HTMLIFrameElement, html: string): void {
  const css: string[] = [];
  const text = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, sheet: string) => (css.push(sheet), '')).replaceAll(' style="', ' data-cp-style="');
  const parsed = new DOMParser().parseFromString(text, 'text/html');
  // The sheets only: nothing that could load or run (the renderer writes none of it; this keeps it so).
  for (const el of parsed.querySelectorAll('script, style, link, meta, base, iframe, object, embed')) el.remove();
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css.join('\n'));
  doc.adoptedStyleSheets = [sheet];
  doc.documentElement.lang = parsed.documentElement.lang || 'ja';
  doc.title = parsed.title;
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
  for (const el of doc.querySelectorAll<HTMLElement>('[data-cp-style]')) {
    el.style.cssText = el.dataset['cpStyle'] ?? '';
    delete el.dataset['cpStyle'];
  }
}

function captionOf(label: { ja: string; en: string }, r: FormsResult): HTMLElement {
  return bi(`${label.ja}：利用者 ${r.users}人、A4 ${r.sheets}枚`, `${label.en}: ${r.users} user(s), ${r.sheets} A4 page(s)`);
}

/** What the clerk is told beside the forms: errors in the files (the forms show what could be read), FORMS_* issues. */
function notes(r: FormsResult): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (r.errors > 0) {
    out.push(h('p', { class: 'forms-errors' }, bi(`ファイルにエラーが ${r.errors}件あります。帳票は読めた内容から作りました（問題は上の検証結果を参照）。`, `The files have ${r.errors} error(s): the forms show what could be read (see the results above).`)));
  }
  for (const issue of r.issues) out.push(h('p', { class: 'forms-issue', 'data-code': issue.code }, bi(issue.message, issue.messageEn)));
  return out;
}

/** Open the forms view of a unit (`from`: the button pressed, focused again when the view closes). */
export async function showForms(request: FormsRequest, label: { ja: string; en: string }, from: HTMLElement, hooks: FormsHooks): Promise<void> {
  const { section, heading, caption, status, box, print } = hooks;
  const view = ++opened;
  opener = from;
  print.disabled = true;
  delete section.dataset['unit'];
  caption.replaceChildren(bi(label.ja, label.en));
  status.replaceChildren(h('span', { class: 'loading' }, bi('帳票を作成中…', 'Making the forms…')));
  box.replaceChildren();
  section.hidden = false;
  heading.focus();
  section.scrollIntoView({ block: 'start' });
  section.setAttribute('aria-busy', 'true');
  let result: FormsResult;
  try {
    result = await formsInWorker(request);
  } catch (e) {
    if (e instanceof Cancelled || view !== opened) return;
    status.replaceChildren(bi(`帳票を作れませんでした: ${String(e)}`, 'Could not make the forms'));
    return;
  } finally {
    if (view === opened) section.removeAttribute('aria-busy');
  }
  if (view !== opened) return;
  if (!result.sheets) {
    status.replaceChildren(bi('この送信単位からは帳票を作れませんでした（上の検証結果の問題を参照）。', 'No forms could be made from this send unit (see the issues in the results above).'), ...notes(result));
    return;
  }
  const frame = h('iframe', { class: 'forms-frame', title: `帳票（${label.ja}） / Forms (${label.en})` });
  box.replaceChildren(frame);
  fill(frame, result.html);
  caption.replaceChildren(captionOf(label, result));
  status.replaceChildren(...notes(result));
  print.disabled = false;
  // What the tests wait for: the unit's forms drawn.
  section.dataset['unit'] = result.unit;
  section.dataset['sheets'] = String(result.sheets);
}

/** 印刷: the frame's own print, which prints its document — the forms — on A4 by their @page rules. */
export function printForms(hooks: FormsHooks): void {
  hooks.box.querySelector('iframe')?.contentWindow?.print();
}

/** 閉じる: the view hidden, its frame and job let go, focus back on the button that opened it. */
export function closeForms(hooks: FormsHooks, fallback: HTMLElement): void {
  opened++;
  cancelForms();
  hooks.box.replaceChildren();
  hooks.section.hidden = true;
  delete hooks.section.dataset['unit'];
  const back = opener?.isConnected ? opener : fallback;
  opener = undefined;
  back.focus();
}
