// The 第6表 サービス利用票 (the 'days' shape): each service a pair of rows, 予定 and beneath it 実績, with the
// サービス回数 in the day columns of the 対象年月 and the 合計回数 — read back from the HTML a care manager prints.
// The samples' 訪問介護 of 0000123456 (髙橋 﨑子) is planned 13 times in April 2025 at 10:00–10:45; the provider's
// 実績 has 11 of them, one visit moved to 10:05–10:50 (its own row, no 予定) and one missing.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createServiceCodeMaster, renderForms, renderSendUnitForms, type SendUnitDocument } from '../src/index.js';
import { HAS_CHROMIUM, suiteBrowser } from './support/browser.js';
import { copy, sampleSendUnits } from './support/send-units.js';

const ed41 = sampleSendUnits('4.1').documents;
const ed32 = sampleSendUnits('3.2').documents;
const unitOf = (docs: SendUnitDocument[], type: string, to?: string): SendUnitDocument =>
  docs.find((d) => d.type === type && (to === undefined || d.key.includes(`>${to}`)))!;
const schedule = unitOf(ed41, 'schedule', '1370200006');
const actual = unitOf(ed41, 'actual');

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

interface Sheet {
  form: string;
  user: string;
  page: string;
  html: string;
}
function sheetsOf(html: string, form = 'table6'): Sheet[] {
  const out: Sheet[] = [];
  for (const m of html.matchAll(/<section class="sheet [^"]*" data-form="([^"]*)" data-user="([^"]*)" data-page="([^"]*)">([\s\S]*?)<\/section>/g)) {
    if (m[1] === form) out.push({ form: m[1]!, user: m[2]!, page: m[3]!, html: m[4]! });
  }
  return out;
}

interface Side {
  days: Map<number, string>;
  total: string;
  label: string;
}
interface Pair {
  key: string;
  continued: boolean;
  plan: Side;
  actual: Side;
  content: string;
  office: string;
  time: string;
}
const cellText = (html: string): string => unescape(html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '\n').replace(/\n+/g, '\n').trim());
function sideOf(tr: string): Side {
  const days = new Map<number, string>();
  for (const m of tr.matchAll(/<td class="day[^"]*" data-day="(\d+)">([^<]*)<\/td>/g)) days.set(Number(m[1]), m[2]!);
  return { days, total: /data-total="\w+">([^<]*)</.exec(tr)?.[1] ?? '', label: /<td class="kind">([^<]*)</.exec(tr)?.[1] ?? '' };
}
function pairsOf(sheetHtml: string): Pair[] {
  const out: Pair[] = [];
  for (const m of sheetHtml.matchAll(/<tbody class="pair( continued)?" data-key="([^"]*)">([\s\S]*?)<\/tbody>/g)) {
    const [plan, actualRow] = [...m[3]!.matchAll(/<tr [^>]*>([\s\S]*?)<\/tr>/g)].map((t) => t[1]!);
    const cell = (cls: string) => cellText(new RegExp(`<td class="${cls}" rowspan="2">([\\s\\S]*?)</td>`).exec(plan!)?.[1] ?? '');
    out.push({ key: unescape(m[2]!), continued: m[1] !== undefined, plan: sideOf(plan!), actual: sideOf(actualRow!), content: cell('content'), office: cell('office'), time: cell('time') });
  }
  return out;
}
const marked = (side: Side): number[] => [...side.days].filter(([, t]) => t !== '').map(([d]) => d);
const userPairs = (html: string, insured: string): Pair[] => sheetsOf(html).filter((s) => s.user.endsWith(insured)).flatMap((s) => pairsOf(s.html));

