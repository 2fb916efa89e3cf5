// One check per kind of name segment. Each returns the located issues it finds: the file, the segment
// (key and Japanese name) and its value as found, with a message that names both.
import { isExists } from 'date-fns/isExists';
import {
  FILE_NAME_EDITION_40,
  FORMATS,
  OFFICE_CATEGORY,
  OFFICE_ROLES,
  type FileNameEdition,
  type FileNameKind,
  type FileNameSegmentKey,
  type FileNameSpec,
} from '../../spec-tables/index.js';
import { type Issue } from '../issues.js';
import { nameRuleIssue, type NameRuleCode } from '../rules/name.js';
import { getServiceType } from '../service-types.js';
import { FILE_NAME_KINDS, fileNameSpec, officeRole, ruleText, segmentLayout, segmentName } from './rules.js';

/** What an issue can be about: a segment, or the name as a whole. */
export type SegmentRef = FileNameSegmentKey | 'prefix' | 'segments' | 'extension';

export interface NameContext {
  readonly file: string;
  readonly kind: FileNameKind;
  readonly spec: FileNameSpec;
}

const WHOLE: Record<Exclude<SegmentRef, FileNameSegmentKey>, { ja: string; en: string }> = {
  prefix: { ja: '接頭辞（ファイル種別）', en: 'prefix (file kind)' },
  segments: { ja: '接頭辞の後の部分', en: 'part after the prefix' },
  extension: { ja: '拡張子', en: 'extension' },
};

const OFFICE_NUMBER = FORMATS.officeNumber;
const SERVICE_TYPE = FORMATS.serviceTypeCode.pattern;

export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function nameOf(spec: FileNameSpec | undefined, ref: SegmentRef): { ja: string; en: string } {
  if (ref === 'prefix' || ref === 'segments' || ref === 'extension') return WHOLE[ref];
  return spec ? segmentName(spec, ref) : { ja: ref, en: ref };
}

/** A name issue located on one segment. `ja`/`en` are the message after 「segment」"value". */
export function nameIssue(
  file: string,
  spec: FileNameSpec | undefined,
  ref: SegmentRef,
  value: string,
  code: NameRuleCode,
  ja: string,
  en: string,
): Issue {
  const name = nameOf(spec, ref);
  const sepJa = ja.startsWith('：') ? '' : ' ';
  const sepEn = en.startsWith(':') ? '' : ' ';
  const messageJa = `ファイル名の「${name.ja}」${quote(value)}${sepJa}${ja}`;
  const messageEn = `File name ${name.en} ${quote(value)}${sepEn}${en}`;
  return nameRuleIssue(code, messageJa, messageEn, { file, segment: { key: ref, name: name.ja }, value });
}

export function kindLabel(kind: FileNameKind): { ja: string; en: string } {
  const spec = fileNameSpec(kind);
  return { ja: `${kind}（${spec.nameJa}）`, en: `${kind} (${spec.nameEn})` };
}

function lengthNote(value: string): { ja: string; en: string } {
  const n = [...value].length;
  return { ja: `${n}文字`, en: `${n} characters` };
}

export function checkMonth(ctx: NameContext, value: string): Issue[] {
  const month = ctx.spec.month;
  if (!month) return [];
  const k = kindLabel(ctx.kind);
  if (month.zero?.value === value) return [];
  // Which kinds may write a zero month instead of a real one, and when.
  const allowed = FILE_NAME_KINDS.flatMap((kind) => {
    const zero = fileNameSpec(kind).month?.zero;
    return zero?.value === value ? [{ ja: `${kind}（${zero.whenJa}）`, en: `${kind} (${zero.whenEn})` }] : [];
  });
  if (allowed.length > 0) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        'month',
        value,
        'NAME_ZERO_MONTH_NOT_ALLOWED',
        `は ${k.ja} では使えません。${value} を使えるのは ${allowed.map((a) => a.ja).join('、')} だけです。${k.ja} の${month.ja}は${month.meaningJa}（YYYYMM）です。`,
        `is not allowed for ${k.en}: only ${allowed.map((a) => a.en).join(', ')} may carry ${value}. Here it is ${month.meaningEn} (YYYYMM).`,
      ),
    ];
  }
  const real = /^\d{6}$/.test(value) && isExists(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, 1);
  if (real) return [];
  const zeroJa = month.zero ? `、または${month.zero.whenJa}の${month.zero.value}` : '';
  const zeroEn = month.zero ? `, or ${month.zero.value} ${month.zero.whenEn}` : '';
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      'month',
      value,
      'NAME_BAD_MONTH',
      `は実在する年月（YYYYMM）ではありません。${k.ja} の${month.ja}は${month.meaningJa}で、YYYYMM${zeroJa}と書きます。`,
      `is not a real month (YYYYMM). For ${k.en} it is ${month.meaningEn}, written YYYYMM${zeroEn}.`,
    ),
  ];
}

