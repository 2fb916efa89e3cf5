// Zod schemas for one record of a layout, derived from the spec tables. A record is an object keyed by the
// layout's field keys, each value the field's text exactly as in the file ('' for an empty field).
import { expectString } from '../arguments.js';
import { z } from 'zod';
import { getLayout, type CsvVersion, type CurrentCsvVersion, type LayoutKindTable, type FieldKey, type FileKind, type Layout, type LayoutKindOf } from '../spec.js';
import { compileFieldChecker } from './field-rules.js';

export type RecordShape<K extends FileKind, V extends CsvVersion> = { [P in FieldKey<K, V>]: z.ZodString };
export type RecordSchema<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = z.ZodObject<
  RecordShape<K, V>,
  z.core.$strict
>;
/**
 * What recordSchema gives for a kind and CSVバージョン known when compiling: the schema when the edition has the
 * layout (read from the edition tables), else `undefined` (UP3KYO in 202208); either when the kind or version is
 * a union that mixes both.
 */
export type RecordSchemaOf<K extends FileKind, V extends CsvVersion> = [LayoutKindOf<K>] extends [LayoutKindTable[V]]
  ? RecordSchema<K, V>
  : [LayoutKindOf<K> & LayoutKindTable[V]] extends [never]
    ? undefined
    : RecordSchema<K, V> | undefined;
/** The record type of a kind in a CSVバージョン, inferred from its schema. */
export type RecordOf<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = z.infer<RecordSchema<K, V>>;

const cache = new Map<Layout, z.ZodObject>();

function buildSchema(layout: Layout): z.ZodObject {
  const shape: Record<string, z.ZodString> = {};
  for (const field of layout.fields) {
    const check = compileFieldChecker(field, layout.csvVersion);
    shape[field.key] = z.string().check((ctx) => {
      for (const p of check(ctx.value)) {
        // Warnings (rules the spec leaves uncertain) do not make a record invalid.
        if (p.severity !== 'error') continue;
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: p.message,
          params: { code: p.code, no: field.no, name: field.name, messageEn: p.messageEn },
        });
      }
    });
  }
  return z.strictObject(shape);
}

/**
 * A zod schema for one record of `kind` in `csvVersion`, checking format, length, required and code values
 * of every field. Each zod issue has `path: [fieldKey]` and `params: { code, no, name, messageEn }`;
 * `message` is Japanese. Returns `undefined` when the spec defines no such layout: typed with a literal kind and
 * CSVバージョン, the return type says which (RecordSchemaOf); with plain strings, it is `| undefined`.
 */
export function recordSchema<K extends FileKind, V extends CsvVersion>(kind: K, csvVersion: V): RecordSchemaOf<K, V>;
export function recordSchema(kind: string, csvVersion: string): z.ZodObject | undefined;
export function recordSchema(kind: string, csvVersion: string): z.ZodObject | undefined {
  expectString('recordSchema', 'kind', kind);
  expectString('recordSchema', 'csvVersion', csvVersion);
  const layout = getLayout(kind, csvVersion);
  if (!layout) return undefined;
  let schema = cache.get(layout);
  if (!schema) {
    schema = buildSchema(layout);
    cache.set(layout, schema);
  }
  return schema;
}
