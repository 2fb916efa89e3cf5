// The spec tables against the reconciled reference transcription of the standard, and the layout API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  CSV_VERSIONS,
  FILE_KINDS,
  getCodeTable,
  getLayout,
  listLayouts,
  SERVICE_TYPES,
  type Layout,
} from '../src/index.js';

interface RefField {
  no: number;
  name: string;
  length: number | null;
  required: boolean;
  codes?: [string, string][];
  requiredUncertain?: unknown;
  edition4No?: number;
}
interface RefFile {
  id: string;
  fields: RefField[];
}
const load = (name: string): { files: RefFile[] } =>
  JSON.parse(readFileSync(new URL(`./fixtures/reference/${name}`, import.meta.url), 'utf8'));

const REFERENCE = { '202407': load('edition-4.1.json'), '202208': load('edition-3.2.json') } as const;

/**
 * Where spec-tables deliberately differ from the reference transcription because the raw text of the
 * standard says otherwise (evidence in spec-tables/AUDIT.md). Keyed `KIND@version#No.attribute`.
 */
const DEVIATIONS: Record<string, unknown> = {
  // 前月までの利用日数: layout.txt prints 2 (L676); the reference took 5 from the spec body's 3.2 change note.
  'UPSIKYU@202407#30.length': 2,
};

function expectMatches(layout: Layout, ref: RefFile, version: string): void {
  expect(layout.fields.map((f) => f.no)).toEqual(ref.fields.map((f) => f.no));
  for (const [i, r] of ref.fields.entries()) {
    const f = layout.fields[i]!;
    const dev = (attr: string, value: unknown): unknown => {
      const id = `${ref.id}@${version}#${r.no}.${attr}`;
      return id in DEVIATIONS ? DEVIATIONS[id] : value;
    };
    expect(f.name, `${ref.id} No.${r.no} name`).toBe(dev('name', r.name));
    expect(f.length, `${ref.id} No.${r.no} length`).toBe(dev('length', r.length));
    expect(f.required, `${ref.id} No.${r.no} required`).toBe(dev('required', r.required));
    expect(Boolean(f.requiredUncertain), `${ref.id} No.${r.no} requiredUncertain`).toBe(
      Boolean(r.requiredUncertain),
    );
    if (r.codes) {
      expect(f.format, `${ref.id} No.${r.no} is a coded field`).toBe('code');
      expect(getCodeTable(f.codeTable!)?.entries, `${ref.id} No.${r.no} codes`).toEqual(dev('codes', r.codes));
    }
  }
}

describe('spec tables match the reference transcription', () => {
  for (const [version, ref] of Object.entries(REFERENCE)) {
    for (const file of ref.files.filter((f) => f.fields.length > 0)) {
      it(`${file.id} of CSVバージョン ${version}: count, No., names, lengths, required, codes`, () => {
        const layout = getLayout(file.id, version);
        expect(layout, `${file.id}@${version} is served`).toBeDefined();
        expectMatches(layout!, file, version);
      });
    }
  }

  it('serves exactly the layouts the reference defines, and UPJSK with the UPPLAN layout', () => {
    for (const [version, ref] of Object.entries(REFERENCE)) {
      const served = listLayouts()
        .filter((l) => l.csvVersion === version)
        .map((l) => l.kind)
        .sort();
      const expected = [...ref.files.filter((f) => f.fields.length > 0).map((f) => f.id), 'UPJSK'].sort();
      expect(served).toEqual(expected);
    }
    expect(getLayout('UPJSK', '202407')?.fields).toEqual(getLayout('UPPLAN', '202407')?.fields);
    expect(getLayout('UPJSK', '202407')?.kind).toBe('UPJSK');
  });

  it('edition 3.2 fields keep the edition-4.1 key of the same field (edition4No)', () => {
    for (const file of REFERENCE['202208'].files) {
      const v32 = getLayout(file.id, '202208')!;
      const v41 = getLayout(file.id, '202407')!;
      for (const r of file.fields) {
        expect(v32.fields[r.no - 1]!.key).toBe(v41.fields[r.edition4No! - 1]!.key);
      }
    }
  });
});