/** What is wrong with an office number that does not match its format kind: the first character at fault. */
function officeFault(value: string): { ja: string; en: string } {
  const chars = [...value];
  const n = lengthNote(value);
  if (chars.length !== 10) {
    return { ja: `は10桁ではありません（${n.ja}）`, en: `${/^\d+$/.test(value) ? 'is not 10 digits' : 'does not have 10 characters'} (${n.en})` };
  }
  const at = chars.findIndex((ch, i) => !(i === 2 ? OFFICE_CATEGORY : /[0-9]/).test(ch));
  const ch = chars[at] ?? '';
  if (at !== 2) return { ja: `の${at + 1}桁目 ${ch} が数字ではありません`, en: `has ${JSON.stringify(ch)} as character ${at + 1}, not a digit` };
  if (/[IOQ]/.test(ch)) {
    return { ja: `の3桁目（事業所区分）${ch} は使われない英字です（I・O・Q は数字と紛れるため使いません）`, en: `has ${ch} as its 3rd character (office category): I, O and Q are never used` };
  }
  if (/[a-z]/.test(ch)) return { ja: `の3桁目（事業所区分）が英小文字 ${ch} です（英大文字で書きます）`, en: `has a lower-case ${ch} as its 3rd character (office category): letters are upper-case` };
  return { ja: `の3桁目（事業所区分）${ch} は数字でも英大文字でもありません`, en: `has ${JSON.stringify(ch)} as its 3rd character (office category), neither a digit nor an upper-case letter` };
}

export function checkOffice(ctx: NameContext, ref: 'senderOffice' | 'receiverOffice', value: string): Issue[] {
  if (OFFICE_NUMBER.pattern.test(value)) return [];
  const fault = officeFault(value);
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      ref,
      value,
      'NAME_BAD_OFFICE',
      `${fault.ja}。${OFFICE_NUMBER.ja}の形で書きます。`,
      `${fault.en}. Expected: ${OFFICE_NUMBER.en}.`,
    ),
  ];
}

export function checkServiceType(
  ctx: NameContext,
  ref: 'senderServiceType' | 'receiverServiceType',
  value: string,
): Issue[] {
  if (value.length === FILE_NAME_EDITION_40.serviceSegmentLength && /^[0-9A-Z]+$/.test(value)) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        ref,
        value,
        'NAME_EDITION_40_SERVICE_SEGMENT',
        `は3桁です。これは第4.0版の規約「${FILE_NAME_EDITION_40.nameJa}」の名前です。第4.1版でこの位置はサービス種類コード2桁（例: 11, 2A, A1）に変わりました。`,
        `has 3 characters: this is the edition-4.0 rule (${FILE_NAME_EDITION_40.nameEn}). Edition 4.1 replaced it with the 2-character service type code (e.g. 11, 2A, A1).`,
      ),
    ];
  }
  if (!SERVICE_TYPE.test(value)) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        ref,
        value,
        'NAME_BAD_SERVICE_TYPE',
        `はサービス種類コード（英大文字・数字2桁、例: 11, 2A, A1）の形ではありません。`,
        `is not a service type code (2 upper-case letters or digits, e.g. 11, 2A, A1).`,
      ),
    ];
  }
  const type = getServiceType(value);
  if (!type) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        ref,
        value,
        'NAME_UNKNOWN_SERVICE_TYPE',
        `は仕様（§1.3・§1.4）にないサービス種類コードです。`,
        `is not a service type code listed by the spec (§1.3, §1.4).`,
      ),
    ];
  }
  if (!type.inScope) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        ref,
        value,
        'NAME_SERVICE_TYPE_OUT_OF_SCOPE',
        `（${type.name}）はデータ連携の対象外のサービス種類です（${type.source}）。`,
        `(${type.name}) is a service type outside the scope of the exchange (${type.source}).`,
      ),
    ];
  }
  return [];
}

