// Send units: the files of one transmission checked together (spec §2.4, §3.4) and ordered for import
// (§2.5, §3.5). A unit is the files with the same ファイル連番, sender and receiver (office and service type).
import { expectArguments, NAMED_FILES } from '../arguments.js';
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import { inImportOrder, parseFileName, type FileNameInfo, type OfficeRef } from '../filenames/index.js';
import { unitKeyOf, unitOfficesKeyOf } from '../filenames/send-unit.js';
import type { Issue } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import { messageOf } from '../messages/render.js';
import { resolvePolicy, type Policy } from '../policy.js';
import { KIND_ROLES } from '../spec.js';
import { checkScheduleContent } from './cross-checks.js';
import { NO_FACTS, type FactNeeds, type FileFacts } from './file-facts.js';
import { issue, type AnyIssueDraft } from '../rules/index.js';

export interface SendUnitReport {
  /** `連番:sender>receiver`, as sendUnitKey gives it. */
  readonly key: string;
  readonly timestamp: string;
  readonly sender: OfficeRef;
  readonly receiver: OfficeRef;
  /** The combination it was recognised as (`carePlan`, `schedule`, …; see spec-tables/send-units.ts). */
  readonly type: string | undefined;
  /** Its files, in import order. */
  readonly files: string[];
  readonly issues: Issue[];
}

/** The combination a unit is: the pattern whose base file it has, in the order of SEND_UNITS. */
function patternOf(kinds: ReadonlySet<string>): SendUnitSpec | undefined {
  return (SEND_UNITS as readonly SendUnitSpec[]).find((p) => kinds.has(p.base));
}

/**
 * Group by exactly the send-unit key (連番, sender and receiver with their service types): one 連番 can
 * carry two complete units to one office under two service types (11 and A2). One exception, for a
 * clearer report: a group with no base file joins the single group of the same 連番 and office numbers
 * that has one, when none of its kinds is already there (a file named with another service type or
 * edition than its unit); that unit then reports UNIT_MIXED_PARTIES or UNIT_MIXED_EDITIONS instead of a
 * missing file plus a unit with no base.
 */
function groupBySendUnit<T>(items: readonly T[], infoOf: (item: T) => FileNameInfo): { key: string; items: T[] }[] {
  const exact = new Map<string, { key: string; items: T[]; kinds: Set<string>; loose: string }>();
  for (const item of items) {
    const info = infoOf(item);
    const key = unitKeyOf(info);
    let g = exact.get(key);
    if (!g) exact.set(key, (g = { key, items: [], kinds: new Set(), loose: unitOfficesKeyOf(info) }));
    g.items.push(item);
    g.kinds.add(info.kind);
  }
  const groups = [...exact.values()];
  const based = groups.filter((g) => patternOf(g.kinds));
  const merged = new Set<unknown>();
  for (const g of groups) {
    if (patternOf(g.kinds)) continue;
    const siblings = based.filter((b) => b.loose === g.loose);
    const target = siblings[0];
    if (siblings.length !== 1 || !target || [...g.kinds].some((k) => k !== 'UPKIHON_IMAGE' && target.kinds.has(k))) continue;
    target.items.push(...g.items);
    for (const k of g.kinds) target.kinds.add(k);
    merged.add(g);
  }
  return groups
    .filter((g) => !merged.has(g))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, items }) => ({ key, items }));
}

/**
 * Which summaries each file must keep for the send-unit checks, from the names alone (grouped as groupSendUnits
 * groups them): what checkSendUnit will read of it, and nothing else. A file outside any unit keeps none.
 */
