// Plan vs delivery (comparePlanToActual): visits of one user, office, service code and day paired by time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, type CsvRecord, type PlanActualRow } from '../src/index.js';
import { CM, file, fileName, HELPER, visit } from './support/builders.js';

const planName = fileName('UPPLAN', '202504', CM, HELPER, 4, '20250325100000');
const jskName = fileName('UPJSK', '202504', HELPER, CM, 4, '20250501090000');
/** A visit as the helper office reports it in its 実績. */
const delivered = (o: Record<string, string> = {}) => visit({ updaterVendorCode: '1370200006', ...o });
const at = (start: string, end: string, o: Record<string, string> = {}) => ({ serviceStartTime: start, serviceEndTime: end, ...o });
const compare = (plan: CsvRecord[], actual: CsvRecord[]) => comparePlanToActual(file('UPPLAN', plan, planName), file('UPJSK', actual, jskName));
/** status, planned start-end×count, delivered start-end×count. */
const brief = (rows: readonly PlanActualRow[]) =>
  rows.map((r) => [
    r.date.slice(6),
    r.status,
    r.planned.map((v) => `${v.start}-${v.end}×${v.count}`).join(''),
    r.delivered.map((v) => `${v.start}-${v.end}×${v.count}`).join(''),
  ]);

describe('comparePlanToActual: several visits a day', () => {
  it('a missed second visit is planned-not-delivered, not a changed day', () => {
    const c = compare([visit(at('0900', '0930')), visit(at('1700', '1730'))], [delivered(at('0900', '0930'))]);
    expect(brief(c.rows)).toEqual([
      ['07', 'as-planned', '0900-0930×1', '0900-0930×1'],
      ['07', 'planned-not-delivered', '1700-1730×1', ''],
    ]);
    expect(c.summary).toEqual({ 'as-planned': 1, 'planned-not-delivered': 1, 'delivered-not-planned': 0, different: 0 });
    expect(c.rows[1]).toMatchObject({ insuredNumber: '0000123456', office: '1370200006', serviceCode: '111211', date: '20250407', planned: [{ line: 2 }] });
  });

  it('an extra visit is delivered-not-planned', () => {
    const c = compare([visit(at('0900', '0930'))], [delivered(at('1200', '1230')), delivered(at('0900', '0930'))]);
    expect(brief(c.rows)).toEqual([
      ['07', 'as-planned', '0900-0930×1', '0900-0930×1'],
      ['07', 'delivered-not-planned', '', '1200-1230×1'],
    ]);
  });

  it('visits that moved are paired by nearest start time and marked with what changed', () => {
    const c = compare(
      [visit(at('0900', '0930')), visit(at('1700', '1730'))],
      [delivered(at('1650', '1720')), delivered(at('0910', '0940'))],
    );
    expect(brief(c.rows)).toEqual([
      ['07', 'different', '0900-0930×1', '0910-0940×1'],
      ['07', 'different', '1700-1730×1', '1650-1720×1'],
    ]);
    expect(c.rows.map((r) => r.changes)).toEqual([
      ['start', 'end'],
      ['start', 'end'],
    ]);
    // One visit delivered, at 11:30: the nearer plan (12:00) moved, the 9:00 one was not delivered.
    const one = compare([visit(at('0900', '0930')), visit(at('1200', '1230'))], [delivered(at('1130', '1200'))]);
    expect(brief(one.rows)).toEqual([
      ['07', 'planned-not-delivered', '0900-0930×1', ''],
      ['07', 'different', '1200-1230×1', '1130-1200×1'],
    ]);
  });

  it('an exact start and end wins over an equally near start', () => {
    const c = compare([visit(at('0900', '0930')), visit(at('0900', '1000'))], [delivered(at('0900', '1000'))]);
    expect(brief(c.rows)).toEqual([
      ['07', 'planned-not-delivered', '0900-0930×1', ''],
      ['07', 'as-planned', '0900-1000×1', '0900-1000×1'],
    ]);
  });

  it('counts are numbers: 01 is 1, 2 is not', () => {
    const same = compare([visit({ serviceCount: '1' })], [delivered({ serviceCount: '01' })]);
    expect(same.rows.map((r) => r.status)).toEqual(['as-planned']);
    const twice = compare([visit({ serviceCount: '1' })], [delivered({ serviceCount: '2' })]);
    expect(twice.rows.map((r) => [r.status, r.changes])).toEqual([['different', ['count']]]);
  });
});

