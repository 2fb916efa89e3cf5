// The TypeScript types of typed records, inferred from the `as const` spec tables: no field is named here. A
// field's type follows from its format kind (the same mapping as VALUE_CODECS in value-codecs.ts), its code
// table (a literal union), its sentinels (`null`) and its 必須 mark (a required property or an optional one).
// Edition deltas (spec-tables/edition-*.ts) are applied as src/spec.ts applies them: removed fields are absent,
// changed attributes replace the base's (`null` removes one), added fields are present.
import type { CodeTableId } from '../../spec-tables/index.js';
import type { CsvVersion, CurrentCsvVersion, FieldSpecTable, FileKind } from '../spec.js';
import type { CodeOf } from './value-codecs.js';

/** A date as 'YYYY-MM-DD' (no Date object, no time zone). */
export type IsoDate = string;
/** A month as 'YYYY-MM'. */
export type IsoMonth = string;
/** A time of day as 'HH:MM' (00:00-23:59). */
export type ClockTime = string;

/**
 * The field specs of a kind's layout in a CSVバージョン, as types: the root edition's with the edition's deltas
 * applied (looked up in `FieldSpecTable`, computed once per kind and version).
 */
export type FieldSpecOf<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = FieldSpecTable[V][K];

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
export type FieldValue<F, V extends CsvVersion = CurrentCsvVersion> =
  | BaseValue<F, V>
  | (F extends { readonly sentinels: readonly string[] } ? null : never);

type IsRequired<F> = F extends { readonly required: true } ? (F extends { readonly requiredUncertain: string } ? false : true) : false;
type KeyOf<F> = F extends { readonly key: infer Key extends string } ? Key : never;
type Simplify<T> = { [P in keyof T]: T[P] } & {};

/** The typed record of one kind in one CSVバージョン, from the kind's field specs `Specs` in that version. */
type RecordOfSpecs<Specs, V extends CsvVersion> = Simplify<
  { [F in Specs as IsRequired<F> extends true ? KeyOf<F> : never]: FieldValue<F, V> } & {
    [F in Specs as IsRequired<F> extends true ? never : KeyOf<F>]?: FieldValue<F, V>;
  }
>;

/**
 * The typed record of every file kind in every CSVバージョン, computed once (a lookup table). `TypedRecord` looks
 * records up here, so that a generic use (`TypedRecord<K, V>` inside a generic function or type) is an indexed
 * access rather than a mapped type over a generic union of field specs, which the compiler would have to relate
 * structurally, over every field of every layout, for each instantiation.
 */
type TypedRecordTable = { readonly [V in CsvVersion]: { readonly [K in FileKind]: RecordOfSpecs<FieldSpecOf<K, V>, V> } };

/**
 * A typed record of `kind` in CSVバージョン `V`: each field under its key, typed by its format kind. Fields
 * marked 必須 (and not uncertain) are required properties; every other field is optional and absent when empty.
 * A union of versions gives the union of their records (`TypedRecord<'UPPLAN', CsvVersion>`); so does a union of
 * kinds (each kind's record, not one record with the fields of all).
 */
export type TypedRecord<K extends FileKind, V extends CsvVersion = CurrentCsvVersion> = TypedRecordTable[V][K];

/** A typed record of any kind, as the run-time functions see it. */
export type AnyTypedRecord = { readonly [key: string]: string | number | readonly number[] | null | undefined };
