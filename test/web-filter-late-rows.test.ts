// 「エラーのみ表示」 ticked while a long issue table is still arriving (web/main.ts draws its first 50 rows, then
// the rest in slices of 50, each in a task of its own): the rows that arrive afterwards are filtered as well, the
// count of hidden rows covers them, and a send unit's issues hidden for want of an error row come back when
// its error row arrives. The test holds the page's frames once the results are shown, so that the box is ticked
// with every later slice still to come however fast or slow the machine (a condition, not a race); the frames
// are then let go and the test waits for the page to finish drawing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, type CsvRecord, type InputFile, type Issue, type ValidationReport } from '../src/core.js';
import { supplement } from './support/annex.js';
import { HAS_CHROMIUM, launch, openPage, validated } from './support/browser.js';
import { annex, CM, file, fileName, HELPER, total, visit } from './support/builders.js';

/** Issue rows the page lists per file or unit (web/results.ts MAX_ISSUES_SHOWN), and draws at once (main.ts FIRST_ROWS). */
const MAX_ROWS = 500;
const FIRST_ROWS = 50;
const USERS = 80;
const DAYS = [1, 4, 7, 10, 13, 16, 19, 22];
const insured = (unit: number, u: number) => String(unit * 1_000_000 + u + 1).padStart(10, '0');

/**
 * 09:00: every user's 第7表 counts the eight visits once (an info each: left to the vendor), but for the last user,
 * whose amount disagrees (an error): the unit's issues are 79 infos, then the error, far past the first 50 rows.
 */
function onceAMonthUnit(): InputFile[] {
  const ts = '20250325090000';
  const plan: CsvRecord[] = [];
  const rows: CsvRecord[] = [];
  const hosoku: CsvRecord[] = [];
  for (let u = 0; u < USERS; u++) {
    const insuredNumber = insured(1, u);
    for (const d of DAYS) plan.push(visit({ insuredNumber, serviceDate: `202504${String(d).padStart(2, '0')}` }));
    if (u < USERS - 1) {
      rows.push(annex({ insuredNumber, timesOrDays: '1', serviceUnitsOrAmount: '244', benefitManagementUnits: '244' }));
      rows.push(total({ insuredNumber, serviceUnitsOrAmount: '244', benefitManagementUnits: '244', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '244' }));
    } else {
      rows.push(annex({ insuredNumber, timesOrDays: '8', serviceUnitsOrAmount: '1925', benefitManagementUnits: '1952' }));
      rows.push(total({ insuredNumber, serviceUnitsOrAmount: '1925', benefitManagementUnits: '1952', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '1952' }));
    }
    hosoku.push(supplement({ insuredNumber }));
  }
  return [
    file('UPPLAN', plan, fileName('UPPLAN', '202504', CM, HELPER, 4, ts)),
    file('UPSIKYU', rows, fileName('UPSIKYU', '202504', CM, HELPER, 4, ts)),
    file('UPHOSOKU', hosoku, fileName('UPHOSOKU', '202504', CM, HELPER, 4, ts)),
  ];
}

/** 11:00: a 第6表 whose visits all end before they start (a warning each), three of them on 4月31日 (errors) further in. */
function reversedTimesUnit(): InputFile[] {
  const ts = '20250325110000';
  const plan: CsvRecord[] = [];
  const rows: CsvRecord[] = [];
  const hosoku: CsvRecord[] = [];
  const bad = new Set([130, 270, 410]);
  for (let u = 0; u < USERS; u++) {
    const insuredNumber = insured(2, u);
    for (const d of DAYS) {
      const serviceDate = bad.has(plan.length) ? '20250431' : `202504${String(d).padStart(2, '0')}`;
      plan.push(visit({ insuredNumber, serviceDate, serviceStartTime: '1000', serviceEndTime: '0930' }));
    }
    rows.push(annex({ insuredNumber, timesOrDays: '8', serviceUnitsOrAmount: '1952', benefitManagementUnits: '1952' }));
    rows.push(total({ insuredNumber, serviceUnitsOrAmount: '1952', benefitManagementUnits: '1952', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '1952' }));
    hosoku.push(supplement({ insuredNumber }));
  }
  return [
    file('UPPLAN', plan, fileName('UPPLAN', '202504', CM, HELPER, 4, ts)),
    file('UPSIKYU', rows, fileName('UPSIKYU', '202504', CM, HELPER, 4, ts)),
    file('UPHOSOKU', hosoku, fileName('UPHOSOKU', '202504', CM, HELPER, 4, ts)),
  ];
}

const FILES = [...onceAMonthUnit(), ...reversedTimesUnit()];
const ONCE_UNIT = '20250325090000:1370100008_43>1370200006_11';

/** The issue rows the page lists: each unit's and each file's first MAX_ROWS issues. */
function listed(report: ValidationReport): Issue[] {
  return [...report.units.map((u) => u.issues), ...report.files.map((f) => f.issues)].flatMap((issues) => issues.slice(0, MAX_ROWS));
}

