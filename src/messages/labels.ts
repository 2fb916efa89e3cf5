// The one way messages name things, per language: a field is `No.12「サービス開始時刻」` in Japanese and
// `No.12 サービス開始時刻` in English, a value is quoted as JSON (cut at 40 characters).
import type { FieldName } from './catalogue.js';

export const fieldJa = (f: FieldName): string => `No.${f.no}「${f.name}」`;
export const fieldEn = (f: FieldName): string => `No.${f.no} ${f.name}`;

/** A value as messages show it: JSON-quoted, cut after 40 characters. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A count with thousands separators (1,000,000), the same in both languages. */
export const count = (n: number): string => n.toLocaleString('en');
