// Regenerates the bundled sample files (synthetic data only) from samples/records/*.json with the library's
// own writer. Run after `npm run build`: node scripts/make-samples.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeCsvFile } from '../dist/src/index.js';

const units = [
  // One 第6表 send unit of a care-management office (43) to a home-help provider (11), edition 4.1.
  { records: 'UPPLAN.202407.json', kind: 'UPPLAN', name: 'UPPLAN_202504_1370100001_43_1370200002_11_20250325120000.CSV' },
  { records: 'UPHOSOKU.202407.json', kind: 'UPHOSOKU', name: 'UPHOSOKU_202504_1370100001_43_1370200002_11_20250325120000.CSV' },
];
mkdirSync('samples/broken', { recursive: true });
for (const u of units) {
  const records = JSON.parse(readFileSync(`samples/records/${u.records}`, 'utf8'));
  const { bytes, issues } = writeCsvFile(u.kind, records, { csvVersion: '202407' });
  if (issues.length) throw new Error(JSON.stringify(issues));
  writeFileSync(`samples/${u.name}`, bytes);
}
// A file as a careless export writes it: UTF-8, LF, a header row, a 〜 MS932 cannot hold.
const header = 'CSVバージョン,保険者番号,被保険者番号,作成年月日,対象年月';
const plan = JSON.parse(readFileSync('samples/records/UPPLAN.202407.json', 'utf8'))[0];
const row = Object.values({ ...plan, careManagerName: '"髙田〜﨑子"', serviceOfficeName: `"${plan.serviceOfficeName.replaceAll('"', '""')}"` }).join(',');
writeFileSync('samples/broken/UPPLAN_202504_1370100001_43_1370200002_11_20250325130000.CSV', `${header}\n${row}\n`);
console.log('samples written');
