// planImport: what a receiving vendor's import job must do with the files it received, in the spec's import
// order (§2.5, §3.5: send unit by send unit, by ファイル連番): per unit, the documents to store per user and
// key (and which earlier document of this run each replaces), the documents a withdrawal (DLT…) takes back,
// or the rejection of a unit with an error, as a whole, with its reasons. Built on validateFiles (its units,
// its issues), importOrder (the order, and the files that cannot be put in it) and the reader (the keys).
import { expectArguments, INPUT_FILES } from '../arguments.js';
import { VALIDATE_OPTIONS } from '../spec-arguments.js';
import { forEachCsvItem, type CsvRecord, type ReadOptions } from '../codec/index.js';
import { parseFileName, type FileNameInfo, type FileNameKind, type OfficeRef } from '../filenames/index.js';
import { makeIssue, type Issue } from '../issues.js';
import { importOrder, validateFiles, type InputFile, type SendUnitReport, type ValidateOptions } from '../validate/index.js';
import {
  documentId,
  documentOf,
  storedKey,
  withdrawalMatches,
  withdrawalOf,
  withdrawnKey,
  withdrawnParts,
  type DocumentKey,
} from './document-keys.js';

export type { DocumentKey } from './document-keys.js';

/** Options of planImport: those of validateFiles (profile, limits, maxIssuesPerCode). */
export type ImportPlanOptions = ValidateOptions;

/** A step of this plan by its position in `steps`, and its send unit. */
export interface StepRef {
  /** The index of the step in `steps`. */
  readonly step: number;
  /** The send unit's key (`連番:sender>receiver`). */
  readonly unit: string;
}

/** What every step of a send unit says of its unit. */
export interface SendUnitStepBase {
  /** The index of this step in `steps`. */
  readonly index: number;
  /** The send unit's key, as sendUnitKey gives it: `20250325090000:1370100008_43>1370200006_11`. */
  readonly unit: string;
  /** The combination (SEND_UNITS id): `carePlan`, `schedule`, `actual`, `basicInfo`, `preventionPlan`, `…Deletion`. */
  readonly type: string;
  /** ファイル連番 (YYYYMMDDHHMMSS). */
  readonly timestamp: string;
  readonly sender: OfficeRef;
  readonly receiver: OfficeRef;
  /** The CSVバージョン of the unit's files. */
  readonly csvVersion?: string;
  /** The unit's files, in import order (base files first). */
  readonly files: string[];
  /** Warnings of the unit and its files: they do not stop the import (the issues are in the plan's `issues`). */
  readonly warnings: number;
  /** Infos of the unit and its files (normalised spellings, notes on the spec's leeway …). */
  readonly infos: number;
}

/** One file of a stored document and how many of its records belong to that document. */
export interface DocumentPart {
  readonly kind: FileNameKind;
  readonly file: string;
  /** Records of this document in the file (0 for an image). */
  readonly records: number;
}

/** A document to store: one per user and key in a unit. */
export interface StoredDocument {
  /** `documentId(key)`: equal for the same document. */
  readonly id: string;
  readonly key: DocumentKey;
  /** Its files (base first), with the number of its records in each. */
  readonly parts: DocumentPart[];
  /** The earlier step of this run that stored the same document, which this one replaces. */
  readonly replaces?: StepRef;
}

/** Store the documents of a unit with no error. */
export interface StoreStep extends SendUnitStepBase {
  readonly action: 'store';
  readonly documents: StoredDocument[];
  /** Image files of the unit that no record names (kept apart: they belong to no document). */
  readonly unattached?: string[];
}

/** One record of a withdrawal file: the document it withdraws. */
export interface Withdrawal {
  /** `documentId(key)` when the key names one document; a 実績 withdrawal names every サテライト of its office and type. */
  readonly id: string;
  /** The key of the withdrawn document; a part it leaves out (サテライト枝番) matches any. */
  readonly key: DocumentKey;
  /** The parts withdrawn (第1表 withdraws 第2表 and 第3表 with it; 第6表 its 第7表 …). */
  readonly parts: FileNameKind[];
  readonly file: string;
  /** Physical line and record number of the withdrawal record. */
  readonly line: number;
  readonly record: number;
  /** Documents stored earlier in this run that it withdraws (the receiver may hold others from earlier runs). */
  readonly withdraws: StepRef[];
}

/** Withdraw what a withdrawal unit (DLT…) names. */
export interface DeleteStep extends SendUnitStepBase {
  readonly action: 'delete';
  readonly withdrawals: Withdrawal[];
}

/**
 * A unit not imported: it has an error (of a file or of the unit), so none of it is imported; or a file whose
 * name gives no send unit (then `unit`, `type`, `timestamp`, `sender` and `receiver` are absent).
 */
