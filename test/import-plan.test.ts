// planImport: what a receiving vendor's import job does with what it received — the spec's import order
// (§2.5, §3.5), the documents per user and key, the withdrawals (§2.3, §3.3), whole-unit rejection.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAMES, getLayout, listLayouts, SEND_UNITS, STORED_DOCUMENTS, WITHDRAWALS } from '../src/core.js';
import {
  planImport,
  readCsvFile,
  writeCsvFile,
  type DeleteStep,
  type FileKind,
  type ImportStep,
  type InputFile,
  type RejectStep,
  type StoreStep,
} from '../src/core.js';

const folder = (dir: string): InputFile[] => readdirSync(dir).map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
const SAMPLES_41 = folder('samples/4.1');
const SAMPLES_32 = folder('samples/3.2');

const stores = (steps: readonly ImportStep[]) => steps.filter((s): s is StoreStep => s.action === 'store');
const deletes = (steps: readonly ImportStep[]) => steps.filter((s): s is DeleteStep => s.action === 'delete');
const rejects = (steps: readonly ImportStep[]) => steps.filter((s): s is RejectStep => s.action === 'reject');
const byName = (files: readonly InputFile[], prefix: string) => files.find((f) => f.name.startsWith(prefix))!;

/** A sample file with its records changed (written again by the library, so still MS932 CRLF as the spec asks). */
function edited(f: InputFile, change: (records: Record<string, string>[]) => Record<string, string>[], name = f.name): InputFile {
  const read = readCsvFile(f);
  const { bytes, issues } = writeCsvFile(read.kind as FileKind, change(read.records.map((r) => ({ ...r }))), { csvVersion: read.csvVersion! });
  expect(issues).toEqual([]);
  return { name, bytes };
}

/** The same files sent again under another ファイル連番. */
const resent = (files: readonly InputFile[], from: string, to: string) => files.filter((f) => f.name.endsWith(`_${from}.CSV`)).map((f) => ({ name: f.name.replace(from, to), bytes: f.bytes }));

