// Regenerates the bundled sample files (synthetic data only) with the library's own writer and file-name
// builder. Run after `npm run build`: node scripts/make-samples.mjs
//
//   samples/records/<edition>/<KIND>[.<month>].json → samples/<edition>/<spec file name>.CSV  (editions 4.1, 3.2)
//   samples/records/{UPPLAN,UPSIKYU,UPHOSOKU}.202407.json → samples/*_20250325120000.CSV (the 4.1 利用票
//     unit re-sent; the paths the README, the tests and `careplan-csv demo` use)
//   samples/records/UPPLAN.202407.json → samples/broken/ (a careless export: UTF-8, LF, header row, 〜)
//
// The records (see scripts/make-sample-records.mjs for the story behind them) are checked before writing:
// every field by recordSchema and compileFieldChecker (warnings included), the writer and the name builder
// must report nothing, the send units must agree on their keys, 第7表 must add up from 第6表, and every file
// written must read back to its records with no issue. Any problem stops the script with exit code 1.
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import {
  buildFileName,
  compileFieldChecker,
  FILE_NAMES,
  getLayout,
  readCsvFile,
  recordSchema,
  writeCsvFile,
} from '../dist/src/index.js';

const CM = { office: '1370100008', serviceType: '43' }; // 居宅介護支援事業所
const HOME_HELP = { office: '1370200006', serviceType: '11' }; // 訪問介護
const RENTAL = { office: '1370300004', serviceType: '17' }; // 福祉用具貸与
const CENTER = { office: '1370400002', serviceType: '46' }; // 地域包括支援センター（介護予防支援）
const DAY_SERVICE = { office: '1370500009', serviceType: 'A6' }; // 通所型サービス（独自）

// Send units (spec §2.4, §3.4): the files of a unit share one ファイル連番; the unit goes to each receiver.
// `files` name the JSON files of samples/records/<edition>/ (kind, then an optional '.<month>').
const EDITIONS = [
  {
    dir: '4.1',
    csvVersion: '202407',
    nameEdition: 4,
    sendUnits: [
      { timestamp: '20250325090000', from: CM, to: [HOME_HELP, RENTAL], files: ['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU.000000'] }, // §2.4(1)①
      { timestamp: '20250325100000', from: CM, to: [HOME_HELP, RENTAL], files: ['UPPLAN', 'UPSIKYU', 'UPHOSOKU.202504'] }, // §2.4(1)②
      { timestamp: '20250326090000', from: CM, to: [HOME_HELP], files: ['DLT1KYO'] }, // §2.4(1)③
      { timestamp: '20250326100000', from: CM, to: [HOME_HELP], files: ['DLTPLAN'] }, // §2.4(1)④
      { timestamp: '20250415090000', from: CENTER, to: [DAY_SERVICE], files: ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'] }, // §3.4(1)
      { timestamp: '20250415100000', from: CENTER, to: [DAY_SERVICE], files: ['UPYOBO', 'UPYOBO_SUB'] }, // §3.4(3)
      { timestamp: '20250418090000', from: CENTER, to: [DAY_SERVICE], files: ['DLTKIHON'] }, // §3.4(5)
      { timestamp: '20250418100000', from: CENTER, to: [DAY_SERVICE], files: ['DLTYOBO'] }, // §3.4(6)
      { timestamp: '20250501090000', from: HOME_HELP, to: [CM], files: ['UPJSK'] }, // §2.4(2)①
      { timestamp: '20250502090000', from: HOME_HELP, to: [CM], files: ['DLTJSK'] }, // §2.4(2)②
    ],
  },
  {
    dir: '3.2',
    csvVersion: '202208',
    nameEdition: 3,
    sendUnits: [
      { timestamp: '20230224090000', from: CM, to: [HOME_HELP, RENTAL], files: ['UP1KYO', 'UP2KYO', 'UPHOSOKU.000000'] },
      { timestamp: '20230224100000', from: CM, to: [HOME_HELP, RENTAL], files: ['UPPLAN', 'UPSIKYU', 'UPHOSOKU.202303'] },
      { timestamp: '20230227090000', from: CM, to: [HOME_HELP], files: ['DLT1KYO'] },
      { timestamp: '20230227100000', from: CM, to: [HOME_HELP], files: ['DLTPLAN'] },
      { timestamp: '20230401090000', from: HOME_HELP, to: [CM], files: ['UPJSK'] },
      { timestamp: '20230403090000', from: HOME_HELP, to: [CM], files: ['DLTJSK'] },
    ],
  },
];

// The unit at the top of samples/ (paths used by test/cli.test.ts, the README and `careplan-csv demo`): the
// 4.1 利用票 unit re-sent to the home-help office at 12:00. Its JSON files are copies of samples/records/4.1/
// (UPPLAN, UPSIKYU, UPHOSOKU.202504) that make-sample-records.mjs writes; the tests use their paths.
const TOP_LEVEL = {
  out: 'samples',
  csvVersion: '202407',
  nameEdition: 4,
  files: {
    UPPLAN: 'samples/records/UPPLAN.202407.json',
    UPSIKYU: 'samples/records/UPSIKYU.202407.json',
    'UPHOSOKU.202504': 'samples/records/UPHOSOKU.202407.json',
  },
  sendUnits: [{ timestamp: '20250325120000', from: CM, to: [HOME_HELP], files: ['UPPLAN', 'UPSIKYU', 'UPHOSOKU.202504'] }],
};

const problems = [];
const fail = (where, what) => problems.push(`${where}: ${typeof what === 'string' ? what : JSON.stringify(what)}`);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Every field of every record against the layout: recordSchema, then each field's checker (warnings too). */
function checkRecords(where, kind, csvVersion, records) {
  const layout = getLayout(kind, csvVersion);
  if (!layout) return fail(where, `no layout ${kind} ${csvVersion}`);
  if (!Array.isArray(records) || records.length === 0) return fail(where, 'no records');
  const schema = recordSchema(kind, csvVersion);
  const checkers = layout.fields.map((f) => [f, compileFieldChecker(f, csvVersion)]);
  records.forEach((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(`${where} record ${i + 1}`, `${issue.path.join('.')}: ${issue.message}`);
    }
    const extra = Object.keys(record).filter((k) => !layout.fields.some((f) => f.key === k));
    if (extra.length) fail(`${where} record ${i + 1}`, `keys not in the layout: ${extra.join(', ')}`);
    for (const [f, check] of checkers) {
      for (const p of check(record[f.key] ?? '')) fail(`${where} record ${i + 1}`, `[${p.severity} ${p.code}] ${p.message}`);
    }
  });
}

