// Tokenized rows → records keyed by the layout's field keys, with every structural problem reported at its
// physical line: quotes, header row, field count, quoting of fields, CSVバージョン, line endings. Shared by
// the whole-file and the streaming reader, so both give the same records and issues.
import { type Issue, type IssueLocation } from '../issues.js';
import { readRuleIssue, type ReadRuleCode } from '../rules/read.js';
import { fieldLabel } from '../schemas/field-rules.js';
import { CSV_VERSIONS, CURRENT_CSV_VERSION, getLayout, isServedCsvVersion, listLayouts, type FileKind, type Layout } from '../spec.js';
import { DEFAULT_MAX_ISSUES_PER_CODE, truncationIssues } from './byte-decoder.js';
import { codePointLabel, isAscii, isEncodable } from './ms932.js';
import { recordFactory } from './record-factory.js';
import type { Row, Terminator } from './tokenizer.js';

export type { Terminator };

export type CsvRecord = Record<string, string>;

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
}
export interface ReadItemIssue {
  readonly type: 'issue';
  readonly issue: Issue;
}
export type ReadItem = ReadItemRecord | ReadItemIssue;

/** Limits that make hostile input fail fast instead of exhausting memory. All are generous. */
export interface ReadLimits {
  /** Longest record, in characters (default 1,000,000). */
  readonly maxRecordLength: number;
  /** Longest field, in characters (default 100,000). */
  readonly maxFieldLength: number;
  /** Most records read from one file (default 10,000,000); reading stops after it. */
  readonly maxRecords: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({ maxRecordLength: 1_000_000, maxFieldLength: 100_000, maxRecords: 10_000_000 });

export interface RowProcessorOptions {
  readonly file?: string;
  readonly kind?: FileKind;
  readonly limits?: ReadLimits;
  /** The input was UTF-8: report characters that could not be written back in MS932. */
  readonly checkEncodable?: () => boolean;
  /** Issues of one code kept (default DEFAULT_MAX_ISSUES_PER_CODE); the rest are counted in CSV_ISSUES_TRUNCATED. */
  readonly maxIssuesPerCode?: number;
}

/** Message text, built only for an issue that is kept (past the cap, issues are only counted). */
type Text = () => readonly [ja: string, en: string];

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
  private readonly counts = new Map<string, number>();
  private readonly cap: number;

  private readonly limits: ReadLimits;

  // Looked up once per reader, not per record: a file of bad records must cost time in proportion to its size.
  // Keyed by served versions and layout field counts only, so a hostile file cannot grow them.
  private kindLayouts: readonly Layout[] | undefined;
  private readonly byVersion = new Map<string, Layout | undefined>();
  private byCount: { current: Map<number, Layout>; any: Map<number, Layout> } | undefined;

  constructor(private readonly options: RowProcessorOptions) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.cap = options.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE;
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

