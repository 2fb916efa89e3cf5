// Editions as data: the registry (spec-tables/editions.ts) resolved by one generic resolver, and bad delta
// data failing when it is loaded. A synthetic edition that inserts a field into 第6表 is registered from data
// alone (the same shape as spec-tables/edition-*.ts) and its files are written, read and validated.
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvFile, validateFile, writeCsvFile, type Layout } from '../src/index.js';
import {
  CURRENT_CSV_VERSION,
  CURRENT_EDITION,
  EditionDataError,
  editionOfCsvVersion,
  getEdition,
  getLayout,
  layoutKindOf,
  listEditions,
  registerEdition,
  supersedingCsvVersion,
  type DerivedEditionSpec,
} from '../src/spec.js';
import { EDITIONS } from '../spec-tables/editions.js';
import { validRecord } from './support/records.js';

/** Edition "9.9": edition 4.1 with 要介護度 inserted after サービスコード in 第6表 (UPPLAN, and so UPJSK). */
const SYNTHETIC = {
  id: '9.9',
  csvVersion: '209912',
  naming: 4,
  base: '4.1',
  layouts: {
    UPPLAN: {
      add: [
        {
          after: 'serviceCode',
          field: { key: 'careLevelCode', name: '要介護状態区分（合成）', length: 2, required: false, format: 'integer' },
        },
      ],
    },
  },
} as const satisfies DerivedEditionSpec;

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
/** A valid 第6表 row of the edition, sent to the receiver of NAME (no rental: no 明細判別コード). */
const row = (layout: Layout, overrides: Record<string, string>) =>
  validRecord(layout, { serviceOfficeNumber: '1370200006', detailDistinctionCode: '', ...overrides });
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('the edition registry', () => {
  it('serves 4.1, 4.0 and 3.2 as before, the current edition from one constant', () => {
    expect(listEditions()).toEqual([
      { id: '4.1', csvVersion: '202407', naming: 4 },
      { id: '4.0', csvVersion: '202504', naming: 4, supersededBy: '4.1' },
      { id: '3.2', csvVersion: '202208', naming: 3 },
    ]);
    expect(EDITIONS.map((e) => e.id)).toEqual(['4.1', '4.0', '3.2']);
    expect(CURRENT_EDITION).toBe('4.1');
    expect(CURRENT_CSV_VERSION).toBe('202407');
    expect(supersedingCsvVersion('202504')).toBe('202407');
    expect(supersedingCsvVersion('202407')).toBeUndefined();
  });

  it('names editions the way the command does: 4 → 4.1, 3 and 3.1 → 3.2', () => {
    expect(getEdition('4')?.id).toBe('4.1');
    expect(getEdition('3')?.id).toBe('3.2');
    expect(getEdition('3.1')?.id).toBe('3.2');
    expect(getEdition('4.0')?.id).toBe('4.0');
    expect(getEdition('2')).toBeUndefined();
    expect(editionOfCsvVersion('202208')?.naming).toBe(3);
  });

  it('honours sharedWith: UPJSK is written in UPPLAN\'s layout in every edition', () => {
    expect(layoutKindOf('UPJSK')).toBe('UPPLAN');
    expect(layoutKindOf('UPSIKYU')).toBe('UPSIKYU');
    for (const { csvVersion } of listEditions()) {
      expect(getLayout('UPJSK', csvVersion)!.fields).toEqual(getLayout('UPPLAN', csvVersion)!.fields);
    }
  });

  it('drops the kinds an edition lacks (withoutKinds) and keeps the rest unchanged', () => {
    expect(getLayout('UP3KYO', '202208')).toBeUndefined();
    expect(getLayout('UPYOBO', '202208')).toBeUndefined();
    expect(getLayout('UP2KYO', '202208')!.fields.map((f) => f.key)).toEqual(getLayout('UP2KYO', '202407')!.fields.map((f) => f.key));
  });
});

describe('a synthetic edition registered from data alone', () => {
  let layout: Layout;
  beforeAll(() => {
    registerEdition(SYNTHETIC);
    layout = getLayout('UPPLAN', '209912')!;
  });

  it('inserts the field after the named one and renumbers the No. of the fields after it', () => {
    const base = getLayout('UPPLAN', '202407')!;
    expect(layout.edition).toBe('9.9');
    expect(layout.fields).toHaveLength(base.fields.length + 1);
    expect(layout.fields.map((f) => [f.no, f.key]).slice(14, 17)).toEqual([
      [15, 'serviceCode'],
      [16, 'careLevelCode'],
      [17, 'taisCode'],
    ]);
    expect(layout.fields.at(-1)).toMatchObject({ no: 26, key: 'identifier', baseNo: 25 });
    expect(layout.fields[15]).not.toHaveProperty('baseNo');
    expect(getLayout('UPJSK', '209912')!.fields).toEqual(layout.fields);
    // Other kinds are the base's, unchanged.
    expect(getLayout('UPSIKYU', '209912')!.fields.map((f) => f.key)).toEqual(getLayout('UPSIKYU', '202407')!.fields.map((f) => f.key));
    expect(editionOfCsvVersion('209912')).toEqual({ id: '9.9', csvVersion: '209912', naming: 4 });
  });

  it('writes, reads and validates a file of it', () => {
    const record = row(layout, { careLevelCode: '3' });
    const written = writeCsvFile('UPPLAN', [record], { csvVersion: '209912', file: NAME });
    expect(written.issues).toEqual([]);
    const read = readCsvFile({ name: NAME, bytes: written.bytes });
    expect(read.issues).toEqual([]);
    expect(read.csvVersion).toBe('209912');
    expect(read.records).toEqual([record]);
    // Only the version's history is missing: the spec's CSVバージョン table has no 209912 row.
    expect(codes(validateFile({ name: NAME, bytes: written.bytes }).issues)).toEqual(['FILE_VERSION_NOT_IN_FORCE']);
  });

  it('checks the added field like any other', () => {
    const bad = writeCsvFile('UPPLAN', [row(layout, { careLevelCode: 'X' })], { csvVersion: '209912', file: NAME, unmappable: 'error' });
    const issues = validateFile({ name: NAME, bytes: bad.bytes }).issues.filter((i) => i.code !== 'FILE_VERSION_NOT_IN_FORCE');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: { no: 16, key: 'careLevelCode' }, value: 'X' });
  });
});