/** Files to write, as [path, bytes, kind, records]; nothing touches samples/ until every check has passed. */
const outputs = [];

/** Write records with the library's writer (in memory) and check the bytes read back to the same records. */
function writeAndVerify(dir, name, kind, csvVersion, records) {
  const { bytes, issues, written } = writeCsvFile(kind, records, { csvVersion });
  if (issues.length) return fail(name, issues.map((i) => `${i.code}: ${i.message}`));
  if (written !== records.length) return fail(name, `wrote ${written} of ${records.length} records`);
  readBack(name, bytes, kind, records);
  outputs.push([`${dir}/${name}`, bytes, kind, records]);
}

function readBack(name, bytes, kind, records) {
  const back = readCsvFile({ name, bytes });
  if (back.issues.length) fail(name, back.issues.map((i) => `${i.code}: ${i.message}`));
  if (back.kind !== kind) fail(name, `read back as ${back.kind}`);
  if (!isDeepStrictEqual(back.records, records)) fail(name, 'records read back differ from the JSON');
}

/** The month segment of a kind's name: the one value of its record field (000000 allowed for UPHOSOKU). */
function monthOf(where, kind, records) {
  const spec = FILE_NAMES[kind].month;
  if (!spec) return undefined;
  const months = [...new Set(records.map((r) => r[spec.recordField]))];
  if (months.length !== 1) fail(where, `${spec.recordField} must be one month per file, found ${months.join(', ')}`);
  return months[0];
}

// ---------------------------------------------------------------------------------------------------------
// Consistency of the samples across files (what the send-unit checks rely on)

const key = (r, ...fields) => fields.map((f) => r[f]).join('|');
const keySet = (records, ...fields) => new Set(records.map((r) => key(r, ...fields)));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

