// careplan-csv validate: every file named (folders expanded), grouped into send units, every issue printed
// in the format asked for; the exit code tells CI whether anything reached --fail-on. The installed command
// streams every file through the library (validateFileStreams), so a file of any size is checked with bounded
// memory; in-process callers (main, demo) read files whole (validateFiles), which gives the same report.
import {
  DEFAULT_LIMITS,
  isFileKind,
  parseFileName,
  validateFileStreams,
  validateFiles,
  type FileKind,
  type FileReport,
  type InputFile,
  type Issue,
  type Profile,
  type ReadLimits,
  type SendUnitReport,
  type ServiceCodeMaster,
  type ValidateOptions,
  type ValidationReport,
} from '../../core.js';
import { defineCommand, type Command, type CommandArgs } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import type { FailOn, ValidationRun } from '../../report/issues.js';
import { failingCount } from '../../report/summary.js';
import { masterFileReports } from '../../report/service-code-files.js';
import { trusted } from '../../report/style.js';
import { collectFiles, fileChunks, readBytes, readStart, unreadableIssue, type InputPath } from '../input.js';
import type { OptionSpec } from '../options.js';
import { formatOption, renderValidation, VALIDATION_FORMATS, type ValidationFormat } from '../output-formats.js';
import { KIND, PROFILE } from '../shared-options.js';

/** Show a progress line on a terminal's stderr from this many files on. */
const PROGRESS_FROM = 20;

export interface ValidateRequest {
  readonly paths: readonly InputPath[];
  readonly profile: Profile;
  readonly failOn: FailOn;
  /** The kind of files whose name gives none (--kind). */
  readonly kind?: FileKind;
  /** The reader's limits (--max-record-length, --max-field-length, --max-records). */
  readonly limits?: Partial<ReadLimits>;
  /** The service-code master of --service-codes, and a report per master file (its loader issues). */
  readonly serviceCodes?: { readonly master: ServiceCodeMaster; readonly reports: readonly FileReport[] };
}

/** A file to validate, with what its name says (parsed once per run). */
interface Planned extends InputPath {
  /** The send-unit key (ファイル連番, sender and receiver offices); undefined when the name is not a spec name. */
  readonly key: string | undefined;
  /** Whether the name gives a CSV kind. */
  readonly named: boolean;
}

/** The library groups files into send units by ファイル連番, sender office and receiver office. */
function planned(p: InputPath): Planned {
  const info = parseFileName(p.display).info;
  const kind = info?.kind;
  return {
    ...p,
    key: info ? `${info.timestamp}:${info.sender.office}>${info.receiver.office}` : undefined,
    named: kind !== undefined && isFileKind(kind),
  };
}

/**
 * The files in send-unit batches (a unit's files are read, checked and let go together), which bounds memory
 * by the largest unit and lets a terminal show progress. Files whose name is not a spec name are alone.
 */
function batchesOf(paths: readonly InputPath[]): Planned[][] {
  const batches = new Map<string, Planned[]>();
  const loners: Planned[][] = [];
  for (const path of paths) {
    const p = planned(path);
    const key = p.key;
    if (key === undefined) loners.push([p]);
    else if (batches.has(key)) batches.get(key)!.push(p);
    else batches.set(key, [p]);
  }
  return [...[...batches.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, b]) => b), ...loners];
}

/**
 * The library's options for a batch: --kind only where no file name gives the kind. The same two objects serve
 * every batch of a run (with and without the kind), so nothing is rebuilt per batch.
 */
function optionsMaker(request: ValidateRequest): (batch: readonly Planned[]) => ValidateOptions {
  // Frozen (the limits too): the library then checks and resolves each of them once for the run, not per batch.
  const base: ValidateOptions = Object.freeze({
    profile: request.profile,
    ...(request.limits ? { limits: Object.freeze({ ...request.limits }) } : {}),
    ...(request.serviceCodes ? { serviceCodes: request.serviceCodes.master } : {}),
  });
  const kinded: ValidateOptions | undefined = request.kind ? Object.freeze({ ...base, kind: request.kind }) : undefined;
  return (batch) => (kinded && !batch.some((p) => p.named) ? kinded : base);
}

