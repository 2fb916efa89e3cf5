// The validator page with a service-code master: a master CSV picked with the files is told by its header row
// (docs/service-codes.md), listed with its own problems, and the other files are checked against it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, suiteBrowser, validated } from './support/browser.js';
import { annex, file, fileName, total, visit } from './support/builders.js';
import { sjis } from './support/encodings.js';

describe.skipIf(!HAS_CHROMIUM)('web page: a service-code master among the files', () => {
  const browser = suiteBrowser();
  let dir: string;
  let paths: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'careplan-web-master-'));
    const files = [
      file('UPPLAN', [visit({ serviceCode: '111111' })], fileName('UPPLAN', '202504')),
      file('UPSIKYU', [annex({ serviceCode: '111111', timesOrDays: '1', serviceUnitsOrAmount: '244' }), total({ serviceUnitsOrAmount: '244' })], fileName('UPSIKYU', '202504')),
      // The master, MS932, in the vendor layout, with one bad row.
      { name: 'サービスコード表.csv', bytes: sjis('種類,項目,開始年月,終了年月,名称,単位数\r\n11,1211,202404,999999,身体介護１,244\r\n11,1111,201910,202403,身体介護１（旧）,244\r\n11,1-11,202404,,壊れた行,1\r\n') },
    ];
    paths = files.map((f) => {
      writeFileSync(join(dir, f.name), f.bytes);
      return join(dir, f.name);
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the codes against it and lists its problems', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.setInputFiles('#file-input', paths);
      await validated(page);
      const text = await page.locator('#results').innerText();
      expect(text).toContain('サービスコード 111111 は 2025年04月 に使えません（適用期間 2019年10月〜2024年03月）');
      expect(text).toContain('MASTER_BAD_VALUE');
      expect(text).toContain('サービスコード表.csv');
      // Named as what it is: a master with the entries it gave, not a file of unknown kind.
      expect(text).toContain('サービスコード表（2件） / service-code master (2 entries)');
      expect(text).not.toContain('種類不明');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
