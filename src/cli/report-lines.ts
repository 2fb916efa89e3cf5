// Issues printed by the commands that write files (convert, fix, export), one per line as validate prints them.
import type { Issue } from '../core.js';
import type { Ctx } from './context.js';
import { issueLines } from '../report/text.js';

export function printIssues(ctx: Ctx, issues: readonly Issue[], toStderr = false): void {
  for (const issue of issues) for (const l of issueLines(ctx, issue)) (toStderr ? ctx.warn : ctx.out)(l);
}
