// A zod codec per layout between the text record (recordSchema) and the typed record: `z.decode(codec, text)`,
// `z.encode(codec, typed)`, `codec.safeDecode(text)`. Both sides are derived from the spec tables: the typed
// schema's property types come from VALUE_CODECS (value-codecs.ts), the same table decodeRecord uses.
//
// The codec checks what a schema can: each field (recordSchema's field checkers, errors only) and each typed
// value. The record rules that relate fields (RECORD_*) and the DECODE_NORMALISED notes are decodeRecord's
// (src/documents/records.ts), which reports every issue the validator would.
import { z } from 'zod';
import { expectString } from '../arguments.js';
import { getLayout, type CsvVersion, type CurrentCsvVersion, type FileKind, type Layout } from '../spec.js';
import { recordSchema, type RecordSchema } from './record-schema.js';
import type { TypedRecord } from './typed-record.js';
import { fieldTyping, INVALID, type FieldTyping } from './value-codecs.js';
import { fieldLabel } from './field-rules.js';

/** The zod codec of a kind's records in a CSVバージョン: text record ⇄ typed record. */
export type RecordCodec<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = z.ZodCodec<RecordSchema<K, V>, z.ZodType<TypedRecord<K, V>>>;

const cache = new Map<Layout, z.ZodCodec<z.ZodObject, z.ZodObject>>();

function typedSchema(layout: Layout, typings: readonly FieldTyping[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  layout.fields.forEach((field, i) => {
    const t = typings[i]!;
    let s: z.ZodType = t.codec.zod(z, field, layout.csvVersion);
    if (t.nullText !== undefined) s = s.nullable();
    if (!t.required) s = s.optional();
    shape[field.key] = s;
  });
  return z.strictObject(shape);
}

function buildCodec(kind: FileKind, layout: Layout): z.ZodCodec<z.ZodObject, z.ZodObject> {
  const text = recordSchema(kind, layout.csvVersion) as z.ZodObject;
  const fields = layout.fields;
  const typings = fields.map(fieldTyping);
  return z.codec(text, typedSchema(layout, typings), {
    decode: (record, ctx) => {
      const out: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const value = (record as Record<string, string>)[field.key]!;
        if (value === '') return;
        const t = typings[i]!;
        if (t.nullText !== undefined && field.sentinels!.includes(value)) {
          out[field.key] = null;
          return;
        }
        const typed = t.codec.decode(value, field);
        if (typed === INVALID) {
          const label = fieldLabel(field);
          ctx.issues.push({ code: 'custom', input: value, path: [field.key], message: `${label.ja} の値 ${JSON.stringify(value)} は${t.codec.ja}に読み替えられません。`, params: { code: 'FIELD_FORMAT', no: field.no, name: field.name, messageEn: `${label.en}: ${JSON.stringify(value)} cannot be read as ${t.codec.en}.` } });
          return;
        }
        out[field.key] = typed;
      });
      return out;
    },
    encode: (typed, ctx) => {
      const out: Record<string, string> = {};
      fields.forEach((field, i) => {
        const value = (typed as Record<string, unknown>)[field.key];
        const t = typings[i]!;
        const text = value === undefined ? '' : value === null ? (t.nullText ?? INVALID) : t.codec.encode(value, field);
        if (text === INVALID) {
          const label = fieldLabel(field);
          ctx.issues.push({ code: 'custom', input: value, path: [field.key], message: `${label.ja} の値は書けません。${t.codec.ja}を指定してください。`, params: { code: 'ENCODE_BAD_VALUE', no: field.no, name: field.name, messageEn: `${label.en}: the value cannot be written; it must be ${t.codec.en}.` } });
          out[field.key] = '';
          return;
        }
        out[field.key] = text;
      });
      return out;
    },
  });
}

/**
 * A zod 4 codec between the text record of `kind` in `csvVersion` (recordSchema, as readCsvFile gives it) and
 * its typed record (TypedRecord): `z.decode(codec, text)`, `z.encode(codec, typed)`, `codec.safeDecode(text)`.
 * Zod issues carry `path: [fieldKey]` and `params: { code, no, name, messageEn }` as recordSchema's do.
 * Undefined when the spec defines no such layout.
 */
export function recordCodec<K extends FileKind, V extends CsvVersion>(kind: K, csvVersion: V): RecordCodec<K, V> | undefined;
export function recordCodec(kind: string, csvVersion: string): z.ZodCodec<z.ZodObject, z.ZodObject> | undefined;
export function recordCodec(kind: string, csvVersion: string): z.ZodCodec<z.ZodObject, z.ZodObject> | undefined {
  expectString('recordCodec', 'kind', kind);
  expectString('recordCodec', 'csvVersion', csvVersion);
  const layout = getLayout(kind, csvVersion);
  if (!layout) return undefined;
  let codec = cache.get(layout);
  if (!codec) {
    codec = buildCodec(layout.kind, layout);
    cache.set(layout, codec);
  }
  return codec;
}
