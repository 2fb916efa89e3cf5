// The page's 「帳票を表示・印刷」 view (web/forms-view.ts, web/forms-render.ts) in real Chromium from file://, as a
// clerk uses it: after a validation each send unit offers its forms; the forms are made in the worker from the
// unit's files (with the 実績 picked alongside) and shown in a frame of their own, whose styles apply under the
// page's Content-Security-Policy (no inline style allowed, none added); 「印刷」 prints the frame — the forms alone
// — and 「閉じる」 gives focus back to the button that opened the view. Every step waits for what shows the page
// has updated; nothing is timed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSendUnits } from '../src/core.js';
import { loadSamples } from './support/send-units.js';
import { HAS_CHROMIUM, launch, openPage, validated, type Opened } from './support/browser.js';
import { ROOT } from './support/paths.js';

const S41 = join(ROOT, 'samples/4.1');
const PATHS = readdirSync(S41)
  .filter((n) => /\.(CSV|jpg)$/i.test(n))
  .map((n) => join(S41, n));
const SCHEDULE = '20250325100000:1370100008_43>1370200006_11';

/** The frame of the forms view, once its sheets are drawn. */
async function formsFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#forms-box iframe.forms-frame').elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

/** Open a unit's forms and wait until the view says they are drawn. */
async function openForms(page: Page, unit: string): Promise<Frame> {
  await page.locator(`button.show-forms[data-unit="${unit}"]`).click();
  await page.locator(`#forms[data-unit="${unit}"]`).waitFor({ state: 'visible', timeout: 120_000 });
  return formsFrame(page);
}

describe.skipIf(!HAS_CHROMIUM)('web page: a send unit’s forms (帳票を表示・印刷)', () => {
  let browser: Browser;
  let opened: Opened;
  const units = readSendUnits(loadSamples(S41)).units;

  beforeAll(async () => {
    browser = await launch();
    opened = await openPage(browser);
    await opened.page.setInputFiles('#file-input', PATHS);
    await validated(opened.page);
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('offers 「帳票を表示・印刷」 for every send unit of the samples', async () => {
    const { page } = opened;
    const offered = await page.locator('button.show-forms').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(new Set(offered)).toEqual(new Set(units.map((u) => u.key)));
    expect(await page.locator(`button.show-forms[data-unit="${SCHEDULE}"]`).innerText()).toContain('帳票を表示・印刷');
  });

  it('shows a schedule unit’s sheets — 第6表 with the 実績 picked alongside, 第7表 — styled under the page’s policy', async () => {
    const { page, errors } = opened;
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const frame = await openForms(page, SCHEDULE);
    const sheets = frame.locator('section.sheet');
    await sheets.first().waitFor();
    const count = await sheets.count();
    expect(String(count)).toBe(await page.locator('#forms').getAttribute('data-sheets'));
    const forms = await sheets.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-form')} ${e.getAttribute('data-user')}`));
    for (const user of ['131016-0000123456', '131016-H123456789']) {
      expect(forms).toContain(`table6 ${user}`);
      expect(forms).toContain(`table7 ${user}`);
    }
    // The A4 style sheet applies (a landscape sheet is 297 mm wide), though the policy allows no inline style.
    const width = (await frame.evaluate('getComputedStyle(document.querySelector("section.sheet.landscape")).width')) as string;
    expect(parseFloat(width)).toBeCloseTo((297 / 25.4) * 96, 0);
    expect(await frame.evaluate('document.querySelectorAll("style, script").length')).toBe(0);
    expect(await frame.evaluate('document.documentElement.lang')).toBe('ja');
    // The caption says how much there is; the page made no request and threw nothing.
    expect(await page.locator('#forms-caption').innerText()).toContain(`A4 ${count}枚`);
    expect(await page.locator('#forms-print').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    // Nothing was refused by the policy (an inline style or script in the frame would be, and said so here).
    expect(console.filter((t) => /Content Security Policy/i.test(t))).toEqual([]);
  });

  it('「印刷」 prints the frame (the forms alone), once per press', async () => {
    const { page } = opened;
    const frame = await openForms(page, SCHEDULE);
    await frame.evaluate('window.__printCalls = 0; window.print = () => { window.__printCalls += 1; }');
    await page.evaluate('window.__pagePrints = 0; window.print = () => { window.__pagePrints += 1; }');
    await page.locator('#forms-print').click();
    await frame.waitForFunction('window.__printCalls === 1');
    await page.locator('#forms-print').click();
    await frame.waitForFunction('window.__printCalls === 2');
    expect(await page.evaluate('window.__pagePrints')).toBe(0);
    // The forms' own page rules: A4, landscape sheets.
    const rules = (await frame.evaluate('[...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText).join(" ")')) as string;
    expect(rules).toMatch(/size: A4 landscape/i);
  });

  it('「閉じる」 hides the view and gives focus back to the button that opened it', async () => {
    const { page } = opened;
    await openForms(page, SCHEDULE);
    await page.locator('#forms-close').click();
    await page.locator('#forms').waitFor({ state: 'hidden' });
    await page.waitForFunction(`document.activeElement?.matches('button.show-forms[data-unit="${SCHEDULE}"]') === true`);
    expect(await page.locator('#forms-box iframe').count()).toBe(0);
  });

  it('is usable from the keyboard: the button opens the view with its heading focused', async () => {
    const { page } = opened;
    await page.locator(`button.show-forms[data-unit="${SCHEDULE}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`#forms[data-unit="${SCHEDULE}"]`).waitFor({ state: 'visible', timeout: 120_000 });
    await page.waitForFunction("document.activeElement?.id === 'h-forms'");
    await page.locator('#forms-close').focus();
    await page.keyboard.press('Enter');
    await page.locator('#forms').waitFor({ state: 'hidden' });
    await page.waitForFunction(`document.activeElement?.matches('button.show-forms[data-unit="${SCHEDULE}"]') === true`);
  });

  it('shows the 実績 unit’s own forms, and another view replaces the one open', async () => {
    const { page } = opened;
    const actual = units.find((u) => u.type === 'actual')!;
    await openForms(page, SCHEDULE);
    const frame = await openForms(page, actual.key);
    await frame.locator('section.sheet').first().waitFor();
    expect(await frame.locator('section.sheet[data-form="table6"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#forms-box iframe').count()).toBe(1);
  });

  it('keeps the page from scrolling sideways at 390 px while the forms are shown (they scroll inside their frame)', async () => {
    const phone = await openPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      await page.setInputFiles('#file-input', PATHS);
      await validated(page);
      const frame = await openForms(page, SCHEDULE);
      await frame.locator('section.sheet').first().waitFor();
      const w = (await page.evaluate('({ s: document.documentElement.scrollWidth, c: document.documentElement.clientWidth })')) as { s: number; c: number };
      expect(w.s).toBeLessThanOrEqual(w.c);
      const box = (await page.locator('#forms-box iframe').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
