// Lookups over the file-name tables of spec-tables/file-names.ts. No rule is written here, only read.
import { expectString } from '../arguments.js';
import {
  FILE_NAME_EDITIONS,
  FILE_NAME_SEGMENTS,
  FILE_NAMES,
  OFFICE_ROLES,
  type FileNameEdition,
  type FileNameKind,
  type FileNameSegmentKey,
  type FileNameSpec,
  type OfficeRole,
  type OfficeRoleSpec,
} from '../../spec-tables/index.js';
import { getServiceType } from '../service-types.js';

/** Every kind with a file-name rule, in the order of the layout definition. */
export const FILE_NAME_KINDS: readonly FileNameKind[] = Object.freeze(Object.keys(FILE_NAMES) as FileNameKind[]);

export function isFileNameKind(kind: string): kind is FileNameKind {
  expectString('isFileNameKind', 'kind', kind);
  return Object.hasOwn(FILE_NAMES, kind);
}

export function fileNameSpec(kind: FileNameKind): FileNameSpec {
  return FILE_NAMES[kind];
}

// Prefixes as '_'-separated tokens, longest first: UPYOBO_SUB_… must not be read as UPYOBO_….
const PREFIXES = FILE_NAME_KINDS.map((kind) => ({ kind, tokens: fileNameSpec(kind).prefix.split('_') })).sort(
  (a, b) => b.tokens.length - a.tokens.length,
);

/** The kind whose prefix opens `tokens`, and how many tokens the prefix takes. */
export function matchPrefix(tokens: readonly string[]): { kind: FileNameKind; length: number } | undefined {
  const hit = PREFIXES.find((p) => p.tokens.every((t, i) => tokens[i] === t));
  return hit && { kind: hit.kind, length: hit.tokens.length };
}

/** segmentLayout's answers, made once per kind and generation (every name read asks for them). */
const layouts = new Map<FileNameSpec, Map<FileNameEdition, readonly FileNameSegmentKey[]>>();

/** The segments after the prefix that a kind's name carries in a naming generation (shared: not to be changed). */
export function segmentLayout(spec: FileNameSpec, edition: FileNameEdition): readonly FileNameSegmentKey[] {
  let byEdition = layouts.get(spec);
  if (!byEdition) layouts.set(spec, (byEdition = new Map()));
  let keys = byEdition.get(edition);
  if (!keys) {
    const base = FILE_NAME_EDITIONS.find((e) => e.edition === edition)!.segments;
    keys = Object.freeze([...(spec.month ? (['month'] as const) : []), ...base, ...(spec.branch ? (['branch'] as const) : [])]);
    byEdition.set(edition, keys);
  }
  return keys;
}

/** Japanese and English name of a segment of a kind's name (the month is named as the kind's rule prints it). */
export function segmentName(spec: FileNameSpec, key: FileNameSegmentKey): { ja: string; en: string } {
  if (key === 'month' && spec.month) return { ja: spec.month.ja, en: spec.month.en };
  if (key === 'branch' && spec.branch) return { ja: spec.branch.ja, en: spec.branch.en };
  return FILE_NAME_SEGMENTS[key];
}

/** The rule of a kind's name in a generation, e.g. UP1KYO_送信元の事業所番号_…_ファイル連番（…）.CSV */
export function ruleText(kind: FileNameKind, edition: FileNameEdition): { ja: string; en: string } {
  const spec = fileNameSpec(kind);
  const keys = segmentLayout(spec, edition);
  const names = keys.map((k) => segmentName(spec, k));
  return {
    ja: [spec.prefix, ...names.map((n) => n.ja)].join('_') + spec.extension.canonical,
    en: [spec.prefix, ...names.map((n) => `<${n.en}>`)].join('_') + spec.extension.canonical,
  };
}

/** officeRole's answers for the codes of the spec (a name's code that is not one is not kept: no growth). */
const roles = new Map<string, OfficeRole>();

/** Which kind of office a service type code belongs to; undefined for codes the spec does not list. */
export function officeRole(serviceType: string): OfficeRole | undefined {
  const known = roles.get(serviceType);
  if (known) return known;
  const role = findOfficeRole(serviceType);
  if (role) roles.set(serviceType, role);
  return role;
}

function findOfficeRole(serviceType: string): OfficeRole | undefined {
  for (const [role, spec] of Object.entries(OFFICE_ROLES) as [OfficeRole, OfficeRoleSpec][]) {
    if (spec.serviceTypes?.includes(serviceType)) return role;
  }
  const type = getServiceType(serviceType);
  const groups: readonly string[] = OFFICE_ROLES.provider.groups;
  return type && groups.includes(type.group) ? 'provider' : undefined;
}
