// The numbered-level trees of spec-tables/hierarchies.ts, checked against the layouts when the library loads (a
// key that names no field of a served layout of its kind fails here, not silently at validation) and compiled
// once per layout into field positions for the file rule (src/validate/rules/plan-hierarchy.ts).
import { HIERARCHIES, type HierarchySpec } from '../../spec-tables/hierarchies.js';
import { RECORD_KEYS } from '../../spec-tables/record-keys.js';
import { EditionDataError, layoutKindOf, listLayouts, type Layout } from '../spec.js';

/** One level of a layout's tree, by field position. */
export interface CompiledLevel {
  /** Position of the level's NO field. */
  readonly at: number;
  /** Positions of the fields that describe the level (the innermost level has none). */
  readonly fields: readonly number[];
}

/** A layout's tree, by field position: the user's plan key, then the levels outermost first. */
export interface CompiledHierarchy {
  readonly key: readonly number[];
  readonly levels: readonly CompiledLevel[];
}

/**
 * Throws an EditionDataError when a hierarchy names a field a layout lacks, names a field twice (a NO that is
 * also a level's field, a field of two levels, a plan-key field), or has no level. Run for every served layout
 * when this module loads; exported so that a test can feed it bad data.
 */
export function checkHierarchies(hierarchies: Readonly<Record<string, HierarchySpec>>, layouts: readonly Layout[]): void {
  for (const layout of layouts) {
    const kind = layoutKindOf(layout.kind);
    const spec = hierarchies[kind];
    if (!spec) continue;
    const where = (key?: string) => ({ edition: layout.edition, kind, key });
    if (spec.levels.length === 0) throw new EditionDataError(where(), 'hierarchies: 階層がありません', 'hierarchies: no level');
    const keys = new Set(layout.fields.map((f) => f.key));
    const seen = new Set<string>(RECORD_KEYS[kind as keyof typeof RECORD_KEYS]?.key ?? []);
    const named = [...spec.levels.flatMap((l) => [l.no, ...l.fields]), ...(spec.free?.fields ?? [])];
    for (const key of named) {
      if (!keys.has(key)) throw new EditionDataError(where(key), 'hierarchies: レイアウトにない項目です', 'hierarchies: the layout has no such field');
      if (seen.has(key)) throw new EditionDataError(where(key), 'hierarchies: 項目が2回（またはキー項目として）名指されています', 'hierarchies: a field named twice (or a plan-key field)');
      seen.add(key);
    }
    if (spec.levels[spec.levels.length - 1]!.fields.length > 0) {
      throw new EditionDataError(where(spec.levels[spec.levels.length - 1]!.no), 'hierarchies: 最も内側の階層に項目は書きません（行そのものの項目）', 'hierarchies: the innermost level has no fields (they are the row’s own)');
    }
  }
}

checkHierarchies(HIERARCHIES, listLayouts());

const compiled = new WeakMap<Layout, CompiledHierarchy | null>();

/** The layout's tree by field position, or undefined when its kind has none (or a registered edition lacks a field). */
export function hierarchyOf(layout: Layout): CompiledHierarchy | undefined {
  let tree = compiled.get(layout);
  if (tree === undefined) {
    const kind = layoutKindOf(layout.kind);
    const spec: HierarchySpec | undefined = (HIERARCHIES as Readonly<Record<string, HierarchySpec>>)[kind];
    const index = new Map(layout.fields.map((f, i) => [f.key, i]));
    const at = (key: string) => index.get(key) ?? -1;
    const keySpec = RECORD_KEYS[kind as keyof typeof RECORD_KEYS];
    tree = null;
    if (spec && keySpec) {
      const levels = spec.levels.map((l) => ({ at: at(l.no), fields: l.fields.map(at) }));
      const key = keySpec.key.map(at);
      // An edition registered at run time may lack a field: no tree then, rather than a tree of wrong fields.
      if (!levels.some((l) => l.at < 0 || l.fields.some((f) => f < 0)) && !key.some((k) => k < 0)) tree = { key, levels };
    }
    compiled.set(layout, tree);
  }
  return tree ?? undefined;
}
