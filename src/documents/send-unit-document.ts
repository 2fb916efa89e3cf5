// The send-unit document: one send unit (送信単位, spec §2.4/§3.4) as plain, JSON-friendly data — its type,
// edition, parties, ファイル連番 and month, and its users with their typed records from every file of the unit.
// What a unit type holds in an edition, which field gives a file name's month, and which edition of names a
// CSVバージョン takes are read from spec-tables (send-units.ts, file-names.ts), never written here.
import { FILE_NAMES } from '../../spec-tables/file-names.js';
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import type { FileNameKind, OfficeRef } from '../filenames/index.js';
import type { Issue } from '../issues.js';
import { editionOfCsvVersion, KIND_ROLES, type CsvVersion, type FileKind } from '../spec.js';
import type { AnyTypedRecord, TypedRecord } from '../schemas/typed-record.js';

/** A send-unit type: the ids of SEND_UNITS ('carePlan', 'schedule', …, 'preventionPlanDeletion'). */
export type SendUnitType = (typeof SEND_UNITS)[number]['id'];

/** A typed record of any kind, as the run-time functions see it (TypedRecord gives one kind's type). */
export type DocumentRecord = AnyTypedRecord;

/** The typed records of one user, per file kind, in file order. */
export type SendUnitRecords<V extends CsvVersion = CsvVersion> = { [K in FileKind]?: TypedRecord<K, V>[] };

/** What writeSendUnit takes as a user's records: a field the writer derives may be left out. */
export type SendUnitRecordsInput<V extends CsvVersion = CsvVersion> = { [K in FileKind]?: Partial<TypedRecord<K, V>>[] };

/** The run-time view of a user's records, whatever the kind and version. */
export type UserRecords = { [K in FileKind]?: DocumentRecord[] };

export interface SendUnitUser<V extends CsvVersion = CsvVersion> {
  /** 保険者番号 (6 digits). */
  insurerNumber: string;
  /** 被保険者番号 (10 characters; `H` + 9 digits for 生保単独). */
  insuredNumber: string;
  records: SendUnitRecords<V>;
}

/** A 家族構成画像 (UPKIHON_IMAGE) of the unit: its 枝番 and the JPEG bytes. */
export interface SendUnitImage {
  branch: string;
  jpeg: Uint8Array;
}

export interface SendUnitDocument<V extends CsvVersion = CsvVersion> {
  /** `連番:sender>receiver`, as sendUnitKey gives it. */
  key: string;
  type: SendUnitType;
  csvVersion: V;
  /** ファイル連番 'YYYYMMDDHHMMSS'. */
  timestamp: string;
  sender: OfficeRef;
  receiver: OfficeRef;
  /** 'YYYY-MM', where the unit's names carry a month (not for 000000). */
  month?: string;
  /** Users keyed by (保険者番号, 被保険者番号), in first-seen order. */
  users: SendUnitUser<V>[];
  /** The unit's UPKIHON_IMAGE files, in 枝番 order; absent when it has none. */
  images?: SendUnitImage[];
}

/**
 * What writeSendUnit takes: a SendUnitDocument whose `key`, `csvVersion`, `month` and derived fields may be
 * left out (they are filled in: see writeSendUnit).
 */
export interface SendUnitDocumentInput<V extends CsvVersion = CsvVersion> {
  key?: string;
  type: SendUnitType | (string & {});
  csvVersion?: V;
  timestamp: string;
  sender: OfficeRef;
  receiver: OfficeRef;
  month?: string;
  users: { insurerNumber: string; insuredNumber: string; records: SendUnitRecordsInput<V> }[];
  images?: SendUnitImage[];
}

/** The run-time view of a document's user. */
export interface LooseUser {
  readonly insurerNumber: string;
  readonly insuredNumber: string;
  readonly records: UserRecords;
}

export interface ReadSendUnitsResult {
  units: SendUnitDocument[];
  issues: Issue[];
}

export interface WriteSendUnitOptions {
  /** ファイル連番 to write instead of the document's. */
  readonly timestamp?: string;
  /** As writeCsvFile's: refuse (default) or substitute a character MS932 cannot hold. */
  readonly unmappable?: 'error' | 'substitute';
  readonly substitutions?: Readonly<Record<string, string>>;
}

export interface WrittenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface WriteSendUnitResult {
  /** Every file of the unit, in import order; empty when the document has an error. */
  readonly files: WrittenFile[];
  /** The document as written, derived fields and rows filled in (what readSendUnits gives for `files`). */
  readonly document: SendUnitDocument | undefined;
  readonly issues: Issue[];
}

export const SEND_UNIT_TYPES: readonly SendUnitType[] = SEND_UNITS.map((u) => u.id);

export function sendUnitSpec(type: string): SendUnitSpec | undefined {
  return (SEND_UNITS as readonly SendUnitSpec[]).find((u) => u.id === type);
}

/** The naming generation of a CSVバージョン's files: 3 for edition 3.x layouts, 4 otherwise. */
export function nameEditionOf(csvVersion: CsvVersion): 3 | 4 {
  return editionOfCsvVersion(csvVersion)!.naming;
}

/** The CSV kinds a unit type holds in an edition, base first then members, in the table's order. */
export function unitKinds(spec: SendUnitSpec, edition: 3 | 4): FileKind[] {
  const kinds: FileNameKind[] = [spec.base, ...spec.members.filter((m) => !m.editions || m.editions.includes(edition)).map((m) => m.kind)];
  return kinds.filter((k): k is FileKind => k !== KIND_ROLES.familyImage);
}

/** Whether the unit type carries family-diagram images. */
export function unitHasImages(spec: SendUnitSpec): boolean {
  return spec.members.some((m) => m.kind === KIND_ROLES.familyImage);
}

/** The record field a kind's file-name month comes from (FILE_NAMES month.recordField), if its names carry one. */
export function nameMonthField(kind: FileKind): string | undefined {
  const month = (FILE_NAMES[kind] as { month?: { recordField?: string } }).month;
  return month?.recordField;
}

/**
 * The month a kind's name carries in this unit: UPHOSOKU tied to 第1/2表 carries its `zero` value (the unit
 * member says `month: '000000'`); any other kind with a month carries the unit's.
 */
export function nameMonthOf(spec: SendUnitSpec, kind: FileKind, unitMonth: string | undefined): string | undefined {
  const naming = (FILE_NAMES[kind] as { month?: { zero?: { value: string } } }).month;
  if (!naming) return undefined;
  const member = spec.members.find((m) => m.kind === kind);
  if (member?.month === '000000' && naming.zero) return naming.zero.value;
  return unitMonth;
}

/** 'YYYYMM' ⇄ 'YYYY-MM' (the typed form of a month, as the value codecs give it). */
export const monthToTyped = (text: string): string => `${text.slice(0, 4)}-${text.slice(4, 6)}`;
export const monthToText = (typed: string): string => typed.replace('-', '');