/** YYYYMMDDHHMMSS naming a real moment: date-fns checks the calendar day; hour 24, minute 60 … are out. */
function isRealDateTime(v: string): boolean {
  const n = (a: number, b: number) => Number(v.slice(a, b));
  return isExists(n(0, 4), n(4, 6) - 1, n(6, 8)) && n(8, 10) <= 23 && n(10, 12) <= 59 && n(12, 14) <= 59;
}

export function checkTimestamp(ctx: NameContext, value: string): Issue[] {
  if (!/^\d{14}$/.test(value)) {
    const n = lengthNote(value);
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        'timestamp',
        value,
        'NAME_BAD_TIMESTAMP',
        `は14桁の数字（YYYYMMDDHHMMSS）ではありません（${n.ja}）。`,
        `is not 14 digits (YYYYMMDDHHMMSS) (${n.en}).`,
      ),
    ];
  }
  if (isRealDateTime(value)) return [];
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      'timestamp',
      value,
      'NAME_BAD_TIMESTAMP',
      `は実在する日時（YYYYMMDDHHMMSS）ではありません。`,
      `is not a real date and time (YYYYMMDDHHMMSS).`,
    ),
  ];
}

export function checkBranch(ctx: NameContext, value: string): Issue[] {
  const branch = ctx.spec.branch;
  if (!branch || new RegExp(`^\\d{${branch.length}}$`).test(value)) return [];
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      'branch',
      value,
      'NAME_BAD_BRANCH',
      `は${branch.length}桁の数字ではありません（例: 0001）。`,
      `is not ${branch.length} digits (e.g. 0001).`,
    ),
  ];
}

export function checkExtension(ctx: NameContext, ext: string): Issue[] {
  const { accepted, canonical } = ctx.spec.extension;
  if (accepted.includes(ext)) return [];
  const k = kindLabel(ctx.kind);
  if (accepted.some((a) => a.toLowerCase() === ext.toLowerCase())) {
    return [
      nameIssue(
        ctx.file,
        ctx.spec,
        'extension',
        ext,
        'NAME_EXTENSION_CASE',
        `は大文字・小文字が規約と違います。${k.ja} の拡張子は "${canonical}" です。`,
        `differs in letter case from the rule: ${k.en} files end in "${canonical}".`,
      ),
    ];
  }
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      'extension',
      ext,
      'NAME_BAD_EXTENSION',
      ext === '' ? `：拡張子がありません。${k.ja} の拡張子は "${canonical}" です。` : `は使えません。${k.ja} の拡張子は "${canonical}" です。`,
      ext === '' ? `: the extension is missing; ${k.en} files end in "${canonical}".` : `is not allowed: ${k.en} files end in "${canonical}".`,
    ),
  ];
}

const roleLabel = (role: keyof typeof OFFICE_ROLES): { ja: string; en: string } => OFFICE_ROLES[role];

/** Edition-4 names only: whether the kind may flow from the sender's kind of office to the receiver's. */
export function checkDirection(ctx: NameContext, senderType: string, receiverType: string): Issue[] {
  const from = officeRole(senderType);
  const to = officeRole(receiverType);
  if (!from || !to) return []; // an unknown code is reported by its own check
  const directions = ctx.spec.directions;
  if (directions.some((d) => d.from === from && d.to === to)) return [];
  const senderWrong = !directions.some((d) => d.from === from);
  const k = kindLabel(ctx.kind);
  const allowedJa = directions.map((d) => `${roleLabel(d.from).ja}→${roleLabel(d.to).ja}`).join('、');
  const allowedEn = directions.map((d) => `${roleLabel(d.from).en} → ${roleLabel(d.to).en}`).join('; ');
  const foundJa = `${senderType}（${roleLabel(from).ja}）から ${receiverType}（${roleLabel(to).ja}）へ`;
  const foundEn = `from ${senderType} (${roleLabel(from).en}) to ${receiverType} (${roleLabel(to).en})`;
  return [
    nameIssue(
      ctx.file,
      ctx.spec,
      senderWrong ? 'senderServiceType' : 'receiverServiceType',
      senderWrong ? senderType : receiverType,
      'NAME_DIRECTION',
      `：${k.ja} が ${foundJa}送られています。このファイルの向きは ${allowedJa} です。送信元と送信先が入れ替わっていないか確認してください。`,
      `: ${k.en} is sent ${foundEn}. This kind flows ${allowedEn}. Check that sender and receiver are not swapped.`,
    ),
  ];
}

