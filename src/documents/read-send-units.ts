// readSendUnits: the send units of received files as documents. Built on validateFiles (which groups the
// files into units and reports everything wrong, with its codes and locations), readCsvFile and decodeRecord:
// no second parser and no second grouping.
import { expectArguments, INPUT_FILES } from '../arguments.js';
import { VALIDATE_OPTIONS } from '../spec-arguments.js';
import { readCsvFile } from '../codec/index.js';
import { parseFileName, type FileNameInfo } from '../filenames/index.js';
import type { Issue } from '../issues.js';
import { ruleOf } from '../rules/index.js';
import { toIssue } from '../issue-sink.js';
import { issue } from '../rules/index.js';
import { isFileKind, isServedCsvVersion, KIND_ROLES, type FileKind } from '../spec.js';
import { validateFiles, type InputFile, type SendUnitReport, type ValidateOptions } from '../validate/index.js';
import { decodeRecord } from './records.js';
import {
  monthToTyped,
  sendUnitSpec,
  type DocumentRecord,
  type ReadSendUnitsResult,
  type SendUnitDocument,
  type SendUnitImage,
  type SendUnitType,
  type LooseUser,
  type SendUnitUser,
} from './send-unit-document.js';

export type ReadSendUnitsOptions = ValidateOptions;

/**
 * Decode issues the validator does not report itself (DECODE_NORMALISED …): the document layer's. A value
 * that cannot be decoded is also reported with its field checker's issue, which validateFiles reported already.
 */
const ownDecodeIssue = (issue: Issue): boolean => ruleOf(issue.code)?.layer === 'document';

/** A user's place in the document: by (保険者番号, 被保険者番号), in first-seen order. */
class Users {
  readonly list: LooseUser[] = [];
  private readonly byKey = new Map<string, LooseUser>();
  add(kind: FileKind, record: DocumentRecord): void {
    const insurer = String(record['insurerNumber'] ?? '');
    const insured = String(record['insuredNumber'] ?? '');
    const key = `${insurer}|${insured}`;
    let user = this.byKey.get(key);
    if (!user) {
      user = { insurerNumber: insurer, insuredNumber: insured, records: {} };
      this.byKey.set(key, user);
      this.list.push(user);
    }
    (user.records[kind] ??= []).push(record);
  }
}

function readUnit(unit: SendUnitReport, files: ReadonlyMap<string, InputFile>, options: ValidateOptions, issues: Issue[]): SendUnitDocument | undefined {
  const spec = sendUnitSpec(unit.type ?? '');
  if (!spec) return undefined;
  const users = new Users();
  const images: SendUnitImage[] = [];
  let csvVersion: string | undefined;
  let month: string | undefined;
  for (const name of unit.files) {
    const file = files.get(name);
    const info: FileNameInfo | undefined = parseFileName(name).info;
    if (!file || !info) continue;
    if (info.kind === KIND_ROLES.familyImage) {
      images.push({ branch: info.branch ?? '', jpeg: file.bytes });
      continue;
    }
    if (!isFileKind(info.kind)) continue;
    if (info.kind === spec.base || month === undefined) {
      const named = info.month !== undefined && /^\d{6}$/.test(info.month) && info.month !== '000000' ? monthToTyped(info.month) : undefined;
      if (info.kind === spec.base) month = named ?? month;
      else month ??= named;
    }
    const read = readCsvFile(file, { kind: info.kind, lenient: options.profile === 'lenient', ...(options.limits ? { limits: options.limits } : {}) });
    if (info.kind === spec.base || csvVersion === undefined) csvVersion = read.csvVersion ?? csvVersion;
    read.records.forEach((text, i) => {
      const where = { file: name, line: read.lines[i] ?? 0, record: i + 1 };
      const decoded = decodeRecord(info.kind as FileKind, text, { ...where, validate: false });
      issues.push(...decoded.issues.filter(ownDecodeIssue));
      if (decoded.ok) {
        users.add(info.kind as FileKind, decoded.value as DocumentRecord);
      } else {
        issues.push(
          toIssue(issue('UNITDOC_RECORD_LEFT_OUT', { file: name, record: i + 1, line: where.line }, { ...where, unit: unit.key })),
        );
      }
    });
  }
  // A unit of a CSVバージョン without typed layouts (201910 …) has no document; the validator said why.
  if (!csvVersion || !isServedCsvVersion(csvVersion)) return undefined;
  const doc: SendUnitDocument = {
    key: unit.key,
    type: spec.id as SendUnitType,
    csvVersion,
    timestamp: unit.timestamp,
    sender: { ...unit.sender },
    receiver: { ...unit.receiver },
    users: users.list as SendUnitUser[],
  };
  if (month !== undefined) doc.month = month;
  if (images.length > 0) doc.images = images;
  return doc;
}

/**
 * The send units of these files as documents, one per unit the names form (as validateFiles forms them), in
 * import order; each user's typed records from every file of the unit. `issues` are validateFiles' (same
 * codes and locations) and the document layer's: a record that cannot be decoded is left out and named.
 * A unit whose names form no known combination has no document (the validator reports it). Never throws on
 * bad data.
 */
export function readSendUnits(files: readonly InputFile[], options: ReadSendUnitsOptions = {}): ReadSendUnitsResult {
  expectArguments('readSendUnits', [['files', files, INPUT_FILES], ['options', options, VALIDATE_OPTIONS]]);
  const report = validateFiles(files, options);
  const issues: Issue[] = [...report.issues];
  const byName = new Map<string, InputFile>();
  for (const f of files) if (!byName.has(f.name)) byName.set(f.name, f);
  const documents: SendUnitDocument[] = [];
  for (const unit of report.units) {
    const doc = readUnit(unit, byName, options, issues);
    if (doc) documents.push(doc);
  }
  return { units: documents, issues };
}
