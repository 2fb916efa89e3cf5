// writeSendUnit against writeCsvFile on the same records (issue 14: writeSendUnit must write at least 0.7× as
// fast). A 第6表 send unit (第6表 + 第7表 + 利用者補足) of the 4.1 sample's users re-keyed for BENCH_USERS users
// (default 3000, ≈ 12 MB). writeCsvFile gets the text records writeSendUnit writes; writeSendUnit gets their
// typed document. Prints figures, then the ratio as a JSON line for scripts/bench.mjs (which runs this script in a
// process of its own and puts the ratio in its "ratios (targets)" block); asserts nothing. Run after `npm run build`:
// node scripts/bench-send-unit.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { readSendUnits, writeSendUnit, writeCsvFile, readCsvFile, validateFiles } from '../dist/src/core.js';

const USERS = Number(process.env.BENCH_USERS ?? 3000);
const dir = 'samples/4.1';
const files = readdirSync(dir)
  .filter((n) => n.includes('_1370200006_11_20250325100000'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
const unit = readSendUnits(files).units[0];
const users = Array.from({ length: USERS }, (_, i) => {
  const src = unit.users[i % unit.users.length];
  const insuredNumber = String(1000000000 + i);
  const records = Object.fromEntries(Object.entries(src.records).map(([k, rows]) => [k, rows.map((r) => ({ ...r, insuredNumber }))]));
  return { insurerNumber: src.insurerNumber, insuredNumber, records };
});
const doc = { ...unit, users };
const first = writeSendUnit(doc);
if (first.files.length === 0) throw new Error(first.issues.slice(0, 3).map((i) => i.messageEn).join('\n'));
const text = first.files.map((f) => ({ kind: readCsvFile(f).kind, records: readCsvFile(f).records }));
const bytes = first.files.reduce((a, f) => a + f.bytes.length, 0);
const records = text.reduce((a, t) => a + t.records.length, 0);

function best(fn, runs = 5) {
  fn();
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return min;
}
// Interleaved, so that a loaded machine slows both alike.
let csv = Infinity, unitMs = Infinity, validate = Infinity;
for (let round = 0; round < 3; round++) {
  csv = Math.min(csv, best(() => { for (const t of text) writeCsvFile(t.kind, t.records, { csvVersion: '202407' }); }, 2));
  unitMs = Math.min(unitMs, best(() => writeSendUnit(doc), 2));
  validate = Math.min(validate, best(() => validateFiles(first.files), 2));
}
const mb = bytes / 1e6;
console.log(`send unit of ${USERS} users: ${mb.toFixed(1)} MB, ${records.toLocaleString('en')} records`);
console.log(`writeCsvFile (text records)        ${csv.toFixed(0).padStart(6)} ms  ${(mb / (csv / 1000)).toFixed(1)} MB/s`);
console.log(`writeSendUnit (typed document)     ${unitMs.toFixed(0).padStart(6)} ms  ${(mb / (unitMs / 1000)).toFixed(1)} MB/s  = ${(csv / unitMs).toFixed(2)}× writeCsvFile's speed`);
console.log(`  of which validateFiles read-back ${validate.toFixed(0).padStart(6)} ms`);
console.log(JSON.stringify({ writeSendUnitSpeedRatio: csv / unitMs }));
