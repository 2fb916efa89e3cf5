// The 'rows' forms (第2表 居宅サービス計画書（2）, 第7表 サービス利用票別表) as a care manager reads them: the figures
// in their columns, the 種類別小計・合計 rows labelled, the 限度管理 boxes, 第2表's level texts printed once per NO
// block, long free text continued over pages and whole, the header on every page, service names from a master.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMS, type FormSpec } from '../spec-tables/forms.js';
import { checkRowsForms } from '../src/forms/shapes/rows-specs.js';
import { createServiceCodeMaster, listLayouts, renderForms, type SendUnitDocument } from '../src/index.js';
import { HAS_CHROMIUM, launch } from './support/browser.js';
import { copy, sampleSendUnits } from './support/send-units.js';

type Loose = Record<string, unknown>;

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The sheets of one form and user, as HTML strings, in order. */
function sheetsOf(html: string, form: string, user: string): string[] {
  const sheets = html.split('<section ').slice(1);
  return sheets.filter((s) => s.includes(`data-form="${form}"`) && s.includes(`data-user="131016-${user}"`));
}

interface Cell {
  readonly text: string;
  readonly html: string;
}

/** The body rows of the rows table of a sheet: each cell's text (its marks removed) and its markup. */
function rowsOf(sheet: string): { attrs: string; cells: Cell[] }[] {
  const table = /<table class="rows"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(sheet)?.[1] ?? '';
  return [...table.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map((m) => ({
    attrs: m[1]!,
    cells: [...m[2]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((c) => ({
      html: `<td${c[1]}>${c[2]}`,
      text: unescape(c[2]!.replace(/<div class="note [^"]*">[^<]*<\/div>/g, '').replace(/<[^>]+>/g, '')),
    })),
  }));
}

/** A panel's rows (its title and header left out), cell texts. */
function panelOf(sheet: string, title: string): string[][] {
  const table = new RegExp(`<table class="panel"[^>]*data-panel="${title}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(sheet)?.[1] ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!.replace(/<[^>]+>/g, ''))));
}

const table7 = FORMS.find((f) => f.id === 'table7')!;
const table2 = FORMS.find((f) => f.id === 'table2')!;
const col7 = (field: string, label?: string) => table7.columns.findIndex((c) => c.field === field && (label === undefined || c.label === label));
const col2 = (field: string) => table2.columns.findIndex((c) => c.field === field);

const samples = sampleSendUnits('4.1').documents;
const schedule = samples.find((d) => d.type === 'schedule' && d.users.some((u) => u.records.UPSIKYU?.length))!;
const carePlan = samples.find((d) => d.type === 'carePlan' && d.users.some((u) => u.records.UP2KYO?.length))!;

function userOf(document: SendUnitDocument, insured: string) {
  return document.users.find((u) => u.insuredNumber === insured)!;
}

describe('第7表 サービス利用票別表 of the samples', () => {
  const result = renderForms(schedule);
  const [sheet, ...more] = sheetsOf(result.html, 'table7', '0000123456');
  const rows = rowsOf(sheet!);

  it('is one page with a row per record, the figures in their columns', () => {
    expect(more).toEqual([]);
    expect(rows).toHaveLength(6);
    const code = col7('serviceCode', 'サービスコード');
    expect(rows.map((r) => r.cells[code]!.text)).toEqual(['111211', '11AAAA', '171001', '171003', '17AAAA', '999999']);
    const total = rows[5]!.cells;
    expect(total[col7('serviceUnitsOrAmount')]!.text).toBe('6,214');
    expect(total[col7('insuranceClaimAmount')]!.text).toBe('62,264');
    expect(total[col7('totalCostCovered')]!.text).toBe('69,183');
    expect(total[col7('userCopayCovered')]!.text).toBe('6,919');
    // The spec's placeholder 事業所番号 of the 合計 row (9999999999) is left blank, as on the paper form.
    expect(total[col7('serviceOfficeNumber')]!.text).toBe('');
    expect(sheet).not.toContain('9999999999');
    // 単位数単価 as the file writes it, two decimals.
    expect(rows[1]!.cells[col7('unitPrice')]!.text).toBe('11.40');
    expect(rows[4]!.cells[col7('unitPrice')]!.text).toBe('10.00');
    expect(rows[0]!.cells[col7('timesOrDays')]!.text).toBe('13');
    expect(rows[0]!.cells[col7('serviceOfficeName')]!.text).toBe('ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 神田');
  });

  it('labels the 種類別小計 and 合計 rows in the サービス内容 column and prints them as sums', () => {
    const name = col7('serviceCode', 'サービス内容／種類');
    expect(rows[1]!.cells[name]!.text).toBe('種類別小計（区分支給対象）\n訪問介護');
    expect(rows[4]!.cells[name]!.text).toBe('種類別小計（区分支給対象）\n福祉用具貸与');
    expect(rows[4]!.cells[col7('serviceUnitsOrAmount')]!.text).toBe('1,183');
    expect(rows[5]!.cells[name]!.text).toBe('合計');
    expect(rows.map((r) => /data-summary="(\w+)"/.exec(r.attrs)?.[1])).toEqual([undefined, 'subtotal', undefined, undefined, 'subtotal', 'total']);
    expect(rows[5]!.attrs).toContain('class="total"');
  });

  it('names a service by its code and type without a master, by the master’s name with one', () => {
    const name = col7('serviceCode', 'サービス内容／種類');
    expect(rows[0]!.cells[name]!.text).toBe('111211（訪問介護）');
    const serviceCodes = createServiceCodeMaster([
      { code: '111211', from: '202404', name: '身体介護２・生活援助１' },
      { code: '171001', from: '202404', to: '202503', name: '期限切れの名称' },
    ]);
    const named = rowsOf(sheetsOf(renderForms(schedule, { serviceCodes }).html, 'table7', '0000123456')[0]!);
    expect(named[0]!.cells[name]!.text).toBe('身体介護２・生活援助１');
    // A master entry that does not hold the month (2025-04) names nothing: the code is printed.
    expect(named[2]!.cells[name]!.text).toBe('171001（福祉用具貸与）');
  });

  it('prints the 区分支給限度 box from the 利用者補足, and the 種類別 and 短期入所 boxes empty when nothing fills them', () => {
    expect(panelOf(sheet!, '区分支給限度管理')).toEqual([['19,705', '令和7年3月1日～令和10年2月29日']]);
    expect(panelOf(sheet!, '種類別支給限度管理')).toEqual([['', '', '', ''], ['合計', '', '', '']]);
    expect(panelOf(sheet!, '要介護認定期間中の短期入所利用日数')).toEqual([['', '', '']]);
    expect(sheet).toContain('区分支給限度基準額（単位）');
  });

  it('repeats the header on every page of a long 第7表 and prints the boxes once, after the last row', () => {
    const document = copy(schedule);
    const records = userOf(document, '0000123456').records.UPSIKYU! as Loose[];
    const detail = records[0]!;
    records.splice(1, 0, ...Array.from({ length: 60 }, () => ({ ...detail })));
    const sheets = sheetsOf(renderForms(document).html, 'table7', '0000123456');
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.map((s) => rowsOf(s).length).reduce((a, b) => a + b, 0)).toBe(records.length);
    for (const s of sheets) expect(s).toContain('<th rowspan="2">サービス内容／種類</th>');
    expect(sheets.map((s) => s.includes('data-panel="区分支給限度管理"'))).toEqual(sheets.map((_, i) => i === sheets.length - 1));
    expect(rowsOf(sheets.at(-1)!).at(-1)!.cells[col7('serviceCode', 'サービス内容／種類')]!.text).toBe('合計');
  });

  it('lists the 種類別支給限度 slots that are filled, with the 合計 of the units over the limit', () => {
    const document = copy(schedule);
    const supplement = userOf(document, '0000123456').records.UPHOSOKU![0] as Loose;
    Object.assign(supplement, {
      limit1ServiceTypeCode: '17', limit1Amount: 1000, limit1TotalUnits: 1183, limit1ExcessUnits: 183,
      limit2ServiceTypeCode: '11', limit2Amount: 6000, limit2TotalUnits: 5031, limit2ExcessUnits: 0,
    });
    const total = userOf(document, '0000123456').records.UPSIKYU!.at(-1) as Loose;
    Object.assign(total, { shortStayDaysToPrevMonth: 12, shortStayPlannedDaysThisMonth: 5, shortStayCumulativeDays: 17 });
    const sheet = sheetsOf(renderForms(document).html, 'table7', '0000123456')[0]!;
    expect(panelOf(sheet, '種類別支給限度管理')).toEqual([
      ['17 福祉用具貸与', '1,000', '1,183', '183'],
      ['11 訪問介護', '6,000', '5,031', '0'],
      ['合計', '', '', '183'],
    ]);
    expect(panelOf(sheet, '要介護認定期間中の短期入所利用日数')).toEqual([['12', '5', '17']]);

    // A slot with figures but no サービス種類 is printed too: the figures are not dropped for a missing code.
    Object.assign(supplement, { limit3Amount: 2000, limit3TotalUnits: 2100, limit3ExcessUnits: 100 });
    const again = sheetsOf(renderForms(document).html, 'table7', '0000123456')[0]!;
    expect(panelOf(again, '種類別支給限度管理').slice(2)).toEqual([['', '2,000', '2,100', '100'], ['合計', '', '', '283']]);
  });

  it('describes the 種類別 slots as a repeating group, checked against every served layout when the library loads', () => {
    const slots = table7.panels.find((p) => 'repeat' in p)!;
    expect(slots.columns.map((c) => c.field)).toEqual(['limit{n}ServiceTypeCode', 'limit{n}Amount', 'limit{n}TotalUnits', 'limit{n}ExcessUnits']);
    expect(() => checkRowsForms(FORMS, listLayouts())).not.toThrow();
    const bad = (change: (f: FormSpec) => FormSpec) => () => checkRowsForms([change(table7 as FormSpec)], listLayouts());
    expect(bad((f) => ({ ...f, panels: [{ ...f.panels![1]!, repeat: { count: 10, until: 'limit{n}ServiceTypeCode' } }] }))).toThrow(/limit10ServiceTypeCode/);
    expect(bad((f) => ({ ...f, panels: [{ ...f.panels![1]!, columns: [{ label: 'x', field: 'limit1Amount' }] }] }))).toThrow(/\{n\}/);
    expect(bad((f) => ({ ...f, columns: f.columns!.map((c) => (c.field === 'serviceOfficeName' ? { ...c, show: 'serviceName' as const } : c)) }))).toThrow(/serviceName/);
    expect(bad((f) => ({ ...f, columns: [...f.columns!, { label: '幅広', field: 'units', width: 40 }] }))).toThrow(/wider/);
  });
});

describe('第2表 居宅サービス計画書（2）', () => {
  it('prints the sample plan: a row per record, ※1 as its label, the footnote of ※1 and ※2', () => {
    const html = renderForms(carePlan).html;
    const [sheet, ...more] = sheetsOf(html, 'table2', '0000123456');
    expect(more).toEqual([]);
    const rows = rowsOf(sheet!);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.cells[col2('serviceContent')]!.text)).toEqual(['入浴介助（洗身・洗髪）、更衣介助', '車いすの貸与', '特殊寝台の貸与（起き上がり・立ち上がりの補助）', '通院の付き添い']);
    expect(rows[0]!.cells[col2('insuranceCoverage')]!.text).toBe('対象');
    expect(rows[3]!.cells[col2('insuranceCoverage')]!.text).toBe('対象外');
    expect(sheet).toContain('※1「保険給付の対象となるかどうかの区分」について、保険給付対象内サービスについては○印を付す。');
    expect(sheet).toContain('※2「当該サービス提供を行う事業所」について記入する。');
  });

  it('prints a 課題 and a 長期目標 once per NO block even when the file repeats them; a new NO or a different text is printed', () => {
    const document = copy(carePlan);
    const records = userOf(document, '0000123456').records.UP2KYO! as Loose[];
    // The 構成 example: rows 2-4 share 課題ＮＯ 2 and 援助目標ＮＯ 1; a file may repeat their texts on every row.
    for (const r of records.slice(2)) Object.assign(r, { issue: records[1]!['issue'], longTermGoal: records[1]!['longTermGoal'], longTermGoalPeriod: records[1]!['longTermGoalPeriod'], shortTermGoal: records[1]!['shortTermGoal'] });
    // The last row, under the same NO, has a short-term goal of its own: printed.
    records[3]!['shortTermGoal'] = '短期２：通院先まで付き添いで移動できる';
    const rows = rowsOf(sheetsOf(renderForms(document).html, 'table2', '0000123456')[0]!);
    const issue = col2('issue');
    expect(rows.map((r) => r.cells[issue]!.text)).toEqual(['入浴時に転倒の不安があり、一人では入浴できない', '屋内外の移動が不安定で、外出の機会が減っている', '', '']);
    expect(rows.map((r) => r.cells[col2('longTermGoal')]!.text)).toEqual(['安全に入浴を続けられる', '"自分の足で"近所の公園まで散歩できる', '', '']);
    expect(rows.map((r) => r.cells[col2('shortTermGoal')]!.text)).toEqual(['介助を受けて週3回入浴できる', '車いすを使って月2回は外出できる', '', '短期２：通院先まで付き添いで移動できる']);
    // The blank cells join the block above (no rule between); the printed ones do not.
    expect(rows[2]!.cells[issue]!.html).toContain('border-top-style:hidden');
    expect(rows[1]!.cells[issue]!.html).not.toContain('border-top-style:hidden');
    expect(rows[3]!.cells[col2('shortTermGoal')]!.html).not.toContain('border-top-style:hidden');
  });

  it('does not blank a level text whose NO changes, and prints a different text under the same NO', () => {
    const document = copy(carePlan);
    const records = userOf(document, '0000123456').records.UP2KYO! as Loose[];
    Object.assign(records[2]!, { issueNo: 3, issue: records[1]!['issue'] });
    Object.assign(records[3]!, { issueNo: 3, issue: '別の課題：夜間の排泄' });
    const rows = rowsOf(sheetsOf(renderForms(document).html, 'table2', '0000123456')[0]!);
    expect(rows.map((r) => r.cells[col2('issue')]!.text)).toEqual([records[0]!['issue'], records[1]!['issue'], records[1]!['issue'], '別の課題：夜間の排泄']);
  });

  it('continues a long free text over pages, marked （続き）, with the header on every page, and loses nothing', () => {
    const document = copy(carePlan);
    const records = userOf(document, '0000123456').records.UP2KYO! as Loose[];
    const line = '髙橋様は﨑の字を含む「ｶﾀｶﾅ」混じりの記録、"引用" と, カンマを含む。';
    const long = Array.from({ length: 160 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    records[1]!['serviceContent'] = long;
    const result = renderForms(document);
    const sheets = sheetsOf(result.html, 'table2', '0000123456');
    expect(sheets.length).toBeGreaterThan(2);
    expect(result.pages.filter((p) => p.form === 'table2' && p.insuredNumber === '0000123456').map((p) => `${p.page}/${p.pages}`)).toEqual(sheets.map((_, i) => `${i + 1}/${sheets.length}`));
    for (const s of sheets) {
      expect(s).toContain('生活全般の解決すべき課題（ニーズ）');
      expect(s).toContain('※1「保険給付の対象となるかどうかの区分」');
    }
    // The long row is the second of the first page; each later piece opens its page as a row continued.
    const pieces = [rowsOf(sheets[0]!)[1]!.cells[col2('serviceContent')]!.text];
    for (const s of sheets.slice(1)) {
      const first = rowsOf(s)[0]!;
      if (!first.attrs.includes('continued')) break;
      expect(first.cells[0]!.html).toContain('（続き）');
      pieces.push(first.cells[col2('serviceContent')]!.text);
    }
    expect(pieces.length).toBeGreaterThanOrEqual(sheets.length - 1);
    // Cut at a line break, the break is the cut: the pieces joined are the text, line breaks aside.
    expect(pieces.join('').replace(/\n/g, '') === long.replace(/\n/g, '')).toBe(true);
    expect(long.startsWith(pieces[0]!)).toBe(true);
    // The rows after the long one follow on the last page.
    expect(rowsOf(sheets.at(-1)!).at(-1)!.cells[col2('serviceContent')]!.text).toBe('通院の付き添い');
  });

  it('says a level’s block goes on when a page break falls inside it (its first row is on the page before)', () => {
    let seen = 0;
    for (let k = 28; k <= 44; k++) {
      const document = copy(carePlan);
      const records = userOf(document, '0000123456').records.UP2KYO! as Loose[];
      records[1]!['serviceContent'] = Array.from({ length: k }, (_, i) => `手順${i + 1}`).join('\n');
      const sheets = sheetsOf(renderForms(document).html, 'table2', '0000123456');
      if (sheets.length < 2) continue;
      const first = rowsOf(sheets[1]!)[0]!;
      if (first.attrs.includes('continued') || first.cells[col2('serviceContent')]!.text.startsWith('手順')) continue;
      // Row 3 or 4 of 課題ＮＯ 2 opens the page: its 課題 stays blank (printed on the page before) and says so.
      expect(['特殊寝台の貸与（起き上がり・立ち上がりの補助）', '通院の付き添い']).toContain(first.cells[col2('serviceContent')]!.text);
      expect(first.cells[col2('issue')]!.text).toBe('');
      expect(first.cells[col2('issue')]!.html).toContain('（前頁より）');
      expect(first.cells[col2('issue')]!.html).not.toContain('border-top-style:hidden');
      seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('never throws on arbitrary free text, and prints every character of it', () => {
    const fields = ['issue', 'longTermGoal', 'shortTermGoal', 'serviceContent', 'serviceKind', 'serviceOfficeName', 'frequency', 'servicePeriod'];
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom('髙', '﨑', 'ｶﾀｶﾅ', '"', ',', '\n', '\r\n', '<', '&', 'あ', 'A'), { maxLength: 400 }).map((p) => p.join('')));
    fc.assert(
      fc.property(fc.constantFrom(...fields), text, fc.integer({ min: 0, max: 3 }), (field, value, row) => {
        const document = copy(carePlan);
        (userOf(document, '0000123456').records.UP2KYO![row] as Loose)[field] = value;
        const html = renderForms(document).html;
        for (const ch of value.replace(/\r\n?/g, '\n')) {
          if (ch === '\n') continue;
          expect(html).toContain(ch.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('edition 3.2 samples', () => {
  const documents = sampleSendUnits('3.2').documents;
  it('render their 第2表 and 第7表 with the 合計 row', () => {
    const html = documents.map((d) => renderForms(d).html).join('');
    const annex = sheetsOf(html, 'table7', '0000123456');
    expect(annex.length).toBeGreaterThan(0);
    const rows = rowsOf(annex[0]!);
    expect(rows.at(-1)!.cells[col7('serviceCode', 'サービス内容／種類')]!.text).toBe('合計');
    expect(rows.at(-1)!.cells[col7('serviceUnitsOrAmount')]!.text).toMatch(/^[\d,]+$/);
    expect(sheetsOf(html, 'table2', '0000123456').length).toBeGreaterThan(0);
  });
});

describe.runIf(HAS_CHROMIUM)('in Chromium', () => {
  it('fits every 第2表 and 第7表 sheet on its A4 page (no overflow), long text included', async () => {
    const long = copy(carePlan);
    (userOf(long, '0000123456').records.UP2KYO![1] as Loose)['serviceContent'] = Array.from({ length: 120 }, (_, i) => `${i}行目：髙﨑ｶﾀｶﾅ、"引用", カンマ`).join('\n');
    (userOf(long, '0000123456').records.UP2KYO![2] as Loose)['issue'] = '長い課題'.repeat(400);
    const documents = [...samples, ...sampleSendUnits('3.2').documents, long];
    const browser = await launch();
    try {
      const page = await browser.newPage();
      for (const document of documents) {
        await page.setContent(renderForms(document).html);
        const overflow = await page.$$eval('section.sheet[data-form="table2"], section.sheet[data-form="table7"]', (sheets) =>
          sheets.filter((s) => s.scrollWidth > s.clientWidth || s.scrollHeight > s.clientHeight).map((s) => `${s.getAttribute('data-form')} ${s.getAttribute('data-page')}`),
        );
        expect(overflow).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});