describe('第6表 on the bundled samples (予定 + 実績)', () => {
  const result = renderForms(schedule, { actual });
  const takahashi = userPairs(result.html, '0000123456');

  test('the 訪問介護 at 10:00–10:45: 予定 on its 13 days, 実績 on the 11 the provider reported', () => {
    const visit = takahashi.find((p) => p.key.startsWith('10:00|10:45|111211|1370200006'))!;
    expect(visit.time).toBe('10:00～\n10:45');
    expect(marked(visit.plan)).toEqual([2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25, 28, 30]);
    expect(visit.plan.days.get(2)).toBe('1');
    expect(visit.plan.total).toBe('13');
    expect(marked(visit.actual)).toEqual([2, 4, 7, 11, 14, 18, 21, 23, 25, 28, 30]);
    expect(visit.actual.total).toBe('11');
    expect([visit.plan.label, visit.actual.label]).toEqual(['予定', '実績']);
    expect(visit.office).toContain('ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 神田');
    expect(visit.office).toContain('1370200006');
  });

  test('a 実績 at another time is its own pair with an empty 予定 row, right after the planned one', () => {
    const keys = takahashi.map((p) => p.key.split('|').slice(0, 3).join('|'));
    expect(keys.slice(0, 2)).toEqual(['10:00|10:45|111211', '10:05|10:50|111211']);
    const moved = takahashi[1]!;
    expect(marked(moved.plan)).toEqual([]);
    expect(moved.plan.total).toBe('');
    expect(marked(moved.actual)).toEqual([9]);
    expect(moved.actual.total).toBe('1');
  });

  test('福祉用具 rows (no 提供時間帯) follow the timed ones, with 用具名称 and TAIS code; their 実績 rows are printed empty', () => {
    const chair = takahashi.find((p) => p.key.includes('|171001|'))!;
    expect(takahashi.indexOf(chair)).toBeGreaterThan(1);
    expect(chair.time).toBe('');
    expect(chair.content).toContain('171001（福祉用具貸与）');
    expect(chair.content).toContain('車いす（自走式）ｻﾝﾌﾟﾙﾁｪｱ SC-22');
    expect(chair.content).toContain('TAIS 00170-000123');
    expect(chair.plan.total).toBe('1');
    expect(chair.actual.label).toBe('実績');
    expect(marked(chair.actual)).toEqual([]);
  });

  test('the 福祉用具 of H123456789 with one code but two 明細判別コード are two rows; visits at two times are two rows', () => {
    const h = userPairs(result.html, 'H123456789');
    const rails = h.filter((p) => p.key.includes('|171007|'));
    expect(rails.map((p) => p.content.includes('明細1') || p.content.includes('明細2'))).toEqual([true, true]);
    expect(rails.map((p) => p.content.split('\n')[1])).toEqual(['据置型手すり ｻﾝﾌﾟﾙｱｰﾑ（居室）', '据置型手すり ｻﾝﾌﾟﾙｱｰﾑ（廊下）']);
    const morning = h.find((p) => p.key.startsWith('09:00|09:25|111111'))!;
    const afternoon = h.find((p) => p.key.startsWith('14:00|14:45|111211'))!;
    expect(h.indexOf(morning)).toBeLessThan(h.indexOf(afternoon));
    expect(marked(morning.plan)).toEqual([1, 3, 8, 10, 15, 17, 22, 24, 29]);
    expect([morning.plan.total, morning.actual.total, afternoon.plan.total, afternoon.actual.total]).toEqual(['9', '9', '4', '4']);
  });

  test('曜日 from the 対象年月 (2025-04-01 is a Tuesday) and day 31 of April greyed and empty', () => {
    const sheet = sheetsOf(result.html)[0]!.html;
    const weekday = (d: number) => new RegExp(`data-weekday="${d}">([^<]*)<`).exec(sheet)?.[1];
    expect([1, 2, 5, 6, 30].map(weekday)).toEqual(['火', '水', '土', '日', '水']);
    expect(weekday(31)).toBe('');
    expect(sheet).toMatch(/<thead>[\s\S]*<td class="day off" data-day="31"><\/td>[\s\S]*<\/thead>/);
    for (const pair of takahashi) expect([pair.plan.days.get(31), pair.actual.days.get(31)]).toEqual(['', '']);
    expect(sheet).toMatch(/<td class="day off" data-day="31"><\/td>/);
    expect(sheet).not.toMatch(/<td class="day off" data-day="30">/);
  });

  test('the header cells: 対象年月, numbers, 居宅介護支援事業者 (its number: UPPLAN holds no name), 担当者名', () => {
    const sheet = sheetsOf(result.html)[0]!.html;
    for (const text of ['令和7年4月', '131016', '0000123456', '髙橋 﨑子', '居宅介護支援事業者（事業所番号）', '1370100008', '担当者名', '髙田 﨑子', '19,705']) expect(sheet).toContain(text);
  });

  test('a change of 要介護状態区分 in the month: the level before and the 変更日 in the header', () => {
    const changed = copy(schedule);
    Object.assign(changed.users[0]!.records.UPHOSOKU![0]!, { previousCareLevel: '21', careLevelChangeDate: '2025-04-15' });
    const sheet = sheetsOf(renderForms(changed).html)[0]!.html;
    expect(sheet).toMatch(/<dt>前回要介護状態区分・変更日<\/dt><dd>要介護１ 令和7年4月15日<\/dd>/);
  });

  test('renderSendUnitForms pairs the 実績 unit with the schedule unit: the same rows, no 実績 printed twice', () => {
    const both = renderSendUnitForms([schedule, actual]);
    expect(both.pages.filter((p) => p.form === 'table6').map((p) => p.insuredNumber)).toEqual(['0000123456', 'H123456789']);
    expect(userPairs(both.html, '0000123456')).toEqual(takahashi);
    expect(both.issues.map((i) => i.code)).not.toContain('FORMS_ACTUAL_WITHOUT_PLAN');
  });

  test('without 実績 every 実績 row is still there, empty, to be written in on paper', () => {
    const pairs = userPairs(renderForms(schedule).html, '0000123456');
    expect(pairs.length).toBe(3);
    for (const p of pairs) {
      expect(p.actual.label).toBe('実績');
      expect(marked(p.actual)).toEqual([]);
    }
  });
});

