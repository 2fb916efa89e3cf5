// Record rules the layout notes state (or imply) between fields of one record, read from the spec tables
// (requiredWhen, emptyUnless, substitute, notBefore, notAfter), and the 利用者補足 slot arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getCodeTable,
  getLayout,
  getServiceType,
  listLayouts,
  validateFile,
  type CsvRecord,
  type Issue,
} from '../src/index.js';
import { CM, file, fileName, HELPER } from './support/builders.js';
import { validRecord } from './support/records.js';

/** 地域包括支援センター (介護予防支援 46) sending to a 通所型サービス (A6). */
const CENTER = { office: '1370400002', serviceType: '46' };
const DAY_CARE = { office: '1370500009', serviceType: 'A6' };

/** A 介護予防 record of a synthetic user: 相談日 2025-04-10, 計画作成(変更)日 2025-04-15, no family image. */
function preventionRecord(kind: 'UPKIHON' | 'UPYOBO', o: Record<string, string>): CsvRecord {
  const base = validRecord(getLayout(kind, '202407')!);
  return {
    ...base,
    insurerNumber: '131016',
    insuredNumber: '0000234567',
    ...(kind === 'UPYOBO' ? { planChangeDate: '20250415' } : { consultationDate: '20250410', familyDiagramFileName: '' }),
    ...o,
  };
}

/** Record and field issues only: other engineers' file rules do not concern these records. */
const recordIssues = (issues: readonly Issue[]) => issues.filter((i) => /^(RECORD|FIELD)_/.test(i.code));
const summary = (issues: readonly Issue[]) =>
  recordIssues(issues).map((i) => [i.code, i.severity, i.field?.no, i.value] as const);

// ---------------------------------------------------------------------------------------------------------
// 利用者補足 (UPHOSOKU): a 要介護2 user's 第6/7表 supplement for 2025-04 with two type limits.

const HOSOKU = getLayout('UPHOSOKU', '202407')!;
const EMPTY_SLOTS = Object.fromEntries(
  HOSOKU.fields.filter((f) => /^limit\d/.test(f.key)).map((f) => [f.key, '']),
);
const hosoku = (o: Record<string, string> = {}, layout = HOSOKU): CsvRecord =>
  validRecord(layout, {
    insuredNumber: '0000123456',
    planChangeDate: '00000000',
    userNameKana: 'ﾀｶﾊｼ ｻｷｺ',
    userName: '髙橋 﨑子',
    userSex: '2',
    userBirthDate: '19380615',
    userAddress1: '東京都千代田区神田須田町一丁目2-3',
    userAddress2: 'ｻﾝﾌﾟﾙﾊｲﾂ101',
    certificationDate: '20250214',
    limitPeriodStartDate: '20250301',
    limitPeriodEndDate: '20280229',
    careLevel: '22',
    benefitLimitUnits: '19705',
    ...EMPTY_SLOTS,
    // 訪問介護 within its limit; 短期入所療養介護 (written as 22) 450 units over.
    limit1ServiceTypeCode: '11',
    limit1Amount: '12000',
    limit1TotalUnits: '9500',
    limit1ExcessUnits: '0',
    limit2ServiceTypeCode: '22',
    limit2Amount: '3000',
    limit2TotalUnits: '3450',
    limit2ExcessUnits: '450',
    totalExcessUnits: '450',
    previousCareLevel: '22',
    serviceMonth: '202504',
    ...o,
  });
const hosokuName = fileName('UPHOSOKU', '202504');
const checkHosoku = (o: Record<string, string>, csvVersion = '202407') =>
  csvVersion === '202407'
    ? validateFile(file('UPHOSOKU', [hosoku(o)], hosokuName))
    : validateFile(
        file(
          'UPHOSOKU',
          [hosoku({ serviceMonth: '202303', limitPeriodStartDate: '20230301', limitPeriodEndDate: '20250228', ...o }, getLayout('UPHOSOKU', '202208')!)],
          fileName('UPHOSOKU', '202303', CM, HELPER, 3),
          '202208',
        ),
      );

