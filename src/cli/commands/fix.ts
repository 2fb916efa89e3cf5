// careplan-csv fix: a nearly-right file rewritten conformantly — UTF-8 → MS932, BOM removed, line endings →
// CRLF, header row and empty lines removed, free text quoted and other fields not — with every change listed.
// A value is never changed silently: characters MS932 cannot hold are refused unless --unmappable substitute
// (then every substitution is listed), a file whose structure would lose data is refused, and the result is
// read back and compared with the input's values before anything is written.
import { basename } from 'node:path';
import { byPosition, createIssue, getLayout, isFileKind, parseFileName, readCsvFile, readCsvItems, writeCsvFile, type CsvRecord, type FileKind, type Issue, type ReadItem, type ReadResult, type Substitution } from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { quoteValue } from '../../report/style.js';
import { readBytes, toDisplay } from '../input.js';
import { planOutputs, writeOutput, type OutputPlan } from '../output.js';
import { substitutionLine } from '../../report/text.js';
import { printIssues } from '../report-lines.js';
import { formatOption, printJson } from '../output-formats.js';
import { FORCE, KIND, OUT_DIR, UNMAPPABLE } from '../shared-options.js';

const COMMAND = 'fix';

/** Read problems a rewrite repairs without touching a value. */
const REPAIRED = new Set([
  'CSV_NOT_MS932',
  'CSV_BOM',
  'CSV_LF_LINE_ENDINGS',
  'CSV_CR_LINE_ENDINGS',
  'CSV_MIXED_LINE_ENDINGS',
  'CSV_NO_FINAL_NEWLINE',
  'CSV_HEADER_ROW',
  'CSV_EMPTY_LINE',
  'CSV_UNQUOTED_FREE_TEXT',
  'CSV_QUOTED_NON_FREE_TEXT',
  'CSV_NONCANONICAL_MS932',
]);

/** Read problems that make a rewrite lose or invent data: the file is refused. */
const BLOCKING = new Set([
  // Valid UTF-8 as well as MS932: rewriting it as MS932 would make 「ﾂｰ」 of what may have been 「°」 for good.
  'CSV_AMBIGUOUS_ENCODING',
  'CSV_INVALID_BYTES',
  'CSV_GAIJI',
  'CSV_FIELD_COUNT',
  'CSV_UNTERMINATED_QUOTE',
  'CSV_BAD_QUOTE',
  'CSV_UNKNOWN_VERSION',
  'CSV_UNSUPPORTED_VERSION',
  'CSV_MIXED_VERSIONS',
  'CSV_UNKNOWN_KIND',
  'CSV_EMPTY_FILE',
  'CSV_RECORD_TOO_LONG',
  'CSV_FIELD_TOO_LARGE',
  'CSV_TOO_MANY_RECORDS',
]);

export interface Change {
  readonly code: string;
  readonly line?: number;
  readonly ja: string;
  readonly en: string;
}

interface FixResult {
  readonly input: string;
  readonly output: string;
  readonly written: boolean;
  readonly changes: Change[];
  /** Every substitution made, with the physical line of its record in the input. */
  readonly substitutions: (Substitution & { readonly line?: number })[];
  readonly refused: Issue[];
  readonly notes: Issue[];
}

type RecordItem = Extract<ReadItem, { type: 'record' }>;

/** The file read once: the reader's result, and how each record was written (quotes, line ending). */
function readOnce(name: string, bytes: Uint8Array, kind: FileKind | undefined): { read: ReadResult; shapes: RecordItem[] } {
  const r = readCsvItems({ name, bytes }, { lenient: true, ...(kind ? { kind } : {}) });
  const shapes = r.items.filter((i): i is RecordItem => i.type === 'record');
  const issues = r.items.flatMap((i) => (i.type === 'issue' ? [i.issue] : [])).sort(byPosition);
  const read = { kind: r.kind, csvVersion: r.csvVersion, encoding: r.encoding, issues, records: shapes.map((s) => s.record), lines: shapes.map((s) => s.line) };
  return { read, shapes };
}