describe('bad edition data fails at load, naming the edition, kind and key', () => {
  const edition = (over: Record<string, unknown>) => ({ id: '8.8', csvVersion: '208808', naming: 4, base: '4.1', ...over }) as unknown as DerivedEditionSpec;
  const upplan = (delta: Record<string, unknown>) => edition({ layouts: { UPPLAN: delta } });
  const fails = (spec: DerivedEditionSpec, ...parts: string[]) => {
    let error: unknown;
    try {
      registerEdition(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EditionDataError);
    for (const part of parts) expect((error as Error).message).toContain(part);
  };

  it('an unknown kind', () => {
    fails(edition({ layouts: { UPPLAM: {} } }), '8.8', 'UPPLAM', 'unknown layout kind');
    fails(edition({ withoutKinds: ['UPJSKK'] }), '8.8', 'UPJSKK', 'unknown layout kind');
  });

  it('a kind the base edition lacks', () => {
    fails(edition({ base: '3.2', layouts: { UP3KYO: {} } }), '8.8', 'UP3KYO', 'base edition has no layout');
  });

  it('an unknown field key', () => {
    fails(upplan({ remove: ['taxCode'] }), '8.8', 'UPPLAN', '"taxCode"', 'remove names an unknown field key');
    fails(upplan({ change: { unit: { length: 7 } } }), '8.8', 'UPPLAN', '"unit"', 'unknown key in change');
  });

  it('a master-units rule on a field that is no integer, or of another value', () => {
    fails(upplan({ change: { serviceCode: { masterUnits: 'equal' } } }), '8.8', 'UPPLAN', 'serviceCode', 'masterUnits');
    fails(upplan({ change: { units: { masterUnits: 'below' } } }), '8.8', 'UPPLAN', 'units', 'masterUnits');
  });

  it('an unknown operation key (the old removeFields / changeFields, a typo)', () => {
    fails(upplan({ removeFields: ['taisCode'] }), '8.8', 'UPPLAN', '"removeFields"', 'unknown key');
    fails(upplan({ change: { units: { lenght: 7 } } }), '8.8', 'UPPLAN', '"lenght"', 'unknown key');
    fails(upplan({ add: [{ after: 'units', field: { key: 'x', name: 'x', length: 1, required: false, format: 'integer' }, before: 'x' }] }), '"before"');
    fails(edition({ layout: {} }), '8.8', '"layout"', 'unknown key');
  });

  it('a duplicate key', () => {
    const field = { key: 'units', name: '単位数', length: 6, required: true, format: 'integer' };
    fails(upplan({ add: [{ after: 'serviceCode', field }] }), '8.8', 'UPPLAN', '"units"', 'duplicate field key');
    fails(upplan({ remove: ['taisCode', 'taisCode'] }), '8.8', 'UPPLAN', '"taisCode"', 'duplicate');
    fails(edition({ id: '4.0' }), '4.0', 'duplicate edition id');
    fails(edition({ csvVersion: '202407' }), '8.8', '202407', 'duplicate CSV version');
  });

  it('a bad position', () => {
    const field = { key: 'careLevelCode', name: '要介護状態区分', length: 2, required: false, format: 'integer' };
    fails(upplan({ add: [{ after: 'serviceKode', field }] }), '8.8', 'UPPLAN', '"careLevelCode"', 'after ("serviceKode") names no field');
    fails(upplan({ remove: ['taisCode'], add: [{ after: 'taisCode', field }] }), '8.8', 'UPPLAN', 'names no field');
  });

  it('an added field that is not a field, a rule naming a removed field, a bad base', () => {
    fails(upplan({ add: [{ after: 'units', field: { key: 'x', name: 'x', length: 1, required: false } }] }), '8.8', 'UPPLAN', 'lacks format');
    fails(upplan({ add: [{ after: 'units', field: { key: 'x', name: 'x', length: 1, required: false, format: 'number' } }] }), '"x"', 'unknown format');
    fails(edition({ layouts: { UP1KYO: { remove: ['livingSupportReason'] } } }), 'UP1KYO', 'names livingSupportReason');
    fails(edition({ base: '7.7' }), '8.8', '"7.7"', 'unknown base edition');
    fails(edition({ naming: 5 }), '8.8', 'naming');
  });

  it('registers nothing when it fails', () => {
    expect(getLayout('UPPLAN', '208808')).toBeUndefined();
    expect(listEditions().map((e) => e.id)).toEqual(['4.1', '4.0', '3.2', '9.9']);
  });
});
