// recordCodec: the zod 4 codec between a text record (recordSchema) and its typed record. It agrees with
// decodeRecord / encodeRecord on every sample record, and reports bad input as zod issues located by field.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { decodeRecord, getLayout, listLayouts, readCsvFile, recordCodec, type TypedRecord } from '../src/index.js';
import { validRecord } from './support/records.js';

const SAMPLE_FILES = ['samples/4.1', 'samples/3.2'].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.CSV') && statSync(join(dir, n)).isFile())
    .map((n) => join(dir, n)),
);

describe('recordCodec', () => {
  it('exists for every served layout, and not where the spec has none', () => {
    for (const layout of listLayouts()) expect(recordCodec(layout.kind, layout.csvVersion)).toBeDefined();
    expect(recordCodec('UP3KYO', '202208')).toBeUndefined();
    expect(recordCodec('UPPLAN', '201910')).toBeUndefined();
    expect(recordCodec('UPPLAN', '202407')).toBe(recordCodec('UPPLAN', '202407'));
  });

  it.each(SAMPLE_FILES)('z.decode / z.encode agree with decodeRecord and round-trip %s', (path) => {
    const read = readCsvFile({ name: path.split('/').pop()!, bytes: readFileSync(path) });
    for (const text of read.records) {
      const codec = recordCodec(read.kind!, text['csvVersion']!)!;
      const typed = z.decode(codec, text);
      const decoded = decodeRecord(read.kind!, text);
      expect(decoded.ok && decoded.value).toEqual(typed);
      expect(z.encode(codec, typed)).toEqual(text);
    }
  });

  it('types z.decode as the TypedRecord', () => {
    const codec = recordCodec('UPPLAN', '202407')!;
    const decode = (text: z.input<typeof codec>) => z.decode(codec, text);
    expectTypeOf(decode).returns.toEqualTypeOf<TypedRecord<'UPPLAN', '202407'>>();
    expectTypeOf<z.output<typeof codec>>().toEqualTypeOf<TypedRecord<'UPPLAN', '202407'>>();
  });

  it('safeDecode reports a bad field with its path and the validator code', () => {
    const codec = recordCodec('UPPLAN', '202407')!;
    const text = validRecord(getLayout('UPPLAN', '202407')!, { serviceDate: '20250230' }) as never;
    const r = codec.safeDecode(text);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([
      expect.objectContaining({ path: ['serviceDate'], params: expect.objectContaining({ code: 'FIELD_INVALID_DATE', no: 10, name: 'サービス利用日' }) }),
    ]);
    expect(() => z.decode(codec, text)).toThrow(z.ZodError);
  });

  it('safeEncode rejects a typed value of the wrong form, and a text the field rules refuse', () => {
    const codec = recordCodec('UPPLAN', '202407')!;
    const typed = z.decode(codec, validRecord(getLayout('UPPLAN', '202407')!, { detailDistinctionCode: '' }) as never);
    expect(codec.safeEncode({ ...typed, serviceDate: '2025-02-30' }).error!.issues[0]!.path).toEqual(['serviceDate']);
    expect(codec.safeEncode({ ...typed, proratedDays: [0] }).error!.issues[0]!.path).toEqual(['proratedDays', 0]);
    expect(codec.safeEncode({ ...typed, bogus: 1 } as never).success).toBe(false);
    // The typed schema takes any string as a service code; its text is checked as recordSchema checks it.
    const long = codec.safeEncode({ ...typed, serviceCode: '1' });
    expect(long.error!.issues).toEqual([expect.objectContaining({ path: ['serviceCode'], params: expect.objectContaining({ code: 'FIELD_LENGTH' }) })]);
    expect(z.encode(codec, { ...typed, serviceStartTime: null, serviceEndTime: null })).toMatchObject({ serviceStartTime: '9999', serviceEndTime: '9999' });
  });

  it("describes the typed record as JSON Schema (zod's toJSONSchema)", () => {
    const schema = z.toJSONSchema(recordCodec('UPPLAN', '202407')!, { io: 'output' }) as {
      properties: Record<string, { type?: string; format?: string; enum?: string[]; anyOf?: unknown[] }>;
      required: string[];
    };
    expect(schema.properties['createdDate']).toMatchObject({ type: 'string', format: 'date' });
    expect([...schema.properties['over30Days']!.enum!].sort()).toEqual(['0', '1']);
    expect(schema.properties['units']!.type).toBe('integer');
    expect(schema.required).toContain('serviceStartTime');
    expect(schema.required).not.toContain('units'); // 必須 uncertain: optional
  });
});
