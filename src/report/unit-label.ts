// A send unit named in words for people: who sends to whom and when, instead of its key
// (`20250325130000:1370100008_43>1370200006_11`). The key stays the unit's identity in reports and for support;
// this is what a clerk reads (page, print view, CSV of problems).
import { getServiceType } from '../service-types.js';
import type { OfficeRef } from '../filenames/index.js';
import type { SendUnitReport } from '../validate/index.js';

type Text = { ja: string; en: string };

/** What unitLabel reads: a unit of a report, or just its key. */
export type UnitRef = Pick<SendUnitReport, 'timestamp' | 'sender' | 'receiver'> | string;

/** `1370100008_43` → office 1370100008, service type 43 (edition-3 keys have no service type). */
function officeOfKeyPart(part: string): OfficeRef {
  const at = part.indexOf('_');
  return at < 0 ? { office: part } : { office: part.slice(0, at), serviceType: part.slice(at + 1) };
}

/** A key's parts; a key not in the `連番:sender>receiver` shape keeps its text as the 連番 (never throws). */
function partsOfKey(key: string): Pick<SendUnitReport, 'timestamp' | 'sender' | 'receiver'> {
  const m = /^([^:]*):([^>]*)>(.*)$/s.exec(key);
  if (!m) return { timestamp: key, sender: { office: '' }, receiver: { office: '' } };
  return { timestamp: m[1]!, sender: officeOfKeyPart(m[2]!), receiver: officeOfKeyPart(m[3]!) };
}

/** `1370100008（居宅介護支援 43）`: an office number with its service type's name where the tables know it. */
function officeText(o: OfficeRef): Text {
  if (o.serviceType === undefined) return { ja: o.office, en: o.office };
  const name = getServiceType(o.serviceType)?.name;
  return {
    ja: `${o.office}（${name ? `${name} ` : 'サービス種類 '}${o.serviceType}）`,
    en: `${o.office} (${name ? `${name}, ` : ''}service type ${o.serviceType})`,
  };
}

/** The ファイル連番 as a date-time (it is the moment the files were made: YYYYMMDDhhmmss), or as written. */
function madeText(timestamp: string): Text {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  if (!m) return { ja: `連番 ${timestamp}`, en: `sequence ${timestamp}` };
  const [, y, mo, d, hh, mm, ss] = m as unknown as [string, string, string, string, string, string, string];
  return { ja: `作成 ${y}年${Number(mo)}月${Number(d)}日 ${hh}:${mm}:${ss}`, en: `made ${y}-${mo}-${d} ${hh}:${mm}:${ss}` };
}

/**
 * A send unit in words: `送信元 1370100008（居宅介護支援 43） → 送信先 1370200006（訪問介護 11）・作成 2025年3月25日 13:00:00`
 * and `from 1370100008 (居宅介護支援, service type 43) to 1370200006 (訪問介護, service type 11), made 2025-03-25 13:00:00`.
 * Takes a unit of a report or its key (sendUnitKey).
 */
export function unitLabel(unit: UnitRef): Text {
  const u = typeof unit === 'string' ? partsOfKey(unit) : unit;
  const from = officeText(u.sender);
  const to = officeText(u.receiver);
  const made = madeText(u.timestamp);
  return {
    ja: `送信元 ${from.ja} → 送信先 ${to.ja}・${made.ja}`,
    en: `from ${from.en} to ${to.en}, ${made.en}`,
  };
}