  /** Report an issue; past the cap for its code it is only counted. */
  private issue(code: ReadRuleCode, text: Text, where: Omit<IssueLocation, 'file'> = {}): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n > this.cap) return;
    const [message, messageEn] = text();
    this.out.push({ type: 'issue', issue: readRuleIssue(code, message, messageEn, { file: this.options.file, ...where }) });
  }

  /** One tokenized row. */
  onRow(row: Row): void {
    const { cells, line } = row;
    if (this.stopped && row.terminator === 'none') return; // the cut-off end of a refused file
    if (this.full) return;
    if (this.index >= this.limits.maxRecords) {
      this.full = true;
      this.issue(
        'CSV_TOO_MANY_RECORDS',
        () => [
          `レコード数が上限（${this.limits.maxRecords.toLocaleString('en')}件）を超えたため、${line}行目以降は読みませんでした。`,
          `More records than the limit (${this.limits.maxRecords.toLocaleString('en')}): nothing from line ${line} on was read.`,
        ],
        { line },
      );
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
      this.issue('CSV_EMPTY_LINE', () => [`${line}行目が空行です。空行はレコードにできません。`, `Line ${line} is empty; an empty line is not a record.`], { line });
      return;
    }
    const kind = this.options.kind;
    // The header, if any, is the first row that is not an empty line (a blank line may come before it).
    const first = !this.pastHeader;
    this.pastHeader = true;
    if (first && this.isHeader(cells, kind)) {
      this.issue(
        'CSV_HEADER_ROW',
        () => [
          `${line}行目は見出し行です。仕様のCSVに見出し行はありません（この行は読み飛ばしました）。`,
          `Line ${line} is a header row; spec files have none (the line was skipped).`,
        ],
        { line, value: row.raw.slice(0, 80) },
      );
      return;
    }
    this.index++;
    const huge = cells.findIndex((c) => c.length > this.limits.maxFieldLength);
    if (huge >= 0) {
      this.issue(
        'CSV_FIELD_TOO_LARGE',
        () => [
          `${line}行目の${huge + 1}番目の項目が上限（${this.limits.maxFieldLength.toLocaleString('en')}文字）を超えています。このレコードは読みませんでした。`,
          `Line ${line}, field ${huge + 1} is longer than the limit (${this.limits.maxFieldLength.toLocaleString('en')} characters); the record was not read.`,
        ],
        { line, record: this.index, value: cells[huge]!.slice(0, 80) },
      );
      return;
    }
    if (!kind) return;
    const layout = this.layoutFor(cells[0] ?? '', kind, cells.length, line);
    if (!layout) return;
    this.checkShape(row, layout);
    const record: CsvRecord = recordFactory(layout)(cells);
    if (this.options.checkEncodable?.()) this.checkEncodable(record, layout, line);
    this.out.push({
      type: 'record',
      record,
      line,
      index: this.index,
      csvVersion: layout.csvVersion,
      values: cells,
      quoted: row.quoted,
      terminator: row.terminator,
    });
  }

  private reportQuoteProblem(row: Row): void {
    const { line } = row;
    const p = row.problems[0]!;
    const problem = (): readonly [string, string] =>
      p.code === 'CSV_UNTERMINATED_QUOTE'
        ? ['閉じられていない「"」があります（ファイルの終わりまで）', 'a quote is never closed (to the end of the file)']
        : p.code === 'CSV_RECORD_TOO_LONG'
          ? [`レコードが上限（${this.limits.maxRecordLength.toLocaleString('en')}文字）を超えています`, `the record is longer than the limit (${this.limits.maxRecordLength.toLocaleString('en')} characters)`]
          : ['「"」の使い方が不正です（閉じ「"」の後に文字がある、または囲まれていない項目に「"」があり「""」と二重にしていない）', 'a stray quote: text after a closing quote, or an undoubled quote inside an unquoted field'];
    this.issue(
      p.code,
      () => {
        const [ja, en] = problem();
        return [`${line}行目（${p.field + 1}番目の項目）: ${ja}。このレコードは読めませんでした。`, `Line ${line} (field ${p.field + 1}): ${en}; this record could not be read.`];
      },
      { line, record: this.index, value: row.raw.slice(0, 80) },
    );
  }

  end(): ReadItem[] {
    if (!this.stopped) {
      this.reportLineEndings();
      if (this.index === 0) this.issue('CSV_EMPTY_FILE', () => ['レコードが1件もありません。', 'The file has no records.']);
    }
    for (const issue of truncationIssues(this.counts, this.cap, this.options.file)) this.out.push({ type: 'issue', issue });
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
        this.issue('CSV_NO_FINAL_NEWLINE', () => ['最終レコードの後に改行（CRLF）がありません。', 'The last record has no line break (CRLF) after it.'], { line });
      }
      return;
    }
    const kinds = [crlf && 'CRLF', lf && 'LF', cr && 'CR'].filter(Boolean) as Terminator[];
    if (kinds.length === 1) {
      const k = kinds[0]!;
      this.issue(
        k === 'LF' ? 'CSV_LF_LINE_ENDINGS' : 'CSV_CR_LINE_ENDINGS',
        () => [`レコードの区切りが${k}です。CRLFで区切ってください。`, `Records end with ${k}; use CRLF.`],
      );
      return;
    }
    const firstOdd = Math.min(...kinds.filter((k) => k !== 'CRLF').map((k) => this.firstOf.get(k) ?? Infinity));
    this.issue(
      'CSV_MIXED_LINE_ENDINGS',
      () => [
        `レコードの区切りが混在しています（${kinds.join('・')}）。最初のCRLF以外の区切りは${firstOdd}行目です。`,
        `Mixed record endings (${kinds.join(', ')}); the first one that is not CRLF is on line ${firstOdd}.`,
      ],
      { line: firstOdd },
    );
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
      const fileVersion = this.fileVersion;
      this.issue(
        'CSV_MIXED_VERSIONS',
        () => [
          `CSVバージョン ${version} が、このファイルの ${fileVersion} と異なります。1ファイルに複数のCSVバージョンは混在できません。`,
          `CSV version ${version} differs from this file's ${fileVersion}; one file cannot mix CSV versions.`,
        ],
        where,
      );
    }
    const layout = this.layoutOf(kind, version);
    if (layout) return layout;
    const known = CSV_VERSIONS.find((v) => v.value === version);
    if (known) {
      this.issue(
        'CSV_UNSUPPORTED_VERSION',
        () => [
          `CSVバージョン ${version}（${known.edition}）の${kind}は、このライブラリでは読めません。`,
          `CSV version ${version} (${known.edition}) of ${kind} is not supported by this library.`,
        ],
        where,
      );
    } else {
      this.issue(
        'CSV_UNKNOWN_VERSION',
        () => [
          `CSVバージョン ${JSON.stringify(version)} は仕様に定義されていません（${[...new Set(CSV_VERSIONS.map((v) => v.value))].join('・')}）。`,
          `CSV version ${JSON.stringify(version)} is not defined by the spec.`,
        ],
        where,
      );
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
      this.issue(
        'CSV_FIELD_COUNT',
        () => {
          const other = this.otherWith(layout.kind, n);
          const hint = other ? `（${n}項目はCSVバージョン ${other.csvVersion} 第${other.edition}版のレイアウトです）` : '';
          const hintEn = other ? ` (${n} fields is the layout of CSV version ${other.csvVersion}, edition ${other.edition})` : '';
          return [
            `項目数が${n}です。${layout.kind}（CSVバージョン ${layout.csvVersion} 第${layout.edition}版）は${expected}項目です${hint}。`,
            `${n} fields; ${layout.kind} (CSV version ${layout.csvVersion}, edition ${layout.edition}) has ${expected}${hintEn}.`,
          ];
        },
        { line, record, value: n > expected ? cells.slice(expected).join(',') : String(n) },
      );
      if (n > expected) return;
    }
    const fields = layout.fields;
    for (let i = 0; i < fields.length && i < cells.length; i++) {
      const f = fields[i]!;
      const value = cells[i]!;
      const free = f.format === 'freeText';
      // Empty free text may be written "" or nothing; anything else must be quoted exactly when it is free text.
      if (free === row.quoted[i] || (free && value === '')) continue;
      const where = { line, record, field: { no: f.no, key: f.key, name: f.name }, value };
      if (free) {
        this.issue(
          'CSV_UNQUOTED_FREE_TEXT',
          () => [`${fieldLabel(f).ja} はフリーテキストですが「"」で囲まれていません。`, `${fieldLabel(f).en} is free text but not enclosed in double quotes.`],
          where,
        );
      } else {
        this.issue(
          'CSV_QUOTED_NON_FREE_TEXT',
          () => [`${fieldLabel(f).ja} はフリーテキストではないのに「"」で囲まれています。`, `${fieldLabel(f).en} is not free text but is enclosed in double quotes.`],
          where,
        );
      }
    }
  }

  private checkEncodable(record: CsvRecord, layout: Layout, line: number): void {
    for (const f of layout.fields) {
      const value = record[f.key] ?? '';
      if (isAscii(value)) continue;
      for (const ch of value) {
        if (isEncodable(ch)) continue;
        this.issue(
          'CSV_UNMAPPABLE_CHAR',
          () => [
            `${fieldLabel(f).ja} の「${ch}」（${codePointLabel(ch)}）はMS932で書けない文字です。`,
            `${fieldLabel(f).en}: '${ch}' (${codePointLabel(ch)}) cannot be written in MS932.`,
          ],
          { line, record: this.index, field: { no: f.no, key: f.key, name: f.name }, value },
        );
      }
    }
  }
}
