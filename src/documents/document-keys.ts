// The keys of the documents a receiver keeps, read from records as the spec tables say (spec-tables/documents.ts):
// which stored document a file of a send unit belongs to, the key of each record's document, and the key a
// withdrawal record names. One rule for every kind: no per-kind code.
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import {
  STORED_DOCUMENTS,
  WITHDRAWALS,
  type DocumentKeyPart,
  type FieldSource,
  type StoredDocumentId,
  type StoredDocumentSpec,
  type WithdrawalSpec,
} from '../../spec-tables/documents.js';
import type { FileNameInfo, FileNameKind, OfficeRef } from '../filenames/index.js';
import { VALUE_CODECS } from '../schemas/value-codecs.js';
import { getLayout } from '../spec.js';

/**
 * What identifies one stored document at the receiver: whose document (the receiving office and service type
 * as the file names give them, the office it comes from), which user, and which plan date, month or 相談日.
 * Dates and months are spelled as in typed records (`2025-03-01`, `2025-04`), other parts as the file spells
 * them (`131016`, satellite `01`). A part the document does not have is
 * absent. Two documents with the same key are the same document: the later replaces the earlier.
 */
export interface DocumentKey {
  /** The document: a send-unit type that is not a withdrawal (see STORED_DOCUMENTS). */
  readonly document: StoredDocumentId;
  /** The receiving office (and service type, in edition-4 names) the unit was sent to. */
  readonly receiver: OfficeRef;
  /** 事業所番号 of the office the document is of: the sender, or for 実績 the サービス事業者コード of its rows. */
  readonly office: string;
  /** サービス種類コード: the sender's (edition-4 names), or for 実績 that of the rows' サービスコード. */
  readonly serviceType?: string;
  /** サテライト枝番 (実績 of a satellite office). */
  readonly satelliteBranch?: string;
  /** 保険者番号. */
  readonly insurerNumber: string;
  /** 被保険者番号. */
  readonly insuredNumber: string;
  /** 居宅サービス計画作成（変更）日 / 計画作成（変更）日 (YYYY-MM-DD): 居宅サービス計画書, 介護予防サービス・支援計画書. */
  readonly planChangeDate?: string;
  /** 対象年月 (YYYY-MM): サービス利用票, 実績. */
  readonly serviceMonth?: string;
  /** 相談日 (YYYY-MM-DD): 利用者基本情報. */
  readonly consultationDate?: string;
}

/** The order of a key's parts in its id. */
const ID_PARTS: readonly DocumentKeyPart[] = ['office', 'serviceType', 'satelliteBranch', 'insurerNumber', 'insuredNumber', 'planChangeDate', 'serviceMonth', 'consultationDate'];

/** A key as one string, equal for equal keys: `carePlan|1370200006_11|1370100008|43||131016|…`. */
export function documentId(key: DocumentKey): string {
  return [key.document, `${key.receiver.office}_${key.receiver.serviceType ?? ''}`, ...ID_PARTS.map((p) => key[p] ?? '')].join('|');
}

/**
 * Whether a withdrawal's key names a document: every part the withdrawal gives is the document's (a 実績
 * withdrawal gives no サテライト枝番 and withdraws every satellite of the office and service type).
 */
export function withdrawalMatches(withdrawal: DocumentKey, stored: DocumentKey): boolean {
  if (withdrawal.document !== stored.document) return false;
  if (withdrawal.receiver.office !== stored.receiver.office || withdrawal.receiver.serviceType !== stored.receiver.serviceType) return false;
  return ID_PARTS.every((p) => withdrawal[p] === undefined || withdrawal[p] === stored[p]);
}

const DOCUMENTS: readonly StoredDocumentSpec[] = STORED_DOCUMENTS;
const WITHDRAWAL_SPECS: readonly WithdrawalSpec[] = WITHDRAWALS;
const SEND_UNIT_SPECS: readonly SendUnitSpec[] = SEND_UNITS;

