// Check digits (検証番号) computed from the schemes the spec tables state (CheckDigitSpec, spec-tables/formats.ts).
// Used by the field checker (src/schemas/field-rules.ts), the file-name checks (src/filenames/checks.ts) and
// offered to users as officeCheckDigit / hasValidCheckDigit.
import { expectString } from './arguments.js';
import { FORMATS } from '../spec-tables/formats.js';
import type { CheckDigitSpec } from '../spec-tables/types.js';

/** Each scheme's character values, made once: 0-9 as themselves, the letters from firstLetterValue on. */
const valueTables = new WeakMap<CheckDigitSpec, ReadonlyMap<string, number>>();

function valuesOf(spec: CheckDigitSpec): ReadonlyMap<string, number> {
  let values = valueTables.get(spec);
  if (!values) {
    const entries: [string, number][] = [...'0123456789'].map((d, i) => [d, i]);
    [...spec.letters].forEach((l, i) => entries.push([l, spec.firstLetterValue + i]));
    valueTables.set(spec, (values = new Map(entries)));
  }
  return values;
}

/** The sum of a number's decimal digits (a product of 14 counts 1 + 4, a letter's 20 counts 2 + 0). */
function digitSum(n: number): number {
  let sum = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10)) sum += rest % 10;
  return sum;
}

/**
 * The check digit of `body` (the characters before it) under `spec`, or undefined when `body` holds a
 * character the scheme does not read.
 */
export function checkDigitOf(spec: CheckDigitSpec, body: string): string | undefined {
  const values = valuesOf(spec);
  let sum = 0;
  for (let i = body.length - 1, w = 0; i >= 0; i--, w++) {
    const value = values.get(body[i]!);
    if (value === undefined) return undefined;
    sum += digitSum(value * spec.weights[w % spec.weights.length]!);
  }
  return String((spec.modulus - (sum % spec.modulus)) % spec.modulus);
}

/**
 * The check digit a value of a form that carries one should end in, when it differs from the one it ends in;
 * undefined when the value is right (or is not of the form: its format check reports that).
 */
export function wrongCheckDigit(spec: CheckDigitSpec, value: string): string | undefined {
  const expected = checkDigitOf(spec, value.slice(0, -1));
  return expected !== undefined && expected !== value.slice(-1) ? expected : undefined;
}

const OFFICE = FORMATS.officeNumber;

/**
 * The 検証番号 (10th character) of the 介護保険事業所番号 whose first nine characters are `firstNine`, e.g.
 * `officeCheckDigit('137010000')` is `'8'` and `officeCheckDigit('13A010000')` is `'1'`. Undefined when
 * `firstNine` is not the first nine characters of an office number (digits; the 3rd may be an upper-case letter
 * other than I, O, Q). Scheme: MHLW 資料13, modulus 10, weights 2-1 (see docs/validation.md).
 */
export function officeCheckDigit(firstNine: string): string | undefined {
  expectString('officeCheckDigit', 'firstNine', firstNine);
  if (firstNine.length !== 9 || !OFFICE.pattern.test(`${firstNine}0`)) return undefined;
  return checkDigitOf(OFFICE.checkDigit, firstNine);
}

/**
 * Whether `office` is a 介護保険事業所番号 of the right form whose 10th character is its 検証番号. False for a
 * number of another form (9 characters, a lower-case letter …) as well.
 */
export function hasValidCheckDigit(office: string): boolean {
  expectString('hasValidCheckDigit', 'office', office);
  return OFFICE.pattern.test(office) && checkDigitOf(OFFICE.checkDigit, office.slice(0, 9)) === office[9];
}
