// Typed records both ways (decodeRecord / encodeRecord): every record of the bundled samples decodes and encodes
// back to the same text record, values have the documented typed forms, issues are the validator's, and bad
// typed values give located issues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeLabel,
  decodeRecord,
  encodeRecord,
  getLayout,
  isFileKind,
  readCsvFile,
  validateFile,
  writeCsvFile,
  type CsvVersion,
  type FileKind,
  type Issue,
  type TypedRecord,
} from '../src/index.js';
import { validRecord } from './support/records.js';

const csvFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.CSV') && statSync(join(dir, n)).isFile())
    .map((n) => join(dir, n));
const SAMPLE_FILES = ['samples', 'samples/4.1', 'samples/3.2'].flatMap(csvFiles);
const RECORD_FILES = ['samples/records', 'samples/records/4.1', 'samples/records/3.2'].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.includes('broken'))
    .map((n) => join(dir, n)),
);

/** decode then encode one text record: the same text record, with no issue at all. */
function roundTrip(kind: FileKind, text: Record<string, string>, where: { file: string; line?: number; record: number }): void {
  const decoded = decodeRecord(kind, text, where);
  expect(decoded.issues).toEqual([]);
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  const encoded = encodeRecord(kind, decoded.value, { csvVersion: text['csvVersion'] as CsvVersion });
  expect(encoded.issues).toEqual([]);
  expect(encoded.ok && encoded.record).toEqual(text);
}

describe('every record of samples/ round-trips through its typed form', () => {
  it.each(SAMPLE_FILES)('%s', (path) => {
    const read = readCsvFile({ name: path.split('/').pop()!, bytes: readFileSync(path) });
    expect(read.kind && isFileKind(read.kind)).toBe(true);
    expect(read.records.length).toBeGreaterThan(0);
    read.records.forEach((text, i) => roundTrip(read.kind!, text, { file: path, line: read.lines[i]!, record: i + 1 }));
  });
  it.each(RECORD_FILES)('%s', (path) => {
    const kind = path.split('/').pop()!.split('.')[0]!;
    expect(isFileKind(kind)).toBe(true);
    const records = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>[];
    records.forEach((text, i) => roundTrip(kind as FileKind, text, { file: path, record: i + 1 }));
  });
});

