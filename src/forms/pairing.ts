// Which 第6表 prints which 実績. A 実績 (UPJSK) record belongs beneath the 予定 (UPPLAN) of the same 保険者番号,
// 被保険者番号 and 対象年月; in a print run each 実績 unit's user and month is printed once: under the schedule
// unit sent to the provider that sent the 実績 (each provider's copy shows its own 実績), else under the first
// schedule unit that plans it, else on its own. The same 実績 unit given twice (among the documents and in
// `options.actual`, or twice in a list) is one unit: its counts are never added twice.
import type { DocumentRecord, SendUnitDocument } from '../documents/send-unit-document.js';

export interface ActualGroup {
  readonly insurer: string;
  readonly insured: string;
  readonly month: string | undefined;
  readonly records: DocumentRecord[];
}

/** 実績 groups by user and month (userKey). */
export type ActualGroups = Map<string, ActualGroup>;

export const userKey = (insurer: string, insured: string, month: string | undefined): string => `${insurer}|${insured}|${month ?? ''}`;
export const monthOf = (record: DocumentRecord): string | undefined =>
  typeof record['serviceMonth'] === 'string' ? (record['serviceMonth'] as string) : undefined;

/** Units without repeats: the same object, or two documents with the same non-empty key, count once. */
export function distinctUnits<T extends SendUnitDocument>(units: readonly T[]): T[] {
  const seen = new Set<unknown>();
  const out: T[] = [];
  for (const unit of units) {
    if (seen.has(unit) || (unit.key && seen.has(unit.key))) continue;
    seen.add(unit);
    if (unit.key) seen.add(unit.key);
    out.push(unit);
  }
  return out;
}

/** Whether two documents are the same unit (by object, or by a non-empty key). */
export const sameUnit = (a: SendUnitDocument, b: SendUnitDocument): boolean => a === b || (!!a.key && a.key === b.key);

/** The 実績 records of units, grouped by user and month, in the order given. */
export function actualGroups(units: readonly SendUnitDocument[]): ActualGroups {
  const groups: ActualGroups = new Map();
  for (const unit of units) {
    for (const user of unit.users) {
      for (const record of user.records.UPJSK ?? []) {
        const month = monthOf(record as DocumentRecord) ?? unit.month;
        const key = userKey(user.insurerNumber, user.insuredNumber, month);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { insurer: user.insurerNumber, insured: user.insuredNumber, month, records: [] }));
        group.records.push(record as DocumentRecord);
      }
    }
  }
  return groups;
}

/** The users and months a document has 予定 (UPPLAN) records for, keyed as 実績 groups are. */
export function plannedKeys(document: SendUnitDocument): Set<string> {
  const keys = new Set<string>();
  for (const user of document.users) {
    for (const r of user.records.UPPLAN ?? []) keys.add(userKey(user.insurerNumber, user.insuredNumber, monthOf(r as DocumentRecord) ?? document.month));
  }
  return keys;
}

export interface Pairing {
  /** Per schedule unit, the 実績 groups printed beneath its 予定. */
  readonly beneath: Map<SendUnitDocument, ActualGroups>;
  /** Per 実績 unit, its groups no schedule takes: printed on their own. */
  readonly alone: Map<SendUnitDocument, ActualGroups>;
}

/** Each 実績 unit's user-months given to one schedule unit (see the head of this file). */
export function pairActual(schedules: readonly SendUnitDocument[], actualUnits: readonly SendUnitDocument[]): Pairing {
  const planned = schedules.map((s) => ({ schedule: s, keys: plannedKeys(s) }));
  const beneath = new Map<SendUnitDocument, ActualGroups>(schedules.map((s) => [s, new Map()]));
  const alone = new Map<SendUnitDocument, ActualGroups>();
  for (const unit of actualUnits) {
    const left: ActualGroups = new Map();
    for (const [key, group] of actualGroups([unit])) {
      const takers = planned.filter((p) => p.keys.has(key));
      const taker = takers.find((p) => p.schedule.receiver?.office === unit.sender?.office) ?? takers[0];
      if (!taker) {
        left.set(key, group);
        continue;
      }
      const groups = beneath.get(taker.schedule)!;
      const held = groups.get(key);
      if (held) held.records.push(...group.records);
      else groups.set(key, { ...group, records: [...group.records] });
    }
    alone.set(unit, left);
  }
  return { beneath, alone };
}
