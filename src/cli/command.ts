// The shape of a command, declared once: its name, help, options table and positional arguments, and what it
// does with them. defineCommand is the shared runner: it reads the arguments by the table (every option checked,
// defaults applied, --lang and --help included), checks the positional count, and hands the command its values.
import type { Ctx } from './context.js';
import { checkTable, parseOptions, positionalsOf, type Bilingual, type COMMON_OPTIONS, type OptionSpec, type OptionValues, type PositionalSpec } from './options.js';

/** What --help shows of a command, besides its options (which come from the table). */
export interface CommandDeclaration {
  readonly name: string;
  readonly summary: Bilingual;
  /** Synopsis lines, without the leading `careplan-csv ` (a line starting with spaces continues the previous one). */
  readonly usage: readonly string[];
  /** Longer description, one paragraph per entry. */
  readonly details?: readonly Bilingual[];
  /** The command's own options; --lang and --help are added to every command. */
  readonly options: readonly OptionSpec[];
  readonly positionals: PositionalSpec;
  readonly exit: readonly (readonly [code: number, ja: string, en: string])[];
  readonly examples?: readonly string[];
}

export interface Command extends CommandDeclaration {
  /** Run with the arguments after the command name; returns the exit code (throws CliError for exit 2). */
  run(ctx: Ctx, argv: string[]): number;
  /**
   * The same, for the installed command (mainAsync): a command that streams its input (validate) runs here,
   * and `run` stays for in-process callers. Rejects with CliError for exit 2.
   */
  runAsync?(ctx: Ctx, argv: string[]): Promise<number>;
}

/** A command's arguments as its body receives them: option values by name, positionals counted. */
export interface CommandArgs<T extends readonly OptionSpec[]> {
  readonly values: OptionValues<T> & OptionValues<typeof COMMON_OPTIONS>;
  readonly positionals: string[];
}

interface CommandBody<T extends readonly OptionSpec[]> extends CommandDeclaration {
  readonly options: T;
  run(ctx: Ctx, args: CommandArgs<T>): number;
  runAsync?(ctx: Ctx, args: CommandArgs<T>): Promise<number>;
}

/** A command from its declaration and body: the arguments are parsed by the declared table before the body runs. */
export function defineCommand<const T extends readonly OptionSpec[]>(body: CommandBody<T>): Command {
  checkTable(body.name, body.options);
  const parse = (argv: string[]): CommandArgs<T> => {
    const { values, positionals } = parseOptions(body.name, argv, body.options);
    return { values, positionals: positionalsOf(body.name, positionals, body.positionals) };
  };
  const { run, runAsync, ...declaration } = body;
  return {
    ...declaration,
    run: (ctx, argv) => run.call(body, ctx, parse(argv)),
    ...(runAsync ? { runAsync: async (ctx: Ctx, argv: string[]) => runAsync.call(body, ctx, parse(argv)) } : {}),
  };
}

/** The usual exit codes of a checking command. */
export const CHECK_EXIT: CommandDeclaration['exit'] = [
  [0, '問題なし', 'nothing found'],
  [1, '問題あり（エラー）', 'problems found (errors)'],
  [2, '使い方・入出力のエラー', 'usage or I/O error'],
];
