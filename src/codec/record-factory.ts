// Records as objects keyed by field key, built fast: one generated function per layout creates the object
// with all its keys at once (a fixed shape V8 optimises, and one allocation site whose records V8 soon
// allocates straight into the old generation, since readCsvFile keeps them all), instead of adding keys one by
// one. Where code generation is not allowed (a page's Content-Security-Policy without 'unsafe-eval'), a loop
// does the same.
import type { Field, Layout } from '../spec.js';

/**
 * `previous`, the record before this one of the same layout (from the same factory), lends its value where the
 * new one is equal: see `mayBeLong`.
 */
export type RecordFactory = (cells: readonly string[], previous?: Record<string, string>) => Record<string, string>;

const factories = new WeakMap<Layout, RecordFactory>();
const SAFE_KEY = /^[a-z][A-Za-z0-9]*$/;

/**
 * The tokenizer cuts a value of up to 12 characters only once while it repeats (short-values.ts); a longer
 * or escaped one ("" inside quotes) is a new string in every record, even when it equals the previous
 * record's (a provider's name on each of a user's rows). Such a string, kept by a record that the collector
 * has already moved to the old generation, is what each young collection copies: so for the fields where
 * the tables allow such values (free text, and lengths from 13 or none), the previous record's string is
 * reused when equal, and the new one dies young. Values are equal either way; only which string is kept
 * differs.
 */
function mayBeLong(field: Partial<Field>): boolean {
  return field.format === 'freeText' || field.length === null || field.length === undefined || field.length >= 13;
}

function generated(fields: readonly Partial<Field>[]): RecordFactory | undefined {
  const keys = fields.map((f) => f.key ?? '');
  if (!keys.every((k) => SAFE_KEY.test(k))) return undefined; // keys come from spec-tables; checked anyway
  const plain = fields.map((f, i) => `${JSON.stringify(f.key)}: c[${i}] ?? ''`);
  const reusing = fields.map((f, i) => {
    const k = JSON.stringify(f.key);
    return mayBeLong(f) ? `${k}: (v = c[${i}] ?? '') === p[${k}] ? p[${k}] : v` : `${k}: c[${i}] ?? ''`;
  });
  // Two literals of the same keys in the same order: records of one shape whichever builds them.
  const body = `if (p === undefined) return {${plain.join(', ')}}; let v; return {${reusing.join(', ')}};`;
  try {
    return new Function('c', 'p', body) as RecordFactory;
  } catch {
    return undefined;
  }
}

export function recordFactory(layout: Layout): RecordFactory {
  let factory = factories.get(layout);
  if (!factory) {
    const keys = layout.fields.map((f) => f.key);
    factory =
      generated(layout.fields) ??
      (keys.every((k) => SAFE_KEY.test(k))
        ? (cells) => {
            const record: Record<string, string> = {};
            for (let i = 0; i < keys.length; i++) record[keys[i]!] = cells[i] ?? '';
            return record;
          }
        : // A key such as `__proto__` would set the prototype when assigned: defined as an own property instead.
          (cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ''])) as Record<string, string>);
    factories.set(layout, factory);
  }
  return factory;
}
