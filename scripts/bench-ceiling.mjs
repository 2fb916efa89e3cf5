// The ceiling comparison of `npm run bench` (issue 16), in a process of its own:
//   node scripts/bench-ceiling.mjs <file> <rounds>
// times the ceiling (the platform's Shift_JIS decoder and a split on CRLF of the file's bytes), readCsvFile,
// validateFile and validateFiles (one file) in paired rounds and prints their times as JSON. A process of its own
// because the bench's heap (the 300,000 record objects it writes the file from, the decoded text, the figures of
// earlier sections) would slow every collection of the readers and validators but not the ceiling's: measured in
// the bench's process, validateFile came out at 0.33 of the ceiling; alone, as a user's process would run it, 0.47.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readCsvFile, validateFile, validateFiles } from '../dist/src/index.js';
import { CEILING, paired } from './bench-ratios.mjs';

const [path, roundsArg] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(path));
const name = basename(path);
const errorsOf = (report) => report.files[0].issues.filter((i) => i.severity === 'error').length;
const result = paired({
  [CEILING]: () => new TextDecoder('shift_jis').decode(bytes).split('\r\n').length,
  readCsvFile: () => readCsvFile({ name, bytes }).records.length,
  validateFile: () => errorsOf(validateFile({ name, bytes })),
  'validateFiles (one file)': () => errorsOf(validateFiles([{ name, bytes }])),
}, Math.max(1, Number(roundsArg ?? 3)));
console.log(JSON.stringify(result));
