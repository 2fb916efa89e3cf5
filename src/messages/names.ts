// How messages of the file-name rules name things: the segment and its value as found, the kind, the month
// the kind carries, an office number's first fault. Read from the file-name tables, so the params stay small.
import { FILE_NAME_EDITION_40, FORMATS, OFFICE_CATEGORY, OFFICE_ROLES, type FileNameKind, type FileNameSegmentKey } from '../../spec-tables/index.js';
import { FILE_NAME_KINDS, fileNameSpec, officeRole, ruleText, segmentLayout, segmentName } from '../filenames/rules.js';
import { getServiceType } from '../service-types.js';

/** What a name issue is about: a segment, or the name as a whole. */
export type SegmentRef = FileNameSegmentKey | 'prefix' | 'segments' | 'extension';

/** Where a name issue is: the kind the prefix gave (absent for an unknown prefix), the segment and its value. */
export type NameAt = { readonly kind?: FileNameKind; readonly segment: SegmentRef; readonly value: string };

type Text = { ja: string; en: string };

const WHOLE: Record<Exclude<SegmentRef, FileNameSegmentKey>, Text> = {
  prefix: { ja: '接頭辞（ファイル種別）', en: 'prefix (file kind)' },
  segments: { ja: '接頭辞の後の部分', en: 'part after the prefix' },
  extension: { ja: '拡張子', en: 'extension' },
};

export function segmentText(p: NameAt): Text {
  if (p.segment === 'prefix' || p.segment === 'segments' || p.segment === 'extension') return WHOLE[p.segment];
  return p.kind ? segmentName(fileNameSpec(p.kind), p.segment) : { ja: p.segment, en: p.segment };
}

/** A name's segment value as messages show it: JSON-quoted, cut after 60 characters. */
export function quoteName(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** `ファイル名の「送信元事業所番号」"…"` + the rest (no space before a rest that starts with ：). */
export function nameJa(p: NameAt, rest: string): string {
  return `ファイル名の「${segmentText(p).ja}」${quoteName(p.value)}${rest.startsWith('：') ? '' : ' '}${rest}`;
}

export function nameEn(p: NameAt, rest: string): string {
  return `File name ${segmentText(p).en} ${quoteName(p.value)}${rest.startsWith(':') ? '' : ' '}${rest}`;
}

export function kindText(kind: FileNameKind | undefined): Text {
  if (!kind) return { ja: '', en: '' };
  const spec = fileNameSpec(kind);
  return { ja: `${kind}（${spec.nameJa}）`, en: `${kind} (${spec.nameEn})` };
}

/** The month segment of a kind (kinds whose month rules are reported have one). */
export function monthOf(kind: FileNameKind | undefined) {
  return kind ? fileNameSpec(kind).month : undefined;
}

/** The kinds that may write `value` (a zero month) instead of a real month, and when. */
export function zeroMonthKinds(value: string): Text[] {
  return FILE_NAME_KINDS.flatMap((kind) => {
    const zero = fileNameSpec(kind).month?.zero;
    return zero?.value === value ? [{ ja: `${kind}（${zero.whenJa}）`, en: `${kind} (${zero.whenEn})` }] : [];
  });
}

function lengthNote(value: string): Text {
  const n = [...value].length;
  return { ja: `${n}文字`, en: `${n} characters` };
}

/** What is wrong with an office number that does not match its format kind: the first character at fault. */
export function officeFault(value: string): Text {
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

export const OFFICE_NUMBER: Text = FORMATS.officeNumber;
export const EDITION_40: Text = { ja: FILE_NAME_EDITION_40.nameJa, en: FILE_NAME_EDITION_40.nameEn };
export const lengthOf = lengthNote;

/** A service type's name and the spec passage that puts it out of scope. */
export function serviceTypeOf(code: string): { name: string; source: string } {
  const type = getServiceType(code);
  return { name: type?.name ?? code, source: type?.source ?? '' };
}

/** NAME_DIRECTION: the direction found and the ones the kind flows in. */
export function directionText(kind: FileNameKind, senderType: string, receiverType: string): { found: Text; allowed: Text } {
  const role = (r: keyof typeof OFFICE_ROLES): Text => OFFICE_ROLES[r];
  const from = officeRole(senderType)!;
  const to = officeRole(receiverType)!;
  const directions = fileNameSpec(kind).directions;
  return {
    found: {
      ja: `${senderType}（${role(from).ja}）から ${receiverType}（${role(to).ja}）へ`,
      en: `from ${senderType} (${role(from).en}) to ${receiverType} (${role(to).en})`,
    },
    allowed: {
      ja: directions.map((d) => `${role(d.from).ja}→${role(d.to).ja}`).join('、'),
      en: directions.map((d) => `${role(d.from).en} → ${role(d.to).en}`).join('; '),
    },
  };
}

/** The editions a kind exists in, with their naming rules. */
export function editionsOf(kind: FileNameKind): { editions: readonly number[]; rules: Text[]; counts: { e: number; n: number; rule: Text }[] } {
  const spec = fileNameSpec(kind);
  return {
    editions: spec.editions,
    rules: spec.editions.map((e) => ruleText(kind, e)),
    counts: spec.editions.map((e) => ({ e, n: segmentLayout(spec, e).length, rule: ruleText(kind, e) })),
  };
}

export { FILE_NAME_KINDS, fileNameSpec, ruleText };
