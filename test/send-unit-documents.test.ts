// Send-unit documents (readSendUnits / writeSendUnit): the bundled samples read and written again give the same
// bytes; derived fields and 第7表 rows are filled in only where a document leaves them out; a document with an
// error gives its issues and no file (all or nothing); the files of a valid one pass validateFiles.
import { describe, expect, it } from 'vitest';
import {
  readSendUnits,
  SEND_UNITS,
  validateFiles,
  writeSendUnit,
  type SendUnitDocument,
  type SendUnitDocumentInput,
} from '../src/index.js';
import { copy, loadSamples, sampleSendUnits } from './support/send-units.js';

type Loose = Record<string, unknown>;
const errorsOf = (issues: readonly { severity: string; code: string }[]) => issues.filter((i) => i.severity === 'error').map((i) => i.code);

describe.each(['4.1', '3.2'] as const)('samples/%s, unit by unit', (edition) => {
  const { files, documents } = sampleSendUnits(edition);

  it('reads every sample unit as a document, with the validator’s (empty) issues', () => {
    const read = readSendUnits(files);
    expect(read.issues).toEqual(validateFiles(files).issues);
    expect(read.issues).toEqual([]);
    const types = new Set(documents.map((u) => u.type));
    const expected = SEND_UNITS.filter((u) => (u.editions as readonly number[]).includes(edition === '3.2' ? 3 : 4)).map((u) => u.id);
    // Every unit type of the edition has a sample unit (3.2: no 予防 units).
    expect([...types].sort()).toEqual([...expected].sort());
  });

  it.each(documents.map((u) => [u.type, u.key, u] as const))('%s %s: written again gives the same records and the same bytes', (_type, _key, unit) => {
    const written = writeSendUnit(unit);
    expect(errorsOf(written.issues)).toEqual([]);
    expect(written.document).toEqual(unit);
    // Every sample file is canonical: the same bytes, file for file, under the same names.
    const originals = files.filter((f) => written.files.some((w) => w.name === f.name));
    expect(written.files.map((f) => f.name).sort()).toEqual(originals.map((f) => f.name).sort());
    for (const f of written.files) expect(Buffer.from(f.bytes)).toEqual(Buffer.from(files.find((o) => o.name === f.name)!.bytes));
    expect(readSendUnits(written.files).units).toEqual([unit]);
  });
});

