// The careplan-csv validate command, timed as a whole process by scripts/bench.mjs (issue 16): cold start, many
// small files, and a large file against validateStream in one process. Its output goes to /dev/null.
//   node scripts/bench-command.mjs large <file> <rounds>
// runs the comparison on a large file in a process of its own (so that the bench's own heap, holding the large
// file's records, does not slow validateStream) and prints one JSON line: { command, stream, commandCpu, streamCpu } (seconds a round).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFileName, validateStream, writeCsvFile } from '../dist/src/index.js';
import { median } from './bench-ratios.mjs';

// The command as installed: package.json "bin" (the bundle `npm run build` writes), not dist/src/cli/main.js.
const CLI = JSON.parse(readFileSync('package.json', 'utf8')).bin['careplan-csv'];

/**
 * CPU seconds (user + system) of this process's reaped children, from Linux's /proc/self/stat (cutime, cstime, in
 * ticks of 1/100 s); NaN elsewhere. On a busy machine the command's CPU time moves less than its wall time.
 */
export function childrenCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

let lastCpu = NaN;
/** CPU seconds of the last runCommand (NaN where unknown). */
export const lastCommandCpu = () => lastCpu;

/** Wall seconds of `careplan-csv validate …args` (a fresh node process); throws when it crashes or fails on usage. */
export function runCommand(args, okStatuses = [0]) {
  const cpu = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CLI, 'validate', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  lastCpu = childrenCpuSeconds() - cpu;
  if (!okStatuses.includes(child.status)) throw new Error(`careplan-csv validate exited ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return s;
}

/** Median wall time of the command on one small sample file, and of a bare `node -e 0`, taken in turn. */
export function coldStart(runs) {
  const small = join('samples', '4.1', 'UP1KYO_1370100008_43_1370200006_11_20250325090000.CSV');
  const command = [];
  const node = [];
  for (let i = 0; i < runs; i++) {
    command.push(runCommand([small], [0, 1])); // a file alone: its send unit lacks files (exit 1)
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    node.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { command: median(command), node: median(node) };
}

const samples = (kind) => JSON.parse(readFileSync(`samples/records/4.1/${kind}.json`, 'utf8'));

/**
 * Writes `count` small files into dir: send units of one user (第6表, 第7表, 利用者補足 of the 4.1 sample's first
 * user), one a second from 2025-03-25 10:00:00, all valid. Returns the number of files written.
 */
export function writeSmallFiles(dir, count) {
  mkdirSync(dir, { recursive: true });
  const user = (r) => r.insuredNumber === '0000123456';
  const kinds = [
    ['UPPLAN', samples('UPPLAN').filter(user)],
    ['UPSIKYU', samples('UPSIKYU').filter(user)],
    ['UPHOSOKU', samples('UPHOSOKU.202504').filter(user)],
  ].map(([kind, recs]) => [kind, writeCsvFile(kind, recs, { csvVersion: '202407' }).bytes]);
  const sender = { office: '1370100008', serviceType: '43' };
  const receiver = { office: '1370200006', serviceType: '11' };
  const first = Date.UTC(2025, 2, 25, 10, 0, 0);
  let written = 0;
  for (let u = 0; written < count; u++) {
    const timestamp = new Date(first + u * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
    for (const [kind, bytes] of kinds) {
      if (written === count) break;
      const name = buildFileName({ kind, edition: 4, month: '202504', sender, receiver, timestamp }).name;
      writeFileSync(join(dir, name), bytes);
      written++;
    }
  }
  return written;
}

/**
 * The command on the folder of small files, `rounds` times: best files/s. A count that is not a multiple of 3
 * leaves the last send unit incomplete (exit 1 is then expected).
 */
export function smallFilesRate(dir, count, rounds) {
  const ok = count % 3 === 0 ? [0] : [0, 1];
  let best = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    best = Math.min(best, runCommand([dir], ok));
    cpu = Math.min(cpu, lastCommandCpu());
  }
  return { seconds: best, cpu, filesPerSecond: count / best };
}

/** validateStream over a 64 KiB fs stream, in this process. */
let lastStreamCpu = NaN;
async function streamSeconds(path) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = await validateStream(createReadStream(path), basename(path));
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  lastStreamCpu = (used.user + used.system) / 1e6;
  if (report.summary.errors) throw new Error(`validateStream: ${report.summary.errors} errors in the synthetic file`);
  return s;
}

/** The command against validateStream on one large file, in turn; `rounds` pairs after one validateStream warm-up. */
export async function commandVsStream(path, rounds) {
  await streamSeconds(path);
  const command = [];
  const stream = [];
  const commandCpu = [];
  const streamCpu = [];
  const runCmd = () => {
    // The file alone is a send unit without its 第7表 and 利用者補足: the command reports that (exit 1).
    command.push(runCommand([path], [0, 1]));
    commandCpu.push(lastCommandCpu());
  };
  const runStream = async () => {
    stream.push(await streamSeconds(path));
    streamCpu.push(lastStreamCpu);
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      runCmd();
      await runStream();
    } else {
      await runStream();
      runCmd();
    }
  }
  return { command, stream, commandCpu, streamCpu };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === 'large') {
  const result = await commandVsStream(process.argv[3], Number(process.argv[4] ?? 3));
  console.log(JSON.stringify(result));
}
