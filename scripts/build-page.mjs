// The validator page as one self-contained HTML file: dist/page/careplan-csv-validator.html. It works when
// double-clicked (file://), where a page of separate files cannot run (a module script and a stylesheet are
// blocked there), and it needs no server and makes no request.
// - The worker (web/worker.ts, which validates) and the page (web/main.ts) are bundled by rolldown (a
//   devDependency, vite's bundler) into classic scripts; the worker's code rides in the page as a string and is
//   started from a blob: URL, the one way a file:// page can start a worker.
// - The stylesheet and the script are written inline, and the Content-Security-Policy allows exactly those two
//   (by their SHA-256) and blob: workers: nothing else runs and no connection can be made.
// Run by `npm run build` (the package ships the file; `careplan-csv page --out <file>` writes it) and by
// `npm run web`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
export const PAGE_FILE = join(ROOT, 'dist/page/careplan-csv-validator.html');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** One entry bundled into one classic script (an IIFE), minified, the library's sources read as TypeScript. */
async function bundle(input, define) {
  const bundler = await rolldown({
    input,
    platform: 'browser',
    logLevel: 'warn',
    // The library's sources import each other as './x.js' (for tsc): here they are the .ts files.
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    transform: { define },
  });
  try {
    const { output } = await bundler.generate({ format: 'iife', minify: true });
    if (output.length !== 1) throw new Error(`${input}: ${output.length} chunks, one expected`);
    return output[0].code;
  } finally {
    await bundler.close();
  }
}

/**
 * Script text safe inside <script>…</script>: no end tag (in any case: HTML reads </SCRIPT as one) and no comment
 * opener can appear in it. Both can only be in a string, template or regular expression, where `<\/` and
 * `\x3C` mean the same characters (`<\!` would not: a regular expression with the u flag rejects `\!`).
 * Nor a style tag (the forms renderer in the worker writes one into its HTML): the page then holds exactly one
 * <style> and one <script>, each allowed by its hash, whatever the script's strings hold.
 */
const inlineSafe = (code) =>
  code
    .replace(/<\/(script)/gi, '<\\/$1')
    .replaceAll('<!--', '\\x3C!--')
    .replace(/<(\/?style)/gi, '\\x3C$1');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const tool = {
  __CAREPLAN_VERSION__: JSON.stringify(pkg.version ?? '0.0.0'),
  __CAREPLAN_HOMEPAGE__: JSON.stringify(pkg.homepage ?? 'https://www.npmjs.com/package/careplan-csv'),
};
const worker = await bundle(join(WEB, 'worker.ts'), tool);
const script = inlineSafe(await bundle(join(WEB, 'main.ts'), { ...tool, __WORKER_SOURCE__: JSON.stringify(worker) }));
const style = readFileSync(join(WEB, 'style.css'), 'utf8');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)}`,
  `style-src ${sha256(style)}`,
  'worker-src blob:',
  'img-src data: blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const template = readFileSync(join(WEB, 'index.html'), 'utf8');
const parts = { '<!--CSP-->': csp, '<!--STYLE-->': style, '<!--SCRIPT-->': script };
let html = template;
for (const [mark, text] of Object.entries(parts)) {
  if (html.split(mark).length !== 2) throw new Error(`web/index.html: ${mark} must appear exactly once`);
  html = html.replace(mark, () => text);
}

// Whole or absent: a temporary file, then a rename.
mkdirSync(dirname(PAGE_FILE), { recursive: true });
const temporary = `${PAGE_FILE}.${process.pid}.tmp`;
writeFileSync(temporary, html);
renameSync(temporary, PAGE_FILE);
console.log(`${PAGE_FILE.slice(ROOT.length + 1)}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB — open ${pathToFileURL(PAGE_FILE)} in a browser`);
