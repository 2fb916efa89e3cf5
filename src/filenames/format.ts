// formatFileName: the exact name the spec prescribes for a file. The name is checked by reading it back
// with parseFileName, so the writer and the reader cannot drift apart.
import { expectArguments, FILE_NAME_PARTS } from '../arguments.js';
import type { FileNameSegmentKey } from '../../spec-tables/index.js';
import { type Issue } from '../issues.js';
import { nameRuleIssue } from '../rules/name.js';
import { kindLabel, nameIssue } from './checks.js';
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
  const k = kindLabel(parts.kind);
  const issues = given
    .filter(([key, value]) => value !== undefined && !keys.includes(key))
    .map(([key, value]) =>
      nameIssue(
        name,
        spec,
        key,
        value!,
        'NAME_UNUSED_PART',
        `：第${parts.edition}版の ${k.ja} の名前にはこの区切りがありません。`,
        `: edition-${parts.edition} ${k.en} names have no such segment.`,
      ),
    );
  if (parts.deletion !== undefined && parts.deletion !== spec.deletion) {
    issues.push(
      nameRuleIssue(
        'NAME_DELETION_MISMATCH',
        `deletion: ${parts.deletion} は ${k.ja} と一致しません（${spec.deletion ? '削除' : '削除ではない'}ファイル）。`,
        `deletion: ${parts.deletion} does not match ${k.en} (${spec.deletion ? 'a' : 'not a'} withdrawal file).`,
        { file: name },
      ),
    );
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
 * `UPPLAN_202504_1370100001_43_1370200002_11_20250325093015.CSV`, checked by reading it back. Never throws:
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
        nameRuleIssue('NAME_UNKNOWN_PREFIX', `"${kind}" は仕様にないファイル種別です。`, `"${kind}" is not a file kind of the spec.`, {
          value: kind,
        }),
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
      nameRuleIssue(
        'NAME_SEGMENT_COUNT',
        `${name} は元の値に読み戻せません（値に "_" などが含まれていませんか）。`,
        `${name} does not read back to the given parts (does a value contain "_"?).`,
        { file: name },
      ),
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
