// What the renderer reads of a document, made safe once at the door: a document built by hand or read from JSON
// passes the argument check with `records` any object, so a kind's list may not be an array and an entry may
// not be a record. Those are left out here and said (UNITDOC_NOT_A_RECORD, as writeSendUnit says it), so that no
// form further down meets anything but arrays of records.
import type { DocumentRecord, SendUnitDocument, SendUnitUser, UserRecords } from '../documents/send-unit-document.js';
import type { Issue } from '../issues.js';
import { createIssue } from '../issue-sink.js';

const isRecord = (v: unknown): v is DocumentRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

export function cleanDocument(document: SendUnitDocument, issues: Issue[]): SendUnitDocument {
  let changed = false;
  const users = document.users.map((user, u) => {
    const records: Record<string, DocumentRecord[]> = {};
    let userChanged = false;
    for (const [kind, list] of Object.entries(user.records as Record<string, unknown>)) {
      const path = `users[${u}].records.${kind}`;
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        issues.push(createIssue('UNITDOC_NOT_A_RECORD', { path, array: true }, { unit: document.key, value: kind }));
        userChanged = true;
        continue;
      }
      const kept = list.filter((r, i) => {
        if (isRecord(r)) return true;
        issues.push(createIssue('UNITDOC_NOT_A_RECORD', { path: `${path}[${i}]`, array: false }, { unit: document.key, value: `${path}[${i}]` }));
        return false;
      });
      if (kept.length !== list.length) userChanged = true;
      records[kind] = kept;
    }
    if (!userChanged) return user;
    changed = true;
    return { ...user, records: records as UserRecords } as SendUnitUser;
  });
  return changed ? { ...document, users } : document;
}