describe('第6表 of 実績 alone', () => {
  test('a 実績 unit printed on its own: 実績 rows filled, 予定 rows empty', () => {
    const result = renderForms(actual);
    const pairs = userPairs(result.html, '0000123456');
    expect(pairs.map((p) => p.key.split('|').slice(0, 3).join('|'))).toEqual(['10:00|10:45|111211', '10:05|10:50|111211']);
    expect(pairs.map((p) => p.actual.total)).toEqual(['11', '1']);
    for (const p of pairs) expect([marked(p.plan), p.plan.total, p.plan.label]).toEqual([[], '', '予定']);
  });

  test('FORMS_ACTUAL_WITHOUT_PLAN: printed together, a 実績 with no 予定 in the run gets a 第6表 of 実績 rows, and is said', () => {
    const onlyFirst = { ...copy(schedule), users: copy(schedule).users.filter((u) => u.insuredNumber === '0000123456') } as SendUnitDocument;
    const result = renderSendUnitForms([onlyFirst, actual]);
    const said = result.issues.filter((i) => i.code === 'FORMS_ACTUAL_WITHOUT_PLAN');
    expect(said.map((i) => i.params)).toEqual([{ insurer: '131016', insured: 'H123456789', month: '2025-04' }]);
    const h = userPairs(result.html, 'H123456789');
    expect(h.map((p) => p.actual.total)).toEqual(['9', '4']);
    expect(h.every((p) => p.plan.total === '' && marked(p.plan).length === 0)).toBe(true);
    // The 実績 the schedule shows is not printed a second time on its own.
    expect(result.pages.filter((p) => p.insuredNumber === '0000123456' && p.form === 'table6')).toHaveLength(1);
  });

  test('a schedule printed with `actual` takes only its own users’ 実績: another user’s is not printed there', () => {
    const onlyFirst = { ...copy(schedule), users: copy(schedule).users.filter((u) => u.insuredNumber === '0000123456') } as SendUnitDocument;
    const result = renderForms(onlyFirst, { actual });
    expect(result.issues).toEqual([]);
    expect(result.pages.map((p) => p.insuredNumber)).not.toContain('H123456789');
  });
});

