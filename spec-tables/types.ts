// The shape of the spec tables. Everything the library knows about a layout is data of these types;
// schemas, record types, writers and messages are derived from it.

/** How a field's text is checked. Each kind is described (Japanese and English) in `formats.ts`. */
export type FormatKind =
  | 'csvVersion'
  | 'date'
  | 'month'
  | 'time'
  | 'dayMask31'
  | 'insurerNumber'
  | 'insuredNumber'
  | 'officeNumber'
  | 'serviceTypeCode'
  | 'serviceCode'
  | 'equipmentCode'
  | 'integer'
  | 'rate'
  | 'code'
  | 'postalCode'
  | 'phone'
  | 'alphanumeric'
  | 'freeText';

/** Whether `length` is the exact length of a value or only its maximum. */
export type LengthRule = 'exact' | 'max';

export interface FormatSpec {
  readonly ja: string;
  readonly en: string;
  readonly lengthRule: LengthRule;
  /** Free text is the only kind the spec encloses in double quotes. */
  readonly quoted: boolean;
  /** The whole text of a value must match it (kinds without one: code tables, free text). No flags. */
  readonly pattern?: RegExp;
  /** The spec's own example value, as printed; messages quote it. */
  readonly example?: string;
  /** The check digit a value of this kind ends in, where a public source states its scheme (see CheckDigitSpec). */
  readonly checkDigit?: CheckDigitSpec;
}

/**
 * A check digit scheme as the source states it: the last character of a value is computed from the characters
 * before it. Each character is read as a number (0-9 as themselves, then `letters` in order from
 * `firstLetterValue`), multiplied by `weights` repeated from the rightmost character leftwards, each product's
 * decimal digits summed, and the check digit is (modulus − sum mod modulus) mod modulus.
 */
export interface CheckDigitSpec {
  /** The letters a value may hold, in the order of their values (those never used left out). */
  readonly letters: string;
  /** The value of the first of `letters`. */
  readonly firstLetterValue: number;
  /** Weights from the rightmost character before the check digit leftwards, repeated. */
  readonly weights: readonly number[];
  readonly modulus: number;
  /** Where the scheme is stated. */
  readonly source: string;
}

export interface FieldSpec {
  /** Field No. as printed in the layout (1-based, also the column position). */
  readonly no: number;
  /** Stable English key: records are objects keyed by it. Public contract. */
  readonly key: string;
  /** Japanese name exactly as the spec prints it. */
  readonly name: string;
  /** 項目長; `null` where the spec prints ― (no length). */
  readonly length: number | null;
  /** 必須 (○ in the layout). */
  readonly required: boolean;
  /** 必要 column of the 介護予防 layouts (only those layouts print it). */
  readonly needed?: boolean;
  readonly format: FormatKind;
  /** For `format: 'code'`: the id of a table in `code-tables.ts`. */
  readonly codeTable?: string;
  /** Values the spec allows besides the format, e.g. `9999` for a time, `00000000` for a date. */
  readonly sentinels?: readonly string[];
  /** The spec's own notes for the field (書式、選択肢など), condensed. */
  readonly notes?: string;
  /** Set where the source leaves the 必須 mark uncertain: a missing value is a warning, never an error. */
  readonly requiredUncertain?: string;
  /** Set where the source leaves the length uncertain: a length problem is a warning. */
  readonly lengthUncertain?: string;
  /** With `lengthUncertain`: a longer value up to this length is a warning, a still longer one an error. */
  readonly toleratedLength?: number;
  /**
   * Set where the source gives too little to hold the value to its format kind's pattern (only a length and an
   * example): a value of another shape is a warning that quotes the example, never an error.
   */
  readonly formatUncertain?: string;
  /** Set where a fixed value in the notes cannot be placed with confidence: not enforced. */
  readonly valueUncertain?: string;
  /**
   * Values the notes fix for the field on some rows (the 全合計 row's ALL9 9999999999): placeholders that
   * name nothing, so identifier checks such as a check digit do not apply to them. Unlike `sentinels` they are
   * of the field's format and read as themselves (not `null`).
   */
  readonly fixedValues?: readonly string[];
  /**
   * How the field's figure stands to the 単位数 a service-code master gives for the record's サービスコード
   * (ValidateOptions.serviceCodes): `equal` (第7表 単位数, the code's own figure) or `atMost` (a discounted figure:
   * 第6表 単位数, 第7表 割引後単位数). Only on integer fields of a layout with a サービスコード.
   */
  readonly masterUnits?: 'equal' | 'atMost';
  /** Set where the fact was inferred rather than read (edition-3 layouts): why and from what. */
  readonly inferred?: string;
  /** Where this table deliberately differs from the reference transcription, and why. */
  readonly sourceNote?: string;
  // Record rules: what a note says about this field in relation to another field of the same record. One generic
  // rule (src/validate/record-rules.ts) reads them; a rule with `uncertain` set is reported as a warning.
  /** Required when the condition holds (「「03:その他」の場合は、…に内容を記載する」). */
  readonly requiredWhen?: FieldCondition;
  /** Empty (Null) unless the condition holds. */
  readonly emptyUnless?: FieldCondition;
  /** Values the notes tell senders to write as another value (「短期入所療養介護の場合は22…を設定する」). */
  readonly substitute?: ValueSubstitution;
  /** A date that must not be before another date of the record (a period's end after its start). */
  readonly notBefore?: DateOrder;
  /** A date that must not be after another date of the record (a previous or first date). */
  readonly notAfter?: DateOrder;
}

