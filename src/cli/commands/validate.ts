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
  type ValidateOptions,
  type ValidationReport,
} from '../../core.js';
import { oneOf, parseCommand, positionalsOf } from '../args.js';
import type { Command } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { formatJson } from '../format/json.js';
import { failingCount, lineAtOffset, type FailOn, type ValidationRun } from '../format/issues.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif } from '../format/sarif.js';
import { toolHomepage, toolName, toolVersion } from '../package-info.js';
import { formatText } from '../format/text.js';
import { trusted } from '../format/style.js';
import { collectFiles, fileChunks, linesAtOffsets, readBytes, readProblem, unreadableIssue, type InputPath } from '../input.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type ValidateFormat = (typeof FORMATS)[number];

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
}

/** The library groups files into send units by ファイル連番, sender office and receiver office. */
function batchKey(display: string): string | undefined {
  const info = parseFileName(display).info;
  return info ? `${info.timestamp}:${info.sender.office}>${info.receiver.office}` : undefined;
}

/**
 * The files in send-unit batches (a unit's files are read, checked and let go together), which bounds memory
 * by the largest unit and lets a terminal show progress. Files whose name is not a spec name are alone.
 */
function batchesOf(paths: readonly InputPath[]): InputPath[][] {
  const batches = new Map<string, InputPath[]>();
  const loners: InputPath[][] = [];
  for (const p of paths) {
    const key = batchKey(p.display);
    if (key === undefined) loners.push([p]);
    else if (batches.has(key)) batches.get(key)!.push(p);
    else batches.set(key, [p]);
  }
  return [...[...batches.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, b]) => b), ...loners];
}

/** The library's options for a batch: --kind only where no file name gives the kind. */
function optionsFor(batch: readonly InputPath[], request: ValidateRequest): ValidateOptions {
  const named = (p: InputPath) => {
    const kind = parseFileName(p.display).info?.kind;
    return kind !== undefined && isFileKind(kind);
  };
  return {
    profile: request.profile,
    ...(request.limits ? { limits: request.limits } : {}),
    ...(request.kind && !batch.some(named) ? { kind: request.kind } : {}),
  };
}

/** Collects the batches' reports into the one validateFiles gives for all the files at once. */
class RunBuilder {
  private readonly fileReports = new Map<string, FileReport>();
  private readonly units: SendUnitReport[] = [];
  private readonly offsetLines = new Map<Issue, number>();
  private readonly progress: boolean;
  private done = 0;
  private shown = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly request: ValidateRequest,
  ) {
    this.progress = ctx.stderrIsTTY && request.paths.length >= PROGRESS_FROM;
  }

  /** A batch's report; `linesOf` gives the physical lines of byte offsets in the batch's i-th file. */
  add(batch: readonly InputPath[], report: ValidationReport, linesOf: (i: number, offsets: number[]) => ReadonlyMap<number, number>): void {
    report.files.forEach((f, i) => {
      this.fileReports.set(batch[i]!.display, f);
      const located = f.issues.filter((issue) => issue.line === undefined && issue.offset !== undefined);
      if (!located.length) return;
      const lines = linesOf(i, located.map((issue) => issue.offset!));
      for (const issue of located) this.offsetLines.set(issue, lines.get(issue.offset!)!);
    });
    this.units.push(...report.units);
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
  readable(batch: readonly InputPath[]): InputPath[] {
    return batch.filter((p) => {
      const problem = readProblem(p.path);
      if (problem) {
        this.fileReports.set(p.display, { file: p.display, kind: undefined, edition: undefined, csvVersion: undefined, records: 0, issues: [unreadableIssue(p.display, problem)] });
        this.done++;
      }
      return !problem;
    });
  }

  /** Files in the order given, units in the library's order. */
  finish(): ValidationRun {
    if (this.progress) this.ctx.stderr(`${trusted('\r')}${' '.repeat(40)}${trusted('\r')}`);
    const files = this.request.paths.map((p) => this.fileReports.get(p.display)!);
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
    return { report, offsetLines: this.offsetLines, profile: this.request.profile, failOn: this.request.failOn };
  }
}

