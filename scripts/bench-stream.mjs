// Streaming validation of one large file in its own process; prints throughput and peak RSS.
// Used by scripts/bench.mjs: node scripts/bench-stream.mjs <file> [stream|files|unit]
//   stream: validateStream (the file alone); files: validateFileStreams (the file as a send unit of one file);
//   unit: validateFileStreams on every file of the directory <file> (a send unit of 第6表, 第7表, 利用者補足).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateFileStreams, validateStream } from '../dist/src/index.js';
import { peakRssMb } from './peak-rss.mjs';

const path = process.argv[2];
const mode = process.argv[3] ?? 'stream';
const paths = mode === 'unit' ? readdirSync(path).map((n) => join(path, n)) : [path];
const start = process.hrtime.bigint();
// fs streams read 64 KiB at a time by default.
const report =
  mode === 'stream'
    ? await validateStream(createReadStream(path), basename(path))
    : await validateFileStreams(paths.map((p) => ({ name: basename(p), chunks: createReadStream(p) })));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = paths.reduce((n, p) => n + statSync(p).size, 0) / 1e6;
const records = report.files.reduce((n, f) => n + f.records, 0);
const unitIssues = (report.units ?? []).reduce((n, u) => n + u.issues.length, 0);
console.log(`${(mb / seconds).toFixed(1)} MB/s, ${records.toLocaleString('en')} records, ${report.summary.errors} errors, ${unitIssues} unit issues, peak RSS ${peakRssMb().toFixed(0)} MB`);
