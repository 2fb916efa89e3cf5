// The TypeScript types of typed records, inferred from the `as const` spec tables: no field is named here. A
// field's type follows from its format kind (the same mapping as VALUE_CODECS in value-codecs.ts), its code
// table (a literal union), its sentinels (`null`) and its 必須 mark (a required property or an optional one).
// Edition deltas (spec-tables/edition-*.ts) are applied as src/spec.ts applies them: removed fields are absent,
// changed attributes replace the base's (`null` removes one).
import type { CodeTableId } from '../../spec-tables/index.js';
import type { CsvVersion, EditionOf, FileKind, LayoutKindOf, Layouts41, RemovedKeys } from '../spec.js';
import type { CodeOf } from './value-codecs.js';

/** A date as 'YYYY-MM-DD' (no Date object, no time zone). */
export type IsoDate = string;
/** A month as 'YYYY-MM'. */
export type IsoMonth = string;
/** A time of day as 'HH:MM' (00:00-23:59). */
export type ClockTime = string;

type DeltaOf<V extends CsvVersion, L extends string> = EditionOf<V> extends { readonly layouts: infer Ls }
  ? L extends keyof Ls
    ? Ls[L]
    : {}
  : {};
type ChangesOf<D> = D extends { readonly changeFields: infer C } ? C : {};
type NullKeys<Ch> = { [A in keyof Ch]: Ch[A] extends null ? A : never }[keyof Ch];
type Apply<F, Ch> = {
  readonly [A in Exclude<keyof F | keyof Ch, NullKeys<Ch>>]: A extends keyof Ch ? Ch[A] : A extends keyof F ? F[A] : never;
};
type Resolve<F, C> = F extends { readonly key: infer Key } ? (Key extends keyof C ? Apply<F, C[Key]> : F) : never;

/** The field specs of a kind's layout in a CSVバージョン, as types: edition 4.1's with the edition's delta applied. */
export type FieldSpecOf<K extends FileKind, V extends CsvVersion = '202407'> = Resolve<
  Exclude<Layouts41[LayoutKindOf<K>]['fields'][number], { readonly key: RemovedKeys<V, LayoutKindOf<K>> }>,
  ChangesOf<DeltaOf<V, LayoutKindOf<K>>>
>;

/** The typed value of each format kind that is not text (every other kind is a `string`). */
interface KindTypes {
  date: IsoDate;
  month: IsoMonth;
  time: ClockTime;
  dayMask31: number[];
  integer: number;
  rate: number;
}

type BaseValue<F, V extends CsvVersion> = F extends { readonly format: 'code'; readonly codeTable: infer T extends CodeTableId }
  ? CodeOf<T>
  : F extends { readonly format: 'csvVersion' }
    ? V
    : F extends { readonly format: infer Kind extends keyof KindTypes }
      ? KindTypes[Kind]
      : string;

/** The typed value of one field: `null` only where the field has sentinels (9999, 00000000, 000000). */
export type FieldValue<F, V extends CsvVersion = '202407'> =
  | BaseValue<F, V>
  | (F extends { readonly sentinels: readonly string[] } ? null : never);

type IsRequired<F> = F extends { readonly required: true } ? (F extends { readonly requiredUncertain: string } ? false : true) : false;
type KeyOf<F> = F extends { readonly key: infer Key extends string } ? Key : never;
type Simplify<T> = { [P in keyof T]: T[P] } & {};

/**
 * A typed record of `kind` in CSVバージョン `V`: each field under its key, typed by its format kind. Fields
 * marked 必須 (and not uncertain) are required properties; every other field is optional and absent when empty.
 * A union of versions gives the union of their records (`TypedRecord<'UPPLAN', CsvVersion>`).
 */
export type TypedRecord<K extends FileKind, V extends CsvVersion = '202407'> = V extends CsvVersion
  ? Simplify<
      { [F in FieldSpecOf<K, V> as IsRequired<F> extends true ? KeyOf<F> : never]: FieldValue<F, V> } & {
        [F in FieldSpecOf<K, V> as IsRequired<F> extends true ? never : KeyOf<F>]?: FieldValue<F, V>;
      }
    >
  : never;

/** A typed record of any kind, as the run-time functions see it. */
export type AnyTypedRecord = { readonly [key: string]: string | number | readonly number[] | null | undefined };
