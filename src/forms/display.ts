// How a typed value reads on a form: dates in 和暦 (令和7年4月1日) as the standard forms print them, or in
// 西暦 when the caller asks; a code with its label from the spec's code table; numbers with thousands marks.
// One module so that every form writes the same value the same way.
import { getCodeTable, getLayout, type CsvVersion, type FileKind } from '../spec.js';

export type EraStyle = 'japanese' | 'western';

/** The eras of the dates a form meets (birth dates reach back into 明治), newest first. */
const ERAS: readonly { readonly name: string; readonly start: string }[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-01-25' },
];

function eraOf(iso: string): { name: string; year: number } | undefined {
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) return undefined;
  const year = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return { name: era.name, year };
}

const yearText = (era: { name: string; year: number }): string => `${era.name}${era.year === 1 ? '元' : era.year}年`;

/**
 * Any value as text, never throwing: a document built from JSON may hold an object whose toString is not a
 * function ({"toString":0}), and String() throws on it — the form prints its JSON instead.
 */
export function anyText(value: unknown): string {
  try {
    return String(value);
  } catch {
    try {
      return JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** 'YYYY-MM-DD' → 令和7年4月1日 (or 2025年4月1日); anything else as it is. */
export function dateText(value: unknown, style: EraStyle): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '' : anyText(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const md = `${Number(m[2])}月${Number(m[3])}日`;
  const era = style === 'japanese' ? eraOf(value) : undefined;
  return era ? `${yearText(era)}${md}` : `${m[1]}年${md}`;
}

/** 'YYYY-MM' → 令和7年4月 (or 2025年4月); anything else as it is. */
export function monthText(value: unknown, style: EraStyle): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '' : anyText(value);
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return value;
  const era = style === 'japanese' ? eraOf(`${value}-01`) : undefined;
  return era ? `${yearText(era)}${Number(m[2])}月` : `${m[1]}年${Number(m[2])}月`;
}

/** 'HHMM' or 'HH:MM' → 9:30; a sentinel (9999) or nothing → ''. */
export function timeText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{2}):?(\d{2})$/.exec(value);
  if (!m || value === '9999') return '';
  return `${Number(m[1])}:${m[2]}`;
}

/** A number as a form prints it (1,183); nothing for null. */
export function numberText(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('ja-JP');
  return value === null || value === undefined ? '' : anyText(value);
}

/** A code with its label from the field's code table (22 → 要介護２); an unknown code as it is. */
export function codeText(kind: FileKind, csvVersion: CsvVersion, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const spec = getLayout(kind, csvVersion)?.fields.find((f) => f.key === field);
  const table = spec?.codeTable ? getCodeTable(spec.codeTable) : undefined;
  const label = table?.entries.find(([code]) => code === value)?.[1];
  return label ?? anyText(value);
}
