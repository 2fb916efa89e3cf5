// The careplan-csv command: finds the command in the arguments and runs it. Built on the library's public
// API only (src/index.ts); main.ts runs it with the process's arguments.
import type { Command } from './command.js';
import { checkRecordsCommand } from './commands/check-records.js';
import { layoutCommand, layoutsCommand } from './commands/layouts.js';
import { convertCommand } from './commands/convert.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { fixCommand } from './commands/fix.js';
import { importCommand } from './commands/import.js';
import { inspectCommand } from './commands/inspect.js';
import { nameCommand } from './commands/name.js';
import { checkCommand, validateCommand } from './commands/validate.js';
import { CliError, EXIT, makeCtx, processIo, type Ctx, type Io, type Lang } from './context.js';
import { renderHelp } from './help.js';
import { COMMON_OPTIONS, flagsText, langOf, optionHelp } from './options.js';
import { toolVersion } from './package-info.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  importCommand,
  inspectCommand,
  convertCommand,
  exportCommand,
  nameCommand,
  diffCommand,
  fixCommand,
  layoutsCommand,
  layoutCommand,
  checkRecordsCommand,
  checkCommand,
  demoCommand,
];

/** The options every command takes, one line (from the table). */
const commonOptions = (lang: Lang) => COMMON_OPTIONS.map((o) => `${flagsText(o)}: ${optionHelp(o, lang)}`).join(lang === 'en' ? '; ' : '。');

function mainHelp(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const list = (l: Lang) => COMMANDS.map((c) => `  ${c.name.padEnd(width)}${l === 'en' ? c.summary.en : c.summary.ja}`).join('\n');
  const en = `careplan-csv — read, validate and write the CSV files of the care-plan data-exchange standard
(ケアプランデータ連携標準仕様)

Usage: careplan-csv <command> [options]   ·   careplan-csv <command> --help   ·   careplan-csv --version

Commands:
${list('en')}

Options for every command: ${commonOptions('en')}.
Exit codes: 0 nothing found, 1 problems found, 2 usage or I/O error.
`;
  if (lang === 'en') return en;
  return `careplan-csv — ケアプランデータ連携標準仕様のCSVを読み・検証し・書くツール

使い方: careplan-csv <コマンド> [オプション]   ·   careplan-csv <コマンド> --help   ·   careplan-csv --version

コマンド:
${list('ja')}

共通オプション: ${commonOptions('ja')}。
終了コード: 0 問題なし、1 問題あり、2 使い方・入出力のエラー。

────────────────────────────────────────

${en}`;
}

/** The command name: the first argument that is not an option (nor the value of --lang). */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      i++;
      continue;
    }
    if (a === '--') return { name: argv[i + 1], rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
    if (!a.startsWith('-')) return { name: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

const wantsHelp = (argv: readonly string[]) => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

function usageError(ctx: Ctx, e: CliError): number {
  ctx.warn(ctx.lang === 'en' ? `careplan-csv: ${e.en}` : `careplan-csv: ${e.ja} / ${e.en}`);
  const help = e.command ? `careplan-csv ${e.command} --help` : 'careplan-csv --help';
  ctx.warn(ctx.lang === 'en' ? `(see ${help})` : `（${help} を参照 / see ${help}）`);
  return EXIT.usage;
}

type Runner = (command: Command, ctx: Ctx, argv: string[]) => number;

/** Run the command with `argv` (without node and script); returns the exit code. Never throws. */
export function main(argv: string[], io: Io = processIo(), runner: Runner = (c, ctx, rest) => c.run(ctx, rest)): number {
  const lang = langOf(argv);
  const ctx = makeCtx(io, lang);
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined) {
      if (argv.includes('--version') || argv.includes('-v') || argv.includes('-V')) {
        ctx.out(toolVersion());
        return EXIT.ok;
      }
      if (wantsHelp(argv)) {
        ctx.stdout(mainHelp(lang));
        return EXIT.ok;
      }
      ctx.warn(mainHelp(lang));
      return EXIT.usage;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      if (name === 'help') {
        const target = COMMANDS.find((c) => c.name === rest.find((a) => !a.startsWith('-')));
        ctx.stdout(target ? renderHelp(target, lang) : mainHelp(lang));
        return EXIT.ok;
      }
      ctx.warn(ctx.lang === 'en' ? `careplan-csv: unknown command: ${name}\n` : `careplan-csv: 不明なコマンド / unknown command: ${name}\n`);
      ctx.warn(mainHelp(lang));
      return EXIT.usage;
    }
    if (wantsHelp(rest)) {
      ctx.stdout(renderHelp(command, lang));
      return EXIT.ok;
    }
    return runner(command, ctx, rest);
  } catch (e) {
    return failed(ctx, e);
  }
}

function failed(ctx: Ctx, e: unknown): number {
  if (e instanceof CliError) return usageError(ctx, e);
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  ctx.warn(ctx.lang === 'en' ? `careplan-csv: unexpected error (please report it): ${detail}` : `careplan-csv: 予期しないエラー（不具合として報告してください） / unexpected error (please report it): ${detail}`);
  return EXIT.usage;
}

/** main for the installed command: a command with runAsync (validate streams its files) runs that. Never rejects. */
export async function mainAsync(argv: string[], io: Io = processIo()): Promise<number> {
  const started: { ctx?: Ctx; result?: Promise<number> } = {};
  const code = main(argv, io, (command, ctx, rest) => {
    if (!command.runAsync) return command.run(ctx, rest);
    started.ctx = ctx;
    started.result = command.runAsync(ctx, rest);
    return EXIT.ok;
  });
  const { ctx, result } = started;
  if (!ctx || !result) return code;
  try {
    return await result;
  } catch (e) {
    return failed(ctx, e);
  }
}