/** The changes a conformant rewrite makes to these bytes, read as `read` and `shapes` say. */
function changesOf(bytes: Uint8Array, read: ReadResult, shapes: readonly RecordItem[], kind: FileKind): Change[] {
  const changes: Change[] = [];
  if (read.encoding === 'utf8') changes.push({ code: 'CSV_NOT_MS932', ja: '文字コード UTF-8 → MS932（Shift_JIS）', en: 'encoding UTF-8 → MS932 (Shift_JIS)' });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) changes.push({ code: 'CSV_BOM', line: 1, ja: '先頭のBOM（EF BB BF）を削除', en: 'byte order mark (EF BB BF) removed' });
  for (const i of read.issues) {
    if (i.code === 'CSV_HEADER_ROW') changes.push({ code: i.code, line: i.line ?? 1, ja: `${i.line ?? 1}行目の見出し行を削除 ${quoteValue(i.value ?? '')}`, en: `header row removed (line ${i.line ?? 1}) ${quoteValue(i.value ?? '')}` });
    if (i.code === 'CSV_EMPTY_LINE') changes.push({ code: i.code, line: i.line!, ja: `${i.line}行目の空行を削除`, en: `empty line ${i.line} removed` });
    if (i.code === 'CSV_NONCANONICAL_MS932') {
      changes.push({ code: i.code, ja: `バイト位置${i.offset}: Windowsが書かない重複コードを標準のコードに ${quoteValue(i.value ?? '')}`, en: `byte offset ${i.offset}: duplicate code rewritten as Windows writes it ${quoteValue(i.value ?? '')}` });
    }
  }
  const ends = { LF: [] as number[], CR: [] as number[] };
  shapes.forEach((s, i) => {
    if (s.terminator === 'LF' || s.terminator === 'CR') ends[s.terminator].push(s.line);
    if (s.terminator === 'none' && i === shapes.length - 1) {
      changes.push({ code: 'CSV_NO_FINAL_NEWLINE', line: s.line, ja: `最終レコード（${s.line}行目）の後にCRLFを追加`, en: `CRLF added after the last record (line ${s.line})` });
    }
  });
  for (const t of ['LF', 'CR'] as const) {
    const lines = ends[t];
    if (lines.length) {
      changes.push({
        code: 'CSV_LF_LINE_ENDINGS',
        line: lines[0]!,
        ja: `改行 ${t} → CRLF（${lines.length}行、最初は${lines[0]}行目）`,
        en: `line endings ${t} → CRLF (${lines.length} line${lines.length === 1 ? '' : 's'}, first on line ${lines[0]})`,
      });
    }
  }
  const byLine = new Map(shapes.map((s) => [s.line, s]));
  read.records.forEach((record, r) => {
    const line = read.lines[r]!;
    const shape = byLine.get(line);
    const layout = getLayout(kind, record['csvVersion'] ?? '');
    if (!shape || !layout) return;
    layout.fields.forEach((f, j) => {
      const free = f.format === 'freeText';
      const was = shape.quoted[j] === true;
      if (free === was) return;
      changes.push(
        free
          ? { code: 'CSV_UNQUOTED_FREE_TEXT', line, ja: `${line}行目 No.${f.no}「${f.name}」: フリーテキストを「"」で囲みました`, en: `line ${line} No.${f.no} ${f.name}: free text enclosed in quotes` }
          : { code: 'CSV_QUOTED_NON_FREE_TEXT', line, ja: `${line}行目 No.${f.no}「${f.name}」: 「"」を外しました（フリーテキストではない項目）`, en: `line ${line} No.${f.no} ${f.name}: quotes removed (not a free-text field)` },
      );
    });
  });
  return changes;
}

/** The input's values with the writer's substitutions applied: what the rewritten file must hold. */
function expectedRecords(records: readonly CsvRecord[], subs: readonly Substitution[]): CsvRecord[] {
  const out = records.map((r) => ({ ...r }));
  for (const s of subs) {
    const rec = out[s.record - 1];
    if (rec && rec[s.field.key] !== undefined) rec[s.field.key] = rec[s.field.key]!.split(s.from).join(s.to);
  }
  return out;
}

function sameRecords(a: readonly CsvRecord[], b: readonly CsvRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
}

function fixOne(path: string, planned: OutputPlan, opts: { outDir: string; force: boolean; substitute: boolean; kind?: FileKind; dryRun: boolean }): FixResult {
  const bytes = readBytes(COMMAND, path);
  const display = toDisplay(path);
  const name = basename(path);
  const notes = parseFileName(name).issues.filter((i) => i.severity !== 'info');
  const base = { input: display, output: planned.display, written: false, notes };
  const { read, shapes } = readOnce(name, bytes, opts.kind);
  const kind = read.kind;
  const refused = read.issues.filter(
    (i) => BLOCKING.has(i.code) || (i.code === 'CSV_UNMAPPABLE_CHAR' && !opts.substitute) || (i.severity === 'error' && !REPAIRED.has(i.code) && i.code !== 'CSV_UNMAPPABLE_CHAR'),
  );
  if (!kind || !read.csvVersion || refused.length) {
    const unknown = createIssue('CSV_UNKNOWN_KIND', { rewrite: true }, { file: name });
    return { ...base, changes: [], substitutions: [], refused: refused.length ? refused : [unknown] };
  }
  const written = writeCsvFile(kind, read.records, { csvVersion: read.csvVersion, unmappable: opts.substitute ? 'substitute' : 'error', file: name });
  const writeErrors = written.issues.filter((i) => i.severity === 'error');
  if (writeErrors.length || written.written !== read.records.length) return { ...base, changes: [], substitutions: written.substitutions, refused: writeErrors };
  // Read the result back: the same values (substitutions aside), and none of the repaired problems left.
  const back = readCsvFile({ name, bytes: written.bytes }, { kind });
  const leftover = back.issues.filter((i) => REPAIRED.has(i.code) || BLOCKING.has(i.code) || i.code === 'CSV_UNMAPPABLE_CHAR');
  if (leftover.length || !sameRecords(back.records, expectedRecords(read.records, written.substitutions))) {
    const failed = createIssue('FIX_VERIFY_FAILED', {}, { file: name });
    return { ...base, changes: [], substitutions: written.substitutions, refused: [failed, ...leftover] };
  }
  const changes = changesOf(bytes, read, shapes, kind);
  if (!opts.dryRun) writeOutput(COMMAND, opts.outDir, name, written.bytes, opts.force);
  const substitutions = written.substitutions.map((s) => ({ ...s, ...(read.lines[s.record - 1] !== undefined ? { line: read.lines[s.record - 1]! } : {}) }));
  return { ...base, written: !opts.dryRun, changes, substitutions, refused: [] };
}

