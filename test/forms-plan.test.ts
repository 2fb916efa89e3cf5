// The 第1表 (居宅サービス計画書（1）), the 第3表 (週間サービス計画表) and the record sheets of the kinds with no
// standard form (介護予防 利用者基本情報・支援計画書 and their 別表, the withdrawals), as an office prints them:
// the header's values in 和暦 and code labels, the free texts whole (continued across pages when long), the week's
// blocks in their day's column with their times, what the grid cannot show listed beneath it, masking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMS, getLayout, MASKED_FIELDS, renderForms, renderSendUnitForms, type SendUnitDocument } from '../src/index.js';
import { HAS_CHROMIUM, suiteBrowser } from './support/browser.js';
import { copy, sampleSendUnits } from './support/send-units.js';

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string): string => html.replace(/&(amp|lt|gt|quot|#39);/g, (m) => UNESCAPES[m]!);
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The printed sheets of a result's HTML: form id, user, page and the sheet's markup. */
function sheets(html: string): { form: string; user: string; page: string; html: string }[] {
  return html
    .split('<section class="sheet')
    .slice(1)
    .map((part) => {
      const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(part)?.[1] ?? '';
      return { form: attr('form'), user: attr('user'), page: attr('page'), html: part };
    });
}

/** The header cells of a sheet, label → text. */
function cells(sheetHtml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of sheetHtml.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)) map.set(unescape(m[1]!), unescape(m[2]!));
  return map;
}

/** The pieces of a 第1表 box's text, in print order across the sheets. */
function boxPieces(html: string, field: string): string[] {
  return [...html.matchAll(new RegExp(`<div class="text" data-field="${field}"(?: data-continued="true")?>([^<]*)</div>`, 'g'))].map((m) => unescape(m[1]!));
}

interface Block {
  column: string;
  times: string;
  mark: string | undefined;
  text: string;
  left: number;
  width: number;
}

function blocks(sheetHtml: string): Block[] {
  return [...sheetHtml.matchAll(/<div class="week-block[^"]*" data-column="([^"]*)" data-times="([^"]*)"(?: data-mark="([^"]*)")? style="([^"]*)">([^<]*)<\/div>/g)].map((m) => ({
    column: unescape(m[1]!),
    times: m[2]!,
    mark: m[3],
    text: unescape(m[5]!),
    left: Number(/left:([\d.]+)mm/.exec(m[4]!)![1]),
    width: Number(/width:([\d.]+)mm/.exec(m[4]!)![1]),
  }));
}

/** The lines of the lists beneath the week grid (週単位以外のサービス, the notes, the unplaced records). */
function listItems(sheetHtml: string): string[] {
  const lists = /<table class="week-lists"[\s\S]*?<\/table>/.exec(sheetHtml)?.[0] ?? '';
  return [...lists.matchAll(/<div class="text"[^>]*>([^<]*)<\/div>/g)].map((m) => unescape(m[1]!));
}

const samples41 = sampleSendUnits('4.1').documents;
const carePlan = samples41.find((d) => d.type === 'carePlan' && d.receiver.office === '1370200006')!;

type Rec = Record<string, unknown>;
const recordsOf = (document: SendUnitDocument, user: number, kind: string): Rec[] => ((document.users[user]!.records as Record<string, Rec[] | undefined>)[kind] ?? []) as Rec[];

describe('the forms as data', () => {
  it('names only fields of the edition 4.1 layouts in 第1表 and 第3表 (header, boxes, the week)', () => {
    for (const form of FORMS.filter((f) => f.id === 'table1' || f.id === 'table3')) {
      const named = [...form.header, ...('boxes' in form ? form.boxes : [])].flatMap((c) => [[c.kind, c.field], ...('more' in c ? c.more.map((m) => [c.kind, m]) : [])]);
      if ('week' in form) {
        const w = form.week;
        named.push(...[w.service.text, w.service.day, w.service.start, w.service.end, w.activity.text, w.activity.start, w.activity.end, w.other].map((k) => [form.kind, k]));
      }
      for (const [kind, field] of named) expect(getLayout(kind as 'UP1KYO', '202407')?.fields.some((f) => f.key === field), `${kind} ${field}`).toBe(true);
    }
  });
});