export interface RejectStep {
  readonly action: 'reject';
  readonly index: number;
  readonly unit?: string;
  readonly type?: string;
  readonly timestamp?: string;
  readonly sender?: OfficeRef;
  readonly receiver?: OfficeRef;
  readonly files: string[];
  /** Why: the error issues of the unit and its files (the validator's, with their codes and locations). */
  readonly reasons: Issue[];
}

export type ImportStep = StoreStep | DeleteStep | RejectStep;

export interface ImportPlan {
  /** In import order: send units by ファイル連番 (then sender, receiver); files that give no unit last. */
  readonly steps: ImportStep[];
  /** Every issue of validateFiles for these files (errors, warnings, infos). */
  readonly issues: Issue[];
  readonly summary: { readonly store: number; readonly delete: number; readonly reject: number; readonly documents: number; readonly withdrawals: number };
}

/** Where each stored document of the run is, by id, and by the parts every withdrawal gives (user and receiver). */
class StoredIndex {
  private readonly byId = new Map<string, { key: DocumentKey; ref: StepRef }>();
  private readonly byUser = new Map<string, Set<string>>();
  private static userOf = (k: DocumentKey) => `${k.document}|${k.receiver.office}_${k.receiver.serviceType ?? ''}|${k.insurerNumber}|${k.insuredNumber}`;

  store(id: string, key: DocumentKey, ref: StepRef): StepRef | undefined {
    const earlier = this.byId.get(id)?.ref;
    this.byId.set(id, { key, ref });
    const user = StoredIndex.userOf(key);
    if (!this.byUser.has(user)) this.byUser.set(user, new Set());
    this.byUser.get(user)!.add(id);
    return earlier;
  }

