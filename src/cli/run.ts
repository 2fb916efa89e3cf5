// The careplan-csv command: every command, run through dispatch.ts (which finds the command in the arguments and
// runs it). Built on the library's public API only (src/index.ts); main.ts runs it with the process's arguments
// (validate and check through dispatch.ts with their own module alone).
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
import { pageCommand } from './commands/page.js';
import { printCommand } from './commands/print.js';
import { checkCommand, validateCommand } from './commands/validate.js';
import { processIo, type Io, type Lang } from './context.js';
import { mainAsyncOf, mainOf, type Runner } from './dispatch.js';
import { COMMON_OPTIONS, flagsText, optionHelp } from './options.js';

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
  pageCommand,
  printCommand,
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

const ALL = { commands: COMMANDS, mainHelp };

/** Run the command with `argv` (without node and script); returns the exit code. Never throws. */
export function main(argv: string[], io: Io = processIo(), runner?: Runner): number {
  return mainOf(ALL, argv, io, runner);
}

/** main for the installed command: a command with runAsync (validate streams its files) runs that. Never rejects. */
export function mainAsync(argv: string[], io: Io = processIo()): Promise<number> {
  return mainAsyncOf(ALL, argv, io);
}
