// File-name parts as the command takes them: --from/--to as OFFICE/TYPE (edition 4) or OFFICE (edition 3),
// --timestamp defaulting to the current local time.
import { FILE_NAMES, type FileNameKind, type OfficeRef } from '../core.js';
import { CliError } from './context.js';

export function parseOfficeRef(command: string, option: string, value: string): OfficeRef {
  const parts = value.split('/');
  if (parts.length > 2 || parts[0] === '') {
    throw new CliError(
      `--${option} は 事業所番号/サービス種類コード（第3版は 事業所番号）です（${JSON.stringify(value)}）`,
      `--${option} is OFFICE/SERVICE_TYPE (edition 3: OFFICE) (got ${JSON.stringify(value)})`,
      command,
    );
  }
  return parts.length === 2 ? { office: parts[0]!, serviceType: parts[1]! } : { office: parts[0]! };
}

/** The current local time as a ファイル連番 (YYYYMMDDHHMMSS). */
export function nowTimestamp(date = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.getFullYear(), 4)}${p(date.getMonth() + 1)}${p(date.getDate())}${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** YYYYMMDDHHMMSS as YYYY-MM-DD HH:MM:SS. */
export function formatTimestamp(ts: string): string {
  return /^\d{14}$/.test(ts) ? `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)} ${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}` : ts;
}

/** What the command shows of a kind's naming rule (FILE_NAMES, viewed uniformly across kinds). */
export interface NameSpecView {
  readonly nameJa: string;
  readonly nameEn: string;
  readonly month?: {
    readonly ja: string;
    readonly en: string;
    readonly meaningJa: string;
    readonly meaningEn: string;
    readonly recordField: string;
    readonly zero?: { readonly value: string; readonly whenJa: string; readonly whenEn: string };
  };
}

export const nameSpecOf = (kind: FileNameKind): NameSpecView => FILE_NAMES[kind] as NameSpecView;
