// The NO tree of 第2表 and the 予防 別表 (spec-tables/hierarchies.ts): a repeated NO path, a 課題 or a goal whose
// text differs between rows of one user's plan. Synthetic users and texts (髙橋, 山﨑, quotes, commas, line breaks).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout, readCsvFile, validateFileStreams, validateFiles, type CsvRecord, type Issue } from '../src/index.js';
import { HIERARCHIES } from '../spec-tables/hierarchies.js';
import { checkHierarchies } from '../src/validate/hierarchies.js';
import { PlanMemory, textDigest } from '../src/validate/rules/plan-hierarchy.js';
import { EditionDataError, listLayouts } from '../src/spec.js';
import { CM, file, fileName, HELPER } from './support/builders.js';
import { splitBytes } from './support/streams.js';

const PLAN_CODES = ['FILE_PLAN_PATH_REPEATED', 'FILE_PLAN_NEED_DIFFERS', 'FILE_PLAN_GOAL_DIFFERS'];
const planIssues = (issues: readonly Issue[]) => issues.filter((i) => PLAN_CODES.includes(i.code));

const TAKAHASHI = { insurerNumber: '131016', insuredNumber: '0000123456', createdDate: '20250303', planChangeDate: '20250303' };
const YAMAZAKI = { insurerNumber: '131016', insuredNumber: 'H123456789', createdDate: '20250317', planChangeDate: '20250317' };

const NEED_1 = '入浴時に転倒の不安があり、"一人では"入浴できない\r\n（髙橋さん本人の訴え）';
const NEED_2 = '屋内外の移動が不安定で、外出の機会が減っている';

/** One 第2表 row: a user's plan, the NO path, and the texts (empty unless given, as later rows are written). */
function row(user: Record<string, string>, nos: [string, string, string], texts: Record<string, string> = {}): CsvRecord {
  const blank = Object.fromEntries(getLayout('UP2KYO', '202407')!.fields.map((f) => [f.key, '']));
  return {
    ...blank,
    csvVersion: '202407',
    ...user,
    issueNo: nos[0],
    goalNo: nos[1],
    supportContentNo: nos[2],
    serviceContent: `サービス ${nos.join('-')}（見守り, 声かけ）`,
    insuranceCoverage: 'Y',
    serviceKind: '訪問介護',
    serviceOfficeNumber: '1370200006',
    serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 神田',
    frequency: '週3回',
    servicePeriod: 'R7.3.3～R7.8.31',
    updaterVendorCode: '1370100008',
    ...texts,
  };
}

/** The spec's own data-placement example (構成について): 1-1-1 … 1-1-3, 1-2-1, 2-1-1, texts on each level's first row. */
const planOf = (user: Record<string, string>): CsvRecord[] => [
  row(user, ['1', '1', '1'], { issue: NEED_1, longTermGoal: '安全に入浴を続けられる', longTermGoalPeriod: 'R7.3.3～R8.2.28', shortTermGoal: '介助で週3回入浴できる', shortTermGoalPeriod: 'R7.3.3～R7.8.31' }),
  row(user, ['1', '1', '2']),
  // A second short-term goal under the same 援助目標ＮＯ, as in the spec's example (短期２): not a difference.
  row(user, ['1', '1', '3'], { shortTermGoal: '浴槽をまたげる', shortTermGoalPeriod: 'R7.9.1～R8.2.28' }),
  row(user, ['1', '2', '1'], { longTermGoal: '"自分で"身支度を整えられる', longTermGoalPeriod: 'R7.3.3～R8.2.28', shortTermGoal: '更衣を見守りで行える' }),
  row(user, ['2', '1', '1'], { issue: NEED_2, longTermGoal: '近所の公園まで散歩できる', longTermGoalPeriod: 'R7.3.3～R8.2.28', shortTermGoal: '車いすで月2回外出できる' }),
];

const NAME = fileName('UP2KYO', undefined, CM, HELPER);
const up2 = (records: CsvRecord[], csvVersion = '202407', name = NAME) => file('UP2KYO', records, name, csvVersion);

/** The physical line each record starts on, as the reader reports it. */
const linesOf = (bytes: Uint8Array) => readCsvFile({ name: NAME, bytes }).lines;