describe('comparePlanToActual: services without a time (9999)', () => {
  const RENTAL = '1370300004';
  const rental = (tais: string, o: Record<string, string> = {}) =>
    visit({ serviceOfficeNumber: RENTAL, serviceCode: '171001', units: '500', serviceDate: '20250401', taisCode: tais, ...at('9999', '9999'), ...o });
  const returned = (tais: string, o: Record<string, string> = {}) => rental(tais, { updaterVendorCode: RENTAL, ...o });

  it('9999 is a valid "no time": same products match, another product is a change', () => {
    const c = compare([rental('00170-000123'), rental('00285-000456')], [returned('00285-000456'), returned('00170-000123')]);
    expect(c.rows.map((r) => [r.status, r.planned[0]!.product, r.delivered[0]!.product])).toEqual([
      ['as-planned', '00170-000123', '00170-000123'],
      ['as-planned', '00285-000456', '00285-000456'],
    ]);
    const swapped = compare([rental('00170-000123')], [returned('00410-000210')]);
    expect(swapped.rows.map((r) => [r.status, r.changes])).toEqual([['different', ['product']]]);
  });

  it('a visit planned with no time and delivered with one is the same visit, at another time', () => {
    const c = compare([visit(at('9999', '9999'))], [delivered(at('1000', '1030'))]);
    expect(brief(c.rows)).toEqual([['07', 'different', '9999-9999×1', '1000-1030×1']]);
    // A timed delivery pairs with the timed plan first; the untimed plan is left over.
    const two = compare([visit(at('9999', '9999')), visit(at('0900', '0930'))], [delivered(at('0905', '0935'))]);
    expect(brief(two.rows)).toEqual([
      ['07', 'different', '0900-0930×1', '0905-0935×1'],
      ['07', 'planned-not-delivered', '9999-9999×1', ''],
    ]);
  });
});

describe('comparePlanToActual on a realistic month', () => {
  it('gives one row per visit, ordered by user, day and time, with every kind of difference', () => {
    const days = ['20250401', '20250403', '20250408', '20250410'];
    const userB = { insuredNumber: 'H123456789' };
    const plan = [
      // 0000123456: 身体介護 twice a day.
      ...days.flatMap((d) => [visit({ serviceDate: d, ...at('0900', '0930') }), visit({ serviceDate: d, ...at('1700', '1730') })]),
      // H123456789 (生活保護単独): 生活援助 once.
      ...days.map((d) => visit({ ...userB, serviceCode: '111111', units: '179', serviceDate: d, ...at('1400', '1445') })),
    ];
    const actual = [
      delivered({ serviceDate: '20250401', ...at('0900', '0930') }),
      delivered({ serviceDate: '20250401', ...at('1700', '1730') }),
      delivered({ serviceDate: '20250403', ...at('0900', '0930') }), // evening visit cancelled
      delivered({ serviceDate: '20250408', ...at('0905', '0935') }), // late
      delivered({ serviceDate: '20250408', ...at('1700', '1730'), serviceCount: '02' }), // counted twice
      delivered({ serviceDate: '20250410', ...at('0900', '0930') }),
      delivered({ serviceDate: '20250410', ...at('1700', '1730') }),
      delivered({ serviceDate: '20250412', ...at('1000', '1030') }), // not planned
      ...days.filter((d) => d !== '20250408').map((d) => delivered({ ...userB, serviceCode: '111111', units: '179', serviceDate: d, ...at('1400', '1445') })),
    ];
    const c = compare(plan, actual);
    expect(c.issues).toEqual([]);
    expect(c.rows.map((r) => [r.insuredNumber, r.date.slice(6), r.serviceCode, r.status])).toEqual([
      ['0000123456', '01', '111211', 'as-planned'],
      ['0000123456', '01', '111211', 'as-planned'],
      ['0000123456', '03', '111211', 'as-planned'],
      ['0000123456', '03', '111211', 'planned-not-delivered'],
      ['0000123456', '08', '111211', 'different'],
      ['0000123456', '08', '111211', 'different'],
      ['0000123456', '10', '111211', 'as-planned'],
      ['0000123456', '10', '111211', 'as-planned'],
      ['0000123456', '12', '111211', 'delivered-not-planned'],
      ['H123456789', '01', '111111', 'as-planned'],
      ['H123456789', '03', '111111', 'as-planned'],
      ['H123456789', '08', '111111', 'planned-not-delivered'],
      ['H123456789', '10', '111111', 'as-planned'],
    ]);
    expect(c.rows.filter((r) => r.status === 'different').map((r) => r.changes)).toEqual([['start', 'end'], ['count']]);
    expect(c.summary).toEqual({ 'as-planned': 8, 'planned-not-delivered': 2, 'delivered-not-planned': 1, different: 2 });
  });
});

