// parseFileName: what a file name says and, located segment by segment, what is wrong with it.
// The layout of the segments comes from spec-tables/file-names.ts; the edition is read from the name itself.
import { expectString } from '../arguments.js';
import {
  FILE_NAME_EDITIONS,
  FILE_NAMES,
  type FileNameEdition,
  type FileNameSegmentKey,
} from '../../spec-tables/index.js';
import type { Issue } from '../issues.js';
import {
  checkBranch,
  checkDirection,
  checkExtension,
  checkMonth,
  checkOffice,
  checkServiceType,
  checkTimestamp,
  kindNotInEdition,
  missingMonth,
  segmentCount,
  unexpectedMonth,
  unknownPrefix,
  type NameContext,
} from './checks.js';
import { matchPrefix, segmentLayout } from './rules.js';
import type { FileNameInfo, ParsedFileName } from './types.js';

type SlotKey = FileNameSegmentKey | 'extraMonth';

interface Reading {
  readonly edition: FileNameEdition;
  readonly keys: readonly SlotKey[];
  readonly slip?: 'missingMonth';
}

/** Directories are not part of a file's name: read what follows the last '/' or '\'. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const MONTH_LIKE = /^\d{6}$/;

/**
 * Which naming generation a name follows, from its segment count: for any one kind the counts of
 * edition 4, edition 3 and either one with a month segment too many or too few are all different, so
 * the count alone decides. A month slip (the spec's own UPKIHON_000000_… example) is read only when the
 * segment in the month's position looks like a month, or, for a missing month, does not.
 */
function readLayout(ctx: NameContext, segments: readonly string[]): Reading | undefined {
  const n = segments.length;
  const monthLike = MONTH_LIKE.test(segments[0] ?? '');
  for (const { edition } of FILE_NAME_EDITIONS) {
    const keys = segmentLayout(ctx.spec, edition);
    if (keys.length === n) return { edition, keys };
  }
  for (const { edition } of FILE_NAME_EDITIONS) {
    const keys = segmentLayout(ctx.spec, edition);
    if (ctx.spec.month && !monthLike && keys.length - 1 === n) {
      return { edition, keys: keys.slice(1), slip: 'missingMonth' };
    }
    if (!ctx.spec.month && monthLike && keys.length + 1 === n) return { edition, keys: ['extraMonth', ...keys] };
  }
  return undefined;
}

/** A known prefix followed by a word rather than a number is an unknown kind (UPKIHON_SUB3_…). */
const WORD = /^[A-Z]{3,}\d*$/;
/** For naming an unknown prefix, lower case included (up1kyo_…, upkihon_sub1_…). */
const ANY_CASE_WORD = /^[A-Za-z]{3,}\d*$/;

/** Parse and check a file name (a bare name or a path). Never throws. */
export function parseFileName(name: string): ParsedFileName {
  expectString('parseFileName', 'name', name);
  const file = typeof name === 'string' ? name : '';
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  const stem = dot >= 0 ? base.slice(0, dot) : base;
  const ext = dot >= 0 ? base.slice(dot) : '';
  const tokens = stem.split('_');

  const hit = matchPrefix(tokens);
  if (!hit || WORD.test(tokens[hit.length] ?? '')) {
    const end = tokens.findIndex((t, i) => i > 0 && !ANY_CASE_WORD.test(t));
    const prefix = tokens.slice(0, end < 0 ? tokens.length : end).join('_');
    return { ok: false, issues: [unknownPrefix(file, prefix)] };
  }

  const ctx: NameContext = { file, kind: hit.kind, spec: FILE_NAMES[hit.kind] };
  const segments = tokens.slice(hit.length);
  const reading = readLayout(ctx, segments);
  if (!reading) return { ok: false, issues: [segmentCount(ctx, segments), ...checkExtension(ctx, ext)] };

  const issues: Issue[] = [];
  if (!(ctx.spec.editions as readonly number[]).includes(reading.edition)) {
    issues.push(kindNotInEdition(ctx, reading.edition, segments.join('_')));
  }
  if (reading.slip === 'missingMonth') issues.push(missingMonth(ctx, segments[0] ?? ''));

  const found: Partial<Record<FileNameSegmentKey, string>> = {};
  // A plain loop (every name read runs it): each segment kept and checked in order.
  const keys = reading.keys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = segments[i] ?? '';
    if (key === 'extraMonth') {
      issues.push(unexpectedMonth(ctx, value));
      continue;
    }
    found[key] = value;
    let wrong: readonly Issue[] | undefined;
    switch (key) {
      case 'month':
        wrong = checkMonth(ctx, value);
        break;
      case 'senderOffice':
      case 'receiverOffice':
        wrong = checkOffice(ctx, key, value);
        break;
      case 'senderServiceType':
      case 'receiverServiceType':
        wrong = checkServiceType(ctx, key, value);
        break;
      case 'timestamp':
        wrong = checkTimestamp(ctx, value);
        break;
      case 'branch':
        wrong = checkBranch(ctx, value);
        break;
    }
    if (wrong?.length) issues.push(...wrong);
  }
  issues.push(...checkExtension(ctx, ext));
  if (found.senderServiceType !== undefined && found.receiverServiceType !== undefined) {
    issues.push(...checkDirection(ctx, found.senderServiceType, found.receiverServiceType));
  }

  const info: FileNameInfo = {
    kind: hit.kind,
    edition: reading.edition,
    ...(found.month !== undefined ? { month: found.month } : {}),
    sender: office(found.senderOffice, found.senderServiceType),
    receiver: office(found.receiverOffice, found.receiverServiceType),
    timestamp: found.timestamp ?? '',
    ...(found.branch !== undefined ? { branch: found.branch } : {}),
    deletion: ctx.spec.deletion,
  };
  return { ok: !issues.some((i) => i.severity === 'error'), info, issues };
}

function office(number: string | undefined, serviceType: string | undefined): FileNameInfo['sender'] {
  return { office: number ?? '', ...(serviceType !== undefined ? { serviceType } : {}) };
}
