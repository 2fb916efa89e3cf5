// Records as objects keyed by field key, built fast: one generated function per layout creates the object
// with all its keys at once (a fixed shape V8 optimises), instead of adding keys one by one. Where code
// generation is not allowed (a page's Content-Security-Policy without 'unsafe-eval'), a loop does the same.
import type { Layout } from '../spec.js';

export type RecordFactory = (cells: readonly string[]) => Record<string, string>;

const factories = new WeakMap<Layout, RecordFactory>();
const SAFE_KEY = /^[a-z][A-Za-z0-9]*$/;

function generated(keys: readonly string[]): RecordFactory | undefined {
  if (!keys.every((k) => SAFE_KEY.test(k))) return undefined; // keys come from spec-tables; checked anyway
  const body = `return {${keys.map((k, i) => `${k}: c[${i}] ?? ''`).join(', ')}};`;
  try {
    return new Function('c', body) as RecordFactory;
  } catch {
    return undefined;
  }
}

export function recordFactory(layout: Layout): RecordFactory {
  let factory = factories.get(layout);
  if (!factory) {
    const keys = layout.fields.map((f) => f.key);
    factory =
      generated(keys) ??
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
