// The shape of a command: its name, its help, and a function from arguments to an exit code.
import type { Ctx } from './context.js';
import type { HelpSpec } from './help.js';

export interface Command {
  readonly name: string;
  readonly help: HelpSpec;
  /** Run with the arguments after the command name; returns the exit code (throws CliError for exit 2). */
  run(ctx: Ctx, argv: string[]): number;
  /**
   * The same, for the installed command (mainAsync): a command that streams its input (validate) runs here,
   * and `run` stays for in-process callers. Rejects with CliError for exit 2.
   */
  runAsync?(ctx: Ctx, argv: string[]): Promise<number>;
}