describe('第2表 NO tree', () => {
  it('a consistent plan (the spec’s own example: later rows left empty, two short-term goals under one goal) gives nothing', () => {
    const f = up2([...planOf(TAKAHASHI), ...planOf(YAMAZAKI)]);
    expect(validateFiles([f]).files[0]!.issues).toEqual([]);
  });

  it('texts repeated on every row, and a NO written 01, are the same as once', () => {
    const repeated = planOf(TAKAHASHI).map((r, i, all) => (r['issue'] === '' ? { ...r, issue: all[i < 4 ? 0 : 4]!['issue']! } : r));
    repeated[1] = { ...repeated[1]!, issueNo: '01', goalNo: '01', longTermGoal: '安全に入浴を続けられる' };
    expect(validateFiles([up2(repeated)]).files[0]!.issues).toEqual([]);
  });

  it('a repeated path is one warning at the later row, naming the earlier line', () => {
    const records = planOf(TAKAHASHI);
    records.splice(3, 0, row(TAKAHASHI, ['1', '1', '2'], { serviceContent: '入浴後の保湿' }));
    const f = up2(records);
    const lines = linesOf(f.bytes);
    const found = planIssues(validateFiles([f]).issues);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'FILE_PLAN_PATH_REPEATED',
      severity: 'warning',
      file: NAME,
      line: lines[3],
      record: 4,
      field: { no: 13, key: 'supportContentNo', name: '援助内容ＮＯ' },
      value: '2',
      params: { user: '131016-0000123456', plan: '20250303', firstLine: lines[1], line: lines[3] },
    });
    expect(found[0]!.message).toBe(
      `課題ＮＯ 1・援助目標ＮＯ 1・援助内容ＮＯ 2 の行が ${lines[1]}行目と ${lines[3]}行目で重複しています（利用者 131016-0000123456、計画作成（変更）日 20250303）。受信側はこの番号の組で行を区別します。`,
    );
    expect(found[0]!.messageEn).toContain(`is on line ${lines[1]} and again on line ${lines[3]}`);
  });

  it('an identical row is FILE_DUPLICATE_RECORD only: one cause, one issue', () => {
    const records = planOf(TAKAHASHI);
    records.push(records[1]!);
    const codes = validateFiles([up2(records)]).files[0]!.issues.map((i) => i.code);
    expect(codes).toEqual(['FILE_DUPLICATE_RECORD']);
  });

  it('a 課題ＮＯ whose 課題 differs is one warning per differing row, at the 課題 field', () => {
    const records = planOf(TAKAHASHI);
    records[2] = { ...records[2]!, issue: '入浴時に転倒の不安がある' };
    records[3] = { ...records[3]!, issue: '入浴時に転倒の不安がある' };
    const f = up2(records);
    const lines = linesOf(f.bytes);
    const found = planIssues(validateFiles([f]).issues);
    expect(found.map((i) => [i.code, i.line, i.field?.no, i.params?.['firstLine']])).toEqual([
      ['FILE_PLAN_NEED_DIFFERS', lines[2], 7, lines[0]],
      ['FILE_PLAN_NEED_DIFFERS', lines[3], 7, lines[0]],
    ]);
    expect(found[0]!.value).toBe('入浴時に転倒の不安がある');
    expect(found[0]!.message).toBe(
      `課題ＮＯ 1 のNo.7「課題」が ${lines[0]}行目と ${lines[2]}行目で違います（利用者 131016-0000123456、計画作成（変更）日 20250303）。`,
    );
  });

  it('a (課題ＮＯ, 援助目標ＮＯ) whose 長期目標 or 長期期間 differs is a warning; a changed 短期目標 is not', () => {
    const records = planOf(TAKAHASHI);
    records[1] = { ...records[1]!, longTermGoal: '安全に入浴を続けられる。', shortTermGoal: '見守りで入浴できる' };
    records[2] = { ...records[2]!, longTermGoalPeriod: 'R7.3.3～R8.3.31' };
    const f = up2(records);
    const lines = linesOf(f.bytes);
    const found = planIssues(validateFiles([f]).issues);
    expect(found.map((i) => [i.code, i.line, i.field?.name, i.value])).toEqual([
      ['FILE_PLAN_GOAL_DIFFERS', lines[1], '長期目標', '安全に入浴を続けられる。'],
      ['FILE_PLAN_GOAL_DIFFERS', lines[2], '長期期間', 'R7.3.3～R8.3.31'],
    ]);
    expect(found[0]!.params).toMatchObject({ path: [{ field: { no: 6, name: '課題ＮＯ' }, value: '1' }, { field: { no: 8, name: '援助目標ＮＯ' }, value: '1' }] });
  });

  it('users and plans are kept apart, even interleaved; a repeat across the gap is still found', () => {
    const taka = planOf(TAKAHASHI);
    const yama = planOf(YAMAZAKI).map((r) => ({ ...r, issue: r['issue'] ? `山﨑: ${r['issue']}` : '' }));
    // The same user's next plan (another 計画作成（変更）日) numbers its rows afresh.
    const next = planOf({ ...TAKAHASHI, createdDate: '20250901', planChangeDate: '20250901' }).map((r) => ({ ...r, longTermGoal: r['longTermGoal'] ? `${r['longTermGoal']}（見直し）` : '' }));
    const repeat = row(TAKAHASHI, ['2', '1', '1'], { serviceContent: '通院の付き添い' });
    const f = up2([...taka.slice(0, 3), ...yama, ...next, ...taka.slice(3), repeat]);
    const lines = linesOf(f.bytes);
    const found = planIssues(validateFiles([f]).issues);
    expect(found.map((i) => [i.code, i.line, i.params?.['firstLine']])).toEqual([['FILE_PLAN_PATH_REPEATED', lines[15], lines[14]]]);
  });

  it('rows without a NO are not placed in the tree', () => {
    const records = [...planOf(TAKAHASHI), row(TAKAHASHI, ['', '', ''], { issue: '別の課題' }), row(TAKAHASHI, ['', '', ''])];
    expect(planIssues(validateFiles([up2(records)]).issues)).toEqual([]);
  });

  it('edition 3.2’s 第2表 has the same tree', () => {
    const records: CsvRecord[] = planOf(TAKAHASHI).map((r) => ({ ...r, csvVersion: '202208' }));
    records[4] = { ...records[4]!, goalNo: '2' };
    records.push(row(TAKAHASHI, ['1', '2', '1'], { csvVersion: '202208' }));
    const name = fileName('UP2KYO', undefined, CM, HELPER, 3, '20230224090000');
    const report = validateFiles([up2(records, '202208', name)]);
    expect(planIssues(report.issues).map((i) => i.code)).toEqual(['FILE_PLAN_PATH_REPEATED']);
  });
});

