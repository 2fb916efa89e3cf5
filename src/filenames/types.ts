// The public shapes of the file-name API.
import type { FileNameEdition, FileNameKind } from '../../spec-tables/index.js';
import type { Issue } from '../issues.js';

export type { FileNameEdition, FileNameKind };

/** One end of an exchange: the office number and, in edition-4 names, its サービス種類コード. */
export interface OfficeRef {
  /** 事業所番号: 10 digits, the 3rd may be an upper-case letter (総合事業 providers, e.g. 13A0100001). */
  readonly office: string;
  /** サービス種類コード (2 characters, e.g. 11, 2A, A1); absent in edition-3 names. */
  readonly serviceType?: string;
}

/** Everything a file name says. */
export interface FileNameInfo {
  readonly kind: FileNameKind;
  /** Naming generation, recognised from the name itself: 4 with service type codes, 3 without. */
  readonly edition: FileNameEdition;
  /** 提供年月/対象年月 'YYYYMM' (or '000000' where the spec allows it); only kinds whose names carry one. */
  readonly month?: string;
  readonly sender: OfficeRef;
  readonly receiver: OfficeRef;
  /** ファイル連番 'YYYYMMDDHHMMSS': ties the files of a send unit together and fixes the import order. */
  readonly timestamp: string;
  /** 枝番 (4 digits), UPKIHON_IMAGE only. */
  readonly branch?: string;
  /** A withdrawal file (DLT…). */
  readonly deletion: boolean;
}

/** What `formatFileName` takes: `deletion` follows from the kind and may be left out. */
export type FileNameParts = Omit<FileNameInfo, 'deletion'> & { readonly deletion?: boolean };

export interface ParsedFileName {
  /** No error-severity issue (warnings allowed). */
  readonly ok: boolean;
  /**
   * What the name says, present whenever its kind and segment layout were recognised, even with bad
   * segment values (they are kept as found). Trust it only when `ok`.
   */
  readonly info?: FileNameInfo;
  readonly issues: readonly Issue[];
}