describe('layout API', () => {
  it('describes edition 4.1 UPPLAN with keys, formats and the 9999 time sentinel', () => {
    const layout = getLayout('UPPLAN', '202407')!;
    expect(layout).toMatchObject({ kind: 'UPPLAN', csvVersion: '202407', edition: '4.1' });
    expect(layout.fields).toHaveLength(25);
    expect(layout.fields[11]).toMatchObject({
      no: 12,
      key: 'serviceStartTime',
      name: 'サービス開始時刻',
      length: 4,
      required: true,
      format: 'time',
      sentinels: ['9999'],
    });
    expect(layout.fields.find((f) => f.key === 'proratedDays')?.format).toBe('dayMask31');
    expect(layout.fields.find((f) => f.key === 'insuredNumber')?.format).toBe('insuredNumber');
  });

  it('edition 3.2 第6表 has 22 fields (no TAIS／届出／用具名称) and 第7表 34 with 回数／日数 of length 2', () => {
    const plan = getLayout('UPPLAN', '202208')!;
    expect(plan.fields).toHaveLength(22);
    expect(plan.fields.map((f) => f.key)).not.toContain('taisCode');
    expect(plan.inferred).toMatch(/inferred/);
    const annex = getLayout('UPSIKYU', '202208')!;
    expect(annex.fields).toHaveLength(34);
    expect(annex.fields.find((f) => f.name === '回数／日数')).toMatchObject({ no: 13, length: 2, baseNo: 16 });
    expect(getLayout('UPSIKYU', '202407')!.fields.find((f) => f.name === '回数／日数')?.length).toBe(3);
  });

  it('marks every edition-3.2 field as inferred and no edition-4.1 field', () => {
    expect(listLayouts().filter((l) => l.edition === '3.2').flatMap((l) => l.fields).every((f) => f.inferred)).toBe(
      true,
    );
    expect(listLayouts().filter((l) => l.edition === '4.1').flatMap((l) => l.fields).some((f) => f.inferred)).toBe(
      false,
    );
  });

  it('returns undefined for kinds an edition lacks and for versions it does not serve', () => {
    expect(getLayout('UP3KYO', '202208')).toBeUndefined();
    expect(getLayout('UPKIHON', '202208')).toBeUndefined();
    expect(getLayout('UPPLAN', '202003')).toBeUndefined();
    expect(getLayout('UPPLAN', '999999')).toBeUndefined();
    expect(getLayout('UPKIHON_IMAGE', '202407')).toBeUndefined();
    expect(getLayout('upplan', '202407')).toBeUndefined();
  });

  it('serves the superseded 4.0 value 202504 with the 4.1 layouts, marked superseded', () => {
    const v40 = getLayout('UP3KYO', '202504')!;
    expect(v40).toMatchObject({ edition: '4.0', superseded: true });
    expect(v40.fields).toEqual(getLayout('UP3KYO', '202407')!.fields);
  });

  it('returns frozen layouts so one caller cannot corrupt another', () => {
    const layout = getLayout('UPHOSOKU', '202407')!;
    expect(Object.isFrozen(layout)).toBe(true);
    expect(Object.isFrozen(layout.fields[0])).toBe(true);
  });

  it('gives every field a unique camelCase key and every coded field a known table', () => {
    for (const layout of listLayouts()) {
      const keys = layout.fields.map((f) => f.key);
      expect(new Set(keys).size, `${layout.kind}@${layout.csvVersion}`).toBe(keys.length);
      for (const f of layout.fields) {
        expect(f.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
        if (f.format === 'code') expect(getCodeTable(f.codeTable ?? ''), f.key).toBeDefined();
        else expect(f.codeTable).toBeUndefined();
      }
    }
    expect(FILE_KINDS).toContain('UPJSK');
  });
});

describe('CSVバージョン history, code tables, service types', () => {
  it('records every version with its edition and first service month, 4.0 superseded by 4.1', () => {
    expect(CSV_VERSIONS.map((v) => [v.value, v.editionId, v.appliesFrom])).toEqual([
      ['201910', '1', '2020-03'],
      ['202003', '2', '2020-10'],
      ['202208', '3', '2023-01'],
      ['202208', '3.1', '2023-06'],
      ['202504', '4.0', '2025-04'],
      ['202407', '4.1', '2025-04'],
    ]);
    expect(CSV_VERSIONS.find((v) => v.value === '202504')).toMatchObject({ superseded: '202407' });
  });

  it('has the five 【コード表】 tables exactly as printed', () => {
    expect(CODE_TABLES.careLevel.entries.map(([c]) => c)).toEqual(['06', '12', '13', '21', '22', '23', '24', '25']);
    expect(CODE_TABLES.planCategory.entries).toContainEqual(['54', '初回＆紹介＆継続']);
    expect(CODE_TABLES.insuranceCoverage.entries).toEqual([
      ['Y', '対象'],
      ['N', '対象外'],
    ]);
    expect(CODE_TABLES.certificationStatus.entries).toHaveLength(2);
    expect(CODE_TABLES.livingSupportReason.entries).toHaveLength(3);
  });

  it('lists the service types of §1.3/§1.4 with their 連携対象 mark', () => {
    const scope = (code: string) => SERVICE_TYPES.find((s) => s.code === code)?.inScope;
    expect(scope('11')).toBe(true);
    expect(scope('17')).toBe(true);
    expect(scope('2A')).toBe(true);
    expect(scope('33')).toBe(false);
    expect(scope('27')).toBe(true);
    expect(scope('41')).toBe(false);
    expect(scope('67')).toBe(true);
    expect(scope('35')).toBe(false);
    expect(scope('A8')).toBe(true);
    expect(scope('43')).toBe(true);
    expect(SERVICE_TYPES.filter((s) => s.group === 'kaigo')).toHaveLength(34);
    expect(SERVICE_TYPES.filter((s) => s.group === 'yobo')).toHaveLength(18);
    expect(new Set(SERVICE_TYPES.map((s) => s.code)).size).toBe(SERVICE_TYPES.length);
  });
});
