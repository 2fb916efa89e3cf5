// RECORD_HOSOKU_PAIRING: a 利用者補足 is tied to 第1/2表 (No.63 対象年月 000000) or to 第6/7表 (No.4
// 居宅サービス計画作成（変更）日 00000000). When the record says both or neither, the file name's month tells
// which document it belongs to, and the issue points at the field that disagrees with it.
import { describe, expect, it } from 'vitest';
import { getLayout, validateFile, validateStream } from '../src/index.js';
import { file, fileName } from './support/builders.js';
import { validRecord } from './support/records.js';

const supplement = (o: Record<string, string>) => ({ ...validRecord(getLayout('UPHOSOKU', '202407')!), ...o });
const toSchedule = fileName('UPHOSOKU', '202504'); // UPHOSOKU_202504_…: tied to 第6/7表
const toPlan = fileName('UPHOSOKU', '000000'); // UPHOSOKU_000000_…: tied to 第1/2表
const pairing = (name: string, o: Record<string, string>) =>
  validateFile(file('UPHOSOKU', [supplement(o)], name)).issues.filter((i) => i.code === 'RECORD_HOSOKU_PAIRING');

describe('RECORD_HOSOKU_PAIRING points at the wrong field', () => {
  it('tied to 第6/7表, a real plan date in No.4: No.4 is wrong', () => {
    const issues = pairing(toSchedule, { planChangeDate: '20250301', serviceMonth: '202504' });
    expect(issues.map((i) => [i.field?.no, i.field?.name, i.value, i.line, i.record])).toEqual([[4, '居宅サービス計画作成（変更）日', '20250301', 1, 1]]);
    expect(issues[0]!.message).toContain('ファイル名の提供年月 202504 のとおり第6/7表に紐づく');
    expect(issues[0]!.message).toContain('No.4「居宅サービス計画作成（変更）日」は 00000000 にします（値は 20250301）');
    expect(issues[0]!.messageEn).toContain('No.4 居宅サービス計画作成（変更）日 must be 00000000');
  });

  it('tied to 第1/2表, a real month in No.63: No.63 is wrong', () => {
    const issues = pairing(toPlan, { planChangeDate: '20250301', serviceMonth: '202504' });
    expect(issues.map((i) => [i.field?.no, i.value])).toEqual([[63, '202504']]);
    expect(issues[0]!.message).toContain('No.63「対象年月」は 000000 にします');
  });

  it('both sentinels: No.4 when tied to 第1/2表, No.63 when tied to 第6/7表', () => {
    const both = { planChangeDate: '00000000', serviceMonth: '000000' };
    expect(pairing(toPlan, both).map((i) => [i.field?.no, i.value])).toEqual([[4, '00000000']]);
    expect(pairing(toSchedule, both).map((i) => [i.field?.no, i.value])).toEqual([[63, '000000']]);
    expect(pairing(toSchedule, both)[0]!.message).toContain('No.63「対象年月」に第6/7表の対象年月を書きます');
  });

  it('a consistent record has no pairing issue', () => {
    expect(pairing(toSchedule, { planChangeDate: '00000000', serviceMonth: '202504' })).toEqual([]);
    expect(pairing(toPlan, { planChangeDate: '20250301', serviceMonth: '000000' })).toEqual([]);
  });

  it('without a month in the name the rule cannot tell and says what both fields should be', async () => {
    const { bytes } = file('UPHOSOKU', [supplement({ planChangeDate: '20250301', serviceMonth: '202504' })], toSchedule);
    const report = await validateStream([bytes], 'supplement.csv', { kind: 'UPHOSOKU' });
    const issues = report.issues.filter((i) => i.code === 'RECORD_HOSOKU_PAIRING');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('第1/2表に紐づく場合はNo.63「対象年月」を 000000、第6/7表に紐づく場合はNo.4「居宅サービス計画作成（変更）日」を 00000000');
  });
});
