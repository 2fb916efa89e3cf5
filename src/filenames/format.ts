// formatFileName: the exact name the spec prescribes for a file. The name is checked by reading it back
// with parseFileName, so the writer and the reader cannot drift apart.
import { expectArguments, FILE_NAME_PARTS } from '../arguments.js';
import type { FileNameSegmentKey } from '../../spec-tables/index.js';
import { type Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import { issue } from '../rules/index.js';
import { nameIssue } from './checks.js';
import { parseFileName } from './parse.js';
import { fileNameSpec, isFileNameKind, segmentLayout } from './rules.js';
import type { FileNameInfo, FileNameParts } from './types.js';

/** Thrown by formatFileName when the parts cannot make a conformant name; `issues` says why. */
export class FileNameError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => i.messageEn).join('\n'));
    this.name = 'FileNameError';
    this.issues = issues;
  }
}

function segmentValue(parts: FileNameParts, key: FileNameSegmentKey): string {
  switch (key) {
    case 'month':
      return parts.month ?? '';
    case 'senderOffice':
      return parts.sender.office;
    case 'senderServiceType':
      return parts.sender.serviceType ?? '';
    case 'receiverOffice':
      return parts.receiver.office;
    case 'receiverServiceType':
      return parts.receiver.serviceType ?? '';
    case 'timestamp':
      return parts.timestamp;
    case 'branch':
      return parts.branch ?? '';
  }
}

/** Parts the kind's name in that edition has no place for: writing them would silently lose them. */
function unusedParts(parts: FileNameParts, name: string): Issue[] {
  const spec = fileNameSpec(parts.kind);
  const keys: readonly FileNameSegmentKey[] = segmentLayout(spec, parts.edition);
  const given: [FileNameSegmentKey, string | undefined][] = [
    ['month', parts.month],
    ['senderServiceType', parts.sender.serviceType],
    ['receiverServiceType', parts.receiver.serviceType],
    ['branch', parts.branch],
  ];
  const issues = given
    .filter(([key, value]) => value !== undefined && !keys.includes(key))
    .map(([key, value]) => nameIssue(name, 'NAME_UNUSED_PART', { kind: parts.kind, segment: key, value: value!, edition: parts.edition }));
  if (parts.deletion !== undefined && parts.deletion !== spec.deletion) {
    issues.push(toIssue(issue('NAME_DELETION_MISMATCH', { kind: parts.kind, deletion: parts.deletion }, { file: name })));
  }
  return issues;
}

function sameInfo(a: FileNameInfo, b: FileNameInfo): boolean {
  const norm = (x: FileNameInfo) =>
    JSON.stringify([
      [x.kind, x.edition, x.month, x.timestamp, x.branch, x.deletion],
      [x.sender.office, x.sender.serviceType, x.receiver.office, x.receiver.serviceType],
    ]);
  return norm(a) === norm(b);
}

/** The result of buildFileName: the name when the parts make a conformant one, and every issue found. */
export interface BuiltFileName {
  readonly ok: boolean;
  readonly name?: string;
  readonly issues: readonly Issue[];
}

/**
 * The name the spec prescribes for these parts, e.g.
 * `UPPLAN_202504_1370100008_43_1370200006_11_20250325093015.CSV`, checked by reading it back. Never throws:
 * `ok` is false (and `name` absent) when the parts break a rule; warnings (e.g. an unusual direction) are
 * listed but do not stop the name.
 */
export function buildFileName(parts: FileNameParts): BuiltFileName {
  expectArguments('buildFileName', [['parts', parts, FILE_NAME_PARTS]]);
  if (!isFileNameKind(parts.kind)) {
    const kind = String(parts.kind);
    return {
      ok: false,
      issues: [
        toIssue(issue('NAME_UNKNOWN_PREFIX', { segment: 'prefix', value: kind, built: true }, { value: kind })),
      ],
    };
  }
  const spec = fileNameSpec(parts.kind);
  const segments = segmentLayout(spec, parts.edition).map((key) => segmentValue(parts, key));
  const name = [spec.prefix, ...segments].join('_') + spec.extension.canonical;
  const parsed = parseFileName(name);
  const errors = [...unusedParts(parts, name), ...parsed.issues.filter((i) => i.severity === 'error')];
  const expected: FileNameInfo = { ...parts, deletion: spec.deletion };
  if (errors.length === 0 && (!parsed.info || !sameInfo(parsed.info, expected))) {
    errors.push(
      toIssue(issue('NAME_SEGMENT_COUNT', { name }, { file: name })),
    );
  }
  if (errors.length > 0) return { ok: false, issues: errors };
  return { ok: true, name, issues: parsed.issues };
}

/**
 * The name the spec prescribes for these parts. For code that builds names from its own trusted data:
 * throws FileNameError when the parts break a rule. Use buildFileName to get the issues instead.
 */
export function formatFileName(parts: FileNameParts): string {
  expectArguments('formatFileName', [['parts', parts, FILE_NAME_PARTS]]);
  const built = buildFileName(parts);
  if (!built.ok || built.name === undefined) throw new FileNameError(built.issues);
  return built.name;
}
