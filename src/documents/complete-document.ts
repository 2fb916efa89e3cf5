// What writeSendUnit fills in of a document before writing it — only where the document leaves a value
// absent, and only what the spec tables say follows from elsewhere:
// - every record's CSVバージョン and its user's 保険者番号 / 被保険者番号;
// - the field a file name's month comes from (FILE_NAMES month.recordField), from the unit's month, or its
//   `zero` value as the sentinel (null) where the unit's names carry 000000 (利用者補足 tied to 第1/2表);
// - the relation key a member shares with the file it belongs to (SEND_UNITS member `key`), from that user's
//   first record of that file (第2/3表's 計画作成日 from 第1表, 第7表's 対象年月 from 第6表 …);
// - a field of the record's own key (RECORD_KEYS) that the unit's relation key does not use and that has
//   sentinels takes the sentinel (null): the 利用者補足's 000000 / 00000000 pairing;
// - the 第7表's AAAA and 999999 rows (derive-annex.ts).
import { RECORD_KEYS } from '../../spec-tables/record-keys.js';
import type { SendUnitSpec } from '../../spec-tables/send-units.js';
import { getLayout, KIND_ROLES, layoutKindOf, type CsvVersion, type FileKind, type Layout } from '../spec.js';
import { completeAnnexRows } from './derive-annex.js';
import {
  monthToTyped,
  nameMonthField,
  nameMonthOf,
  unitKinds,
  type DocumentRecord,
  type LooseUser,
  type UserRecords,
} from './send-unit-document.js';

export interface SendUnitContext {
  readonly spec: SendUnitSpec;
  readonly csvVersion: CsvVersion;
  readonly edition: 3 | 4;
  /** 'YYYY-MM' or undefined. */
  readonly month: string | undefined;
}