describe('derived fields and rows (only where the document leaves them out)', () => {
  const documents = sampleSendUnits('4.1').documents;
  const schedule = documents.find((u) => u.type === 'schedule' && u.receiver.office === '1370200006')!;
  const carePlan = documents.find((u) => u.type === 'carePlan' && u.receiver.office === '1370200006')!;

  /** The document as a vendor would give it: no CSVバージョン, user numbers, pairing sentinels or 第7表 sums. */
  function bare(doc: SendUnitDocument): SendUnitDocumentInput {
    const out = copy(doc) as unknown as SendUnitDocumentInput & Loose;
    delete out.key;
    delete out.csvVersion;
    delete out.month;
    for (const user of out.users) {
      const records = user.records as Record<string, Loose[]>;
      for (const [kind, rows] of Object.entries(records)) {
        records[kind] = rows
          .filter((r) => kind !== 'UPSIKYU' || !/AAAA$|^999999$/.test(String(r['serviceCode'])))
          .map((r) => {
            const { csvVersion, insurerNumber, insuredNumber, ...rest } = r;
            if (kind === 'UPHOSOKU') delete rest['planChangeDate'];
            if (kind !== 'UPPLAN' && kind !== 'UP1KYO') delete rest['serviceMonth'];
            if (kind !== 'UP1KYO') delete rest['planChangeDate'];
            return rest;
          });
      }
    }
    return out;
  }

  it('第6表 unit: fills CSVバージョン, user numbers, the month, the 利用者補足 pairing, the AAAA and 全合計 rows; the files pass validateFiles', () => {
    const written = writeSendUnit(bare(schedule));
    expect(errorsOf(written.issues)).toEqual([]);
    expect(validateFiles(written.files).summary.errors).toBe(0);
    const doc = written.document!;
    expect(doc.month).toBe('2025-04');
    expect(doc.csvVersion).toBe('202407');
    const user = doc.users[0]!;
    // 利用者補足 tied to 第6/7表: 計画作成日 00000000 (null), 対象年月 the unit's month.
    expect(user.records.UPHOSOKU![0]).toMatchObject({ csvVersion: '202407', insurerNumber: '131016', insuredNumber: '0000123456', planChangeDate: null, serviceMonth: '2025-04' });
    const derived = user.records.UPSIKYU!.filter((r) => /AAAA$|^999999$/.test(r.serviceCode));
    // 11 has one row (no AAAA required), 17 has two: one AAAA, then the 全合計.
    expect(derived.map((r) => r.serviceCode)).toEqual(['17AAAA', '999999']);
    expect(derived[0]).toMatchObject({ serviceOfficeNumber: '1370300004', units: 0, timesOrDays: 0, serviceUnitsOrAmount: 650 + 533, benefitManagementUnits: 1183, over30Days: '0' });
    expect(derived[1]).toMatchObject({
      serviceOfficeNumber: '9999999999',
      units: 0,
      serviceUnitsOrAmount: 6214,
      benefitManagementUnits: 6214,
      // 利用者補足 区分支給限度基準額 19705: nothing above it.
      categoryLimitExcessUnits: 0,
      categoryLimitWithinUnits: 6214,
    });
    expect(derived[1]).not.toHaveProperty('discountRate');
    expect(readSendUnits(written.files).units).toEqual([doc]);
  });

  it('the 全合計 splits at the 区分支給限度基準額 of the 利用者補足', () => {
    const doc = bare(schedule);
    (doc.users[0]!.records.UPHOSOKU![0] as Loose)['benefitLimitUnits'] = 5000;
    const total = writeSendUnit(doc).document!.users[0]!.records.UPSIKYU!.find((r) => r.serviceCode === '999999');
    expect(total).toMatchObject({ benefitManagementUnits: 6214, categoryLimitExcessUnits: 1214, categoryLimitWithinUnits: 5000 });
  });

  it('rows and values the document gives are kept as given', () => {
    const doc = copy(schedule) as SendUnitDocumentInput;
    const written = writeSendUnit(doc);
    expect(written.document).toEqual(schedule);
  });

  it('居宅サービス計画書 unit: the 利用者補足 takes 第1表’s 計画作成日 and 対象年月 000000 (null); 第2/3表 their 計画作成日', () => {
    const written = writeSendUnit(bare(carePlan));
    expect(errorsOf(written.issues)).toEqual([]);
    const user = written.document!.users[0]!;
    const date = user.records.UP1KYO![0]!.planChangeDate;
    expect(user.records.UPHOSOKU![0]).toMatchObject({ planChangeDate: date, serviceMonth: null });
    expect(user.records.UP2KYO!.every((r) => r.planChangeDate === date)).toBe(true);
    expect(user.records.UP3KYO!.every((r) => r.planChangeDate === date)).toBe(true);
    expect(written.document).not.toHaveProperty('month');
    expect(written.files.map((f) => f.name)).toContain('UPHOSOKU_000000_1370100008_43_1370200006_11_20250325090000.CSV');
    // The derived document is the sample itself: its files are the sample's bytes.
    expect(written.document).toEqual(carePlan);
  });

  it('a new ファイル連番 renames every file and gives the new key', () => {
    const written = writeSendUnit(schedule, { timestamp: '20250326083000' });
    expect(written.files.map((f) => f.name).sort()).toEqual([
      'UPHOSOKU_202504_1370100008_43_1370200006_11_20250326083000.CSV',
      'UPPLAN_202504_1370100008_43_1370200006_11_20250326083000.CSV',
      'UPSIKYU_202504_1370100008_43_1370200006_11_20250326083000.CSV',
    ]);
    expect(written.document!.key).toBe('20250326083000:1370100008_43>1370200006_11');
    expect(readSendUnits(written.files).units[0]).toEqual(written.document);
  });
});

