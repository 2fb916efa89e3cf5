// 福祉用具届出コード (第6表 No.17, 第7表 No.11): the spec gives it a length (12) and one example
// (例:00001－000010) and nothing else, so a value of another shape is a warning that quotes the example. The
// TAISコード, whose shape (5 digits, hyphen, 6 digits) is known, stays an error. Both come from the tables:
// `formatUncertain` on the field, the example on the format kind.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../spec-tables/index.js';
import { compileFieldChecker, getLayout, recordSchema, ruleOf, validateFile } from '../src/index.js';
import { annex, file, fileName, total, visit } from './support/builders.js';

const rental = (o: Record<string, string>) =>
  visit({ serviceCode: '171001', serviceStartTime: '9999', serviceEndTime: '9999', serviceOfficeNumber: '1370200006', ...o });

describe('福祉用具届出コード', () => {
  it('is marked uncertain in the tables of 第6表 and 第7表, and FIELD_FORMAT may be lowered for it', () => {
    for (const kind of ['UPPLAN', 'UPJSK', 'UPSIKYU'] as const) {
      const fields = getLayout(kind, '202407')!.fields.filter((f) => f.format === 'equipmentCode');
      expect(fields.map((f) => [f.key, f.formatUncertain !== undefined]), kind).toEqual([
        ['taisCode', false],
        ['equipmentNotificationCode', true],
      ]);
    }
    expect(FORMATS.equipmentCode.example).toBe('00001－000010');
    expect(ruleOf('FIELD_FORMAT')).toMatchObject({ severity: 'error', lowered: 'uncertainField' });
  });

  it('another shape is a warning naming the example; a wrong length is still an error', () => {
    const field = getLayout('UPPLAN', '202407')!.fields.find((f) => f.key === 'equipmentNotificationCode')!;
    const check = compileFieldChecker(field);
    expect(check('00001-000010')).toEqual([]);
    for (const value of ['A0001-000010', 'TK2024000123', '00001－000010']) {
      const problems = check(value);
      expect(problems.map((p) => [p.code, p.severity]), value).toEqual([['FIELD_FORMAT', 'warning']]);
      expect(problems[0]!.message).toContain('（仕様の例: 00001－000010）');
      expect(problems[0]!.message).toContain('警告');
      expect(problems[0]!.messageEn).toContain("the spec's example: 00001－000010");
    }
    expect(check('00001-0000100').map((p) => [p.code, p.severity])).toEqual([['FIELD_LENGTH', 'error']]);
  });

  it('in a file: a warning, and the record stays valid for recordSchema', () => {
    const r = validateFile(file('UPPLAN', [rental({ equipmentNotificationCode: 'AB123-000045' })], fileName('UPPLAN', '202504')));
    expect(r.issues.map((i) => [i.code, i.severity, i.field?.no, i.value])).toEqual([['FIELD_FORMAT', 'warning', 17, 'AB123-000045']]);
    expect(r.issues.some((i) => i.severity === 'error')).toBe(false);
    const annexFile = file('UPSIKYU', [annex({ serviceCode: '171001', equipmentNotificationCode: 'AB123-000045', timesOrDays: '1', serviceUnitsOrAmount: '244', benefitManagementUnits: '244' }), total({ serviceUnitsOrAmount: '244', benefitManagementUnits: '244', categoryLimitExcessUnits: '0', categoryLimitWithinUnits: '244' })], fileName('UPSIKYU', '202504'));
    expect(validateFile(annexFile).issues.map((i) => [i.code, i.severity, i.field?.no])).toEqual([['FIELD_FORMAT', 'warning', 11]]);
    expect(recordSchema('UPPLAN', '202407')!.safeParse(rental({ equipmentNotificationCode: 'AB123-000045' })).success).toBe(true);
  });
});

describe('TAISコード', () => {
  it('another shape stays an error, and quotes the example too', () => {
    const field = getLayout('UPPLAN', '202407')!.fields.find((f) => f.key === 'taisCode')!;
    const problems = compileFieldChecker(field)('AB123-000045');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['FIELD_FORMAT', 'error']]);
    expect(problems[0]!.message).toContain('（仕様の例: 00001－000010）');
    expect(problems[0]!.message).not.toContain('警告');
  });
});
