// careplan-csv validate: every file named (folders expanded), grouped into send units, every issue printed
// in the format asked for; the exit code tells CI whether anything reached --fail-on.
import { parseFileName, validateFiles, type FileReport, type InputFile, type Issue, type Profile, type UnitReport, type ValidationReport } from '../../core.js';
import { oneOf, parseCommand, positionalsOf } from '../args.js';
import type { Command } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { formatJson } from '../format/json.js';
import { failingCount, lineAtOffset, type FailOn, type ValidationRun } from '../format/issues.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif } from '../format/sarif.js';
import { toolHomepage, toolName, toolVersion } from '../package-info.js';
import { formatText } from '../format/text.js';
import { collectFiles, readBytes, type InputPath } from '../input.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type ValidateFormat = (typeof FORMATS)[number];

/** Show a progress line on a terminal's stderr from this many files on. */
const PROGRESS_FROM = 20;

export interface ValidateRequest {
  readonly paths: readonly InputPath[];
  readonly profile: Profile;
  readonly failOn: FailOn;
}

/** The library groups files into send units by ファイル連番, sender office and receiver office. */
function batchKey(display: string): string | undefined {
  const info = parseFileName(display).info;
  return info ? `${info.timestamp}:${info.sender.office}>${info.receiver.office}` : undefined;
}

/**
 * Validate files one send unit at a time (a unit's files are read, checked and let go), which bounds memory
 * by the largest unit and lets a terminal show progress. The report is the one validateFiles gives for all the
 * files at once: files in the order given, units in the library's order.
 */
export function runValidation(ctx: Ctx, command: string, request: ValidateRequest): ValidationRun {
  const { paths, profile } = request;
  const batches = new Map<string, InputPath[]>();
  const loners: InputPath[][] = [];
  for (const p of paths) {
    const key = batchKey(p.display);
    if (key === undefined) loners.push([p]);
    else if (batches.has(key)) batches.get(key)!.push(p);
    else batches.set(key, [p]);
  }
  const ordered = [...[...batches.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, b]) => b), ...loners];
  const progress = ctx.stderrIsTTY && paths.length >= PROGRESS_FROM;
  const fileReports = new Map<string, FileReport>();
  const units: UnitReport[] = [];
  const offsetLines = new Map<Issue, number>();
  let done = 0;
  let shown = 0;
  for (const batch of ordered) {
    const inputs: InputFile[] = batch.map((p) => ({ name: p.display, bytes: readBytes(command, p.path) }));
    const report = validateFiles(inputs, { profile });
    report.files.forEach((f, i) => {
      fileReports.set(batch[i]!.display, f);
      for (const issue of f.issues) {
        if (issue.line === undefined && issue.offset !== undefined) offsetLines.set(issue, lineAtOffset(inputs[i]!.bytes, issue.offset));
      }
    });
    units.push(...report.units);
    done += batch.length;
    if (progress && (Date.now() - shown > 100 || done === paths.length)) {
      shown = Date.now();
      ctx.stderr(`\r${ctx.t('検証中', 'validating')} ${done}/${paths.length}`);
    }
  }
  if (progress) ctx.stderr(`\r${' '.repeat(40)}\r`);
  const files = paths.map((p) => fileReports.get(p.display)!);
  const issues = [...files.flatMap((f) => f.issues), ...units.flatMap((u) => u.issues)];
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  const report: ValidationReport = {
    files,
    units,
    issues,
    summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
  return { report, offsetLines, profile, failOn: request.failOn };
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

export function makeValidateCommand(name: 'validate' | 'check'): Command {
  return {
    name,
    help: {
      usage: [`${name} <file or folder…> [--format text|json|sarif|junit] [--profile strict|lenient] [--fail-on error|warning]`],
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
      ],
      options: [
        ['-f, --format FORMAT', '出力形式 text|json|sarif|junit（既定 text）', 'output format text|json|sarif|junit (default text)'],
        ['--profile PROFILE', 'strict（既定、CI向け）か lenient（UTF-8・BOM・見出し行を警告にして読み進める）', 'strict (default, for CI) or lenient (UTF-8, BOM and header row become warnings; reading goes on)'],
        ['--fail-on LEVEL', 'この重大度以上の問題があれば終了コード1（error|warning、既定 error）', 'exit 1 when an issue at or above this severity is found (error|warning, default error)'],
        ['--lenient', '--profile lenient と同じ', 'same as --profile lenient'],
      ],
      exit: [
        [0, '--fail-on 以上の問題なし', 'nothing at or above --fail-on'],
        [1, '--fail-on 以上の問題あり', 'an issue at or above --fail-on'],
        [2, '使い方・入出力のエラー（読めないファイル、ファイルが1つもない等）', 'usage or I/O error (unreadable file, no files found …)'],
      ],
      examples: [
        `careplan-csv ${name} exports/`,
        `careplan-csv ${name} exports/ --format sarif > careplan.sarif`,
        `careplan-csv ${name} exports/ --format junit --fail-on warning > careplan-junit.xml`,
      ],
    },
    run(ctx, argv) {
      const { values, positionals } = parseCommand(name, argv, {
        format: { type: 'string', short: 'f' },
        profile: { type: 'string' },
        'fail-on': { type: 'string' },
        lenient: { type: 'boolean' },
      });
      const format = oneOf(name, 'format', values.format, FORMATS, 'text');
      const profile = values.lenient ? 'lenient' : oneOf(name, 'profile', values.profile, ['strict', 'lenient'] as const, 'strict');
      const failOn = oneOf(name, 'fail-on', values['fail-on'], ['error', 'warning'] as const, 'error');
      const args = positionalsOf(name, positionals, 1, Infinity, { ja: '検証するファイルかフォルダ', en: 'files or folders to validate' });
      const paths = collectFiles(name, args);
      if (!paths.length) {
        throw new CliError(
          `検証するファイルがありません（.CSV / .jpg が見つかりません）: ${args.join(' ')}`,
          `no files to validate (no .CSV or .jpg found): ${args.join(' ')}`,
          name,
        );
      }
      const run = runValidation(ctx, name, { paths, profile, failOn });
      ctx.stdout(render(ctx, run, format));
      return failingCount(run) > 0 ? EXIT.found : EXIT.ok;
    },
  };
}

export const validateCommand = makeValidateCommand('validate');
export const checkCommand = makeValidateCommand('check');
