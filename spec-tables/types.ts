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
  /** Set where a fixed value in the notes cannot be placed with confidence: not enforced. */
  readonly valueUncertain?: string;
  /** Set where the fact was inferred rather than read (edition-3 layouts): why and from what. */
  readonly inferred?: string;
  /** Where this table deliberately differs from the reference transcription, and why. */
  readonly sourceNote?: string;
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
