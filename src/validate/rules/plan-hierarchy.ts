// The numbered-level tree of 第2表 and the 予防 別表 (spec-tables/hierarchies.ts): a receiving system keys each row
// on its NO path (課題ＮＯ, 援助目標ＮＯ, 援助内容ＮＯ) within the user's plan, and reads a level's texts (the 課題 of
// a 課題ＮＯ) once. A repeated path (FILE_PLAN_PATH_REPEATED) breaks its import; a level's text that differs
// between rows (FILE_PLAN_NEED_DIFFERS for the outermost level, FILE_PLAN_GOAL_DIFFERS for the next) leaves it to
// guess. An empty text on a later row is the spec's own way of writing (the first row carries it), not a difference.
// Texts are kept as 53-bit digests with their first line, per plan, in a bounded memory (PlanMemory).
import { issue } from '../../rules/index.js';
import type { FieldName } from '../../messages/catalogue.js';
import type { FileKind, Layout } from '../../spec.js';
import { HIERARCHIES } from '../../../spec-tables/hierarchies.js';
import { hierarchyOf, type CompiledHierarchy } from '../hierarchies.js';
import { fieldRef } from '../layout-fields.js';
import type { DuplicateRule } from './duplicates.js';
import type { FileRule, FileScope, SeenRecord } from './file-rule.js';

/** At most this many NO paths and plans are remembered per file (about 16 MB): see PlanMemory. */
export const MAX_REMEMBERED_PATHS = 100_000;

/** A 53-bit digest of a text (two 32-bit multiplicative hashes), so that long free texts are not kept. */
export function textDigest(text: string): number {
  let a = 0x811c9dc5;
  let b = text.length ^ 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

/**
 * What is remembered of one NO path: its first line, and for a level with fields, per field the first non-empty
 * text's digest and line (NaN: none yet) — `[line, digest0, line0, digest1, line1, …]`, one flat array of numbers
 * (about 160 bytes a path with its key) rather than an object of arrays.
 */
type PathFacts = number | number[];
/**
 * NO paths by plan, the plans seen longest ago let go once `cap` paths and plans are remembered: rows of one plan
 * come together in practice, so nothing is lost then; a plan let go and seen again starts afresh (a difference
 * across the gap is missed, none is invented).
 */
export class PlanMemory {
  private readonly plans = new Map<string, Map<string, PathFacts>>();
  private size = 0;
  private lastKey: string | undefined;
  private last: Map<string, PathFacts> | undefined;

  constructor(private readonly cap: number) {}

  plan(key: string): Map<string, PathFacts> {
    if (key === this.lastKey) return this.last!;
    let paths = this.plans.get(key);
    if (paths) this.plans.delete(key);
    else {
      paths = new Map();
      this.size++;
    }
    // Map order is insertion order: re-inserting makes it the most recent.
    this.plans.set(key, paths);
    this.lastKey = key;
    this.last = paths;
    this.trim();
    return paths;
  }

  /** Counts a path added to the current plan. */
  added(): void {
    this.size++;
    this.trim();
  }

  private trim(): void {
    if (this.size <= this.cap) return;
    for (const [key, paths] of this.plans) {
      if (this.size <= this.cap) return;
      if (paths === this.last) continue;
      this.plans.delete(key);
      this.size -= paths.size + 1;
    }
    // One plan alone over the cap: forget its paths, keep reading from here.
    if (this.size > this.cap && this.last) {
      this.size -= this.last.size;
      this.last.clear();
    }
  }
}

/** A NO as the receiver reads it: digits (half- or full-width) as a number, so that `01`, `1` and `１` are one NO. */
function normalNo(value: string): string {
  if (!/^[0-9０-９]+$/.test(value)) return value;
  const digits = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return String(Number(digits));
}

const nameOf = (layout: Layout, at: number): FieldName => ({ no: layout.fields[at]!.no, name: layout.fields[at]!.name });

export class PlanHierarchyRule implements FileRule {
  readonly kinds: readonly FileKind[] = Object.keys(HIERARCHIES) as FileKind[];
  private readonly memory = new PlanMemory(MAX_REMEMBERED_PATHS);

  constructor(
    private readonly scope: FileScope,
    private readonly duplicates: DuplicateRule,
  ) {}

  onRecord(seen: SeenRecord): void {
    const { values, layout, line } = seen;
    const tree = hierarchyOf(layout);
    if (!tree) return;
    let planKey = '';
    for (const k of tree.key) planKey += `${values[k] ?? ''}\u0000`;
    const paths = this.memory.plan(planKey);
    const levels = tree.levels;
    let path = '';
    for (let l = 0; l < levels.length; l++) {
      const level = levels[l]!;
      const no = normalNo(values[level.at] ?? '');
      // No NO: the row has no place at this level (nor below); RECORD rules speak of the field itself.
      if (no === '') return;
      // Each NO prefixed by its length: no NO text can make two paths one.
      path += `${no.length}:${no}/`;
      let facts = paths.get(path);
      if (facts === undefined) {
        facts = line;
        if (level.fields.length > 0) {
          facts = [line];
          for (let f = 0; f < level.fields.length; f++) facts.push(NaN, 0);
        }
        paths.set(path, facts);
        this.memory.added();
      } else if (l === levels.length - 1) {
        // A row identical to an earlier one is FILE_DUPLICATE_RECORD's already: one cause, one issue.
        const first = typeof facts === 'number' ? facts : facts[0]!;
        if (!this.duplicates.isDuplicate(line)) this.report(seen, tree, l + 1, level.at, first, 'FILE_PLAN_PATH_REPEATED');
      }
      if (typeof facts === 'number') continue;
      for (let f = 0; f < level.fields.length; f++) {
        const text = values[level.fields[f]!] ?? '';
        if (text === '') continue;
        const digest = textDigest(text);
        const at = 1 + 2 * f;
        if (Number.isNaN(facts[at])) {
          facts[at] = digest;
          facts[at + 1] = line;
        } else if (facts[at] !== digest) {
          this.report(seen, tree, l + 1, level.fields[f]!, facts[at + 1]!, l === 0 ? 'FILE_PLAN_NEED_DIFFERS' : 'FILE_PLAN_GOAL_DIFFERS');
        }
      }
    }
  }

  /** An issue at the row's field `at`, naming the user's plan, the NO path of `depth` levels and the earlier line. */
  private report(
    seen: SeenRecord,
    tree: CompiledHierarchy,
    depth: number,
    at: number,
    firstLine: number,
    code: 'FILE_PLAN_PATH_REPEATED' | 'FILE_PLAN_NEED_DIFFERS' | 'FILE_PLAN_GOAL_DIFFERS',
  ): void {
    const sink = this.scope.sink;
    // Counted first: past the cap, nothing is built.
    if (!sink.take(code)) return;
    const { values, layout } = seen;
    const keyValues = tree.key.map((k) => values[k] ?? '');
    const path = tree.levels.slice(0, depth).map((l) => ({ field: nameOf(layout, l.at), value: values[l.at] ?? '' }));
    const params = { user: keyValues.slice(0, 2).join('-'), plan: keyValues.slice(2).join(' '), path, field: nameOf(layout, at), firstLine, line: seen.line };
    const where = { ...seen.where, field: fieldRef(layout, layout.fields[at]!.key), value: values[at] ?? '' };
    sink.keep(issue(code, params, where));
  }
}