/**
 * Validate files one send unit at a time, each file read whole (for in-process callers). The report is the
 * one validateFiles gives for all the files at once: files in the order given, units in the library's order.
 */
export function runValidation(ctx: Ctx, command: string, request: ValidateRequest): ValidationRun {
  const run = new RunBuilder(ctx, request);
  for (const all of batchesOf(request.paths)) {
    const batch = run.readable(all);
    if (!batch.length) continue;
    const inputs: InputFile[] = batch.map((p) => ({ name: p.display, bytes: readBytes(command, p.path) }));
    const report = validateFiles(inputs, optionsFor(batch, request));
    run.add(batch, report, (i, offsets) => new Map(offsets.map((o) => [o, lineAtOffset(inputs[i]!.bytes, o)])));
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
  for (const all of batchesOf(request.paths)) {
    const batch = run.readable(all);
    if (!batch.length) continue;
    const inputs = batch.map((p) => ({ name: p.display, chunks: fileChunks(command, p.path) }));
    const report = await validateFileStreams(inputs, optionsFor(batch, request));
    run.add(batch, report, (i, offsets) => linesAtOffsets(command, batch[i]!.path, offsets));
  }
  return run.finish();
}

/** A whole number of at least 1 for a limit option. */
function limitOf(command: string, option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new CliError(`--${option} は1以上の整数です（${JSON.stringify(value)}）`, `--${option} must be a whole number of at least 1 (got ${JSON.stringify(value)})`, command);
  }
  return n;
}

export function render(ctx: Ctx, run: ValidationRun, format: ValidateFormat): string {
  switch (format) {
    case 'json':
      return formatJson(run);
    case 'sarif':
      return formatSarif(run, { name: toolName, version: toolVersion(), informationUri: toolHomepage() });
    case 'junit':
      return formatJunit(run, ctx.lang);
    default:
      return formatText(ctx, run);
  }
}

const n = (v: number) => v.toLocaleString('en');

