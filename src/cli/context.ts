// What every command gets: where to write, the language of its messages, whether colour is allowed, and the
// error that ends a command with exit code 2 (usage or I/O). Nothing here knows about a particular command.
// Every text a command prints goes through terminalSafe here: control characters from a file or a file name
// never reach the terminal, whichever command or format printed them.
import type { Lang } from '../report/issues.js';
import { terminalSafe } from '../report/terminal.js';

export type { Lang };

/** Exit codes of every command. */
export const EXIT = { ok: 0, found: 1, usage: 2 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Ctx extends Io {
  readonly lang: Lang;
  /** ANSI colour on stdout: only on a terminal and when NO_COLOR is unset. */
  readonly color: boolean;
  /** A short message in the chosen language: Japanese with English alongside, or English alone. */
  t(ja: string, en: string): string;
  /** A line on stdout. */
  out(line?: string): void;
  /** A line on stderr. */
  warn(line: string): void;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

export function makeCtx(io: Io, lang: Lang): Ctx {
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  const stdout = (text: string) => io.stdout(terminalSafe(text));
  const stderr = (text: string) => io.stderr(terminalSafe(text));
  return {
    ...io,
    stdout,
    stderr,
    lang,
    color: io.stdoutIsTTY && !noColor,
    t: (ja, en) => (lang === 'en' ? en : `${ja} / ${en}`),
    out: (line = '') => stdout(`${line}\n`),
    warn: (line) => stderr(`${line}\n`),
  };
}

/** Ends a command with a bilingual message on stderr and exit code 2 (usage or I/O error). */
export class CliError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
    /** The command whose help to point to. */
    readonly command?: string,
  ) {
    super(en);
    this.name = 'CliError';
  }
}

/** The message of an unknown thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