describe.skipIf(!HAS_CHROMIUM)('web page: 「エラーのみ表示」 ticked while rows are still arriving', () => {
  let browser: Browser;
  let dir: string;
  let expected: ValidationReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careplan-filter-late-'));
    for (const f of FILES) writeFileSync(join(dir, f.name), f.bytes);
    expected = validateFiles([...FILES].sort((a, b) => (a.name < b.name ? -1 : 1)));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the data is as described: long tables of non-errors with errors past their first rows', () => {
    const unit = expected.units.find((u) => u.key === ONCE_UNIT)!;
    expect(unit.issues.map((i) => i.code)).toEqual([...Array<string>(USERS - 1).fill('UNIT_ANNEX_COUNT_ONCE_A_MONTH'), 'UNIT_ANNEX_AMOUNT']);
    expect(unit.issues.at(-1)!.severity).toBe('error');
    const plan = expected.files.find((f) => f.file.startsWith('UPPLAN') && f.file.includes('20250325110000'))!;
    const errorsAt = plan.issues.flatMap((i, at) => (i.severity === 'error' ? [at] : []));
    expect(plan.issues.length).toBeGreaterThan(MAX_ROWS);
    expect(errorsAt.length).toBeGreaterThanOrEqual(3);
    expect(errorsAt.every((at) => at >= FIRST_ROWS && at < MAX_ROWS)).toBe(true);
    expect(plan.issues.filter((i) => i.code === 'RECORD_TIME_ORDER')).toHaveLength(USERS * DAYS.length);
  });

  it('filters the rows that arrive after the box is ticked, counts them, and shows a unit\'s issues again when their error row arrives', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      // Once the results are shown (the filter's box exists), the page's frames are held: drawResults waits for one
      // before each slice, so every later slice waits until the test lets them go. And the state at each tick.
      await page.evaluate(`(() => {
        const raf = window.requestAnimationFrame.bind(window);
        window.__held = [];
        window.__holding = true;
        window.requestAnimationFrame = (cb) => {
          if (window.__holding && document.getElementById('errors-only')) { window.__held.push(cb); return 0; }
          return raf(cb);
        };
        window.__release = () => { window.__holding = false; for (const cb of window.__held.splice(0)) raf(cb); };
        window.__ticks = [];
        document.addEventListener('change', (e) => {
          if (e.target.id === 'errors-only') window.__ticks.push([e.target.checked, document.body.dataset.state]);
        }, true);
      })()`);
      await page.setInputFiles('#file-input', FILES.map((f) => join(dir, f.name)));
      await page.locator('#errors-only').waitFor();
      await page.waitForFunction('window.__held.length > 0', undefined, { timeout: 120_000 });
      // Only the first rows of each long table are drawn yet.
      const drawnAtTick = await page.locator('tr[data-code]').count();
      expect(drawnAtTick).toBeLessThan(listed(expected).length);
      const unitIssues = page.locator(`[data-unit-issues="${ONCE_UNIT}"]`);
      expect(await unitIssues.locator('tr[data-code]').count()).toBe(FIRST_ROWS);

      await page.check('#errors-only');
      expect(await page.evaluate('window.__ticks')).toEqual([[true, 'validating']]);
      // The unit's first 50 rows are infos: its issues are hidden, for now.
      expect(await unitIssues.isHidden()).toBe(true);
      const status = page.locator('#filter-status');
      const hiddenAtTick = Number(await status.getAttribute('data-hidden-rows'));

      await page.evaluate('window.__release()');
      await validated(page);

      const rows = page.locator('tr[data-code]');
      const all = listed(expected);
      expect(await rows.count()).toBe(all.length);
      const nonErrors = all.filter((i) => i.severity !== 'error').length;
      const visible = await page.locator('tr[data-code]:visible').evaluateAll((trs) => trs.map((tr) => tr.className));
      console.log(`filter ticked with ${drawnAtTick} of ${all.length} rows drawn (${hiddenAtTick} hidden then); at the end ${visible.length} error rows shown, ${nonErrors} hidden`);
      expect(visible.length).toBe(all.length - nonErrors);
      expect(visible.every((c) => c === 'sev-error')).toBe(true);
      expect(hiddenAtTick).toBeLessThan(nonErrors);
      expect(await status.getAttribute('data-hidden-rows')).toBe(String(nonErrors));
      expect(await status.innerText()).toContain(`エラー以外の問題 ${nonErrors}件を隠しています。`);
      // The unit's error row arrived with the last slice: its issues are shown again, the error row alone.
      expect(await unitIssues.isVisible()).toBe(true);
      expect(await unitIssues.locator('tr[data-code]:visible').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(['UNIT_ANNEX_AMOUNT']);

      // Unticked: every row shown again, nothing said to be hidden.
      await page.uncheck('#errors-only');
      expect(await page.locator('tr[data-code]:visible').count()).toBe(all.length);
      expect(await status.getAttribute('data-hidden-rows')).toBe('0');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
