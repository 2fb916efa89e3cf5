// Masking for printed copies that leave the office (renderForms' `mask`): which fields are masked is data
// (MASKED_FIELDS, spec-tables/forms.ts); how is here. A name keeps its first character and a number its last
// four, so that someone who knows the user can still match the copy; everything else of them becomes ＊ (or *
// for half-width characters, so a column keeps its width). Spaces stay: the shape of a name is not personal.
import { MASKED_FIELDS } from '../../spec-tables/forms.js';
import type { DocumentRecord } from '../documents/send-unit-document.js';
import { anyText } from './display.js';

const PARTIAL: ReadonlySet<string> = new Set(MASKED_FIELDS.partial);
const HIDDEN: ReadonlySet<string> = new Set(MASKED_FIELDS.hidden);

const isHalfWidth = (ch: string): boolean => ch.codePointAt(0)! < 0x7f || /[\uff61-\uff9f]/.test(ch);
const star = (ch: string): string => (/\s/.test(ch) ? ch : isHalfWidth(ch) ? '*' : '＊');

/** A name with its first character kept: 髙橋 﨑子 → 髙＊ ＊＊. */
export function maskName(text: string): string {
  const chars = [...text];
  return chars.map((ch, i) => (i === 0 ? ch : star(ch))).join('');
}

/** A number with its last four characters kept: 0000123456 → ******3456. */
export function maskNumber(text: string): string {
  const chars = [...text];
  return chars.map((ch, i) => (i >= chars.length - 4 ? ch : star(ch))).join('');
}

/** What a hidden field shows. */
export const HIDDEN_TEXT = '＊＊＊';

/** A field's value as a masked copy prints it (the value itself when the field is not masked or empty). */
export function maskValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (HIDDEN.has(field)) return HIDDEN_TEXT;
  if (!PARTIAL.has(field)) return value;
  const text = anyText(value);
  return field === 'insuredNumber' ? maskNumber(text) : maskName(text);
}

/** A record with its masked fields masked (a copy; the caller's record is not changed). */
export function maskRecord(record: DocumentRecord): DocumentRecord {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) copy[key] = maskValue(key, value);
  return copy as DocumentRecord;
}
