// One cause, one issue: which issues only repeat another one's cause, as data. A cause is reported once; the
// issues it causes (its consequences) are counted under it (Issue.consequences) instead of listed. The sink
// (src/issue-sink.ts) applies this table for every layer, so no rule needs to know which of its findings repeat
// another's.
import type { RuleCode } from './index.js';

/**
 * What one cause absorbs, and what tells one cause of its code from another in a file:
 * - `by: 'file'`: one per file; its consequences are issues of the same file of the codes in `absorbs`, in any
 *   order (resolved when the file's issues are complete).
 * - `by: 'value'`: one per file and value (CSV_UNKNOWN_VERSION per version); `by: 'line'`: one per record (its
 *   line). Their consequences are the issues of a record the reader marked as caused by it (ReadItemRecord.cause):
 *   the codes in `absorbs`, or every issue of that record (`'record'`).
 * `excludes`: the record's values are not trusted as keys: the file's cross-record and send-unit checks leave it
 * out (counted in Issue.affected.excluded).
 */
export interface CauseRule {
  readonly by: 'file' | 'value' | 'line';
  readonly absorbs: readonly RuleCode[] | 'record';
  readonly excludes?: boolean;
  /**
   * The send-unit checks that look for a record's counterpart in another file: with records left out (`excludes`),
   * they cannot tell a missing counterpart from one left out, so in that send unit they are counted under the
   * first such cause of its files rather than listed.
   */
  readonly unitAbsorbs?: readonly RuleCode[];
  /** Likewise the file's own checks over all its records (a 第7表 total row left out is not missing). */
  readonly fileAbsorbs?: readonly RuleCode[];
}

export const CAUSES: Readonly<Partial<Record<RuleCode, CauseRule>>> = {
  // A CSVバージョン the spec does not define: every record of it would also say its version differs from the layout.
  CSV_UNKNOWN_VERSION: { by: 'value', absorbs: ['FIELD_CSV_VERSION_MISMATCH'] },
  // A historic CSVバージョン (201910, 202003): likewise, once per file and version.
  CSV_UNSUPPORTED_VERSION: { by: 'value', absorbs: ['FIELD_CSV_VERSION_MISMATCH'] },
  // Shifted columns: every field and record check of the record reads the wrong column.
  CSV_FIELD_COUNT: {
    by: 'line',
    absorbs: 'record',
    excludes: true,
    unitAbsorbs: [
      'UNIT_KEY_NOT_IN_BASE',
      'UNIT_KEY_NOT_IN_DEPENDENT',
      'UNIT_ANNEX_NOT_IN_PLAN',
      'UNIT_PLAN_NOT_IN_ANNEX',
      // 第7表 sums: a row left out is missing from them.
      'UNIT_ANNEX_SUBTOTAL_MISMATCH',
      'UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH',
      'UNIT_ANNEX_TOTAL_MISMATCH',
      'UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH',
    ],
    fileAbsorbs: ['FILE_TOTAL_MISSING', 'FILE_SUBTOTAL_MISSING', 'RECORD_SUBTOTAL_TYPE'],
  },
  // A UTF-8 file: its BOM is part of its being UTF-8 (a BOM on an MS932 file is still CSV_BOM on its own).
  CSV_NOT_MS932: { by: 'file', absorbs: ['CSV_BOM'] },
  CSV_NOT_MS932_LATE: { by: 'file', absorbs: ['CSV_BOM'] },
  // A name whose kind cannot be told: the reader cannot tell it either.
  NAME_UNKNOWN_PREFIX: { by: 'file', absorbs: ['CSV_UNKNOWN_KIND'] },
  NAME_SEGMENT_COUNT: { by: 'file', absorbs: ['CSV_UNKNOWN_KIND'] },
};

/** A cause as the reader names it on a record (ReadItemRecord.cause): its code, and its line or value. */
export interface CauseRef {
  readonly code: RuleCode;
  readonly line?: number | undefined;
  readonly value?: string | undefined;
}

/** The rule of a cause code, if it is one. */
export function causeRule(code: string): CauseRule | undefined {
  return (CAUSES as Readonly<Record<string, CauseRule>>)[code];
}

/** The key that ties a cause to its consequences within one file (undefined: `code` is no cause). */
export function causeKey(ref: { readonly code: string; readonly line?: number | undefined; readonly value?: string | undefined; readonly file?: string | undefined }): string | undefined {
  const rule = causeRule(ref.code);
  if (!rule) return undefined;
  // A file cause is its file's: one sink may hold several files' issues (comparePlanToActual).
  if (rule.by === 'file') return `${ref.code}%${ref.file ?? ''}`;
  return rule.by === 'line' ? `${ref.code}@${ref.line ?? ''}` : `${ref.code}#${ref.value ?? ''}`;
}

/** Whether an issue of `code` is a consequence of the cause `rule`. */
export function absorbs(rule: CauseRule, code: string): boolean {
  return rule.absorbs === 'record' || (rule.absorbs as readonly string[]).includes(code);
}