/** Collects the batches' reports into the one validateFiles gives for all the files at once. */
class RunBuilder {
  private readonly fileReports = new Map<string, FileReport>();
  private readonly units: SendUnitReport[] = [];
  private readonly progress: boolean;
  private done = 0;
  private shown = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly request: ValidateRequest,
  ) {
    this.progress = ctx.stderrIsTTY && request.paths.length >= PROGRESS_FROM;
  }

  /** A batch's report. */
  add(batch: readonly InputPath[], report: ValidationReport): void {
    for (let i = 0; i < batch.length; i++) this.fileReports.set(batch[i]!.display, report.files[i]!);
    for (const unit of report.units) this.units.push(unit);
    this.done += batch.length;
    const total = this.request.paths.length;
    if (this.progress && (Date.now() - this.shown > 100 || this.done === total)) {
      this.shown = Date.now();
      this.ctx.stderr(`${trusted('\r')}${this.ctx.t('検証中', 'validating')} ${this.done}/${total}`);
    }
  }

  /**
   * The files of a batch that can be read; each one that cannot gets its FILE_UNREADABLE report (and the run
   * exits 2 after reporting every other file).
   */
  readable<P extends InputPath>(batch: readonly P[]): (P & { readonly whole: Uint8Array | undefined })[] {
    const ok: (P & { readonly whole: Uint8Array | undefined })[] = [];
    for (const p of batch) {
      // A small file is read whole while it is open for the check (readStart): one open per file, not two.
      const start = readStart(p.path);
      if ('problem' in start) {
        this.fileReports.set(p.display, { file: p.display, kind: undefined, edition: undefined, csvVersion: undefined, records: 0, issues: [unreadableIssue(p.display, start.problem)] });
        this.done++;
      } else ok.push({ ...p, whole: start.whole });
    }
    return ok;
  }

  /** Files in the order given, units in the library's order. */
  finish(): ValidationRun {
    if (this.progress) this.ctx.stderr(`${trusted('\r')}${' '.repeat(40)}${trusted('\r')}`);
    // The master files first (their loader issues), then the files validated.
    const files = [...(this.request.serviceCodes?.reports ?? []), ...this.request.paths.map((p) => this.fileReports.get(p.display)!)];
    // Batches go by 連番 and offices; the library orders units by their whole key (service types included).
    const units = [...this.units].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const issues = [...files.flatMap((f) => f.issues), ...units.flatMap((u) => u.issues)];
    const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
    const report: ValidationReport = {
      files,
      units,
      issues,
      summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
    };
    return { report, profile: this.request.profile, failOn: this.request.failOn };
  }
}

/**
 * Validate files one send unit at a time, each file read whole (for in-process callers). The report is the
 * one validateFiles gives for all the files at once: files in the order given, units in the library's order.
 */
export function runValidation(ctx: Ctx, command: string, request: ValidateRequest): ValidationRun {
  const run = new RunBuilder(ctx, request);
  const optionsFor = optionsMaker(request);
  for (const all of batchesOf(request.paths)) {
    const batch = run.readable(all);
    if (!batch.length) continue;
    const inputs: InputFile[] = batch.map((p) => ({ name: p.display, bytes: p.whole ?? readBytes(command, p.path) }));
    const report = validateFiles(inputs, optionsFor(batch));
    run.add(batch, report);
  }
  return run.finish();
}

/**
 * runValidation with every file streamed (validateFileStreams): memory stays bounded whatever the size of a
 * file, and a file too large to hold (a 2 GB single field) gets its issue (CSV_RECORD_TOO_LONG) rather than an
 * I/O error. Byte offsets are turned into lines by reading the file again, only when it has such issues.
 */
export async function runValidationStreaming(ctx: Ctx, command: string, request: ValidateRequest): Promise<ValidationRun> {
  const run = new RunBuilder(ctx, request);
  const optionsFor = optionsMaker(request);
  for (const all of batchesOf(request.paths)) {
    const batch = run.readable(all);
    if (!batch.length) continue;
    // A small file read whole is one chunk (none when empty), as fileChunks would give it. A batch of such files
    // only (most of the time on a folder of many files) is an array of arrays: the library reads it at once.
    const inputs = batch.map((p) => ({ name: p.display, chunks: p.whole ? (p.whole.length ? [p.whole] : []) : fileChunks(command, p.path) }));
    const report = await validateFileStreams(inputs, optionsFor(batch));
    run.add(batch, report);
  }
  return run.finish();
}

/** A whole number with thousands separators, as toLocaleString('en') writes it (which loads locale data at start-up). */
const n = (v: number) => String(v).replace(/\B(?=(\d{3})+$)/g, ',');

