// Streaming validation of one large file in its own process; prints throughput and peak RSS.
// Used by scripts/bench.mjs: node scripts/bench-stream.mjs <file>
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { validateStream } from '../dist/src/index.js';

const path = process.argv[2];
const start = process.hrtime.bigint();
// fs streams read 64 KiB at a time by default; smaller chunks keep fewer records alive at once.
const report = await validateStream(createReadStream(path), basename(path));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = statSync(path).size / 1e6;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`${(mb / seconds).toFixed(1)} MB/s, ${report.files[0].records.toLocaleString('en')} records, ${report.summary.errors} errors, peak RSS ${peak.toFixed(0)} MB`);
