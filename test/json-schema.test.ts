// The JSON Schema of send-unit documents shipped in json-schema/: the committed files are what the script
// generates, and they describe what readSendUnits gives — every bundled sample unit, in its JSON form, passes —
// and refuse what is not a document.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JSON_SCHEMA_VERSIONS, sendUnitDocumentSchemas, sendUnitJsonSchema, writeSendUnit, type SendUnitDocument } from '../src/index.js';
import { sampleSendUnits } from './support/send-units.js';

const committed = (v: string) => readFileSync(`json-schema/${v}.json`, 'utf8');

const compiled = new Map<string, ReturnType<typeof compile>>();
const validatorsOf = (v: string) => compiled.get(v) ?? compiled.set(v, compile(v)).get(v)!;
function compile(v: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(JSON.parse(committed(v)), v);
  return { document: ajv.getSchema(v)!, input: ajv.getSchema(`${v}#/$defs/SendUnitDocumentInput`)! };
}

/** The JSON form of a document, as a vendor's program would receive it (images as base64). */
function jsonOf(unit: SendUnitDocument): Record<string, unknown> {
  const schemas = sendUnitDocumentSchemas(unit.csvVersion)!;
  return JSON.parse(JSON.stringify(z.encode(schemas.document, unit))) as Record<string, unknown>;
}

const samples = [...sampleSendUnits('4.1').documents, ...sampleSendUnits('3.2').documents];
/** A 利用者基本情報 unit with a family diagram (the samples carry none): JPEG bytes, every byte value. */
const withImage: SendUnitDocument = {
  ...samples.find((u) => u.type === 'basicInfo')!,
  images: [{ branch: '0001', jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 256 }, (_, i) => i), 0xff, 0xd9]) }],
};

describe('json-schema/ (npm run json-schema)', () => {
  it('holds one file per served CSVバージョン, as the script generates them', () => {
    expect(readdirSync('json-schema').sort()).toEqual(JSON_SCHEMA_VERSIONS.map((v) => `${v}.json`).sort());
    for (const v of JSON_SCHEMA_VERSIONS) expect(committed(v), `json-schema/${v}.json is out of date: npm run json-schema`).toBe(`${JSON.stringify(sendUnitJsonSchema(v), null, 2)}\n`);
  });

  it('is shipped in the package and exported', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain('json-schema');
    expect(pkg.exports['./json-schema/*']).toBe('./json-schema/*');
  });

  it('has a typed record per kind (field No. and name in descriptions) and the document', () => {
    const schema = JSON.parse(committed('202407')) as { $ref: string; $defs: Record<string, { properties?: Record<string, { description?: string }>; required?: string[] }> };
    expect(schema.$ref).toBe('#/$defs/SendUnitDocument');
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['UPPLAN', 'UPPLANInput', 'UPKIHON', 'UPYOBO', 'SendUnitDocument', 'SendUnitDocumentInput']));
    expect(schema.$defs['UPPLAN']!.properties!['serviceDate']!.description).toBe('No.10 サービス利用日（必須 / required）');
    expect(schema.$defs['UPPLAN']!.required).toContain('serviceDate');
    expect(schema.$defs['UPPLANInput']!.required).toBeUndefined();
    // Edition 3.2 has no 第3表 and no 予防 units.
    expect(Object.keys((JSON.parse(committed('202208')) as typeof schema).$defs)).not.toContain('UP3KYO');
  });
});

describe('every bundled sample unit validates against the committed JSON Schema', () => {
  it.each(samples.map((u) => [`${u.csvVersion} ${u.type} ${u.key}`, u] as const))('%s', (_name, unit) => {
    const { document, input } = validatorsOf(unit.csvVersion);
    const json = jsonOf(unit);
    expect(document(json), JSON.stringify(document.errors)).toBe(true);
    expect(input(json), JSON.stringify(input.errors)).toBe(true);
    // And the JSON form decodes back to the very document (images' bytes included).
    expect(z.decode(sendUnitDocumentSchemas(unit.csvVersion)!.document, json as never)).toEqual(unit);
  });

  it('covers both editions, and images as base64', () => {
    expect(new Set(samples.map((u) => u.csvVersion))).toEqual(new Set(['202407', '202208']));
    const json = jsonOf(withImage);
    expect((json['images'] as { jpeg: unknown }[])[0]!.jpeg).toBe(Buffer.from(withImage.images![0]!.jpeg).toString('base64'));
    expect(validatorsOf('202407').document(json)).toBe(true);
    expect(z.decode(sendUnitDocumentSchemas('202407')!.document, json as never)).toEqual(withImage);
  });
});

