import { describe, expect, it } from 'vitest';
import { IssueSink } from '../src/issue-sink.js';
import { resolvePolicy } from '../src/policy.js';
import { issue } from '../src/rules/index.js';

describe('IssueSink', () => {
  it('renders kept drafts late, caps each code and counts the rest in one FILE_ISSUES_TRUNCATED', () => {
    const sink = new IssueSink(resolvePolicy({ maxIssuesPerCode: 2 }), { file: 'a.CSV' });
    for (let line = 1; line <= 5; line++) sink.add(issue('FILE_DUPLICATE_RECORD', { firstLine: 1 }, { line }));
    const issues = sink.finish();
    expect(issues.map((i) => i.code)).toEqual(['FILE_DUPLICATE_RECORD', 'FILE_DUPLICATE_RECORD', 'FILE_ISSUES_TRUNCATED']);
    expect(issues[0]).toEqual({
      code: 'FILE_DUPLICATE_RECORD',
      severity: 'warning',
      file: 'a.CSV',
      line: 1,
      params: { firstLine: 1 },
      message: '1行目とまったく同じレコードです。',
      messageEn: 'Identical to the record on line 1.',
    });
    expect(issues[2]).toMatchObject({ file: 'a.CSV', value: 'FILE_DUPLICATE_RECORD', params: { code: 'FILE_DUPLICATE_RECORD', more: 3, limit: 2 } });
  });

  it('counts a send unit per code in UNIT_ISSUES_TRUNCATED', () => {
    const sink = new IssueSink(resolvePolicy({ maxIssuesPerCode: 1 }), { unit: 'u' });
    sink.add(issue('IMAGE_NOT_JPEG', {}));
    sink.add(issue('IMAGE_NOT_JPEG', {}));
    expect(sink.finish().at(-1)).toMatchObject({ code: 'UNIT_ISSUES_TRUNCATED', unit: 'u', value: 'IMAGE_NOT_JPEG' });
  });

  it('lowers the lenientProfile rules under the lenient profile only', () => {
    const strict = new IssueSink(resolvePolicy({}));
    const lenient = new IssueSink(resolvePolicy({ profile: 'lenient' }));
    const bom = { code: 'CSV_BOM', severity: 'error', message: '', messageEn: '' } as const;
    strict.addIssue(bom);
    lenient.addIssue(bom);
    expect(strict.finish()[0]!.severity).toBe('error');
    expect(lenient.finish()[0]!.severity).toBe('warning');
  });
});

describe('resolvePolicy', () => {
  it('applies every default once, derives lenient from the profile and returns a resolved policy as it is', () => {
    const p = resolvePolicy({ profile: 'lenient', maxIssuesPerCode: 0, limits: { maxRecords: 5.5 } });
    expect(p).toEqual({ profile: 'lenient', lenient: true, maxIssuesPerCode: 10_000, limits: { maxRecordLength: 1_000_000, maxFieldLength: 100_000, maxRecords: 5 }, kind: undefined });
    expect(resolvePolicy(p)).toBe(p);
    expect(resolvePolicy({ lenient: true })).toMatchObject({ profile: 'strict', lenient: true });
  });
});