describe('each 実績 printed once, beneath the right 予定', () => {
  const otherCopy = unitOf(ed41, 'schedule', '1370300004');
  const actualTotals = (html: string, insured: string): string[] => userPairs(html, insured).map((p) => p.actual.total).filter((t) => t !== '');

  test('a print run of every sample unit prints the 実績 under the copy of the schedule sent to the provider that sent it, not under each copy', () => {
    expect(otherCopy.users.map((u) => u.insuredNumber)).toEqual(schedule.users.map((u) => u.insuredNumber));
    const run = renderSendUnitForms(ed41);
    const table6 = sheetsOf(run.html);
    const withActual = table6.filter((s) => pairsOf(s.html).some((p) => p.actual.total !== ''));
    // Two users, one sheet each with 実績: the 1370200006 copy's. The 1370300004 copy keeps its 実績 rows empty.
    expect(withActual.map((s) => s.user)).toEqual(['131016-0000123456', '131016-H123456789']);
    expect(actualTotals(run.html, '0000123456')).toEqual(['11', '1']);
    expect(run.issues.map((i) => i.code)).not.toContain('FORMS_ACTUAL_WITHOUT_PLAN');
  });

  test('the same 実績 unit given twice (in the run and in options.actual, or twice in a list) is counted once', () => {
    const once = actualTotals(renderForms(schedule, { actual }).html, '0000123456');
    expect(once).toEqual(['11', '1']);
    expect(actualTotals(renderForms(schedule, { actual: [actual, actual] }).html, '0000123456')).toEqual(once);
    expect(actualTotals(renderForms(schedule, { actual: [actual, copy(actual)] }).html, '0000123456')).toEqual(once);
    expect(actualTotals(renderSendUnitForms([schedule, actual], { actual }).html, '0000123456')).toEqual(once);
    expect(actualTotals(renderSendUnitForms([schedule, actual, actual]).html, '0000123456')).toEqual(once);
  });

  test('documents without a key (built by hand) still pair, and nothing of the 実績 is lost', () => {
    const strip = ({ key: _key, ...rest }: SendUnitDocument): SendUnitDocument => rest as SendUnitDocument;
    expect(actualTotals(renderForms(strip(schedule), { actual: strip(actual) }).html, '0000123456')).toEqual(['11', '1']);
    const run = renderSendUnitForms([strip(schedule), strip(actual)]);
    expect(actualTotals(run.html, '0000123456')).toEqual(['11', '1']);
    expect(actualTotals(run.html, 'H123456789')).toEqual(['9', '4']);
  });

  test('under mask, FORMS_ACTUAL_WITHOUT_PLAN names the user as the sheets do (the 被保険者番号 partly hidden)', () => {
    const onlyFirst = { ...copy(schedule), users: copy(schedule).users.filter((u) => u.insuredNumber === '0000123456') } as SendUnitDocument;
    const said = renderSendUnitForms([onlyFirst, actual], { mask: true }).issues.filter((i) => i.code === 'FORMS_ACTUAL_WITHOUT_PLAN');
    expect(said).toHaveLength(1);
    expect(JSON.stringify(said)).not.toContain('H123456789');
    expect(said[0]!.params).toMatchObject({ insured: expect.stringMatching(/6789$/) });
  });
});

describe('第6表 of the 3.2 edition (no TAIS columns)', () => {
  test('prints both users with 予定 and 実績; March 2023 starts on a Wednesday and has no greyed day', () => {
    const result = renderSendUnitForms([unitOf(ed32, 'schedule', '1370200006'), unitOf(ed32, 'actual')]);
    const sheets = sheetsOf(result.html);
    expect(sheets.map((s) => s.user)).toEqual(['131016-0000123456', '131016-H123456789']);
    expect(/data-weekday="1">([^<]*)</.exec(sheets[0]!.html)?.[1]).toBe('水');
    expect(sheets[0]!.html).not.toMatch(/class="day off"/);
    const h = pairsOf(sheets[1]!.html);
    expect(h.find((p) => p.key.startsWith('09:00|09:25|111111'))!.actual.total).toBe('9');
  });
});

