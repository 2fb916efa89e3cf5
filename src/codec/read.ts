// Reading spec CSV files: the whole-file reader and the streaming reader. Both run the same pipeline —
// ByteDecoder (bytes → text, encoding problems) → CsvTokenizer (text → rows) → RowProcessor (rows →
// records, structural problems) — so they give the same records and issues. Before the decoder, the file's
// first bytes (FileHead) tell whether it is a CSV at all: a PDF or an Excel workbook named 〜.CSV gives one
// FILE_NOT_SPEC_FILE issue and no record, to every reader and so to every command.
import { checkedChunks, expectArguments, FUNCTION, READ_FILE } from '../arguments.js';
import { READ_OPTIONS, STREAM_READ_OPTIONS } from '../spec-arguments.js';
import { byPosition, type Issue } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import { resolvePolicy, type Policy, type ReadLimits } from '../policy.js';
import { issue } from '../rules/draft.js';
import { parseFileName } from '../filenames/index.js';
import { isFileKind, type FileKind } from '../spec.js';
import { ByteDecoder, type DetectedEncoding } from './byte-decoder.js';
import { FileHead, refusedType } from './file-head.js';
import { RowProcessor, type CsvRecord, type KeptRecords, type ReadItem } from './rows.js';
import { SNIFF_BYTES } from './sniff.js';
import { CsvTokenizer, type Row } from './tokenizer.js';

export type { CsvRecord, ReadItem } from './rows.js';
export { countOption, DEFAULT_LIMITS, DEFAULT_MAX_ISSUES_PER_CODE, type ReadLimits } from '../policy.js';

export interface ReadOptions {
  /** The file kind, when the file name does not give it (or to override it). */
  readonly kind?: FileKind;
  /** Decode UTF-8 input anyway (after reporting it) so the rest of the file can be checked. */
  readonly lenient?: boolean;
  /** Limits on record and field length and record count (defaults: DEFAULT_LIMITS). */
  readonly limits?: Partial<ReadLimits>;
  /**
   * Issues of one code kept per file (default DEFAULT_MAX_ISSUES_PER_CODE, 10,000), byte-level and row-level
   * alike; the rest are counted in one FILE_ISSUES_TRUNCATED issue per code. Records are not affected.
   */
  readonly maxIssuesPerCode?: number;
}

export interface ReadResult {
  readonly kind: FileKind | undefined;
  /** The CSVバージョン of the file (that of its first record with a served version). */
  readonly csvVersion: string | undefined;
  readonly records: CsvRecord[];
  /** Physical line where each record starts, parallel to `records`. */
  readonly lines: number[];
  readonly issues: Issue[];
  /** The encoding the bytes were found to be in. */
  readonly encoding: DetectedEncoding;
}

/** The CSV kind a file name gives (parseFileName matches the longest prefix: UPYOBO_SUB_… is not UPYOBO_…). */
function kindFromName(name: string | undefined): FileKind | undefined {
  const kind = name ? parseFileName(name).info?.kind : undefined;
  return kind && isFileKind(kind) ? kind : undefined;
}

/**
 * Bytes decoded at a time, by the whole-file reader and by the streaming reader out of a larger chunk: the text
 * of a slice this small dies young (V8 keeps a string of over about 128 KiB in its large-object space until a
 * full collection, so 1 MiB slices tripled the streaming command's peak memory).
 */
const DECODE_SLICE = 1 << 16;

/**
 * Bytes decoded at a time by readCsvFile, which keeps every record (and, through their values, the text they
 * were cut from): a slice this large is decoded into the large-object space, where the collector does not copy
 * it from one young generation to the next as it does a short-lived 64 KiB slice's text that records keep alive.
 */
const KEEP_SLICE = 1 << 22;

interface Pipeline {
  readonly name: string | undefined;
  readonly sink: IssueSink;
  tokenizer: CsvTokenizer;
  decoder: ByteDecoder;
  rows: RowProcessor;
  kind: FileKind | undefined;
  /** A stream's first chunks, until they tell what the file is (see `admit`); undefined once they have. */
  head: FileHead | undefined;
  /** The file is another format by its first bytes: nothing of it is read. */
  refused: boolean;
}

