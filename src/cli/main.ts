#!/usr/bin/env node
// Entry point of the careplan-csv command (package.json "bin").
import { mainAsync } from './run.js';

// A closed pipe (`careplan-csv layouts | head`) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
void mainAsync(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
