// Per-layout lookups the file rules make for every record, computed once per layout: a field's reference for
// issues, and the layout's field keys in order.
import type { Layout } from '../spec.js';

/** A field as issues name it. */
export type FieldRef = { readonly no: number; readonly key: string; readonly name: string };

const refCache = new WeakMap<Layout, Map<string, FieldRef>>();

/** `{ no, key, name }` of a layout's field, for issues; undefined when the layout has no such field. */
export function fieldRef(layout: Layout, key: string): FieldRef | undefined {
  let refs = refCache.get(layout);
  if (!refs) refCache.set(layout, (refs = new Map(layout.fields.map((f) => [f.key, { no: f.no, key: f.key, name: f.name }]))));
  return refs.get(key);
}

const keysCache = new WeakMap<Layout, readonly string[]>();

/** The layout's field keys, in field order. */
export function keysOf(layout: Layout): readonly string[] {
  let keys = keysCache.get(layout);
  if (!keys) keysCache.set(layout, (keys = layout.fields.map((f) => f.key)));
  return keys;
}