/**
 * A condition on another field of the same record: with `values`, that field holds one of them; without, it is
 * not empty.
 */
export interface FieldCondition {
  /** Key of the other field, in the same layout. */
  readonly field: string;
  readonly values?: readonly string[];
  /** Set where the source implies rather than states the rule, or leaves it unclear: why. A warning then. */
  readonly uncertain?: string;
}

export interface ValueSubstitution {
  /** Values not to be written in this field. */
  readonly values: readonly string[];
  /** The value the note says to write instead. */
  readonly use: string;
  /** The note, as printed (quoted in messages). */
  readonly noteJa: string;
  readonly uncertain?: string;
}

export interface DateOrder {
  /** Key of the other date field, in the same layout. */
  readonly field: string;
  readonly uncertain?: string;
}

export type LayoutKind =
  | 'UPHOSOKU'
  | 'UP1KYO'
  | 'DLT1KYO'
  | 'UP2KYO'
  | 'UP3KYO'
  | 'UPPLAN'
  | 'UPJSK'
  | 'DLTPLAN'
  | 'DLTJSK'
  | 'UPSIKYU'
  | 'UPKIHON'
  | 'DLTKIHON'
  | 'UPKIHON_SUB1'
  | 'UPKIHON_SUB2'
  | 'UPYOBO'
  | 'DLTYOBO'
  | 'UPYOBO_SUB';

export interface LayoutSpec {
  /** The file kind whose layout this is. UPJSK shares UPPLAN's layout (see `sharedWith`). */
  readonly kind: LayoutKind;
  /** Other kinds that use exactly this layout. */
  readonly sharedWith?: readonly LayoutKind[];
  /** File name as the spec prints it (ファイル名称). */
  readonly nameJa: string;
  readonly fields: readonly FieldSpec[];
  /** Set on a whole layout inferred rather than read from its edition's text. */
  readonly inferred?: string;
}

/** An attribute change of a field: the new value, or `null` to remove the attribute. `no` and `key` stay. */
export type FieldChange = { readonly [A in Exclude<keyof FieldSpec, 'no' | 'key'>]?: FieldSpec[A] | null };

/** A field an edition inserts: every attribute but `no`, which follows from the position. */
export type NewFieldSpec = Omit<FieldSpec, 'no'>;

/** Insert `field` right after the field keyed `after` (a field of the base layout or one added earlier). */
export interface FieldAddition {
  readonly after: string;
  readonly field: NewFieldSpec;
}

/**
 * What an edition changes in one layout of its base edition. Applied in this order: `remove`, `change`, `add`;
 * then every field is renumbered (No. = position).
 */
export interface LayoutDelta {
  /** Keys of base fields the edition does not have. */
  readonly remove?: readonly string[];
  /** Per base field key: attributes to change (`null` removes an attribute). */
  readonly change?: { readonly [key: string]: FieldChange };
  /** Fields to insert, in order. */
  readonly add?: readonly FieldAddition[];
}

interface EditionCommon {
  /** Short edition id used by the API: '4.1', '4.0', '3.2'. */
  readonly id: string;
  /** The CSVバージョン value files of this edition carry (one edition per value). */
  readonly csvVersion: string;
  /** The file-naming generation (ファイル名規約) of this edition's files. */
  readonly naming: FileNameEdition;
  /** Set when the whole edition is inferred rather than read from its own text: why and from what. */
  readonly inferred?: string;
  /** The edition whose CSVバージョン value replaced this one's for the same period (4.0's 202504 → 4.1). */
  readonly supersededBy?: string;
}

/** The edition every other one derives from: its layouts written out in full. */
export interface RootEditionSpec extends EditionCommon {
  readonly layouts: { readonly [K in LayoutKind]?: LayoutSpec };
}

/** An edition as a delta on its base edition: kinds not listed are the base's unchanged. */
export interface DerivedEditionSpec extends EditionCommon {
  /** Id of the edition this one is a delta on. */
  readonly base: string;
  readonly layouts?: { readonly [K in LayoutKind]?: LayoutDelta };
  /** Kinds of the base this edition does not have. */
  readonly withoutKinds?: readonly LayoutKind[];
}

export type EditionSpec = RootEditionSpec | DerivedEditionSpec;

