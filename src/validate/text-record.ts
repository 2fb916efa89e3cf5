// A record as validation reads it: the text of each field under its key, typed from the layouts in the spec
// tables, so that `record.serviceCode` names a field a layout has (a misspelt or unknown key does not compile
// under noPropertyAccessFromIndexSignature) while keys that come from the tables at run time (a field's
// `requiredWhen.field`, a send unit's relation key) still read through the index.
import type { CsvVersion, FieldKeyTable, FileKind } from '../spec.js';

/** The field keys of a kind's layout in any edition (an older edition may lack some, a newer add some). */
export type LayoutFieldKey<K extends FileKind = FileKind> = FieldKeyTable[CsvVersion][K];

/** The fields of a kind's record by key: optional, since an older edition may lack a field (edition 3: TAISコード). */
export type TextRecord<K extends FileKind = FileKind> = { readonly [F in LayoutFieldKey<K>]?: string } & {
  readonly [key: string]: string | undefined;
};