describe('all or nothing: a document with an error gives its issues and no file', () => {
  const documents = sampleSendUnits('4.1').documents;
  const schedule = documents.find((u) => u.type === 'schedule')!;
  const carePlan = documents.find((u) => u.type === 'carePlan')!;
  const plan32 = sampleSendUnits('3.2').documents.find((u) => u.type === 'carePlan')!;
  const prevention = documents.find((u) => u.type === 'preventionPlan')!;

  const cases: [string, () => SendUnitDocumentInput, string][] = [
    ['an unknown type', () => ({ ...copy(schedule), type: 'weeklyPlan' }), 'UNITDOC_UNKNOWN_TYPE'],
    ['a 予防 unit in edition 3.2', () => ({ ...copy(prevention), csvVersion: '202208' }), 'UNITDOC_TYPE_NOT_IN_EDITION'],
    ['a 第3表 in an edition-3.2 care plan', () => {
      const doc = copy(plan32) as SendUnitDocumentInput;
      (doc.users[0]!.records as Loose)['UP3KYO'] = [{ planChangeDate: '2023-02-20' }];
      return doc;
    }, 'UNITDOC_SURPLUS_KIND'],
    ['a record of another user', () => {
      const doc = copy(schedule) as SendUnitDocumentInput;
      (doc.users[0]!.records.UPPLAN![0] as Loose)['insuredNumber'] = '0000999999';
      return doc;
    }, 'UNITDOC_USER_MISMATCH'],
    ['day 32 in 日割対象日', () => {
      const doc = copy(schedule) as SendUnitDocumentInput;
      (doc.users[0]!.records.UPPLAN![1] as Loose)['proratedDays'] = [1, 32];
      return doc;
    }, 'ENCODE_BAD_VALUE'],
    ['a 第7表 amount that disagrees with 第6表 (a send-unit error of the validator)', () => {
      const doc = copy(schedule) as SendUnitDocumentInput;
      (doc.users[0]!.records.UPSIKYU![0] as Loose)['timesOrDays'] = 12;
      return doc;
    }, 'UNIT_ANNEX_COUNT_MISMATCH'],
    ['a character MS932 cannot hold (𠮷)', () => {
      const doc = copy(carePlan) as SendUnitDocumentInput;
      (doc.users[0]!.records.UPHOSOKU![0] as Loose)['userName'] = '𠮷田 髙子';
      return doc;
    }, 'WRITE_UNMAPPABLE_CHAR'],
    ['no users', () => ({ ...copy(schedule), users: [] }), 'UNITDOC_NO_USERS'],
    ['a month on a unit whose names carry none', () => ({ ...copy(carePlan), month: '2025-04' }), 'UNITDOC_BAD_PART'],
    ['an office number that makes no file name', () => ({ ...copy(schedule), receiver: { office: '13702', serviceType: '11' } }), 'NAME_BAD_OFFICE'],
  ];

  it.each(cases)('%s', (_what, make, code) => {
    const written = writeSendUnit(make());
    expect(written.files).toEqual([]);
    expect(errorsOf(written.issues)).toContain(code);
    expect(errorsOf(written.issues)).toContain('UNITDOC_NOT_WRITTEN');
  });

  it('with unmappable: substitute, the substitution is written and the document says so', () => {
    const doc = copy(carePlan) as SendUnitDocumentInput;
    (doc.users[0]!.records.UPHOSOKU![0] as Loose)['userName'] = '𠮷田 髙子〜';
    const written = writeSendUnit(doc, { unmappable: 'substitute', substitutions: { '𠮷': '吉' } });
    expect(errorsOf(written.issues)).toEqual([]);
    expect(written.issues.filter((i) => i.code === 'WRITE_SUBSTITUTED')).toHaveLength(2);
    expect(written.document!.users[0]!.records.UPHOSOKU![0]!.userName).toBe('吉田 髙子～');
    // The caller's document is not changed.
    expect((doc.users[0]!.records.UPHOSOKU![0] as Loose)['userName']).toBe('𠮷田 髙子〜');
    expect(readSendUnits(written.files).units[0]).toEqual(written.document);
  });

  it('a large file is written in parts, yet numbered as one file: the refused record is named by its place', () => {
    const doc = copy(schedule) as SendUnitDocumentInput;
    const rows = doc.users[0]!.records.UPPLAN! as Loose[];
    // 20 users' rows make one UPPLAN file of 300 records; record 290 holds a character MS932 cannot hold.
    const users = Array.from({ length: 20 }, (_, u) => ({
      insurerNumber: '131016',
      insuredNumber: String(2000000000 + u),
      records: { UPPLAN: rows.map((r) => ({ ...r, insuredNumber: String(2000000000 + u) })) },
    }));
    (users[19]!.records.UPPLAN[4] as Loose)['careManagerName'] = '𠮷田 花子';
    const written = writeSendUnit({ ...doc, users } as SendUnitDocumentInput);
    expect(written.files).toEqual([]);
    expect(written.issues.filter((i) => i.code === 'WRITE_UNMAPPABLE_CHAR').map((i) => [i.record, i.message.slice(0, 8)])).toEqual([[290, 'レコード290:']]);
  });

  it('a wrong argument type is a TypeError naming it', () => {
    expect(() => writeSendUnit(null as never)).toThrow(TypeError);
    expect(() => writeSendUnit({ ...copy(schedule), users: 'x' } as never)).toThrow(/document\.users/);
    expect(() => writeSendUnit(copy(schedule), { timestamp: 20250325 } as never)).toThrow(/options\.timestamp/);
    expect(() => readSendUnits('x' as never)).toThrow(TypeError);
  });
});