describe('a broken document is refused', () => {
  const unit = samples.find((u) => u.type === 'schedule' && u.csvVersion === '202407')!;
  const { document, input } = validatorsOf('202407');
  const broken = (change: (json: Record<string, any>) => void) => {
    const json = jsonOf(unit) as Record<string, any>;
    change(json);
    return json;
  };
  it.each([
    ['a date that does not exist', (j: Record<string, any>): void => {
      j['users'][0].records.UPPLAN[0].serviceDate = '2025-02-30';
    }, '/users/0/records/UPPLAN/0/serviceDate'],
    ['a code not in its table', (j: Record<string, any>): void => {
      j['users'][0].records.UPPLAN[0].over30Days = '2';
    }, '/users/0/records/UPPLAN/0/over30Days'],
    ['a number as text', (j: Record<string, any>): void => {
      j['users'][0].records.UPSIKYU[0].units = '244';
    }, '/users/0/records/UPSIKYU/0/units'],
    ['a day 32', (j: Record<string, any>): void => {
      j['users'][0].records.UPPLAN[0].proratedDays = [1, 32];
    }, '/users/0/records/UPPLAN/0/proratedDays/1'],
    ['an unknown unit type', (j: Record<string, any>): void => {
      j['type'] = 'plan';
    }, '/type'],
    ['a misspelt property', (j: Record<string, any>): void => {
      j['users'][0].record = j['users'][0].records;
    }, '/users/0'],
    ['a kind in the wrong place', (j: Record<string, any>): void => {
      j['users'][0].records.UPPLANX = [];
    }, '/users/0/records'],
    ['a timestamp of 12 digits', (j: Record<string, any>): void => {
      j['timestamp'] = '202503251000';
    }, '/timestamp'],
  ] as const)('%s', (_what, change, path) => {
    const json = broken(change);
    for (const validate of [document, input]) {
      expect(validate(json)).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
    }
    // The zod schema refuses it at the same place.
    const parsed = sendUnitDocumentSchemas('202407')!.input.safeDecode(json as never);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => `/${i.path.join('/')}`)).toContain(path.replace(/\/1$/, '/1'));
  });

  it('the input form lets derived values be left out; the document form does not', () => {
    const json = broken((j) => {
      delete j['key'];
      delete j['csvVersion'];
      delete j['users'][0].records.UPPLAN[0].csvVersion;
      delete j['users'][0].records.UPPLAN[0].insuredNumber;
    });
    expect(input(json), JSON.stringify(input.errors)).toBe(true);
    expect(document(json)).toBe(false);
    // …and writeSendUnit fills them in from the rest of the document.
    const decoded = z.decode(sendUnitDocumentSchemas('202407')!.input, json as never);
    const written = writeSendUnit(decoded);
    expect(written.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(written.document).toEqual(unit);
  });

  it('an image that is not base64 is refused', () => {
    const json = jsonOf(withImage) as Record<string, any>;
    json['images'][0].jpeg = '*not base64*';
    const v = validatorsOf(withImage.csvVersion).document;
    expect(v(json)).toBe(false);
    expect(v.errors!.map((e) => e.instancePath)).toContain('/images/0/jpeg');
  });

  it('only served CSVバージョン have schemas; a wrong argument type throws', () => {
    expect(sendUnitJsonSchema('201910')).toBeUndefined();
    expect(sendUnitDocumentSchemas('999999')).toBeUndefined();
    expect(() => sendUnitJsonSchema(202407 as never)).toThrow(TypeError);
  });
});
