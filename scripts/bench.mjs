// Throughput and memory of careplan-csv against the machine's limit (decode + split of the same bytes, issue 16)
// and against plain csv-parse / csv-stringify + iconv-lite on the same synthetic data. `npm run bench` builds
// first. Prints figures and a final "ratios (targets)" block; asserts nothing. Ratios are medians of paired rounds
// in this process (scripts/bench-ratios.mjs). Environment:
//   BENCH_MB=50          size of the large 第6表 file (default 50)
//   BENCH_ROUNDS=3       paired rounds for each comparison (default 3)
//   BENCH_SEND_UNITS=1000  number of small send units validated in this process (default 1000)
//   BENCH_SMALL_FILES=30000  small files validated by the careplan-csv validate command (default 30,000; 0 skips)
//   BENCH_USERS=3000     users of the send unit written by writeSendUnit against writeCsvFile (default 3000)
//   BENCH_COLD_RUNS=7    runs of the command on one small file for the cold start (median; default 7)
//   BENCH_STREAM_MB=500  size of the file for the streaming memory runs (0 to skip; default 500). Those runs
//                        write the file and validate it three times in child processes (validateStream,
//                        validateFileStreams, the careplan-csv validate command): about 3–6 minutes on 2 cores.
//   BENCH_UNIT_MB=100    size of the 第6表 of the send unit (第6表 + 第7表 + 利用者補足, ≈390 users a MB) validated
//                        by validateFileStreams and the command for peak RSS (0 to skip; default 100, about
//                        2 minutes; 500 takes about 8). Skipped with BENCH_STREAM_MB=0 too.
// Temporary files go to one folder under the system's tmp dir, removed at exit (Ctrl-C included).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { readCsvFile, readCsvStream, validateFiles, writeCsvFile, buildFileName, decodeRecord } from '../dist/src/index.js';
import { writeScheduleSendUnit } from './write-send-unit.mjs';
import { CEILING, paired, printTargets, speedRatio, target, timeRatio, median } from './bench-ratios.mjs';
import { coldStart, smallFilesRate, writeSmallFiles } from './bench-command.mjs';

const MB = Number(process.env.BENCH_MB ?? 50);
const SEND_UNIT_COUNT = Number(process.env.BENCH_SEND_UNITS ?? 1000);
const STREAM_MB = Number(process.env.BENCH_STREAM_MB ?? 500);
const UNIT_MB = Number(process.env.BENCH_UNIT_MB ?? 100);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const SMALL_FILES = Number(process.env.BENCH_SMALL_FILES ?? 30000);
const COLD_RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 7));
const samples = (kind) => JSON.parse(readFileSync(`samples/records/4.1/${kind}.json`, 'utf8'));

/** The sample month's 第6表 rows, re-keyed for as many synthetic users as needed. */
function planRecords(targetBytes, firstUser = 0) {
  const base = samples('UPPLAN');
  const bytesPerRecord = writeCsvFile('UPPLAN', base, { csvVersion: '202407' }).bytes.length / base.length;
  const count = Math.ceil(targetBytes / bytesPerRecord);
  return Array.from({ length: count }, (_, i) => ({
    ...base[i % base.length],
    insuredNumber: String(1000000000 + firstUser + Math.floor(i / base.length)).padStart(10, '0'),
  }));
}

function time(fn, runs = 2) {
  fn(); // warm-up
  let best = Infinity;
  let result;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: best, result };
}

const rows = [];
function report(label, bytes, records, seconds) {
  rows.push({ label, mbps: bytes / 1e6 / seconds, rps: records / seconds, seconds });
  console.log(`${label.padEnd(44)} ${(bytes / 1e6 / seconds).toFixed(1).padStart(7)} MB/s ${Math.round(records / seconds).toLocaleString('en').padStart(11)} records/s`);
}