/** One row of the CSVバージョン history. */
export interface CsvVersionSpec {
  readonly value: string;
  /** Edition label as the spec prints it (初版, 第2版, …, 第4.1版). */
  readonly edition: string;
  /** Short edition id used by the API: '1', '2', '3', '3.1', '3.2', '4.0', '4.1'. */
  readonly editionId: string;
  /** First service month (YYYY-MM) the version applies to. */
  readonly appliesFrom: string;
  /** Whether a later edition replaced this value for the same period (4.0's 202504 → 4.1's 202407). */
  readonly superseded?: string;
  readonly summary: string;
}

export interface CodeTableSpec {
  readonly id: string;
  readonly name: string;
  readonly entries: readonly (readonly [code: string, label: string])[];
  /** Where the spec defines the table: 【コード表】 or a field's inline list. */
  readonly source: string;
}

export interface ServiceTypeSpec {
  readonly code: string;
  readonly name: string;
  readonly group: 'kaigo' | 'yobo' | 'sogo' | 'careManagement';
  /** 連携対象 in spec §1.3 / §1.4; care-management codes are senders, not in those tables. */
  readonly inScope: boolean;
  readonly source: string;
}

/** Every kind of file that travels in the exchange: the CSV kinds and the 家族構成 image (JPEG). */
export type FileNameKind = LayoutKind | 'UPKIHON_IMAGE';

/** A naming generation: edition 3 (3.0–3.2, no service type codes) or edition 4 (4.0/4.1, with them). */
export type FileNameEdition = 3 | 4;

/** What a '_'-separated segment of a file name after the prefix holds. */
export type FileNameSegmentKey =
  | 'month'
  | 'senderOffice'
  | 'senderServiceType'
  | 'receiverOffice'
  | 'receiverServiceType'
  | 'timestamp'
  | 'branch';

export interface FileNameSegmentSpec {
  /** Japanese name of the segment as the ファイル名規約 prints it. */
  readonly ja: string;
  readonly en: string;
  /** Exact length in characters. */
  readonly length: number;
}

/** The segments of one naming generation, between the prefix and the extension (month and branch excluded). */
export interface FileNameEditionSpec {
  readonly edition: FileNameEdition;
  readonly segments: readonly FileNameSegmentKey[];
  readonly source: string;
}

/** The kinds of office at either end of an exchange, told apart by the service type code in the name. */
export type OfficeRole = 'careManager' | 'preventionCareManager' | 'provider';

export interface OfficeRoleSpec {
  readonly ja: string;
  readonly en: string;
  /** Service type codes of this role; `null` for providers: every known code of the groups listed. */
  readonly serviceTypes: readonly string[] | null;
  readonly groups?: readonly ServiceTypeSpec['group'][];
  readonly source: string;
}

export interface FileDirectionSpec {
  readonly from: OfficeRole;
  readonly to: OfficeRole;
  /** Where the spec allows this direction. */
  readonly source: string;
}

export interface FileNameMonthSpec {
  /** The segment's name as the kind's ファイル名規約 prints it. */
  readonly ja: '提供年月' | '対象年月';
  readonly en: string;
  /** What the month is, where the rule's name alone does not say it (deletions: the month to delete). */
  readonly meaningJa: string;
  readonly meaningEn: string;
  /** The record field that must carry the same month (key of the kind's layout). */
  readonly recordField: string;
  /** `000000` allowed, and when (利用者補足情報 tied to 第1/2表). */
  readonly zero?: { readonly value: '000000'; readonly whenJa: string; readonly whenEn: string };
}

export interface FileNameSpec {
  /** The prefix as printed; always equal to the kind. */
  readonly prefix: string;
  /** The document's name as the spec prints it. */
  readonly nameJa: string;
  readonly nameEn: string;
  /** The short name people call it by (第7表 rather than サービス利用票別表), for messages and reports: 第7表（UPSIKYU）. */
  readonly shortJa: string;
  readonly shortEn: string;
  /** The month segment right after the prefix; absent when the kind's names carry none. */
  readonly month?: FileNameMonthSpec;
  /** The 枝番 segment after the timestamp (UPKIHON_IMAGE only). */
  readonly branch?: { readonly ja: string; readonly en: string; readonly length: number };
  /** A withdrawal file (DLT…). */
  readonly deletion: boolean;
  /** `canonical` is what a writer uses; `accepted` are read without comment (the spec prints them). */
  readonly extension: { readonly canonical: string; readonly accepted: readonly string[]; readonly note?: string };
  /** Naming generations that have this kind. */
  readonly editions: readonly FileNameEdition[];
  /** Set where an edition-3 name of this kind was not printed on a recovered page and is inferred. */
  readonly edition3Inferred?: string;
  /** Who may send this kind to whom (edition 4; edition-3 names carry no service type to tell). */
  readonly directions: readonly FileDirectionSpec[];
  /** Position of the kind inside its send unit when importing: bases before their dependents. */
  readonly importRank: number;
  /** Where the rule is printed. */
  readonly source: string;
  /** Where the printed examples depart from the rule (kept as printed; the rule wins). */
  readonly sourceNote?: string;
}