/** validate's options (check takes the same). */
const OPTIONS = [
  formatOption(VALIDATION_FORMATS as [ValidationFormat, ...ValidationFormat[]]),
  PROFILE,
  {
    name: 'fail-on',
    kind: 'choice',
    value: 'LEVEL',
    choices: ['error', 'warning'],
    default: 'error',
    help: { ja: 'この重大度以上の問題があれば終了コード1', en: 'exit 1 when an issue at or above this severity is found' },
  },
  { name: 'lenient', kind: 'flag', help: { ja: '--profile lenient と同じ', en: 'same as --profile lenient' } },
  { ...KIND, help: { ja: 'ファイル名から種別が分からないファイルの種別（UPPLAN、UPJSK …）', en: 'the kind of files whose name gives none (UPPLAN, UPJSK …)' } },
  {
    name: 'service-codes',
    kind: 'text',
    value: 'FILE',
    repeatable: true,
    help: {
      ja: 'サービスコード表のCSV（保険者の総合事業コード表、または 種類,項目,開始年月,終了年月,名称,単位数）。繰り返し指定で複数ファイル',
      en: 'service-code master CSV (a 保険者 総合事業 code list, or 種類,項目,開始年月,終了年月,名称,単位数); repeat for several files',
    },
  },
  {
    name: 'max-record-length',
    kind: 'count',
    value: 'N',
    defaultNote: { ja: n(DEFAULT_LIMITS.maxRecordLength), en: n(DEFAULT_LIMITS.maxRecordLength) },
    help: { ja: '1レコードの最大文字数', en: 'longest record, in characters' },
  },
  {
    name: 'max-field-length',
    kind: 'count',
    value: 'N',
    defaultNote: { ja: n(DEFAULT_LIMITS.maxFieldLength), en: n(DEFAULT_LIMITS.maxFieldLength) },
    help: { ja: '1項目の最大文字数', en: 'longest field, in characters' },
  },
  {
    name: 'max-records',
    kind: 'count',
    value: 'N',
    defaultNote: { ja: n(DEFAULT_LIMITS.maxRecords), en: n(DEFAULT_LIMITS.maxRecords) },
    help: { ja: '1ファイルから読む最大レコード数', en: 'most records read from one file' },
  },
] as const satisfies readonly OptionSpec[];

/**
 * The master of --service-codes: every file read (a missing or unreadable one is an I/O error, exit 2) and loaded
 * as one; each file's loader issues (MASTER_*) in a report of its own, listed before the files validated.
 */
function masterOf(command: string, paths: readonly string[]): ValidateRequest['serviceCodes'] {
  if (!paths.length) return undefined;
  const files = paths.map((path) => ({ name: path, bytes: readBytes(command, path) }));
  return masterFileReports(files);
}