export function factNeedsOf(infos: readonly (FileNameInfo | undefined)[]): FactNeeds[] {
  const needs: FactNeeds[] = infos.map(() => NO_FACTS);
  const named = infos.flatMap((info, i) => (info ? [{ i, info }] : []));
  for (const { items } of groupBySendUnit(named, (n) => n.info)) {
    const kinds = new Set(items.map((n) => n.info.kind));
    // checkKeys compares a member with its owner by the member's key: each of the two keeps that key only.
    const keys = new Map<string, Set<string>>();
    const pattern = patternOf(kinds);
    if (items.length > 1 && pattern) {
      for (const m of pattern.members) {
        if (!m.key) continue;
        for (const kind of [m.of ?? pattern.base, m.kind]) {
          if (!keys.has(kind)) keys.set(kind, new Set());
          keys.get(kind)!.add(m.key.join('+'));
        }
      }
    }
    for (const { i, info } of items) {
      needs[i] = {
        keys: [...(keys.get(info.kind) ?? [])],
        schedule: kinds.has(KIND_ROLES.annex),
        annex: kinds.has(KIND_ROLES.plan),
        limits: kinds.has(KIND_ROLES.annex),
        images: true,
      };
    }
  }
  return needs;
}

export function groupSendUnits(facts: readonly FileFacts[]): FileFacts[][] {
  const named = facts.filter((f): f is FileFacts & { info: FileNameInfo } => f.info !== undefined);
  return groupBySendUnit(named, (f) => f.info).map((g) => g.items);
}

type SendUnitFinding = AnyIssueDraft & { readonly code: 'UNIT_NO_BASE' | 'UNIT_DELETION_NOT_ALONE' | 'UNIT_MIXED_EDITIONS' | 'UNIT_MIXED_PARTIES' };

/**
 * What the names alone say is wrong with a unit's make-up, most fundamental first: no base file, a
 * withdrawal with other files, two editions, two pairs of service types. Each of these also keeps the unit
 * out of the import order (importOrder), since a receiver cannot tell what to import it into or in which order.
 */
function shapeFindings(infos: readonly FileNameInfo[]): SendUnitFinding[] {
  const found: SendUnitFinding[] = [];
  const kinds = new Set(infos.map((i) => i.kind));
  if (!patternOf(kinds)) {
    found.push(issue('UNIT_NO_BASE', { kinds: [...kinds] }));
  }
  const deletions = infos.filter((i) => i.deletion);
  if (deletions.length > 0 && infos.length > 1) {
    found.push(issue('UNIT_DELETION_NOT_ALONE', { kinds: deletions.map((i) => i.kind) }));
  }
  if (new Set(infos.map((i) => i.edition)).size > 1) {
    found.push(issue('UNIT_MIXED_EDITIONS', {}));
  }
  // Edition-3 names carry no service types: only edition-4 names can disagree on them.
  const parties = new Set(infos.filter((i) => i.sender.serviceType !== undefined).map((i) => `${i.sender.serviceType}>${i.receiver.serviceType ?? ''}`));
  if (parties.size > 1) {
    found.push(issue('UNIT_MIXED_PARTIES', { types: [...parties] }));
  }
  return found;
}

