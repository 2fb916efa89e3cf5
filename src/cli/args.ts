// Command-line parsing on node:util parseArgs: every command's own options plus --help and --lang, and the
// checks of option values that turn a mistake into a clear bilingual usage error (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type Lang } from './context.js';

/** Options every command takes (spread into each command's parseArgs options). */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
} as const;

/**
 * Run a command's node:util parseArgs (strict, positionals allowed): an unknown option or a missing value
 * becomes a usage error naming the command.
 */
export function parseCommandArgs<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const text = (e instanceof Error ? e.message : String(e)).replace(/\s+To specify a positional argument.*$/s, '').replace(/\s+/g, ' ');
    throw new CliError(`引数が正しくありません: ${text}`, `invalid arguments: ${text}`, command);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
type CommandConfig<O extends Options> = {
  args: string[];
  options: typeof COMMON_OPTIONS & O;
  allowPositionals: true;
  strict: true;
};

/**
 * A command's arguments: its own options plus --help and --lang, strict, positionals allowed; a mistake is a
 * usage error naming the command, and --lang is checked.
 */
export function parseCommand<const O extends Options>(
  command: string,
  argv: string[],
  options: O,
): ReturnType<typeof parseArgs<CommandConfig<O>>> {
  const parsed = parseCommandArgs(command, () =>
    parseArgs<CommandConfig<O>>({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true }),
  );
  checkLang(command, (parsed.values as { lang?: string }).lang);
  return parsed;
}

/** The --lang of an argument list, read before anything else so that even usage errors are in it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined) return value === 'en' ? 'en' : 'ja';
  }
  return 'ja';
}

/** Check --lang itself. */
export function checkLang(command: string, value: string | undefined): void {
  if (value !== undefined && value !== 'ja' && value !== 'en') {
    throw new CliError(`--lang は ja か en です（${JSON.stringify(value)}）`, `--lang is ja or en (got ${JSON.stringify(value)})`, command);
  }
}

/** A value from a fixed list, or the default when absent. */
export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(
    `--${option} は ${allowed.join('、')} のいずれかです（${JSON.stringify(value)}）`,
    `--${option} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    command,
  );
}

/** A value the command cannot run without. */
export function required(command: string, option: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new CliError(`--${option} を指定してください`, `--${option} is required`, command);
  }
  return value;
}

/** The positional arguments, checked for count. */
export function positionalsOf(command: string, positionals: string[], min: number, max: number, what: { ja: string; en: string }): string[] {
  if (positionals.length < min) {
    throw new CliError(`${what.ja}を指定してください`, `missing ${what.en}`, command);
  }
  if (positionals.length > max) {
    const extra = positionals.slice(max).map((p) => JSON.stringify(p)).join(' ');
    throw new CliError(`余分な引数があります: ${extra}`, `unexpected arguments: ${extra}`, command);
  }
  return positionals;
}