/** What to validate, from the arguments. */
function requestOf(name: string, { values, positionals }: CommandArgs<typeof OPTIONS>): ValidateRequest {
  const kind = values.kind;
  if (kind !== undefined && !isFileKind(kind)) {
    throw new CliError(`--kind ${JSON.stringify(kind)} はCSVの種別ではありません（careplan-csv layouts を参照）`, `--kind ${JSON.stringify(kind)} is not a CSV kind (see careplan-csv layouts)`, name);
  }
  const limits: { -readonly [K in keyof ReadLimits]?: number } = {};
  if (values['max-record-length'] !== undefined) limits.maxRecordLength = values['max-record-length'];
  if (values['max-field-length'] !== undefined) limits.maxFieldLength = values['max-field-length'];
  if (values['max-records'] !== undefined) limits.maxRecords = values['max-records'];
  const paths = collectFiles(name, positionals);
  if (!paths.length) {
    throw new CliError(
      `検証するファイルがありません（.CSV / .jpg が見つかりません）: ${positionals.join(' ')}`,
      `no files to validate (no .CSV or .jpg found): ${positionals.join(' ')}`,
      name,
    );
  }
  const serviceCodes = masterOf(name, values['service-codes']);
  return {
    paths,
    ...(serviceCodes ? { serviceCodes } : {}),
    profile: values.lenient ? 'lenient' : values.profile,
    failOn: values['fail-on'],
    ...(kind !== undefined ? { kind } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
  };
}

/** The report printed; the exit code from what it holds. */
function print(ctx: Ctx, run: ValidationRun, format: ValidationFormat): number {
  ctx.stdout(renderValidation(ctx, run, format));
  // A file that could not be read is reported with the others, and the run still ends as an I/O error.
  if (run.report.issues.some((i) => i.code === 'FILE_UNREADABLE')) return EXIT.usage;
  return failingCount(run) > 0 ? EXIT.found : EXIT.ok;
}

export function makeValidateCommand(name: 'validate' | 'check'): Command {
  return defineCommand({
    name,
    usage: [
      `${name} <file or folder…> [--format ${VALIDATION_FORMATS.join('|')}] [--profile strict|lenient] [--fail-on error|warning]`,
      '    [--kind KIND] [--service-codes FILE]… [--max-record-length N] [--max-field-length N] [--max-records N]',
    ],
    summary: {
      ja: name === 'check' ? 'validate の別名（--lenient は --profile lenient）' : 'ファイルを送信単位にまとめて検証し、すべての問題を表示',
      en: name === 'check' ? 'alias of validate (--lenient is --profile lenient)' : 'validate files in their send units and print every issue',
    },
    details: [
      {
        ja: 'フォルダを指定すると、その中の .CSV と .jpg を再帰的に検証します（「.」で始まる名前は除く）。\n同じファイル連番・送信元・送信先のファイルを1つの送信単位として組み合わせも検査します。',
        en: 'A folder is searched recursively for .CSV and .jpg files (names starting with "." are skipped).\nFiles with the same file sequence, sender and receiver are checked together as a send unit.',
      },
      {
        ja: 'text の印: ✗ エラーあり／⚠ 警告のみ／✓ どちらもなし（情報は数えない）。json はライブラリの ValidationReport そのままです。',
        en: 'Marks in text: ✗ errors, ⚠ warnings only, ✓ neither (info is not counted). json is the library ValidationReport as is.',
      },
      {
        ja: 'csv は問題1件を1行にした一覧で、行・項目・値・メッセージと対処を日本語と英語で書きます。\nExcelでそのまま開けます（UTF-8 BOM付き・CRLF。数式になる値には「\'」を付け、先頭の0や長い数字は文字のまま）。',
        en: 'csv lists one problem a row: line, field, value, message and what to do, in Japanese and English.\nExcel opens it as is (UTF-8 with BOM, CRLF); a value Excel would run as a formula gets a leading "\'",\nand leading zeros and long digit strings stay text.',
      },
      {
        ja: 'ファイルは少しずつ読むので、大きなファイルでもメモリを使い切りません。上限を超えるレコード・項目・レコード数は\n問題（CSV_RECORD_TOO_LONG・CSV_FIELD_TOO_LARGE・CSV_TOO_MANY_RECORDS）として報告します。',
        en: 'Files are read in chunks, so a large file does not exhaust memory. A record, field or record count over\nits limit is reported as an issue (CSV_RECORD_TOO_LONG, CSV_FIELD_TOO_LARGE, CSV_TOO_MANY_RECORDS).',
      },
    ],
    options: OPTIONS,
    positionals: { min: 1, max: Infinity, what: { ja: '検証するファイルかフォルダ', en: 'files or folders to validate' } },
    exit: [
      [0, '--fail-on 以上の問題なし', 'nothing at or above --fail-on'],
      [1, '--fail-on 以上の問題あり', 'an issue at or above --fail-on'],
      [2, '使い方・入出力のエラー（読めないファイル（FILE_UNREADABLE として報告し、ほかのファイルは検証する）、ファイルが1つもない等）', 'usage or I/O error (an unreadable file — reported as FILE_UNREADABLE, the other files are still validated —, no files found …)'],
    ],
    examples: [
      `careplan-csv ${name} exports/`,
      `careplan-csv ${name} exports/ --format sarif > careplan.sarif`,
      `careplan-csv ${name} exports/ --format junit --fail-on warning > careplan-junit.xml`,
      `careplan-csv ${name} plan-export.txt --kind UPPLAN`,
      `careplan-csv ${name} exports/ --service-codes codes-2024.csv --service-codes 435073-sogo.csv`,
    ],
    run(ctx, args) {
      return print(ctx, runValidation(ctx, name, requestOf(name, args)), args.values.format);
    },
    async runAsync(ctx, args) {
      return print(ctx, await runValidationStreaming(ctx, name, requestOf(name, args)), args.values.format);
    },
  });
}

export const validateCommand = makeValidateCommand('validate');
export const checkCommand = makeValidateCommand('check');
