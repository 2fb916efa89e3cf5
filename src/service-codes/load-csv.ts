// loadServiceCodeCsv: a service-code master from CSV files of two layouts, told apart by their header row —
// the 総合事業 layout each 保険者 publishes (保険者番号,サービス種類コード,サービス項目コード,適用開始年月,適用終了年月,
// サービス名称,単位数,…) and the library's small vendor layout (種類,項目,開始年月,終了年月,名称,単位数). MS932 or
// UTF-8 (with or without BOM). A bad row is a located issue and is left out; nothing here throws on bad bytes.
import { arrayOf, BYTES, either, expectArguments, INPUT_FILE, shape } from '../arguments.js';
import { ms932Decoder } from '../codec/ms932.js';
import { CsvTokenizer, type Row } from '../codec/tokenizer.js';
import type { Issue } from '../issues.js';
import { IssueSink } from '../issue-sink.js';
import { createServiceCodeMaster, periodsOverlap, type ListedServiceCodeMaster, type ServiceCodeEntry } from './master.js';

/** A master file: its name (for the issues) and bytes. */
export interface ServiceCodeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A master and what was wrong with its files. */
export interface LoadedServiceCodes {
  readonly master: ListedServiceCodeMaster;
  /** Each bad row (left out), unreadable header (file left out) and conflict between entries. */
  readonly issues: Issue[];
  /** Each file given, in order, with the entries loaded from it (a file left out: 0). */
  readonly files: readonly { readonly name: string | undefined; readonly entries: number }[];
}

/** The columns the loader reads, by their key. */
type ColumnKey = 'insurer' | 'type' | 'item' | 'from' | 'to' | 'name' | 'units';

/** A layout: the header name of each column read; other columns of the file are ignored. */
interface MasterLayout {
  readonly id: 'insurer' | 'vendor';
  readonly columns: Readonly<Partial<Record<ColumnKey, string>>>;
}

/** The 総合事業 layout the 保険者 publish (19 columns; those not listed here are not read). */
export const INSURER_LAYOUT: MasterLayout = {
  id: 'insurer',
  columns: { insurer: '保険者番号', type: 'サービス種類コード', item: 'サービス項目コード', from: '適用開始年月', to: '適用終了年月', name: 'サービス名称', units: '単位数' },
};

/** The library's vendor layout: exactly these six columns, in this order. */
export const VENDOR_LAYOUT: MasterLayout = {
  id: 'vendor',
  columns: { type: '種類', item: '項目', from: '開始年月', to: '終了年月', name: '名称', units: '単位数' },
};
const VENDOR_HEADER = Object.values(VENDOR_LAYOUT.columns);

const LONGEST_ROW = 100_000;
const MONTH = /^\d{4}(0[1-9]|1[0-2])$/;
const PATTERNS: Readonly<Record<'insurer' | 'type' | 'item' | 'units', RegExp>> = {
  insurer: /^\d{6}$/,
  type: /^[0-9A-Z]{2}$/,
  item: /^[0-9A-Z]{4}$/,
  units: /^-?\d{1,9}$/,
};

/** The text of a master file: UTF-8 when it has a BOM or decodes as UTF-8, else MS932 (the codec's decoder). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const decoder = ms932Decoder();
    return decoder.write(bytes) + decoder.end(true);
  }
}

/** The rows of a text (the codec's tokenizer: a stray quote is a row problem, not an exception). */
function rowsOf(text: string): Row[] {
  const tokenizer = new CsvTokenizer(LONGEST_ROW);
  const rows: Row[] = [];
  tokenizer.feed(text, (row) => rows.push(row));
  rows.push(...tokenizer.end());
  return rows;
}

/** The layout a header row names, and where each column read is. */
function layoutOf(header: readonly string[]): { layout: MasterLayout; at: Partial<Record<ColumnKey, number>> } | undefined {
  const names = header.map((h) => h.trim());
  if (names.length === VENDOR_HEADER.length && VENDOR_HEADER.every((n, i) => names[i] === n)) {
    return { layout: VENDOR_LAYOUT, at: { type: 0, item: 1, from: 2, to: 3, name: 4, units: 5 } };
  }
  const at: Partial<Record<ColumnKey, number>> = {};
  for (const [key, name] of Object.entries(INSURER_LAYOUT.columns) as [ColumnKey, string][]) {
    const i = names.indexOf(name);
    if (i < 0) return undefined;
    at[key] = i;
  }
  return { layout: INSURER_LAYOUT, at };
}

