// The service-code master: the loader (both layouts, MS932 and UTF-8, bad rows located, merging), and the
// validator's checks of each サービスコード against it (unknown, out of period, uncovered type, 総合事業 per 保険者,
// 単位数). Every master here is synthetic, built in the test.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createServiceCodeMaster,
  loadServiceCodeCsv,
  mergeServiceCodeMasters,
  readCsvFile,
  validateFileStreams,
  validateFiles,
  type InputFile,
  type Issue,
  type ServiceCodeMaster,
} from '../src/index.js';
import { annex, CM, file, fileName, subtotal, total, visit } from './support/builders.js';
import { runCommand } from './support/command.js';
import { sjis, utf8 } from './support/encodings.js';

const INSURER_HEADER =
  '保険者番号,サービス種類コード,サービス項目コード,適用開始年月,適用終了年月,サービス名称,単位数,算定単位,制限日数回数,算定回数制限期間,限度額管理対象区分,単位数単価,給付率,利用者負担額,事業対象者実施区分,支援1受給者実施区分,支援2受給者実施区分,国保連委託区分,作成日';
/** A row of the 保険者 layout, quoted as the 保険者 publish it (the 制限日数回数-like column unquoted, as in the real files). */
const insurerRow = (insurer: string, type: string, item: string, from: string, to: string, name: string, units: string) =>
  `"${insurer}","${type}","${item}","${from}","${to}","${name}","${units}","03","1","01","3","","","","2","2",2,"1","20191108"`;
const VENDOR_HEADER = '種類,項目,開始年月,終了年月,名称,単位数';

/** A vendor master of 訪問介護 codes: 身体介護1 (111211) from 2024-04, an older code ended 2024-03, a 加算. */
const vendorCsv = [
  VENDOR_HEADER,
  '11,1211,202404,999999,身体介護１,244',
  '11,1111,201910,202403,身体介護１（旧）,250',
  '11,6275,202404,,訪問介護処遇改善加算Ⅰ,',
  '11,4000,202404,,特定事業所加算Ⅱ,100',
].join('\r\n');

const month = '202504';
const names = {
  plan: fileName('UPPLAN', month),
  annex: fileName('UPSIKYU', month),
};

/** A 第6表 and 第7表 for one user whose rows use `code` (units 244 unless given). */
function files(code: string, o: { units?: string; discountedUnits?: string } = {}): InputFile[] {
  const units = o.units ?? '244';
  const amount = o.discountedUnits ?? units;
  const discount = o.discountedUnits ? { discountRate: '90', discountedUnits: o.discountedUnits } : {};
  return [
    file('UPPLAN', [visit({ serviceCode: code, units })], names.plan),
    file('UPSIKYU', [annex({ serviceCode: code, units, timesOrDays: '1', serviceUnitsOrAmount: amount, ...discount }), total({ serviceUnitsOrAmount: amount })], names.annex),
  ];
}

const codesOf = (issues: readonly Issue[]) => issues.map((i) => i.code);
const own = (issues: readonly Issue[]) => issues.filter((i) => /^RECORD_SERVICE|^MASTER_/.test(i.code));