describe('利用者補足: the type-limit slots (notes of No.20-55)', () => {
  it('a realistic supplement with two slots passes', () => {
    expect(summary(checkHosoku({}).issues)).toEqual([]);
  });

  it('短期入所療養介護 is set as 22: 23 and 2A in a slot are errors naming the note', () => {
    for (const code of ['23', '2A']) {
      const r = checkHosoku({ limit2ServiceTypeCode: code });
      expect(summary(r.issues)).toEqual([['RECORD_SUBSTITUTE_VALUE', 'error', 24, code]]);
      const issue = r.issues.find((i) => i.code === 'RECORD_SUBSTITUTE_VALUE')!;
      expect(issue.field).toEqual({ no: 24, key: 'limit2ServiceTypeCode', name: '２サービス種類コード' });
      expect(issue.line).toBe(1);
      expect(issue.message).toContain('22:短期入所療養介護（介護老人保健施設）');
      expect(issue.message).toContain(`${code}:${getServiceType(code)!.name}`);
      expect(issue.messageEn).toContain('write 22');
    }
    // Any slot, not only the first two; 25 (介護予防) is not what the note is about.
    expect(summary(checkHosoku({ limit2ServiceTypeCode: '17', limit3ServiceTypeCode: '2A', limit3Amount: '100', limit3TotalUnits: '0', limit3ExcessUnits: '0' }).issues)).toEqual([
      ['RECORD_SUBSTITUTE_VALUE', 'error', 28, '2A'],
    ]);
    expect(summary(checkHosoku({ limit2ServiceTypeCode: '25' }).issues)).toEqual([]);
  });

  it('a slot with a service type needs its limit (error) and its figures (warning: 第1/2表 records have no month)', () => {
    const noLimit = checkHosoku({ limit1Amount: '' });
    expect(summary(noLimit.issues)).toEqual([['RECORD_CONDITIONAL_REQUIRED', 'error', 21, '']]);
    const issue = noLimit.issues.find((i) => i.code === 'RECORD_CONDITIONAL_REQUIRED')!;
    expect(issue.message).toBe('No.21「１支給限度基準額」は、No.20「１サービス種類コード」に値がある場合は必須ですが空です。');
    expect(issue.messageEn).toBe('No.21 １支給限度基準額 is required when No.20 １サービス種類コード is set, but it is empty.');

    const noFigures = checkHosoku({ limit2TotalUnits: '', limit2ExcessUnits: '', totalExcessUnits: '' });
    expect(summary(noFigures.issues)).toEqual([
      ['RECORD_CONDITIONAL_REQUIRED', 'warning', 26, ''],
      ['RECORD_CONDITIONAL_REQUIRED', 'warning', 27, ''],
    ]);
    expect(noFigures.issues[0]!.message).toContain('warning');
  });

  it('figures without a service type in their slot are reported (warning: some software writes 0)', () => {
    const r = checkHosoku({ limit3Amount: '5000', limit3ExcessUnits: '0' });
    expect(summary(r.issues)).toEqual([
      ['RECORD_CONDITIONAL_EMPTY', 'warning', 29, '5000'],
      ['RECORD_CONDITIONAL_EMPTY', 'warning', 31, '0'],
    ]);
    expect(r.issues[0]!.message).toContain('No.28「３サービス種類コード」に値がある場合だけ記載し');
    expect(r.issues[0]!.message).toContain('No.28「３サービス種類コード」は 空');
  });

  it('限度超単位数 is max(0, 合計単位数 − 支給限度基準額)', () => {
    // 1500 over a limit of 1000 with 限度超 0.
    const r = checkHosoku({ limit1Amount: '1000', limit1TotalUnits: '1500', limit1ExcessUnits: '0' });
    expect(summary(r.issues)).toEqual([['RECORD_HOSOKU_LIMIT_EXCESS', 'error', 23, '0']]);
    const issue = r.issues.find((i) => i.code === 'RECORD_HOSOKU_LIMIT_EXCESS')!;
    expect(issue.message).toBe('No.23「１限度超単位数」 0 は、合計単位数 1500 − 支給限度基準額 1000 から 500 です。');
    // Correct figures: over by 500, and within the limit 0. The total follows (450 + 500 = 950).
    expect(summary(checkHosoku({ limit1Amount: '1000', limit1TotalUnits: '1500', limit1ExcessUnits: '500', totalExcessUnits: '950' }).issues)).toEqual([]);
    expect(summary(checkHosoku({ limit1Amount: '1000', limit1TotalUnits: '800', limit1ExcessUnits: '0' }).issues)).toEqual([]);
    expect(summary(checkHosoku({ limit1Amount: '1000', limit1TotalUnits: '800', limit1ExcessUnits: '200', totalExcessUnits: '650' }).issues)).toEqual([
      ['RECORD_HOSOKU_LIMIT_EXCESS', 'error', 23, '200'],
    ]);
  });

  it('限度超単位数 agrees with the arithmetic, whatever the figures', () => {
    fc.assert(
      fc.property(fc.nat(9_999_999), fc.nat(9_999_999), fc.nat(9_999_999), (limit, total, excess) => {
        const r = checkHosoku({
          limit1Amount: String(limit),
          limit1TotalUnits: String(total),
          limit1ExcessUnits: String(excess),
          totalExcessUnits: String(excess + 450),
        });
        const fired = r.issues.some((i) => i.code === 'RECORD_HOSOKU_LIMIT_EXCESS');
        expect(fired).toBe(excess !== Math.max(0, total - limit));
      }),
      { numRuns: 50, seed: 5 },
    );
  });

  it('合計限度超単位数 is the sum of the slots’ 限度超単位数 (warning: the 第7表 form’s 合計 row)', () => {
    const r = checkHosoku({ totalExcessUnits: '0' });
    expect(summary(r.issues)).toEqual([['RECORD_HOSOKU_TOTAL_EXCESS', 'warning', 56, '0']]);
    expect(r.issues[0]!.message).toContain('450');
    // No slot with a figure: nothing to sum.
    expect(summary(checkHosoku({ ...EMPTY_SLOTS, totalExcessUnits: '0' }).issues)).toEqual([]);
  });

  it('限度額適用終了年月日 is not before its start', () => {
    expect(summary(checkHosoku({ limitPeriodEndDate: '20250228' }).issues)).toEqual([['RECORD_DATE_ORDER', 'error', 15, '20250228']]);
    expect(summary(checkHosoku({ limitPeriodEndDate: '20250301' }).issues)).toEqual([]);
  });

  it('edition 3.2 (inferred from 4.1) carries the same rules', () => {
    expect(summary(checkHosoku({}, '202208').issues)).toEqual([]);
    expect(summary(checkHosoku({ limit1ServiceTypeCode: '23', limit2ExcessUnits: '0', totalExcessUnits: '0' }, '202208').issues)).toEqual([
      ['RECORD_SUBSTITUTE_VALUE', 'error', 20, '23'],
      ['RECORD_HOSOKU_LIMIT_EXCESS', 'error', 27, '0'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 利用者基本情報 (UPKIHON): notes of No.8 (L726) and No.12 (L731).

const kihonName = fileName('UPKIHON', undefined, CENTER, DAY_CARE);
const kihon = (o: Record<string, string>) =>
  validateFile(
    file(
      'UPKIHON',
      [
        preventionRecord('UPKIHON', {
          userNameKana: 'ﾅｶｻﾞｷ ｶｽﾞｺ',
          userName: '中﨑 和子',
          consultationMethod: '01',
          consultationMethodOther: '',
          consultationRound: '02',
          previousConsultationDate: '20241002',
          userCurrentSituation: '01',
          userCurrentSituationNote: '',
          certificationPeriodStartDate: '20241101',
          certificationPeriodEndDate: '20261031',
          ...o,
        }),
      ],
      kihonName,
    ),
  );

describe('利用者基本情報: 相談方法, 利用者の現況, 相談回数 and dates', () => {
  it('a realistic record passes, and so do 03 with its text and 02 with its note', () => {
    expect(summary(kihon({}).issues)).toEqual([]);
    expect(summary(kihon({ consultationMethod: '03', consultationMethodOther: '自宅訪問（民生委員からの連絡による）' }).issues)).toEqual([]);
    expect(summary(kihon({ userCurrentSituation: '02', userCurrentSituationNote: '令和7年3月から"ｻﾝﾌﾟﾙ病院"に入院中, 4月末退院予定' }).issues)).toEqual([]);
  });

  it('相談方法 03:その他 without その他の内容 is an error naming both fields and the condition', () => {
    const r = kihon({ consultationMethod: '03', consultationMethodOther: '' });
    expect(summary(r.issues)).toEqual([['RECORD_CONDITIONAL_REQUIRED', 'error', 9, '']]);
    const issue = r.issues[0]!;
    expect(issue.field).toEqual({ no: 9, key: 'consultationMethodOther', name: '相談方法(その他の内容)' });
    expect(issue.file).toBe(kihonName);
    expect(issue.message).toBe('No.9「相談方法(その他の内容)」は、No.8「相談方法」が 03:その他 の場合は必須ですが空です。');
    expect(issue.messageEn).toBe('No.9 相談方法(その他の内容) is required when No.8 相談方法 is 03:その他, but it is empty.');
  });

  it('利用者の現況 02:入院又は入所中 without 状況補足 is an error', () => {
    const r = kihon({ userCurrentSituation: '02' });
    expect(summary(r.issues)).toEqual([['RECORD_CONDITIONAL_REQUIRED', 'error', 13, '']]);
    expect(r.issues[0]!.message).toContain('No.12「利用者の現況」が 02:入院又は入所中 の場合は必須');
  });

  it('その他の内容 / 状況補足 with another code: a warning (the notes do not forbid it)', () => {
    const r = kihon({ consultationMethodOther: '家族から電話', userCurrentSituationNote: '在宅で独居' });
    expect(summary(r.issues)).toEqual([
      ['RECORD_CONDITIONAL_EMPTY', 'warning', 9, '家族から電話'],
      ['RECORD_CONDITIONAL_EMPTY', 'warning', 13, '在宅で独居'],
    ]);
    expect(r.issues[0]!.message).toContain('No.8「相談方法」は 01:来所');
    expect(r.issues[0]!.messageEn).toContain('(No.8 相談方法: 01:来所)');
  });

  it('前回相談日 goes with 02:再来 (warnings: implied by the form, not the notes)', () => {
    expect(summary(kihon({ previousConsultationDate: '' }).issues)).toEqual([['RECORD_CONDITIONAL_REQUIRED', 'warning', 11, '']]);
    expect(summary(kihon({ consultationRound: '01' }).issues)).toEqual([['RECORD_CONDITIONAL_EMPTY', 'warning', 11, '20241002']]);
    expect(summary(kihon({ consultationRound: '01', previousConsultationDate: '' }).issues)).toEqual([]);
  });

  it('前回相談日 after 相談日, and an 認定有効期間 ending before it starts, are errors', () => {
    const r = kihon({ previousConsultationDate: '20250411' });
    expect(summary(r.issues)).toEqual([['RECORD_DATE_ORDER', 'error', 11, '20250411']]);
    expect(r.issues[0]!.message).toBe('No.11「前回相談日」 20250411 が No.4「相談日」 20250410 より後です。');
    expect(summary(kihon({ previousConsultationDate: '20250410' }).issues)).toEqual([]);
    expect(summary(kihon({ certificationPeriodEndDate: '20241031' }).issues)).toEqual([['RECORD_DATE_ORDER', 'error', 25, '20241031']]);
  });

  it('a date the field rules reject is left to them', () => {
    expect(summary(kihon({ previousConsultationDate: '20251399' }).issues).map((s) => s[0])).toEqual(['FIELD_INVALID_DATE']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 第1表 (UP1KYO) and 介護予防サービス・支援計画書 (UPYOBO)

const plan1 = (o: Record<string, string>) =>
  validateFile(
    file(
      'UP1KYO',
      [
        validRecord(getLayout('UP1KYO', '202407')!, {
          insuredNumber: '0000123456',
          createdDate: '20250303',
          planCreatorName: '髙田 﨑子',
          careManagementOfficeName: '居宅介護支援事業所 ﾊｰﾄﾌﾙｹｱ神田',
          careManagementOfficeNumber: '1370100008',
          planChangeDate: '20250303',
          firstPlanCreatedDate: '20210510',
          certificationDate: '20250214',
          certificationPeriodStartDate: '20250301',
          certificationPeriodEndDate: '20280229',
          livingSupportReason: '',
          livingSupportReasonOther: '',
          ...o,
        }),
      ],
      fileName('UP1KYO', undefined),
    ),
  );

describe('第1表: 生活援助中心型の算定理由 and dates', () => {
  it('a realistic record passes, with and without 3:その他 and its reason', () => {
    expect(summary(plan1({}).issues)).toEqual([]);
    expect(summary(plan1({ livingSupportReason: '1' }).issues)).toEqual([]);
    expect(summary(plan1({ livingSupportReason: '3', livingSupportReasonOther: '同居の長男が夜勤で日中不在' }).issues)).toEqual([]);
  });

  it('3:その他 without その他理由, and その他理由 with another reason, are warnings (implied, not noted)', () => {
    expect(summary(plan1({ livingSupportReason: '3' }).issues)).toEqual([['RECORD_CONDITIONAL_REQUIRED', 'warning', 26, '']]);
    const r = plan1({ livingSupportReason: '1', livingSupportReasonOther: '同居の長男が夜勤で日中不在' });
    expect(summary(r.issues)).toEqual([['RECORD_CONDITIONAL_EMPTY', 'warning', 26, '同居の長男が夜勤で日中不在']]);
    expect(r.issues[0]!.message).toContain('No.25「生活援助中心型の算定理由」が 3:その他 の場合だけ');
  });

  it('初回居宅サービス計画作成日 after the plan date, and a period ending before it starts, are errors', () => {
    expect(summary(plan1({ firstPlanCreatedDate: '20250304' }).issues)).toEqual([['RECORD_DATE_ORDER', 'error', 15, '20250304']]);
    expect(summary(plan1({ firstPlanCreatedDate: '20250303' }).issues)).toEqual([]);
    const r = plan1({ certificationPeriodEndDate: '20250228' });
    expect(summary(r.issues)).toEqual([['RECORD_DATE_ORDER', 'error', 20, '20250228']]);
    expect(r.issues[0]!.messageEn).toBe('No.20 認定有効期間終了日 20250228 is before No.19 認定有効期間開始日 20250301.');
  });
});

describe('介護予防サービス・支援計画書: dates', () => {
  const yobo = (o: Record<string, string>) =>
    validateFile(
      file(
        'UPYOBO',
        [preventionRecord('UPYOBO', { userName: '髙木 一郎', firstPlanCreatedDate: '20250301', certificationPeriodStartDate: '20250301', certificationPeriodEndDate: '20260228', ...o })],
        fileName('UPYOBO', undefined, CENTER, DAY_CARE),
      ),
    );
  it('passes in order and fails out of order', () => {
    expect(summary(yobo({}).issues)).toEqual([]);
    expect(summary(yobo({ firstPlanCreatedDate: '20250416' }).issues)).toEqual([['RECORD_DATE_ORDER', 'error', 20, '20250416']]);
    expect(summary(yobo({ certificationPeriodEndDate: '20250228' }).issues)).toEqual([['RECORD_DATE_ORDER', 'error', 11, '20250228']]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The data itself

describe('record rules in the spec tables', () => {
  it('name existing fields of the same layout, real codes, and date fields, in every served layout', () => {
    let rules = 0;
    for (const layout of listLayouts()) {
      const byKey = new Map(layout.fields.map((f) => [f.key, f]));
      for (const f of layout.fields) {
        const where = `${layout.kind}@${layout.csvVersion} No.${f.no}`;
        for (const cond of [f.requiredWhen, f.emptyUnless]) {
          if (!cond) continue;
          rules++;
          const other = byKey.get(cond.field);
          expect(other, `${where}: ${cond.field}`).toBeDefined();
          expect(cond.field, where).not.toBe(f.key);
          for (const v of cond.values ?? []) {
            const codes = getCodeTable(other!.codeTable!)!.entries.map(([c]) => c);
            expect(codes, `${where}: ${v}`).toContain(v);
          }
        }
        if (f.substitute) {
          rules++;
          expect(f.format, where).toBe('serviceTypeCode');
          for (const v of [...f.substitute.values, f.substitute.use]) expect(getServiceType(v), `${where}: ${v}`).toBeDefined();
          expect(f.notes, where).toContain(f.substitute.noteJa);
        }
        for (const order of [f.notBefore, f.notAfter]) {
          if (!order) continue;
          rules++;
          expect(f.format, where).toBe('date');
          expect(byKey.get(order.field)?.format, `${where}: ${order.field}`).toBe('date');
        }
      }
    }
    expect(rules).toBeGreaterThan(100);
  });

  it('carry the notes they enforce (L726, L731, L63) and mark what the notes leave open', () => {
    const kihonLayout = getLayout('UPKIHON', '202407')!;
    const field = (key: string) => kihonLayout.fields.find((f) => f.key === key)!;
    expect(field('consultationMethodOther').requiredWhen).toEqual({ field: 'consultationMethod', values: ['03'] });
    expect(field('consultationMethod').notes).toContain('「03:その他」の場合は、「相談方法(その他の内容)」に内容を記載する。');
    expect(field('userCurrentSituationNote').requiredWhen).toEqual({ field: 'userCurrentSituation', values: ['02'] });
    expect(field('consultationMethodOther').emptyUnless?.uncertain).toBeDefined();
    expect(HOSOKU.fields.find((f) => f.key === 'limit1ServiceTypeCode')!.substitute?.use).toBe('22');
  });
});
