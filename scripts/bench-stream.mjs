// Streaming validation of one large file in its own process; prints throughput and peak RSS.
// Used by scripts/bench.mjs: node scripts/bench-stream.mjs <file> [stream|files]
//   stream: validateStream (the file alone); files: validateFileStreams (the file as a send unit of one file).
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { validateFileStreams, validateStream } from '../dist/src/index.js';
import { peakRssMb } from './peak-rss.mjs';

const path = process.argv[2];
const mode = process.argv[3] ?? 'stream';
const start = process.hrtime.bigint();
// fs streams read 64 KiB at a time by default.
const report =
  mode === 'files'
    ? await validateFileStreams([{ name: basename(path), chunks: createReadStream(path) }])
    : await validateStream(createReadStream(path), basename(path));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = statSync(path).size / 1e6;
console.log(`${(mb / seconds).toFixed(1)} MB/s, ${report.files[0].records.toLocaleString('en')} records, ${report.summary.errors} errors, peak RSS ${peakRssMb().toFixed(0)} MB`);
