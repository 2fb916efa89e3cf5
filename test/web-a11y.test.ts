// The validator page for everyone: axe-core finds no violation (WCAG 2.x A/AA and best practice, colour
// contrast included) in any view — the start, results with issues, a records table, a send unit's forms, the
// refusal of non-spec files, the second-pick dialog, print — in the light and dark schemes, on a desktop and on a
// phone (390 × 844), where the page never scrolls sideways: issues are drawn as cards, and only the records table
// (and the forms' frame) scrolls, inside its own region.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.js';
import { HAS_CHROMIUM, openPage, suiteBrowser, validated } from './support/browser.js';
import { ROOT } from './support/paths.js';

const S41 = join(ROOT, 'samples/4.1');
const BROKEN = join(ROOT, 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV');
const samples41 = () =>
  readdirSync(S41)
    .filter((n) => n.endsWith('.CSV'))
    .map((n) => join(S41, n));

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** The page's width and what it would scroll to: equal when nothing sticks out sideways. */
async function widths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })')) as {
    scrollWidth: number;
    clientWidth: number;
  };
}

/** A computed style of the first element a selector finds. */
const styleOf = (page: Page, selector: string, property: string): Promise<string> =>
  page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`) as Promise<string>;

describe.skipIf(!HAS_CHROMIUM)('web page accessibility (axe-core) and narrow screens', () => {
  const browser = suiteBrowser();

  const cases = [
    { label: 'desktop, light', viewport: DESKTOP, colorScheme: 'light' },
    { label: 'desktop, dark', viewport: DESKTOP, colorScheme: 'dark' },
    { label: 'phone 390 px, light', viewport: PHONE, colorScheme: 'light' },
    { label: 'phone 390 px, dark', viewport: PHONE, colorScheme: 'dark' },
  ] as const;

  for (const { label, viewport, colorScheme } of cases) {
    it(`has no axe violation in any view, and no sideways scrolling (${label})`, async () => {
      const { page, errors, close } = await openPage(browser(), { viewport, colorScheme });
      try {
        const seen: string[] = [];
        const check = async (view: string) => {
          const violations = await axeViolations(page);
          expect(violations, `${view} (${label}):\n${describeViolations(violations)}`).toEqual([]);
          const w = await widths(page);
          expect(w.scrollWidth, `${view} (${label}) is wider than the screen`).toBeLessThanOrEqual(w.clientWidth);
          seen.push(view);
        };

        await check('start');

        // Results with issues (the broken file and its incomplete unit) and a refused file beside them.
        await page.setInputFiles('#file-input', [
          ...samples41().map((p) => ({ name: p.split('/').pop()!, mimeType: 'text/csv', buffer: readFileSync(p) })),
          { name: BROKEN.split('/').pop()!, mimeType: 'text/csv', buffer: readFileSync(BROKEN) },
          { name: '見積書.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n') },
        ]);
        await validated(page);
        expect(await page.locator('#refusals li').count()).toBe(1);
        expect(await page.locator('tr[data-code="CSV_NOT_MS932"]').count()).toBe(1);
        await check('results');
        if (viewport === PHONE) {
          // The profile select fits, and each issue is a card whose lines name their column.
          const select = (await page.locator('#profile').boundingBox())!;
          expect(select.x + select.width).toBeLessThanOrEqual(viewport.width);
          const row = page.locator('tr[data-code="CSV_NOT_MS932"]');
          expect(await styleOf(page, 'tr[data-code="CSV_NOT_MS932"]', 'display')).toBe('block');
          expect(await row.locator('td').first().getAttribute('data-label')).toBe('重大度');
          expect(await row.locator('td.message').getAttribute('data-label')).toBe('メッセージ');
          const message = (await row.locator('td.message').boundingBox())!;
          expect(message.x + message.width).toBeLessThanOrEqual(viewport.width);
        }

        // English messages shown.
        await page.check('#show-en');
        await check('results with English');

        // A records table: it may be wider than the screen, but it scrolls inside its own region.
        await page.click('button.show-records[data-file^="UPPLAN_202504_1370100008_43_1370200006_11_20250325100000"]');
        await page.locator('#records-table').waitFor();
        await check('records');
        if (viewport === PHONE) {
          expect(await page.locator('.records-wrap').getAttribute('tabindex')).toBe('0');
          expect(await page.evaluate('(() => { const r = document.querySelector(".records-wrap"); return r.scrollWidth > r.clientWidth; })()')).toBe(true);
        }

        // A send unit's forms: the A4 sheets scroll inside their frame, the page does not scroll sideways.
        await page.click('button.show-forms[data-unit="20250325100000:1370100008_43>1370200006_11"]');
        await page.locator('#forms[data-unit="20250325100000:1370100008_43>1370200006_11"]').waitFor({ timeout: 120_000 });
        await check('forms');
        await page.click('#forms-close');
        await page.locator('#forms').waitFor({ state: 'hidden' });

        // The dialog of a second pick.
        await page.setInputFiles('#file-input', samples41().slice(0, 1));
        await page.locator('#pick-dialog[open]').waitFor();
        await check('second-pick dialog');
        await page.keyboard.press('Escape');
        await page.locator('#pick-dialog:not([open])').waitFor({ state: 'attached' });
        // The page acts on the answer in the dialog's close event, a task later: the print view is checked after
        // that (not while the status line is being written).
        await page.locator('#status', { hasText: '新しいファイルは読み込みませんでした' }).waitFor();

        // Print.
        await page.emulateMedia({ media: 'print' });
        await check('print');
        await page.emulateMedia({ media: 'screen' });

        expect(seen).toEqual(['start', 'results', 'results with English', 'records', 'forms', 'second-pick dialog', 'print']);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('shows the English labels of buttons at full contrast (the two failures of before: クリア and レコードを表示)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await openPage(browser(), { colorScheme });
      try {
        await page.setInputFiles('#file-input', [BROKEN]);
        await validated(page);
        const violations = (await axeViolations(page)).filter((v) => v.id === 'color-contrast');
        expect(describeViolations(violations)).toBe('');
        for (const selector of ['#clear .en', 'button.show-records .en']) {
          expect(await styleOf(page, selector, 'opacity'), `${selector} ${colorScheme}`).toBe('1');
        }
      } finally {
        await close();
      }
    }
  });
});
