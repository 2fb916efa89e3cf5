// A send unit in words, for people: 送信元 → 送信先 and the date-time its files were made (the ファイル連番),
// rather than the raw key `20250325130000:1370100001_43>1370200002_11`. The problems CSV and the page's print
// view name units this way.
import type { OfficeRef } from '../filenames/index.js';
import type { SendUnitReport } from '../validate/index.js';
import type { Lang } from './issues.js';

/** A ファイル連番 (YYYYMMDDHHMMSS) as `2025-03-25 13:00:00`; anything else as it is. */
export function unitDateTime(timestamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : timestamp;
}

const office = (ref: OfficeRef, lang: Lang): string =>
  ref.serviceType === undefined ? ref.office : lang === 'ja' ? `${ref.office}（${ref.serviceType}）` : `${ref.office} (${ref.serviceType})`;

/** `送信元 1370100001（43） → 送信先 1370200002（11）、作成 2025-03-25 13:00:00`, or its English. */
export function unitLabel(unit: Pick<SendUnitReport, 'sender' | 'receiver' | 'timestamp'>, lang: Lang): string {
  const made = unitDateTime(unit.timestamp);
  return lang === 'ja'
    ? `送信元 ${office(unit.sender, 'ja')} → 送信先 ${office(unit.receiver, 'ja')}、作成 ${made}`
    : `from ${office(unit.sender, 'en')} to ${office(unit.receiver, 'en')}, made ${made}`;
}