describe('service names', () => {
  test('from a master when it knows the code for the month; else the code with its サービス種類', () => {
    const master = createServiceCodeMaster([{ code: '111211', from: '202404', name: '身体介護２' }]);
    const named = userPairs(renderForms(schedule, { serviceCodes: master }).html, '0000123456');
    expect(named[0]!.content).toBe('身体介護２');
    expect(named.find((p) => p.key.includes('|171001|'))!.content).toContain('171001（福祉用具貸与）');
    const plain = userPairs(renderForms(schedule).html, '0000123456');
    expect(plain[0]!.content).toBe('111211（訪問介護）');
    const expired = createServiceCodeMaster([{ code: '111211', from: '202104', to: '202403', name: '身体介護２（旧）' }]);
    expect(userPairs(renderForms(schedule, { serviceCodes: expired }).html, '0000123456')[0]!.content).toBe('111211（訪問介護）');
  });
});

describe('masking', () => {
  test('no full 被保険者番号, name, kana or birth date on a masked 第6表', () => {
    const html = sheetsOf(renderForms(schedule, { actual, mask: true }).html).map((s) => s.html).join('');
    expect(html).not.toBe('');
    for (const secret of ['0000123456', 'H123456789', '髙橋 﨑子', 'ﾀｶﾊｼ ｻｷｺ', '昭和13年6月15日']) expect(html).not.toContain(secret);
    expect(html).toContain('3456');
    // The day figures are not personal: they stay.
    expect(html).toContain('data-total="plan">13<');
  });
});

/** A schedule unit whose first user has `groups` services (distinct start times), twice a week each. */
function manyGroups(groups: number, equipmentName = ''): SendUnitDocument {
  const doc = copy(schedule);
  const user = doc.users[0]!;
  const template = user.records.UPPLAN!.find((r) => r['serviceCode'] === '111211')!;
  const records = [];
  for (let g = 0; g < groups; g++) {
    const start = 6 * 60 + g * 20;
    const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (const day of [3, 17]) {
      records.push({ ...template, serviceStartTime: hhmm(start), serviceEndTime: hhmm(start + 15), serviceDate: `2025-04-${String(day).padStart(2, '0')}`, equipmentName: equipmentName || null });
    }
  }
  user.records.UPPLAN = records as typeof template[];
  doc.users = [user];
  return doc;
}

describe('pagination', () => {
  test('40 services run over several pages; every pair once, whole, with the day figures', () => {
    const result = renderForms(manyGroups(40));
    const sheets = sheetsOf(result.html);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    expect(sheets.map((s) => s.page)).toEqual(sheets.map((_, i) => `${i + 1}/${sheets.length}`));
    const info = result.pages.filter((p) => p.form === 'table6');
    expect(info.length).toBe(sheets.length);
    const pairs = sheets.flatMap((s) => pairsOf(s.html));
    expect(pairs.length).toBe(40);
    expect(new Set(pairs.map((p) => p.key)).size).toBe(40);
    for (const p of pairs) {
      expect(marked(p.plan)).toEqual([3, 17]);
      expect(p.plan.total).toBe('2');
      expect(p.actual.label).toBe('実績');
    }
    // In time order across pages, and each page but the last says the form goes on.
    const starts = pairs.map((p) => p.key.slice(0, 5));
    expect(starts).toEqual([...starts].sort());
    sheets.forEach((s, i) => expect(s.html.includes('次のページに続きます')).toBe(i < sheets.length - 1));
    // Every page repeats the day heading.
    for (const s of sheets) expect(s.html).toContain('月間サービス計画及び実績の記録');
  });

  test('a 用具名称 taller than a page continues in the next pair, whole; the days stay with the first', () => {
    const long = Array.from({ length: 120 }, (_, i) => `髙﨑ｶﾀｶﾅ部品${i}、"手すり",`).join('');
    const result = renderForms(manyGroups(1, long));
    const pairs = sheetsOf(result.html).flatMap((s) => pairsOf(s.html));
    expect(pairs.length).toBeGreaterThan(1);
    expect(pairs[0]!.continued).toBe(false);
    expect(pairs.slice(1).every((p) => p.continued && marked(p.plan).length === 0 && p.plan.total === '')).toBe(true);
    expect(pairs[0]!.plan.total).toBe('2');
    const text = pairs.map((p) => p.content.replace(/^111211（訪問介護）\n?/, '')).join('').replace(/\n/g, '');
    expect(text).toBe(long);
    expect(pairs.slice(1).every((p) => p.plan.label === '続き')).toBe(true);
  });

  test('such a pair starts in the room left under the rows before it, not on a fresh page', () => {
    const doc = copy(schedule);
    doc.users = [doc.users[0]!];
    const chair = doc.users[0]!.records.UPPLAN!.find((r) => r['serviceCode'] === '171001') as Record<string, unknown>;
    chair['equipmentName'] = Array.from({ length: 200 }, (_, i) => `車いす付属品${i}（ｻﾝﾌﾟﾙ）`).join('、');
    const [first, second] = sheetsOf(renderForms(doc).html).map((s) => pairsOf(s.html));
    expect(first!.map((p) => p.key.split('|')[2])).toEqual(['111211', '171001']);
    expect(first![1]!.plan.total).toBe('1');
    expect(second![0]!.continued).toBe(true);
  });
});