console.log(`careplan-csv bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);

// Temporary files, removed at exit (Ctrl-C included).
const dir = join(tmpdir(), `careplan-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

// 1. One large 第6表 file of edition 4.1.
const records = planRecords(MB * 1e6);
const written = writeCsvFile('UPPLAN', records, { csvVersion: '202407' });
const bytes = written.bytes;
const name = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
console.log(`\nlarge file: ${records.length.toLocaleString('en')} UPPLAN records, ${(bytes.length / 1e6).toFixed(1)} MB MS932`);
const text = iconv.decode(Buffer.from(bytes), 'cp932');
const n = records.length;

const decode = time(() => iconv.decode(Buffer.from(bytes), 'cp932'));
report('MS932 decode alone (iconv-lite)', bytes.length, n, decode.seconds);
const csvParse = time(() => parse(Buffer.from(bytes), { relax_column_count: true }).length);
report('csv-parse alone (same bytes)', bytes.length, n, csvParse.seconds);
const csvParseText = time(() => parse(text, { relax_column_count: true }).length);
report('csv-parse alone (decoded text)', bytes.length, n, csvParseText.seconds);
// The ceiling (issue 16): the platform's Shift_JIS decoder and a split on CRLF of the same bytes, in turn with the
// readers and validators, in a process of its own that holds nothing but the bytes (scripts/bench-ceiling.mjs says
// why). The large file travels alone here: its send unit lacks 第7表 and 利用者補足, which is not what is measured
// (validateFiles' unit issues are not counted).
const ceil = (() => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const child = spawnSync(process.execPath, ['scripts/bench-ceiling.mjs', path, String(ROUNDS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  rmSync(path, { force: true });
  if (child.status !== 0) throw new Error(`bench-ceiling: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
})();
for (const label of ['validateFile', 'validateFiles (one file)']) if (ceil[label].result) throw new Error(`synthetic data has ${ceil[label].result} errors (${label})`);
for (const [label, r] of Object.entries(ceil)) report(label, bytes.length, n, r.best);
const ofCeiling = (label) => speedRatio(ceil[label], ceil[CEILING]).toFixed(2);
console.log(`  of the ceiling (median of ${ROUNDS} paired rounds in a process of their own): validateFile ${ofCeiling('validateFile')}, validateFiles ${ofCeiling('validateFiles (one file)')}, readCsvFile ${ofCeiling('readCsvFile')}`);
target(`validateFile / ceiling (${MB} MB 第6表)`, speedRatio(ceil.validateFile, ceil[CEILING]), '>=', 0.5);
target('validateFiles (one file) / ceiling', speedRatio(ceil['validateFiles (one file)'], ceil[CEILING]), '>=', 0.5);
target('readCsvFile / ceiling', speedRatio(ceil.readCsvFile, ceil[CEILING]), '>=', 0.6);
target('validateFiles (one file) / validateFile, speed', speedRatio(ceil['validateFiles (one file)'], ceil.validateFile), '>=', 1.0);
const streamStart = process.hrtime.bigint();
{
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
  let c = 0;
  for await (const item of readCsvStream(chunks, { name })) if (item.type === 'record') c++;
}
report('readCsvStream (64 KiB chunks)', bytes.length, n, Number(process.hrtime.bigint() - streamStart) / 1e9);

const cells = records.map((r) => Object.values(r));
// The writer against csv-stringify with iconv-lite's MS932 encoding of its text (what a user of the two would write).
const STRINGIFY = 'csv-stringify alone (same records)';
const YARDSTICK = 'csv-stringify + iconv-lite (MS932 bytes)';
const writers = paired({
  [STRINGIFY]: () => stringify(cells, { record_delimiter: 'windows' }).length,
  [YARDSTICK]: () => iconv.encode(stringify(cells, { record_delimiter: 'windows' }), 'cp932').length,
  'writeCsvFile (MS932 bytes)': () => writeCsvFile('UPPLAN', records, { csvVersion: '202407' }).bytes.length,
}, ROUNDS);
for (const [label, r] of Object.entries(writers)) report(label, bytes.length, n, r.best);
target('writeCsvFile / (csv-stringify + iconv-lite)', speedRatio(writers['writeCsvFile (MS932 bytes)'], writers[YARDSTICK]), '>=', 1.0);

// Typed records (issue 14): decodeRecord over every record readCsvFile gives, as a share of readCsvFile's time.
// With validate: false (after validateFiles has checked the file) and with the validator's checks again.
const read = time(() => readCsvFile({ name, bytes }));
const file = read.result;
const decodeAll = (validate) => () => {
  let ok = 0;
  for (let i = 0; i < file.records.length; i++) if (decodeRecord('UPPLAN', file.records[i], { line: file.lines[i], record: i + 1, validate }).ok) ok++;
  return ok;
};
const typed = time(decodeAll(false));
const typedChecked = time(decodeAll(true));
if (typed.result !== n || typedChecked.result !== n) throw new Error('bench: a record did not decode');
report('decodeRecord (validate: false)', bytes.length, n, typed.seconds);
report('decodeRecord (with the record checks)', bytes.length, n, typedChecked.seconds);
const share = (s) => `+${((s / read.seconds) * 100).toFixed(0)} % of readCsvFile`;
console.log(`typed decoding: ${share(typed.seconds)} (validate: false), ${share(typedChecked.seconds)} (checked) — target ≤ 30 %`);
const percent = (v) => `${(v * 100).toFixed(0)} %`;
target('decodeRecord (validate: false) / readCsvFile, time', typed.seconds / read.seconds, '<=', 0.3, percent);
target('decodeRecord (checked) / readCsvFile, time', typedChecked.seconds / read.seconds, '<=', 0.3, percent);

// 2. Many small send units: 第6表 + 第7表 + 利用者補足 of one user each.
const unitFiles = [];
const plan = samples('UPPLAN').filter((r) => r.insuredNumber === '0000123456');
const annex = samples('UPSIKYU').filter((r) => r.insuredNumber === '0000123456');
const hosoku = samples('UPHOSOKU.202504').filter((r) => r.insuredNumber === '0000123456');
for (let u = 0; u < SEND_UNIT_COUNT; u++) {
  // One unit a second from 10:00:00, to the office the rows name (another office would get FILE_RECORD_NOT_FOR_RECEIVER).
  const timestamp = `20250325${String(10 + Math.floor(u / 3600)).padStart(2, '0')}${String(Math.floor(u / 60) % 60).padStart(2, '0')}${String(u % 60).padStart(2, '0')}`;
  const receiver = { office: '1370200006', serviceType: '11' };
  const sender = { office: '1370100008', serviceType: '43' };
  for (const [kind, recs] of [['UPPLAN', plan], ['UPSIKYU', annex], ['UPHOSOKU', hosoku]]) {
    const fileName = buildFileName({ kind, edition: 4, month: '202504', sender, receiver, timestamp }).name;
    unitFiles.push({ name: fileName, bytes: writeCsvFile(kind, recs, { csvVersion: '202407' }).bytes });
  }
}
const unitBytes = unitFiles.reduce((a, f) => a + f.bytes.length, 0);
const unitRecords = SEND_UNIT_COUNT * (plan.length + annex.length + hosoku.length);
console.log(`\nsmall send units in this process: ${SEND_UNIT_COUNT} send units, ${unitFiles.length} files, ${(unitBytes / 1e6).toFixed(1)} MB`);
const unitParse = time(() => unitFiles.reduce((a, f) => a + parse(Buffer.from(f.bytes), { relax_column_count: true }).length, 0));
report('csv-parse alone (each file)', unitBytes, unitRecords, unitParse.seconds);
const unitValidate = time(() => validateFiles(unitFiles).summary);
if (unitValidate.result.errors || unitValidate.result.warnings) throw new Error(`synthetic send units have ${unitValidate.result.errors} errors, ${unitValidate.result.warnings} warnings`);
report('validateFiles (with send-unit checks)', unitBytes, unitRecords, unitValidate.seconds);

const ratio = (a, b) => rows.find((r) => r.label === a).mbps / rows.find((r) => r.label === b).mbps;
target('validateFiles / csv-parse alone, large file (earlier)', ratio('validateFiles (one file)', 'csv-parse alone (same bytes)'), '>=', 0.7);
target('validateFiles / csv-parse alone, small send units (earlier)', ratio('validateFiles (with send-unit checks)', 'csv-parse alone (each file)'), '>=', 0.7);
target('writeCsvFile / csv-stringify alone (earlier)', ratio('writeCsvFile (MS932 bytes)', STRINGIFY), '>=', 0.7);

// A send unit written from its typed document (issue 14), in a process of its own (scripts/bench-send-unit.mjs).
{
  const child = spawnSync(process.execPath, ['scripts/bench-send-unit.mjs'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench-send-unit: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const lines = child.stdout.trim().split('\n');
  console.log(`\n${lines.slice(0, -1).join('\n')}`);
  target('writeSendUnit / writeCsvFile, speed (earlier)', JSON.parse(lines.at(-1)).writeSendUnitSpeedRatio, '>=', 0.7);
}

// 3. The careplan-csv validate command, each run a process of its own (stdout to /dev/null).
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

const cold = coldStart(COLD_RUNS);
console.log(`\ncareplan-csv validate on one small file, cold start: median ${ms(cold.command)} of ${COLD_RUNS} (node -e 0: ${ms(cold.node)}; target < 300 ms on a quiet machine)`);
target('careplan-csv validate, cold start (median)', cold.command, '<', 0.3, ms);

// The command on the large file against validateStream on the same file, in turn in a child process of its own.
{
  const large = join(dir, name);
  writeFileSync(large, bytes);
  const child = spawnSync(process.execPath, ['scripts/bench-command.mjs', 'large', large, String(ROUNDS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  rmSync(large, { force: true });
  if (child.status !== 0) throw new Error(`bench-command large: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const times = JSON.parse(child.stdout.trim().split('\n').pop());
  const mbps = (s) => (bytes.length / 1e6 / s).toFixed(1);
  console.log(`\nlarge file (${(bytes.length / 1e6).toFixed(1)} MB) in ${ROUNDS} paired rounds, median: careplan-csv validate (whole process) ${mbps(median(times.command))} MB/s, validateStream (in process) ${mbps(median(times.stream))} MB/s`);
  const cpu = timeRatio(times.commandCpu, times.streamCpu);
  if (Number.isFinite(cpu)) console.log(`  CPU time (user + system), median of the paired ratios: careplan-csv validate / validateStream ${cpu.toFixed(2)}`);
  target('careplan-csv validate / validateStream, time (large file)', timeRatio(times.command, times.stream), '<=', 1.3);
}

// Many small files: one folder of send units of one user each, validated by one run of the command.
if (SMALL_FILES > 0) {
  const smallDir = join(dir, 'small');
  const count = writeSmallFiles(smallDir, SMALL_FILES);
  const run = smallFilesRate(smallDir, count, ROUNDS);
  rmSync(smallDir, { recursive: true, force: true });
  console.log(`\ncareplan-csv validate on ${count.toLocaleString('en')} small files (one folder): best of ${ROUNDS} ${run.seconds.toFixed(2)} s (CPU ${run.cpu.toFixed(2)} s), ${Math.round(run.filesPerSecond).toLocaleString('en')} files/s`);
  target(`careplan-csv validate, ${count.toLocaleString('en')} small files, files/s`, run.filesPerSecond, '>=', 10000, (v) => Math.round(v).toLocaleString('en'));
}

// 4. Streaming validation of a large file: peak RSS of a separate process.
if (STREAM_MB > 0) {
  const big = join(dir, name);
  const fd = openSync(big, 'w');
  // Distinct users chunk after chunk, as a real month of a large office would be.
  let total = 0;
  for (let users = 0; total < STREAM_MB * 1e6; users += 1_000_000) {
    const chunk = writeCsvFile('UPPLAN', planRecords(5e6, users), { csvVersion: '202407' }).bytes;
    writeSync(fd, chunk);
    total += chunk.length;
  }
  closeSync(fd);
  // Each in its own process, so that each peak is its own (VmHWM of that process).
  console.log(`\nstreaming validation of one ${(total / 1e6).toFixed(0)} MB 第6表 (target peak RSS < 200 MB each)`);
  for (const mode of ['stream', 'files']) {
    const child = spawnSync(process.execPath, ['scripts/bench-stream.mjs', big, mode], { encoding: 'utf8' });
    const label = mode === 'stream' ? 'validateStream' : 'validateFileStreams';
    console.log(`  ${label.padEnd(26)} ${child.stdout.trim() || child.stderr.trim()}`);
  }
  const start = process.hrtime.bigint();
  const command = spawnSync(process.execPath, ['--import', './scripts/peak-rss.mjs', 'dist/src/cli/main.js', 'validate', big], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = /peak-rss-mb (\d+)/.exec(command.stderr)?.[1];
  const outcome = peak ? `exit ${command.status}, peak RSS ${peak} MB` : command.stderr.trim().split('\n').slice(-3).join(' ');
  console.log(`  ${'careplan-csv validate'.padEnd(26)} ${(total / 1e6 / seconds).toFixed(1)} MB/s, ${outcome}`);
  rmSync(big, { force: true });
}

// 5. A send unit of a large 第6表 with its 第7表 and 利用者補足: the cross-checks keep packed per-user summaries.
if (STREAM_MB > 0 && UNIT_MB > 0) {
  const unitDir = join(dir, 'unit');
  mkdirSync(unitDir, { recursive: true });
  const { paths, users } = writeScheduleSendUnit(unitDir, UNIT_MB);
  const size = paths.reduce((n, p) => n + statSync(p).size, 0);
  console.log(`\nsend unit of a ${UNIT_MB} MB 第6表 with its 第7表 and 利用者補足: ${users.toLocaleString('en')} users, ${(size / 1e6).toFixed(0)} MB (target peak RSS < 200 MB)`);
  const files = spawnSync(process.execPath, ['scripts/bench-stream.mjs', unitDir, 'unit'], { encoding: 'utf8' });
  console.log(`  ${'validateFileStreams'.padEnd(26)} ${files.stdout.trim() || files.stderr.trim()}`);
  const start = process.hrtime.bigint();
  const command = spawnSync(process.execPath, ['--import', './scripts/peak-rss.mjs', 'dist/src/cli/main.js', 'validate', ...paths], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = /peak-rss-mb (\d+)/.exec(command.stderr)?.[1];
  const outcome = peak ? `exit ${command.status}, peak RSS ${peak} MB` : command.stderr.trim().split('\n').slice(-3).join(' ');
  console.log(`  ${'careplan-csv validate'.padEnd(26)} ${(size / 1e6 / seconds).toFixed(1)} MB/s, ${outcome}`);
}

printTargets(`ratios (targets) — medians of ${ROUNDS} paired rounds in this run; a ratio is the first's speed over the second's unless marked "time"`);