describe('planImport on the bundled samples', () => {
  it('edition 4.1: every unit kind in ファイル連番 order, each a store or delete step', () => {
    const plan = planImport(SAMPLES_41);
    expect(plan.steps.map((s) => [s.action, s.action === 'reject' ? undefined : s.type, s.action === 'reject' ? undefined : s.timestamp])).toEqual([
      ['store', 'carePlan', '20250325090000'],
      ['store', 'carePlan', '20250325090000'],
      ['store', 'schedule', '20250325100000'],
      ['store', 'schedule', '20250325100000'],
      ['delete', 'carePlanDeletion', '20250326090000'],
      ['delete', 'scheduleDeletion', '20250326100000'],
      ['store', 'basicInfo', '20250415090000'],
      ['store', 'preventionPlan', '20250415100000'],
      ['delete', 'basicInfoDeletion', '20250418090000'],
      ['delete', 'preventionPlanDeletion', '20250418100000'],
      ['store', 'actual', '20250501090000'],
      ['delete', 'actualDeletion', '20250502090000'],
    ]);
    expect(plan.steps.map((s) => s.index)).toEqual(plan.steps.map((_, i) => i));
    expect(plan.summary).toEqual({ store: 7, delete: 5, reject: 0, documents: 14, withdrawals: 5 });
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a care plan: one document per user and 計画作成（変更）日, of the sending office, with its 第1-3表 and 利用者補足', () => {
    const [carePlan] = stores(planImport(SAMPLES_41).steps);
    expect(carePlan!.receiver).toEqual({ office: '1370200006', serviceType: '11' });
    expect(carePlan!.files[0]).toMatch(/^UP1KYO_/); // base file first
    expect(carePlan!.documents.map((d) => d.key)).toEqual([
      { document: 'carePlan', receiver: { office: '1370200006', serviceType: '11' }, office: '1370100008', serviceType: '43', insurerNumber: '131016', insuredNumber: '0000123456', planChangeDate: '2025-03-03' },
      { document: 'carePlan', receiver: { office: '1370200006', serviceType: '11' }, office: '1370100008', serviceType: '43', insurerNumber: '131016', insuredNumber: 'H123456789', planChangeDate: '2025-03-17' },
    ]);
    expect(carePlan!.documents[1]!.parts.map((p) => [p.kind, p.records])).toEqual([
      ['UP1KYO', 1],
      ['UP2KYO', 3],
      ['UP3KYO', 7],
      ['UPHOSOKU', 1],
    ]);
    // The same plan sent to two providers: two receivers, two documents, neither replaces the other.
    expect(stores(planImport(SAMPLES_41).steps).every((s) => s.documents.every((d) => d.replaces === undefined))).toBe(true);
  });

  it('withdrawals name their documents and the parts they take with them (第1表 → 第2/3表, 第6表 → 第7表, 利用者基本情報 → 別表・画像)', () => {
    const plan = planImport(SAMPLES_41);
    const w = deletes(plan.steps).map((s) => s.withdrawals[0]!);
    expect(w.map((x) => [x.key.document, x.parts, x.withdraws.map((r) => r.step), x.line, x.record])).toEqual([
      ['carePlan', ['UP1KYO', 'UP2KYO', 'UP3KYO'], [0], 1, 1],
      ['schedule', ['UPPLAN', 'UPSIKYU'], [2], 1, 1],
      ['basicInfo', ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE'], [6], 1, 1],
      ['preventionPlan', ['UPYOBO', 'UPYOBO_SUB'], [7], 1, 1],
      ['actual', ['UPJSK'], [10], 1, 1],
    ]);
    // Withdrawing the care plan sent to 1370200006 leaves the copy sent to 1370300004.
    expect(w[0]!.key).toEqual({ document: 'carePlan', receiver: { office: '1370200006', serviceType: '11' }, office: '1370100008', serviceType: '43', insurerNumber: '131016', insuredNumber: 'H123456789', planChangeDate: '2025-03-17' });
    expect(w[1]!.key.serviceMonth).toBe('2025-04');
  });

  it('実績 is kept per サービス事業者 and サービス種類 of its rows, and withdrawn per office and type', () => {
    const plan = planImport(SAMPLES_41);
    const actual = stores(plan.steps).find((s) => s.type === 'actual')!;
    expect(actual.documents.map((d) => [d.key.office, d.key.serviceType, d.key.serviceMonth, d.key.insuredNumber, d.parts[0]!.records])).toEqual([
      ['1370200006', '11', '2025-04', '0000123456', 12],
      ['1370200006', '11', '2025-04', 'H123456789', 13],
    ]);
    const withdrawal = deletes(plan.steps).find((s) => s.type === 'actualDeletion')!.withdrawals[0]!;
    expect(withdrawal.key).toMatchObject({ office: '1370200006', serviceType: '11', serviceMonth: '2025-04', insuredNumber: 'H123456789' });
    expect(withdrawal.key.satelliteBranch).toBeUndefined();
  });

  it('edition 3.2: names without service types, no 第3表 (its withdrawal takes 第1/2表)', () => {
    const plan = planImport(SAMPLES_32);
    expect(plan.steps.map((s) => [s.action, s.action === 'reject' ? undefined : s.type])).toEqual([
      ['store', 'carePlan'],
      ['store', 'carePlan'],
      ['store', 'schedule'],
      ['store', 'schedule'],
      ['delete', 'carePlanDeletion'],
      ['delete', 'scheduleDeletion'],
      ['store', 'actual'],
      ['delete', 'actualDeletion'],
    ]);
    const carePlan = stores(plan.steps)[0]!;
    expect(carePlan.documents[0]!.key).toEqual({ document: 'carePlan', receiver: { office: '1370200006' }, office: '1370100008', insurerNumber: '131016', insuredNumber: '0000123456', planChangeDate: '2023-02-22' });
    expect(carePlan.documents[0]!.parts.map((p) => p.kind)).toEqual(['UP1KYO', 'UP2KYO', 'UPHOSOKU']);
    expect(deletes(plan.steps).map((s) => s.withdrawals[0]!.parts)).toEqual([['UP1KYO', 'UP2KYO'], ['UPPLAN', 'UPSIKYU'], ['UPJSK']]);
    // 実績 of edition 3: the service type comes from the rows' サービスコード, as the withdrawal names it.
    expect(deletes(plan.steps)[2]!.withdrawals[0]!.withdraws).toEqual([{ step: 6, unit: '20230401090000:1370200006>1370100008' }]);
  });

  it('gives the same plan whatever order the files come in', () => {
    const forward = planImport(SAMPLES_41);
    const reversed = planImport([...SAMPLES_41].reverse());
    expect(reversed.steps).toEqual(forward.steps);
  });
});

describe('planImport: rejection, replacement, names', () => {
  it('a unit with an error is rejected as a whole with its reasons; the other units go on', () => {
    const plan41 = SAMPLES_41.map((f) =>
      f.name === 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV'
        ? edited(f, (records) => records.map((r, i) => (i === 3 ? { ...r, serviceDate: '20250431' } : r)))
        : f,
    );
    const plan = planImport(plan41);
    const [rejected] = rejects(plan.steps);
    expect(rejected).toMatchObject({ action: 'reject', index: 2, unit: '20250325100000:1370100008_43>1370200006_11', type: 'schedule' });
    expect(rejected!.files).toHaveLength(3);
    expect(rejected!.reasons.map((i) => [i.code, i.file, i.line, i.field?.no, i.value])).toContainEqual([
      'FIELD_INVALID_DATE',
      'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV',
      4,
      10,
      '20250431',
    ]);
    expect(rejected!.reasons.every((i) => i.severity === 'error' && i.message && i.messageEn)).toBe(true);
    // The other units are planned as before; the schedule withdrawal finds nothing of this run to withdraw.
    expect(plan.summary).toMatchObject({ store: 6, delete: 5, reject: 1 });
    expect(stores(plan.steps).map((s) => s.unit)).toContain('20250325100000:1370100008_43>1370300004_17');
    expect(deletes(plan.steps).find((s) => s.type === 'scheduleDeletion')!.withdrawals[0]!.withdraws).toEqual([]);
  });

  it('a unit sent again under a later ファイル連番 replaces the earlier documents of the same key; a withdrawal then takes the later', () => {
    const again = resent(SAMPLES_41, '20250325090000', '20250325093000').filter((f) => f.name.includes('_1370200006_11_'));
    const plan = planImport([...SAMPLES_41, ...again]);
    const steps = stores(plan.steps).filter((s) => s.type === 'carePlan');
    expect(steps.map((s) => s.unit)).toEqual([
      '20250325090000:1370100008_43>1370200006_11',
      '20250325090000:1370100008_43>1370300004_17',
      '20250325093000:1370100008_43>1370200006_11',
    ]);
    const later = steps[2]!;
    expect(later.documents.map((d) => d.replaces)).toEqual([
      { step: 0, unit: '20250325090000:1370100008_43>1370200006_11' },
      { step: 0, unit: '20250325090000:1370100008_43>1370200006_11' },
    ]);
    expect(later.documents.map((d) => d.id)).toEqual(steps[0]!.documents.map((d) => d.id));
    const withdrawal = deletes(plan.steps).find((s) => s.type === 'carePlanDeletion')!.withdrawals[0]!;
    expect(withdrawal.withdraws).toEqual([{ step: later.index, unit: later.unit }]);
  });

  it('a new plan date is another document: it replaces nothing', () => {
    const again = resent(SAMPLES_41, '20250325090000', '20250325093000')
      .filter((f) => f.name.includes('_1370200006_11_'))
      .map((f) => edited(f, (records) => records.map((r) => (r['planChangeDate'] === '20250303' ? { ...r, planChangeDate: '20250324' } : r))));
    const plan = planImport([...SAMPLES_41, ...again]);
    const later = stores(plan.steps).find((s) => s.timestamp === '20250325093000')!;
    expect(later.documents.map((d) => [d.key.planChangeDate, d.replaces?.step])).toEqual([
      ['2025-03-24', undefined],
      ['2025-03-17', 0],
    ]);
  });

  it('a satellite office keeps its own 実績; the office-and-type withdrawal takes every satellite', () => {
    const files = SAMPLES_41.map((f) =>
      f.name.startsWith('UPJSK_') ? edited(f, (records) => records.map((r) => (r['insuredNumber'] === 'H123456789' && r['serviceDate']! >= '20250415' ? { ...r, satelliteBranch: '1' } : r))) : f,
    );
    const plan = planImport(files);
    const actual = stores(plan.steps).find((s) => s.type === 'actual')!;
    expect(actual.documents.map((d) => [d.key.insuredNumber, d.key.satelliteBranch])).toEqual([
      ['0000123456', undefined],
      ['H123456789', undefined],
      ['H123456789', '1'],
    ]);
    const withdrawal = deletes(plan.steps).find((s) => s.type === 'actualDeletion')!.withdrawals[0]!;
    expect(withdrawal.withdraws).toEqual([
      { step: actual.index, unit: actual.unit },
      { step: actual.index, unit: actual.unit },
    ]);
  });

  it('a family-diagram image belongs to the user whose 利用者基本情報 names it; one no record names is kept apart', () => {
    const image = 'UPKIHON_IMAGE_1370400002_46_1370500009_A6_20250415090000_0001.jpg';
    const stray = 'UPKIHON_IMAGE_1370400002_46_1370500009_A6_20250415090000_0002.jpg';
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const files = SAMPLES_41.map((f) =>
      f.name.startsWith('UPKIHON_1370400002') ? edited(f, (records) => records.map((r) => (r['insuredNumber'] === '0000345678' ? { ...r, familyDiagramFileName: image } : r))) : f,
    );
    const plan = planImport([...files, { name: image, bytes: jpeg }, { name: stray, bytes: jpeg }]);
    const basicInfo = stores(plan.steps).find((s) => s.type === 'basicInfo')!;
    expect(basicInfo.documents.map((d) => [d.key.insuredNumber, d.parts.map((p) => `${p.kind}:${p.records}`)])).toEqual([
      ['0000234567', ['UPKIHON:1', 'UPKIHON_SUB1:4', 'UPKIHON_SUB2:2']],
      ['0000345678', ['UPKIHON:1', 'UPKIHON_SUB1:3', 'UPKIHON_SUB2:1', 'UPKIHON_IMAGE:0']],
    ]);
    expect(basicInfo.unattached).toEqual([stray]);
    // Withdrawing that 利用者基本情報 takes the image with it.
    expect(deletes(plan.steps).find((s) => s.type === 'basicInfoDeletion')!.withdrawals[0]).toMatchObject({ parts: expect.arrayContaining(['UPKIHON_IMAGE']), withdraws: [{ step: basicInfo.index }] });
  });

  it('a 介護予防 unit that brings 利用者基本情報 stores two documents per user: the plan and the basic information', () => {
    const kihon = resent(SAMPLES_41, '20250415090000', '20250415100000');
    const plan = planImport([...SAMPLES_41.filter((f) => !f.name.includes('_20250415090000')), ...kihon]);
    expect(plan.summary.reject).toBe(0);
    const step = stores(plan.steps).find((s) => s.timestamp === '20250415100000')!;
    expect(step.type).toBe('preventionPlan');
    expect(step.documents.map((d) => [d.key.document, d.key.insuredNumber, d.key.planChangeDate ?? d.key.consultationDate, d.parts.map((p) => p.kind).join('+')])).toEqual([
      ['preventionPlan', '0000234567', '2025-04-10', 'UPYOBO+UPYOBO_SUB'],
      ['preventionPlan', '0000345678', '2025-04-12', 'UPYOBO+UPYOBO_SUB'],
      ['basicInfo', '0000234567', '2025-04-02', 'UPKIHON+UPKIHON_SUB1+UPKIHON_SUB2'],
      ['basicInfo', '0000345678', '2025-04-08', 'UPKIHON+UPKIHON_SUB1+UPKIHON_SUB2'],
    ]);
    // The basic-information withdrawal finds it there.
    expect(deletes(plan.steps).find((s) => s.type === 'basicInfoDeletion')!.withdrawals[0]!.withdraws).toEqual([{ step: step.index, unit: step.unit }]);
  });

  it('names a file whose name gives no send unit, and a unit that cannot be put in import order', () => {
    const dlt = byName(SAMPLES_41, 'DLT1KYO_');
    const files = [
      ...SAMPLES_41.filter((f) => f !== dlt),
      // A withdrawal under the sequence of the plan it withdraws: the unit cannot be imported as it stands.
      { name: dlt.name.replace('20250326090000', '20250325090000'), bytes: dlt.bytes },
      { name: 'ケアプラン_髙田様_4月.CSV', bytes: byName(SAMPLES_41, 'UP1KYO_').bytes },
    ];
    const plan = planImport(files);
    const rejected = rejects(plan.steps);
    expect(rejected.map((s) => [s.unit, s.files.length])).toEqual([
      ['20250325090000:1370100008_43>1370200006_11', 5],
      [undefined, 1],
    ]);
    expect(rejected[0]!.reasons.map((i) => i.code)).toContain('UNIT_DELETION_NOT_ALONE');
    // The file with no unit comes last, with the name rule that says why.
    expect(plan.steps.at(-1)).toMatchObject({ action: 'reject', files: ['ケアプラン_髙田様_4月.CSV'] });
    expect(rejected[1]!.reasons.length).toBeGreaterThan(0);
    expect(rejected[1]!.reasons[0]).toMatchObject({ code: 'NAME_UNKNOWN_PREFIX', file: 'ケアプラン_髙田様_4月.CSV', value: 'ケアプラン' });
    expect(rejected[1]!.reasons.every((i) => i.file === 'ケアプラン_髙田様_4月.CSV')).toBe(true);
    expect(plan.summary.reject).toBe(2);
  });

  it('rejects a send unit missing a required file, keeping the complete units', () => {
    const files = SAMPLES_41.filter((f) => f.name !== 'UPSIKYU_202504_1370100008_43_1370300004_17_20250325100000.CSV');
    const plan = planImport(files);
    const [rejected] = rejects(plan.steps);
    expect(rejected).toMatchObject({ unit: '20250325100000:1370100008_43>1370300004_17', type: 'schedule' });
    expect(rejected!.reasons.map((i) => [i.code, i.value])).toContainEqual(['UNIT_MISSING_FILE', 'UPSIKYU']);
    expect(plan.summary).toMatchObject({ store: 6, reject: 1 });
  });

  it('throws a TypeError naming the argument for a wrong argument type, never for bad data', () => {
    expect(() => planImport('samples' as unknown as InputFile[])).toThrow(TypeError);
    expect(() => planImport([{ name: 'x.CSV', bytes: 'not bytes' as unknown as Uint8Array }])).toThrow(/files/);
    expect(() => planImport([{ name: 'UPPLAN_garbage.CSV', bytes: new Uint8Array([0x82, 0xa0, 0x2c, 0x0d]) }])).not.toThrow();
    expect(planImport([]).steps).toEqual([]);
  });
});

describe('the document tables (spec-tables/documents.ts)', () => {
  const editionsOf = (kind: string) => listLayouts().filter((l) => l.kind === kind);

  it('name a stored document for every send unit that is not a withdrawal, and a withdrawal for every one that is', () => {
    expect(STORED_DOCUMENTS.map((d) => d.id).sort()).toEqual(SEND_UNITS.filter((u) => !('alone' in u && u.alone)).map((u) => u.id).sort());
    expect(WITHDRAWALS.map((w) => w.kind).sort()).toEqual(SEND_UNITS.filter((u) => 'alone' in u && u.alone).map((u) => u.base).sort());
    for (const w of WITHDRAWALS) expect(STORED_DOCUMENTS.find((d) => d.id === w.document)!.parts).toEqual(expect.arrayContaining([...w.withdraws]));
  });

  it('read only fields every served layout of the kind has', () => {
    for (const d of STORED_DOCUMENTS) {
      for (const kind of d.parts.filter((k) => k in FILE_NAMES && editionsOf(k).length)) {
        for (const layout of editionsOf(kind)) {
          const keys = layout.fields.map((f) => f.key);
          expect(keys, `${kind} ${layout.csvVersion}`).toEqual(expect.arrayContaining([...d.key]));
          for (const source of Object.values('rowKey' in d ? d.rowKey : {})) expect(keys, `${kind} ${layout.csvVersion}`).toContain(source.field);
        }
      }
      for (const named of 'namedParts' in d ? d.namedParts : []) {
        for (const layout of editionsOf(named.by)) expect(layout.fields.map((f) => f.key)).toContain(named.field);
      }
    }
    for (const w of WITHDRAWALS) {
      for (const layout of editionsOf(w.kind)) {
        expect(layout.fields.map((f) => f.key), `${w.kind} ${layout.csvVersion}`).toEqual(expect.arrayContaining(Object.values(w.key)));
      }
    }
    expect(getLayout('UPJSK', '202208')!.fields.map((f) => f.key)).toContain('satelliteBranch');
  });
});

describe('planImport: properties', () => {
  it('whatever subset of files arrives, in whatever order: every file is in exactly one step, units in ファイル連番 order', () => {
    const all = [...SAMPLES_41, ...SAMPLES_32];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (files) => {
        const plan = planImport(files);
        expect(plan.steps.flatMap((s) => s.files).sort()).toEqual(files.map((f) => f.name).sort());
        const timestamps = plan.steps.flatMap((s) => (s.timestamp ? [s.timestamp] : []));
        expect(timestamps).toEqual([...timestamps].sort());
        expect(plan.steps.map((s) => s.index)).toEqual(plan.steps.map((_, i) => i));
        // A step refers only to earlier steps of the same run, and a rejected unit stores nothing.
        for (const s of stores(plan.steps)) for (const d of s.documents) if (d.replaces) expect(plan.steps[d.replaces.step]).toMatchObject({ action: 'store', unit: d.replaces.unit });
        for (const s of deletes(plan.steps)) for (const w of s.withdrawals) for (const r of w.withdraws) expect(r.step).toBeLessThan(s.index);
        for (const s of rejects(plan.steps)) expect(s.reasons.length).toBeGreaterThan(0);
        expect(plan.summary.reject === 0).toBe(!plan.issues.some((i) => i.severity === 'error'));
      }),
      { numRuns: 25 },
    );
  });
});