export function makeValidateCommand(name: 'validate' | 'check'): Command {
  /** The arguments, checked: what to validate and how to print it. */
  const parse = (argv: string[]): { request: ValidateRequest; format: ValidateFormat } => {
    const { values, positionals } = parseCommand(name, argv, {
      format: { type: 'string', short: 'f' },
      profile: { type: 'string' },
      'fail-on': { type: 'string' },
      lenient: { type: 'boolean' },
      kind: { type: 'string' },
      'max-record-length': { type: 'string' },
      'max-field-length': { type: 'string' },
      'max-records': { type: 'string' },
    });
    const format = oneOf(name, 'format', values.format, FORMATS, 'text');
    const profile = values.lenient ? 'lenient' : oneOf(name, 'profile', values.profile, ['strict', 'lenient'] as const, 'strict');
    const failOn = oneOf(name, 'fail-on', values['fail-on'], ['error', 'warning'] as const, 'error');
    const kind = values.kind;
    if (kind !== undefined && !isFileKind(kind)) {
      throw new CliError(`--kind ${JSON.stringify(kind)} はCSVの種別ではありません（careplan-csv layouts を参照）`, `--kind ${JSON.stringify(kind)} is not a CSV kind (see careplan-csv layouts)`, name);
    }
    const limits: { -readonly [K in keyof ReadLimits]?: number } = {};
    const maxRecordLength = limitOf(name, 'max-record-length', values['max-record-length']);
    const maxFieldLength = limitOf(name, 'max-field-length', values['max-field-length']);
    const maxRecords = limitOf(name, 'max-records', values['max-records']);
    if (maxRecordLength !== undefined) limits.maxRecordLength = maxRecordLength;
    if (maxFieldLength !== undefined) limits.maxFieldLength = maxFieldLength;
    if (maxRecords !== undefined) limits.maxRecords = maxRecords;
    const args = positionalsOf(name, positionals, 1, Infinity, { ja: '検証するファイルかフォルダ', en: 'files or folders to validate' });
    const paths = collectFiles(name, args);
    if (!paths.length) {
      throw new CliError(
        `検証するファイルがありません（.CSV / .jpg が見つかりません）: ${args.join(' ')}`,
        `no files to validate (no .CSV or .jpg found): ${args.join(' ')}`,
        name,
      );
    }
    const request: ValidateRequest = {
      paths,
      profile,
      failOn,
      ...(kind !== undefined ? { kind } : {}),
      ...(Object.keys(limits).length ? { limits } : {}),
    };
    return { request, format };
  };
  const print = (ctx: Ctx, run: ValidationRun, format: ValidateFormat): number => {
    ctx.stdout(render(ctx, run, format));
    // A file that could not be read is reported with the others, and the run still ends as an I/O error.
    if (run.report.issues.some((i) => i.code === 'FILE_UNREADABLE')) return EXIT.usage;
    return failingCount(run) > 0 ? EXIT.found : EXIT.ok;
  };
  return {
    name,
    help: {
      usage: [
        `${name} <file or folder…> [--format text|json|sarif|junit] [--profile strict|lenient] [--fail-on error|warning]`,
        '    [--kind KIND] [--max-record-length N] [--max-field-length N] [--max-records N]',
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
          ja: '形式: text（人向け、既定）、json（ライブラリの ValidationReport そのまま）、\nsarif（SARIF 2.1.0、コードスキャンへのアップロード用）、junit（CIのテストレポート用）。',
          en: 'Formats: text (for people, default), json (the library ValidationReport as is),\nsarif (SARIF 2.1.0 for code-scanning upload), junit (CI test reports).',
        },
        {
          ja: 'text の印: ✗ エラーあり／⚠ 警告のみ／✓ どちらもなし（情報は数えない）。',
          en: 'Marks in text: ✗ errors, ⚠ warnings only, ✓ neither (info is not counted).',
        },
        {
          ja: 'ファイルは少しずつ読むので、大きなファイルでもメモリを使い切りません。上限を超えるレコード・項目・レコード数は\n問題（CSV_RECORD_TOO_LONG・CSV_FIELD_TOO_LARGE・CSV_TOO_MANY_RECORDS）として報告します。',
          en: 'Files are read in chunks, so a large file does not exhaust memory. A record, field or record count over\nits limit is reported as an issue (CSV_RECORD_TOO_LONG, CSV_FIELD_TOO_LARGE, CSV_TOO_MANY_RECORDS).',
        },
      ],
      options: [
        ['-f, --format FORMAT', '出力形式 text|json|sarif|junit（既定 text）', 'output format text|json|sarif|junit (default text)'],
        ['--profile PROFILE', 'strict（既定、CI向け）か lenient（UTF-8・BOM・見出し行を警告にして読み進める）', 'strict (default, for CI) or lenient (UTF-8, BOM and header row become warnings; reading goes on)'],
        ['--fail-on LEVEL', 'この重大度以上の問題があれば終了コード1（error|warning、既定 error）', 'exit 1 when an issue at or above this severity is found (error|warning, default error)'],
        ['--lenient', '--profile lenient と同じ', 'same as --profile lenient'],
        ['--kind KIND', 'ファイル名から種別が分からないファイルの種別（UPPLAN、UPJSK …）', 'the kind of files whose name gives none (UPPLAN, UPJSK …)'],
        ['--max-record-length N', `1レコードの最大文字数（既定 ${n(DEFAULT_LIMITS.maxRecordLength)}）`, `longest record, in characters (default ${n(DEFAULT_LIMITS.maxRecordLength)})`],
        ['--max-field-length N', `1項目の最大文字数（既定 ${n(DEFAULT_LIMITS.maxFieldLength)}）`, `longest field, in characters (default ${n(DEFAULT_LIMITS.maxFieldLength)})`],
        ['--max-records N', `1ファイルの最大レコード数（既定 ${n(DEFAULT_LIMITS.maxRecords)}、超えた分は読まない）`, `most records read from one file (default ${n(DEFAULT_LIMITS.maxRecords)}; the rest is not read)`],
      ],
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
      ],
    },
    run(ctx, argv) {
      const { request, format } = parse(argv);
      return print(ctx, runValidation(ctx, name, request), format);
    },
    async runAsync(ctx, argv) {
      const { request, format } = parse(argv);
      return print(ctx, await runValidationStreaming(ctx, name, request), format);
    },
  };
}

export const validateCommand = makeValidateCommand('validate');
export const checkCommand = makeValidateCommand('check');
