// The validator page in a real browser, for the page's tests (test/web*.test.ts): the single HTML file the build
// writes (dist/page, by test/global-setup.ts), opened from file:// as an office clerk opens it, in headless
// Chromium (Debian's `chromium`, through playwright-core). Where no Chromium is installed the browser tests
// are skipped with a warning (`.ci/run` installs it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from './paths.js';

/** The page as the package ships it and `careplan-csv page --out` writes it. */
export const PAGE_FILE = join(ROOT, 'dist/page/careplan-csv-validator.html');
export const PAGE_URL = pathToFileURL(PAGE_FILE).href;

export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium): the browser tests of the page are SKIPPED.`);
}

/** The flags this machine's Chromium needs: no sandbox as root, and no background traffic of its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The browser of a describe block: launched before its tests, closed after them; call the getter in a test. */
export function suiteBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Opened {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * How long any one wait of Playwright's may take (a click, a locator's waitFor, a download): generous, since CI is
 * a loaded 2-core machine where a worker starting and reading a file can take many seconds. Playwright's own 30 s
 * is not enough there; the waits for a whole validation give themselves longer still (`validated`).
 */
const WAIT_MS = 60_000;

/**
 * CAREPLAN_CPU_THROTTLE=4 slows the page's thread fourfold (DevTools' CPU throttling): a way to make the tests'
 * races show on a fast machine. Never set in CI; a test must pass with it as without it.
 */
const CPU_THROTTLE = Number(process.env['CAREPLAN_CPU_THROTTLE'] || 1);

/** The page opened from file:// in a new context (desktop size unless told), its requests and errors watched. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'ja-JP', ...options });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  if (CPU_THROTTLE > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PAGE_URL);
  await page.waitForSelector('body[data-state="empty"]');
  return { page, requests, errors, close: () => context.close() };
}

/** Whether a URL the page asked for stayed on this computer: the page itself, its worker (blob:) or data:. */
export function local(url: string): boolean {
  if (url === PAGE_URL) return true;
  const protocol = new URL(url).protocol;
  return protocol === 'blob:' || protocol === 'data:';
}

/** Wait until a validation has been drawn. */
export async function validated(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
}

/** A download the page offers on a click: its suggested name and its bytes. */
export async function downloadBytes(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

export async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const { name, bytes } = await downloadBytes(page, button);
  return { name, text: bytes.toString('utf8') };
}

/** The summary's counts, as the page shows them. */
export async function summaryOf(page: Page) {
  const el = page.locator('#summary-counts');
  const n = async (a: string) => Number(await el.getAttribute(`data-${a}`));
  return { files: await n('files'), units: await n('units'), errors: await n('errors'), warnings: await n('warnings'), infos: await n('infos') };
}
