// The one way messages name things, per language: a field is `No.12「サービス開始時刻」` in Japanese and
// `No.12 サービス開始時刻` in English, a value is quoted as JSON (cut at 40 characters).
import { CONTROL_CHARACTER_NAMES } from '../../spec-tables/characters.js';
import { CODE_TABLES } from '../../spec-tables/code-tables.js';
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
export const count = (n: number): string => n.toLocaleString('en');

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
 * The short names people call the kinds by (第7表 rather than サービス利用票別表); the spec tables' nameJa is
 * the full name. Every kind has one (the type checks it), so a new kind cannot go unnamed.
 */
const KIND_SHORT: Readonly<Record<FileNameKind, { ja: string; en: string }>> = {
  UP1KYO: { ja: '第1表', en: 'table 1' },
  DLT1KYO: { ja: '第1表 削除', en: 'table 1 withdrawal' },
  UP2KYO: { ja: '第2表', en: 'table 2' },
  UP3KYO: { ja: '第3表', en: 'table 3' },
  UPPLAN: { ja: '第6表 予定', en: 'table 6 planned' },
  UPJSK: { ja: '第6表 実績', en: 'table 6 delivered' },
  DLTPLAN: { ja: '第6表 予定削除', en: 'table 6 planned withdrawal' },
  DLTJSK: { ja: '第6表 実績削除', en: 'table 6 delivered withdrawal' },
  UPSIKYU: { ja: '第7表', en: 'table 7' },
  UPHOSOKU: { ja: '利用者補足情報', en: 'user supplement' },
  UPKIHON: { ja: '利用者基本情報', en: 'basic information' },
  UPKIHON_SUB1: { ja: '利用者基本情報 別表1', en: 'basic information annex 1' },
  UPKIHON_SUB2: { ja: '利用者基本情報 別表2', en: 'basic information annex 2' },
  UPKIHON_IMAGE: { ja: '家族構成画像', en: 'family diagram' },
  DLTKIHON: { ja: '利用者基本情報 削除', en: 'basic information withdrawal' },
  UPYOBO: { ja: '介護予防計画書', en: 'preventive care plan' },
  UPYOBO_SUB: { ja: '介護予防計画書 別表', en: 'preventive care plan annex' },
  DLTYOBO: { ja: '介護予防計画書 削除', en: 'preventive care plan withdrawal' },
};

/**
 * A kind as people read it, with the prefix that the file name and the reports carry: `第7表（UPSIKYU）`,
 * `table 7 (UPSIKYU)`. Used alike by messages, the command and the page; a text that is not a kind stays as it is.
 */
export function kindLabel(kind: string): { ja: string; en: string } {
  const short = Object.hasOwn(KIND_SHORT, kind) ? KIND_SHORT[kind as FileNameKind] : undefined;
  return short ? { ja: `${short.ja}（${kind}）`, en: `${short.en} (${kind})` } : { ja: kind, en: kind };
}
