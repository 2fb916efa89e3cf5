// Running one command of a list: finds it in the arguments, prints help or a usage error, runs it. run.ts binds
// it to every command; main.ts binds it to validate and check alone when the arguments name one of them, so
// that the installed command does not load the other commands' modules to validate (a shorter cold start).
import type { Command } from './command.js';
import { CliError, EXIT, makeCtx, processIo, type Ctx, type Io, type Lang } from './context.js';
import { renderHelp } from './help.js';
import { langOf } from './options.js';
import { toolVersion } from './package-info.js';

/** The command name: the first argument that is not an option (nor the value of --lang). */
export function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
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

export type Runner = (command: Command, ctx: Ctx, argv: string[]) => number;

/** The commands to run and the main help (which lists them), for main and mainAsync. */
export interface CommandSet {
  readonly commands: readonly Command[];
  readonly mainHelp: (lang: Lang) => string;
}

/** Run the command with `argv` (without node and script); returns the exit code. Never throws. */
export function mainOf(set: CommandSet, argv: string[], io: Io = processIo(), runner: Runner = (c, ctx, rest) => c.run(ctx, rest)): number {
  const { commands: COMMANDS, mainHelp } = set;
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
export async function mainAsyncOf(set: CommandSet, argv: string[], io: Io = processIo()): Promise<number> {
  const started: { ctx?: Ctx; result?: Promise<number> } = {};
  const code = mainOf(set, argv, io, (command, ctx, rest) => {
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
