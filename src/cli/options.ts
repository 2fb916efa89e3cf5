// A command's options declared once, as a table: each option's name, short alias, value kind, default, whether it
// repeats, and its help in Japanese and English. The parser (node:util parseArgs, strict) and the Options section
// of --help are both made from the table, so they cannot disagree; a value that breaks the table (a choice not
// listed, a count that is not a whole number) is a bilingual usage error (exit 2) before the command runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type Lang } from './context.js';

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

interface OptionBase {
  /** The long name, without `--`. */
  readonly name: string;
  /** One letter, without `-`. */
  readonly short?: string;
  readonly help: Bilingual;
  /** The command cannot run without it (a usage error when absent). */
  readonly required?: boolean;
  /** A default the library or the command applies (shown in help, never applied by the parser). */
  readonly defaultNote?: Bilingual;
}

/** A switch: true when given. */
export interface FlagOption extends OptionBase {
  readonly kind: 'flag';
}

/** Free text (a path, a kind, a file-name part …): the command checks what it means. */
export interface TextOption extends OptionBase {
  readonly kind: 'text';
  /** The placeholder in help (DIR, KIND …). */
  readonly value: string;
  readonly default?: string;
  /** May be given more than once; the values in order. */
  readonly repeatable?: boolean;
}

/** One of a fixed list. */
export interface ChoiceOption extends OptionBase {
  readonly kind: 'choice';
  readonly value: string;
  readonly choices: readonly string[];
  readonly default?: string;
}

/** A whole number of at least 1. */
export interface CountOption extends OptionBase {
  readonly kind: 'count';
  readonly value: string;
  readonly default?: number;
}

export type OptionSpec = FlagOption | TextOption | ChoiceOption | CountOption;

/** What the parser gives for an option: its value, or undefined when absent and without a default. */
type ValueOf<O> = O extends FlagOption
  ? boolean
  : O extends { readonly kind: 'choice'; readonly choices: readonly (infer C extends string)[] }
    ? C
    : O extends CountOption
      ? number
      : O extends { readonly repeatable: true }
        ? string[]
        : string;
type AlwaysThere<O> = O extends FlagOption ? true : O extends { readonly default: unknown } ? true : O extends { readonly required: true } ? true : O extends { readonly repeatable: true } ? true : false;

export type OptionValues<T extends readonly OptionSpec[]> = {
  readonly [O in T[number] as O['name']]: AlwaysThere<O> extends true ? ValueOf<O> : ValueOf<O> | undefined;
};

/** Options every command takes, after its own. */
export const COMMON_OPTIONS = [
  { name: 'lang', kind: 'choice', value: 'LANG', choices: ['ja', 'en'], default: 'ja', help: { ja: 'メッセージの言語。ja は日本語と英語を併記、en は英語のみ', en: 'message language: ja is Japanese with English alongside, en English alone' } },
  { name: 'help', short: 'h', kind: 'flag', help: { ja: 'このヘルプ', en: 'this help' } },
] as const satisfies readonly OptionSpec[];

/** A command's own options and the common ones, in the order help lists them. */
export function withCommon(options: readonly OptionSpec[]): readonly OptionSpec[] {
  return [...options, ...COMMON_OPTIONS];
}

/** Whether the table is well formed: names and short aliases unique, a choice's default among its choices. */
export function checkTable(command: string, options: readonly OptionSpec[]): void {
  const seen = new Set<string>();
  for (const o of withCommon(options)) {
    for (const key of [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]) {
      if (seen.has(key)) throw new Error(`${command}: option ${key} declared twice`);
      seen.add(key);
    }
    if (o.kind === 'choice' && o.default !== undefined && !o.choices.includes(o.default as string)) throw new Error(`${command}: --${o.name} default ${o.default} is not a choice`);
  }
}

