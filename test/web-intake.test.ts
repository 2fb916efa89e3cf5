// What the page does with what a clerk picks: files that are not spec files (a PDF, an Excel workbook saved as
// 〜.CSV, a note) are refused in one message that names each and says why, and are never parsed; the spec files
// of the same pick are validated. A second pick asks whether to replace the files already validated or to add
// to them (or to do nothing). After a pick the results are brought into view and announced.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../src/core.js';
import { HAS_CHROMIUM, openPage, suiteBrowser, summaryOf, validated } from './support/browser.js';
import { ROOT } from './support/paths.js';

const S41 = join(ROOT, 'samples/4.1');
const PLAN = join(S41, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
const UNIT = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => join(S41, `${k}_202504_1370100008_43_1370200006_11_20250325100000.CSV`));
const OTHER = join(S41, 'UPKIHON_1370400002_46_1370500009_A6_20250415090000.CSV');

/** The first bytes of an Excel workbook (.xlsx, a ZIP whose first entry is [Content_Types].xml), then junk. */
const XLSX = Buffer.concat([
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from([20, 0, 6, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 0, 0]),
  Buffer.from('[Content_Types].xml', 'latin1'),
  Buffer.alloc(200, 0x41),
]);
/** The name the workbook was saved under by mistake: a spec name. */
const XLSX_AS_CSV = 'UPSIKYU_202504_1370100008_43_1370200006_11_20250325100000.CSV';

const payload = (path: string) => ({ name: basename(path), mimeType: 'text/csv', buffer: readFileSync(path) });

/** Wait until the summary counts `files` files (a validation of a new set has been drawn). */
async function summaryWith(page: Page, files: number): Promise<void> {
  await page.locator(`#summary-counts[data-files="${files}"]`).waitFor({ timeout: 120_000 });
  await validated(page);
}

