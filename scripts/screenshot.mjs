// npm run web:screenshot: docs/web-validator.png, the README's picture of the page. Runs the page's browser
// test (test/web.test.ts) with SCREENSHOT=1: the page built, served on 127.0.0.1 and driven in headless
// Chromium, the sample schedule unit and the broken file dropped, a records table open.
// Needs Debian's chromium (or CHROMIUM_PATH) and a Japanese font (Debian: fonts-noto-cjk), else the
// Japanese text is drawn as empty boxes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`no Chromium at ${chromium}: install Debian's chromium or set CHROMIUM_PATH`);
  process.exit(2);
}
const fonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
if (fonts.status === 0 && !fonts.stdout.trim()) {
  console.warn('warning: no Japanese font found (fc-list :lang=ja): install fonts-noto-cjk for a readable screenshot');
}
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/web.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOT: '1' },
});
if (run.status === 0) console.log(`saved ${join(root, 'docs/web-validator.png')}`);
process.exit(run.status ?? 1);