/**
 * Whether a file's first bytes are a master's header row (either layout): the validator page tells master files
 * from spec files by it. Only the first line is decoded, so a slice of the file's start is enough.
 */
export function isServiceCodeCsvHead(head: Uint8Array): boolean {
  const lf = head.indexOf(0x0a);
  const first = rowsOf(decode(lf < 0 ? head : head.subarray(0, lf)))[0];
  return first !== undefined && layoutOf(first.cells) !== undefined;
}

/** An entry with where it was read, for conflicts. */
interface Sourced {
  readonly entry: ServiceCodeEntry;
  readonly file: string | undefined;
  /** Undefined for an entry of a master merged by mergeServiceCodeMasters (its file is not known). */
  readonly line: number | undefined;
}

/** One file's entries; its issues go to `sink`. */
function parseFile(bytes: Uint8Array, file: string | undefined, sink: IssueSink): Sourced[] {
  const rows = rowsOf(decode(bytes));
  const headerRow = rows.find((r) => r.cells.some((c) => c !== ''));
  const found = headerRow && layoutOf(headerRow.cells);
  if (!found) {
    const header = headerRow ? headerRow.cells.slice(0, 8).join(',') : '';
    sink.report('MASTER_NOT_A_MASTER', { header }, { line: headerRow?.line ?? 1, value: header.slice(0, 200) });
    return [];
  }
  const { layout, at } = found;
  const names = headerRow.cells.map((h) => h.trim());
  const out: Sourced[] = [];
  for (const row of rows) {
    if (row.line <= headerRow.line || row.cells.every((c) => c === '')) continue;
    if (row.problems.length > 0 || row.cells.length !== names.length) {
      sink.report('MASTER_ROW_SHAPE', { cells: row.cells.length, expected: names.length, quoting: row.problems.length > 0 }, { line: row.line, value: row.raw.slice(0, 200) });
      continue;
    }
    const entry = entryOf(row, layout, at, names, sink);
    if (entry) out.push({ entry, file, line: row.line });
  }
  return out;
}

/** A row's entry, or undefined (each bad value reported) when a value it needs is wrong. */
function entryOf(row: Row, layout: MasterLayout, at: Partial<Record<ColumnKey, number>>, names: readonly string[], sink: IssueSink): ServiceCodeEntry | undefined {
  let ok = true;
  const cell = (key: ColumnKey): string => (at[key] === undefined ? '' : row.cells[at[key]!]!.trim());
  const bad = (key: ColumnKey, expected: BadValueExpected): void => {
    ok = false;
    const i = at[key]!;
    sink.report('MASTER_BAD_VALUE', { column: names[i]!, expected }, { line: row.line, field: { no: i + 1, key, name: names[i]! }, value: row.cells[i]! });
  };
  const insurer = layout.id === 'insurer' ? cell('insurer') : undefined;
  if (insurer !== undefined && !PATTERNS.insurer.test(insurer)) bad('insurer', 'insurer');
  const type = cell('type');
  if (!PATTERNS.type.test(type)) bad('type', 'type');
  const item = cell('item');
  if (!PATTERNS.item.test(item)) bad('item', 'item');
  const from = cell('from');
  if (!MONTH.test(from)) bad('from', 'month');
  const toText = cell('to');
  // 999999 (the 保険者 CSVs) or empty: open-ended.
  const to = toText === '999999' || toText === '' ? undefined : toText;
  if (to !== undefined && !MONTH.test(to)) bad('to', 'endMonth');
  const unitsText = cell('units');
  if (unitsText !== '' && !PATTERNS.units.test(unitsText)) bad('units', 'units');
  if (!ok) return undefined;
  if (to !== undefined && to < from) {
    sink.report('MASTER_PERIOD_ORDER', { from, to }, { line: row.line, field: { no: at.to! + 1, key: 'to', name: names[at.to!]! }, value: toText });
    return undefined;
  }
  const name = cell('name');
  return {
    code: type + item,
    from,
    ...(to !== undefined ? { to } : {}),
    ...(name !== '' ? { name } : {}),
    ...(unitsText !== '' ? { units: Number(unitsText) } : {}),
    ...(insurer !== undefined ? { insurer } : {}),
  };
}