/** The unit's month when the document gives none: the base file's name-month field of its first record. */
export function monthFromRecords(spec: SendUnitSpec, users: readonly { records: UserRecords }[]): string | undefined {
  const base = spec.base as FileKind;
  const field = nameMonthField(base);
  if (!field) return undefined;
  for (const u of users) {
    const value = u.records[base]?.[0]?.[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Whether the unit's names carry a month that is not 000000 (then the document has a `month`). */
export function unitCarriesMonth(spec: SendUnitSpec, edition: 3 | 4): boolean {
  return unitKinds(spec, edition).some((k) => {
    const m = nameMonthOf(spec, k, 'month');
    return m === 'month';
  });
}

/** What a kind's records take when absent: values the same for every record, and keys read from the owner. */
interface Filler {
  readonly layout: Layout;
  /** [key, value] the same for every record of the kind in this unit (CSVバージョン, the month, sentinels). */
  readonly constant: readonly (readonly [string, unknown])[];
  /** Keys taken from the user's first record of the file this one belongs to. */
  readonly fromOwner: readonly string[];
  readonly hasInsurer: boolean;
  readonly hasInsured: boolean;
}

/** Fillers made once per unit and kind (a unit of thousands of users asks for the same ones each time). */
const fillers = new WeakMap<SendUnitContext, Map<FileKind, Filler>>();

function fillerOf(kind: FileKind, layout: Layout, ctx: SendUnitContext): Filler {
  let byKind = fillers.get(ctx);
  if (!byKind) fillers.set(ctx, (byKind = new Map()));
  let filler = byKind.get(kind);
  if (!filler) byKind.set(kind, (filler = makeFiller(kind, layout, ctx)));
  return filler;
}

function makeFiller(kind: FileKind, layout: Layout, ctx: SendUnitContext): Filler {
  const has = new Set(layout.fields.map((f) => f.key));
  const constant: [string, unknown][] = [];
  const add = (key: string, value: unknown) => {
    if (has.has(key) && value !== undefined && !constant.some(([k]) => k === key)) constant.push([key, value]);
  };
  add('csvVersion', ctx.csvVersion);
  const member = ctx.spec.members.find((m) => m.kind === kind);
  const fromOwner = (member?.key ?? []).filter((k) => has.has(k) && k !== 'insurerNumber' && k !== 'insuredNumber');
  const monthField = nameMonthField(kind);
  if (monthField && !fromOwner.includes(monthField)) {
    const named = nameMonthOf(ctx.spec, kind, ctx.month);
    add(monthField, named === ctx.month ? ctx.month : null);
  }
  const own = (RECORD_KEYS as Record<string, { key: readonly string[] } | undefined>)[layoutKindOf(kind)]?.key ?? [];
  if (member?.key) {
    for (const key of own) {
      const field = layout.fields.find((f) => f.key === key);
      if (field?.sentinels?.length && !member.key.includes(key)) add(key, null);
    }
  }
  return { layout, constant, fromOwner, hasInsurer: has.has('insurerNumber'), hasInsured: has.has('insuredNumber') };
}

/**
 * The record with what is absent filled in, or the record itself when nothing is (most records of a complete
 * document: no copy is made). A filled record has its keys in layout order, as decodeRecord gives them.
 */
function completeRecord(record: DocumentRecord, user: LooseUser, owner: DocumentRecord | undefined, filler: Filler, month: string | undefined): DocumentRecord {
  let out: Record<string, unknown> | undefined;
  const fill = (key: string, value: unknown) => {
    if (value === undefined || record[key] !== undefined) return;
    (out ??= { ...record } as Record<string, unknown>)[key] = value;
  };
  for (const [key, value] of filler.constant) fill(key, value);
  if (filler.hasInsurer) fill('insurerNumber', user.insurerNumber);
  if (filler.hasInsured) fill('insuredNumber', user.insuredNumber);
  // The owner's key, else (第7表's 対象年月 when 第6表 gives none either) the unit's month.
  for (const key of filler.fromOwner) fill(key, owner?.[key] ?? (key === nameMonthField(filler.layout.kind) ? month : undefined));
  if (!out) return record;
  const ordered: Record<string, unknown> = {};
  for (const f of filler.layout.fields) if (f.key in out) ordered[f.key] = out[f.key];
  for (const k of Object.keys(out)) if (!(k in ordered)) ordered[k] = out[k];
  return ordered as DocumentRecord;
}

/** A user with every record completed (see the module comment). Records of kinds outside the unit are kept as given. */
export function completeUser(user: LooseUser, ctx: SendUnitContext): LooseUser {
  const records: UserRecords = {};
  const kinds = unitKinds(ctx.spec, ctx.edition);
  const base = ctx.spec.base as FileKind;
  // Base first: members take their keys from it.
  const order = [...kinds, ...(Object.keys(user.records) as FileKind[]).filter((k) => !kinds.includes(k))];
  for (const kind of order) {
    const given = user.records[kind];
    if (!Array.isArray(given)) continue;
    const layout = getLayout(kind, ctx.csvVersion);
    if (!layout) {
      records[kind] = given;
      continue;
    }
    const member = ctx.spec.members.find((m) => m.kind === kind);
    const ownerKind = (member?.of ?? base) as FileKind;
    const owner = kind === base ? undefined : records[ownerKind]?.[0];
    const filler = fillerOf(kind, layout, ctx);
    let rows = given.map((r) => (typeof r === 'object' && r !== null ? completeRecord(r, user, owner, filler, ctx.month) : r));
    if (kind === KIND_ROLES.annex) {
      const limit = records.UPHOSOKU?.[0]?.['benefitLimitUnits'] ?? user.records.UPHOSOKU?.[0]?.['benefitLimitUnits'];
      rows = completeAnnexRows(rows, ctx.csvVersion, typeof limit === 'number' ? limit : undefined).map((r) => completeRecord(r, user, owner, filler, ctx.month));
    }
    records[kind] = rows;
  }
  return { insurerNumber: user.insurerNumber, insuredNumber: user.insuredNumber, records };
}

export { monthToTyped };
