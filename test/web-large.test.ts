// The validator page with a large file, as issue 17 found it: a 50 MB 第6表 froze the tab for 15 s with no
// progress. The page validates in a worker: its own thread must stay free, progress must be drawn, 中止 must
// end the worker, and the records view must hold one page of records, not the file. Tests count work, never
// time it (CI may be a loaded 2-core machine): a thread that is free draws progress again and again while the
// file is read, and a long table arrives in slices of rows. The longest task is printed as a figure only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvStream, validateFiles, writeCsvFile, type ValidationReport } from '../src/core.js';
import { downloadText, HAS_CHROMIUM, launch, openPage, summaryOf } from './support/browser.js';
import { ROOT } from './support/paths.js';

/** Issue rows the page draws in one task at most (web/main.ts ROWS_PER_SLICE). */
const ROWS_PER_SLICE = 50;
const MB = 1_000_000;
const BIG = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
const DAMAGED = 'UPPLAN_202505_1370100008_43_1370200006_11_20250425100000.CSV';
const TIMEOUT = 300_000;

const planSamples = () => JSON.parse(readFileSync(join(ROOT, 'samples/records/4.1/UPPLAN.json'), 'utf8')) as Record<string, string>[];

/** The sample month's 第6表 rows, re-keyed for as many synthetic users as fill `bytes` (as scripts/bench.mjs). */
function planFile(bytes: number): Uint8Array {
  const base = planSamples();
  const perRecord = writeCsvFile('UPPLAN', base, { csvVersion: '202407' }).bytes.length / base.length;
  const records = Array.from({ length: Math.ceil(bytes / perRecord) }, (_, i) => ({
    ...base[i % base.length]!,
    insuredNumber: String(1000000000 + Math.floor(i / base.length)).padStart(10, '0'),
  }));
  return writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes;
}

/** `rows` 第6表 rows, every one damaged twice (a service date that is no date, a count that is no number). */
function damagedFile(rows: number): Uint8Array {
  const base = planSamples();
  const records = Array.from({ length: rows }, (_, i) => ({
    ...base[i % base.length]!,
    insuredNumber: String(2000000000 + Math.floor(i / base.length)).padStart(10, '0'),
    serviceDate: '20250431',
    serviceCount: 'ｲﾁ',
  }));
  return writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes;
}

/**
 * Watches the page from now on: every long task (PerformanceObserver 'longtask', its buffer included: the page's
 * load), and each progress line drawn (its bytes and records, from the progress box's data attributes). Frames
 * are counted (requestAnimationFrame), with the frame in which the results were put in and the one in which the
 * run was said done.
 */