/** Why a file was refused, in one line: the first reason that applies. */
export function refusalReason(refused: readonly Issue[]): { ja: string; en: string } {
  const has = (code: string) => refused.some((i) => i.code === code);
  if (has('CSV_EMPTY_FILE')) return { ja: 'ファイルが空です（レコードがありません）。直すものがないため書き出しませんでした', en: 'refused: the file is empty (no records), there is nothing to rewrite; nothing written' };
  if (has('FIX_VERIFY_FAILED')) return { ja: '書き直した内容を確かめられないため書き出しませんでした', en: 'refused: the rewrite could not be verified; nothing written' };
  if (refused.every((i) => i.code === 'CSV_UNMAPPABLE_CHAR')) return { ja: 'MS932で書けない文字があり、直すと値が変わるため書き出しませんでした', en: 'refused: characters MS932 cannot hold, a rewrite would change the values; nothing written' };
  if (refused.every((i) => i.code === 'CSV_UNKNOWN_KIND')) return { ja: '種別かCSVバージョンが分からないため書き出しませんでした', en: 'refused: the kind or CSV version is not known; nothing written' };
  return { ja: '直すと値が変わる・失われるため書き出しませんでした', en: 'refused: a rewrite would change or lose data; nothing written' };
}

function report(ctx: Ctx, r: FixResult, dryRun: boolean): void {
  const en = ctx.lang === 'en';
  ctx.out(`${r.refused.length ? '✗' : '✓'} ${r.input} → ${r.output}`);
  if (r.refused.length) {
    printIssues(ctx, r.refused);
    const why = refusalReason(r.refused);
    ctx.out(`  ${ctx.t(why.ja, why.en)}`);
    if (r.refused.some((i) => i.code === 'CSV_UNMAPPABLE_CHAR')) {
      ctx.out(`  ${ctx.t('MS932で書けない文字は --unmappable substitute で置換できます（置換はすべて表示）', 'characters MS932 cannot hold can be replaced with --unmappable substitute (every substitution is listed)')}`);
    }
    return;
  }
  const total = r.changes.length + r.substitutions.length;
  if (!total) ctx.out(`  ${ctx.t('変更なし（すでに仕様どおり）', 'no change (already conformant)')}`);
  for (const c of r.changes) ctx.out(`  - ${en ? c.en : `${c.ja} / ${c.en}`}`);
  for (const s of r.substitutions) ctx.out(substitutionLine(ctx, s, s.line));
  for (const n of r.notes) ctx.out(`  ${ctx.t('注意（ファイル名は変えません）', 'note (the name is kept)')}: [${n.code}] ${en ? n.messageEn : n.message}`);
  if (dryRun) ctx.out(`  ${ctx.t(`書き出しませんでした（--dry-run）。変更 ${total}件`, `not written (--dry-run); ${total} changes`)}`);
  else ctx.out(`  ${ctx.t(`書き出しました（変更 ${total}件）`, `written (${total} changes)`)}`);
}

function writtenBeforeError(ctx: Ctx, results: readonly FixResult[]): void {
  const written = results.filter((r) => r.written);
  ctx.out(
    written.length
      ? ctx.t(`エラーの前に書き出したファイル ${written.length}件:`, `written before the error: ${written.length} file${written.length === 1 ? '' : 's'}:`)
      : ctx.t('エラーの前に書き出したファイルはありません', 'nothing was written before the error'),
  );
  for (const r of written) ctx.out(`  ${r.output}`);
}