describe('typed forms (a 第6表 record of the 4.1 samples, a 利用者補足 tied to 第1/2表)', () => {
  const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
  const plan = readCsvFile({ name, bytes: readFileSync(join('samples/4.1', name)) }).records;

  it('dates, months, times, sentinels, numbers, codes and text', () => {
    const text = { ...plan[0]!, serviceStartTime: '0930', serviceEndTime: '1030', proratedDays: '0'.repeat(3) + '1'.repeat(5) + '0'.repeat(23) };
    const r = decodeRecord('UPPLAN', text);
    expect(r.ok && r.value).toMatchObject({
      csvVersion: '202407',
      createdDate: '2025-03-25',
      serviceMonth: '2025-04',
      serviceStartTime: '09:30',
      serviceEndTime: '10:30',
      units: 650,
      serviceCount: 1,
      proratedDays: [4, 5, 6, 7, 8],
      over30Days: '0',
      insuredNumber: '0000123456',
      careManagerName: '髙田 﨑子',
    });
    const nine = decodeRecord('UPPLAN', plan[0]!);
    expect(nine.ok && [nine.value.serviceStartTime, nine.value.serviceEndTime]).toEqual([null, null]);
  });

  it('an empty field is absent: 0 and empty stay two values', () => {
    const r = decodeRecord('UPPLAN', { ...plan[0]!, shortStayDaysToPrevMonth: '0', satelliteBranch: '' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.shortStayDaysToPrevMonth).toBe(0);
    expect('satelliteBranch' in r.value).toBe(false);
    const back = encodeRecord('UPPLAN', r.value, { csvVersion: '202407' });
    expect(back.ok && [back.record['shortStayDaysToPrevMonth'], back.record['satelliteBranch']]).toEqual(['0', '']);
  });

  it("利用者補足's 00000000 and 000000 are null, and null is written back as them", () => {
    const layout = getLayout('UPHOSOKU', '202407')!;
    const text = validRecord(layout, { planChangeDate: '00000000', serviceMonth: '000000' });
    const r = decodeRecord('UPHOSOKU', text, { validate: false });
    expect(r.ok && [r.value.planChangeDate, r.value.serviceMonth]).toEqual([null, null]);
    const typed = (r as { value: TypedRecord<'UPHOSOKU'> }).value;
    const back = encodeRecord('UPHOSOKU', typed, { csvVersion: '202407', validate: false });
    expect(back.ok && back.record).toEqual(text);
  });

  it('a rate is a number, written with 2 decimals', () => {
    const layout = getLayout('UPSIKYU', '202407')!;
    const r = decodeRecord('UPSIKYU', validRecord(layout, { unitPrice: '11.40' }), { validate: false });
    expect(r.ok && r.value.unitPrice).toBe(11.4);
    const typed = { ...(r as { value: TypedRecord<'UPSIKYU'> }).value, unitPrice: 5 };
    const back = encodeRecord('UPSIKYU', typed, { csvVersion: '202407', validate: false });
    expect(back.ok && back.record['unitPrice']).toBe('5.00');
  });

  it('codeLabel gives the Japanese label of a code', () => {
    expect(codeLabel('careLevel', '21')).toBe('要介護１');
    expect(codeLabel('applicability', '0')).toBe('非該当');
    expect(codeLabel('careLevel', '99')).toBeUndefined();
    expect(codeLabel('noSuchTable', '1')).toBeUndefined();
    expect(() => codeLabel('careLevel', 21 as never)).toThrow(TypeError);
  });
});

describe('DECODE_NORMALISED: two spellings of one value are said, never silently changed', () => {
  const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
  const plan = readCsvFile({ name, bytes: readFileSync(join('samples/4.1', name)) }).records;
  it('007 is read as 7, located, and written back as 7', () => {
    const r = decodeRecord('UPPLAN', { ...plan[0]!, units: '00650' }, { file: name, line: 1, record: 1 });
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([
      {
        code: 'DECODE_NORMALISED',
        severity: 'info',
        file: name,
        line: 1,
        record: 1,
        field: { no: 8, key: 'units', name: '単位数' },
        value: '00650',
        params: { field: { no: 8, name: '単位数' }, value: '00650', canonical: '650' },
        message: 'No.8「単位数」 の値 "00650" は 650 と読みました。書き戻すと "650" になります（値は同じで、綴りだけが変わります）。',
        messageEn: 'No.8 単位数: "00650" was read as 650; it is written back as "650" (the same value, spelt canonically).',
      },
    ]);
    const back = encodeRecord('UPPLAN', (r as { value: TypedRecord<'UPPLAN'> }).value, { csvVersion: '202407' });
    expect(back.ok && back.record).toEqual(plan[0]);
  });
  it('05.00 is read as 5 and written back as 5.00', () => {
    const layout = getLayout('UPSIKYU', '202407')!;
    const r = decodeRecord('UPSIKYU', validRecord(layout, { unitPrice: '05.00' }), { validate: false });
    expect(r.issues.map((i) => [i.code, i.field?.key, i.value])).toEqual([['DECODE_NORMALISED', 'unitPrice', '05.00']]);
    const back = encodeRecord('UPSIKYU', (r as { value: TypedRecord<'UPSIKYU'> }).value, { csvVersion: '202407', validate: false });
    expect(back.ok && back.record['unitPrice']).toBe('5.00');
  });
});

describe("issues are the validator's", () => {
  it('each record of the broken sample gets exactly the field and record issues validateFile reports for it', () => {
    const records = JSON.parse(readFileSync('samples/records/UPPLAN.202407.broken.json', 'utf8')) as Record<string, string>[];
    const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV';
    const written = writeCsvFile('UPPLAN', records, { csvVersion: '202407', unmappable: 'substitute' });
    const read = readCsvFile({ name, bytes: written.bytes });
    const report = validateFile({ name, bytes: written.bytes });
    const recordLevel = (i: Issue) => /^(FIELD|RECORD)_/.test(i.code);
    expect(report.issues.filter(recordLevel).length).toBeGreaterThan(5);
    let decodedIssues: Issue[] = [];
    read.records.forEach((text, i) => {
      const r = decodeRecord('UPPLAN', text, { file: name, line: read.lines[i]!, record: i + 1 });
      decodedIssues = decodedIssues.concat(r.issues);
      expect(r.ok).toBe(!report.issues.some((x) => x.record === i + 1 && x.severity === 'error'));
    });
    const key = (i: Issue) => `${i.record} ${i.field?.no} ${i.code} ${i.message}`;
    expect(decodedIssues.filter(recordLevel).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      report.issues.filter(recordLevel).sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('encodeRecord reports the field and record rules on what it would write', () => {
    const plan = validRecord(getLayout('UPPLAN', '202407')!, { serviceStartTime: '9999', serviceEndTime: '1000', detailDistinctionCode: '' });
    const typed = (decodeRecord('UPPLAN', plan, { validate: false }) as { value: TypedRecord<'UPPLAN'> }).value;
    const r = encodeRecord('UPPLAN', { ...typed, serviceCode: '1' }, { csvVersion: '202407', record: 3 });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.field?.key, i.record])).toEqual([
      ['FIELD_LENGTH', 'serviceCode', 3],
      ['RECORD_TIME_PAIR', 'serviceEndTime', 3],
    ]);
  });
});

describe('bad typed values give located ENCODE_BAD_VALUE errors', () => {
  const layout = getLayout('UPPLAN', '202407')!;
  const typed = (decodeRecord('UPPLAN', validRecord(layout), { validate: false }) as { value: TypedRecord<'UPPLAN'> }).value;
  it.each([
    ['createdDate', '2025-02-30'],
    ['createdDate', '20250325'],
    ['createdDate', new Date(2025, 2, 25)],
    ['serviceMonth', '2025-13'],
    ['serviceStartTime', '24:00'],
    ['serviceStartTime', 930],
    ['units', 1.5],
    ['units', '650'],
    ['units', Number.NaN],
    ['proratedDays', [1, 32]],
    ['proratedDays', '1111'],
    ['over30Days', '2'],
    ['over30Days', 1],
    ['careManagerName', ''],
    ['insuredNumber', null],
    ['serviceCount', true],
  ])('%s = %o', (key, value) => {
    const r = encodeRecord('UPPLAN', { ...typed, [key]: value } as never, { csvVersion: '202407', file: 'plan.json', record: 7 });
    expect(r.ok).toBe(false);
    const bad = r.issues.filter((i) => i.code === 'ENCODE_BAD_VALUE');
    expect(bad).toHaveLength(1);
    const field = layout.fields.find((f) => f.key === key)!;
    expect(bad[0]).toMatchObject({ severity: 'error', file: 'plan.json', record: 7, field: { no: field.no, key, name: field.name } });
    expect(bad[0]!.message).toContain(field.name);
    expect(typeof bad[0]!.value).toBe('string');
  });
  it('the message says what the field takes (the code table, null where allowed)', () => {
    const r = encodeRecord('UPPLAN', { ...typed, over30Days: '2' as never, serviceStartTime: 'soon' }, { csvVersion: '202407' });
    const [time, code] = r.issues;
    expect(code!.message).toBe('No.23「３０日超区分」 の値 2 は書けません。コード表の値（文字列）：1:該当、0:非該当を指定してください（空の項目はプロパティを省きます）。');
    expect(time!.messageEn).toBe("No.12 サービス開始時刻: soon cannot be written; it must be a time as an 'HH:MM' string (00:00-23:59), or null (9999) (leave the property out for an empty field).");
  });
});

describe('records that are not of the layout', () => {
  const layout = getLayout('UPPLAN', '202407')!;
  const text = validRecord(layout, { detailDistinctionCode: '' }); // 明細判別コード is for 福祉用具貸与 only
  it('DOCUMENT_UNKNOWN_FIELD for a key the layout lacks, own or inherited', () => {
    const d = decodeRecord('UPPLAN', { ...text, serviceDay: '1' });
    expect(d.ok).toBe(false);
    expect(d.issues.map((i) => [i.code, i.value])).toContainEqual(['DOCUMENT_UNKNOWN_FIELD', 'serviceDay']);
    const typed = Object.create({ inherited: 1 }) as Record<string, unknown>;
    Object.assign(typed, (decodeRecord('UPPLAN', text, { validate: false }) as { value: object }).value);
    const e = encodeRecord('UPPLAN', typed as never, { csvVersion: '202407' });
    expect(e.issues.map((i) => [i.code, i.value])).toEqual([['DOCUMENT_UNKNOWN_FIELD', 'inherited']]);
  });
  it('DOCUMENT_NO_LAYOUT for a kind and CSVバージョン without a layout', () => {
    expect(decodeRecord('UP3KYO', { csvVersion: '202208' }).issues.map((i) => i.code)).toEqual(['DOCUMENT_NO_LAYOUT']);
    expect(decodeRecord('UPPLAN', { ...text, csvVersion: '201910' }).issues.map((i) => [i.code, i.value])).toEqual([['DOCUMENT_NO_LAYOUT', '201910']]);
    expect(decodeRecord('UPPLAN', {}).ok).toBe(false);
    expect(encodeRecord('UPPLAN', {}, { csvVersion: '209901' }).issues.map((i) => i.code)).toEqual(['DOCUMENT_NO_LAYOUT']);
  });
  it('DECODE_NOT_TEXT for a value that is not a string', () => {
    const d = decodeRecord('UPPLAN', { ...text, units: 650 });
    expect(d.ok).toBe(false);
    expect(d.issues.map((i) => [i.code, i.field?.key, i.value])).toEqual([['DECODE_NOT_TEXT', 'units', '650']]);
  });
  it('validate: false skips the checks but still reports a value that cannot be decoded', () => {
    const d = decodeRecord('UPPLAN', { ...text, serviceDate: '20250230', careManagerName: '=1+1' }, { validate: false });
    expect(d.issues.map((i) => [i.code, i.field?.key])).toEqual([['FIELD_INVALID_DATE', 'serviceDate']]);
  });
  it('a wrong argument type is a TypeError naming it', () => {
    expect(() => decodeRecord('UPLAN' as never, text)).toThrow(/decodeRecord: kind must be/);
    expect(() => decodeRecord('UPPLAN', null as never)).toThrow(/decodeRecord: textRecord must be/);
    expect(() => decodeRecord('UPPLAN', text, { line: '3' as never })).toThrow(/options.line/);
    expect(() => encodeRecord('UPPLAN', {}, undefined as never)).toThrow(/encodeRecord: options must be/);
  });
});

describe('the core entry stays zod-free with typed records', () => {
  // Follows every import that is kept at run time (not `import type` / `export type`) from src/core.ts.
  const root = join(import.meta.dirname, '..');
  const valueImports = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^(import|export)(?!\s+type\b)[^;]*?from '([^']+)'/gms)].map((m) => m[2]!);
  it('no module src/core.ts loads imports zod, and decodeRecord/encodeRecord are among them', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of valueImports(file)) {
        if (!spec.startsWith('.')) bare.add(spec.split('/')[0]!);
        else visit(join(file, '..', spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(root, 'src/core.ts'));
    expect(seen).toContain(join(root, 'src/documents/records.ts'));
    expect(seen).toContain(join(root, 'src/schemas/value-codecs.ts'));
    expect(bare.has('zod')).toBe(false);
    // The check sees zod where it is loaded: the package root's record schemas and codecs.
    seen.clear();
    bare.clear();
    visit(join(root, 'src/index.ts'));
    expect(bare.has('zod')).toBe(true);
  });
});

