// The validator page (web/) as an office clerk uses it: the single HTML file of the build (dist/page), opened
// from file:// in headless Chromium (test/support/browser.ts). The findings shown and downloaded must be those
// of validateFiles and of the command for the same files, and the page must not make a single request that
// leaves the computer (only the page itself, its worker's blob: URL and data: URLs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles, type InputFile, type ValidationReport } from '../src/core.js';
import { downloadText, HAS_CHROMIUM, local, openPage, suiteBrowser, summaryOf, validated } from './support/browser.js';
import { CLI, ROOT } from './support/paths.js';

const S41 = join(ROOT, 'samples/4.1');
const BROKEN = join(ROOT, 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV');
const BROKEN_UNIT = '20250325130000:1370100008_43>1370200006_11';
const samples41 = () =>
  readdirSync(S41)
    .filter((n) => n.endsWith('.CSV'))
    .map((n) => join(S41, n));

/** What the library gives in Node for these files, named by their base names in the page's (sorted) order. */
function expectedReport(paths: readonly string[]): ValidationReport {
  const inputs: InputFile[] = paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return validateFiles(inputs);
}

// --------------------------------------------------------------------------------------------------------

describe.skipIf(!HAS_CHROMIUM)('web page in headless Chromium, opened from file://', () => {
  const browser = suiteBrowser();

  const open = () => openPage(browser());

  it('validates the 4.1 samples and the broken file with the findings of validateFiles, and never leaves 127.0.0.1', async () => {
    const paths = [...samples41(), BROKEN];
    const expected = expectedReport(paths);
    const { page, requests, errors, close } = await open();
    try {
      await page.setInputFiles('#file-input', paths);
      await validated(page);

      expect(await summaryOf(page)).toEqual({ ...expected.summary, units: expected.units.length });
      expect(expected.summary).toMatchObject({ files: 26, errors: 3 });

      // Each file: its issue codes, in the library's order.
      for (const f of expected.files) {
        const codes = await page.locator(`li.file[data-file="${f.file}"] tr[data-code]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
        expect(codes, f.file).toEqual(f.issues.map((i) => i.code));
      }
      // The broken file: UTF-8, located at byte offset 3 on line 1.
      const broken = page.locator(`li.file[data-file="${basename(BROKEN)}"]`);
      expect(await broken.locator('details.file-issues').getAttribute('open')).not.toBeNull();
      const row = broken.locator('tr[data-code="CSV_NOT_MS932"]');
      expect(await row.count()).toBe(1);
      expect(await row.locator('td.where').innerText()).toMatch(/1行目\s*バイト位置3/);
      expect(await row.locator('td.message .msg-ja').innerText()).toContain('UTF-8');
      // Its send unit lacks UPSIKYU and UPHOSOKU.
      const unitExpected = expected.units.find((u) => u.key === BROKEN_UNIT)!;
      const missing = unitExpected.issues.filter((i) => i.code === 'UNIT_MISSING_FILE');
      expect(missing.length).toBe(2);
      const unitRows = page.locator(`section.unit[data-unit="${BROKEN_UNIT}"] [data-unit-issues] tr[data-code="UNIT_MISSING_FILE"]`);
      expect(await unitRows.count()).toBe(missing.length);
      expect(await unitRows.locator('td.value').allInnerTexts()).toEqual(missing.map((i) => i.value));
      // Every unit: the failing one first, then the others in the library's order.
      const unitKeys = await page.locator('section.unit[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
      expect(unitKeys).toEqual([BROKEN_UNIT, ...expected.units.map((u) => u.key).filter((k) => k !== BROKEN_UNIT)]);

      // English messages on demand.
      const en = row.locator('td.message .msg-en');
      expect(await en.isVisible()).toBe(false);
      await page.check('#show-en');
      expect(await en.isVisible()).toBe(true);
      expect(await en.innerText()).toContain('The file is UTF-8');

      // A file's records, with the layout's Japanese names as column headings and the keys in their titles.
      const plan = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
      await page.click(`button.show-records[data-file="${plan}"]`);
      const table = page.locator('#records-table');
      await table.waitFor();
      const headers = await table.locator('thead th').allInnerTexts();
      expect(headers.some((h) => h.includes('被保険者番号'))).toBe(true);
      expect(headers.some((h) => h.includes('保険者番号'))).toBe(true);
      expect(await table.locator('thead th[data-key="insuredNumber"]').getAttribute('title')).toMatch(/^insuredNumber \(No\.\d+\)$/);
      expect(await table.locator('tbody tr').count()).toBe(expected.files.find((f) => f.file === plan)!.records);

      // The JSON report is the ValidationReport, downloaded (not sent).
      const json = await downloadText(page, '#download-json');
      expect(json.name).toBe('careplan-report.json');
      expect(JSON.parse(json.text)).toEqual(JSON.parse(JSON.stringify(expected)));
      const sarif = await downloadText(page, '#download-sarif');
      expect(sarif.name).toBe('careplan-report.sarif');
      const results = (JSON.parse(sarif.text) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results;
      expect(results.map((r) => r.ruleId)).toEqual(expected.issues.map((i) => i.code));

      expect(errors).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((u) => !local(u))).toEqual([]);

    } finally {
      await close();
    }
  });

  it('gives, for a folder, the JSON and SARIF reports of `careplan-csv validate <folder>`', async () => {
    const cli = (format: string) => {
      const r = spawnSync(process.execPath, [CLI, 'validate', 'samples', '--format', format], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.status, r.stderr).toBe(1); // the broken sample fails the run
      return JSON.parse(r.stdout) as unknown;
    };
    const { page, requests, errors, close } = await open();
    try {
      await page.setInputFiles('#folder-input', join(ROOT, 'samples'));
      await validated(page);
      const json = JSON.parse((await downloadText(page, '#download-json')).text) as ValidationReport;
      expect(json.files.length).toBeGreaterThan(40); // every sample of 4.1, 3.2, the top folder and the broken one
      expect(json.files.every((f) => f.file.startsWith('samples/'))).toBe(true);
      expect(json).toEqual(cli('json'));
      expect(JSON.parse((await downloadText(page, '#download-sarif')).text)).toEqual(cli('sarif'));
      expect(await summaryOf(page)).toEqual({ ...json.summary, units: json.units.length });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !local(u))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes a real drop of a folder and a file (the browser\'s file-system entries), as the command reads them', async () => {
    // A folder as a vendor's export leaves it: the spec files, a hidden folder and a note, which are not read.
    const dir = mkdtempSync(join(tmpdir(), 'careplan-drop-'));
    try {
      mkdirSync(join(dir, 'exports', '.backup'), { recursive: true });
      for (const p of samples41()) copyFileSync(p, join(dir, 'exports', basename(p)));
      copyFileSync(samples41()[0]!, join(dir, 'exports', '.backup', basename(samples41()[0]!)));
      writeFileSync(join(dir, 'exports', 'notes.txt'), 'メモ');
      copyFileSync(BROKEN, join(dir, basename(BROKEN)));
      const cli = spawnSync(process.execPath, [CLI, 'validate', basename(BROKEN), 'exports', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      // The command reports in argument order; the page sorts what it is given by path: the same order here.
      const expected = JSON.parse(cli.stdout) as ValidationReport;
      expect(expected.files.length).toBe(samples41().length + 1);

      const { page, requests, errors, close } = await open();
      try {
        // The drop Chromium delivers when files are dragged from the desktop (DevTools protocol, real paths).
        const cdp = await page.context().newCDPSession(page);
        const data = { items: [], files: [join(dir, 'exports'), join(dir, basename(BROKEN))], dragOperationsMask: 1 };
        for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 200, y: 200, data });
        await validated(page);
        const json = JSON.parse((await downloadText(page, '#download-json')).text) as ValidationReport;
        expect(json).toEqual(expected);
        expect(errors).toEqual([]);
        expect(requests.filter((u) => !local(u))).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a dropped file, validates again on a profile change, and is usable by keyboard', async () => {
    const { page, requests, errors, close } = await open();
    try {
      // A drop as the browser delivers it: a DataTransfer holding the file.
      const bytes = [...readFileSync(BROKEN)];
      await page.evaluate(
        `(() => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], ${JSON.stringify(basename(BROKEN))}));
          const zone = document.getElementById('drop-zone');
          zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
          zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        })()`,
      );
      await validated(page);
      const strict = validateFiles([{ name: basename(BROKEN), bytes: readFileSync(BROKEN) }]);
      expect(await summaryOf(page)).toEqual({ ...strict.summary, units: 1 });

      // lenient: UTF-8 becomes a warning and the file is read on.
      const lenient = validateFiles([{ name: basename(BROKEN), bytes: readFileSync(BROKEN) }], { profile: 'lenient' });
      await page.selectOption('#profile', 'lenient');
      await page.locator('#summary-counts', { hasText: 'プロファイル：緩和' }).waitFor({ timeout: 120_000 });
      await validated(page);
      expect(await summaryOf(page)).toEqual({ ...lenient.summary, units: 1 });
      expect(lenient.summary.errors).not.toBe(strict.summary.errors);

      // The buttons open the file choosers from the keyboard. What the browser does with the native dialog differs
      // between Chromium builds (a key press may not raise Playwright's file chooser event), so the test watches
      // the page's own act: Enter or Space on the focused button opens the matching input.
      await page.evaluate(`(() => {
        window.__opened = [];
        for (const id of ['file-input', 'folder-input']) {
          const input = document.getElementById(id);
          input.click = () => window.__opened.push(id);
        }
      })()`);
      await page.locator('#choose-files').focus();
      await page.keyboard.press('Enter');
      await page.locator('#choose-folder').focus();
      await page.keyboard.press('Space');
      expect(await page.evaluate('window.__opened')).toEqual(['file-input', 'folder-input']);
      expect(await page.locator('#file-input').getAttribute('multiple')).not.toBeNull();
      expect(await page.locator('#folder-input').getAttribute('webkitdirectory')).not.toBeNull();

      // Clear empties the page.
      await page.click('#clear');
      await page.waitForSelector('body[data-state="empty"]');
      expect(await page.locator('#results').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !local(u))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('marks files and units as the command does (✗ errors, ⚠ warnings only, ✓ neither) and names unit types in words', async () => {
    // Lenient: the broken file has warnings only (⚠), its unit lacks two files (✗); a unit with a lower-case
    // extension has a warning only (⚠); the other units are clean (✓).
    const dir = mkdtempSync(join(tmpdir(), 'careplan-marks-'));
    try {
      for (const p of samples41()) {
        const name = basename(p);
        copyFileSync(p, join(dir, name.startsWith('UPSIKYU_202504_1370100008_43_1370200006_11') ? name.replace(/\.CSV$/, '.csv') : name));
      }
      copyFileSync(BROKEN, join(dir, basename(BROKEN)));
      const names = readdirSync(dir).sort();
      const command = spawnSync(process.execPath, [CLI, 'validate', ...names, '--profile', 'lenient'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      const commandMarks = new Map<string, string>();
      for (const line of command.stdout.split('\n')) {
        const m = /^([✗⚠✓]) (\S+\.(?:CSV|csv))  \(/.exec(line);
        if (m) commandMarks.set(m[2]!, m[1]!);
      }
      const unitMarks = new Map<string, string>();
      for (const line of command.stdout.split('\n')) {
        const m = /^([✗⚠✓]) 送信単位 ([^\s（]+)（/.exec(line);
        if (m) unitMarks.set(m[2]!, m[1]!);
      }
      expect(commandMarks.size).toBe(names.length);
      expect(commandMarks.get(basename(BROKEN))).toBe('⚠');
      expect([...commandMarks.values()]).toContain('⚠');
      expect(unitMarks.get(BROKEN_UNIT)).toBe('✗');
      expect(unitMarks.get('20250325100000:1370100008_43>1370200006_11')).toBe('⚠');

      const { page, errors, close } = await open();
      try {
        await page.selectOption('#profile', 'lenient');
        await page.setInputFiles('#file-input', names.map((n) => join(dir, n)));
        await validated(page);
        for (const [file, mark] of commandMarks) {
          expect(await page.locator(`li.file[data-file="${file}"] .file-head .mark`).innerText(), file).toBe(mark);
        }
        for (const [unit, mark] of unitMarks) {
          expect(await page.locator(`section.unit[data-unit="${unit}"] h3 .mark`).innerText(), unit).toBe(mark);
        }
        expect(await page.locator(`li.file[data-file="${basename(BROKEN)}"] .mark`).getAttribute('data-mark')).toBe('warning');
        // Unit types in words, not by their internal ids.
        const schedule = await page.locator(`section.unit[data-unit="${BROKEN_UNIT}"] h3`).innerText();
        expect(schedule).toContain('サービス利用票（第6表・第7表・利用者補足情報）');
        expect(schedule).toContain('（1ファイル / files）');
        const headings = (await page.locator('section.unit h3').allInnerTexts()).join('\n');
        expect(headings).not.toMatch(/\((schedule|carePlan|basicInfoDeletion|actualDeletion|preventionPlan),/);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why a UTF-8 file\'s records are not shown under strict, reads them with lenient, and labels a plan as 予定', async () => {
    const plan = join(S41, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
    const { page, errors, close } = await open();
    try {
      await page.setInputFiles('#file-input', [plan, BROKEN]);
      await validated(page);
      await page.click(`button.show-records[data-file="${basename(BROKEN)}"]`);
      const none = page.locator('#records-body p.none');
      await none.waitFor();
      const text = await none.innerText();
      expect(text).toContain('UTF-8');
      expect(text).toContain('緩和にするとUTF-8として読み');
      expect(text).not.toContain('レイアウトが分からない');
      expect(await page.locator('#records-body .records-caption').innerText()).toContain('第6表（サービス利用票）予定（UPPLAN）');
      // The button reads it with the lenient profile: its one record, on line 2 (after the header row).
      await page.click('#records-body button.read-lenient');
      await page.locator('#records-table').waitFor();
      expect(await page.locator('#profile').inputValue()).toBe('lenient');
      expect(await page.locator('#records-table tbody tr').count()).toBe(1);
      expect(await page.locator('#records-table tbody th.rownum').innerText()).toBe('2');
      await validated(page);

      // The caption names the file kind: UPPLAN is the plan (予定), though its layout is shared with UPJSK.
      // Reopened on another file, the view withdraws the last read's file and page (what a script waits for) until
      // the new page is drawn: every change of the two attributes is kept, as the page makes it.
      expect(await page.locator('#records-body').getAttribute('data-page')).toBe('0');
      await page.evaluate(`(() => {
        const box = document.getElementById('records-body');
        window.__recordsMarks = [];
        new MutationObserver(() => window.__recordsMarks.push([box.dataset.file ?? null, box.dataset.page ?? null]))
          .observe(box, { attributes: true, attributeFilter: ['data-file', 'data-page'] });
      })()`);
      await page.click(`button.show-records[data-file="${basename(plan)}"]`);
      await page.locator(`#records-body[data-file="${basename(plan)}"][data-page="0"]`).waitFor();
      const marks = (await page.evaluate('window.__recordsMarks')) as [string | null, string | null][];
      expect(marks[0]).toEqual([null, null]);
      expect(marks.at(-1)).toEqual([basename(plan), '0']);
      const caption = await page.locator('#records-body .records-caption').innerText();
      expect(caption).toContain('第6表（サービス利用票）予定（UPPLAN、CSVバージョン 202407、第4.1版）');
      expect(caption).not.toContain('実績情報');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