export const fixCommand = defineCommand({
  name: COMMAND,
  usage: ['fix <file…> --out-dir DIR [--unmappable error|substitute] [--force] [--dry-run]'],
  summary: { ja: 'ほぼ正しいファイルを仕様どおりに書き直し、変更をすべて表示', en: 'rewrite a nearly-right file conformantly and list every change' },
  details: [
    {
      ja: '直すもの: 文字コード UTF-8 → MS932、BOMの削除、改行 → CRLF、見出し行・空行の削除、フリーテキストの「"」囲み（ほかの項目は囲まない）。\n値は変えません。MS932で書けない文字があれば拒否します（--unmappable substitute なら置換し、すべて表示）。\n「"」の誤り・項目数の違い・不正なバイトなど、直すとデータが変わる・失われるファイルは拒否します（終了コード1、何も書き出さない）。\n書き直した内容を読み戻して値が同じことを確かめてから、同じ名前で --out-dir に書き出します。項目の値の誤りは直しません（validate で確認）。',
      en: 'Repairs: encoding UTF-8 → MS932, BOM removed, line endings → CRLF, header row and empty lines removed, free text quoted (other fields not).\nValues are never changed: characters MS932 cannot hold are refused (with --unmappable substitute they are replaced and every substitution listed).\nA file a rewrite would change or lose data of (bad quotes, wrong field count, invalid bytes …) is refused (exit 1, nothing written).\nThe rewrite is read back and compared with the input values, then written under the same name into --out-dir. Field values are not corrected (see validate).',
    },
    {
      ja: '書き出す前に全ファイルの出力先を確かめます: 2つの入力が同じ出力名になる、出力先がすでにある（--force なし）、安全でない名前なら、何も書き出さずに終了します（終了コード2）。\n書き出しは一時ファイル（同じフォルダの「.」で始まり「.tmp」で終わる名前）に書いてディスクに同期してから名前を付け替えるので、\n中断されても元のファイルか新しいファイル全体のどちらかが残り、途中までのファイルは残りません（--force で入力を上書きしても入力は切り詰められません）。\n途中で入出力のエラーになったときは、それまでに書き出したファイルを表示します（text・json とも）。',
      en: 'Every output is checked before anything is written: two inputs with one output name, an existing target (without --force) or an unsafe name end the run with nothing written (exit 2).\nEach file is written to a temporary file in the same folder (a name starting with "." and ending ".tmp"), flushed to the disk and then renamed,\nso an interrupted run leaves the old file or the whole new one, never a part (overwriting the input with --force never truncates it).\nAn I/O error part way lists the files written before it (text and json).',
    },
  ],
  options: [
    { ...OUT_DIR, required: true },
    UNMAPPABLE,
    KIND,
    FORCE,
    { name: 'dry-run', kind: 'flag', help: { ja: '変更を表示するだけで書き出さない', en: 'list the changes, write nothing' } },
    formatOption(['text', 'json']),
  ],
  positionals: { min: 1, max: Infinity, what: { ja: '直すファイル', en: 'files to fix' } },
  exit: [
    [0, '書き出した（または --dry-run）', 'written (or --dry-run)'],
    [1, '拒否したファイルがある（何も書き出さない）', 'a file was refused (nothing written for it)'],
    [2, '使い方・入出力のエラー（安全でない出力名、既存ファイル等）', 'usage or I/O error (unsafe output name, existing file …)'],
  ],
  examples: ['careplan-csv fix samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV --out-dir fixed --unmappable substitute'],
  run(ctx, { values, positionals: files }) {
    const format = values.format;
    const substitute = values.unmappable === 'substitute';
    const outDir = values['out-dir'];
    if (values.kind !== undefined && !isFileKind(values.kind)) {
      throw new CliError(`--kind ${JSON.stringify(values.kind)} はCSVの種別ではありません`, `--kind ${JSON.stringify(values.kind)} is not a CSV kind`, COMMAND);
    }
    const kind = values.kind as FileKind | undefined;
    const dryRun = values['dry-run'];
    const force = values.force;
    // Every output planned before anything is written: an unsafe or existing target, or two inputs on one
    // output name, refuse the whole run.
    const plans = planOutputs(COMMAND, outDir, files.map((path) => ({ name: basename(path), source: toDisplay(path) })), force);
    const results: FixResult[] = [];
    const printResults = () => printJson(ctx, files.length === 1 ? results[0] : results);
    try {
      files.forEach((path, i) => {
        const result = fixOne(path, plans[i]!, { outDir, force, substitute, dryRun, ...(kind ? { kind } : {}) });
        results.push(result);
        if (format === 'text') report(ctx, result, dryRun);
      });
    } catch (e) {
      // An I/O error part way: say what was written before it (the error itself follows on stderr, exit 2).
      if (format === 'json') printResults();
      else writtenBeforeError(ctx, results);
      throw e;
    }
    if (format === 'json') printResults();
    return results.some((r) => r.refused.length) ? EXIT.found : EXIT.ok;
  },
});