describe('loadServiceCodeCsv', () => {
  it('reads the 保険者 layout in MS932, quoted, 999999 as open-ended', () => {
    const csv = [INSURER_HEADER, insurerRow('435073', 'A2', '1214', '201910', '999999', '訪問型独自サービスU・同一', '2108'), insurerRow('435073', 'A2', '1111', '201504', '201909', '訪問型独自サービス１', '1168')].join('\r\n');
    const { master, issues } = loadServiceCodeCsv({ name: '435073_sogo.csv', bytes: sjis(csv + '\r\n') });
    expect(issues).toEqual([]);
    expect(master.entries).toEqual([
      { code: 'A21214', from: '201910', name: '訪問型独自サービスU・同一', units: 2108, insurer: '435073' },
      { code: 'A21111', from: '201504', to: '201909', name: '訪問型独自サービス１', units: 1168, insurer: '435073' },
    ]);
    expect(master.covers('A2', '435073')).toBe(true);
    expect(master.covers('A2', '131016')).toBe(false);
    expect(master.covers('A2')).toBe(false);
  });

  it('reads the vendor layout in UTF-8 with and without a BOM, and in MS932, alike', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(vendorCsv)]);
    const results = [withBom, utf8(vendorCsv), sjis(vendorCsv)].map((bytes) => loadServiceCodeCsv(bytes));
    for (const r of results) {
      expect(r.issues).toEqual([]);
      expect(r.master.entries).toEqual(results[0]!.master.entries);
    }
    expect(results[0]!.master.entries[0]).toEqual({ code: '111211', from: '202404', name: '身体介護１', units: 244 });
    expect(results[0]!.master.entries[2]).toEqual({ code: '116275', from: '202404', name: '訪問介護処遇改善加算Ⅰ' });
    expect(results[0]!.master.covers('11', '131016')).toBe(true);
  });

  it('locates each bad row (line, column, value, both languages) and leaves it out; never throws', () => {
    const csv = [
      VENDOR_HEADER,
      '11,1211,202404,999999,身体介護１,244',
      '1,1211,202404,999999,種類が1桁,244', // line 3: type
      '11,1212,202413,999999,"月が13, 引用符つき",244', // line 4: month
      '11,1213,202404,202304,終了が先,244', // line 5: order
      '11,1214,202404,999999,単位が数でない,約244', // line 6: units
      '11,1215,202404', // line 7: cells
      '11,1216,202404,999999,"閉じない引用符,244', // line 8: quoting (to the end)
    ].join('\r\n');
    const { master, issues } = loadServiceCodeCsv({ name: 'vendor.csv', bytes: utf8(csv) });
    expect(master.entries.map((e) => e.code)).toEqual(['111211']);
    expect(issues.map((i) => [i.code, i.line, i.field?.name, i.value])).toEqual([
      ['MASTER_BAD_VALUE', 3, '種類', '1'],
      ['MASTER_BAD_VALUE', 4, '開始年月', '202413'],
      ['MASTER_PERIOD_ORDER', 5, '終了年月', '202304'],
      ['MASTER_BAD_VALUE', 6, '単位数', '約244'],
      ['MASTER_ROW_SHAPE', 7, undefined, '11,1215,202404'],
      ['MASTER_ROW_SHAPE', 8, undefined, expect.stringContaining('閉じない引用符')],
    ]);
    for (const i of issues) {
      expect(i.file).toBe('vendor.csv');
      expect(i.severity).toBe('error');
      expect(i.message).toMatch(/[ぁ-ん]/);
      expect(i.messageEn).toMatch(/[a-z]/);
    }
    expect(issues[1]!.message).toBe('開始年月が年月（YYYYMM）ではありません。この行は読みませんでした。');
  });

  it('leaves out a file whose header is neither layout, saying so', () => {
    const { master, issues } = loadServiceCodeCsv([{ name: 'UPPLAN.CSV', bytes: utf8('"202407","131016","0000123456"\r\n') }, utf8(vendorCsv)]);
    expect(codesOf(issues)).toEqual(['MASTER_NOT_A_MASTER']);
    expect(issues[0]).toMatchObject({ file: 'UPPLAN.CSV', line: 1 });
    expect(master.entries).toHaveLength(4);
  });

  it('merges several files, later ones adding codes, and reports the same code with other 単位数 in an overlapping period', () => {
    const later = [VENDOR_HEADER, '12,1111,202404,999999,訪問入浴介護,1266', '11,1211,202410,999999,身体介護１,250', '11,1111,201910,202403,身体介護１（旧）,250'].join('\r\n');
    const { master, issues } = loadServiceCodeCsv([
      { name: 'national.csv', bytes: utf8(vendorCsv) },
      { name: 'patch.csv', bytes: sjis(later) },
    ]);
    expect(master.entries).toHaveLength(7);
    expect(master.covers('12')).toBe(true);
    expect(issues.map((i) => [i.code, i.severity, i.file, i.line, i.value])).toEqual([['MASTER_CONFLICT', 'warning', 'patch.csv', 3, '111211']]);
    expect(issues[0]!.message).toContain('national.csv:2');
    // The same, from masters loaded apart.
    const apart = mergeServiceCodeMasters(loadServiceCodeCsv(utf8(vendorCsv)).master, loadServiceCodeCsv(sjis(later)).master);
    expect(apart.master.entries).toEqual(master.entries);
    expect(codesOf(apart.issues)).toEqual(['MASTER_CONFLICT']);
  });

  it('never throws on arbitrary bytes, and every issue it gives is located in its file', () => {
    const header = fc.constantFrom(VENDOR_HEADER, INSURER_HEADER, '', '種類,項目');
    const arbitraryText = fc.tuple(header, fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 })).map(([h, rows]) => utf8([h, ...rows].join('\r\n')));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), arbitraryText), (bytes) => {
        const { master, issues } = loadServiceCodeCsv({ name: 'm.csv', bytes });
        expect(Array.isArray(master.entries)).toBe(true);
        for (const i of issues) if (i.code !== 'MASTER_CONFLICT') expect(i.file).toBe('m.csv');
      }),
      { numRuns: 300 },
    );
  });

  it('throws a TypeError naming the argument for a wrong type', () => {
    expect(() => loadServiceCodeCsv('種類,項目' as never)).toThrow(TypeError);
    expect(() => loadServiceCodeCsv('種類,項目' as never)).toThrow(/input/);
    expect(() => createServiceCodeMaster([{ code: 111211 }] as never)).toThrow(/entries\[0\]\.code/);
  });
});