export function checkSendUnit(files: readonly FileFacts[], policy: Policy = resolvePolicy()): SendUnitReport {
  const first = files[0]!.info!;
  const key = unitKeyOf(first);
  const names = inImportOrder(files, (f) => f.info).map((f) => f.file);
  // Capped per code as a file's issues are: a 第7表 whose every row disagrees must not grow the report without end.
  const sink = new IssueSink(policy, { unit: key });
  const add = (draft: AnyIssueDraft, involved: readonly string[], value?: string) => {
    sink.add(draft, { unit: key, files: [...involved], value, file: involved.length === 1 ? involved[0] : undefined });
  };

  const kinds = new Set(files.map((f) => f.info!.kind));
  for (const f of shapeFindings(files.map((f) => f.info!))) add(f, names);
  const versions = new Set(files.map((f) => f.csvVersion).filter((v): v is string => v !== undefined));
  if (versions.size > 1) {
    add(issue('UNIT_MIXED_VERSIONS', { versions: [...versions] }), names);
  }

  const pattern = patternOf(kinds);
  if (!pattern) {
    return { key, timestamp: first.timestamp, sender: first.sender, receiver: first.receiver, type: undefined, files: names, issues: sink.finish() };
  }
  const allowed = new Set([pattern.base, ...pattern.members.map((m) => m.kind)]);
  for (const f of files) {
    const kind = f.info!.kind;
    if (!allowed.has(kind) && !f.info!.deletion) {
      add(issue('UNIT_SURPLUS_FILE', { type: pattern.id, kind }), [f.file], kind);
    }
  }
  const byKind = new Map<string, FileFacts[]>();
  for (const f of files) byKind.set(f.info!.kind, [...(byKind.get(f.info!.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    if (list.length > 1 && kind !== 'UPKIHON_IMAGE') {
      add(issue('UNIT_DUPLICATE_KIND', { kind, count: list.length }), list.map((f) => f.file), kind);
    }
  }
  const base = byKind.get(pattern.base)?.[0];
  // The unit's edition is its base file's (a file of the other edition is reported above).
  const edition = base?.info?.edition ?? first.edition;
  for (const m of pattern.members) {
    if (m.editions && !m.editions.includes(edition)) continue;
    // A member of a member (利用者基本情報's 別表 in a 介護予防 unit) is needed only when its owner came.
    const owner = m.of ? byKind.get(m.of)?.[0] : base;
    const ownerKind = m.of ?? pattern.base;
    if (m.of && !owner) continue;
    const member = byKind.get(m.kind)?.[0];
    if (!member) {
      if (m.need === 'required') {
        add(issue('UNIT_MISSING_FILE', { type: pattern.id, kind: m.kind }), names, m.kind);
      } else if (m.need === 'expected') {
        add(issue('UNIT_MISSING_ANNEX', { owner: ownerKind, kind: m.kind }), names, m.kind);
      }
      continue;
    }
    if (m.month && member.info) {
      const expected = m.month === '000000' ? '000000' : base?.info?.month;
      if (expected && member.info.month !== expected) {
        add(issue('UNIT_SUPPLEMENT_MONTH', { kind: m.kind, month: member.info.month ?? '', expected }), [member.file], member.info.month);
      }
    }
    if (owner && m.key) checkKeys(owner, member, m.key, add);
  }
  if (pattern.id === 'basicInfo' || pattern.id === 'preventionPlan') {
    for (const kihon of byKind.get(KIND_ROLES.basicInfo) ?? []) {
      const sent = new Set((byKind.get(KIND_ROLES.familyImage) ?? []).map((f) => f.file.replace(/^.*[\\/]/, '')));
      for (const image of kihon.images) {
        if (!sent.has(image)) {
          add(issue('UNIT_MISSING_IMAGE', { image }), [kihon.file], image);
        }
      }
    }
  }
  if (pattern.id === 'schedule' && base) {
    const annex = byKind.get(KIND_ROLES.annex)?.[0];
    const supplement = byKind.get(KIND_ROLES.supplement)?.[0];
    checkScheduleContent(base, annex, supplement, (found) => sink.add(found, { unit: key }));
  }
  return { key, timestamp: first.timestamp, sender: first.sender, receiver: first.receiver, type: pattern.id, files: names, issues: sink.finish() };
}

/**
 * Every user of a dependent file must be in the file it depends on, and every user of that file in the
 * dependent, by the relation key read from both.
 */
function checkKeys(
  base: FileFacts,
  member: FileFacts,
  key: readonly string[],
  add: (draft: AnyIssueDraft, involved: readonly string[], value?: string) => void,
): void {
  const baseValues = base.keys.get(key.join('+'));
  const memberValues = member.keys.get(key.join('+'));
  if (!baseValues || !memberValues) return;
  const label = (v: string) => v.split('|').join('-');
  for (const [value, line] of memberValues) {
    if (!baseValues.has(value)) {
      add(issue('UNIT_KEY_NOT_IN_BASE', { kind: member.info!.kind, line, user: label(value), base: base.info!.kind }), [member.file, base.file], value);
    }
  }
  for (const [value, line] of baseValues) {
    if (!memberValues.has(value)) {
      add(issue('UNIT_KEY_NOT_IN_DEPENDENT', { kind: base.info!.kind, line, user: label(value), dependent: member.info!.kind }), [base.file, member.file], value);
    }
  }
}

export interface ImportOrderSendUnit {
  readonly key: string;
  readonly timestamp: string;
  /** The combination the names make (`carePlan`, `schedule`, …; see spec-tables/send-units.ts). */
  readonly type: string | undefined;
  /** Its files, base files first. */
  readonly files: string[];
}

export interface UnorderedFile {
  readonly file: string;
  /** Why it cannot be imported in order, in Japanese and in English. */
  readonly reason: string;
  readonly reasonEn: string;
  /** The rule behind the reason: a `NAME_*` code for a name without a unit, a `UNIT_*` code for a unit. */
  readonly code: string;
  /** The send unit it came in, when its name gives one and the unit as a whole cannot be ordered. */
  readonly unit?: string;
}

export interface ImportOrder {
  /** Send units in the order a receiver imports them: by ファイル連番, then sender and receiver. */
  readonly units: ImportOrderSendUnit[];
  /**
   * Files that cannot be ordered, with the reason: names that give no send unit, and every file of a unit
   * a receiver cannot import (no base file, a withdrawal with other files, mixed editions or service types).
   * Such units are left out of `units`.
   */
  readonly unordered: UnorderedFile[];
}

/**
 * The send units of these files in the order a receiver must import them (§2.5, §3.5: unit by unit, by
 * ファイル連番; inside a unit, base files first). Units are formed as validateFiles forms them. A file
 * whose name gives no unit, and the files of a unit that cannot be imported as it stands, are listed in
 * `unordered` with the reason (the unit's first finding, most fundamental first) and its rule code.
 */
export function importOrder(files: readonly (string | { readonly name: string })[]): ImportOrder {
  expectArguments('importOrder', [['files', files, NAMED_FILES]]);
  const unordered: UnorderedFile[] = [];
  const named: { name: string; info: FileNameInfo }[] = [];
  for (const f of files) {
    const name = typeof f === 'string' ? f : f.name;
    const parsed = parseFileName(name);
    const blocking = parsed.issues.find((i) => i.severity === 'error' && ['timestamp', 'senderOffice', 'receiverOffice'].includes(i.segment?.key ?? ''));
    if (!parsed.info || blocking) {
      const why = blocking ?? parsed.issues.find((i) => i.severity === 'error');
      unordered.push({
        file: name,
        reason: why?.message ?? 'ファイル名から送信単位が分かりません。',
        reasonEn: why?.messageEn ?? 'The name does not give a send unit.',
        code: why?.code ?? 'NAME_UNKNOWN_PREFIX',
      });
      continue;
    }
    named.push({ name, info: parsed.info });
  }
  const units: ImportOrderSendUnit[] = [];
  for (const g of groupBySendUnit(named, (n) => n.info)) {
    const ordered = inImportOrder(g.items, (n) => n.info).map((n) => n.name);
    const infos = g.items.map((n) => n.info);
    const blocker = shapeFindings(infos)[0];
    if (blocker) {
      const reason = messageOf(blocker, 'ja');
      const reasonEn = messageOf(blocker, 'en');
      for (const file of ordered) unordered.push({ file, reason, reasonEn, code: blocker.code, unit: g.key });
      continue;
    }
    units.push({ key: g.key, timestamp: infos[0]!.timestamp, type: patternOf(new Set(infos.map((i) => i.kind)))?.id, files: ordered });
  }
  return { units, unordered };
}
