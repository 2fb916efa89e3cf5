#!/usr/bin/env node
// Entry point of the careplan-csv command (package.json "bin"). validate and check, the commands run most
// often (CI, folders of files), load only their own modules; any other command loads them all (run.ts).
import { mainAsyncOf, splitCommand } from './dispatch.js';

// A closed pipe (`careplan-csv layouts | head`) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

async function run(argv: string[]): Promise<number> {
  const { name } = splitCommand(argv);
  if (name === 'validate' || name === 'check') {
    const { validateCommand, checkCommand } = await import('./commands/validate.js');
    // The main help lists every command; it is never shown here (the command named is found), so it is not built.
    return mainAsyncOf({ commands: [validateCommand, checkCommand], mainHelp: () => '' }, argv);
  }
  return (await import('./run.js')).mainAsync(argv);
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