describe('values decoded once per distinct text are still fresh and still said', () => {
  const layout = getLayout('UPPLAN', '202407')!;
  const text = validRecord(layout, { detailDistinctionCode: '', proratedDays: '1'.repeat(3) + '0'.repeat(28) });
  it('each record gets its own day list (changing one changes no other)', () => {
    const a = decodeRecord('UPPLAN', text);
    const b = decodeRecord('UPPLAN', text);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    a.value.proratedDays!.push(31);
    expect(b.value.proratedDays).toEqual([1, 2, 3]);
  });
  it('a non-canonical spelling is noted on every record that has it', () => {
    for (let i = 0; i < 3; i++) {
      expect(decodeRecord('UPPLAN', { ...text, serviceCount: '01' }).issues.map((x) => x.code)).toEqual(['DECODE_NORMALISED']);
    }
  });
  it('the CSVバージョン written must be the layout’s', () => {
    const typed = (decodeRecord('UPPLAN', text) as { value: TypedRecord<'UPPLAN'> }).value;
    const r = encodeRecord('UPPLAN', { ...typed, csvVersion: '202504' } as never, { csvVersion: '202407' });
    expect(r.issues.map((i) => [i.code, i.field?.key])).toEqual([['FIELD_CSV_VERSION_MISMATCH', 'csvVersion']]);
  });
});
