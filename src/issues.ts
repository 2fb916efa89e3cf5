// The one shape every problem the library finds is reported in. Public APIs return these; they never throw
// on bad data.
import { expectArguments, expectObject, OBJECT, SEVERITY, STRING } from './arguments.js';
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Stable code, e.g. `FIELD_REQUIRED`, `NAME_BAD_OFFICE`, `CSV_NOT_MS932`. */
  readonly code: string;
  readonly severity: Severity;
  /** File name the issue belongs to, when known. */
  readonly file?: string;
  /** Physical line (1-based) where the record starts, or that of the byte at `offset`; absent for file-level issues. */
  readonly line?: number;
  /** Record index (1-based, data records only); absent for file-level issues. */
  readonly record?: number;
  /** The field concerned: No., English key and Japanese name. */
  readonly field?: { readonly no: number; readonly key: string; readonly name: string };
  /** The file-name segment concerned (name issues): key, e.g. `senderOffice`, and Japanese name. */
  readonly segment?: { readonly key: string; readonly name: string };
  /** Byte offset in the file, for encoding problems. */
  readonly offset?: number;
  /** The send unit (its key, see sendUnitKey) of a unit-level issue. */
  readonly unit?: string;
  /** The files a unit-level issue involves. */
  readonly files?: readonly string[];
  /** The offending value or name segment, as found. */
  readonly value?: string;
  /**
   * The records a cause reported once stands for (CSV_UNKNOWN_VERSION: every record of that version; CSV_FIELD_COUNT:
   * its record): how many, and their lines as runs (see IssueAffected).
   */
  readonly affected?: IssueAffected;
  /**
   * What the message says, as data (JSON-safe: strings, numbers, arrays, plain objects): the values the
   * catalogues of src/messages render `message` and `messageEn` from, typed per code (see `MessageParams`).
   */
  readonly params?: IssueParams;
  /** Japanese message (for people). */
  readonly message: string;
  /** The same message in English. */
  readonly messageEn: string;
  /**
   * What this issue caused and absorbed, per code: issues that only repeat it (FIELD_CSV_VERSION_MISMATCH under
   * CSV_UNKNOWN_VERSION, CSV_BOM under CSV_NOT_MS932, CSV_UNKNOWN_KIND under NAME_UNKNOWN_PREFIX, the field
   * errors of a record under its CSV_FIELD_COUNT) are counted here instead of listed (see src/rules/causes.ts).
   */
  readonly consequences?: IssueConsequences;
}

/**
 * The records one cause stands for. `lines` are runs [from, to] of the lines where consecutive records start (a
 * record of several lines counts at its first); at most MAX_AFFECTED_RUNS runs are kept per file, and the records
 * of runs past them are counted in `linesOmitted`. `excluded`: records whose values were left out of the file's
 * cross-record and send-unit checks (their columns are shifted, so their keys would be garbage).
 */
export interface IssueAffected {
  readonly records: number;
  readonly lines: readonly (readonly [number, number])[];
  readonly linesOmitted?: number;
  readonly excluded?: number;
}

/** Issues a cause absorbed, per code (JSON-safe: code → count). */
export type IssueConsequences = { readonly [code: string]: number };

/** An issue's `params`: JSON-safe values (strings, numbers, booleans, arrays, plain objects), typed per code by MessageParams. */
export type IssueParams = { readonly [key: string]: unknown };

/** Where an issue is; parts given as `undefined` are left out. */
export type IssueLocation = {
  readonly [K in Exclude<keyof Issue, 'code' | 'severity' | 'params' | 'message' | 'messageEn' | 'consequences'>]?: Issue[K] | undefined;
};

/** Build an issue, leaving out the location parts that are not known. */
export function makeIssue(
  code: string,
  severity: Severity,
  message: string,
  messageEn: string,
  where: IssueLocation = {},
): Issue {
  expectArguments('makeIssue', [['code', code, STRING], ['severity', severity, SEVERITY], ['message', message, STRING], ['messageEn', messageEn, STRING], ['where', where, OBJECT]]);
  const issue: Record<string, unknown> = { code, severity };
  for (const [k, v] of Object.entries(where)) if (v !== undefined) issue[k] = v;
  issue['message'] = message;
  issue['messageEn'] = messageEn;
  return issue as unknown as Issue;
}

/**
 * Issues in reading order: those of the whole file and of its bytes (located by byte offset, which have a line
 * too) first, then by line, then byte offset, then field No. (chunking never changes the order).
 */
export function byPosition(a: Issue, b: Issue): number {
  expectObject('byPosition', 'a', a);
  expectObject('byPosition', 'b', b);
  return lineKey(a) - lineKey(b) || (a.offset ?? -1) - (b.offset ?? -1) || (a.field?.no ?? 0) - (b.field?.no ?? 0);
}

const lineKey = (issue: Issue): number => (issue.offset !== undefined ? 0 : (issue.line ?? 0));