describe('comparePlanToActual: properties', () => {
  const time = fc.oneof(
    fc.constant('9999'),
    fc.tuple(fc.integer({ min: 6, max: 20 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`),
  );
  const visits = fc.array(fc.record({ start: time, count: fc.constantFrom('1', '01', '2') }), { maxLength: 4 });
  const rec = (v: { start: string; count: string }, make: typeof visit) =>
    make({ serviceStartTime: v.start, serviceEndTime: v.start === '9999' ? '9999' : v.start.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, '0')), serviceCount: v.count });

  it('every visit is in exactly one row; a delivery equal to the plan is all as-planned', () => {
    fc.assert(
      fc.property(visits, visits, (p, d) => {
        const plan = p.map((v) => rec(v, visit));
        const actual = d.map((v) => rec(v, delivered));
        const c = compare(plan, actual.length ? actual : [delivered({ serviceDate: '20250430' })]);
        const rows = c.rows.filter((r) => r.date === '20250407');
        expect(rows.flatMap((r) => r.planned.map((v) => v.line)).sort()).toEqual(p.map((_, i) => i + 1));
        expect(rows.flatMap((r) => r.delivered).length).toBe(d.length);
        expect(rows.filter((r) => r.planned.length && r.delivered.length).length).toBe(Math.min(p.length, d.length));
        const self = compare(plan, p.length ? plan.map((r) => ({ ...r, updaterVendorCode: '1370200006' })) : [delivered()]);
        if (p.length) expect(self.rows.every((r) => r.status === 'as-planned')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('comparePlanToActual: profiles', () => {
  it('strict refuses a UTF-8 plan; lenient reads it on, with the encoding as a warning, and compares', () => {
    const plan = file('UPPLAN', [visit()], planName);
    // The same plan as a careless export writes it: UTF-8 (the realistic failure the lenient profile is for).
    const utf8 = { name: planName, bytes: new TextEncoder().encode(new TextDecoder('shift_jis').decode(plan.bytes)) };
    const actual = file('UPJSK', [delivered()], jskName);
    const strict = comparePlanToActual(utf8, actual);
    expect(strict.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['CSV_NOT_MS932']);
    expect(strict.summary['delivered-not-planned']).toBe(1);
    const lenient = comparePlanToActual(utf8, actual, { profile: 'lenient' });
    expect(lenient.issues.map((i) => [i.code, i.severity])).toEqual([['CSV_NOT_MS932', 'warning']]);
    expect(lenient.summary).toEqual(comparePlanToActual(plan, actual).summary);
    expect(lenient.summary['as-planned']).toBe(1);
  });
});

describe('comparePlanToActual on hostile input', () => {
  it('thousands of visits of one service on one day are paired in time order, in n log n (not every pair)', () => {
    const time = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
    const plan = Array.from({ length: 3000 }, (_, i) => visit(at(time(i % 1440), time((i + 30) % 1440))));
    // Every delivery 7 minutes late and a minute longer: no visit matches exactly, all go by time.
    const actual = Array.from({ length: 3000 }, (_, i) => delivered(at(time((i + 7) % 1440), time((i + 38) % 1440))));
    const r = compare(plan, actual);
    expect(r.rows).toHaveLength(3000);
    expect(r.summary['planned-not-delivered'] + r.summary['delivered-not-planned']).toBe(0);
  });
});