  withdraw(key: DocumentKey): StepRef[] {
    const ids = this.byUser.get(StoredIndex.userOf(key));
    const found: StepRef[] = [];
    for (const id of [...(ids ?? [])]) {
      const stored = this.byId.get(id)!;
      if (!withdrawalMatches(key, stored.key)) continue;
      found.push(stored.ref);
      this.byId.delete(id);
      ids!.delete(id);
    }
    return found;
  }
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

function readerOptions(options: ImportPlanOptions): ReadOptions {
  return { lenient: options.profile === 'lenient', ...(options.limits ? { limits: options.limits } : {}) };
}

/** Every record of a file, with its line and record number; only what the caller keeps stays in memory. */
function eachRecord(file: InputFile, options: ImportPlanOptions, visit: (record: CsvRecord, line: number, index: number) => void): void {
  forEachCsvItem(file, readerOptions(options), (item) => {
    if (item.type === 'record') visit(item.record, item.line, item.index);
  });
}

interface SendUnitFile {
  readonly input: InputFile;
  readonly info: FileNameInfo;
}

function storeStep(base: Omit<SendUnitStepBase, 'index'>, index: number, files: readonly SendUnitFile[], options: ImportPlanOptions, stored: StoredIndex): StoreStep {
  const documents = new Map<string, { key: DocumentKey; parts: Map<string, { kind: FileNameKind; file: string; records: number }> }>();
  const named = new Map<string, string>(); // image file name → the id of the document whose record names it
  const images: SendUnitFile[] = [];
  const partOf = (id: string, key: DocumentKey, kind: FileNameKind, file: string) => {
    if (!documents.has(id)) documents.set(id, { key, parts: new Map() });
    const parts = documents.get(id)!.parts;
    if (!parts.has(file)) parts.set(file, { kind, file, records: 0 });
    return parts.get(file)!;
  };
  for (const f of files) {
    const spec = documentOf(base.type, f.info.kind);
    if (!spec) continue;
    const byImage = spec.namedParts?.find((p) => p.kind === f.info.kind);
    if (byImage) {
      images.push(f);
      continue;
    }
    const naming = spec.namedParts?.filter((p) => p.by === f.info.kind) ?? [];
    eachRecord(f.input, options, (record) => {
      const key = storedKey(spec, f.info, record);
      const id = documentId(key);
      partOf(id, key, f.info.kind, f.input.name).records++;
      for (const p of naming) if (record[p.field]) named.set(record[p.field]!, id);
    });
  }
  const unattached: string[] = [];
  for (const f of images) {
    const id = named.get(baseName(f.input.name));
    if (id) partOf(id, documents.get(id)!.key, f.info.kind, f.input.name);
    else unattached.push(f.input.name);
  }
  const ref = { step: index, unit: base.unit };
  const out: StoredDocument[] = [...documents].map(([id, d]) => {
    const replaces = stored.store(id, d.key, ref);
    return { id, key: d.key, parts: [...d.parts.values()], ...(replaces ? { replaces } : {}) };
  });
  return { action: 'store', index, ...base, documents: out, ...(unattached.length ? { unattached } : {}) };
}

function deleteStep(base: Omit<SendUnitStepBase, 'index'>, index: number, files: readonly SendUnitFile[], options: ImportPlanOptions, stored: StoredIndex): DeleteStep {
  const withdrawals: Withdrawal[] = [];
  for (const f of files) {
    const spec = withdrawalOf(f.info.kind);
    if (!spec) continue;
    const parts = withdrawnParts(spec, f.info.edition);
    eachRecord(f.input, options, (record, line, n) => {
      const key = withdrawnKey(spec, f.info, record);
      withdrawals.push({ id: documentId(key), key, parts, file: f.input.name, line, record: n, withdraws: stored.withdraw(key) });
    });
  }
  return { action: 'delete', index, ...base, withdrawals };
}

/**
 * The import plan of received files: send unit by send unit in the spec's import order (§2.5, §3.5), a `store`
 * step with the documents to store per user and key (and the earlier step of this run each replaces), a
 * `delete` step with what each withdrawal record takes back, or a `reject` step for a unit with any error
 * (validateFiles' errors of the unit or of one of its files: the unit is not imported at all; the others go
 * on). Files whose name gives no send unit are rejected last, each with its reasons. Never throws on bad data.
 */
export function planImport(files: readonly InputFile[], options: ImportPlanOptions = {}): ImportPlan {
  expectArguments('planImport', [['files', files, INPUT_FILES], ['options', options, VALIDATE_OPTIONS]]);
  const report = validateFiles(files, options);
  const order = importOrder(files);
  const ordered = new Set(order.units.map((u) => u.key));
  // A name may come twice (two folders): each unit takes the files of its name in the order given.
  const byName = new Map<string, number[]>();
  files.forEach((f, i) => byName.set(f.name, [...(byName.get(f.name) ?? []), i]));
  const taken = new Set<number>();
  const take = (name: string): number => {
    const i = byName.get(name)!.find((j) => !taken.has(j))!;
    taken.add(i);
    return i;
  };

  const steps: ImportStep[] = [];
  const stored = new StoredIndex();
  const isError = (i: Issue) => i.severity === 'error';
  for (const unit of report.units) {
    const indexes = unit.files.map(take);
    const fileIssues = indexes.flatMap((i) => report.files[i]!.issues);
    const reasons = [...fileIssues, ...unit.issues].filter(isError);
    const index = steps.length;
    if (reasons.length || !unit.type || !ordered.has(unit.key)) {
      steps.push({ action: 'reject', index, ...unitParts(unit), files: unit.files, reasons });
      continue;
    }
    const unitFiles = indexes.map((i) => ({ input: files[i]!, info: parseFileName(files[i]!.name).info! }));
    const base: Omit<SendUnitStepBase, 'index'> = {
      ...unitParts(unit),
      type: unit.type,
      ...csvVersionOf(indexes.map((i) => report.files[i]!.csvVersion)),
      files: unit.files,
      warnings: [...fileIssues, ...unit.issues].filter((i) => i.severity === 'warning').length,
      infos: [...fileIssues, ...unit.issues].filter((i) => i.severity === 'info').length,
    };
    const deletion = unitFiles.some((f) => f.info.deletion);
    steps.push(deletion ? deleteStep(base, index, unitFiles, options, stored) : storeStep(base, index, unitFiles, options, stored));
  }
  // Files in no unit: names that give none (importOrder says why; the validator's errors are the reasons).
  files.forEach((f, i) => {
    if (taken.has(i)) return;
    const why = order.unordered.find((u) => u.file === f.name);
    const errors = report.files[i]!.issues.filter(isError);
    const reasons = errors.length || !why ? errors : [unorderedIssue(f.name, why.code, why.reason, why.reasonEn)];
    steps.push({ action: 'reject', index: steps.length, files: [f.name], reasons });
  });
  const count = (a: ImportStep['action']) => steps.filter((s) => s.action === a).length;
  return {
    steps,
    issues: report.issues,
    summary: {
      store: count('store'),
      delete: count('delete'),
      reject: count('reject'),
      documents: steps.reduce((n, s) => n + (s.action === 'store' ? s.documents.length : 0), 0),
      withdrawals: steps.reduce((n, s) => n + (s.action === 'delete' ? s.withdrawals.length : 0), 0),
    },
  };
}

function unitParts(unit: SendUnitReport): { unit: string; type?: string; timestamp: string; sender: OfficeRef; receiver: OfficeRef } {
  return { unit: unit.key, ...(unit.type ? { type: unit.type } : {}), timestamp: unit.timestamp, sender: unit.sender, receiver: unit.receiver };
}

function csvVersionOf(versions: readonly (string | undefined)[]): { csvVersion?: string } {
  const v = versions.find((x) => x !== undefined);
  return v ? { csvVersion: v } : {};
}

/** The reason importOrder gives for a file, as an issue, where the validator has none (it always has one today). */
function unorderedIssue(file: string, code: string, message: string, messageEn: string): Issue {
  return makeIssue(code, 'error', message, messageEn, { file });
}
