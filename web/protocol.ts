// The messages between the page (web/main.ts, through web/checker.ts) and its worker (web/worker.ts). The
// worker reads and validates; the page only draws. Files cross as File objects (the worker reads them), so
// the page never holds a file's bytes.
import type { Issue, Profile } from '../src/core.ts';
import type { ValidationRun } from '../src/report/issues.ts';

/** A file the user gave: its path as validated (a folder's files by their folder-relative path) and the file. */
export interface PickedFile {
  readonly name: string;
  readonly file: Blob;
}

/**
 * How a file's reading is going (validateFileStreams' onProgress): sent when a file's turn comes, when it is
 * read, and in between at most every PROGRESS_INTERVAL_MS.
 */
export interface Progress {
  /** The file being read (0-based) of `files`. */
  readonly index: number;
  readonly files: number;
  readonly name: string;
  /** Bytes of this file read and checked, and its size. */
  readonly bytes: number;
  readonly size: number;
  /** Records of this file read and checked so far (exact: at its end, its FileReport.records). */
  readonly records: number;
  /** Bytes of all files read and checked, and their total size. */
  readonly totalBytes: number;
  readonly totalSize: number;
}

/** A field of a records table's layout. */
export interface RecordsField {
  readonly no: number;
  readonly key: string;
  readonly name: string;
}

/** One page of a file's records, read in the worker; only this page's records are kept. */
export interface RecordsPage {
  readonly name: string;
  readonly kind: string | undefined;
  readonly csvVersion: string | undefined;
  readonly edition: string | undefined;
  /** The layout's fields, the table's columns (empty when no layout is known). */
  readonly fields: readonly RecordsField[];
  /** The page's records, as their values in layout order, and the physical line each starts on. */
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
  /** The page (0-based), its size, and the file's record count. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** Why no record was read: the file is UTF-8 under the strict profile, no kind, or no CSV version. */
  readonly why?: 'utf8Strict' | 'noKind' | 'noVersion' | 'none';
}

/** The reports the page saves, built in the worker that holds the run (web/report.ts's builders). */
export type ReportFormat = 'json' | 'sarif' | 'csv';

/**
 * The forms of one send unit (web/forms-render.ts), rendered where the files are: its files, the 実績 units' files
 * of the same run (printed beneath its 第6表 予定) and the service-code masters picked with them (service names).
 */
export interface FormsRequest {
  readonly unit: string;
  readonly files: readonly PickedFile[];
  readonly masters: readonly PickedFile[];
  readonly profile: Profile;
}

/** A unit's forms: one HTML document (no script; one inline style sheet) and what it holds. */
export interface FormsResult {
  readonly unit: string;
  /** Empty when the unit gave no document (its files could not be read as one: see the run's issues). */
  readonly html: string;
  readonly sheets: number;
  readonly users: number;
  /** The renderer's issues (FORMS_*). */
  readonly issues: readonly Issue[];
  /** Errors in reading the unit's files: the forms show what could be read. */
  readonly errors: number;
}

export type ToWorker =
  | { readonly type: 'forms'; readonly request: FormsRequest }
  | { readonly type: 'validate'; readonly files: readonly PickedFile[]; readonly profile: Profile }
  | { readonly type: 'report'; readonly format: ReportFormat }
  | {
      readonly type: 'records';
      readonly file: PickedFile;
      readonly profile: Profile;
      readonly page: number;
      readonly pageSize: number;
      /** The file's record count from the view's first page: the page is then read only as far as it reaches. */
      readonly total?: number | undefined;
    };

/**
 * A run's issues cross in batches of at most ISSUES_PER_MESSAGE ('issues'), before the run itself ('validated',
 * its files' and units' issue lists empty): the page takes each message in a task of its own, so that tens of
 * thousands of issues never make one long task of copying (structured clone) on the page's thread.
 */
export type FromWorker =
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'issues'; readonly of: 'file' | 'unit'; readonly index: number; readonly issues: readonly Issue[] }
  | { readonly type: 'validated'; readonly run: ValidationRun }
  | { readonly type: 'records'; readonly records: RecordsPage }
  | { readonly type: 'forms'; readonly forms: FormsResult }
  | { readonly type: 'report'; readonly format: ReportFormat; readonly text: Blob }
  | { readonly type: 'failed'; readonly message: string };

/** The least time between two progress messages: the page redraws at most this often. */
export const PROGRESS_INTERVAL_MS = 100;

/** Issues in one message of a run's issues (a few milliseconds of copying on the page's thread). */
export const ISSUES_PER_MESSAGE = 1000;