function expectSameKeys(where, base, other, fields, otherFields = fields) {
  const a = keySet(base.records, ...fields);
  const b = keySet(other.records, ...otherFields);
  if (!sameSet(a, b)) fail(where, `${other.name} keys ${[...b].join(', ')} differ from ${base.name} keys ${[...a].join(', ')}`);
}

function expectKnownKeys(where, known, other, fields, otherFields = fields) {
  const a = keySet(known.records, ...fields);
  for (const k of keySet(other.records, ...otherFields)) if (!a.has(k)) fail(where, `${other.name} key ${k} is not in ${known.name}`);
}

const yen = (units, price) => Math.floor((units * Math.round(Number(price) * 100)) / 100);
const num = (v) => (v === '' ? 0 : Number(v));

/**
 * 第7表 from 第6表, per user: one detail row per office + service code + TAIS code + 単位数 with
 * 回数 = the 第6表 rows' サービス回数 and サービス単位 = 単位数 × 回数; per office a 区分支給対象種類別小計
 * (type + 'AAAA': 単位数 0, 割引後率/割引後単位数 empty, サービス単位 = the office's sum, 費用総額 =
 * 区分支給限度基準内単位数 × 単位数単価 rounded down, 保険請求額 = 費用総額 × 給付率 rounded down,
 * 利用者負担 = the rest); one 全合計 (999999, office 9999999999) with the sums and
 * 区分支給限度基準超単位数 = max(0, total − 区分支給限度基準額 of 利用者補足).
 */
function checkAnnex(where, plan, annex, supplement) {
  const users = new Set(plan.records.map((r) => key(r, 'insurerNumber', 'insuredNumber')));
  for (const user of users) {
    const rows = plan.records.filter((r) => key(r, 'insurerNumber', 'insuredNumber') === user);
    const table = annex.records.filter((r) => key(r, 'insurerNumber', 'insuredNumber') === user);
    const limit = num(supplement.records.find((r) => key(r, 'insurerNumber', 'insuredNumber') === user)?.benefitLimitUnits ?? '');
    const at = `${where} ${user}`;
    const groups = new Map();
    for (const r of rows) {
      const k = key(r, 'serviceOfficeNumber', 'serviceCode', 'taisCode', 'units');
      groups.set(k, (groups.get(k) ?? 0) + num(r.serviceCount));
    }
    const offices = new Map();
    let totalRow;
    for (const t of table) {
      if (t.serviceCode === '999999') {
        if (t.serviceOfficeNumber !== '9999999999') fail(at, `total row office ${t.serviceOfficeNumber}`);
        totalRow = t;
        continue;
      }
      const o = offices.get(t.serviceOfficeNumber) ?? { sum: 0, subtotal: undefined };
      offices.set(t.serviceOfficeNumber, o);
      if (/^[0-9A-Z]{2}AAAA$/.test(t.serviceCode)) {
        o.subtotal = t;
        continue;
      }
      const k = key(t, 'serviceOfficeNumber', 'serviceCode', 'taisCode', 'units');
      const count = groups.get(k);
      if (count === undefined) fail(at, `第7表 row ${k} has no 第6表 rows`);
      else if (num(t.timesOrDays) !== count) fail(at, `第7表 row ${k}: 回数 ${t.timesOrDays}, 第6表 has ${count}`);
      groups.delete(k);
      if (num(t.serviceUnitsOrAmount) !== num(t.units) * num(t.timesOrDays)) fail(at, `第7表 row ${k}: サービス単位 ≠ 単位数 × 回数`);
      o.sum += num(t.serviceUnitsOrAmount);
    }
    for (const k of groups.keys()) fail(at, `第6表 rows ${k} are missing from 第7表`);
    const total = { units: 0, cost: 0, claim: 0, copay: 0, full: 0 };
    for (const [office, o] of offices) {
      const s = o.subtotal;
      if (!s) {
        fail(at, `office ${office} has no AAAA subtotal`);
        continue;
      }
      if (s.units !== '0' || s.discountRate !== '' || s.discountedUnits !== '') fail(at, `${office} subtotal: 単位数 0, 割引後率/割引後単位数 empty`);
      if (num(s.serviceUnitsOrAmount) !== o.sum) fail(at, `${office} subtotal サービス単位 ${s.serviceUnitsOrAmount} ≠ ${o.sum}`);
      const within = num(s.categoryLimitWithinUnits);
      if (within + num(s.categoryLimitExcessUnits) !== o.sum) fail(at, `${office} subtotal: 区分支給限度基準内 + 超 ≠ ${o.sum}`);
      const cost = yen(within, s.unitPrice);
      const claim = Math.floor((cost * num(s.benefitRate)) / 100);
      if (num(s.totalCostCovered) !== cost) fail(at, `${office} subtotal 費用総額 ${s.totalCostCovered} ≠ ${cost}`);
      if (num(s.insuranceClaimAmount) !== claim) fail(at, `${office} subtotal 保険請求額 ${s.insuranceClaimAmount} ≠ ${claim}`);
      if (num(s.userCopayCovered) !== cost - claim) fail(at, `${office} subtotal 利用者負担 ${s.userCopayCovered} ≠ ${cost - claim}`);
      total.units += o.sum;
      total.cost += cost;
      total.claim += claim;
      total.copay += cost - claim;
      total.full += num(s.userCopayFull);
    }
    if (!totalRow) {
      fail(at, 'no 999999 total row');
      continue;
    }
    const excess = Math.max(0, total.units - limit);
    const expected = {
      units: '0', discountRate: '', discountedUnits: '', serviceUnitsOrAmount: String(total.units),
      categoryLimitExcessUnits: String(excess), categoryLimitWithinUnits: String(total.units - excess),
      totalCostCovered: String(total.cost), insuranceClaimAmount: String(total.claim),
      userCopayCovered: String(total.copay), userCopayFull: String(total.full),
    };
    for (const [k, v] of Object.entries(expected)) if (totalRow[k] !== v) fail(at, `total row ${k} ${totalRow[k]} ≠ ${v}`);
  }
}