describe('validateFiles with a service-code master', () => {
  const { master } = loadServiceCodeCsv(utf8(vendorCsv));

  it('a code valid for its month passes: no issue of its own, the same report as without the master', () => {
    const input = files('111211');
    const without = validateFiles(input);
    const withMaster = validateFiles(input, { serviceCodes: master });
    expect(withMaster.issues).toEqual(without.issues);
  });

  it('a code unknown to the master is an error on each file, at the code', () => {
    const report = validateFiles(files('111299'), { serviceCodes: master });
    const unknown = report.issues.filter((i) => i.code === 'RECORD_SERVICE_CODE_UNKNOWN');
    expect(unknown.map((i) => [i.file, i.line, i.field?.no, i.value, i.severity])).toEqual([
      [names.plan, 1, 15, '111299', 'error'],
      [names.annex, 1, 9, '111299', 'error'],
    ]);
    expect(unknown[0]!.message).toBe('サービスコード 111299 はサービスコード表にありません（対象年月 2025年04月）（1 レコード、行 1）。');
  });

  it('a code known but outside its period is an error naming the period', () => {
    const report = validateFiles(files('111111', { units: '250' }), { serviceCodes: master });
    const out = report.issues.filter((i) => i.code === 'RECORD_SERVICE_CODE_OUT_OF_PERIOD');
    expect(out).toHaveLength(2);
    expect(out[0]!.message).toBe('サービスコード 111111 は 2025年04月 に使えません（適用期間 2019年10月〜2024年03月）（1 レコード、行 1）。');
    expect(out[0]!.messageEn).toBe('Service code 111111 cannot be used in 2025-04 (valid 2019-10 to 2024-03) (1 record, line 1).');
    expect(own(report.issues).map((i) => i.code)).toEqual(['RECORD_SERVICE_CODE_OUT_OF_PERIOD', 'RECORD_SERVICE_CODE_OUT_OF_PERIOD']);
  });

  it('a master that does not cover the service type says nothing', () => {
    const report = validateFiles(files('131111'), { serviceCodes: master });
    expect(own(report.issues)).toEqual([]);
  });

  it('skips the subtotal and total pseudo-codes of 第7表', () => {
    const rows = [annex(), annex({ serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ さくら 第二' }), subtotal({ serviceUnitsOrAmount: '3904' }), total({ serviceUnitsOrAmount: '3904' })];
    const report = validateFiles([file('UPSIKYU', rows, names.annex)], { serviceCodes: master });
    expect(own(report.issues)).toEqual([]);
  });

  it('checks 総合事業 codes per 保険者: the same code, two 保険者, different periods', () => {
    const csv = [
      INSURER_HEADER,
      insurerRow('435073', 'A2', '1214', '201910', '999999', '訪問型独自サービスU・同一', '2108'),
      insurerRow('131016', 'A2', '1214', '201504', '202403', '訪問型独自サービス２', '2108'),
    ].join('\r\n');
    const sogo = loadServiceCodeCsv(sjis(csv)).master;
    const forInsurer = (insurer: string) =>
      own(validateFiles([file('UPPLAN', [visit({ insurerNumber: insurer, serviceCode: 'A21214', units: '2108', serviceOfficeNumber: '13A0100001' })], fileName('UPPLAN', month, CM, { office: '13A0100001', serviceType: 'A2' }))], { serviceCodes: sogo }).issues);
    expect(forInsurer('435073')).toEqual([]);
    const other = forInsurer('131016');
    expect(codesOf(other)).toEqual(['RECORD_SERVICE_CODE_OUT_OF_PERIOD']);
    expect(other[0]!.message).toBe('サービスコード A21214 は 2025年04月 に使えません（保険者番号 131016 の適用期間 2015年04月〜2024年03月）（1 レコード、行 1）。');
    // A 保険者 the master has no codes of: its type is not covered for that 保険者, so nothing is said.
    expect(forInsurer('272005')).toEqual([]);
    // An unknown code of a covered 保険者 names the 保険者.
    const unknown = own(validateFiles([file('UPPLAN', [visit({ insurerNumber: '435073', serviceCode: 'A29999', serviceOfficeNumber: '13A0100001' })], fileName('UPPLAN', month, CM, { office: '13A0100001', serviceType: 'A2' }))], { serviceCodes: sogo }).issues);
    expect(unknown.map((i) => i.message)).toEqual(['サービスコード A29999 はサービスコード表（保険者番号 435073）にありません（対象年月 2025年04月）（1 レコード、行 1）。']);
  });

  it('warns where 単位数 disagree with the master: 第7表 単位数 equal, 割引後単位数 and 第6表 単位数 never above', () => {
    const differ = (input: InputFile[]) => own(validateFiles(input, { serviceCodes: master }).issues).map((i) => [i.file, i.field?.name, i.value, i.severity]);
    // 第7表 単位数 above the master's; 第6表 単位数 above it too.
    expect(differ(files('111211', { units: '300' }))).toEqual([
      [names.plan, '単位数', '300', 'warning'],
      [names.annex, '単位数', '300', 'warning'],
    ]);
    // Below: 第6表 carries the discounted figure (fine); 第7表 単位数 is the code's own (a warning).
    expect(differ(files('111211', { units: '200' }))).toEqual([[names.annex, '単位数', '200', 'warning']]);
    // A discount: 割引後単位数 below the master's is what a discount is.
    expect(differ(files('111211', { discountedUnits: '220' }))).toEqual([]);
    expect(differ(files('111211', { discountedUnits: '260' }))).toEqual([[names.annex, '割引後単位数', '260', 'warning']]);
    // 加算 codes are not checked (many are computed by rate), nor codes without 単位数 in the master.
    expect(differ(files('114000', { units: '123' }))).toEqual([]);
    expect(differ(files('116275', { units: '87' }))).toEqual([]);
    const warning = own(validateFiles(files('111211', { units: '300' }), { serviceCodes: master }).issues)[1]!;
    expect(warning.code).toBe('RECORD_SERVICE_UNITS_DIFFER');
    expect(warning.message).toBe('No.13「単位数」 300 がサービスコード表のサービスコード 111211 の単位数 244 と違います（1 レコード、行 1）。');
  });

  it('validateFileStreams checks the same (streams and chunks at hand alike)', async () => {
    const input = files('111299');
    const expected = validateFiles(input, { serviceCodes: master });
    const atHand = await validateFileStreams(input.map((f) => ({ name: f.name, chunks: [f.bytes] })), { serviceCodes: master });
    async function* chunks(bytes: Uint8Array) {
      for (let i = 0; i < bytes.length; i += 17) yield bytes.subarray(i, i + 17);
    }
    const streamed = await validateFileStreams(input.map((f) => ({ name: f.name, chunks: chunks(f.bytes) })), { serviceCodes: master });
    expect(atHand.issues).toEqual(expected.issues);
    expect(streamed.issues).toEqual(expected.issues);
    expect(codesOf(own(streamed.issues))).toEqual(['RECORD_SERVICE_CODE_UNKNOWN', 'RECORD_SERVICE_CODE_UNKNOWN']);
  });

  it('asks a vendor master once per code, month and 保険者 in a file', () => {
    const asked: string[] = [];
    const vendor: ServiceCodeMaster = {
      covers: (type) => type === '11',
      lookup: (code, { month: m, insurer }) => {
        asked.push(`${code} ${m} ${insurer}`);
        return code === '111211' ? [{ code, from: '202404' }] : [];
      },
    };
    const rows = Array.from({ length: 5 }, (_, i) => visit({ serviceDate: `2025040${i + 1}` }));
    const report = validateFiles([file('UPPLAN', rows, names.plan)], { serviceCodes: vendor });
    expect(own(report.issues)).toEqual([]);
    expect(asked).toEqual(['111211 202504 131016']);
  });

  it('throws a TypeError naming the option when serviceCodes is not a master', () => {
    expect(() => validateFiles(files('111211'), { serviceCodes: vendorCsv as never })).toThrow(TypeError);
    expect(() => validateFiles(files('111211'), { serviceCodes: { covers: () => true } as never })).toThrow(/options\.serviceCodes\.lookup/);
    return expect(validateFileStreams([], { serviceCodes: 42 as never })).rejects.toThrow(/options\.serviceCodes/);
  });
});

describe('one cause, one issue: a service code repeated on many rows', () => {
  const { master } = loadServiceCodeCsv(utf8(vendorCsv));
  /** A 第6表 whose rows use `codes[i]` (a visit a day; units 244 unless given as `code:units`). */
  const plan = (codes: readonly string[]) =>
    file(
      'UPPLAN',
      codes.map((c, i) => {
        const [serviceCode, units] = c.split(':');
        return visit({ serviceCode: serviceCode!, units: units ?? '244', serviceDate: `202504${String((i % 28) + 1).padStart(2, '0')}`, serviceStartTime: String(800 + Math.floor(i / 28) * 100).padStart(4, '0') });
      }),
      names.plan,
    );
  // Rows 1–2 valid, 3–14 the unknown code, 15 valid, 16–23 the unknown code: 20 rows, two runs.
  const twenty = [...Array(2).fill('111211'), ...Array(12).fill('111299'), '111211', ...Array(8).fill('111299')] as string[];

  async function* chunked(bytes: Uint8Array, size: number) {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  /** The whole-file report and the streamed ones at chunk sizes 1, 7 and 4096 are the same. */
  async function sameStreamed(input: InputFile[], options: Parameters<typeof validateFiles>[1] = { serviceCodes: master }) {
    const whole = validateFiles(input, options);
    for (const size of [1, 7, 4096]) {
      const streamed = await validateFileStreams(input.map((f) => ({ name: f.name, chunks: chunked(f.bytes, size) })), options);
      expect(streamed.issues).toEqual(whole.issues);
    }
    return whole;
  }

  it('20 rows with one unknown code: one issue at the first row, 20 records, their line runs in affected and the message', async () => {
    const report = await sameStreamed([plan(twenty)]);
    const found = own(report.issues);
    expect(found).toHaveLength(1);
    const [unknown] = found;
    expect([unknown!.code, unknown!.line, unknown!.record, unknown!.field?.no, unknown!.value]).toEqual(['RECORD_SERVICE_CODE_UNKNOWN', 3, 3, 15, '111299']);
    expect(unknown!.affected).toEqual({ records: 20, lines: [[3, 14], [16, 23]] });
    expect(unknown!.params).toMatchObject({ code: '111299', month: '202504', records: 20, lines: [[3, 14], [16, 23]] });
    expect(unknown!.message).toBe('サービスコード 111299 はサービスコード表にありません（対象年月 2025年04月）（20 レコード、行 3–14、16–23）。');
    expect(unknown!.messageEn).toBe('Service code 111299 is not in the service-code master (service month 2025-04) (20 records, lines 3–14, 16–23).');
    expect(report.summary.errors).toBe(validateFiles([plan(twenty.map(() => '111211'))], { serviceCodes: master }).summary.errors + 1);
  });

  it('two unknown codes: two issues, each with its own records, in file order', async () => {
    const codes = ['111298', '111299', '111298', '111211', '111299', '111299'];
    const found = own((await sameStreamed([plan(codes)])).issues);
    expect(found.map((i) => [i.code, i.value, i.line, i.affected])).toEqual([
      ['RECORD_SERVICE_CODE_UNKNOWN', '111298', 1, { records: 2, lines: [[1, 1], [3, 3]] }],
      ['RECORD_SERVICE_CODE_UNKNOWN', '111299', 2, { records: 3, lines: [[2, 2], [5, 6]] }],
    ]);
  });

  it('out of period: one issue per code and month, counted like the unknown', async () => {
    const codes = ['111111:250', '111111:250', '111211', '111111:250', '111299'];
    const found = own((await sameStreamed([plan(codes)])).issues);
    expect(found.map((i) => [i.code, i.value, i.line, i.affected?.records])).toEqual([
      ['RECORD_SERVICE_CODE_OUT_OF_PERIOD', '111111', 1, 3],
      ['RECORD_SERVICE_CODE_UNKNOWN', '111299', 5, 1],
    ]);
    expect(found[0]!.message).toBe('サービスコード 111111 は 2025年04月 に使えません（適用期間 2019年10月〜2024年03月）（3 レコード、行 1–2、4）。');
    expect(found[0]!.messageEn).toBe('Service code 111111 cannot be used in 2025-04 (valid 2019-10 to 2024-03) (3 records, lines 1–2, 4).');
  });

  it('units: one warning per code, field and value', async () => {
    const codes = ['111211:300', '111211:300', '111211:300', '111211:310', '111211', '111211:300'];
    const found = own((await sameStreamed([plan(codes)])).issues);
    expect(found.map((i) => [i.code, i.field?.no, i.value, i.line, i.affected])).toEqual([
      ['RECORD_SERVICE_UNITS_DIFFER', 8, '300', 1, { records: 4, lines: [[1, 3], [6, 6]] }],
      ['RECORD_SERVICE_UNITS_DIFFER', 8, '310', 4, { records: 1, lines: [[4, 4]] }],
    ]);
    expect(found[0]!.message).toBe('No.8「単位数」 300 がサービスコード表のサービスコード 111211 の単位数 244 を超えています（4 レコード、行 1–3、6）。');
    // 第7表 too: its 単位数 and 割引後単位数 are two fields, two causes.
    const annexRows = [1, 2, 3].map(() => annex({ serviceCode: '111211', units: '300', timesOrDays: '1', serviceUnitsOrAmount: '270', discountRate: '90', discountedUnits: '270' }));
    const annexFound = own((await sameStreamed([file('UPSIKYU', [...annexRows, total({ serviceUnitsOrAmount: '810' })], names.annex)])).issues);
    expect(annexFound.map((i) => [i.field?.name, i.value, i.affected?.records])).toEqual([
      ['単位数', '300', 3],
      ['割引後単位数', '270', 3],
    ]);
  });

  it('past 10,000 causes in a file, a new cause is reported row by row; the causes gathered go on counting', async () => {
    // A vendor master that covers 訪問介護 and knows none of its codes: every distinct code is a cause.
    const none: ServiceCodeMaster = { covers: (type) => type === '11', lookup: () => [] };
    const codeOf = (i: number) => `11${i.toString(36).toUpperCase().padStart(4, '0')}`;
    const codes = [...Array.from({ length: 10_001 }, (_, i) => codeOf(i)), codeOf(10_000), codeOf(0)];
    const options = { serviceCodes: none, maxIssuesPerCode: 20_000 };
    const report = await sameStreamed([plan(codes)], options);
    const found = report.issues.filter((i) => i.code === 'RECORD_SERVICE_CODE_UNKNOWN');
    expect(found).toHaveLength(10_002);
    // Its second row is counted; its line is past the 1,000 runs a file keeps (one per cause here), so only counted.
    const first = found.find((i) => i.value === codeOf(0))!;
    expect(first.affected).toEqual({ records: 2, lines: [[1, 1]], linesOmitted: 1 });
    expect(first.message).toBe(`サービスコード ${codeOf(0)} はサービスコード表にありません（対象年月 2025年04月）（2 レコード、行 1 ほか 1 レコード）。`);
    expect(found.filter((i) => i.value === codeOf(10_000)).map((i) => i.affected)).toEqual([
      { records: 1, lines: [[10_001, 10_001]] },
      { records: 1, lines: [[10_002, 10_002]] },
    ]);
  }, 120_000);

  it('the cap counts causes: past maxIssuesPerCode a cause is only counted in the truncation notice', async () => {
    const codes = ['111297', '111298', '111297', '111299', '111298'];
    const report = await sameStreamed([plan(codes)], { serviceCodes: master, maxIssuesPerCode: 1 });
    const found = report.issues.filter((i) => i.code === 'RECORD_SERVICE_CODE_UNKNOWN');
    expect(found.map((i) => [i.value, i.affected?.records])).toEqual([['111297', 2]]);
    const notice = report.issues.find((i) => i.code === 'FILE_ISSUES_TRUNCATED' && i.value === 'RECORD_SERVICE_CODE_UNKNOWN');
    expect(notice?.params).toMatchObject({ more: 2, limit: 1 });
  });
});

describe('the bundled samples', () => {
  it('validated with a master made from their own codes, give no issue they did not give without it', () => {
    const dirs = ['samples', 'samples/4.1', 'samples/3.2', 'samples/broken'];
    const inputs = dirs.map((d) => readdirSync(d).filter((f) => /\.CSV$/i.test(f)).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(d, f))) })));
    // Per folder (an edition's 単位数 differ from another's), 単位数 only where every 第7表 row of the code agrees.
    const masterOf = (group: readonly InputFile[]) => {
      const units = new Map<string, Set<number>>();
      for (const f of group) {
        const read = readCsvFile(f, { lenient: true });
        for (const r of read.records as Record<string, string>[]) {
          const code = r['serviceCode'];
          if (!code || !/^[0-9A-Z]{6}$/.test(code) || /AAAA$|EEEE$|ZZZZ$|^999999$/.test(code)) continue;
          const seen = units.get(code) ?? new Set<number>();
          if (read.kind === 'UPSIKYU') seen.add(Number(r['units']));
          units.set(code, seen);
        }
      }
      return createServiceCodeMaster([...units].map(([code, u]) => ({ code, from: '201904', ...(u.size === 1 ? { units: [...u][0]! } : {}) })));
    };
    for (const group of inputs) {
      const master = masterOf(group);
      if (group.some((f) => f.name.startsWith('UPSIKYU'))) expect(master.entries.some((e) => e.units !== undefined)).toBe(true);
      const without = validateFiles(group);
      const withMaster = validateFiles(group, { serviceCodes: master });
      expect(withMaster.issues).toEqual(without.issues);
    }
  });
});

