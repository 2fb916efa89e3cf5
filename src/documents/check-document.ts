// What a document must be before writeSendUnit can make a unit of it: a known type of its edition, a CSVバージョン
// this library writes, a month where the unit's names carry one, users with their records under the kinds the
// unit holds, images only where the unit carries them. Each problem is an issue of the document layer, located
// by the path in the document (`value`), never a throw.
import type { SendUnitSpec } from '../../spec-tables/send-units.js';
import type { Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import { issue } from '../rules/index.js';
import { CURRENT_CSV_VERSION, isServedCsvVersion, listEditions, type CsvVersion, type FileKind } from '../spec.js';
import { monthFromRecords, unitCarriesMonth, type SendUnitContext } from './complete-document.js';
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

export function checkDocument(doc: SendUnitDocumentInput): { ctx?: SendUnitContext; issues: Issue[] } {
  const issues: Issue[] = [];
  const spec: SendUnitSpec | undefined = sendUnitSpec(doc.type);
  if (!spec) {
    issues.push(toIssue(issue('UNITDOC_UNKNOWN_TYPE', { type: String(doc.type) }, { value: doc.type })));
    return { issues };
  }
  const version = versionOf(doc);
  if (!isServedCsvVersion(version)) {
    issues.push(toIssue(issue('UNITDOC_BAD_VERSION', { version: String(version) }, { value: version })));
    return { issues };
  }
  const csvVersion: CsvVersion = version;
  const edition = nameEditionOf(csvVersion);
  if (!(spec.editions as readonly number[]).includes(edition)) {
    issues.push(toIssue(issue('UNITDOC_TYPE_NOT_IN_EDITION', { type: spec.id, edition, csvVersion }, { value: doc.type })));
    return { issues };
  }
  const carries = unitCarriesMonth(spec, edition);
  let month = doc.month;
  if (month !== undefined && !carries) {
    issues.push(toIssue(issue('UNITDOC_BAD_PART', { part: 'monthNotCarried', type: spec.id, value: month }, { value: month })));
  }
  if (carries) month ??= monthFromRecords(spec, doc.users);
  if (carries && (month === undefined || !MONTH.test(month))) {
    issues.push(toIssue(issue('UNITDOC_BAD_PART', month === undefined ? { part: 'month' } : { part: 'month', value: month }, { value: month ?? '' })));
  }
  if (doc.users.length === 0) {
    issues.push(toIssue(issue('UNITDOC_NO_USERS', {})));
  }
  const kinds = new Set<string>(unitKinds(spec, edition));
  const seen = new Set<string>();
  doc.users.forEach((user, u) => {
    const who = `${user.insurerNumber}-${user.insuredNumber}`;
    if (seen.has(who)) {
      issues.push(toIssue(issue('UNITDOC_USER_MISMATCH', { path: `users[${u}]`, user: who }, { value: who })));
    }
    seen.add(who);
    for (const [kind, rows] of Object.entries(user.records)) {
      const path = `users[${u}].records.${kind}`;
      if (!kinds.has(kind)) {
        issues.push(toIssue(issue('UNITDOC_SURPLUS_KIND', { path, kind, type: spec.id }, { value: kind })));
        continue;
      }
      if (!Array.isArray(rows)) {
        issues.push(toIssue(issue('UNITDOC_NOT_A_RECORD', { path, array: true }, { value: kind })));
        continue;
      }
      rows.forEach((r: unknown, i) => {
        if (!isObject(r)) {
          issues.push(toIssue(issue('UNITDOC_NOT_A_RECORD', { path: `${path}[${i}]`, array: false }, { value: `${path}[${i}]` })));
          return;
        }
        for (const key of ['insurerNumber', 'insuredNumber'] as const) {
          if (r[key] !== undefined && r[key] !== user[key]) {
            issues.push(toIssue(issue('UNITDOC_USER_MISMATCH', { path: `${path}[${i}]`, key, value: String(r[key]), expected: String(user[key]) }, { value: String(r[key]) })));
          }
        }
      });
    }
  });
  const images = doc.images ?? [];
  if (images.length > 0 && !unitHasImages(spec)) {
    issues.push(toIssue(issue('UNITDOC_BAD_IMAGE', { type: spec.id })));
  }
  images.forEach((img: unknown, i) => {
    if (!isObject(img) || typeof img['branch'] !== 'string' || !isBytes(img['jpeg'])) {
      issues.push(toIssue(issue('UNITDOC_BAD_IMAGE', { path: `images[${i}]` }, { value: `images[${i}]` })));
    }
  });
  return { ctx: { spec, csvVersion, edition, month: carries ? month : undefined }, issues };
}

export type { FileKind };
