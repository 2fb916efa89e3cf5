// What a file rule is: something that reads a file's records one by one and says what it found, at once or at
// the end. FileValidator (file-validator.ts) runs the rules of src/validate/rules/ over every record, in order.
import type { FileNameInfo } from '../../filenames/index.js';
import type { IssueSink } from '../../issue-sink.js';
import type { FileKind, Layout } from '../../spec.js';
import type { FactNeeds } from '../file-facts.js';
import type { StringTable, UserKeys } from '../packed-summaries.js';
import type { TextRecord } from '../text-record.js';

/** What every rule of one file knows from the start. */
export interface FileScope {
  readonly file: string;
  /** The file name's facts (undefined when the name is not a spec name). */
  readonly info: FileNameInfo | undefined;
  /** The CSV kind: the option, or the one the file name gives. */
  readonly kind: FileKind | undefined;
  /** Where the file's issues go (capped per code, rendered when kept). */
  readonly sink: IssueSink;
  /** Which summaries the file's send unit will read (known before the first record). */
  readonly needs: FactNeeds;
  /** The file's distinct strings, shared by its packed summaries. */
  readonly strings: StringTable;
  /** One flat string per user key, shared by the summaries' maps. */
  readonly userKeys: UserKeys;
}

/** One record, as every rule reads it; typed by the kinds the rule reads (see FileRule.kinds). */
export interface SeenRecord<K extends FileKind = FileKind> {
  readonly record: TextRecord<K>;
  /** The field values in layout order. */
  readonly values: readonly string[];
  readonly layout: Layout;
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  /** Record index (1-based, data records only). */
  readonly index: number;
  /** Where issues about this record are. */
  readonly where: { readonly file: string; readonly line: number; readonly record: number };
}

/**
 * The record the rules are reading: one object per file whose fields are set for each record, rather than an
 * object (and a location) per record that most records never need. Its `where` is made when a rule asks for it
 * — to report an issue — once per record: issues keep it, so it is never reused. A rule must not keep it.
 */
export class CurrentRecord implements SeenRecord {
  record: TextRecord = {} as TextRecord;
  values: readonly string[] = [];
  layout: Layout = undefined as unknown as Layout;
  line = 0;
  index = 0;
  private at: { readonly file: string; readonly line: number; readonly record: number } | undefined;

  constructor(private readonly file: string) {}

  /** The next record. */
  set(record: TextRecord, values: readonly string[], layout: Layout, line: number, index: number): void {
    this.record = record;
    this.values = values;
    this.layout = layout;
    this.line = line;
    this.index = index;
    this.at = undefined;
  }

  get where(): { readonly file: string; readonly line: number; readonly record: number } {
    return (this.at ??= { file: this.file, line: this.line, record: this.index });
  }
}

export interface FileRule {
  /** The kinds whose records the rule reads; every kind when absent. */
  readonly kinds?: readonly FileKind[];
  /** Reads one record (records come in file order; only of `kinds`, so a rule may type `seen` by them). */
  onRecord?(seen: SeenRecord): void;
  /** Says what the rule found once every record is read. */
  finish?(sink: IssueSink): void;
}
