// fast-check arbitraries of valid field values, by format kind, with realistic Japanese free text.
import fc from 'fast-check';
import { getCodeTable, type Field, type Layout } from '../../src/index.js';

/** Text a care-software user could type: MS932-only characters, quotes, commas, CR/LF. */
export const TEXT_PIECES = ['髙', '﨑', '①', 'ｶﾀｶﾅ', '表', 'ソ', '能', '"', ',', '\r\n', '\n', 'あ', '漢字', '～', '－', 'A', '1', ' ', '㈱', '№', 'Ⅳ', '"",'];
export const freeText = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 8 }).map((p) => p.join(''));
/** Free text that is not empty: a value (an empty field is the optional fields' other choice in recordOf). */
const someText = fc.array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));

export const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const date = fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }).map(
  (d) => `${d.getFullYear()}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`,
);
const month = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}${pad(m, 2)}`);
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h, 2)}${pad(m, 2)}`);

function valueOf(field: Field, csvVersion: string): fc.Arbitrary<string> {
  const len = field.length ?? 0;
  switch (field.format) {
    case 'csvVersion':
      return fc.constant(csvVersion);
    // The spec's "none" sentinels (00000000, 000000 of the 利用者補足) where the field lists them.
    case 'date':
      return field.sentinels ? fc.oneof(date, fc.constantFrom(...field.sentinels)) : date;
    case 'month':
      return field.sentinels ? fc.oneof(month, fc.constantFrom(...field.sentinels)) : month;
    case 'time':
      return field.sentinels ? fc.oneof(time, fc.constant('9999')) : time;
    case 'dayMask31':
      return fc.array(fc.constantFrom('0', '1'), { minLength: 31, maxLength: 31 }).map((d) => d.join(''));
    case 'insurerNumber':
      return digits(6);
    case 'insuredNumber':
      return fc.oneof(digits(10), digits(9).map((d) => `H${d}`));
    case 'officeNumber':
      // 総合事業 providers carry an upper-case letter (not I, O, Q) as the 3rd character, the 事業所区分.
      return fc.oneof(
        { weight: 3, arbitrary: digits(10) },
        { weight: 1, arbitrary: fc.tuple(digits(2), fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'), digits(7)).map((p) => p.join('')) },
      );
    case 'serviceTypeCode':
      return fc.constantFrom('11', '13', '17', '2A', 'A1', '43');
    case 'serviceCode':
      return fc.tuple(fc.constantFrom('11', '17', '67', 'A6'), digits(4)).map(([t, d]) => t + d);
    case 'equipmentCode':
      return fc.tuple(digits(5), digits(6)).map(([a, b]) => `${a}-${b}`);
    case 'integer':
      // Negative numbers fit the integer pattern too (the '-' counts towards the length).
      return fc.integer({ min: -(10 ** (Math.min(len, 9) - 1) - 1), max: 10 ** Math.min(len, 9) - 1 }).map(String);
    case 'rate':
      return fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${pad(b, 2)}`);
    case 'code':
      return fc.constantFrom(...getCodeTable(field.codeTable!)!.entries.map(([c]) => c));
    case 'postalCode':
      return fc.tuple(digits(3), digits(4)).map(([a, b]) => `${a}-${b}`);
    case 'phone':
      return fc.tuple(digits(2), digits(4), digits(4)).map((p) => p.join('-'));
    case 'alphanumeric':
      return fc.constantFrom('1', 'A', '9');
    case 'freeText':
      return len ? digits(Math.min(len, 2)) : someText;
  }
}

/** A record of the layout whose every field is valid by its format (optional fields sometimes empty). */
export function recordOf(layout: Layout): fc.Arbitrary<Record<string, string>> {
  const shape: Record<string, fc.Arbitrary<string>> = {};
  for (const f of layout.fields) {
    const v = valueOf(f, layout.csvVersion);
    shape[f.key] = f.required ? v : fc.oneof({ weight: 3, arbitrary: v }, { weight: 1, arbitrary: fc.constant('') });
  }
  return fc.record(shape);
}