/** The stored document a file of a unit of this type is part of: the unit's own, else the one that has the kind (UPKIHON in a 介護予防 unit). */
export function documentOf(unitType: string, kind: FileNameKind): StoredDocumentSpec | undefined {
  const own = DOCUMENTS.find((d) => d.id === unitType);
  if (own?.parts.includes(kind)) return own;
  return DOCUMENTS.find((d) => d.parts.includes(kind));
}

export function withdrawalOf(kind: FileNameKind): WithdrawalSpec | undefined {
  return WITHDRAWAL_SPECS.find((w) => w.kind === kind);
}

/** The parts a withdrawal withdraws in an edition: a part the edition does not have (第3表 in edition 3) is left out. */
export function withdrawnParts(spec: WithdrawalSpec, edition: 3 | 4): FileNameKind[] {
  return spec.withdraws.filter((kind) => !SEND_UNIT_SPECS.some((u) => u.members.some((m) => m.kind === kind && 'editions' in m && m.editions && !m.editions.includes(edition))));
}

/**
 * A key part as a typed record spells it where its typed value is a string (a date 'YYYY-MM-DD', a month
 * 'YYYY-MM'), so that plan keys and send-unit documents agree; the file's text otherwise (a number such as the
 * satellite '01' keeps its spelling, as does a value that does not decode — its unit is rejected anyway).
 */
function keyValue(kind: FileNameKind, record: Readonly<Record<string, string>>, key: string): string {
  const text = record[key] ?? '';
  const field = text === '' ? undefined : getLayout(kind, record['csvVersion'] ?? '')?.fields.find((f) => f.key === key);
  if (!field || field.sentinels?.includes(text)) return text;
  const typed = VALUE_CODECS[field.format].decode(text, field);
  return typeof typed === 'string' ? typed : text;
}

function read(record: Readonly<Record<string, string>>, source: FieldSource): string {
  const value = record[source.field] ?? '';
  return source.first === undefined ? value : value.slice(0, source.first);
}

/** The key of the document a record of a stored part belongs to. */
export function storedKey(spec: StoredDocumentSpec, info: FileNameInfo, record: Readonly<Record<string, string>>): DocumentKey {
  const parts: Partial<Record<DocumentKeyPart, string>> = {};
  for (const field of spec.key) parts[field] = keyValue(info.kind, record, field);
  const office = spec.rowKey?.office ? read(record, spec.rowKey.office) : info.sender.office;
  const serviceType = spec.rowKey?.serviceType ? read(record, spec.rowKey.serviceType) : info.sender.serviceType;
  const satellite = spec.rowKey?.satelliteBranch ? read(record, spec.rowKey.satelliteBranch) : '';
  return build(spec.id, info, { ...parts, office, serviceType, satelliteBranch: satellite });
}

/** The key of the document a withdrawal record names (parts it does not give: the sender's, from the name). */
export function withdrawnKey(spec: WithdrawalSpec, info: FileNameInfo, record: Readonly<Record<string, string>>): DocumentKey {
  const parts: Partial<Record<DocumentKeyPart, string | undefined>> = { office: info.sender.office, serviceType: info.sender.serviceType };
  for (const [part, field] of Object.entries(spec.key) as [DocumentKeyPart, string][]) parts[part] = keyValue(info.kind, record, field);
  return build(spec.document, info, parts);
}

function build(document: StoredDocumentId, info: FileNameInfo, parts: Partial<Record<DocumentKeyPart, string | undefined>>): DocumentKey {
  const key: Record<string, unknown> = { document, receiver: { ...info.receiver } };
  for (const p of ID_PARTS) {
    const value = parts[p];
    // Empty is "not this part" (a satellite branch of an office that is not a satellite).
    if (value !== undefined && value !== '') key[p] = value;
  }
  if (key['office'] === undefined) key['office'] = '';
  return key as unknown as DocumentKey;
}
