// The typed record types, checked by the compiler (npm run typecheck compiles test/): inferred from the spec
// tables, so a wrong mapping is a type error here. Each `it` also runs, so that vitest lists the checks.
import { describe, expectTypeOf, it } from 'vitest';
import { codeLabel, decodeRecord, encodeRecord, type CsvVersion, type TypedRecord } from '../src/index.js';

describe('TypedRecord', () => {
  it('gives code-table fields their literal union', () => {
    expectTypeOf<TypedRecord<'UPPLAN', '202407'>['over30Days']>().toEqualTypeOf<'1' | '0'>();
    expectTypeOf<NonNullable<TypedRecord<'UPHOSOKU'>['careLevel']>>().toEqualTypeOf<'06' | '12' | '13' | '21' | '22' | '23' | '24' | '25'>();
  });
  it('types times with a sentinel as string | null, and required', () => {
    expectTypeOf<TypedRecord<'UPPLAN'>['serviceStartTime']>().toEqualTypeOf<string | null>();
    expectTypeOf<TypedRecord<'UP3KYO'>['careStartTime']>().toEqualTypeOf<string | undefined>();
  });
  it('leaves out the fields an edition removed', () => {
    expectTypeOf<TypedRecord<'UPPLAN', '202208'>>().not.toHaveProperty('taisCode');
    expectTypeOf<TypedRecord<'UPPLAN', '202407'>>().toHaveProperty('taisCode');
    expectTypeOf<TypedRecord<'UPJSK', '202208'>>().not.toHaveProperty('equipmentName');
  });
  it('types numbers, day lists and the CSV version', () => {
    expectTypeOf<TypedRecord<'UPSIKYU'>['units']>().toEqualTypeOf<number>();
    expectTypeOf<TypedRecord<'UPSIKYU'>['unitPrice']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TypedRecord<'UPPLAN'>['proratedDays']>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<TypedRecord<'UPPLAN', '202504'>['csvVersion']>().toEqualTypeOf<'202504'>();
    expectTypeOf<TypedRecord<'UPHOSOKU'>['serviceMonth']>().toEqualTypeOf<string | null>();
  });
});

describe('decodeRecord and encodeRecord types', () => {
  it('the value is the TypedRecord of the CSVバージョン asked for, or of any served one', () => {
    const fixed = (text: Record<string, string>) => decodeRecord('UPPLAN', text, { csvVersion: '202208' });
    expectTypeOf<Extract<ReturnType<typeof fixed>, { ok: true }>['value']>().toEqualTypeOf<TypedRecord<'UPPLAN', '202208'>>();
    const any = (text: Record<string, string>) => decodeRecord('UPSIKYU', text);
    expectTypeOf<Extract<ReturnType<typeof any>, { ok: true }>['value']>().toEqualTypeOf<TypedRecord<'UPSIKYU', CsvVersion>>();
    expectTypeOf<TypedRecord<'UPSIKYU', CsvVersion>>().toEqualTypeOf<TypedRecord<'UPSIKYU', '202407'> | TypedRecord<'UPSIKYU', '202504'> | TypedRecord<'UPSIKYU', '202208'>>();
  });
  it('encodeRecord takes the typed record of its kind and version', () => {
    expectTypeOf(encodeRecord<'UPPLAN', '202208'>).parameter(1).toEqualTypeOf<TypedRecord<'UPPLAN', '202208'>>();
    expectTypeOf(codeLabel<'careLevel'>).parameter(1).toEqualTypeOf<'06' | '12' | '13' | '21' | '22' | '23' | '24' | '25'>();
  });
});
