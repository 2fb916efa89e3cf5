// Tokenized rows → records keyed by the layout's field keys, with every structural problem reported at its
// physical line: quotes, header row, field count, quoting of fields, CSVバージョン, line endings. Shared by
// the whole-file and the streaming reader, so both give the same records and issues.
import { type Issue } from '../issues.js';
import type { IssueSink } from '../issue-sink.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../policy.js';
import { issue as draft, type AnyIssueDraft } from '../rules/draft.js';
import type { CauseRef } from '../rules/causes.js';
import { UnknownVersions } from './unknown-versions.js';
import { CSV_VERSIONS, CURRENT_CSV_VERSION, getLayout, isServedCsvVersion, listLayouts, type FileKind, type Layout } from '../spec.js';
import { codePointLabel, isAscii, isEncodable } from './ms932.js';
import { recordFactory, type RecordFactory } from './record-factory.js';
import type { Row, Terminator } from './tokenizer.js';

export type { Terminator };

export type CsvRecord = Record<string, string>;

/** The CSVバージョン values the spec defines (CSV_UNKNOWN_VERSION names them). */
const DEFINED_VERSIONS: readonly string[] = [...new Set(CSV_VERSIONS.map((v) => v.value))];

export interface ReadItemRecord {
  readonly type: 'record';
  readonly record: CsvRecord;
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  /** Data record index (1-based; a header row does not count). */
  readonly index: number;
  readonly csvVersion: string;
  /** The field values in layout order (the record's values, by position). */
  readonly values: readonly string[];
  /** Per field, whether the file enclosed it in quotes. */
  readonly quoted: readonly boolean[];
  /** How the record ended in the file. */
  readonly terminator: Terminator;
  /**
   * The cause, reported once, that this record's own issues would only repeat (src/rules/causes.ts): its
   * CSV_FIELD_COUNT (shifted columns), or the CSV_UNKNOWN_VERSION of its version. The validator counts them
   * under it instead of listing them.
   */
  readonly cause?: CauseRef;
}
export interface ReadItemIssue {
  readonly type: 'issue';
  readonly issue: Issue;
}
export type ReadItem = ReadItemRecord | ReadItemIssue;

export type { ReadLimits };
export { DEFAULT_LIMITS };

/** Records and the physical line where each starts, in parallel. */
export interface KeptRecords {
  readonly records: CsvRecord[];
  readonly lines: number[];
}

export interface RowProcessorOptions {
  /** Where the file's issues go (shared with the byte decoder); its truncation notices come at the end. */
  readonly sink: IssueSink;
  readonly kind?: FileKind;
  readonly limits?: ReadLimits;
  /** The input was UTF-8: report characters that could not be written back in MS932. */
  readonly checkEncodable?: () => boolean;
  /** Where items go as they are found (the whole-file reader); without it they wait for `take`. */
  readonly emit?: (item: ReadItem) => void;
  /**
   * Where records go, with their lines, when nothing else of the item is wanted (readCsvFile): no item object
   * and no call per record. Issues still go to `emit`.
   */
  readonly keep?: KeptRecords;
}

export class RowProcessor {
  private index = 0;
  private fileVersion: string | undefined;
  private stopped = false;
  private full = false;
  private readonly terminators = new Map<Terminator, number>();
  private firstOf = new Map<Terminator, number>();
  private out: ReadItem[] = [];
  /** Whether the first row that is not an empty line was seen (only it may be a header row). */
  private pastHeader = false;

  private readonly limits: ReadLimits;

  // Looked up once per reader, not per record: a file of bad records must cost time in proportion to its size.
  // Keyed by served versions and layout field counts only, so a hostile file cannot grow them.
  private kindLayouts: readonly Layout[] | undefined;
  private readonly byVersion = new Map<string, Layout | undefined>();
  private byCount: { current: Map<number, Layout>; any: Map<number, Layout> } | undefined;
  /** The layout of the file's CSVバージョン (of its kind), once known. */
  private fileLayout: Layout | undefined;
  /** The layout of the last record, its record factory, and the last record built by it (see record-factory.ts). */
  private lastLayout: Layout | undefined;
  private lastFactory: RecordFactory | undefined;
  private lastRecord: CsvRecord | undefined;