describe('careplan-csv validate --service-codes', () => {
  const S = 'samples/4.1';
  const plan = `${S}/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV`;
  const annexFile = `${S}/UPSIKYU_202504_1370100008_43_1370200006_11_20250325100000.CSV`;
  const dir = mkdtempSync(join(tmpdir(), 'careplan-master-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it('loads several master files (MS932 and UTF-8), lists their problems first and checks the codes', () => {
    const national = write('national.csv', sjis([VENDOR_HEADER, '11,1211,202404,999999,身体介護１,', '11,1111,201910,202403,身体介護１（旧）,250', '11,12-1,202404,,壊れた行,1'].join('\r\n')));
    const extra = write('extra.csv', utf8([VENDOR_HEADER, '12,1111,202404,999999,訪問入浴介護,1266'].join('\r\n')));
    const { code, stdout } = runCommand(['validate', plan, annexFile, '--service-codes', national, '--service-codes', extra, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: { file: string; issues: Issue[] }[] };
    expect(report.files.map((f) => f.file).slice(0, 3)).toEqual([national, extra, plan]);
    expect(report.files[0]!.issues.map((i) => [i.code, i.line, i.value])).toEqual([['MASTER_BAD_VALUE', 4, '12-1']]);
    expect(report.files[1]!.issues).toEqual([]);
    const found = report.files.slice(2).flatMap((f) => f.issues).filter((i) => i.code.startsWith('RECORD_SERVICE'));
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((i) => `${i.code} ${i.value}`))).toEqual(new Set(['RECORD_SERVICE_CODE_OUT_OF_PERIOD 111111']));
  });

  it('a missing master file is an I/O error (exit 2) naming it, nothing validated', () => {
    const { code, stdout, stderr } = runCommand(['validate', plan, '--service-codes', join(dir, 'missing.csv')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('missing.csv');
  });
});