describe('予防 別表 (UPYOBO_SUB) NO tree', () => {
  const layout = getLayout('UPYOBO_SUB', '202407')!;
  const user = { insurerNumber: '131016', insuredNumber: '0000234567', planChangeDate: '20250410' };
  const sub = (nos: [string, string, string], texts: Record<string, string> = {}): CsvRecord => ({
    ...Object.fromEntries(layout.fields.map((f) => [f.key, ''])),
    csvVersion: '202407',
    ...user,
    issueNo: nos[0],
    supportPlanNo: nos[1],
    serviceUseNo: nos[2],
    serviceKind: '通所型サービス（独自）',
    serviceOfficeName: 'ﾃﾞｲｻｰﾋﾞｽ "ひまわり"',
    servicePeriod: 'R7.4.10～R7.10.31',
    ...texts,
  });
  const plan = () => [
    sub(['1', '1', '1'], { overallIssue: '膝の痛みで外出が減り、\r\n体力が低下している', goal: '毎日15分散歩できる', supportPoints: '膝に配慮した運動' }),
    sub(['1', '2', '1'], { supportPoints: '栄養バランスのよい食事', selfCareInformalSupport: '配食サービス（民間, 週3回）' }),
    // A free-text NO (予防 別表 No.5, 10, 14) written full-width is the same NO.
    sub(['１', '2', '2']),
  ];
  const name = fileName('UPYOBO_SUB', undefined, { office: '1370400002', serviceType: '46' }, { office: '1370500009', serviceType: 'A6' });

  it('a consistent 別表 gives nothing; differing texts and a repeated path are reported at their level', () => {
    expect(planIssues(validateFiles([file('UPYOBO_SUB', plan(), name)]).issues)).toEqual([]);
    const records = plan();
    records[1] = { ...records[1]!, overallIssue: '膝の痛みがある' };
    records[2] = { ...records[2]!, supportPoints: '塩分を控えた食事' };
    records.push(sub(['1', '2', '2']));
    const found = planIssues(validateFiles([file('UPYOBO_SUB', records, name)]).issues);
    expect(found.map((i) => [i.code, i.record, i.field?.key])).toEqual([
      ['FILE_PLAN_NEED_DIFFERS', 2, 'overallIssue'],
      ['FILE_PLAN_GOAL_DIFFERS', 3, 'supportPoints'],
      ['FILE_PLAN_PATH_REPEATED', 4, 'serviceUseNo'],
    ]);
  });
});