/**
 * A count option (a cap or a limit) as given, or its default where it is not a number of at least 1: an
 * `undefined`, NaN, 0 or negative value must never switch a limit off or hide every issue of a kind.
 */
function startPipeline(
  name: string | undefined,
  options: ReadOptions | Policy,
  emit?: (item: ReadItem) => void,
  keep?: KeptRecords,
): Pipeline {
  const policy = resolvePolicy(options);
  const kind = policy.kind ?? kindFromName(name);
  // One sink for the file: the decoder's and the rows' issues are capped, and truncated, together.
  const sink = new IssueSink(policy, { file: name });
  const decoder = new ByteDecoder({ sink, lenient: policy.lenient });
  const rows = new RowProcessor({
    sink,
    ...(kind ? { kind } : {}),
    limits: policy.limits,
    checkEncodable: () => decoder.encoding === 'utf8',
    ...(emit ? { emit } : {}),
    ...(keep ? { keep } : {}),
  });
  return { name, sink, decoder, rows, kind, head: new FileHead(), refused: false, tokenizer: new CsvTokenizer(policy.limits.maxRecordLength) };
}

/**
 * What the file's first bytes (SNIFF_BYTES of them, or all of a shorter file) decide, before any is decoded: the
 * issues to report first — the one FILE_NOT_SPEC_FILE of a file of another format (then the pipeline is refused
 * and reads nothing more), else the kind's (CSV_UNKNOWN_KIND).
 */
function decide(pipeline: Pipeline, head: Uint8Array): Issue[] {
  pipeline.head = undefined;
  const { name, sink, kind } = pipeline;
  const type = refusedType(name, head);
  if (type) {
    pipeline.refused = true;
    sink.add(issue('FILE_NOT_SPEC_FILE', { file: name ?? '', type }));
  } else if (!kind) sink.add(issue('CSV_UNKNOWN_KIND', { name: name ?? '' }));
  return sink.drain();
}

const NOTHING: { issues: readonly Issue[]; chunks: readonly Uint8Array[] } = { issues: [], chunks: [] };

/**
 * A stream's chunk (or its end: undefined) through the pipeline's first step: while the first SNIFF_BYTES are
 * gathered, nothing; then the issues they decide (`decide`) and the chunks to decode — every chunk held, unchanged,
 * or none of a refused file (whose reader then reads its source no further).
 */
function admit(pipeline: Pipeline, chunk: Uint8Array | undefined): { issues: readonly Issue[]; chunks: readonly Uint8Array[] } {
  const { head } = pipeline;
  if (pipeline.refused) return NOTHING;
  if (!head) return chunk ? { issues: [], chunks: [chunk] } : NOTHING;
  const held = chunk ? head.push(chunk) : head.end();
  if (!held) return NOTHING;
  const issues = decide(pipeline, head.bytes);
  return { issues, chunks: pipeline.refused ? [] : held };
}

/**
 * Read a whole spec CSV file. Never throws on bad data: every problem is an issue with its byte offset or
 * physical line. The kind comes from the file name or `options.kind`; each record's layout from its
 * CSVバージョン.
 */