export function kindNotInEdition(ctx: NameContext, edition: FileNameEdition, rest: string): Issue {
  const k = kindLabel(ctx.kind);
  const editions = ctx.spec.editions;
  const rules = editions.map((e) => ruleText(ctx.kind, e));
  return nameIssue(
    ctx.file,
    ctx.spec,
    'segments',
    rest,
    'NAME_KIND_NOT_IN_EDITION',
    `は第${edition}版の規約${edition === 3 ? '（サービス種類コードなし）' : ''}で書かれていますが、${k.ja} は第${editions.join('・')}版のファイルです。規約: ${rules.map((r) => r.ja).join(' ／ ')}`,
    `follows the edition-${edition} rule, but ${k.en} exists in edition ${editions.join('/')} only. Rule: ${rules.map((r) => r.en).join(' / ')}`,
  );
}

export function segmentCount(ctx: NameContext, segments: readonly string[]): Issue {
  const k = kindLabel(ctx.kind);
  const expected = ctx.spec.editions.map((e) => ({ e, n: segmentLayout(ctx.spec, e).length, rule: ruleText(ctx.kind, e) }));
  return nameIssue(
    ctx.file,
    ctx.spec,
    'segments',
    segments.join('_'),
    'NAME_SEGMENT_COUNT',
    `：接頭辞の後の区切りが${segments.length}個あります。${k.ja} は ${expected.map((x) => `第${x.e}版 ${x.n}個（${x.rule.ja}）`).join('、')} です。`,
    `: ${segments.length} segments after the prefix; ${k.en} has ${expected.map((x) => `${x.n} in edition ${x.e} (${x.rule.en})`).join(', ')}.`,
  );
}

export function unexpectedMonth(ctx: NameContext, value: string): Issue {
  const k = kindLabel(ctx.kind);
  return nameIssue(
    ctx.file,
    ctx.spec,
    'month',
    value,
    'NAME_UNEXPECTED_MONTH',
    `：${k.ja} の名前には年月の区切りはありません（規約: ${ruleText(ctx.kind, 4).ja}）。`,
    `: ${k.en} names carry no month (rule: ${ruleText(ctx.kind, 4).en}).`,
  );
}

export function missingMonth(ctx: NameContext, found: string): Issue {
  const k = kindLabel(ctx.kind);
  const month = ctx.spec.month!;
  return nameIssue(
    ctx.file,
    ctx.spec,
    'month',
    found,
    'NAME_MISSING_MONTH',
    `が${month.ja}の位置にあります：${k.ja} の名前は接頭辞の直後に${month.ja}（YYYYMM、${month.meaningJa}）が必要です。`,
    `stands where the ${month.en} belongs: ${k.en} names carry the ${month.en} (YYYYMM, ${month.meaningEn}) right after the prefix.`,
  );
}

export function unknownPrefix(file: string, prefix: string): Issue {
  const upper = prefix.toUpperCase();
  const caseHint = FILE_NAME_KINDS.includes(upper as FileNameKind);
  const list = FILE_NAME_KINDS.join(', ');
  return nameIssue(
    file,
    undefined,
    'prefix',
    prefix,
    'NAME_UNKNOWN_PREFIX',
    caseHint
      ? `は大文字で ${upper} と書きます。`
      : `は仕様にないファイル種別です。ファイル名は ${list} のいずれかで始まります。`,
    caseHint ? `must be written in upper case: ${upper}.` : `is not a file kind of the spec. Names start with one of ${list}.`,
  );
}
