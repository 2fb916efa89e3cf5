// Throughput of record validation against plain csv-parse on the same synthetic 第6表 data.
// Run with `npm run bench` (it builds first). Prints figures; asserts nothing.
import { parse } from 'csv-parse/sync';
import { getLayout, recordSchema } from '../dist/src/index.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const layout = getLayout('UPPLAN', '202407');
const keys = layout.fields.map((f) => f.key);

function row(i) {
  const day = String((i % 30) + 1).padStart(2, '0');
  return [
    '202407', '131016', String(1000000000 + (i % 500)), '20250325', '202504', '1370100001', '"髙田 﨑子"', '244', '',
    `202504${day}`, '', '0930', '1000', '1', '111111', '', '', '', '', '1370200002', '"ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ""さくら"", 新宿"',
    '', '0', '1370100001', '',
  ].join(',');
}
const text = Array.from({ length: RECORDS }, (_, i) => row(i)).join('\r\n') + '\r\n';
const mb = Buffer.byteLength(text) / 1e6;

function time(label, fn) {
  fn(); // warm-up
  const start = process.hrtime.bigint();
  const n = fn();
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(34)} ${(mb / s).toFixed(1).padStart(7)} MB/s ${Math.round(n / s).toLocaleString('en').padStart(12)} records/s`);
  return s;
}

console.log(`${RECORDS.toLocaleString('en')} UPPLAN records, ${mb.toFixed(1)} MB (UTF-8 text), node ${process.version}`);
const parseOnly = time('csv-parse alone', () => parse(text, { relax_quotes: false }).length);
const schema = recordSchema('UPPLAN', '202407');
const validated = time('csv-parse + recordSchema', () => {
  let bad = 0;
  for (const cells of parse(text)) {
    const record = {};
    for (let i = 0; i < keys.length; i++) record[keys[i]] = cells[i] ?? '';
    if (!schema.safeParse(record).success) bad++;
  }
  if (bad) throw new Error(`${bad} synthetic records rejected`);
  return RECORDS;
});
console.log(`ratio validate / csv-parse: ${(parseOnly / validated).toFixed(2)}`);
