// The validator page as a file: one self-contained HTML file that the build writes (dist/page), the package
// ships, each release attaches and `careplan-csv page --out` writes. What it may hold and load is checked here;
// how it behaves in a browser, in test/web*.test.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_FILE } from './support/browser.js';
import { CLI, ROOT } from './support/paths.js';

describe('the validator page file', () => {
  const html = () => readFileSync(PAGE_FILE, 'utf8');

  it('has no external address but the two names SARIF requires (which the page never loads)', () => {
    // The only http(s) strings allowed in the page: in the SARIF report, the schema's identifier ($schema) and
    // the tool's informationUri. Both are text in a report the user saves, never fetched (and the page's
    // Content-Security-Policy could not fetch them). informationUri is package.json's homepage.
    const { homepage } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string };
    const allowed = new Set(['https://json.schemastore.org/sarif-2.1.0.json', homepage]);
    const found = [...html().matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)<>\\]*/gi)].map((m) => m[0]).filter((u) => !allowed.has(u));
    expect(found).toEqual([]);
    expect(html()).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=(?!["']?data:)/i);
  });

  it('is one self-contained file: its script and stylesheet inline, allowed by their hashes, and no connection allowed', () => {
    const text = html();
    const scripts = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(text)?.[1] ?? '';
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(scripts[0]!)}`);
    expect(csp).toContain(`style-src ${hash(styles[0]!)}`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toContain('unsafe-');
    expect(text).toContain('ファイルはこのコンピューターの外に送信されません');
    expect(text).toContain('Files never leave this computer');
  });

  it('is what `careplan-csv page --out` writes, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-page-'));
    try {
      const out = join(dir, 'validator.html');
      const r = spawnSync(process.execPath, [CLI, 'page', '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('validator.html');
      expect(readFileSync(out).equals(readFileSync(PAGE_FILE))).toBe(true);
      // An existing file is kept unless --force.
      const again = spawnSync(process.execPath, [CLI, 'page', '--out', out], { encoding: 'utf8' });
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('--force');
      writeFileSync(out, 'old');
      // The installed command (package.json "bin", the bundle) finds the page in its package too.
      const bin = join(ROOT, 'dist/bin/careplan-csv.cjs');
      expect(spawnSync(process.execPath, [bin, 'page', '--out', out, '--force'], { encoding: 'utf8' }).status).toBe(0);
      expect(readFileSync(out).equals(readFileSync(PAGE_FILE))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the package', () => {
  it('ships the page (npm pack lists it)', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    expect(packed!.files.map((f) => f.path)).toContain('dist/page/careplan-csv-validator.html');
  });
});
