// The shape of a command: its name, its help, and a function from arguments to an exit code.
import type { Ctx } from './context.js';
import type { HelpSpec } from './help.js';

export interface Command {
  readonly name: string;
  readonly help: HelpSpec;
  /** Run with the arguments after the command name; returns the exit code (throws CliError for exit 2). */
  run(ctx: Ctx, argv: string[]): number;
}
