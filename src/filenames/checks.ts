// One check per kind of name segment. Each returns the located issues it finds: the file, the segment
// (key and Japanese name) and its value as found, with a message that names both.
import { isExists } from 'date-fns/isExists';
import { FILE_NAME_EDITION_40, FORMATS, type FileNameEdition, type FileNameKind, type FileNameSpec } from '../../spec-tables/index.js';
import { type Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import type { MessageParams } from '../messages/catalogue.js';
import { segmentText, type NameAt, type SegmentRef } from '../messages/names.js';
import { issue, type AnyIssueDraft } from '../rules/index.js';
import type { NameRuleCode } from '../rules/name.js';
import { getServiceType } from '../service-types.js';
import { wrongCheckDigit } from '../check-digits.js';
import { FILE_NAME_KINDS, fileNameSpec, officeRole } from './rules.js';

export type { SegmentRef };

export interface NameContext {
  readonly file: string;
  readonly kind: FileNameKind;
  readonly spec: FileNameSpec;
}

const OFFICE_NUMBER = FORMATS.officeNumber;
/** The zero months some kind may write instead of a real month (zeroMonthKinds(value) is not empty). */
const ZERO_MONTHS: ReadonlySet<string> = new Set(FILE_NAME_KINDS.flatMap((kind) => fileNameSpec(kind).month?.zero?.value ?? []));
const SERVICE_TYPE = FORMATS.serviceTypeCode.pattern;

/** A name issue located on one segment (its key and Japanese name) with its value as found. */
export function nameIssue<C extends NameRuleCode>(file: string, code: C, params: MessageParams[C] & NameAt): Issue {
  const where = { file, segment: { key: params.segment, name: segmentText(params).ja }, value: params.value };
  return toIssue(issue(code, params, where) as AnyIssueDraft);
}

/** The params of a name issue of a file of `ctx`'s kind on `segment`. */
const at = (ctx: NameContext, segment: SegmentRef, value: string): NameAt => ({ kind: ctx.kind, segment, value });

export function checkMonth(ctx: NameContext, value: string): Issue[] {
  const month = ctx.spec.month;
  if (!month) return [];
  if (month.zero?.value === value) return [];
  // Another kind's zero month (000000 of a 利用者補足 tied to 第1/2表, say) is not this kind's.
  if (ZERO_MONTHS.has(value)) return [nameIssue(ctx.file, 'NAME_ZERO_MONTH_NOT_ALLOWED', at(ctx, 'month', value))];
  const real = /^\d{6}$/.test(value) && isExists(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, 1);
  if (real) return [];
  return [nameIssue(ctx.file, 'NAME_BAD_MONTH', at(ctx, 'month', value))];
}

export function checkOffice(ctx: NameContext, ref: 'senderOffice' | 'receiverOffice', value: string): Issue[] {
  if (!OFFICE_NUMBER.pattern.test(value)) return [nameIssue(ctx.file, 'NAME_BAD_OFFICE', at(ctx, ref, value))];
  // Only a number of the right form has its check digit looked at: one issue per value.
  const expected = wrongCheckDigit(OFFICE_NUMBER.checkDigit, value);
  return expected === undefined ? [] : [nameIssue(ctx.file, 'NAME_OFFICE_CHECK_DIGIT', { ...at(ctx, ref, value), expected })];
}

export function checkServiceType(
  ctx: NameContext,
  ref: 'senderServiceType' | 'receiverServiceType',
  value: string,
): Issue[] {
  if (value.length === FILE_NAME_EDITION_40.serviceSegmentLength && /^[0-9A-Z]+$/.test(value)) {
    return [nameIssue(ctx.file, 'NAME_EDITION_40_SERVICE_SEGMENT', at(ctx, ref, value))];
  }
  if (!SERVICE_TYPE.test(value)) return [nameIssue(ctx.file, 'NAME_BAD_SERVICE_TYPE', at(ctx, ref, value))];
  const type = getServiceType(value);
  if (!type) return [nameIssue(ctx.file, 'NAME_UNKNOWN_SERVICE_TYPE', at(ctx, ref, value))];
  if (!type.inScope) return [nameIssue(ctx.file, 'NAME_SERVICE_TYPE_OUT_OF_SCOPE', at(ctx, ref, value))];
  return [];
}

/** YYYYMMDDHHMMSS naming a real moment: date-fns checks the calendar day; hour 24, minute 60 … are out. */
function isRealDateTime(v: string): boolean {
  const n = (a: number, b: number) => Number(v.slice(a, b));
  return isExists(n(0, 4), n(4, 6) - 1, n(6, 8)) && n(8, 10) <= 23 && n(10, 12) <= 59 && n(12, 14) <= 59;
}

export function checkTimestamp(ctx: NameContext, value: string): Issue[] {
  if (!/^\d{14}$/.test(value)) return [nameIssue(ctx.file, 'NAME_BAD_TIMESTAMP', { ...at(ctx, 'timestamp', value), digits: false })];
  if (isRealDateTime(value)) return [];
  return [nameIssue(ctx.file, 'NAME_BAD_TIMESTAMP', { ...at(ctx, 'timestamp', value), digits: true })];
}

export function checkBranch(ctx: NameContext, value: string): Issue[] {
  const branch = ctx.spec.branch;
  if (!branch || new RegExp(`^\\d{${branch.length}}$`).test(value)) return [];
  return [nameIssue(ctx.file, 'NAME_BAD_BRANCH', at(ctx, 'branch', value))];
}

export function checkExtension(ctx: NameContext, ext: string): Issue[] {
  const { accepted } = ctx.spec.extension;
  if (accepted.includes(ext)) return [];
  const code = accepted.some((a) => a.toLowerCase() === ext.toLowerCase()) ? 'NAME_EXTENSION_CASE' : 'NAME_BAD_EXTENSION';
  return [nameIssue(ctx.file, code, at(ctx, 'extension', ext))];
}

/** Edition-4 names only: whether the kind may flow from the sender's kind of office to the receiver's. */
export function checkDirection(ctx: NameContext, senderType: string, receiverType: string): Issue[] {
  const from = officeRole(senderType);
  const to = officeRole(receiverType);
  if (!from || !to) return []; // an unknown code is reported by its own check
  const directions = ctx.spec.directions;
  if (directions.some((d) => d.from === from && d.to === to)) return [];
  const senderWrong = !directions.some((d) => d.from === from);
  const where = at(ctx, senderWrong ? 'senderServiceType' : 'receiverServiceType', senderWrong ? senderType : receiverType);
  return [nameIssue(ctx.file, 'NAME_DIRECTION', { ...where, senderType, receiverType })];
}

export function kindNotInEdition(ctx: NameContext, edition: FileNameEdition, rest: string): Issue {
  return nameIssue(ctx.file, 'NAME_KIND_NOT_IN_EDITION', { ...at(ctx, 'segments', rest), edition });
}

export function segmentCount(ctx: NameContext, segments: readonly string[]): Issue {
  return nameIssue(ctx.file, 'NAME_SEGMENT_COUNT', { ...at(ctx, 'segments', segments.join('_')), count: segments.length });
}

export function unexpectedMonth(ctx: NameContext, value: string): Issue {
  return nameIssue(ctx.file, 'NAME_UNEXPECTED_MONTH', at(ctx, 'month', value));
}

export function missingMonth(ctx: NameContext, found: string): Issue {
  return nameIssue(ctx.file, 'NAME_MISSING_MONTH', at(ctx, 'month', found));
}

export function unknownPrefix(file: string, prefix: string): Issue {
  return nameIssue(file, 'NAME_UNKNOWN_PREFIX', { segment: 'prefix', value: prefix });
}
