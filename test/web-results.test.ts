// The results view of the validator page as a clerk reads it (issue 17, points 4 and 6): failing send units and
// files first, a summary that says in words whether the files can be sent and links to each failing unit, an
// 「エラーのみ表示」 filter, units named by who sends to whom and when, kinds named as 第7表（UPSIKYU）, the
// layout's edition (第4.1版), the profile in plain words, and ✓/⚠/✗ marks that are images with words.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, type InputFile, type ValidationReport } from '../src/core.js';
import { supplement } from './support/annex.js';
import { axeViolations, describeViolations } from './support/axe.js';
import { HAS_CHROMIUM, launch, openPage, validated } from './support/browser.js';
import { annex, CM, file, fileName, HELPER, total, visit } from './support/builders.js';
import { ROOT } from './support/paths.js';

const BROKEN = join(ROOT, 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV');

/** Eight 身体介護 visits in April, and the 第7表 that sums them up (its amount given, to make it disagree). */
const visits = Array.from({ length: 8 }, (_, i) => visit({ serviceDate: `202504${String(i * 3 + 1).padStart(2, '0')}` }));
const annexRows = (amount = '1952') => [
  annex({ timesOrDays: '8', serviceUnitsOrAmount: amount, benefitManagementUnits: '1952' }),
  total({ serviceUnitsOrAmount: amount, benefitManagementUnits: '1952', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '1952' }),
];
function scheduleUnit(ts: string, amount?: string): InputFile[] {
  return [
    file('UPPLAN', visits, fileName('UPPLAN', '202504', CM, HELPER, 4, ts)),
    file('UPSIKYU', annexRows(amount), fileName('UPSIKYU', '202504', CM, HELPER, 4, ts)),
    file('UPHOSOKU', [supplement()], fileName('UPHOSOKU', '202504', CM, HELPER, 4, ts)),
  ];
}

/**
 * Four units in the library's order (by key): 08:00 clean; 10:00 whose 第7表 amount disagrees on line 1 (a unit
 * issue with a line, error); 11:00 with a warning only (利用者補足 named `.csv`); 13:00 the broken UTF-8 第6表 alone, named with a lower-case `.csv`
 * (the file: an error and a warning; its unit lacks 第7表 and 利用者補足).
 */
const FILES: InputFile[] = [
  ...scheduleUnit('20250325080000'),
  ...scheduleUnit('20250325100000', '1925'),
  // A warning only: a lower-case extension.
  ...scheduleUnit('20250325110000').map((f) => (f.name.startsWith('UPHOSOKU') ? { ...f, name: f.name.replace(/\.CSV$/, '.csv') } : f)),
  { name: basename(BROKEN).replace(/\.CSV$/, '.csv'), bytes: readFileSync(BROKEN) },
];
const AMOUNT_UNIT = '20250325100000:1370100008_43>1370200006_11';
const BROKEN_UNIT = '20250325130000:1370100008_43>1370200006_11';

describe.skipIf(!HAS_CHROMIUM)('web page: results a clerk can read', () => {
  let browser: Browser;
  let dir: string;
  let expected: ValidationReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careplan-results-'));
    for (const f of FILES) writeFileSync(join(dir, f.name), f.bytes);
    expected = validateFiles([...FILES].sort((a, b) => (a.name < b.name ? -1 : 1)));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function opened(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const o = await openPage(browser);
    await o.page.setInputFiles('#file-input', FILES.map((f) => join(dir, f.name)));
    await validated(o.page);
    return o;
  }

  it('puts failing units first (library order within each group), and failing files first within a unit', async () => {
    // The data is as described: the library lists the units by key, two of them failing.
    expect(expected.units.map((u) => u.key)).toEqual([
      '20250325080000:1370100008_43>1370200006_11',
      AMOUNT_UNIT,
      '20250325110000:1370100008_43>1370200006_11',
      BROKEN_UNIT,
    ]);
    const { page, errors, close } = await opened();
    try {
      const units = await page.locator('section.unit[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
      expect(units).toEqual([AMOUNT_UNIT, BROKEN_UNIT, '20250325110000:1370100008_43>1370200006_11', '20250325080000:1370100008_43>1370200006_11']);
      const marks = await page.locator('section.unit[data-unit] h3 .mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
      expect(marks).toEqual(['error', 'error', 'warning', 'ok']);
      // Within the warning unit: the file with the warning before the clean ones.
      const files = await page.locator('section.unit[data-unit^="20250325110000"] li.file').evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
      expect(files[0]).toMatch(/^UPHOSOKU_.*\.csv$/);
      expect(files).toHaveLength(3);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says in words that the files cannot be sent as they are, and links to each failing unit; a link moves the focus there', async () => {
    const { page, close } = await opened();
    try {
      const summary = await page.locator('#summary').innerText();
      expect(summary).toContain('エラーがあります：直してから送信してください');
      expect(summary).toContain('（プロファイル：厳格）');
      const links = page.locator('nav.overview .failing-links a');
      expect(await links.count()).toBe(2);
      const first = await links.first().innerText();
      expect(first).toContain('送信元 1370100008（居宅介護支援 43） → 送信先 1370200006（訪問介護 11）・作成 2025年3月25日 10:00:00');
      const c = expected.units.find((u) => u.key === BROKEN_UNIT)!;
      const brokenErrors = [...c.issues, ...expected.files.filter((f) => c.files.includes(f.file)).flatMap((f) => f.issues)].filter((i) => i.severity === 'error').length;
      expect(await page.locator(`nav.overview li[data-link-unit="${BROKEN_UNIT}"]`).innerText()).toContain(`エラー ${brokenErrors}件`);

      await page.locator(`nav.overview li[data-link-unit="${BROKEN_UNIT}"] a`).click();
      expect(await page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-unit')`)).toBe(BROKEN_UNIT);
      expect(await page.locator(`section.unit[data-unit="${BROKEN_UNIT}"]`).isVisible()).toBe(true);
      // From the keyboard too.
      await page.locator(`nav.overview li[data-link-unit="${AMOUNT_UNIT}"] a`).focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-unit')`)).toBe(AMOUNT_UNIT);
    } finally {
      await close();
    }
  });

  it('「エラーのみ表示」 hides units and files without errors and the rows that are not errors, and says how many', async () => {
    const { page, close } = await opened();
    try {
      const cleanUnits = expected.units.filter((u) => ![...u.issues, ...expected.files.filter((f) => u.files.includes(f.file)).flatMap((f) => f.issues)].some((i) => i.severity === 'error'));
      const cleanFiles = expected.files.filter((f) => !f.issues.some((i) => i.severity === 'error'));
      const nonErrors = [...expected.units.flatMap((u) => u.issues), ...expected.files.flatMap((f) => f.issues)].filter((i) => i.severity !== 'error');
      expect(cleanUnits).toHaveLength(2);
      expect(nonErrors.length).toBeGreaterThan(0);

      await page.check('#errors-only');
      const status = page.locator('#filter-status');
      expect(await status.innerText()).toContain(`エラーのない送信単位 ${cleanUnits.length}件・ファイル ${cleanFiles.length}件と、エラー以外の問題 ${nonErrors.length}件を隠しています。`);
      expect(await status.getAttribute('data-hidden-units')).toBe(String(cleanUnits.length));
      for (const u of cleanUnits) expect(await page.locator(`section.unit[data-unit="${u.key}"]`).isHidden()).toBe(true);
      for (const f of cleanFiles) expect(await page.locator(`li.file[data-file="${f.file}"]`).isHidden()).toBe(true);
      // The broken file stays (it has an error); its warning row (the lower-case extension) is hidden.
      const broken = page.locator(`li.file[data-file="${FILES.at(-1)!.name}"]`);
      expect(await broken.isVisible()).toBe(true);
      expect(await broken.locator('tr[data-code="CSV_NOT_MS932"]').isVisible()).toBe(true);
      expect(await broken.locator('tr.sev-warning').count()).toBeGreaterThan(0);
      expect(await broken.locator('tr.sev-warning').first().isHidden()).toBe(true);
      const visibleRows = await page.locator('tr[data-code]:visible').evaluateAll((rows) => rows.map((r) => r.className));
      expect(visibleRows.length).toBeGreaterThan(0);
      expect(visibleRows.every((c) => c === 'sev-error')).toBe(true);

      await page.uncheck('#errors-only');
      expect(await page.locator('section.unit[data-unit]:visible').count()).toBe(expected.units.length);
      expect(await page.locator('tr[data-code]:visible').count()).toBe(expected.issues.length);
      expect(await status.innerText()).toBe('');
    } finally {
      await close();
    }
  });

  it('names units by sender → receiver and date-time (key in small print), kinds as 第7表（UPSIKYU）, and the edition as 第4.1版', async () => {
    const { page, close } = await opened();
    try {
      const heading = page.locator(`section.unit[data-unit="${BROKEN_UNIT}"] h3`);
      const text = await heading.innerText();
      expect(text).toContain('送信元 1370100008（居宅介護支援 43） → 送信先 1370200006（訪問介護 11）・作成 2025年3月25日 13:00:00');
      expect(await heading.locator('.unit-key').innerText()).toBe(BROKEN_UNIT);

      const missing = page.locator(`section.unit[data-unit="${BROKEN_UNIT}"] [data-unit-issues] tr[data-code="UNIT_MISSING_FILE"] .msg-ja`);
      expect(await missing.allInnerTexts()).toEqual([
        'サービス利用票（第6表・第7表・利用者補足情報）の送信単位に 第7表（UPSIKYU） がありません。',
        'サービス利用票（第6表・第7表・利用者補足情報）の送信単位に 利用者補足情報（UPHOSOKU） がありません。',
      ]);

      const annexName = fileName('UPSIKYU', '202504', CM, HELPER, 4, '20250325080000');
      const facts = await page.locator(`li.file[data-file="${annexName}"] .facts`).innerText();
      expect(facts).toContain('第7表（UPSIKYU）');
      expect(facts).toContain('CSVバージョン 202407');
      expect(facts).toContain('第4.1版');
      expect(facts).not.toMatch(/第4版/);
      expect(await page.locator(`li.file[data-file="${annexName}"] .facts`).getAttribute('title')).toBe('第7表（サービス利用票別表）');
    } finally {
      await close();
    }
  });

  it('a send unit issue on a line names the file that line is in', async () => {
    const issue = expected.units.find((u) => u.key === AMOUNT_UNIT)!.issues.find((i) => i.line !== undefined)!;
    expect(issue).toMatchObject({ code: 'UNIT_ANNEX_AMOUNT', line: 1 });
    const { page, close } = await opened();
    try {
      const where = await page.locator(`section.unit[data-unit="${AMOUNT_UNIT}"] [data-unit-issues] tr[data-code="UNIT_ANNEX_AMOUNT"] td.where`).innerText();
      expect(where).toContain(issue.file!);
      expect(where).toContain('1行目');
      expect(issue.file).toMatch(/^UPSIKYU_/);
    } finally {
      await close();
    }
  });

  it('explains the profiles in plain Japanese (厳格 / 緩和) and says which one a result was made with', async () => {
    const { page, close } = await opened();
    try {
      const options = await page.locator('#profile option').evaluateAll((els) => els.map((e) => [e.getAttribute('value'), e.textContent]));
      expect(options).toEqual([
        ['strict', '厳格（既定）：仕様どおりに検査'],
        ['lenient', '緩和：UTF-8・BOM・見出し行は警告'],
      ]);
      expect(await page.locator('#profile').getAttribute('aria-describedby')).toBe('profile-help');
      expect(await page.locator('#profile-help').innerText()).toContain('送信前の確認');
      await page.selectOption('#profile', 'lenient');
      await page.locator('#summary-counts[data-profile="lenient"]').waitFor({ timeout: 120_000 });
      await validated(page);
      expect(await page.locator('#summary-counts').innerText()).toContain('（プロファイル：緩和）');
    } finally {
      await close();
    }
  });

  it('marks ✓ ⚠ ✗ as images with words in Japanese and English, next to the counts in text', async () => {
    const { page, close } = await opened();
    try {
      const marks = await page.locator('.mark').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('role'), e.getAttribute('aria-label')]));
      expect(new Set(marks.map((m) => m[0]))).toEqual(new Set(['✗', '⚠', '✓']));
      const labels: Record<string, string> = { '✗': 'エラーあり / errors', '⚠': '警告のみ / warnings only', '✓': 'エラー・警告なし / no errors or warnings' };
      for (const [symbol, role, label] of marks) {
        expect(role).toBe('img');
        expect(label).toBe(labels[symbol!]);
      }
      // The counts stay in words beside each mark.
      expect(await page.locator(`li.file[data-file="${FILES.at(-1)!.name}"] .file-head .counts`).innerText()).toMatch(/エラー \d+件・警告 \d+件/);
      // The results, with and without the filter, pass axe-core.
      const before = await axeViolations(page);
      expect(before, describeViolations(before)).toEqual([]);
      await page.check('#errors-only');
      const filtered = await axeViolations(page);
      expect(filtered, describeViolations(filtered)).toEqual([]);
    } finally {
      await close();
    }
  });
});