function checkConsistency(edition, files) {
  const f = (name) => files.get(name) ?? { name, records: [] };
  const where = edition.dir ? `samples/records/${edition.dir}` : edition.out;
  const planKey = ['insurerNumber', 'insuredNumber', 'planChangeDate'];
  const monthKey = ['insurerNumber', 'insuredNumber', 'serviceMonth'];
  for (const unit of edition.sendUnits) {
    const names = unit.files;
    // 計画書 unit: 第1表 is the base; 第2/3表 and 利用者補足 (000000) carry the same keys.
    if (names.includes('UP1KYO')) {
      for (const n of names.filter((x) => x !== 'UP1KYO')) expectSameKeys(where, f('UP1KYO'), f(n), planKey);
    }
    // 利用票 unit: 第6表 is the base; 第7表 and 利用者補足 (month) carry the same keys.
    if (names.includes('UPPLAN')) {
      for (const n of names.filter((x) => x !== 'UPPLAN')) expectSameKeys(where, f('UPPLAN'), f(n), monthKey);
      const supplement = f(names.find((n) => n.startsWith('UPHOSOKU.')));
      checkAnnex(where, f('UPPLAN'), f('UPSIKYU'), supplement);
    }
    if (names.includes('UPKIHON')) {
      for (const n of ['UPKIHON_SUB1', 'UPKIHON_SUB2']) expectKnownKeys(where, f('UPKIHON'), f(n), ['insurerNumber', 'insuredNumber', 'consultationDate']);
    }
    if (names.includes('UPYOBO')) expectKnownKeys(where, f('UPYOBO'), f('UPYOBO_SUB'), planKey);
    // 実績: the sender's own rows, for the receiving care-management office.
    if (names.includes('UPJSK')) {
      for (const r of f('UPJSK').records) {
        if (r.serviceOfficeNumber !== unit.from.office) fail(where, `UPJSK row of office ${r.serviceOfficeNumber}, sent by ${unit.from.office}`);
        for (const to of unit.to) if (r.careManagementOfficeNumber !== to.office) fail(where, `UPJSK row for ${r.careManagementOfficeNumber}, sent to ${to.office}`);
      }
      expectKnownKeys(where, f('UPPLAN'), f('UPJSK'), monthKey);
    }
    if (names.includes('DLTJSK')) {
      for (const r of f('DLTJSK').records) {
        if (r.serviceOfficeNumber !== unit.from.office || r.serviceTypeCode !== unit.from.serviceType) fail(where, 'DLTJSK names another office than its sender');
      }
    }
  }
  // Withdrawals name what was sent before them.
  expectKnownKeys(where, f('UP1KYO'), f('DLT1KYO'), planKey);
  expectKnownKeys(where, f('UPPLAN'), f('DLTPLAN'), monthKey, ['insurerNumber', 'insuredNumber', 'deletionMonth']);
  expectKnownKeys(where, f('UPJSK'), f('DLTJSK'), [...monthKey, 'serviceOfficeNumber'], ['insurerNumber', 'insuredNumber', 'deletionMonth', 'serviceOfficeNumber']);
  if (files.has('UPKIHON')) {
    const consultation = ['insurerNumber', 'insuredNumber', 'consultationDate'];
    expectKnownKeys(where, f('UPKIHON'), f('DLTKIHON'), consultation);
    expectKnownKeys(where, f('UPYOBO'), f('DLTYOBO'), planKey);
  }
}