/** The flags as help shows them: `-f, --format FORMAT`. */
export function flagsText(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.kind === 'flag' ? '' : ` ${o.value}`}`;
}

/** An option's help line text: its help, its choices, its default, whether it repeats or is required. */
export function optionHelp(o: OptionSpec, lang: Lang): string {
  const en = lang === 'en';
  const notes: string[] = [];
  if (o.kind === 'choice') notes.push(o.choices.join('|'));
  const shown = o.kind === 'flag' ? undefined : o.default !== undefined ? String(o.default) : undefined;
  if (shown !== undefined) notes.push(en ? `default ${shown}` : `既定 ${shown}`);
  if (o.defaultNote) notes.push(en ? `default ${o.defaultNote.en}` : `既定 ${o.defaultNote.ja}`);
  if (o.required) notes.push(en ? 'required' : '必須');
  if (o.kind === 'text' && o.repeatable) notes.push(en ? 'repeatable' : '繰り返し可');
  const text = en ? o.help.en : o.help.ja;
  if (!notes.length) return text;
  return en ? `${text} (${notes.join('; ')})` : `${text}（${notes.join('、')}）`;
}

/** The node:util parseArgs configuration of a table. */
function parseArgsOptions(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    withCommon(options).map((o) => [
      o.name,
      { type: o.kind === 'flag' ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}), ...(o.kind === 'text' && o.repeatable ? { multiple: true } : {}) },
    ]),
  );
}

/**
 * Run node:util parseArgs (strict, positionals allowed): an unknown option or a missing value becomes a usage
 * error naming the command.
 */
function parseStrict(command: string, argv: readonly string[], options: readonly OptionSpec[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: parseArgsOptions(options), allowPositionals: true, strict: true }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (e) {
    const text = (e instanceof Error ? e.message : String(e)).replace(/\s+To specify a positional argument.*$/s, '').replace(/\s+/g, ' ');
    throw new CliError(`引数が正しくありません: ${text}`, `invalid arguments: ${text}`, command);
  }
}

/** One option's value checked against the table, its default applied. */
function valueOf(command: string, o: OptionSpec, given: unknown): unknown {
  if (o.kind === 'flag') return given === true;
  if (o.kind === 'text' && o.repeatable) return (given as string[] | undefined) ?? [];
  if (given === undefined) {
    if (o.required) throw new CliError(`--${o.name} を指定してください`, `--${o.name} is required`, command);
    return o.default;
  }
  const value = given as string;
  if (o.kind === 'choice' && !o.choices.includes(value)) {
    throw new CliError(
      `--${o.name} は ${o.choices.join('、')} のいずれかです（${JSON.stringify(value)}）`,
      `--${o.name} must be one of ${o.choices.join(', ')} (got ${JSON.stringify(value)})`,
      command,
    );
  }
  if (o.kind === 'count') {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new CliError(`--${o.name} は1以上の整数です（${JSON.stringify(value)}）`, `--${o.name} must be a whole number of at least 1 (got ${JSON.stringify(value)})`, command);
    }
    return n;
  }
  if (o.required && value === '') throw new CliError(`--${o.name} を指定してください`, `--${o.name} is required`, command);
  return value;
}

/** The arguments of a command, read by its table: every option checked, defaults applied. */
export function parseOptions<const T extends readonly OptionSpec[]>(
  command: string,
  argv: readonly string[],
  options: T,
): { values: OptionValues<T> & OptionValues<typeof COMMON_OPTIONS>; positionals: string[] } {
  const parsed = parseStrict(command, argv, options);
  const values: Record<string, unknown> = {};
  for (const o of withCommon(options)) values[o.name] = valueOf(command, o, parsed.values[o.name]);
  return { values: values as OptionValues<T> & OptionValues<typeof COMMON_OPTIONS>, positionals: parsed.positionals };
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

/** How many positional arguments a command takes, and what they are (for the message when they are missing). */
export interface PositionalSpec {
  readonly min: number;
  readonly max: number;
  readonly what: Bilingual;
}

/** The positional arguments, checked for count. */
export function positionalsOf(command: string, positionals: readonly string[], spec: PositionalSpec): string[] {
  if (positionals.length < spec.min) {
    throw new CliError(`${spec.what.ja}を指定してください`, `missing ${spec.what.en}`, command);
  }
  if (positionals.length > spec.max) {
    const extra = positionals
      .slice(spec.max)
      .map((p) => JSON.stringify(p))
      .join(' ');
    throw new CliError(`余分な引数があります: ${extra}`, `unexpected arguments: ${extra}`, command);
  }
  return [...positionals];
}

/** A value the command cannot run without in one of its modes (name --build). */
export function required(command: string, option: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new CliError(`--${option} を指定してください`, `--${option} is required`, command);
  }
  return value;
}
