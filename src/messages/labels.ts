// The one way messages name things, per language: a field is `No.12「サービス開始時刻」` in Japanese and
// `No.12 サービス開始時刻` in English, a value is quoted as JSON (cut at 40 characters).
import { CONTROL_CHARACTER_NAMES } from '../../spec-tables/characters.js';
import { CODE_TABLES } from '../../spec-tables/code-tables.js';
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { FORMATS } from '../../spec-tables/formats.js';
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import type { FileNameKind, FormatKind, FormatSpec } from '../../spec-tables/types.js';
import type { FieldName } from './catalogue.js';

export const fieldJa = (f: FieldName): string => `No.${f.no}「${f.name}」`;
export const fieldEn = (f: FieldName): string => `No.${f.no} ${f.name}`;

/** A value as messages show it: JSON-quoted, cut after 40 characters. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A count with thousands separators (1,000,000), the same in both languages. */
/**
 * A count with its thousands grouped by commas (12,345), as toLocaleString('en') and ('ja-JP') write an integer —
 * without it: its first call loads the number-format data (45–100 ms on a browser page's thread, in the task that
 * draws the page's first progress line).
 */
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `U+001B（ESC）`: a control character's code point, with its usual name where it has one. */
export function controlLabel(code: number): { ja: string; en: string } {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_CHARACTER_NAMES[code];
  return name ? { ja: `${hex}（${name}）`, en: `${hex} (${name})` } : { ja: hex, en: hex };
}

/** The spec's example of a format, where it gives one. */
export function exampleOf(format: FormatKind): string | undefined {
  const spec: FormatSpec = FORMATS[format];
  return spec.example;
}

/** A code table by id (an id the tables lack gives an empty table: a message never throws). */
export function codeTableOf(id: string): { readonly name: string; readonly entries: readonly (readonly [string, string])[] } {
  return Object.hasOwn(CODE_TABLES, id) ? CODE_TABLES[id as keyof typeof CODE_TABLES] : { name: id, entries: [] };
}

/** A send unit's name by its id (spec-tables/send-units.ts). */
export function sendUnitName(id: string): { ja: string; en: string } {
  const unit = (SEND_UNITS as readonly SendUnitSpec[]).find((u) => u.id === id);
  return unit ? { ja: unit.nameJa, en: unit.nameEn } : { ja: id, en: id };
}

/**
 * A kind as people read it, with the prefix that the file name and the reports carry: `第7表（UPSIKYU）`,
 * `table 7 (UPSIKYU)`. Used alike by messages, the command and the page; a text that is not a kind stays as it is.
 */
export function kindLabel(kind: string): { ja: string; en: string } {
  // The short names (第7表 rather than サービス利用票別表) are the spec tables' (shortJa, shortEn).
  const spec = Object.hasOwn(FILE_NAMES, kind) ? FILE_NAMES[kind as FileNameKind] : undefined;
  return spec ? { ja: `${spec.shortJa}（${kind}）`, en: `${spec.shortEn} (${kind})` } : { ja: kind, en: kind };
}

/** Runs of lines shown in a message (the rest are in the params): `1–4、7` / `1–4, 7`, then "ほか" / "…". */
const RUNS_SHOWN = 5;

/** Runs of lines [from, to] as a message writes them (the first RUNS_SHOWN; `more` when there are others). */
export function lineRuns(runs: readonly (readonly [number, number])[], sep: string, more: string): string {
  const shown = runs.slice(0, RUNS_SHOWN).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  return shown.join(sep) + (runs.length > RUNS_SHOWN ? more : '');
}