// ---------------------------------------------------------------------------------------------------------

for (const edition of [...EDITIONS, TOP_LEVEL]) {
  const outDir = edition.out ?? `samples/${edition.dir}`;
  const files = new Map();
  // name (kind, then an optional '.<month>') → path of its JSON file
  const sources = edition.files
    ? Object.entries(edition.files)
    : readdirSync(`samples/records/${edition.dir}`)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => [n.replace(/\.json$/, ''), `samples/records/${edition.dir}/${n}`]);
  for (const [name, path] of sources) {
    const kind = name.split('.')[0];
    const records = readJson(path);
    checkRecords(path, kind, edition.csvVersion, records);
    files.set(name, { name, kind, path, records });
  }
  const used = new Set(edition.sendUnits.flatMap((u) => u.files));
  for (const [name, file] of files) if (!used.has(name)) fail(file.path, 'is in no send unit');
  checkConsistency(edition, files);
  for (const unit of edition.sendUnits) {
    for (const to of unit.to) {
      for (const name of unit.files) {
        const file = files.get(name);
        if (!file) {
          fail(outDir, `${name}.json is missing`);
          continue;
        }
        const month = monthOf(file.path, file.kind, file.records);
        const parts = {
          kind: file.kind,
          edition: edition.nameEdition,
          ...(month !== undefined ? { month } : {}),
          sender: edition.nameEdition === 4 ? unit.from : { office: unit.from.office },
          receiver: edition.nameEdition === 4 ? to : { office: to.office },
          timestamp: unit.timestamp,
        };
        const built = buildFileName(parts);
        if (!built.ok || built.issues.length) {
          fail(file.path, built.issues.map((i) => `${i.code}: ${i.message}`));
          continue;
        }
        writeAndVerify(outDir, built.name, file.kind, edition.csvVersion, file.records);
      }
    }
  }
}

if (problems.length) {
  console.error(`make-samples: ${problems.length} problem(s); the samples are not valid and nothing was written:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

// Write, replacing the generated edition folders, and read every file back from disk once more.
for (const edition of EDITIONS) rmSync(`samples/${edition.dir}`, { recursive: true, force: true });
for (const [path, bytes, kind, records] of outputs) {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, bytes);
  readBack(path, readFileSync(path), kind, records);
}

// A file as a careless export writes it: UTF-8, LF, a header row, a 〜 MS932 cannot hold.
mkdirSync('samples/broken', { recursive: true });
const header = 'CSVバージョン,保険者番号,被保険者番号,作成年月日,対象年月';
// (A home-help row: its free text is the two fields quoted below.)
const plan = readJson('samples/records/UPPLAN.202407.json').find((r) => r.serviceCode.startsWith('11'));
const row = Object.values({ ...plan, careManagerName: '"髙田〜﨑子"', serviceOfficeName: `"${plan.serviceOfficeName.replaceAll('"', '""')}"` }).join(',');
const broken = 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV';
writeFileSync(broken, `${header}\n${row}\n`);

if (problems.length) {
  console.error(`make-samples: ${problems.length} problem(s) reading the written files back:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`${outputs.length} sample files written and read back without issues, and ${broken}:`);
for (const [path] of outputs) console.log(`  ${path}`);
