// writeSendUnit: one send-unit document as the files of its unit — names, ファイル連番, CSVバージョン, derived
// fields and rows filled in (complete-document.ts), each record encoded from its typed form (encodeRecord)
// and written by writeCsvFile. All or nothing: the files are read back by validateFiles before they are
// returned, and a document that gives any error gives no file at all.
import { expectArguments, SEND_UNIT_DOCUMENT, WRITE_SEND_UNIT_OPTIONS } from '../arguments.js';
import { writeCsvFile, type Substitution } from '../codec/index.js';
import { buildFileName, inImportOrder, parseFileName, sendUnitKey, type FileNameParts } from '../filenames/index.js';
import type { Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import { issue } from '../rules/index.js';
import { KIND_ROLES, type FileKind } from '../spec.js';
import type { AnyTypedRecord } from '../schemas/typed-record.js';
import { validateFiles } from '../validate/index.js';
import { checkDocument } from './check-document.js';
import { completeUser, type SendUnitContext } from './complete-document.js';
import { encodeRecord } from './records.js';
import {
  monthToText,
  nameMonthOf,
  unitKinds,
  type DocumentRecord,
  type LooseUser,
  type SendUnitDocument,
  type SendUnitDocumentInput,
  type SendUnitImage,
  type WriteSendUnitOptions,
  type WriteSendUnitResult,
  type WrittenFile,
} from './send-unit-document.js';

const hasError = (issues: readonly Issue[]) => issues.some((i) => i.severity === 'error');

function notWritten(issues: Issue[], key: string | undefined, document?: SendUnitDocument): WriteSendUnitResult {
  issues.push(
    toIssue(issue('UNITDOC_NOT_WRITTEN', {}, { unit: key })),
  );
  return { files: [], document, issues };
}

/** Where a record of a file sits in the completed document (records may be the caller's own objects). */
type Slot = { readonly rows: DocumentRecord[]; readonly index: number };

/** A substitution made by the writer, made in the completed document too (on a copy): it says what the files hold. */
function applySubstitutions(slots: readonly Slot[], made: readonly Substitution[]): void {
  for (const s of made) {
    const slot = slots[s.record - 1];
    const v = slot?.rows[slot.index]?.[s.field.key];
    if (slot && typeof v === 'string') slot.rows[slot.index] = { ...slot.rows[slot.index], [s.field.key]: v.replaceAll(s.from, s.to) };
  }
}

function nameOf(parts: FileNameParts, issues: Issue[]): string | undefined {
  const built = buildFileName(parts);
  issues.push(...built.issues.filter((i) => i.severity === 'error'));
  if (!built.ok || !built.name) {
    const what = [parts.kind, parts.month, parts.sender.office, parts.sender.serviceType, parts.receiver.office, parts.receiver.serviceType, parts.timestamp, parts.branch]
      .filter((p) => p !== undefined)
      .join('_');
    issues.push(toIssue(issue('UNITDOC_BAD_PART', { part: 'name', value: what }, { value: what })));
  }
  return built.ok ? built.name : undefined;
}

/**
 * Records encoded and written at a time: the text records and lines of a part die young. A whole file's at
 * once outlived the young generation, and copying them cost about a third of writeSendUnit's time.
 */
const CHUNK = 256;

/**
 * One file: the users' records of a kind, encoded and written a part at a time. Every record is encoded (so
 * that every bad value is reported); undefined when a record is refused.
 */
function writeKind(kind: FileKind, name: string, users: readonly LooseUser[], ctx: SendUnitContext, options: WriteSendUnitOptions, issues: Issue[]): WrittenFile | undefined {
  const slots: Slot[] = [];
  for (const u of users) {
    const rows = u.records[kind] ?? [];
    for (let index = 0; index < rows.length; index++) slots.push({ rows, index });
  }
  const parts: Uint8Array[] = [];
  let ok = true;
  for (let from = 0; from < slots.length; from += CHUNK) {
    const chunk = slots.slice(from, from + CHUNK);
    const text: Record<string, string>[] = [];
    let encodedAll = true;
    chunk.forEach(({ rows, index }, i) => {
      // Field and record checks are validateFiles' (on what is written, below): not made twice.
      const encoded = encodeRecord(kind, rows[index] as AnyTypedRecord, { csvVersion: ctx.csvVersion, file: name, record: from + i + 1, validate: false });
      if (encoded.issues.length > 0) issues.push(...encoded.issues);
      if (encoded.ok) text.push(encoded.record);
      else encodedAll = false;
    });
    if (!encodedAll) {
      ok = false;
      continue;
    }
    const written = writeCsvFile(kind, text, {
      csvVersion: ctx.csvVersion,
      file: name,
      firstRecord: from + 1,
      ...(options.unmappable ? { unmappable: options.unmappable } : {}),
      ...(options.substitutions ? { substitutions: options.substitutions } : {}),
    });
    if (written.issues.length > 0) issues.push(...written.issues);
    applySubstitutions(slots, written.substitutions);
    if (written.written !== text.length) ok = false;
    parts.push(written.bytes);
  }
  if (!ok) return undefined;
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { name, bytes };
}

/**
 * Write a send-unit document as the files of its unit. Derived fields and rows are filled in only where the
 * document leaves them absent; `document` in the result is the document as written (what readSendUnits
 * gives for these files). A document with an error gives its issues and no files; the files of a valid one
 * pass validateFiles with no error (checked before they are returned). Never throws on bad data.
 */
export function writeSendUnit(document: SendUnitDocumentInput, options: WriteSendUnitOptions = {}): WriteSendUnitResult {
  expectArguments('writeSendUnit', [['document', document, SEND_UNIT_DOCUMENT], ['options', options, WRITE_SEND_UNIT_OPTIONS]]);
  const timestamp = options.timestamp ?? document.timestamp;
  const parties = { timestamp, sender: { ...document.sender }, receiver: { ...document.receiver } };
  const key = sendUnitKey(parties);
  const { ctx, issues } = checkDocument(document);
  if (!ctx || hasError(issues)) return notWritten(issues, key);

  const users = (document.users as readonly LooseUser[]).map((u) => completeUser(u, ctx));
  const completed: SendUnitDocument = { key, type: ctx.spec.id as SendUnitDocument['type'], csvVersion: ctx.csvVersion, ...parties, users: users as SendUnitDocument['users'] };
  if (ctx.month !== undefined) completed.month = ctx.month;
  // In 枝番 order, as the files are imported and read back.
  const images: SendUnitImage[] = (document.images ?? []).map((i) => ({ branch: i.branch, jpeg: i.jpeg })).sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));
  if (images.length > 0) completed.images = images;

  const files: WrittenFile[] = [];
  for (const kind of unitKinds(ctx.spec, ctx.edition)) {
    if (!users.some((u) => (u.records[kind]?.length ?? 0) > 0)) continue;
    const month = nameMonthOf(ctx.spec, kind, ctx.month);
    const name = nameOf({ kind, edition: ctx.edition, ...parties, ...(month !== undefined ? { month: monthToText(month) } : {}) }, issues);
    if (!name) continue;
    const file = writeKind(kind, name, users, ctx, options, issues);
    if (file) files.push(file);
  }
  for (const image of images) {
    const name = nameOf({ kind: KIND_ROLES.familyImage, edition: ctx.edition, ...parties, branch: image.branch }, issues);
    if (name) files.push({ name, bytes: image.jpeg });
  }
  if (hasError(issues)) return notWritten(issues, key, completed);

  // The last word: the unit as a receiver will read it (field, record, file and send-unit checks).
  const report = validateFiles(files);
  const all = [...issues, ...report.issues];
  if (report.summary.errors > 0) return notWritten(all, key, completed);
  return { files: inImportOrder(files, (f) => parseFileName(f.name).info), document: completed, issues: all };
}