describe('第1表 居宅サービス計画書（1）', () => {
  it('prints the header as the form does: 和暦 dates, code labels, 利用者名 殿, the office with its address', () => {
    const result = renderForms(carePlan);
    const first = sheets(result.html).filter((s) => s.form === 'table1');
    expect(first.map((s) => s.page)).toEqual(['1/1', '1/1']);
    const header = cells(first[0]!.html);
    const name = String(recordsOf(carePlan, 0, 'UPHOSOKU')[0]!['userName']);
    expect(header.get('作成年月日')).toBe('令和7年3月3日');
    expect(header.get('初回・紹介・継続')).toBe('継続');
    expect(header.get('認定済・申請中')).toBe('認定済');
    expect(header.get('要介護状態区分')).toBe('要介護２');
    expect(header.get('利用者名')).toBe(`${name} 殿`);
    expect(header.get('生年月日')).toBe('昭和13年6月15日');
    expect(header.get('住所')).toBe('東京都千代田区神田須田町一丁目2-3 ｻﾝﾌﾟﾙﾊｲﾂ101');
    expect(header.get('居宅サービス計画作成者氏名')).toBe('髙田 﨑子');
    expect(header.get('居宅介護支援事業者・事業所名及び所在地')).toBe('居宅介護支援事業所 ﾊｰﾄﾌﾙｹｱ神田 東京都千代田区内神田一丁目1-1 ｻﾝﾌﾟﾙﾋﾞﾙ2階');
    expect(header.get('居宅サービス計画作成（変更）日')).toBe('令和7年3月3日');
    expect(header.get('初回居宅サービス計画作成日')).toBe('令和3年5月10日');
    expect(header.get('認定日')).toBe('令和7年2月14日');
    expect(header.get('認定の有効期間')).toBe('令和7年3月1日～令和10年2月29日');
  });

  it('prints every text box whole with its line breaks, the choices of 生活援助中心型の算定理由, and the 同意 line', () => {
    const { html } = renderForms(carePlan, { users: ['0000123456'] });
    const record = recordsOf(carePlan, 0, 'UP1KYO')[0]!;
    for (const field of ['userFamilyIntentionsAnalysis', 'certificationBoardOpinion', 'overallSupportPolicy']) {
      expect(boxPieces(html, field)).toEqual([String(record[field]).replace(/\r\n?/g, '\n')]);
    }
    expect(boxPieces(html, 'userFamilyIntentionsAnalysis')[0]).toContain('"日中は仕事で不在のため');
    expect(html).toContain('1. 一人暮らし');
    expect(html).toContain('2. 家族等が障害、疾病等');
    expect(html).toContain('居宅サービス計画について説明を受け、内容に同意し交付を受けました。');
    expect(html).toContain('説明・同意日');
    expect(html).toContain('利用者同意欄');
  });

  it('circles the chosen 算定理由 and puts その他理由 in its parentheses', () => {
    const doc = copy(carePlan);
    Object.assign(recordsOf(doc, 0, 'UP1KYO')[0]!, { livingSupportReason: '3', livingSupportReasonOther: '長女が日中就労, "夜間のみ"在宅' });
    const { html } = renderForms(doc, { users: ['0000123456'] });
    expect(html).toMatch(/<span class="choice chosen"[^>]*><span style="[^"]*border-radius[^"]*">3\. その他<\/span><span>（<span class="text" data-field="livingSupportReason">長女が日中就労, &quot;夜間のみ&quot;在宅<\/span>）<\/span><\/span>/);
    expect(html.match(/class="choice chosen"/g)).toHaveLength(1);
  });

  it('continues a very long 総合的な援助の方針 on the next pages, 「（続き）」, and the pieces joined are the text', () => {
    const paragraph = '髙﨑さんは「自宅で暮らしたい」と話す。ｶﾀｶﾅ表記の事業所、"引用"、カンマ, を含む。朝夕の服薬確認と入浴の見守りを続け、転倒を防ぐ。';
    const long = Array.from({ length: 48 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n');
    expect(long.length).toBeGreaterThan(3000);
    const doc = copy(carePlan);
    recordsOf(doc, 0, 'UP1KYO')[0]!['overallSupportPolicy'] = long;
    const result = renderForms(doc, { users: ['0000123456'] });
    const pages = result.pages.filter((p) => p.form === 'table1');
    expect(pages.length).toBeGreaterThan(1);
    const pieces = boxPieces(result.html, 'overallSupportPolicy');
    expect(pieces.length).toBe(pages.length);
    expect(pieces.join('')).toBe(long);
    expect(result.html).toContain('総合的な援助の方針（続き）');
    expect(result.html).toContain('次のページに続きます');
    // The boxes after it follow on the last page, and the 同意 line is printed once, at the end.
    const printed = sheets(result.html).filter((s) => s.form === 'table1');
    expect(printed.at(-1)!.html).toContain('生活援助中心型の算定理由');
    expect(result.html.match(/利用者同意欄/g)).toHaveLength(1);
    expect(printed.at(-1)!.html).toContain('利用者同意欄');
  });
});

describe('第3表 週間サービス計画表', () => {
  it('places each weekly service in its day column with its times, activities in the last column, 週単位以外 beneath', () => {
    const { html } = renderForms(carePlan, { users: ['0000123456'] });
    const week = sheets(html).filter((s) => s.form === 'table3');
    expect(week.map((s) => s.page)).toEqual(['1/1']);
    const placed = blocks(week[0]!.html);
    const services = placed.filter((b) => b.column !== '主な日常生活上の活動');
    expect(services.map((b) => [b.column, b.times])).toEqual([
      ['月', '10:00～10:45'],
      ['水', '10:00～10:45'],
      ['金', '10:00～10:45'],
    ]);
    const items = listItems(week[0]!.html);
    for (const b of services) {
      // Shown in full, or by its mark with the whole text in the notes beneath the grid.
      if (b.mark === undefined) expect(b.text).toBe('10:00～10:45 訪問介護（身体介護）');
      else expect(items).toContain(`${b.mark} 月・水・金 10:00～10:45 訪問介護（身体介護）`);
    }
    const activities = placed.filter((b) => b.column === '主な日常生活上の活動').map((b) => b.text);
    expect(activities).toEqual(['6:30 起床', '7:30～8:00 朝食、服薬', '21:00 就寝']);
    expect(items).toContain('福祉用具貸与（車いす、特殊寝台）');
    expect(items).toContain('通院（月1回、長女が付き添い）');
    expect(week[0]!.html).toContain('週単位以外のサービス');
  });

  it('marks a block too small for its text and lists it; overlapping blocks stand side by side; unplaceable records are listed', () => {
    const doc = copy(carePlan);
    const base = recordsOf(doc, 0, 'UP3KYO')[0]!;
    const more: Rec[] = [
      { ...base, careServiceContent: '訪問看護（理学療法士による機能訓練、"自主トレ"の確認, 髙﨑ｶﾀｶﾅ）', dayOfWeek: '2', careStartTime: '09:00', careEndTime: '09:15' },
      { ...base, careServiceContent: '通所介護', dayOfWeek: '4', careStartTime: '10:00', careEndTime: '16:00' },
      { ...base, careServiceContent: '訪問介護（生活援助）', dayOfWeek: '4', careStartTime: '11:00', careEndTime: '12:00' },
      { ...base, careServiceContent: '随時の見守り', dayOfWeek: '8', careStartTime: '13:00', careEndTime: '14:00' },
      { ...base, careServiceContent: '夜間の巡回', dayOfWeek: '5', careStartTime: undefined, careEndTime: undefined },
    ];
    recordsOf(doc, 0, 'UP3KYO').push(...more);
    const { html } = renderForms(doc, { users: ['0000123456'] });
    const week = sheets(html).filter((s) => s.form === 'table3');
    const all = week.flatMap((s) => blocks(s.html));
    const items = week.flatMap((s) => listItems(s.html));

    const small = all.find((b) => b.column === '火')!;
    expect(small.times).toBe('9:00～9:15');
    expect(small.mark).toMatch(/^[①-⑳]$/);
    expect(items).toContain(`${small.mark} 火 9:00～9:15 訪問看護（理学療法士による機能訓練、"自主トレ"の確認, 髙﨑ｶﾀｶﾅ）`);

    const thursday = all.filter((b) => b.column === '木');
    expect(thursday).toHaveLength(2);
    const [a, b] = thursday.sort((x, y) => x.left - y.left);
    expect(a!.left + a!.width).toBeLessThanOrEqual(b!.left + 0.01);
    expect(thursday.some((x) => x.text.includes('通所介護'))).toBe(true);

    expect(items.some((t) => t.startsWith('随時の見守り') && t.includes('曜日：8') && t.includes('13:00'))).toBe(true);
    expect(items.some((t) => t.startsWith('夜間の巡回') && t.includes('金曜日') && t.includes('開始時間：なし'))).toBe(true);
  });

  it('continues a long list beneath the grid on the next page, nothing dropped', () => {
    const doc = copy(carePlan);
    const base = recordsOf(doc, 0, 'UP3KYO')[0]!;
    const others = Array.from({ length: 60 }, (_, i) => `週単位以外のサービス ${i + 1}：福祉用具貸与（歩行器）, "月2回" の点検`);
    recordsOf(doc, 0, 'UP3KYO').push(...others.map((text) => ({ ...base, careServiceContent: undefined, dayOfWeek: undefined, careStartTime: undefined, careEndTime: undefined, nonWeeklyServices: text })));
    const result = renderForms(doc, { users: ['0000123456'] });
    const week = sheets(result.html).filter((s) => s.form === 'table3');
    expect(week.length).toBeGreaterThan(1);
    const items = week.flatMap((s) => listItems(s.html));
    for (const text of others) expect(items).toContain(text);
    expect(week[1]!.html).toContain('週単位以外のサービス（続き）');
  });
});

describe('record sheets (no 標準様式 form)', () => {
  const prevention = samples41.filter((d) => d.type === 'basicInfo' || d.type === 'preventionPlan');

  it('titles each sheet with the layout name, says it is not a 標準様式 form, and prints 別表 rows as one table', () => {
    const result = renderSendUnitForms(prevention);
    const forms = new Set(result.pages.map((p) => p.form));
    expect([...forms].sort()).toEqual(['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB']);
    const printed = sheets(result.html);
    for (const s of printed) expect(s.html).toContain('標準様式の帳票ではありません');
    const basic = printed.find((s) => s.form === 'UPKIHON')!;
    expect(basic.html).toContain('<h1>利用者基本情報');
    expect(basic.html).toContain('<td>利用者の現況</td>');
    const sub1 = printed.find((s) => s.form === 'UPKIHON_SUB1' && s.user.endsWith('0000234567'))!;
    expect(sub1.html).toContain('利用者基本情報（別表1）');
    expect(sub1.html).toContain('class="record-rows"');
    expect(sub1.html).toContain('<th title="No.5">時間</th>');
    // Each record a row: 4 records in the file for this user, the shared 相談日 once above.
    expect(sub1.html.match(/<tr><td class="n">/g)).toHaveLength(4);
    expect(sub1.html).toContain('相談日：令和7年4月2日');
    expect(unescape(sub1.html)).toContain('週末は長男夫婦が来訪し、買い物に同行');
    const plan = printed.find((s) => s.form === 'UPYOBO_SUB')!;
    // Its many columns take the width of a landscape sheet, as the paper 支援計画 does.
    expect(plan.html.startsWith(' landscape"')).toBe(true);
  });

  it('says what a withdrawal withdraws: 「削除（取消）」, the document, its parts and key', () => {
    const withdrawals = samples41.filter((d) => d.type.endsWith('Deletion'));
    const { html } = renderSendUnitForms(withdrawals);
    const printed = sheets(html);
    const kyo = printed.find((s) => s.form === 'DLT1KYO')!;
    expect(unescape(kyo.html)).toContain('削除（取消）：この記録は「居宅サービス計画書」（居宅サービス計画1表、居宅サービス計画2表、居宅サービス計画３表）を削除（取消）します。');
    expect(kyo.html).toContain('居宅サービス計画作成（変更）日：令和7年3月17日');
    const jsk = printed.find((s) => s.form === 'DLTJSK')!;
    expect(jsk.html).toContain('「実績情報」');
    expect(jsk.html).toContain('削除対象年月：令和7年4月');
    expect(jsk.html).toContain('サービス事業者コード：1370200006');
    for (const form of ['DLTPLAN', 'DLTKIHON', 'DLTYOBO']) expect(printed.find((s) => s.form === form)!.html).toContain('削除（取消）');
  });

  it('masks names, addresses, phones and emergency contacts of 利用者基本情報 on a copy that leaves the office', () => {
    const result = renderSendUnitForms(prevention, { mask: true });
    const masked = new Set<string>([...MASKED_FIELDS.partial, ...MASKED_FIELDS.hidden]);
    let checked = 0;
    for (const document of prevention) {
      for (const user of document.users) {
        for (const list of Object.values(user.records)) {
          for (const record of (list ?? []) as Rec[]) {
            for (const [key, value] of Object.entries(record)) {
              if (!masked.has(key) || typeof value !== 'string' || value.length < 4) continue;
              expect(result.html, `${key} ${value}`).not.toContain(escape(value));
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(result.html).toContain('中＊ ＊＊ 殿');
  });
});

describe('edition 3.2 (no 第3表)', () => {
  it('prints 第1表 with its header and no 第3表 page', () => {
    const documents = sampleSendUnits('3.2').documents.filter((d) => d.type === 'carePlan');
    const result = renderSendUnitForms(documents);
    expect(result.pages.some((p) => p.form === 'table1')).toBe(true);
    expect(result.pages.some((p) => p.form === 'table3')).toBe(false);
    const first = sheets(result.html).find((s) => s.form === 'table1')!;
    expect(cells(first.html).get('作成年月日')).toMatch(/^令和5年\d+月\d+日$/);
    expect(cells(first.html).get('要介護状態区分')).toMatch(/^要介護[１-５]$/);
  });
});

describe('the users asked for', () => {
  it('renderForms says per unit who is not there; a print run says it once for the run, and only of users no unit printed', () => {
    const present = carePlan.users[0]!.insuredNumber;
    const alone = renderForms(carePlan, { users: ['9999999999'] });
    expect(alone.pages).toEqual([]);
    // The missing user says why nothing is printed; FORMS_NO_USERS would only repeat it.
    expect(alone.issues.map((i) => i.code)).toEqual(['FORMS_USER_NOT_FOUND']);
    expect(renderForms({ ...carePlan, users: [] }).issues.map((i) => i.code)).toEqual(['FORMS_NO_USERS']);

    const units = samples41.filter((d) => d.type === 'carePlan');
    expect(units.length).toBeGreaterThan(1);
    const run = renderSendUnitForms(units, { users: [present, '9999999999'] });
    expect(run.pages.length).toBeGreaterThan(0);
    expect(run.pages.every((p) => p.insuredNumber === present)).toBe(true);
    const missing = run.issues.filter((i) => i.code === 'FORMS_USER_NOT_FOUND');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('9999999999');
    expect(run.issues.some((i) => i.code === 'FORMS_NO_USERS')).toBe(false);

    const nobody = renderSendUnitForms(units, { users: ['9999999999'] });
    expect(nobody.issues.map((i) => i.code)).toEqual(['FORMS_USER_NOT_FOUND']);
    expect(nobody.issues[0]!.message).toContain('印刷する送信単位のどれにも');
    expect(renderSendUnitForms([]).issues.map((i) => i.code)).toEqual(['FORMS_NO_USERS']);
  });
});

describe('records the forms do not show are said, not dropped (FORMS_RECORDS_NOT_PRINTED)', () => {
  const notPrinted = (document: SendUnitDocument) =>
    renderForms(document).issues.filter((i) => i.code === 'FORMS_RECORDS_NOT_PRINTED').map((i) => i.params as { kind: string; count: number; reason: string });

  it('a kind the spec does not have, a kind the edition lacks, a second 第1表 of a user', () => {
    const doc = copy(carePlan);
    const records = doc.users[0]!.records as Record<string, unknown[]>;
    records['UPFOO'] = [{ note: '仕様にない' }];
    records['UP1KYO']!.push({ ...records['UP1KYO']![0] as object, overallSupportPolicy: '二件目の方針' });
    expect(notPrinted(doc)).toEqual([
      expect.objectContaining({ kind: 'UP1KYO', count: 1, reason: 'notFirst' }),
      expect.objectContaining({ kind: 'UPFOO', count: 1, reason: 'unknownKind' }),
    ]);

    const old = { ...copy(carePlan), csvVersion: '202208' } as SendUnitDocument;
    const result = renderForms(old);
    expect(result.pages.some((p) => p.form === 'table3')).toBe(false);
    expect(result.html).not.toContain('この版のレイアウトには第3表がありません');
    expect(notPrinted(old).filter((p) => p.kind === 'UP3KYO').map((p) => p.reason)).toEqual(['notInEdition', 'notInEdition']);
    const message = result.issues.find((i) => i.code === 'FORMS_RECORDS_NOT_PRINTED')!.message;
    expect(message).toMatch(/第3表/);
  });

  it('says nothing on the samples: every record of every sample unit is on a sheet', () => {
    for (const d of [...samples41, ...sampleSendUnits('3.2').documents]) expect(renderForms(d).issues).toEqual([]);
  });
});

describe('never throws, nothing of the text lost', () => {
  const text = fc.string({ unit: fc.constantFrom('髙', '﨑', 'ｶ', 'ﾀ', 'あ', '漢', '"', ',', '\n', '\r\n', '<', '&', ' ', 'a', 'W', '１') as fc.Arbitrary<string>, maxLength: 400 });
  const time = fc.constantFrom('09:00', '23:30', '00:00', '24:00', '9999', '25:00', '', 'ab', '10:15');
  it('never throws on any value in any field of any sample unit, an object without toString included', () => {
    const odd = fc.oneof(fc.anything(), fc.constant(JSON.parse('{"toString":0}')), fc.constant(JSON.parse('{"valueOf":0,"toString":0}')));
    const documents = [...samples41, ...sampleSendUnits('3.2').documents];
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.nat(), fc.nat(), odd, (d, pick, fieldPick, value) => {
        const doc = copy(documents[d]!);
        const user = doc.users[pick % doc.users.length];
        if (!user) return;
        const lists = Object.values(user.records as Record<string, Record<string, unknown>[]>).filter((l) => l.length > 0);
        const list = lists[pick % lists.length]!;
        const record = list[fieldPick % list.length]!;
        const keys = Object.keys(record);
        record[keys[fieldPick % keys.length]!] = value;
        expect(() => renderForms(doc, { mask: pick % 2 === 0 })).not.toThrow();
        expect(() => renderSendUnitForms([doc, ...documents.slice(0, 3)])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('renders arbitrary free text and times in 第1表 and 第3表', () => {
    fc.assert(
      fc.property(text, text, text, text, fc.constantFrom('1', '3', '7', '8', '', 'x'), time, time, (policy, analysis, service, other, day, start, end) => {
        const doc = copy(carePlan);
        Object.assign(recordsOf(doc, 0, 'UP1KYO')[0]!, { overallSupportPolicy: policy, userFamilyIntentionsAnalysis: analysis });
        recordsOf(doc, 0, 'UP3KYO').push({ ...recordsOf(doc, 0, 'UP3KYO')[0]!, careServiceContent: service, dayOfWeek: day, careStartTime: start, careEndTime: end, nonWeeklyServices: other });
        const result = renderForms(doc, { users: ['0000123456'] });
        const normal = (t: string) => t.replace(/\r\n?/g, '\n');
        expect(boxPieces(result.html, 'overallSupportPolicy').join('')).toBe(normal(policy));
        expect(boxPieces(result.html, 'userFamilyIntentionsAnalysis').join('')).toBe(normal(analysis));
        // In its block, or in the lists beneath the grid (their pieces joined when a list continues overleaf).
        const items = sheets(result.html)
          .filter((s) => s.form === 'table3')
          .flatMap((s) => listItems(s.html))
          .join('');
        if (service !== '') expect(result.html.includes(escape(normal(service))) || items.includes(normal(service))).toBe(true);
        if (other !== '') expect(items).toContain(normal(other));
      }),
      { numRuns: 60 },
    );
  });
});

/** A care plan with everything long: three pages of 総合的な援助の方針, crowded days, a long 週単位以外 list. */
function crowdedCarePlan(): SendUnitDocument {
  const doc = copy(carePlan);
  const paragraph = '髙﨑さんは「自宅で暮らしたい」と話す。ｶﾀｶﾅ表記の事業所、"引用"、カンマ, を含む。WWWWWWWW MMMMMMMM wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww';
  Object.assign(recordsOf(doc, 0, 'UP1KYO')[0]!, {
    overallSupportPolicy: Array.from({ length: 48 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n'),
    certificationBoardOpinion: 'あ'.repeat(900),
    livingSupportReason: '3',
    livingSupportReasonOther: '長女が日中就労のため'.repeat(8),
  });
  const base = recordsOf(doc, 0, 'UP3KYO')[0]!;
  recordsOf(doc, 0, 'UP3KYO').push(
    { ...base, careServiceContent: '訪問看護（理学療法士による機能訓練、"自主トレ"の確認, 髙﨑ｶﾀｶﾅ）', dayOfWeek: '2', careStartTime: '09:00', careEndTime: '09:15' },
    { ...base, careServiceContent: '通所介護（入浴・個別機能訓練・昼食）', dayOfWeek: '4', careStartTime: '10:00', careEndTime: '16:00' },
    { ...base, careServiceContent: '訪問介護（生活援助）', dayOfWeek: '4', careStartTime: '11:00', careEndTime: '12:00' },
    { ...base, careServiceContent: '夜間対応型訪問介護', dayOfWeek: '7', careStartTime: '22:00', careEndTime: '01:00' },
    ...Array.from({ length: 40 }, (_, i) => ({ ...base, careServiceContent: undefined, dayOfWeek: undefined, careStartTime: undefined, careEndTime: undefined, nonWeeklyServices: `週単位以外のサービス ${i + 1}：福祉用具貸与（歩行器）, "月2回" の点検` })),
  );
  return doc;
}

/**
 * Run in the page (a string: the tests compile without the DOM's types): per sheet of 第1表, 第3表 and the record
 * sheets, how far its body's content reaches past the body, 第1表 rows grown past their height, week blocks whose
 * text spills, and the sheet's own overflow.
 */
const SHEET_CHECK = `[...document.querySelectorAll('section.sheet')]
  .filter((s) => !['table2', 'table6', 'table7'].includes(s.dataset.form))
  .map((s) => {
    const body = s.querySelector('.body').getBoundingClientRect();
    let over = 0;
    for (const el of s.querySelectorAll('.body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) over = Math.max(over, r.bottom - body.bottom, r.right - body.right);
    }
    const grown = [...s.querySelectorAll('table.plan-boxes tr')].filter((tr) => tr.getBoundingClientRect().height > (parseFloat(tr.style.height) * 96) / 25.4 + 1).length;
    const spilt = [...s.querySelectorAll('.week-block')].filter((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent);
    return { form: s.dataset.form, page: s.dataset.page, over, grown, spilt, wide: s.scrollWidth > s.clientWidth, tall: s.scrollHeight > s.clientHeight };
  })`;

describe.skipIf(!HAS_CHROMIUM)('on paper (Chromium): every sheet holds its content', () => {
  const browser = suiteBrowser();
  it('no sheet of 第1表, 第3表 or a record sheet overflows, and no 第1表 box grows past the height it was given', async () => {
    const documents = [crowdedCarePlan(), ...samples41.filter((d) => d.type !== 'schedule' && d.type !== 'actual'), ...sampleSendUnits('3.2').documents.filter((d) => d.type === 'carePlan')];
    const { html } = renderSendUnitForms(documents, { mask: false });
    const page = await browser().newPage();
    try {
      await page.setContent(html);
      const sheetsChecked = (await page.evaluate(SHEET_CHECK)) as { form: string; page: string; over: number; grown: number; spilt: string[]; wide: boolean; tall: boolean }[];
      expect(sheetsChecked.filter((s) => s.form === 'table1').length).toBeGreaterThan(3);
      for (const sheet of sheetsChecked) expect(sheet, JSON.stringify(sheet)).toMatchObject({ wide: false, tall: false, grown: 0, spilt: [] });
      for (const sheet of sheetsChecked) expect(sheet.over, JSON.stringify(sheet)).toBeLessThanOrEqual(1);
    } finally {
      await page.close();
    }
  });
});