export function readCsvFile(file: { name?: string; bytes: Uint8Array }, options: ReadOptions = {}): ReadResult {
  expectArguments('readCsvFile', [['file', file, READ_FILE], ['options', options, READ_OPTIONS]]);
  const records: CsvRecord[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  // Records and issues are taken as they come (not kept in a list first): a large file holds only its records,
  // and a record costs no item object.
  const { kind, csvVersion, encoding } = eachItem(
    file,
    options,
    (item) => {
      if (item.type === 'issue') issues.push(item.issue);
    },
    KEEP_SLICE,
    { records, lines },
  );
  return { kind, csvVersion, records, lines, issues: issues.sort(byPosition), encoding };
}

/**
 * The whole-file reader's items in reading order (issues of the bytes first, then records and their
 * issues): what the validator consumes, exactly as the streaming reader would give them.
 */
export function readCsvItems(
  file: { name?: string; bytes: Uint8Array },
  options: ReadOptions = {},
): { kind: FileKind | undefined; csvVersion: string | undefined; items: ReadItem[]; encoding: DetectedEncoding } {
  expectArguments('readCsvItems', [['file', file, READ_FILE], ['options', options, READ_OPTIONS]]);
  const items: ReadItem[] = [];
  const { kind, csvVersion, encoding } = forEachCsvItem(file, options, (item) => items.push(item));
  return { kind, csvVersion, items, encoding };
}

/**
 * The whole-file reader's items, in readCsvItems' order, handed to `emit` as they are found rather than
 * collected: a consumer such as the validator then holds no list of every record of a large file.
 */
export function forEachCsvItem(
  file: { name?: string; bytes: Uint8Array },
  options: ReadOptions | Policy,
  emit: (item: ReadItem) => void,
): { kind: FileKind | undefined; csvVersion: string | undefined; encoding: DetectedEncoding } {
  expectArguments('forEachCsvItem', [['file', file, READ_FILE], ['options', options, READ_OPTIONS], ['emit', emit, FUNCTION]]);
  return eachItem(file, options, emit, DECODE_SLICE);
}

/**
 * forEachCsvItem without its argument checks, for the validator (validateFile and validateFiles checked theirs
 * once; a check per file of many small ones costs as much as reading them).
 */
export function forEachCsvItemOf(file: { name?: string; bytes: Uint8Array }, policy: Policy, emit: (item: ReadItem) => void): void {
  eachItem(file, policy, emit, DECODE_SLICE);
}

/**
 * forEachCsvItem, decoding `slice` bytes at a time (the items are the same at any slice size); with `keep`,
 * records go there with their lines instead of to `emit` as items.
 */
function eachItem(
  file: { name?: string; bytes: Uint8Array },
  options: ReadOptions | Policy,
  emit: (item: ReadItem) => void,
  slice: number,
  keep?: KeptRecords,
): { kind: FileKind | undefined; csvVersion: string | undefined; encoding: DetectedEncoding } {
  // The rows hand their items to `emit` as they are found: the items of one row go before the next row is read.
  const pipeline = startPipeline(file.name, options, emit, keep);
  const { decoder, rows, kind } = pipeline;
  for (const issue of decide(pipeline, file.bytes.subarray(0, SNIFF_BYTES))) emit({ type: 'issue', issue });
  if (pipeline.refused) return { kind, csvVersion: undefined, encoding: undefined };
  // Every byte is at hand: the encoding is decided on all of them before the first is decoded (a stream can
  // only tell at its end, see CSV_NOT_MS932_LATE).
  decoder.decideOnWhole(file.bytes);
  const onRow = (row: Row) => rows.onRow(row);
  // In slices, as the streaming reader decodes: no giant string for a large file, and the same results.
  feedChunk(pipeline, file.bytes, slice, emit, onRow);
  endPipeline(pipeline, emit, onRow);
  return { kind, csvVersion: rows.csvVersion, encoding: decoder.encoding };
}

/**
 * readCsvStream's items, in its order, for chunks at hand (a file of the command read whole as one chunk),
 * handed to `emit` without a generator or a promise per item: the same pipeline, the same decisions (the
 * encoding is decided as a stream decides it, not on the whole input as forEachCsvItem does, so a late UTF-8
 * verdict stays CSV_NOT_MS932_LATE). For callers inside the package: the policy is resolved already (no
 * options object per file) and no argument is checked.
 */
export function forEachStreamItem(chunks: Iterable<Uint8Array>, name: string, policy: Policy, emit: (item: ReadItem) => void): void {
  const pipeline = startPipeline(name, policy, emit);
  const onRow = (row: Row) => pipeline.rows.onRow(row);
  const feed = (chunk: Uint8Array | undefined): void => {
    const { issues, chunks: ready } = admit(pipeline, chunk);
    for (const issue of issues) emit({ type: 'issue', issue });
    for (const part of ready) feedChunk(pipeline, part, DECODE_SLICE, emit, onRow);
  };
  for (const chunk of chunks) {
    feed(chunk);
    if (pipeline.refused) return; // the rest is not read
  }
  feed(undefined);
  if (!pipeline.refused) endPipeline(pipeline, emit, onRow);
}

/** One chunk, `slice` bytes at a time (an empty chunk is pushed too, as a stream's would be), for the callback readers. */
function feedChunk({ decoder, tokenizer }: Pipeline, chunk: Uint8Array, slice: number, emit: (item: ReadItem) => void, onRow: (row: Row) => void): void {
  for (let at = 0; at < chunk.length || at === 0; at += slice) {
    const { text, issues } = decoder.push(chunk.length > slice ? chunk.subarray(at, at + slice) : chunk);
    for (const issue of issues) emit({ type: 'issue', issue });
    if (text) tokenizer.feed(text, onRow);
  }
}

/** The end of the input, for the callback readers: the decoder's last bytes, the tokenizer's last row. */
function endPipeline({ decoder, rows, tokenizer }: Pipeline, emit: (item: ReadItem) => void, onRow: (row: Row) => void): void {
  const last = decoder.end();
  for (const issue of last.issues) emit({ type: 'issue', issue });
  if (decoder.refused) rows.stop();
  if (last.text) tokenizer.feed(last.text, onRow);
  for (const row of tokenizer.end()) onRow(row);
  rows.end();
}

/**
 * Read a spec CSV file from a byte stream with bounded memory: yields each record as soon as it is complete
 * and each issue as it is found. A character split across chunks is handled. Collected, the records equal
 * `readCsvFile`'s and the issues equal its issues (which it sorts by position) — with one deliberate
 * exception: a UTF-8 file whose first bytes after the first non-ASCII byte are valid in both encodings (±, é,
 * ° alone) is read as MS932 on that guess, and only its end shows it to be UTF-8. The stream then ends with
 * CSV_NOT_MS932_LATE (its records so far may be garbled), where readCsvFile reports CSV_NOT_MS932 at the start.
 * A source whose first 64 bytes show another format (FILE_NOT_SPEC_FILE) is read no further, and closed.
 */
export async function* readCsvStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: (ReadOptions | Policy) & { name?: string } = {},
): AsyncGenerator<ReadItem> {
  expectArguments('readCsvStream', [['options', options, STREAM_READ_OPTIONS]]);
  source = checkedChunks('readCsvStream', 'source', source);
  const pipeline = startPipeline(options.name, options);
  const { decoder, rows, tokenizer } = pipeline;
  /** A chunk's items: a large chunk is decoded slice by slice, and each row's items are yielded before the next row is read. */
  function* decode(chunk: Uint8Array): Generator<ReadItem> {
    for (let at = 0; at < chunk.length || at === 0; at += DECODE_SLICE) {
      const { text, issues } = decoder.push(chunk.length > DECODE_SLICE ? chunk.subarray(at, at + DECODE_SLICE) : chunk);
      for (const issue of issues) yield { type: 'issue', issue };
      if (text) {
        for (const row of tokenizer.push(text)) {
          rows.onRow(row);
          if (rows.waiting) yield* rows.take();
        }
      }
    }
  }
  // A chunk of any size holds one slice of text and one row at a time.
  for await (const chunk of source) {
    const { issues, chunks } = admit(pipeline, chunk);
    for (const issue of issues) yield { type: 'issue', issue };
    if (pipeline.refused) return; // the source is closed unread (for-await's return), as a reader that stops early does
    for (const ready of chunks) yield* decode(ready);
  }
  const admitted = admit(pipeline, undefined);
  for (const issue of admitted.issues) yield { type: 'issue', issue };
  if (pipeline.refused) return;
  for (const ready of admitted.chunks) yield* decode(ready);
  const { text, issues } = decoder.end();
  for (const issue of issues) yield { type: 'issue', issue };
  if (decoder.refused) rows.stop();
  if (text) {
    for (const row of tokenizer.push(text)) {
      rows.onRow(row);
      if (rows.waiting) yield* rows.take();
    }
  }
  for (const row of tokenizer.end()) rows.onRow(row);
  yield* rows.take();
  yield* rows.end();
}
