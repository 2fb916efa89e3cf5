// The print report and the problems CSV of the validator page (web/print.ts, web/report.ts), in headless Chromium
// from file://, as a clerk uses them: 「印刷」 builds a report that print shows alone (A4, summary first, failing
// units first, every problem with line, field, value, message and what to do), and 「問題をCSVで保存」 saves
// the command's CSV of the same problems.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, validationRun, type InputFile, type ValidationReport } from '../src/core.js';
import { adviceOf } from '../src/messages/advice.js';
import { formatProblemsCsv } from '../src/report/problems-csv.js';
import { unitLabel } from '../src/report/unit-label.js';
import { axeViolations, describeViolations } from './support/axe.js';
import { downloadBytes, downloadText, HAS_CHROMIUM, launch, openPage, validated, type Opened } from './support/browser.js';
import { ROOT } from './support/paths.js';

const S41 = join(ROOT, 'samples/4.1');
const BROKEN = join(ROOT, 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV');
const BROKEN_UNIT = '20250325130000:1370100008_43>1370200006_11';
const PATHS = [
  ...readdirSync(S41)
    .filter((n) => n.endsWith('.CSV'))
    .map((n) => join(S41, n)),
  BROKEN,
];

/** What the library gives in Node for these files, by base name in the page's (sorted) order. */
function expectedReport(profile: 'strict' | 'lenient'): ValidationReport {
  const inputs: InputFile[] = PATHS.map((p) => ({ name: basename(p), bytes: readFileSync(p) })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return validateFiles(inputs, { profile });
}

/** A PDF's pages: how many, and the MediaBox (in points) of the first. */
function pdfPages(pdf: Buffer): { count: number; first: number[] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(text)?.[1] ?? '';
  return { count, first: box.trim().split(/\s+/).map(Number) };
}

describe.skipIf(!HAS_CHROMIUM)('web page: print report and problems CSV', () => {
  let browser: Browser;
  let opened: Opened;

  beforeAll(async () => {
    browser = await launch();
    opened = await openPage(browser);
    // The lenient profile reads the broken (UTF-8) file on, so its problems are on lines and fields.
    await opened.page.selectOption('#profile', 'lenient');
    await opened.page.setInputFiles('#file-input', PATHS);
    await validated(opened.page);
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('「印刷」 builds the print report and opens the browser’s print once', async () => {
    const { page } = opened;
    await page.evaluate('window.__printCalls = 0; window.print = () => { window.__printCalls += 1; }');
    await page.click('#print');
    expect(await page.evaluate('window.__printCalls')).toBe(1);
    expect(await page.locator('#print-report .pr-row').count()).toBeGreaterThan(0);
    // On screen the report stays hidden: the results are what the screen shows.
    expect(await page.locator('#print-report').isVisible()).toBe(false);
    expect(await page.locator('#results').isVisible()).toBe(true);
  });

  it('in print, the report is shown alone: summary first, then the units, the failing one first', async () => {
    const { page } = opened;
    const expected = expectedReport('lenient');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('#print-report').isVisible()).toBe(true);
      for (const screenOnly of ['#results', 'section.input', 'body > header', 'body > footer', '#download-csv']) {
        expect(await page.locator(screenOnly).first().isVisible(), screenOnly).toBe(false);
      }
      // Title, then summary, then the units, in the document's order.
      const order = await page.locator('#print-report h1, #print-report .pr-summary, #print-report .pr-unit').evaluateAll((els) =>
        els.map((e) => (e.tagName === 'H1' ? 'title' : e.classList.contains('pr-summary') ? 'summary' : 'unit')),
      );
      expect(order.slice(0, 3)).toEqual(['title', 'summary', 'unit']);
      const summary = await page.locator('#print-report .pr-summary').innerText();
      expect(summary).toContain('不合格');
      expect(summary).toContain('Fail');
      expect(summary).toContain('緩和（lenient）');
      expect(summary).toMatch(new RegExp(`ファイル\\s*/?\\s*Files\\s+${expected.summary.files}\\b`));
      expect(summary).toMatch(new RegExp(`エラー\\s*/?\\s*Errors\\s+${expected.summary.errors}\\b`));
      expect(summary).toMatch(new RegExp(`送信単位\\s*/?\\s*Send units\\s+${expected.units.length}\\b`));

      // The broken unit (errors) comes first, though its 連番 sorts last; every unit is there.
      const units = await page.locator('#print-report .pr-unit[data-unit]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-unit'), e.getAttribute('data-mark')]));
      expect(units[0]).toEqual([BROKEN_UNIT, 'error']);
      expect(units.map(([key]) => key).sort()).toEqual(expected.units.map((u) => u.key).sort());
      const marks = units.map(([, m]) => m);
      expect(marks.indexOf('ok')).toBeGreaterThan(marks.lastIndexOf('error'));
      const head = await page.locator(`#print-report .pr-unit[data-unit="${BROKEN_UNIT}"] h3`).innerText();
      const label = unitLabel(BROKEN_UNIT);
      expect(head).toContain(`送信単位：${label.ja}`);
      expect(head).toContain(`Send unit: ${label.en}`);
      expect(label.ja).toContain('2025年3月25日 13:00:00');

      // Every problem of the report is a row; each has its message and what to do, in Japanese and English.
      const rows = page.locator('#print-report tr.pr-row');
      expect(await rows.count()).toBe(expected.issues.length);
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText)));
      const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')!));
      cells.forEach((row, i) => {
        expect(row, codes[i]).toHaveLength(6);
        expect(row[4], codes[i]).not.toBe('');
        expect(row[5], codes[i]).toContain(adviceOf(codes[i]!, 'ja'));
        expect(row[5], codes[i]).toContain(adviceOf(codes[i]!, 'en'));
      });
      // A problem on a line of a field: line, field No.「name」, value and advice, as a clerk reads them.
      const file = basename(BROKEN);
      const unmappable = page.locator(`#print-report .pr-file[data-file="${file}"] tr[data-code="CSV_UNMAPPABLE_CHAR"] td`);
      expect(await unmappable.allInnerTexts()).toEqual([
        expect.stringMatching(/警告\s*\/?\s*warning/),
        '2行目 レコード1',
        'No.7「プラン担当者名」',
        '髙田〜﨑子',
        expect.stringContaining('No.7「プラン担当者名」 の「〜」（U+301C）はMS932で書けない文字です。'),
        expect.stringContaining('Shift_JISにない文字'),
      ]);
      // A send-unit problem names the file it is about.
      const missing = page.locator(`#print-report .pr-unit[data-unit="${BROKEN_UNIT}"] > div tr[data-code="UNIT_MISSING_FILE"]`);
      expect(await missing.count()).toBe(2);
      expect(await missing.first().locator('.pr-message').innerText()).toContain(file);
      // English is shown beside the Japanese in print, without asking.
      expect(await page.locator('#print-report tr.pr-row .pr-message .pr-en').first().isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('prints to an A4 PDF, and the stylesheet’s own page size is A4', async () => {
    // A4 is 210 × 297 mm, 595.3 × 841.9 points (Chromium rounds to hundredths of an inch: 595.92 × 842.88).
    const expectA4 = (pdf: Buffer) => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdfPages(pdf);
      expect(pages.count).toBeGreaterThanOrEqual(1);
      const [x0, y0, x1, y1] = pages.first;
      expect(Math.abs(x1! - x0! - 595.3)).toBeLessThan(1);
      expect(Math.abs(y1! - y0! - 841.9)).toBeLessThan(1.5);
      return pages.count;
    };
    const asked = expectA4(await opened.page.pdf({ format: 'A4' }));
    // Without a size asked for, @page { size: A4 } of style.css decides (US Letter is Chromium's default).
    const own = expectA4(await opened.page.pdf({ preferCSSPageSize: true }));
    expect(own).toBe(asked);
  }, 120_000);

  it('the print view has no accessibility violations (axe, print media)', async () => {
    const { page } = opened;
    await page.emulateMedia({ media: 'print' });
    try {
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 120_000);

  it('「問題をCSVで保存」 saves the problems CSV of the report the page shows (BOM, CRLF), as the command writes it', async () => {
    const { page } = opened;
    const { name, bytes } = await downloadBytes(page, '#download-csv');
    expect(name).toBe('careplan-problems.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const report = JSON.parse((await downloadText(page, '#download-json')).text) as ValidationReport;
    const text = bytes.toString('utf8');
    expect(text).toBe(formatProblemsCsv(validationRun(report, { profile: 'lenient' })));
    const rows = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows.slice(1).map((r) => r[3])).toEqual(report.issues.map((i) => i.code));
    expect(report.issues).toEqual(expectedReport('lenient').issues);
  });
});
