// The relation keys the send units match files by (spec-tables/send-units.ts), and which of them a layout can
// give: the fields a file's facts are collected under for its send unit.
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import type { Layout } from '../spec.js';
import { keysOf } from './layout-fields.js';

/** Every relation key the send units match files by, once each. */
const RELATION_KEYS: readonly (readonly string[])[] = [
  ...new Map(
    (SEND_UNITS as readonly SendUnitSpec[])
      .flatMap((u) => [u.key, ...u.members.map((m) => m.key)])
      .filter((k): k is readonly string[] => k !== undefined)
      .map((k) => [k.join('+'), k] as const),
  ).values(),
];

const relationCache = new WeakMap<Layout, readonly (readonly string[])[]>();

/** The relation keys whose fields the layout has. */
export function relationKeysOf(layout: Layout): readonly (readonly string[])[] {
  let found = relationCache.get(layout);
  if (!found) {
    const keys = new Set(keysOf(layout));
    relationCache.set(layout, (found = RELATION_KEYS.filter((fields) => fields.every((f) => keys.has(f)))));
  }
  return found;
}