describe('the hierarchy data', () => {
  it('is checked when the library loads: a field a layout lacks, or a field named twice, throws', () => {
    const layouts = listLayouts();
    expect(() => checkHierarchies(HIERARCHIES, layouts)).not.toThrow();
    const bad = (levels: unknown) => () => checkHierarchies({ UP2KYO: { levels, source: 'test' } } as never, layouts);
    expect(bad([{ no: 'issueNo', fields: ['issueText'] }, { no: 'goalNo', fields: [] }])).toThrow(EditionDataError);
    expect(bad([{ no: 'issueNo', fields: ['issue'] }, { no: 'goalNo', fields: ['issue'] }])).toThrow(/named twice/);
    expect(bad([{ no: 'insuredNumber', fields: [] }])).toThrow(/named twice/);
    expect(bad([])).toThrow(/no level/);
    expect(bad([{ no: 'issueNo', fields: [] }, { no: 'goalNo', fields: ['longTermGoal'] }])).toThrow(/innermost/);
  });
});

describe('bounded memory', () => {
  it('keeps at most `cap` paths and plans: the plans seen longest ago are let go, the current one kept', () => {
    const memory = new PlanMemory(5);
    const a = memory.plan('A');
    a.set('1:1/', 1);
    memory.added();
    a.set('1:2/', 2);
    memory.added();
    const b = memory.plan('B');
    b.set('1:1/', 3);
    memory.added();
    // 2 plans + 3 paths = 5: nothing let go yet; one more path lets A go.
    expect(memory.plan('A')).toBe(a);
    memory.plan('B').set('1:2/', 4);
    memory.added();
    expect(memory.plan('A')).not.toBe(a);
    // One plan alone over the cap forgets its paths and goes on.
    const c = memory.plan('C');
    for (let i = 0; i < 10; i++) {
      c.set(`1:${i}/`, i);
      memory.added();
    }
    expect(c.size).toBeLessThan(5);
  });

  it('texts are kept as 53-bit digests', () => {
    const long = '課題'.repeat(5000);
    expect(Number.isSafeInteger(textDigest(long))).toBe(true);
    expect(textDigest(long)).not.toBe(textDigest(`${long} `));
    expect(textDigest('髙橋')).not.toBe(textDigest('高橋'));
  });
});

describe('whole and streamed', () => {
  it('the bundled samples give none of the new codes', () => {
    for (const dir of ['samples/4.1', 'samples/3.2']) {
      const files = readdirSync(dir)
        .filter((n) => n.endsWith('.CSV'))
        .map((n) => ({ name: n, bytes: readFileSync(`${dir}/${n}`) }));
      expect(planIssues(validateFiles(files).issues)).toEqual([]);
    }
  });

  it('validateFileStreams gives the same report at any chunking', async () => {
    const records = [...planOf(TAKAHASHI), ...planOf(YAMAZAKI)];
    records[2] = { ...records[2]!, issue: '別の課題, "引用"\r\nを含む' };
    records[6] = { ...records[6]!, longTermGoal: '違う長期目標' };
    records.push(row(YAMAZAKI, ['2', '1', '1']));
    const f = up2(records);
    const whole = validateFiles([f]);
    expect(planIssues(whole.issues).map((i) => i.code)).toEqual(['FILE_PLAN_NEED_DIFFERS', 'FILE_PLAN_GOAL_DIFFERS', 'FILE_PLAN_PATH_REPEATED']);
    for (const size of [1, 3, 17, 256, 65536]) {
      expect(await validateFileStreams([{ name: f.name, chunks: splitBytes(f.bytes, size) }])).toEqual(whole);
    }
  });
});
