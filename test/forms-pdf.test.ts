// The forms on paper: every bundled sample send unit rendered by renderForms, opened in real Chromium, printed
// to PDF (page.pdf, the forms' own A4 page sizes) and read back with pdf.js — one A4 page per user, form and
// page the result lists, in the form's orientation, nothing wider or taller than its sheet, and the figures a
// care manager checks (the days marked on the 第6表, the 合計 rows of the 第7表) printed as text where they belong.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSendUnits, renderForms, type RenderFormsResult, type SendUnitDocument } from '../src/core.js';
import { HAS_CHROMIUM, launch } from './support/browser.js';
import { ROOT } from './support/paths.js';
import { readPdf, type PdfPage } from './support/pdf.js';

/** Whether the system has a Japanese font: without one Chromium prints tofu, and only figures can be read back. */
const HAS_JAPANESE_FONT = (() => {
  try {
    return execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();
if (HAS_CHROMIUM && !HAS_JAPANESE_FONT) console.warn('no Japanese font (apt-get install fonts-noto-cjk): the forms PDF test checks figures only.');

/** Text as compared: NFKC (pdf.js gives some kanji as their Kangxi-radical twins, ⽤ for 用) and no white space. */
const flat = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

function unitsOf(dir: string): SendUnitDocument[] {
  const files = readdirSync(dir)
    .filter((n) => /\.(CSV|jpg)$/i.test(n))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  return readSendUnits(files).units;
}

const EDITIONS = ['4.1', '3.2'].map((e) => ({ edition: e, units: unitsOf(join(ROOT, 'samples', e)) }));

interface Printed {
  readonly result: RenderFormsResult;
  readonly pages: PdfPage[];
  /** Each sheet's box and overflow, measured in print layout. */
  readonly sheets: { form: string; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number; pastRight: number; pastBottom: number }[];
}

/** Run in the page (a string: the tests are typed without the DOM library). */
const MEASURE_SHEETS = `[...document.querySelectorAll('section.sheet')].map((s) => {
  const box = s.getBoundingClientRect();
  let right = box.right, bottom = box.bottom;
  for (const el of s.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  return { form: s.getAttribute('data-form') || '', scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, scrollHeight: s.scrollHeight,
    clientHeight: s.clientHeight, pastRight: right - box.right, pastBottom: bottom - box.bottom };
})`;

async function print(page: Page, result: RenderFormsResult): Promise<Printed> {
  await page.setContent(result.html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  // Each sheet's own overflow, and how far any of its contents reaches past its edges (overflow that is visible
  // still spills off the paper).
  const sheets = (await page.evaluate(MEASURE_SHEETS)) as Printed['sheets'];
  const pages = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { result, pages, sheets };
}

const FORM_NUMBER: Readonly<Record<string, string>> = { table1: '第1表', table2: '第2表', table3: '第3表', table6: '第6表', table7: '第7表' };

describe.skipIf(!HAS_CHROMIUM)('the forms printed to PDF', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { edition, units } of EDITIONS) {
    const actual = units.filter((u) => u.type === 'actual');
    for (const unit of units) {
      it(`edition ${edition}: ${unit.type} ${unit.key} — one A4 page per user, form and page, nothing overflowing`, async () => {
        const printed = await print(page, renderForms(unit, { actual }));
        const { result, pages } = printed;
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(pages.length).toBe(result.pages.length);
        expect(printed.sheets.length).toBe(result.pages.length);
        // Every user of the unit is on paper.
        for (const user of unit.users) expect(result.pages.some((p) => p.insuredNumber === user.insuredNumber)).toBe(true);
        result.pages.forEach((info, i) => {
          const paper = pages[i]!;
          expect([paper.width, paper.height]).toEqual(info.orientation === 'landscape' ? [842, 595] : [595, 842]);
          if (info.form.startsWith('table')) expect(info.orientation).toBe('landscape');
          const sheet = printed.sheets[i]!;
          expect(sheet.form).toBe(info.form);
          expect(sheet.scrollWidth).toBeLessThanOrEqual(sheet.clientWidth);
          expect(sheet.scrollHeight).toBeLessThanOrEqual(sheet.clientHeight);
          expect(sheet.pastRight, `${info.form} page ${info.page} reaches past the sheet's right edge`).toBeLessThanOrEqual(0.5);
          expect(sheet.pastBottom, `${info.form} page ${info.page} reaches past the sheet's foot`).toBeLessThanOrEqual(0.5);
          const text = flat(paper.text);
          expect(text).toContain(info.insuredNumber);
          expect(text).toContain(`${info.page}/${info.pages}`);
          if (HAS_JAPANESE_FONT) expect(text).toContain(FORM_NUMBER[info.form] ?? flat(info.form));
        });
        // The standard forms of the samples each fit one page per user.
        for (const info of result.pages) if (info.form.startsWith('table')) expect(info.pages, `${info.form} of ${info.insuredNumber}`).toBe(1);
      });
    }
  }
});