async function watch(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
    window.__progress = [];
    const box = document.getElementById('progress');
    new MutationObserver(() => {
      if (!box.hidden && box.dataset.bytes) window.__progress.push({ bytes: Number(box.dataset.bytes), records: Number(box.dataset.records), text: document.getElementById('progress-text').textContent });
    }).observe(box, { attributes: true, subtree: true, childList: true, characterData: true });
    window.__frames = 0;
    const tick = () => { window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.__framesAt = {};
    new MutationObserver(() => { window.__framesAt.results ??= window.__frames; }).observe(document.getElementById('units'), { childList: true });
    new MutationObserver(() => { if (document.body.dataset.state === 'done') window.__framesAt.done ??= window.__frames; }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  })()`);
}

/** The page's clock now: long tasks that start later are the work of what follows (a pick), not of the page's load. */
const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

/** The longest task in ms of those that started at `from` or later (and before `to`). */
async function longestTask(page: Page, from = 0, to = Infinity): Promise<number> {
  const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  return Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
}

const longTasks = async (page: Page) => ((await page.evaluate('window.__longTasks')) as { duration: number }[]).map((t) => t.duration);
const progressSeen = (page: Page) => page.evaluate('window.__progress') as Promise<{ bytes: number; records: number; text: string }[]>;

/** The page's JavaScript heap in use (its main thread; a worker's heap is its own), by the DevTools protocol. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

describe.skipIf(!HAS_CHROMIUM)('web page: a 50 MB file', () => {
  let browser: Browser;
  let dir: string;
  let big: string;
  let damaged: string;
  let bigBytes: Uint8Array;
  let damagedBytes: Uint8Array;

  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'careplan-large-'));
    bigBytes = planFile(50 * MB);
    damagedBytes = damagedFile(100_000);
    big = join(dir, BIG);
    damaged = join(dir, DAMAGED);
    writeFileSync(big, bigBytes);
    writeFileSync(damaged, damagedBytes);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The library's report of the 50 MB file in Node, made once. */
  let bigReport: ValidationReport | undefined;
  const bigExpected = () => (bigReport ??= validateFiles([{ name: BIG, bytes: bigBytes }]));

  const expectedSummary = (report: ValidationReport) => ({
    files: report.summary.files,
    units: report.units.length,
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    infos: report.summary.infos,
  });

  it('is validated with the page free (progress drawn again and again while the worker reads), progress drawn per file, and the findings of validateFiles', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await watch(page);
      const picked = await now(page);
      const started = Date.now();
      await page.setInputFiles('#file-input', big);
      await page.waitForSelector('body[data-state="done"]', { timeout: TIMEOUT });
      const seconds = (Date.now() - started) / 1000;
      const tasks = await longTasks(page);
      const progress = await progressSeen(page);
      // Two figures: the check's (from the pick to the results drawn) and the page's load (Chromium's first layout,
      // where it looks up and opens the fonts of the page's Japanese text: see docs/browser.md).
      console.log(
        `50 MB in the page: ${seconds.toFixed(1)} s; longest task while checked and drawn ${(await longestTask(page, picked)).toFixed(0)} ms, at the page's load ${(await longestTask(page, 0, picked)).toFixed(0)} ms (${tasks.length} over 50 ms); ${progress.length} progress lines`,
      );
      // 「検証中」 and the progress were drawn while the file was read, again and again (a thread held by the
      // work would draw only the end): the file's name, its place, bytes read.
      const midway = progress.filter((p) => p.bytes > 0 && p.bytes < bigBytes.length);
      expect(new Set(midway.map((p) => p.bytes)).size).toBeGreaterThan(2);
      expect(midway[0]!.text).toContain(`1/1ファイル目 ${BIG}`);
      expect(midway.at(-1)!.records).toBeGreaterThan(0);
      const expected = bigExpected();
      // Exact records (validateFileStreams' onProgress): the last progress line is the file's count.
      const records = expected.files[0]!.records;
      expect(progress.every((p, i) => i === 0 || p.records >= progress[i - 1]!.records)).toBe(true);
      expect(progress.at(-1)).toMatchObject({ bytes: bigBytes.length, records });
      expect(progress.at(-1)!.text).toContain(`${records.toLocaleString('ja-JP')}レコード`);
      expect(progress.at(-1)!.text).toContain(`${records.toLocaleString('en')} records`);
      // The results were laid out by a frame of the browser's own before the run was said done and their heading
      // focused: the focus does not force that layout into the task that built them.
      const framesAt = (await page.evaluate('window.__framesAt')) as { results?: number; done?: number };
      expect(framesAt.done! - framesAt.results!).toBeGreaterThanOrEqual(1);
      expect(await page.evaluate('document.activeElement.id')).toBe('h-results');
      expect(await summaryOf(page)).toEqual(expectedSummary(expected));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, TIMEOUT);

  it('is cancelled by 中止: the worker ends, the status says so, and another file is validated afterwards', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await watch(page);
      const workerStarted = page.waitForEvent('worker');
      await page.setInputFiles('#file-input', big);
      const worker = await workerStarted;
      const ended = new Promise<void>((resolve) => worker.on('close', () => resolve()));
      await page.locator('#progress[data-bytes]').waitFor({ timeout: TIMEOUT });
      await page.click('#cancel');
      await page.locator('body[data-state="cancelled"]').waitFor();
      expect(await page.locator('#status').innerText()).toContain('検証を中止しました');
      expect(await page.locator('#progress').isHidden()).toBe(true);
      await ended;
      expect(page.workers()).toEqual([]);
      const progressAtCancel = (await progressSeen(page)).length;
      // The page is free for the next file.
      const sample = join(ROOT, 'samples/4.1', 'UPSIKYU_202504_1370100008_43_1370200006_11_20250325100000.CSV');
      await page.setInputFiles('#file-input', sample);
      await page.waitForSelector('body[data-state="done"]', { timeout: TIMEOUT });
      const expected = validateFiles([{ name: basename(sample), bytes: readFileSync(sample) }]);
      expect(await summaryOf(page)).toEqual(expectedSummary(expected));
      // Nothing of the cancelled run came back (its progress or its results).
      expect((await progressSeen(page)).slice(progressAtCancel).every((p) => !p.text.includes(BIG))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, TIMEOUT);

  it('shows its records a page at a time, with their lines, and with a small heap', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await page.setInputFiles('#file-input', big);
      await page.waitForSelector('body[data-state="done"]', { timeout: TIMEOUT });
      await watch(page);
      // The first two pages' records and lines as the library reads them in Node.
      const first: { line: number; values: readonly string[] }[] = [];
      for await (const item of readCsvStream([bigBytes.subarray(0, 1 * MB)], { name: BIG })) {
        if (item.type === 'record' && first.length < 200) first.push({ line: item.line, values: item.values });
      }
      let started = Date.now();
      await page.click(`button.show-records[data-file="${BIG}"]`);
      await page.locator('#records-body[data-page="0"]').waitFor({ timeout: TIMEOUT });
      const firstPage = (Date.now() - started) / 1000;
      const rows = page.locator('#records-table tbody tr');
      expect(await rows.count()).toBe(100);
      expect(await rows.first().locator('th.rownum').innerText()).toBe(String(first[0]!.line));
      // The count is the run's (the validation read the file with the same profile): page 1 need not count.
      const records = bigExpected().files[0]!.records;
      expect(await page.locator('#records-body .page-of').first().innerText()).toContain(`1–100件目（全 ${records}件）`);
      started = Date.now();
      await page.locator('#records-body .next-page').first().click();
      await page.locator('#records-body[data-page="1"]').waitFor({ timeout: TIMEOUT });
      const secondPage = (Date.now() - started) / 1000;
      expect(await rows.count()).toBe(100);
      // Page 2 is read only as far as it reaches.
      expect(await page.locator('#records-body .page-of').first().innerText()).toContain(`101–200件目（全 ${records}件）`);
      const lines = await rows.locator('th.rownum').allInnerTexts();
      expect(lines).toEqual(first.slice(100, 200).map((r) => String(r.line)));
      expect(await rows.nth(0).locator('td').nth(2).innerText()).toBe(first[100]!.values[2]);
      const tasks = await longTasks(page);
      const heap = await heapUsed(page);
      console.log(`records pages: ${firstPage.toFixed(1)} s, ${secondPage.toFixed(1)} s; longest task ${Math.max(0, ...tasks).toFixed(0)} ms; page heap ${(heap / MB).toFixed(1)} MB`);
      // The page holds one page of records and the results, not the file (50 MB, ≈ 100 MB as JS strings):
      // a bound well above the page's own few MB and well below a copy of the file.
      expect(heap).toBeLessThan(40 * MB);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, TIMEOUT);

  it('draws a report of tens of thousands of issues in slices of rows, with the findings of validateFiles', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await watch(page);
      // Every batch of issue rows added to a table already shown (the first rows come with their table).
      await page.evaluate(`(() => {
        window.__slices = [];
        new MutationObserver((records) => {
          for (const r of records) if (r.target.matches?.('table.issues > tbody') && r.addedNodes.length) window.__slices.push(r.addedNodes.length);
        }).observe(document.getElementById('results'), { childList: true, subtree: true });
      })()`);
      const picked = await now(page);
      const started = Date.now();
      await page.setInputFiles('#file-input', damaged);
      await page.waitForSelector('body[data-state="done"]', { timeout: TIMEOUT });
      const seconds = (Date.now() - started) / 1000;
      const expected = validateFiles([{ name: DAMAGED, bytes: damagedBytes }]);
      console.log(
        `${expected.issues.length} issues: ${seconds.toFixed(1)} s; longest task while checked and drawn ${(await longestTask(page, picked)).toFixed(0)} ms (at the page's load ${(await longestTask(page, 0, picked)).toFixed(0)} ms); page heap ${((await heapUsed(page)) / MB).toFixed(1)} MB`,
      );
      expect(expected.issues.length).toBeGreaterThan(10_000);
      // Saving the report: built by the run's worker, the page free meanwhile too.
      const before = (await longTasks(page)).length;
      const saved = await downloadText(page, '#download-json');
      expect(JSON.parse(saved.text).summary).toEqual(expected.summary);
      const saving = (await longTasks(page)).slice(before);
      console.log(`JSON report of ${expected.issues.length} issues: ${(saved.text.length / MB).toFixed(1)} MB; longest task while saving ${Math.max(0, ...saving).toFixed(0)} ms`);
      // The long table came in slices of at most ROWS_PER_SLICE rows, each added by a task of its own.
      const slices = (await page.evaluate('window.__slices')) as number[];
      expect(slices.length).toBeGreaterThan(1);
      expect(Math.max(...slices)).toBeLessThanOrEqual(ROWS_PER_SLICE);
      expect(await summaryOf(page)).toEqual(expectedSummary(expected));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, TIMEOUT);
});
