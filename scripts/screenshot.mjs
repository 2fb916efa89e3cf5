// npm run web:screenshot: the README's pictures of the validator page — docs/web-start.png (the start view),
// docs/web-results.png (the bundled schedule unit with the broken sample: the failing unit first) and
// docs/web-print.png (the first printed A4 page of the same results), and the printed forms of the bundled
// schedule unit with its 実績 (renderSendUnitForms): docs/forms-table6.png and docs/forms-table7.png. The page is the built single file
// (npm run build first), opened from file:// in headless Chromium (Debian's chromium, or CHROMIUM_PATH).
// A Japanese font is needed (Debian: fonts-noto-cjk), else the Japanese text is drawn as empty boxes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = join(root, 'dist/page/careplan-csv-validator.html');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH`);
  process.exit(2);
}
if (!existsSync(page)) {
  console.error(`no page at ${page}: run npm run build first`);
  process.exit(2);
}
const fonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
if (fonts.status === 0 && !fonts.stdout.trim()) {
  console.warn('warning: no Japanese font found (fc-list :lang=ja): install fonts-noto-cjk for a readable screenshot');
}

const S41 = join(root, 'samples/4.1');
const unit = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => join(S41, `${k}_202504_1370100008_43_1370200006_11_20250325100000.CSV`));
const broken = join(root, 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV');

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'ja-JP', deviceScaleFactor: 1 });
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForSelector('body[data-state="empty"]');
  await tab.screenshot({ path: join(root, 'docs/web-start.png') });

  await tab.setInputFiles('#file-input', [...unit, broken]);
  await tab.waitForSelector('body[data-state="done"]');
  await tab.evaluate('window.scrollTo(0, 0)');
  await tab.screenshot({ path: join(root, 'docs/web-results.png'), fullPage: true });

  // The print view as the printer gets it, its first A4 page at 96 dpi (794 × 1123 px).
  await tab.evaluate('window.print = () => {}');
  const print = tab.locator('#print');
  if (await print.count()) await print.click();
  await tab.emulateMedia({ media: 'print' });
  await tab.setViewportSize({ width: 794, height: 1123 });
  await tab.evaluate('window.scrollTo(0, 0)');
  await tab.screenshot({ path: join(root, 'docs/web-print.png') });
  console.log('saved docs/web-start.png, docs/web-results.png, docs/web-print.png');

  // The forms, as renderForms draws them: the first user's 第6表 (予定 and 実績) and 第7表, one A4 landscape
  // sheet each at 96 dpi.
  const { readSendUnits, renderSendUnitForms } = await import(pathToFileURL(join(root, 'dist/src/core.js')).href);
  const files = readdirSync(S41).map((name) => ({ name, bytes: readFileSync(join(S41, name)) }));
  const units = readSendUnits(files).units.filter((u) => (u.type === 'schedule' && u.receiver.office === '1370200006') || u.type === 'actual');
  const forms = await context.newPage();
  await forms.setContent(renderSendUnitForms(units).html);
  await forms.emulateMedia({ media: 'print' });
  for (const form of ['table6', 'table7']) {
    await forms.locator(`section.sheet[data-form="${form}"]`).first().screenshot({ path: join(root, `docs/forms-${form}.png`) });
  }
  console.log('saved docs/forms-table6.png, docs/forms-table7.png');
} finally {
  await browser.close();
}