describe('bad data never throws, nothing is lost', () => {
  test('a count that is no number shows ?, a date outside the month is listed on its row', () => {
    const doc = manyGroups(1);
    const records = doc.users[0]!.records.UPPLAN as Record<string, unknown>[];
    records[0]!['serviceCount'] = 'x';
    records[1]!['serviceDate'] = '2025-05-01';
    const [pair] = userPairs(renderForms(doc).html, '0000123456');
    expect(pair!.plan.days.get(3)).toBe('?');
    expect(pair!.plan.days.get(17)).toBe('');
    expect(pair!.plan.total).toBe('0+?');
    expect(pair!.content).toContain('※対象年月外・不明の利用日（予定）: 2025-05-01 1回');
  });

  test('fast-check: any values in the 予定 fields render, and every character of the free texts is in the HTML', () => {
    const base = manyGroups(1);
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.double(), fc.boolean(), fc.object(), fc.array(fc.string()));
    const pieces = fc.array(fc.constantFrom('髙', '﨑', 'ｶﾀｶﾅ', '"', ',', '\n', '<b>', '&amp;', '～', 'A'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(value, value, value, value, value, value, pieces, pieces, (date, start, end, count, code, month, office, equipment) => {
        const doc = copy(base);
        const r = doc.users[0]!.records.UPPLAN![0] as Record<string, unknown>;
        Object.assign(r, { serviceDate: date, serviceStartTime: start, serviceEndTime: end, serviceCount: count, serviceCode: code, serviceMonth: month, serviceOfficeName: office, equipmentName: equipment });
        const result = renderForms(doc, { actual: [actual] });
        const html = unescape(result.html);
        for (const ch of office + equipment) if (ch !== '\n') expect(html).toContain(ch);
        expect(sheetsOf(result.html).length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe.skipIf(!HAS_CHROMIUM)('第6表 in Chromium', () => {
  const browser = suiteBrowser();
  test('no sheet overflows: the samples, 40 services, a long 用具名称', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `車いす付属品${i}（ｻﾝﾌﾟﾙ）`).join('\n');
    const docs = [renderForms(schedule, { actual }).html, renderForms(manyGroups(40, '特殊寝台（3ﾓｰﾀｰ）ｻﾝﾌﾟﾙﾍﾞｯﾄﾞ 髙﨑ﾓﾃﾞﾙ')).html, renderForms(manyGroups(3, long)).html];
    const page = await browser().newPage();
    try {
      for (const html of docs) {
        await page.setContent(html);
        const sizes = await page.$$eval('section.sheet[data-form="table6"]', (els) =>
          els.map((e) => {
            const body = e.querySelector('.body')!;
            return { sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight, bsh: body.scrollHeight, bch: body.clientHeight };
          }),
        );
        expect(sizes.length).toBeGreaterThan(0);
        for (const s of sizes) {
          expect(s.sw).toBeLessThanOrEqual(s.cw);
          expect(s.sh).toBeLessThanOrEqual(s.ch);
          expect(s.bsh).toBeLessThanOrEqual(s.bch);
        }
      }
    } finally {
      await page.close();
    }
  });
});
