// Streaming validation of one large file in its own process; prints throughput and peak RSS.
// Used by scripts/bench.mjs: node scripts/bench-stream.mjs <file>
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { validateStream } from '../dist/src/index.js';

const path = process.argv[2];
const start = process.hrtime.bigint();
// fs streams read 64 KiB at a time by default; smaller chunks keep fewer records alive at once.
const report = await validateStream(createReadStream(path), basename(path));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = statSync(path).size / 1e6;
// The peak of this process's own memory: VmHWM where Linux gives it. (resourceUsage().maxRSS is not it: a child
// started by fork counts its parent's resident pages until exec, so it reports the benchmark's own size.)
const peak = peakRssMb();
console.log(`${(mb / seconds).toFixed(1)} MB/s, ${report.files[0].records.toLocaleString('en')} records, ${report.summary.errors} errors, peak RSS ${peak.toFixed(0)} MB`);

function peakRssMb() {
  if (existsSync('/proc/self/status')) {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}
