// The forms on paper: every bundled sample send unit rendered by renderForms, opened in real Chromium, printed
// to PDF (page.pdf, the forms' own A4 page sizes) and read back with pdf.js — one A4 page per user, form and
// page the result lists, in the form's orientation, nothing wider or taller than its sheet, and the figures a
// care manager checks (the days marked on the 第6表, the 合計 rows of the 第7表) printed as text where they belong.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSendUnits, renderForms, renderSendUnitForms, type RenderFormsResult, type SendUnitDocument } from '../src/core.js';
import { axeViolations, describeViolations } from './support/axe.js';
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
  readonly figures: KeyFigure[][];
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

/**
 * The figures a care manager checks, where the sheet prints them (in points from the sheet's top-left): on a
 * 第6表 every day cell with a count and every 合計回数, on a 第7表 every cell of the 小計 and 合計 rows.
 */
const KEY_FIGURES = `[...document.querySelectorAll('section.sheet')].map((s) => {
  const box = s.getBoundingClientRect();
  const cells = [...s.querySelectorAll('table.days td.day, table.days td[data-total], tr[data-summary] td')];
  return cells.map((c) => {
    const r = c.getBoundingClientRect();
    const px = 72 / 96;
    return { text: c.innerText.trim(), left: (r.left - box.left) * px, right: (r.right - box.left) * px, top: (r.top - box.top) * px, bottom: (r.bottom - box.top) * px,
      kind: c.matches('td.day') ? 'day' : c.matches('td[data-total]') ? 'total' : 'summary' };
  }).filter((f) => f.text !== '');
})`;

interface KeyFigure {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly kind: 'day' | 'total' | 'summary';
}

/** Whether the paper shows `figure` inside its cell (a text item starting in the cell whose baseline is in it). */
function printedIn(paper: PdfPage, figure: KeyFigure): boolean {
  const want = flat(figure.text);
  const inCell = paper.items.filter((i) => i.x >= figure.left - 1 && i.x < figure.right + 1 && i.y > figure.top && i.y <= figure.bottom + 1);
  return flat(inCell.map((i) => i.str).join('')).includes(want);
}

async function print(page: Page, result: RenderFormsResult): Promise<Printed> {
  await page.setContent(result.html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  // Each sheet's own overflow, and how far any of its contents reaches past its edges (overflow that is visible
  // still spills off the paper).
  const sheets = (await page.evaluate(MEASURE_SHEETS)) as Printed['sheets'];
  const figures = (await page.evaluate(KEY_FIGURES)) as KeyFigure[][];
  const pages = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { result, pages, sheets, figures };
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
        // The figures: each day marked and each 合計回数 of a 第6表, each cell of a 第7表's 小計 and 合計 rows, as
        // text in its own cell on paper.
        result.pages.forEach((info, i) => {
          const figures = printed.figures[i]!;
          if (info.form === 'table6') {
            expect(figures.filter((f) => f.kind === 'day').length, `days marked on the 第6表 of ${info.insuredNumber}`).toBeGreaterThan(0);
            expect(figures.some((f) => f.kind === 'total')).toBe(true);
          }
          if (info.form === 'table7' && info.page === info.pages) expect(figures.some((f) => f.kind === 'summary' && /\d/.test(f.text))).toBe(true);
          for (const figure of figures) expect(printedIn(pages[i]!, figure), `${info.form} of ${info.insuredNumber}: ${figure.kind} ${figure.text}`).toBe(true);
        });
        // The standard forms of the samples each fit one page per user.
        for (const info of result.pages) if (info.form.startsWith('table')) expect(info.pages, `${info.form} of ${info.insuredNumber}`).toBe(1);
      });
    }
  }
});

describe.skipIf(!HAS_CHROMIUM)('the figures are read where they are printed', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a 第6表 of the samples: every day marked is checked, and a figure looked for in the cell below is not found there', async () => {
    const units = EDITIONS[0]!.units;
    const schedule = units.find((u) => u.type === 'schedule')!;
    const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    const printed = await print(page, renderForms(schedule, { actual: units.filter((u) => u.type === 'actual') }));
    const sheet = printed.result.pages.findIndex((p) => p.form === 'table6');
    const figures = printed.figures[sheet]!;
    // The sample's 訪問介護 is on 13 days and its 実績 on 11 + 1, the equipment on 2: every one of them is checked.
    expect(figures.filter((f) => f.kind === 'day').length).toBeGreaterThanOrEqual(27);
    // 予定 13 times, 実績 11 times beneath it: the 13 is in its own cell and not in the 実績 row's.
    const planned = figures.find((f) => f.kind === 'total' && f.text === '13')!;
    const below = figures.find((f) => f.kind === 'total' && Math.abs(f.top - planned.bottom) < 1 && Math.abs(f.left - planned.left) < 1)!;
    expect(below.text).toBe('11');
    expect(printedIn(printed.pages[sheet]!, planned)).toBe(true);
    expect(printedIn(printed.pages[sheet]!, { ...below, text: '13' })).toBe(false);
  });
});

describe.skipIf(!HAS_CHROMIUM)('the forms for everyone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('axe-core finds no violation in the forms of every sample unit (both editions, printed together; masked too)', async () => {
    const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    for (const { edition, units } of EDITIONS) {
      for (const mask of [false, true]) {
        await page.setContent(renderSendUnitForms(units, { mask }).html, { waitUntil: 'load' });
        const violations = await axeViolations(page);
        expect(violations, `edition ${edition}${mask ? ', masked' : ''}:\n${describeViolations(violations)}`).toEqual([]);
      }
    }
  });
});