describe('readSendUnits', () => {
  it('gives the validator’s issues and a document per unit it can type, leaving out (and naming) records it cannot decode', () => {
    const files = loadSamples('samples/4.1').filter((f) => f.name.includes('20250325100000') && f.name.includes('1370200006'));
    const plan = files.find((f) => f.name.startsWith('UPPLAN'))!;
    // Line 1's サービス利用日 becomes 20250431 (no such day): a field error, and a record with no typed form.
    const text = Buffer.from(plan.bytes).toString('latin1').replace('20250401', '20250431');
    const broken = [...files.filter((f) => f !== plan), { name: plan.name, bytes: new Uint8Array(Buffer.from(text, 'latin1')) }];
    const read = readSendUnits(broken);
    const report = validateFiles(broken);
    expect(read.issues.slice(0, report.issues.length)).toEqual(report.issues);
    const left = read.issues.filter((i) => i.code === 'UNITDOC_RECORD_LEFT_OUT');
    expect(left).toMatchObject([{ file: plan.name, line: 1, record: 1, severity: 'error' }]);
    expect(read.units).toHaveLength(1);
    expect(read.units[0]!.users[0]!.records.UPPLAN).toHaveLength(14);
  });

  it('says which values it will write in another spelling (DECODE_NORMALISED), located', () => {
    const files = loadSamples('samples/4.1').filter((f) => f.name.includes('20250325100000') && f.name.includes('1370200006'));
    const annex = files.find((f) => f.name.startsWith('UPSIKYU'))!;
    const text = Buffer.from(annex.bytes).toString('latin1').replace(',387,,,13,', ',387,,,013,');
    const changed = [...files.filter((f) => f !== annex), { name: annex.name, bytes: new Uint8Array(Buffer.from(text, 'latin1')) }];
    const read = readSendUnits(changed);
    expect(read.issues.filter((i) => i.code === 'DECODE_NORMALISED')).toMatchObject([{ file: annex.name, line: 1, value: '013', field: { key: 'timesOrDays' } }]);
    expect(read.units[0]!.users[0]!.records.UPSIKYU![0]!.timesOrDays).toBe(13);
  });

  it('carries a unit’s family-diagram images, and writes them back under their 枝番', () => {
    const basic = sampleSendUnits('4.1').documents.find((u) => u.type === 'basicInfo')!;
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const doc = { ...copy(basic), images: [{ branch: '0001', jpeg }] };
    const name = `UPKIHON_IMAGE_1370400002_46_1370500009_A6_${basic.timestamp}_0001.jpg`;
    (doc.users[0]!.records.UPKIHON![0] as Loose)['familyDiagramFileName'] = name;
    const written = writeSendUnit(doc);
    expect(errorsOf(written.issues)).toEqual([]);
    expect(written.files.map((f) => f.name)).toContain(name);
    const back = readSendUnits(written.files).units[0]!;
    expect(back).toEqual(written.document);
    expect(back.images).toEqual([{ branch: '0001', jpeg }]);
  });

  it('writes several images in 枝番 order, as they read back', () => {
    const basic = sampleSendUnits('4.1').documents.find((u) => u.type === 'basicInfo')!;
    const jpeg = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n]);
    const doc = { ...copy(basic), images: [{ branch: '0002', jpeg: jpeg(2) }, { branch: '0001', jpeg: jpeg(1) }] };
    const written = writeSendUnit(doc);
    expect(written.document!.images!.map((i) => i.branch)).toEqual(['0001', '0002']);
    expect(readSendUnits(written.files).units[0]).toEqual(written.document);
  });
});
