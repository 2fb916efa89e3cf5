// A run that fails (a file changed on disk after it was picked: Chromium then says only "network error") leaves
// no results of the last run in view: they would pass for this run's, under the new profile, with report buttons
// that no longer do anything. The page says what to do instead. And the single page's script cannot end early.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launch, openPage, PAGE_FILE, validated } from './support/browser.js';
import { ROOT } from './support/paths.js';

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';

describe('the single page file', () => {
  it('has no script end tag in any case and no comment opener inside its script', () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
    expect(script.length).toBeGreaterThan(100_000);
    expect(script).not.toMatch(/<\/script|<!--/i);
  });
});

describe.skipIf(!HAS_CHROMIUM)('web page: a run that fails', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'careplan-failed-run-'));
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides the last run\'s results and says to choose the file again when a file changed after it was picked', async () => {
    const path = join(dir, NAME);
    copyFileSync(join(ROOT, 'samples/4.1', NAME), path);
    utimesSync(path, new Date('2025-03-25T12:00:00Z'), new Date('2025-03-25T12:00:00Z'));
    const { page, errors, close } = await openPage(browser);
    try {
      await page.setInputFiles('#file-input', [path]);
      await validated(page);
      expect(await page.locator('#results').isVisible()).toBe(true);
      await page.locator('button.show-records').first().click();
      await page.locator('#records-body[data-page="0"]').waitFor({ timeout: 120_000 });

      // Saved again from Excel (a line added) while the page still holds the file picked before.
      appendFileSync(path, '\r\n');
      await page.selectOption('#profile', 'lenient');
      await page.locator('#status', { hasText: 'もう一度選んでください' }).waitFor({ timeout: 120_000 });
      await validated(page);

      expect(await page.locator('#results').isVisible()).toBe(false);
      expect(await page.locator('#records').isVisible()).toBe(false);
      expect(await page.locator('#status').textContent()).toContain('choose it again');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when a dropped file cannot be read (changed after it was taken), rather than failing unseen', async () => {
    const path = join(mkdtempSync(join(dir, 'drop-')), NAME);
    copyFileSync(join(ROOT, 'samples/4.1', NAME), path);
    // Saved long ago: the change below gives it another modification time, whatever the clock's resolution.
    utimesSync(path, new Date('2025-03-25T12:00:00Z'), new Date('2025-03-25T12:00:00Z'));
    const { page, errors, close } = await openPage(browser);
    try {
      // A File backed by the file on disk (as a drop gives), held by an input of the test's own.
      await page.evaluate(`(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'test-held'; i.hidden = true; document.body.append(i); })()`);
      await page.setInputFiles('#test-held', [path]);
      // Read once as it is now: Chromium fixes a picked file's size and time at its first read, so the change
      // below is seen as a change however late the browser looked at the file (in CI it looked after the change).
      expect(await page.evaluate(`document.getElementById('test-held').files[0].slice(0, 8).text()`)).toBe('202407,1');
      appendFileSync(path, '\r\n');
      await page.evaluate(
        `(() => {
          const dt = new DataTransfer();
          dt.items.add(document.getElementById('test-held').files[0]);
          document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        })()`,
      );
      await page.locator('#status', { hasText: 'ファイルを読めませんでした' }).waitFor({ timeout: 120_000 });
      expect(await page.evaluate('document.body.dataset.state')).toBe('empty');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('holds the last results out of use while files are checked again, and closes its records view', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await page.setInputFiles('#file-input', [join(ROOT, 'samples/4.1', NAME)]);
      await validated(page);
      await page.locator('button.show-records').first().click();
      await page.locator('#records-body[data-page="0"]').waitFor({ timeout: 120_000 });
      // Each change of state, with whether the results could be used then (watched in the page, not raced).
      await page.evaluate(`(() => {
        window.__states = [];
        new MutationObserver(() => window.__states.push([document.body.dataset.state, document.getElementById('results').inert]))
          .observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
      })()`);
      await page.selectOption('#profile', 'lenient');
      await page.locator('#summary-counts', { hasText: '緩和' }).waitFor({ timeout: 120_000 });
      await validated(page);
      const states = (await page.evaluate('window.__states')) as [string, boolean][];
      expect(states[0]).toEqual(['validating', true]);
      expect(states.at(-1)).toEqual(['done', false]);
      expect(await page.locator('#records').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
