// Send units: the files of one transmission checked together (spec §2.4, §3.4) and ordered for import
// (§2.5, §3.5). A unit is the files with the same ファイル連番, sender office and receiver office.
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import { parseFileName, sendUnitKey, sortForImport, type FileNameInfo, type OfficeRef } from '../filenames/index.js';
import type { Issue } from '../issues.js';
import { checkScheduleContent } from './cross-checks.js';
import type { FileFacts } from './file-validator.js';
import { ruleIssue, type RuleCode } from '../rules/index.js';

export interface UnitReport {
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

/** Group key: timestamp and the two offices (service types and edition are checked inside the unit). */
function groupKey(info: FileNameInfo): string {
  return `${info.timestamp}:${info.sender.office}>${info.receiver.office}`;
}

/** The combination a unit is: the pattern whose base file it has, in the order of SEND_UNITS. */
function patternOf(kinds: ReadonlySet<string>): SendUnitSpec | undefined {
  return (SEND_UNITS as readonly SendUnitSpec[]).find((p) => kinds.has(p.base));
}

export function groupUnits(facts: readonly FileFacts[]): FileFacts[][] {
  const groups = new Map<string, FileFacts[]>();
  for (const f of facts) {
    if (!f.info) continue;
    const k = groupKey(f.info);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return [...groups.values()].sort((a, b) => groupKey(a[0]!.info!).localeCompare(groupKey(b[0]!.info!)));
}

export function checkUnit(files: readonly FileFacts[]): UnitReport {
  const first = files[0]!.info!;
  const key = sendUnitKey(first);
  const names = sortForImport(files.map((f) => f.file));
  const issues: Issue[] = [];
  const add = (code: RuleCode, ja: string, en: string, involved: readonly string[], value?: string) =>
    issues.push(ruleIssue(code, ja, en, { unit: key, files: [...involved], value, file: involved.length === 1 ? involved[0] : undefined }));

  const kinds = new Set(files.map((f) => f.info!.kind));
  const editions = new Set(files.map((f) => f.info!.edition));
  if (editions.size > 1) {
    add('UNIT_MIXED_EDITIONS', '同じ送信単位に第3版と第4版の名前のファイルがあります。', 'One send unit mixes edition-3 and edition-4 names.', names);
  }
  const versions = new Set(files.map((f) => f.csvVersion).filter((v): v is string => v !== undefined));
  if (versions.size > 1) {
    add('UNIT_MIXED_VERSIONS', `同じ送信単位にCSVバージョンが混在しています（${[...versions].join('・')}）。`, `One send unit mixes CSV versions (${[...versions].join(', ')}).`, names);
  }
  const parties = new Set(files.map((f) => `${f.info!.sender.serviceType ?? ''}>${f.info!.receiver.serviceType ?? ''}`));
  if (parties.size > 1) {
    add('UNIT_MIXED_PARTIES', `同じ送信単位でサービス種類コードが違います（${[...parties].join('・')}）。`, `Service type codes differ within one send unit (${[...parties].join(', ')}).`, names);
  }

  const pattern = patternOf(kinds);
  const edition = first.edition;
  if (!pattern) {
    add('UNIT_NO_BASE', `送信単位に基本となるファイル（第1表・第6表・利用者基本情報など）がありません: ${[...kinds].join('・')}。`, `The send unit has no base file (table 1, table 6, basic information …): ${[...kinds].join(', ')}.`, names);
    return { key, timestamp: first.timestamp, sender: first.sender, receiver: first.receiver, type: undefined, files: names, issues };
  }
  const deletions = files.filter((f) => f.info!.deletion);
  if (deletions.length > 0 && files.length > 1) {
    add('UNIT_DELETION_NOT_ALONE', `削除ファイル（${deletions.map((f) => f.info!.kind).join('・')}）は単独で送ります（同じ連番にほかのファイルがあります）。`, `A withdrawal (${deletions.map((f) => f.info!.kind).join(', ')}) travels alone (other files share its sequence).`, names);
  }
  const allowed = new Set([pattern.base, ...pattern.members.map((m) => m.kind)]);
  for (const f of files) {
    const kind = f.info!.kind;
    if (!allowed.has(kind) && !f.info!.deletion) {
      add('UNIT_SURPLUS_FILE', `${kind} は${pattern.nameJa}の送信単位に含めません。`, `${kind} does not belong in a ${pattern.nameEn} send unit.`, [f.file], kind);
    }
  }
  const byKind = new Map<string, FileFacts[]>();
  for (const f of files) byKind.set(f.info!.kind, [...(byKind.get(f.info!.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    if (list.length > 1 && kind !== 'UPKIHON_IMAGE') {
      add('UNIT_DUPLICATE_KIND', `同じ送信単位に ${kind} が${list.length}ファイルあります。`, `${list.length} ${kind} files in one send unit.`, list.map((f) => f.file), kind);
    }
  }
  const base = byKind.get(pattern.base)?.[0];
  for (const m of pattern.members) {
    if (m.editions && !m.editions.includes(edition)) continue;
    const member = byKind.get(m.kind)?.[0];
    if (!member) {
      if (m.need === 'required') {
        add('UNIT_MISSING_FILE', `${pattern.nameJa}の送信単位に ${m.kind} がありません。`, `The ${pattern.nameEn} send unit lacks ${m.kind}.`, names, m.kind);
      } else if (m.need === 'expected') {
        add('UNIT_MISSING_ANNEX', `${pattern.base} に添える ${m.kind} がありません（原則として合わせて送付）。`, `${pattern.base} is sent without its ${m.kind} (sent together as a rule).`, names, m.kind);
      }
      continue;
    }
    if (m.month && member.info) {
      const expected = m.month === '000000' ? '000000' : base?.info?.month;
      if (expected && member.info.month !== expected) {
        add('UNIT_SUPPLEMENT_MONTH', `${m.kind} の年月 ${member.info.month} は、この送信単位では ${expected} です。`, `${m.kind} carries month ${member.info.month}; in this send unit it is ${expected}.`, [member.file], member.info.month);
      }
    }
    if (base && m.key && pattern.key) checkKeys(base, member, pattern.key, m.key, add);
  }
  if (pattern.id === 'basicInfo' || pattern.id === 'preventionPlan') {
    for (const kihon of byKind.get('UPKIHON') ?? []) {
      const sent = new Set((byKind.get('UPKIHON_IMAGE') ?? []).map((f) => f.file.replace(/^.*[\\/]/, '')));
      for (const image of kihon.images) {
        if (!sent.has(image)) {
          add('UNIT_MISSING_IMAGE', `利用者基本情報が家族構成画像 ${image} を指していますが、送信単位にありません。`, `Basic information names family diagram ${image}, which the send unit lacks.`, [kihon.file], image);
        }
      }
    }
  }
  if (pattern.id === 'schedule' && base) {
    const annex = byKind.get('UPSIKYU')?.[0];
    const supplement = byKind.get('UPHOSOKU')?.[0];
    issues.push(...checkScheduleContent(base, annex, supplement).map((i) => ({ ...i, unit: key })));
  }
  return { key, timestamp: first.timestamp, sender: first.sender, receiver: first.receiver, type: pattern.id, files: names, issues };
}

/** Every user of a dependent file must be in its base file, and every user of the base in the dependent. */
function checkKeys(
  base: FileFacts,
  member: FileFacts,
  baseKey: readonly string[],
  memberKey: readonly string[],
  add: (code: RuleCode, ja: string, en: string, involved: readonly string[], value?: string) => void,
): void {
  const baseValues = base.keys.get(baseKey.join('+'));
  const memberValues = member.keys.get(memberKey.join('+'));
  if (!baseValues || !memberValues) return;
  const label = (v: string) => v.split('|').join('-');
  for (const [value, line] of memberValues) {
    if (!baseValues.has(value)) {
      add('UNIT_KEY_NOT_IN_BASE', `${member.info!.kind} ${line}行目の利用者（${label(value)}）が ${base.info!.kind} にありません。`, `The user ${label(value)} of ${member.info!.kind} (line ${line}) is not in ${base.info!.kind}.`, [member.file, base.file], value);
    }
  }
  for (const [value, line] of baseValues) {
    if (!memberValues.has(value)) {
      add('UNIT_KEY_NOT_IN_DEPENDENT', `${base.info!.kind} ${line}行目の利用者（${label(value)}）が ${member.info!.kind} にありません。`, `The user ${label(value)} of ${base.info!.kind} (line ${line}) is not in ${member.info!.kind}.`, [base.file, member.file], value);
    }
  }
}

export interface ImportOrder {
  /** Send units in the order a receiver imports them: by ファイル連番, then sender and receiver. */
  readonly units: { readonly key: string; readonly timestamp: string; readonly files: string[] }[];
  /** Files that cannot be ordered, with the reason. */
  readonly unordered: { readonly file: string; readonly reason: string; readonly reasonEn: string }[];
}

/**
 * The send units of these files in the order a receiver must import them (§2.5, §3.5: unit by unit, by
 * ファイル連番; inside a unit, base files first). A file whose name cannot give a unit is listed with why.
 */
export function importOrder(files: readonly (string | { readonly name: string })[]): ImportOrder {
  const unordered: { file: string; reason: string; reasonEn: string }[] = [];
  const groups = new Map<string, { timestamp: string; key: string; files: string[] }>();
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
      });
      continue;
    }
    const k = groupKey(parsed.info);
    const g = groups.get(k);
    if (g) g.files.push(name);
    else groups.set(k, { timestamp: parsed.info.timestamp, key: sendUnitKey(parsed.info), files: [name] });
  }
  const units = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => ({ key: g.key, timestamp: g.timestamp, files: sortForImport(g.files) }));
  return { units, unordered };
}