/** What a bad value should have been (MASTER_BAD_VALUE). */
export type BadValueExpected = 'insurer' | 'type' | 'item' | 'month' | 'endMonth' | 'units';

/**
 * The entries of several files as one master: entries after those of earlier files. The same code (of the same
 * 保険者) in overlapping periods with a different 単位数 is a MASTER_CONFLICT, reported on the later entry; both
 * are kept (the 単位数 check then skips the code in the months they share).
 */
function merged(sourced: readonly Sourced[], sink: IssueSink): ListedServiceCodeMaster {
  const byKey = new Map<string, Sourced[]>();
  for (const s of sourced) {
    const key = `${s.entry.insurer ?? ''}|${s.entry.code}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, [s]);
      continue;
    }
    const clash = earlier.find((o) => periodsOverlap(o.entry, s.entry) && o.entry.units !== undefined && s.entry.units !== undefined && o.entry.units !== s.entry.units);
    if (clash) {
      const other = clash.line === undefined ? '' : `${clash.file ?? ''}${clash.file ? ':' : ''}${clash.line}`;
      const params = { code: s.entry.code, units: s.entry.units!, otherUnits: clash.entry.units!, other };
      sink.report('MASTER_CONFLICT', params, { file: s.file, line: s.line, value: s.entry.code });
    }
    earlier.push(s);
  }
  return createServiceCodeMaster(sourced.map((s) => s.entry));
}

const LISTED_MASTER = shape('a master of loadServiceCodeCsv or createServiceCodeMaster (with its entries)', 'loadServiceCodeCsv・createServiceCodeMaster のマスタ（entries を持つ）', {
  entries: arrayOf('an array of entries', 'エントリの配列'),
});
const MASTER_INPUT = either(BYTES, INPUT_FILE, arrayOf('an array of Uint8Array or { name, bytes }', 'Uint8Array または { name, bytes } の配列', either(BYTES, INPUT_FILE)));

/**
 * A service-code master from one or several CSV files (bytes, or `{ name, bytes }` to have issues name the file),
 * each in the 保険者's 総合事業 layout or the vendor layout (docs/service-codes.md). Never throws on bad bytes: a
 * file whose header is neither layout is left out (MASTER_NOT_A_MASTER), a bad row is left out with its issue.
 */
export function loadServiceCodeCsv(input: Uint8Array | ServiceCodeFile | readonly (Uint8Array | ServiceCodeFile)[]): LoadedServiceCodes {
  expectArguments('loadServiceCodeCsv', [['input', input, MASTER_INPUT]]);
  const files: readonly (Uint8Array | ServiceCodeFile)[] = Array.isArray(input) ? input : [input as Uint8Array | ServiceCodeFile];
  const issues: Issue[] = [];
  const sourced: Sourced[] = [];
  const loaded: { name: string | undefined; entries: number }[] = [];
  for (const f of files) {
    const { name, bytes } = ArrayBuffer.isView(f) ? { name: undefined, bytes: f } : f;
    const sink = new IssueSink(undefined, { file: name });
    const before = sourced.length;
    for (const s of parseFile(bytes, name, sink)) sourced.push(s);
    loaded.push({ name, entries: sourced.length - before });
    issues.push(...sink.finish());
  }
  const sink = new IssueSink();
  const master = merged(sourced, sink);
  issues.push(...sink.finish());
  return { master, issues, files: loaded };
}

/**
 * Several masters loaded apart as one (their entries in order), with MASTER_CONFLICT for the same code in
 * overlapping periods with different 単位数.
 */
export function mergeServiceCodeMasters(...masters: readonly ListedServiceCodeMaster[]): LoadedServiceCodes {
  expectArguments('mergeServiceCodeMasters', [['masters', masters, arrayOf('masters of loadServiceCodeCsv or createServiceCodeMaster', 'loadServiceCodeCsv・createServiceCodeMaster のマスタ', LISTED_MASTER)]]);
  const sink = new IssueSink();
  const master = merged(
    masters.flatMap((m) => m.entries.map((entry) => ({ entry, file: undefined, line: undefined }))),
    sink,
  );
  return { master, issues: sink.finish(), files: masters.map((m) => ({ name: undefined, entries: m.entries.length })) };
}