describe.skipIf(!HAS_CHROMIUM)('web page: what is picked', () => {
  const browser = suiteBrowser();

  it('refuses a PDF, an Excel workbook named .CSV and a note in one message, and validates the sample picked with them', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.setInputFiles('#file-input', [
        { name: '見積書.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n', 'latin1') },
        { name: XLSX_AS_CSV, mimeType: 'text/csv', buffer: XLSX },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('髙﨑さんへ: 利用票は来週送ります、よろしく "お願いします"\n') },
        payload(PLAN),
      ]);
      await validated(page);

      // One message, each refused file with its reason, in Japanese and English.
      const box = page.locator('#refusals');
      expect(await box.isVisible()).toBe(true);
      expect(await box.getAttribute('role')).toBe('alert');
      expect(await page.locator('#refusals').count()).toBe(1);
      expect(await box.locator('p').first().innerText()).toContain('次の 3 件は仕様のファイルではないため、検証しません。');
      const items = box.locator('li');
      expect(await items.evaluateAll((li) => li.map((l) => l.getAttribute('data-file')))).toEqual(['見積書.pdf', XLSX_AS_CSV, 'notes.txt']);
      const [pdf, xlsx, txt] = await items.allInnerTexts();
      expect(pdf).toContain('見積書.pdf はPDFファイルです。ケアプランデータ連携のCSVファイル（.CSV）を選んでください');
      expect(pdf).toContain('is a PDF file');
      expect(xlsx).toContain('Excelブック');
      expect(xlsx).toContain('「名前を付けて保存」');
      expect(xlsx).toContain('Save As');
      expect(txt).toContain('notes.txt は拡張子が .txt のファイルです');

      // The sample is validated as the library validates it alone; nothing of the refused files is reported.
      const expected = validateFiles([{ name: basename(PLAN), bytes: readFileSync(PLAN) }]);
      expect(await summaryOf(page)).toEqual({ ...expected.summary, units: expected.units.length });
      expect(await page.locator('li.file').evaluateAll((li) => li.map((l) => l.getAttribute('data-file')))).toEqual([basename(PLAN)]);
      const shown = await page.locator('#units').innerText();
      for (const name of ['見積書.pdf', 'notes.txt', XLSX_AS_CSV]) expect(shown).not.toContain(name);
      expect(await page.locator('tr[data-code^="CSV_"]').count()).toBe(0);

      // A pick of refused files only: the message, and the results of before stay.
      await page.setInputFiles('#file-input', [{ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03', 'latin1') }]);
      await page.locator('#refusals li[data-file="setup.exe"]').waitFor();
      expect(await page.locator('#refusals li').count()).toBe(1);
      expect(await page.locator('#refusals').innerText()).toContain('プログラム（実行ファイル）');
      expect(await page.locator('#pick-dialog[open]').count()).toBe(0);
      expect(await summaryOf(page)).toEqual({ ...expected.summary, units: expected.units.length });

      // Clear takes the message away too.
      await page.click('#clear');
      await page.waitForSelector('body[data-state="empty"]');
      expect(await page.locator('#refusals').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('asks on a second pick: Escape and やめる keep the files, 追加する adds, 置き換える replaces', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.setInputFiles('#file-input', UNIT);
      await summaryWith(page, 3);

      const dialog = page.locator('#pick-dialog');
      const ask = async () => {
        await page.setInputFiles('#file-input', [OTHER]);
        await page.locator('#pick-dialog[open]').waitFor();
        expect(await dialog.innerText()).toContain('すでに 3 件のファイルがあります。新しいファイル（1 件）で置き換えますか、追加しますか？');
        // Focus is in the dialog, on its first choice, and the page behind it is inert (a modal dialog).
        expect(await page.evaluate('document.activeElement.dataset.choice')).toBe('replace');
        expect(await page.evaluate('document.getElementById("pick-dialog").matches(":modal")')).toBe(true);
      };
      // The answer is the dialog's close event, which comes a task (or an animation frame) after its open attribute
      // goes: the page has acted on the answer once that event has been handled, and only then does "nothing
      // changed" mean anything (and only then may the next question open: a close event still to come would answer it).
      const armAnswered = () =>
        page.evaluate(`(() => {
          window.__answered = new Promise((resolve) =>
            document.getElementById('pick-dialog').addEventListener('close', () => setTimeout(resolve, 0), { once: true }));
        })()`);
      const answered = async () => {
        await page.locator('#pick-dialog:not([open])').waitFor({ state: 'attached' });
        await page.evaluate('window.__answered');
      };

      // Escape: nothing changes.
      await ask();
      await armAnswered();
      await page.keyboard.press('Escape');
      await answered();
      await page.locator('#status', { hasText: '新しいファイルは読み込みませんでした' }).waitFor();
      expect((await summaryOf(page)).files).toBe(3);

      // やめる / Cancel, by keyboard: nothing changes.
      await ask();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.dataset.choice')).toBe('cancel');
      await armAnswered();
      await page.keyboard.press('Enter');
      await answered();
      expect((await summaryOf(page)).files).toBe(3);
      expect(await page.locator(`li.file[data-file="${basename(OTHER)}"]`).count()).toBe(0);

      // 追加する / Add: the four files together, as validateFiles sees them.
      await ask();
      await page.click('#pick-dialog button[data-choice="add"]');
      await summaryWith(page, 4);
      const all = [...UNIT, OTHER].map((p) => ({ name: basename(p), bytes: readFileSync(p) })).sort((a, b) => (a.name < b.name ? -1 : 1));
      const added = validateFiles(all);
      expect(await summaryOf(page)).toEqual({ ...added.summary, units: added.units.length });

      // 置き換える / Replace: only the new file. The records of a file no longer held are closed.
      await page.click(`button.show-records[data-file="${basename(PLAN)}"]`);
      await page.locator('#records-table').waitFor();
      await page.setInputFiles('#file-input', [OTHER]);
      await page.locator('#pick-dialog[open]').waitFor();
      expect(await dialog.innerText()).toContain('すでに 4 件のファイルがあります');
      await page.click('#pick-dialog button[data-choice="replace"]');
      await summaryWith(page, 1);
      expect(await page.locator('li.file').evaluateAll((li) => li.map((l) => l.getAttribute('data-file')))).toEqual([basename(OTHER)]);
      expect(await page.locator('#records').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes the answer given to a question asked right after another was answered (not the first one\'s close event)', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.setInputFiles('#file-input', UNIT);
      await summaryWith(page, 3);
      await page.setInputFiles('#file-input', [OTHER]);
      await page.locator('#pick-dialog[open]').waitFor();
      // やめる, and files dropped at once (faster than a clerk, as a script may): the dialog's close event, its
      // answer, comes a task later, and once answered the second question as やめる while it stayed open.
      const bytes = [...readFileSync(OTHER)];
      await page.evaluate(
        `(() => {
          document.querySelector('#pick-dialog button[data-choice="cancel"]').click();
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], ${JSON.stringify(basename(OTHER))}));
          document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        })()`,
      );
      await page.locator('#pick-dialog[open]').waitFor();
      await page.click('#pick-dialog button[data-choice="add"]');
      await summaryWith(page, 4);
      expect(await page.locator(`li.file[data-file="${basename(OTHER)}"]`).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('brings the results into view after a pick and focuses their heading, but not while the user is in the profile select', async () => {
    const { page, errors, close } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
    try {
      await page.setInputFiles('#file-input', UNIT);
      await validated(page);
      expect(await page.evaluate('document.activeElement.id')).toBe('h-results');
      const top = (await page.evaluate('document.getElementById("h-results").getBoundingClientRect().top')) as number;
      // Scrolled to the top, give or take a fraction of a pixel (layout heights are not whole pixels).
      expect(top).toBeGreaterThan(-1);
      expect(top).toBeLessThan(844 / 2);

      // The user is in the profile select when a drop comes in: the focus stays where they are.
      await page.click('#clear');
      await page.waitForSelector('body[data-state="empty"]');
      await page.evaluate('window.scrollTo(0, 0)');
      await page.locator('#profile').focus();
      const bytes = [...readFileSync(OTHER)];
      await page.evaluate(
        `(() => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], ${JSON.stringify(basename(OTHER))}));
          document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        })()`,
      );
      await summaryWith(page, 1);
      expect(await page.evaluate('document.activeElement.id')).toBe('profile');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