  private readonly emitItem: ((item: ReadItem) => void) | undefined;
  private readonly keep: KeptRecords | undefined;
  /** The records of each CSVバージョン the spec does not define: one CSV_UNKNOWN_VERSION each, at the end. */
  private readonly unknownVersions: UnknownVersions;
  /** The cause of the record being read, when it has one (ReadItemRecord.cause). */
  private cause: CauseRef | undefined;

  constructor(private readonly options: RowProcessorOptions) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.unknownVersions = new UnknownVersions(options.sink);
    this.emitItem = options.emit;
    this.keep = options.keep;
  }

  /**
   * The decoder stopped reading (UTF-8 input, not lenient): the text ends mid-record, and that cut-off
   * record is not a problem of the file. Records completed before the stop are kept.
   */
  stop(): void {
    this.stopped = true;
  }

  /** The CSVバージョン of the file: that of its first data record. */
  get csvVersion(): string | undefined {
    return this.fileVersion;
  }

  /** Items found and not yet taken (a row gives a record and its issues: a few). */
  get waiting(): number {
    return this.out.length;
  }

  take(): ReadItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  /** Report an issue into the file's sink (past the cap for its code it is only counted). */
  private report(issue: AnyIssueDraft): void {
    if (this.options.sink.add(issue)) for (const kept of this.options.sink.drain()) this.put({ type: 'issue', issue: kept });
  }

  /** An item, to `emit` at once or into the waiting list. */
  private put(item: ReadItem): void {
    if (this.emitItem) this.emitItem(item);
    else this.out.push(item);
  }

  /** One tokenized row. */
  onRow(row: Row): void {
    const { cells, line } = row;
    if (this.stopped && row.terminator === 'none') return; // the cut-off end of a refused file
    if (this.full) return;
    if (this.index >= this.limits.maxRecords) {
      this.full = true;
      this.report(draft('CSV_TOO_MANY_RECORDS', { line, limit: this.limits.maxRecords }, { line }));
      return;
    }
    if (row.problems.length === 0) this.noteTerminator(row.terminator, line);
    else {
      // A record whose quotes are broken cannot be trusted field by field: reported, not read.
      this.pastHeader = true;
      this.index++;
      this.reportQuoteProblem(row);
      return;
    }
    if (cells.length === 1 && cells[0] === '' && row.raw === '') {
      this.report(draft('CSV_EMPTY_LINE', { line }, { line }));
      return;
    }
    const kind = this.options.kind;
    // The header, if any, is the first row that is not an empty line (a blank line may come before it).
    const first = !this.pastHeader;
    this.pastHeader = true;
    if (first && this.isHeader(cells, kind)) {
      this.report(draft('CSV_HEADER_ROW', { line }, { line, value: row.raw.slice(0, 80) }));
      return;
    }
    this.index++;
    const maxField = this.limits.maxFieldLength;
    let huge = -1;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.length > maxField) {
        huge = i;
        break;
      }
    }
    if (huge >= 0) {
      this.report(draft('CSV_FIELD_TOO_LARGE', { line, field: huge + 1, limit: this.limits.maxFieldLength }, { line, record: this.index, value: cells[huge]!.slice(0, 80) }));
      return;
    }
    if (!kind) return;
    const version = cells[0] ?? '';
    // The file's own version (nearly every record): nothing to report, its layout known.
    const layout = version === this.fileVersion && this.fileLayout ? this.fileLayout : this.layoutFor(version, kind, cells.length, line);
    if (!layout) return;
    this.cause = this.unknownVersions.causeOf(version);
    this.checkShape(row, layout);
    if (layout !== this.lastLayout) {
      this.lastLayout = layout;
      this.lastFactory = recordFactory(layout);
      this.lastRecord = undefined;
    }
    const record: CsvRecord = this.lastFactory!(cells, this.lastRecord);
    this.lastRecord = record;
    if (this.options.checkEncodable?.()) this.checkEncodable(record, layout, line);
    if (this.keep) {
      this.keep.records.push(record);
      this.keep.lines.push(line);
      return;
    }
    this.put({
      type: 'record',
      record,
      line,
      index: this.index,
      csvVersion: layout.csvVersion,
      values: cells,
      quoted: row.quoted,
      terminator: row.terminator,
      ...(this.cause ? { cause: this.cause } : {}),
    });
  }

  private reportQuoteProblem(row: Row): void {
    const { line } = row;
    const p = row.problems[0]!;
    const where = { line, record: this.index, value: row.raw.slice(0, 80) };
    if (p.code === 'CSV_RECORD_TOO_LONG') this.report(draft(p.code, { line, field: p.field + 1, limit: this.limits.maxRecordLength }, where));
    else this.report(draft(p.code, { line, field: p.field + 1 }, where));
  }

  end(): ReadItem[] {
    if (!this.stopped) {
      this.reportLineEndings();
      if (this.index === 0) this.report(draft('CSV_EMPTY_FILE', {}));
    }
    // Known only now: how many records each unknown CSVバージョン was on (reported at its first line).
    // Each was counted against its cap when first seen: kept now, and handed on with the sink's last issues.
    for (const found of this.unknownVersions.drafts(DEFINED_VERSIONS)) this.options.sink.keep(found);
    // The last stage of the reader: the file's truncation notices (the decoder's codes too) come here.
    for (const issue of this.options.sink.finish()) this.put({ type: 'issue', issue });
    return this.take();
  }

  private noteTerminator(t: Terminator, line: number): void {
    this.terminators.set(t, (this.terminators.get(t) ?? 0) + 1);
    if (!this.firstOf.has(t)) this.firstOf.set(t, line);
  }

  private reportLineEndings(): void {
    const lf = this.terminators.get('LF') ?? 0;
    const cr = this.terminators.get('CR') ?? 0;
    const crlf = this.terminators.get('CRLF') ?? 0;
    if (lf + cr === 0) {
      if (this.terminators.get('none')) {
        const line = this.firstOf.get('none');
        this.report(draft('CSV_NO_FINAL_NEWLINE', {}, { line }));
      }
      return;
    }
    const kinds = [crlf && 'CRLF', lf && 'LF', cr && 'CR'].filter(Boolean) as Terminator[];
    if (kinds.length === 1) {
      const k = kinds[0]!;
      this.report(draft(k === 'LF' ? 'CSV_LF_LINE_ENDINGS' : 'CSV_CR_LINE_ENDINGS', {}));
      return;
    }
    const firstOdd = Math.min(...kinds.filter((k) => k !== 'CRLF').map((k) => this.firstOf.get(k) ?? Infinity));
    this.report(draft('CSV_MIXED_LINE_ENDINGS', { endings: kinds, firstLine: firstOdd }, { line: firstOdd }));
  }

  private isHeader(cells: string[], kind: FileKind | undefined): boolean {
    const first = cells[0] ?? '';
    if (/^\d{6}$/.test(first)) return false;
    if (first === 'CSVバージョン' || first === 'csvVersion') return true;
    const layouts = kind ? this.layoutsOfKind(kind) : listLayouts();
    const names = new Set(layouts.flatMap((l) => l.fields.flatMap((f) => [f.name, f.key])));
    return cells.filter((c) => names.has(c)).length >= Math.min(3, cells.length);
  }

  /** The layouts of the file's kind (one per reader), every served CSVバージョン: computed once. */
  private layoutsOfKind(kind: FileKind): readonly Layout[] {
    return (this.kindLayouts ??= listLayouts().filter((l) => l.kind === kind));
  }

  /** getLayout, once per served CSVバージョン met in the file. */
  private layoutOf(kind: FileKind, version: string): Layout | undefined {
    if (!isServedCsvVersion(version)) return undefined;
    if (!this.byVersion.has(version)) this.byVersion.set(version, getLayout(kind, version));
    return this.byVersion.get(version);
  }

  /** The layouts of the kind by field count: the first current one, and the first of any version. */
  private layoutsByCount(kind: FileKind): { current: Map<number, Layout>; any: Map<number, Layout> } {
    if (!this.byCount) {
      const current = new Map<number, Layout>();
      const any = new Map<number, Layout>();
      for (const l of this.layoutsOfKind(kind)) {
        const n = l.fields.length;
        if (!any.has(n)) any.set(n, l);
        if (!l.superseded && !current.has(n)) current.set(n, l);
      }
      this.byCount = { current, any };
    }
    return this.byCount;
  }

  /** The layout for a record's CSVバージョン, reporting unknown, historic and mixed versions. */
  private layoutFor(version: string, kind: FileKind, cellCount: number, line: number): Layout | undefined {
    const record = this.index;
    const where = { line, record, field: { no: 1, key: 'csvVersion', name: 'CSVバージョン' }, value: version };
    if (this.fileVersion === undefined && isServedCsvVersion(version)) this.fileVersion = version;
    if (this.fileVersion !== undefined && version !== this.fileVersion && isServedCsvVersion(version)) {
      this.report(draft('CSV_MIXED_VERSIONS', { version, fileVersion: this.fileVersion }, where));
    }
    const layout = this.layoutOf(kind, version);
    if (layout) {
      if (version === this.fileVersion) this.fileLayout = layout;
      return layout;
    }
    const known = CSV_VERSIONS.find((v) => v.value === version);
    if (known) {
      this.unknownVersions.add(version, line, record, { edition: known.edition, kind });
    } else {
      this.unknownVersions.add(version, line, record);
    }
    // Key the record anyway by the file's version, or by the layout whose field count fits.
    return (this.fileVersion ? this.layoutOf(kind, this.fileVersion) : undefined) ?? this.fallbackFor(kind, cellCount);
  }

  /** The current layout of the kind with this many fields, else the current edition's. */
  private fallbackFor(kind: FileKind, cellCount: number): Layout | undefined {
    return this.layoutsByCount(kind).current.get(cellCount) ?? this.layoutOf(kind, CURRENT_CSV_VERSION);
  }

  /** A layout of the kind with this many fields, for the hint of CSV_FIELD_COUNT. */
  private otherWith(kind: FileKind, cellCount: number): Layout | undefined {
    return this.layoutsByCount(kind).any.get(cellCount);
  }

  private checkShape(row: Row, layout: Layout): void {
    const { cells, line } = row;
    const record = this.index;
    const expected = layout.fields.length;
    if (cells.length !== expected) {
      const n = cells.length;
      const other = this.otherWith(layout.kind, n);
      const params = { count: n, expected, kind: layout.kind, csvVersion: layout.csvVersion, edition: layout.edition };
      const cause: CauseRef = { code: 'CSV_FIELD_COUNT', line };
      // Shifted columns: the record's quoting checks read the wrong fields. Counted under the cause (kept first,
      // so they are counted under it, and handed on with their count), and the record carries it as its cause —
      // also past the cap, where what it causes is counted with the code's truncation notice.
      const sink = this.options.sink;
      const kept = sink.add(
        draft('CSV_FIELD_COUNT', other ? { ...params, other: { csvVersion: other.csvVersion, edition: other.edition } } : params, {
          line,
          record,
          value: n > expected ? cells.slice(expected).join(',') : String(n),
        }),
      );
      if (n < expected) {
        sink.within(cause);
        this.checkQuoting(row, layout);
        sink.within(undefined);
      }
      if (kept) for (const issue of sink.drain()) this.put({ type: 'issue', issue });
      this.cause = cause;
      return;
    }
    this.checkQuoting(row, layout);
  }

  /** Free text quoted, anything else not (reported per field). */
  private checkQuoting(row: Row, layout: Layout): void {
    const { cells, line } = row;
    const record = this.index;
    const fields = layout.fields;
    for (let i = 0; i < fields.length && i < cells.length; i++) {
      const f = fields[i]!;
      const value = cells[i]!;
      const free = f.format === 'freeText';
      // Empty free text may be written "" or nothing; anything else must be quoted exactly when it is free text.
      if (free === row.quoted[i] || (free && value === '')) continue;
      const where = { line, record, field: { no: f.no, key: f.key, name: f.name }, value };
      this.report(draft(free ? 'CSV_UNQUOTED_FREE_TEXT' : 'CSV_QUOTED_NON_FREE_TEXT', { field: { no: f.no, name: f.name } }, where));
    }
  }

  private checkEncodable(record: CsvRecord, layout: Layout, line: number): void {
    for (const f of layout.fields) {
      const value = record[f.key] ?? '';
      if (isAscii(value)) continue;
      for (const ch of value) {
        if (isEncodable(ch)) continue;
        const where = { line, record: this.index, field: { no: f.no, key: f.key, name: f.name }, value };
        this.report(draft('CSV_UNMAPPABLE_CHAR', { field: { no: f.no, name: f.name }, char: ch, codePoint: codePointLabel(ch) }, where));
      }
    }
  }
}
