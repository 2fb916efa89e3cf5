// What a document must be before writeSendUnit can make a unit of it: a known type of its edition, a CSVバージョン
// this library writes, a month where the unit's names carry one, users with their records under the kinds the
// unit holds, images only where the unit carries them. Each problem is an issue of the document layer, located
// by the path in the document (`value`), never a throw.
import type { SendUnitSpec } from '../../spec-tables/send-units.js';
import type { Issue } from '../issues.js';
import { documentUnitIssue } from '../rules/document-units.js';
import { CURRENT_CSV_VERSION, isServedCsvVersion, listEditions, type CsvVersion, type FileKind } from '../spec.js';
import { monthFromRecords, unitCarriesMonth, type UnitContext } from './complete-document.js';
import { nameEditionOf, sendUnitSpec, unitHasImages, unitKinds, type SendUnitDocumentInput } from './send-unit-document.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBytes = (v: unknown): boolean => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The CSVバージョン: the document's, else its first record's, else the one the parties' names call for: offices
 * without service types name edition-3 files (202208), others the version this library writes by default.
 */
export function versionOf(doc: SendUnitDocumentInput): string {
  if (doc.csvVersion !== undefined) return doc.csvVersion;
  for (const u of doc.users) {
    for (const rows of Object.values(u.records ?? {})) {
      const v = Array.isArray(rows) && isObject(rows[0]) ? rows[0].csvVersion : undefined;
      if (typeof v === 'string') return v;
    }
  }
  if (doc.sender.serviceType === undefined && doc.receiver.serviceType === undefined) {
    const edition3 = listEditions().find((e) => e.naming === 3);
    if (edition3) return edition3.csvVersion;
  }
  return CURRENT_CSV_VERSION;
}

export function checkDocument(doc: SendUnitDocumentInput): { ctx?: UnitContext; issues: Issue[] } {
  const issues: Issue[] = [];
  const spec: SendUnitSpec | undefined = sendUnitSpec(doc.type);
  if (!spec) {
    issues.push(documentUnitIssue('UNITDOC_UNKNOWN_TYPE', `type "${doc.type}" は送信単位の種類ではありません。`, `type "${doc.type}" is not a send-unit type.`, { value: doc.type }));
    return { issues };
  }
  const version = versionOf(doc);
  if (!isServedCsvVersion(version)) {
    issues.push(documentUnitIssue('UNITDOC_BAD_VERSION', `CSVバージョン ${version} のファイルは書き出せません。`, `Files of CSV version ${version} cannot be written.`, { value: version }));
    return { issues };
  }
  const csvVersion: CsvVersion = version;
  const edition = nameEditionOf(csvVersion);
  if (!(spec.editions as readonly number[]).includes(edition)) {
    issues.push(documentUnitIssue('UNITDOC_TYPE_NOT_IN_EDITION', `${spec.nameJa}の送信単位は第${edition}版（CSVバージョン ${csvVersion}）にありません。`, `There is no ${spec.nameEn} send unit in edition ${edition} (CSV version ${csvVersion}).`, { value: doc.type }));
    return { issues };
  }
  const carries = unitCarriesMonth(spec, edition);
  let month = doc.month;
  if (month !== undefined && !carries) {
    issues.push(documentUnitIssue('UNITDOC_BAD_PART', `${spec.nameJa}のファイル名は年月を持ちません（month ${month} は書けません）。`, `${spec.nameEn} file names carry no month (month ${month} cannot be written).`, { value: month }));
  }
  if (carries) month ??= monthFromRecords(spec, doc.users);
  if (carries && (month === undefined || !MONTH.test(month))) {
    issues.push(documentUnitIssue('UNITDOC_BAD_PART', `month はファイル名の年月（'YYYY-MM'）です: ${month ?? '（なし）'}。`, `month is the file names' month ('YYYY-MM'): ${month ?? '(none)'}.`, { value: month ?? '' }));
  }
  if (doc.users.length === 0) {
    issues.push(documentUnitIssue('UNITDOC_NO_USERS', '利用者がいません（users が空）。', 'The document has no users (users is empty).'));
  }
  const kinds = new Set<string>(unitKinds(spec, edition));
  const seen = new Set<string>();
  doc.users.forEach((user, u) => {
    const who = `${user.insurerNumber}-${user.insuredNumber}`;
    if (seen.has(who)) {
      issues.push(documentUnitIssue('UNITDOC_USER_MISMATCH', `users[${u}] の利用者 ${who} は2回目です（1人の利用者は1つにまとめます）。`, `users[${u}]: user ${who} appears twice (one entry per user).`, { value: who }));
    }
    seen.add(who);
    for (const [kind, rows] of Object.entries(user.records)) {
      const path = `users[${u}].records.${kind}`;
      if (!kinds.has(kind)) {
        issues.push(documentUnitIssue('UNITDOC_SURPLUS_KIND', `${path}: ${kind} は${spec.nameJa}の送信単位に含めません。`, `${path}: ${kind} does not belong in a ${spec.nameEn} send unit.`, { value: kind }));
        continue;
      }
      if (!Array.isArray(rows)) {
        issues.push(documentUnitIssue('UNITDOC_NOT_A_RECORD', `${path} はレコードの配列ではありません。`, `${path} is not an array of records.`, { value: kind }));
        continue;
      }
      rows.forEach((r: unknown, i) => {
        if (!isObject(r)) {
          issues.push(documentUnitIssue('UNITDOC_NOT_A_RECORD', `${path}[${i}] はオブジェクトではありません。`, `${path}[${i}] is not an object.`, { value: `${path}[${i}]` }));
          return;
        }
        for (const key of ['insurerNumber', 'insuredNumber'] as const) {
          if (r[key] !== undefined && r[key] !== user[key]) {
            issues.push(documentUnitIssue('UNITDOC_USER_MISMATCH', `${path}[${i}].${key} ${String(r[key])} が利用者の ${user[key]} と違います。`, `${path}[${i}].${key} ${String(r[key])} differs from the user's ${user[key]}.`, { value: String(r[key]) }));
          }
        }
      });
    }
  });
  const images = doc.images ?? [];
  if (images.length > 0 && !unitHasImages(spec)) {
    issues.push(documentUnitIssue('UNITDOC_BAD_IMAGE', `${spec.nameJa}の送信単位は家族構成画像を持ちません。`, `A ${spec.nameEn} send unit carries no family-diagram images.`));
  }
  images.forEach((img: unknown, i) => {
    if (!isObject(img) || typeof img.branch !== 'string' || !isBytes(img.jpeg)) {
      issues.push(documentUnitIssue('UNITDOC_BAD_IMAGE', `images[${i}] は { branch: 文字列, jpeg: Uint8Array } ではありません。`, `images[${i}] is not { branch: string, jpeg: Uint8Array }.`, { value: `images[${i}]` }));
    }
  });
  return { ctx: { spec, csvVersion, edition, month: carries ? month : undefined }, issues };
}

export type { FileKind };
