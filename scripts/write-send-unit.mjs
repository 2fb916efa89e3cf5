// Writes a send unit of a large 第6表 with its 第7表 and 利用者補足 (the sample month's two users re-keyed for as
// many synthetic users as fit in `mb` MB of 第6表): the unit whose cross-checks keep per-user summaries.
// Used by scripts/bench.mjs; alone: node scripts/write-send-unit.mjs <dir> <mb> prints the three paths.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildFileName, writeCsvFile } from '../dist/src/index.js';

const samples = (kind) => JSON.parse(readFileSync(`samples/records/4.1/${kind}.json`, 'utf8'));

/** The sample rows of `kind`, each sample user given a new insured number per block of users. */
function rekeyed(base, firstBlock, blocks) {
  const users = [...new Set(base.map((r) => r.insuredNumber))];
  const out = [];
  for (let b = firstBlock; b < firstBlock + blocks; b++) {
    for (const r of base) out.push({ ...r, insuredNumber: String(1000000000 + b * users.length + users.indexOf(r.insuredNumber)) });
  }
  return out;
}

export function writeScheduleSendUnit(dir, mb) {
  const sender = { office: '1370100008', serviceType: '43' };
  const receiver = { office: '1370200006', serviceType: '11' };
  const timestamp = '20250325100000';
  const kinds = [
    ['UPPLAN', samples('UPPLAN')],
    ['UPSIKYU', samples('UPSIKYU')],
    ['UPHOSOKU', samples('UPHOSOKU.202504')],
  ];
  const planBlockBytes = writeCsvFile('UPPLAN', kinds[0][1], { csvVersion: '202407' }).bytes.length;
  const blocks = Math.ceil((mb * 1e6) / planBlockBytes);
  const paths = [];
  const step = 20_000;
  for (const [kind, base] of kinds) {
    const path = join(dir, buildFileName({ kind, edition: 4, month: '202504', sender, receiver, timestamp }).name);
    const fd = openSync(path, 'w');
    for (let b = 0; b < blocks; b += step) {
      const chunk = writeCsvFile(kind, rekeyed(base, b, Math.min(step, blocks - b)), { csvVersion: '202407' }).bytes;
      writeSync(fd, chunk);
    }
    closeSync(fd);
    paths.push(path);
  }
  return { paths, users: blocks * 2 };
}

if (process.argv[1]?.endsWith('write-send-unit.mjs')) {
  const { paths, users } = writeScheduleSendUnit(process.argv[2], Number(process.argv[3]));
  console.log(JSON.stringify({ paths, users }));
}
