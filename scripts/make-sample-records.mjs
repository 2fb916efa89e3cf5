// Generates the synthetic sample records samples/records/<edition>/<KIND>.json (editions 4.1 and 3.2).
// Run after `npm run build`: node scripts/make-sample-records.mjs — then node scripts/make-samples.mjs.
//
// It also writes samples/records/{UPPLAN,UPSIKYU,UPHOSOKU}.202407.json, copies of the 4.1 利用票 unit for the
// unit at the top of samples/ (UPPLAN.202407.broken.json is kept as it is).
//
// The JSON files are the source of truth of the samples (make-samples.mjs writes the CSV files from them and
// re-checks their arithmetic); this script only saves computing 第7表 totals and 第6表 days by hand. Every
// person, number, address and office here is invented.
//
// The story (edition 4.1; edition 3.2 is the same two users two years earlier, 2023-03):
// - Care-management office 1370100008 (43, ケアマネ 髙田 﨑子) plans for two users of insurer 131016:
//   U1 0000123456 髙橋 﨑子 (要介護2) and U2 H123456789 山﨑 髙志 (生保単独, 要介護1). Both use the home-help
//   office 1370200006 (11) and the equipment-rental office 1370300004 (17).
// - 第6/7表 for 2025-04: U1 身体介護2 Mon/Wed/Fri, a wheelchair, and a special bed rented from 04-15 (日割);
//   U2 身体介護1 Tue/Thu, 身体介護2 Sat, two identical handrails (明細判別コード 1/2) and a walker.
// - The home-help office reports April's 実績 back (U1's 04-16 visit cancelled, 04-09 ran 5 minutes late).
// - Preventive care: 地域包括支援センター 1370400002 (46) sends 利用者基本情報 and 介護予防サービス・支援計画書
//   of two 要支援 users (U3 0000234567 中﨑 和子, U4 0000345678 髙木 一郎) to day service 1370500009 (A6).
// - Withdrawals name keys sent before: U2's plan and April schedule (43 → 11), U2's April 実績 (11 → 43),
//   U4's 基本情報 and 支援計画書 (46 → A6).
import { mkdirSync, writeFileSync } from 'node:fs';
import { getLayout } from '../dist/src/index.js';

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** A record of `kind` with every layout field: the given values, '' elsewhere. Unknown keys throw. */
function record(kind, csvVersion, values) {
  const layout = getLayout(kind, csvVersion);
  if (!layout) throw new Error(`no layout ${kind} ${csvVersion}`);
  const keys = new Set(layout.fields.map((f) => f.key));
  for (const [k, v] of Object.entries(values)) {
    if (!keys.has(k)) {
      // Edition 3.2 has no TAIS columns: drop them there, nothing else.
      if (csvVersion === '202208' && EQUIPMENT_KEYS.has(k)) continue;
      throw new Error(`${kind} ${csvVersion}: unknown key ${k}`);
    }
    if (typeof v !== 'string') throw new Error(`${kind}.${k}: not a string: ${v}`);
  }
  return Object.fromEntries(layout.fields.map((f) => [f.key, f.key === 'csvVersion' ? csvVersion : (values[f.key] ?? '')]));
}
const EQUIPMENT_KEYS = new Set(['taisCode', 'equipmentNotificationCode', 'equipmentName']);

const pad2 = (n) => String(n).padStart(2, '0');
const daysIn = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate();
/** ISO weekday 1 (Mon) … 7 (Sun) of a day of the month. */
const weekday = (month, day) => ((new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1, day)).getUTCDay() + 6) % 7) + 1;
/** 31-character 日割対象日 mask: 1 on days from..to, 0 elsewhere (and after the month ends). */
function dayMask(month, from, to) {
  const last = Math.min(to, daysIn(month));
  return Array.from({ length: 31 }, (_, i) => (i + 1 >= from && i + 1 <= last ? '1' : '0')).join('');
}
/** Unit price '11.40' → yen for `units` (1円未満切り捨て), in integers. */
const yen = (units, price) => Math.floor((units * Math.round(Number(price) * 100)) / 100);

// ---------------------------------------------------------------------------------------------------------
// Offices (synthetic)

const CM = { office: '1370100008', type: '43', name: '居宅介護支援事業所 ﾊｰﾄﾌﾙｹｱ神田', postal: '101-0047', address1: '東京都千代田区内神田一丁目1-1', address2: 'ｻﾝﾌﾟﾙﾋﾞﾙ2階', manager: '髙田 﨑子' };
const HOME_HELP = { office: '1370200006', type: '11', name: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 神田', unitPrice: '11.40' };
const RENTAL = { office: '1370300004', type: '17', name: '福祉用具ｾﾝﾀｰ神田', unitPrice: '10.00' };
const CENTER = { office: '1370400002', type: '46', name: 'ｻﾝﾌﾟﾙ地域包括支援センター', address: '東京都千代田区神田錦町三丁目4-5', phone: '03-5555-0400' };
const DAY_SERVICE = { office: '1370500009', type: 'A6', name: 'ﾃﾞｲｻｰﾋﾞｽ ひまわり' };

// ---------------------------------------------------------------------------------------------------------
// Editions: what differs between 2025-04 (4.1) and 2023-03 (3.2)

const EDITIONS = {
  '4.1': {
    csvVersion: '202407',
    month: '202504',
    era: 'R7',
    scheduleCreated: '20250325',
    deliveryCreated: '20250501',
    // 訪問介護 units of the 2024 revision; unit price 11.40 (1級地), 福祉用具貸与 10.00.
    units: { '111111': 244, '111211': 387 },
    bedFrom: 15,
    cancelledVisit: 16,
    lateVisit: 9,
    users: {
      U1: {
        certificationDate: '20250214', start: '20250301', end: '20280229', previousCareLevel: '22',
        planChangeDate: '20250303', planCategory: '21', period: 'R7.3.3～R7.8.31', longPeriod: 'R7.3.3～R8.2.28',
      },
      U2: {
        certificationDate: '20240725', start: '20240801', end: '20260731', previousCareLevel: '21',
        planChangeDate: '20250317', planCategory: '21', period: 'R7.3.17～R7.7.31', longPeriod: 'R7.3.17～R8.7.31',
      },
    },
  },
  '3.2': {
    csvVersion: '202208',
    month: '202303',
    era: 'R5',
    scheduleCreated: '20230224',
    deliveryCreated: '20230401',
    // 訪問介護 units of the 2021 revision.
    units: { '111111': 249, '111211': 396 },
    bedFrom: 20,
    cancelledVisit: 15,
    lateVisit: 8,
    users: {
      U1: {
        certificationDate: '20230215', start: '20230301', end: '20250228', previousCareLevel: '22',
        planChangeDate: '20230222', planCategory: '21', period: 'R5.3.1～R5.8.31', longPeriod: 'R5.3.1～R7.2.28',
      },
      U2: {
        certificationDate: '20230125', start: '20230105', end: '20230731', previousCareLevel: '',
        planChangeDate: '20230127', planCategory: '11', period: 'R5.2.1～R5.7.31', longPeriod: 'R5.2.1～R5.7.31',
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// Users of the 居宅 documents (U1, U2) and what they use each month

const USERS = {
  U1: {
    insurerNumber: '131016', insuredNumber: '0000123456', kana: 'ﾀｶﾊｼ ｻｷｺ', name: '髙橋 﨑子', sex: '2', birth: '19380615',
    postal: '101-0041', address1: '東京都千代田区神田須田町一丁目2-3', address2: 'ｻﾝﾌﾟﾙﾊｲﾂ101', phone: '03-5555-0101',
    careLevel: '22', limit: 19705, firstPlan: '20210510', benefitRate: '90',
    // Mon, Wed, Fri 10:00-10:45 身体介護2.
    visits: [{ weekdays: [1, 3, 5], code: '111211', start: '1000', end: '1045' }],
    rentals: [
      { code: '171001', units: 650, tais: '00170-000123', name: '車いす（自走式）ｻﾝﾌﾟﾙﾁｪｱ SC-22' },
      { code: '171003', units: 1000, tais: '00285-000045', name: '特殊寝台（3ﾓｰﾀｰ）', prorated: true },
    ],
  },
  U2: {
    insurerNumber: '131016', insuredNumber: 'H123456789', kana: 'ﾔﾏｻﾞｷ ﾀｶｼ', name: '山﨑 髙志', sex: '1', birth: '19650910',
    postal: '101-0025', address1: '東京都千代田区神田佐久間町三丁目5-6', address2: 'ｻﾝﾌﾟﾙｺｰﾎﾟ203', phone: '03-5555-0202',
    careLevel: '21', limit: 16765, firstPlan: '20230127',
    // 生保単独: 介護扶助 covers the whole cost; 第7表 has no 公費 columns, so the sample shows 給付率 100.
    benefitRate: '100',
    visits: [
      { weekdays: [2, 4], code: '111111', start: '0900', end: '0925' },
      { weekdays: [6], code: '111211', start: '1400', end: '1445' },
    ],
    rentals: [
      { code: '171007', units: 300, tais: '00410-000210', name: '据置型手すり ｻﾝﾌﾟﾙｱｰﾑ（居室）', detail: '1' },
      { code: '171007', units: 300, tais: '00410-000210', name: '据置型手すり ｻﾝﾌﾟﾙｱｰﾑ（廊下）', detail: '2' },
      { code: '171009', units: 250, tais: '00520-000031', name: '歩行器（四輪）' },
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------
// 居宅: 計画書 unit (UP1KYO, UP2KYO, UP3KYO, UPHOSOKU 000000)

function supplement(e, u, p, { toPlan }) {
  return {
    insurerNumber: u.insurerNumber, insuredNumber: u.insuredNumber,
    planChangeDate: toPlan ? p.planChangeDate : '00000000',
    userNameKana: u.kana, userName: u.name, userSex: u.sex, userBirthDate: u.birth,
    userPostalCode: u.postal, userAddress1: u.address1, userAddress2: u.address2, userPhone: u.phone,
    certificationDate: p.certificationDate, limitPeriodStartDate: p.start, limitPeriodEndDate: p.end,
    certificationStatus: '2', careLevel: u.careLevel, benefitLimitUnits: String(u.limit),
    totalExcessUnits: toPlan ? '' : '0',
    previousCareLevel: p.previousCareLevel,
    consentReceiverVendorCode: CM.office, updaterVendorCode: CM.office,
    serviceMonth: toPlan ? '000000' : e.month,
  };
}

const PLAN_TEXT = {
  U1: {
    intentions:
      '本人：「足腰が弱ってきたが、できるだけ自宅で暮らしたい」\r\n長女："日中は仕事で不在のため、入浴と通院時の移動が心配"\r\n課題分析の結果、入浴・移動・起き上がりに支援が必要。',
    opinion: '特になし',
    policy:
      '住み慣れた自宅での生活を続けられるよう、身体介護（入浴・更衣）と福祉用具で転倒を防ぎます。\r\n緊急連絡先：長女 090-5555-1111, 主治医 ｻﾝﾌﾟﾙ内科ｸﾘﾆｯｸ',
  },
  U2: {
    intentions:
      'ご本人：「一人暮らしを続けたい」, 生活保護受給中（福祉事務所 担当CW 佐藤）\r\n右片麻痺があり、入浴と屋内移動に支援が必要。',
    opinion: '特になし',
    policy: '身体の清潔を保ち、転倒せずに在宅生活を続けられるよう、訪問介護と福祉用具を組み合わせます。',
  },
};

function needs(key, e, p) {
  const hh = { serviceOfficeNumber: HOME_HELP.office, serviceOfficeName: HOME_HELP.name };
  const rt = { serviceOfficeNumber: RENTAL.office, serviceOfficeName: RENTAL.name };
  if (key === 'U1') {
    return [
      { issueNo: '1', issue: '入浴時に転倒の不安があり、一人では入浴できない', goalNo: '1', longTermGoal: '安全に入浴を続けられる',
        shortTermGoal: '介助を受けて週3回入浴できる', longTermGoalPeriod: p.longPeriod, shortTermGoalPeriod: p.period,
        supportContentNo: '1', serviceContent: '入浴介助（洗身・洗髪）、更衣介助', insuranceCoverage: 'Y', serviceKind: '訪問介護', ...hh,
        frequency: '週3回（月・水・金）', servicePeriod: p.period },
      { issueNo: '2', issue: '屋内外の移動が不安定で、外出の機会が減っている', goalNo: '1', longTermGoal: '"自分の足で"近所の公園まで散歩できる',
        shortTermGoal: '車いすを使って月2回は外出できる', longTermGoalPeriod: p.longPeriod, shortTermGoalPeriod: p.period,
        supportContentNo: '1', serviceContent: '車いすの貸与', insuranceCoverage: 'Y', serviceKind: '福祉用具貸与', ...rt,
        frequency: '毎日', servicePeriod: p.period },
      { issueNo: '2', goalNo: '1', supportContentNo: '2', serviceContent: '特殊寝台の貸与（起き上がり・立ち上がりの補助）',
        insuranceCoverage: 'Y', serviceKind: '福祉用具貸与', ...rt, frequency: '毎日', servicePeriod: p.period },
      { issueNo: '2', goalNo: '1', supportContentNo: '3', serviceContent: '通院の付き添い', insuranceCoverage: 'N', serviceKind: '家族',
        serviceOfficeName: '長女', frequency: '月1回', servicePeriod: p.period },
    ];
  }
  return [
    { issueNo: '1', issue: '右片麻痺により入浴・更衣が一人では難しい', goalNo: '1', longTermGoal: '身体を清潔に保ち、一人暮らしを続けられる',
      shortTermGoal: '介助を受けて週3回入浴できる', longTermGoalPeriod: p.longPeriod, shortTermGoalPeriod: p.period,
      supportContentNo: '1', serviceContent: '入浴介助、更衣介助', insuranceCoverage: 'Y', serviceKind: '訪問介護', ...hh,
      frequency: '週3回（火・木・土）', servicePeriod: p.period },
    { issueNo: '2', issue: '屋内での移動時にふらつきがある', goalNo: '1', longTermGoal: '転倒せずに屋内を移動できる',
      shortTermGoal: '手すりと歩行器を使って安全に移動できる', longTermGoalPeriod: p.longPeriod, shortTermGoalPeriod: p.period,
      supportContentNo: '1', serviceContent: '手すりの貸与（居室・廊下）, 歩行器の貸与', insuranceCoverage: 'Y', serviceKind: '福祉用具貸与', ...rt,
      frequency: '毎日', servicePeriod: p.period },
    { issueNo: '2', goalNo: '1', supportContentNo: '2', serviceContent: '福祉事務所ケースワーカーの定期訪問', insuranceCoverage: 'N',
      serviceKind: '生活保護ｹｰｽﾜｰｶｰ', serviceOfficeName: '千代田区福祉事務所（ｻﾝﾌﾟﾙ）', frequency: '月1回', servicePeriod: p.period },
  ];
}

function weekly(key) {
  if (key === 'U1') {
    return [
      ...[1, 3, 5].map((d) => ({ careServiceContent: '訪問介護（身体介護）', dayOfWeek: String(d), careStartTime: '1000', careEndTime: '1045' })),
      { dailyActivity: '起床', activityStartTime: '0630', activityEndTime: '0630' },
      { dailyActivity: '朝食、服薬', activityStartTime: '0730', activityEndTime: '0800' },
      { dailyActivity: '就寝', activityStartTime: '2100', activityEndTime: '2100' },
      { nonWeeklyServices: '福祉用具貸与（車いす、特殊寝台）' },
      { nonWeeklyServices: '通院（月1回、長女が付き添い）' },
    ];
  }
  return [
    ...[2, 4].map((d) => ({ careServiceContent: '訪問介護（身体介護）', dayOfWeek: String(d), careStartTime: '0900', careEndTime: '0925' })),
    { careServiceContent: '訪問介護（身体介護・入浴）', dayOfWeek: '6', careStartTime: '1400', careEndTime: '1445' },
    { dailyActivity: '起床', activityStartTime: '0700', activityEndTime: '0700' },
    { dailyActivity: '就寝', activityStartTime: '2200', activityEndTime: '2200' },
    { nonWeeklyServices: '福祉用具貸与（手すり、歩行器）' },
    { nonWeeklyServices: '福祉事務所ｹｰｽﾜｰｶｰ訪問（月1回）' },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// 居宅: 利用票 unit (UPPLAN, UPSIKYU, UPHOSOKU month) and 実績 (UPJSK)

/** 第6表 rows of one user for the month: rentals first (one row each), then visits in date order. */
function scheduleRows(e, u) {
  const rows = [];
  const days = daysIn(e.month);
  for (const r of u.rentals) {
    const from = r.prorated ? e.bedFrom : 1;
    const units = r.prorated ? Math.round((r.units * (days - from + 1)) / 30) : r.units;
    rows.push({
      office: RENTAL, date: `${e.month}${pad2(from)}`, code: r.code, units, start: '9999', end: '9999',
      mask: r.prorated ? dayMask(e.month, from, days) : '', tais: r.tais, equipmentName: r.name, detail: r.detail ?? '',
    });
  }
  const visits = [];
  for (const v of u.visits) {
    for (let d = 1; d <= days; d++) {
      if (v.weekdays.includes(weekday(e.month, d))) {
        visits.push({ office: HOME_HELP, date: `${e.month}${pad2(d)}`, code: v.code, units: e.units[v.code], start: v.start, end: v.end, mask: '', tais: '', equipmentName: '', detail: '' });
      }
    }
  }
  visits.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  return [...rows, ...visits];
}

function scheduleRecord(e, u, row, { created, updater }) {
  return {
    insurerNumber: u.insurerNumber, insuredNumber: u.insuredNumber, createdDate: created, serviceMonth: e.month,
    careManagementOfficeNumber: CM.office, careManagerName: CM.manager, units: String(row.units),
    serviceDate: row.date, proratedDays: row.mask, serviceStartTime: row.start, serviceEndTime: row.end, serviceCount: '1',
    serviceCode: row.code, taisCode: row.tais, equipmentName: row.equipmentName, detailDistinctionCode: row.detail,
    serviceOfficeNumber: row.office.office, serviceOfficeName: row.office.name, over30Days: '0', updaterVendorCode: updater,
  };
}

/**
 * 第7表 of one user from the 第6表 rows: per office, one row per service code + TAIS code + units
 * (回数 = number of 第6表 rows, サービス単位 = 単位数 × 回数), then the office's 区分支給対象種類別小計
 * (type + 'AAAA'), then the user's 全合計 (999999 / 9999999999). See make-samples.mjs for the rules.
 */
function annexRows(e, u, rows) {
  const out = [];
  const base = {
    insurerNumber: u.insurerNumber, insuredNumber: u.insuredNumber, createdDate: e.scheduleCreated, serviceMonth: e.month,
    over30Days: '0', officeCode: '9999999999', inputOperatorCode: '9999999999', updaterVendorCode: CM.office,
  };
  const total = { units: 0, cost: 0, claim: 0, copay: 0 };
  for (const office of [HOME_HELP, RENTAL]) {
    const mine = rows.filter((r) => r.office === office);
    if (mine.length === 0) continue;
    const groups = new Map();
    for (const r of mine) {
      const k = `${r.code}|${r.tais}|${r.units}`;
      if (!groups.has(k)) groups.set(k, { ...r, count: 0 });
      groups.get(k).count++;
    }
    let sum = 0;
    for (const g of [...groups.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      const amount = g.units * g.count;
      sum += amount;
      out.push({
        ...base, serviceOfficeName: office.name, serviceOfficeNumber: office.office, serviceCode: g.code,
        taisCode: g.tais, equipmentName: g.tais ? g.equipmentName.replace(/（(居室|廊下)）$/, '') : '',
        units: String(g.units), timesOrDays: String(g.count), serviceUnitsOrAmount: String(amount), benefitManagementUnits: String(amount),
      });
    }
    const cost = yen(sum, office.unitPrice);
    const claim = Math.floor((cost * Number(u.benefitRate)) / 100);
    out.push({
      ...base, serviceOfficeName: office.name, serviceOfficeNumber: office.office, serviceCode: `${office.type}AAAA`,
      units: '0', timesOrDays: '0', serviceUnitsOrAmount: String(sum), benefitManagementUnits: String(sum),
      categoryLimitExcessUnits: '0', categoryLimitWithinUnits: String(sum), unitPrice: office.unitPrice,
      totalCostCovered: String(cost), benefitRate: u.benefitRate, insuranceClaimAmount: String(claim),
      userCopayCovered: String(cost - claim), userCopayFull: '0',
    });
    total.units += sum;
    total.cost += cost;
    total.claim += claim;
    total.copay += cost - claim;
  }
  const excess = Math.max(0, total.units - u.limit);
  if (excess > 0) throw new Error(`${u.insuredNumber}: over the limit; the samples do not model 区分支給限度超`);
  out.push({
    ...base, serviceOfficeNumber: '9999999999', serviceCode: '999999', units: '0', timesOrDays: '0',
    serviceUnitsOrAmount: String(total.units), benefitManagementUnits: String(total.units),
    categoryLimitExcessUnits: String(excess), categoryLimitWithinUnits: String(total.units - excess),
    totalCostCovered: String(total.cost), insuranceClaimAmount: String(total.claim),
    userCopayCovered: String(total.copay), userCopayFull: '0',
  });
  return out;
}

function kyotaku(id) {
  const e = EDITIONS[id];
  const v = e.csvVersion;
  const out = {};
  const add = (file, kind, values) => (out[file] ??= []).push(record(kind, v, values));
  for (const key of ['U1', 'U2']) {
    const u = USERS[key];
    const p = e.users[key];
    const who = { insurerNumber: u.insurerNumber, insuredNumber: u.insuredNumber };
    // 計画書 unit
    add('UP1KYO', 'UP1KYO', {
      ...who, createdDate: p.planChangeDate, userPostalCode: u.postal, userAddress1: u.address1, userAddress2: u.address2,
      planCreatorName: CM.manager, careManagementOfficeName: CM.name, careManagementOfficePostalCode: CM.postal,
      careManagementOfficeAddress1: CM.address1, careManagementOfficeAddress2: CM.address2, careManagementOfficeNumber: CM.office,
      planChangeDate: p.planChangeDate, firstPlanCreatedDate: u.firstPlan,
      planCategory: p.planCategory, certificationStatus: '2', certificationDate: p.certificationDate,
      certificationPeriodStartDate: p.start, certificationPeriodEndDate: p.end, careLevel: u.careLevel,
      userFamilyIntentionsAnalysis: PLAN_TEXT[key].intentions, certificationBoardOpinion: PLAN_TEXT[key].opinion,
      overallSupportPolicy: PLAN_TEXT[key].policy, updaterVendorCode: CM.office,
    });
    for (const n of needs(key, e, p)) {
      add('UP2KYO', 'UP2KYO', { ...who, createdDate: p.planChangeDate, planChangeDate: p.planChangeDate, ...n, updaterVendorCode: CM.office });
    }
    if (id === '4.1') {
      for (const w of weekly(key)) add('UP3KYO', 'UP3KYO', { ...who, createdDate: p.planChangeDate, planChangeDate: p.planChangeDate, ...w });
    }
    add('UPHOSOKU.000000', 'UPHOSOKU', supplement(e, u, p, { toPlan: true }));
    // 利用票 unit
    const rows = scheduleRows(e, u);
    for (const r of rows) add('UPPLAN', 'UPPLAN', scheduleRecord(e, u, r, { created: e.scheduleCreated, updater: CM.office }));
    for (const a of annexRows(e, u, rows)) add('UPSIKYU', 'UPSIKYU', a);
    add(`UPHOSOKU.${e.month}`, 'UPHOSOKU', supplement(e, u, p, { toPlan: false }));
    // 実績 of the home-help office: its own rows only, as delivered.
    for (const r of rows.filter((x) => x.office === HOME_HELP)) {
      const day = Number(r.date.slice(6));
      if (key === 'U1' && day === e.cancelledVisit) continue;
      const late = key === 'U1' && day === e.lateVisit ? { start: '1005', end: '1050' } : {};
      add('UPJSK', 'UPJSK', scheduleRecord(e, u, { ...r, ...late }, { created: e.deliveryCreated, updater: HOME_HELP.office }));
    }
  }
  // Withdrawals of what was sent for U2.
  const u2 = USERS.U2;
  const who2 = { insurerNumber: u2.insurerNumber, insuredNumber: u2.insuredNumber };
  add('DLT1KYO', 'DLT1KYO', { ...who2, planChangeDate: e.users.U2.planChangeDate });
  add('DLTPLAN', 'DLTPLAN', { ...who2, deletionMonth: e.month });
  add('DLTJSK', 'DLTJSK', { ...who2, deletionMonth: e.month, serviceOfficeNumber: HOME_HELP.office, serviceTypeCode: HOME_HELP.type });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// 予防 (edition 4 only): U3, U4 from 地域包括支援センター 1370400002 (46) to day service 1370500009 (A6)

function yobo() {
  const v = '202407';
  const out = {};
  const add = (kind, values) => (out[kind] ??= []).push(record(kind, v, values));
  const U3 = { insurerNumber: '131016', insuredNumber: '0000234567' };
  const U4 = { insurerNumber: '131016', insuredNumber: '0000345678' };
  const staff = '佐々木 恵';

  // 利用者基本情報 (key 相談日)
  add('UPKIHON', {
    ...U3, consultationDate: '20250402', planType: '1', outsourcing: '1', creatorName: staff,
    consultationMethod: '01', consultationRound: '02', previousConsultationDate: '20241002', userCurrentSituation: '01',
    userNameKana: 'ﾅｶｻﾞｷ ｶｽﾞｺ', userName: '中﨑 和子', userSex: '2', userBirthDate: '19440302',
    userAddress: '東京都千代田区神田和泉町1-2-3 ｻﾝﾌﾟﾙﾏﾝｼｮﾝ305', userPhone: '03-5555-0303',
    disabilityIndependenceLevel: '11', dementiaIndependenceLevel: '01', careLevel: '13',
    certificationPeriodStartDate: '20241101', certificationPeriodEndDate: '20261031', previousCareLevel: '13',
    disabilityPhysical: '0', disabilityIntellectual: '0', disabilityMental: '0', disabilityIntractableDisease: '0',
    housingType: '06', ownRoomFloor: '3', hasHomeModification: '2',
    economicNationalPension: '1', economicEmployeePension: '1', economicDisabilityPension: '0', economicPublicAssistance: '0',
    economicDetail: '年金収入のみ（月額 約12万円）',
    consultingPersonName: '中﨑 真一', consultingPersonAddress: '東京都台東区ｻﾝﾌﾟﾙ一丁目1-1', consultingPersonPhone: '090-5555-0001',
    consultingPersonRelation: '長男',
    emergency1Name: '中﨑 真一', emergency1Relation: '長男', emergency1Address: '東京都台東区ｻﾝﾌﾟﾙ一丁目1-1', emergency1Phone: '090-5555-0001',
    emergency2Name: '中﨑 由美', emergency2Relation: '長男の妻', emergency2Address: '同上', emergency2Phone: '090-5555-0002',
    familySituation: '夫とは死別（令和2年）。長男夫婦が台東区に住み、週末に訪ねてくる。',
    lifeHistory: '東京都出身。夫と和菓子店を営み、65歳で閉店。\r\n町会の婦人部で長く役員を務めた。',
    dailyRoutine: '6時に起床し、午前は家事、午後は近所を散歩。\r\n"週1回の通所"を楽しみにしている。',
    hobbiesAndSkills: '俳句, 園芸（ベランダ菜園）', friendsCommunityRelations: '町会の友人と月1回お茶会をしている',
    publicServicesInUse: '通所型サービス（週1回）', nonPublicServicesInUse: '配食サービス（民間、週3回）',
    consentDate: '20250402', consentName: '中﨑 和子',
  });
  add('UPKIHON', {
    ...U4, consultationDate: '20250408', planType: '1', outsourcing: '1', creatorName: staff,
    consultationMethod: '03', consultationMethodOther: '自宅訪問（民生委員からの連絡による）', consultationRound: '01',
    userCurrentSituation: '01', userNameKana: 'ﾀｶｷﾞ ｲﾁﾛｳ', userName: '髙木 一郎', userSex: '1', userBirthDate: '19461120',
    userAddress: '東京都千代田区神田美土代町7-8', userPhone: '03-5555-0404',
    disabilityIndependenceLevel: '12', dementiaIndependenceLevel: '02', careLevel: '12',
    certificationPeriodStartDate: '20250301', certificationPeriodEndDate: '20260228', previousCareLevel: '01',
    checklistResult: '1', checklistDate: '20250201',
    disabilityPhysical: '0', disabilityIntellectual: '0', disabilityMental: '0', disabilityIntractableDisease: '0',
    housingType: '05', ownRoomFloor: '1', hasHomeModification: '1',
    economicNationalPension: '0', economicEmployeePension: '1', economicDisabilityPension: '0', economicPublicAssistance: '0',
    consultingPersonName: '田中 正', consultingPersonAddress: '東京都千代田区神田美土代町ｻﾝﾌﾟﾙ', consultingPersonRelation: '民生委員',
    emergency1Name: '髙木 花子', emergency1Relation: '長女', emergency1Address: '神奈川県横浜市ｻﾝﾌﾟﾙ区1-2-3', emergency1Phone: '080-5555-0004',
    familySituation: '妻と二人暮らし。長女は横浜市在住で、月1回訪ねてくる。',
    lifeHistory: '印刷会社に勤め、定年後は町会の防犯パトロールに参加していた。',
    dailyRoutine: '7時起床、日中はテレビを見て過ごすことが多い。',
    hobbiesAndSkills: '将棋、囲碁', friendsCommunityRelations: '将棋仲間が近所に2人いる',
    nonPublicServicesInUse: 'なし', consentDate: '20250408', consentName: '髙木 一郎',
  });
  for (const [time, self, family] of [
    ['6:00', '起床、洗面、朝食の準備', ''],
    ['12:00', '昼食（配食サービス）', ''],
    ['14:00', '散歩、買い物', '週末は長男夫婦が来訪し、買い物に同行'],
    ['21:00', '就寝', ''],
  ]) add('UPKIHON_SUB1', { ...U3, consultationDate: '20250402', timeOfDay: time, userSituation: self, caregiverFamilySituation: family });
  for (const [time, self, family] of [
    ['7:00', '起床、朝食', '妻が朝食を用意'],
    ['10:00', 'テレビ、新聞', ''],
    ['20:00', '入浴、就寝', '"入浴は妻が見守り"'],
  ]) add('UPKIHON_SUB1', { ...U4, consultationDate: '20250408', timeOfDay: time, userSituation: self, caregiverFamilySituation: family });
  add('UPKIHON_SUB2', { ...U3, consultationDate: '20250402', historyDate: '令和3年5月', diseaseName: '高血圧症',
    hospitalAndDoctorName: 'ｻﾝﾌﾟﾙ内科ｸﾘﾆｯｸ 山田 太郎', attendingPhysicianFlag: '1', hospitalAndDoctorPhone: '03-5555-1001',
    treatmentStatus: '01', treatmentDetails: '降圧剤を内服（朝1回）' });
  add('UPKIHON_SUB2', { ...U3, consultationDate: '20250402', historyDate: '令和6年9月', diseaseName: '変形性膝関節症',
    hospitalAndDoctorName: 'ｻﾝﾌﾟﾙ整形外科 佐藤 次郎', attendingPhysicianFlag: '2', hospitalAndDoctorPhone: '03-5555-1002',
    treatmentStatus: '02', treatmentDetails: 'リハビリ通院は終了、経過観察中' });
  add('UPKIHON_SUB2', { ...U4, consultationDate: '20250408', historyDate: '平成30年', diseaseName: '2型糖尿病',
    hospitalAndDoctorName: 'ｻﾝﾌﾟﾙ総合病院 内科 鈴木 三郎', attendingPhysicianFlag: '1', hospitalAndDoctorPhone: '03-5555-1003',
    treatmentStatus: '01', treatmentDetails: '内服, 食事療法（1日1,600kcal）' });

  // 介護予防サービス・支援計画書 (key 計画作成(変更)日)
  const plan = (who, values) => add('UPYOBO', {
    ...who, planType: '1', outsourcing: '1', planCategory: '21', certificationStatus: '2',
    planCreatorCenterStaffName: staff, planCreatorOfficeName: CENTER.name, planCreatorOfficeAddress: CENTER.address,
    planCreatorOfficePhone: CENTER.phone, assignedSupportCenter: CENTER.name, ...values,
  });
  plan(U3, {
    planChangeDate: '20250410', referenceNumber: 'K-2025-017', userName: '中﨑 和子', certificationDate: '20241025',
    certificationPeriodStartDate: '20241101', certificationPeriodEndDate: '20261031', supportLevel: '2', firstPlanCreatedDate: '20231101',
    targetLifeOneDay: '午後の散歩を毎日続ける', targetLifeOneYear: '長男夫婦と"春の花見"に出かける',
    mobilityCurrentState: '膝の痛みがあり、500m程度で休憩が必要', mobilityWishes: '本人：「痛みなく歩けるようになりたい」',
    mobilityHasIssue: '1', mobilityIssueBackground: '変形性膝関節症による痛み、活動量の低下',
    dailyLifeCurrentState: '家事は概ね自立。重い物の買い物は長男に頼んでいる', dailyLifeWishes: '本人：「家事は自分で続けたい」',
    dailyLifeHasIssue: '2', socialParticipationCurrentState: '町会のお茶会に月1回参加', socialParticipationHasIssue: '2',
    healthManagementCurrentState: '高血圧で内服中。血圧は安定', healthManagementHasIssue: '2',
    healthConsiderations: '運動時は膝への負担に注意, 血圧測定を行う', appropriateSupportPolicy: '',
    overallPolicy: '下肢筋力を維持し、\r\n散歩と町会活動を続けられるよう支援する。',
    checklistCountExercise: '3', checklistCountNutrition: '0', checklistCountOralCare: '1', checklistCountHousebound: '0',
    checklistCountMemory: '0', checklistCountDepression: '1',
    programNeededExercise: '1', programNeededNutrition: '2', programNeededOralCare: '2', programNeededHousebound: '2',
    programNeededMemory: '2', programNeededDepression: '2',
    supportCenterOpinion: '計画の内容で差し支えない。', consentDate: '20250410', consentName: '中﨑 和子',
  });
  plan(U4, {
    planChangeDate: '20250412', referenceNumber: 'K-2025-021', userName: '髙木 一郎', certificationDate: '20250220',
    certificationPeriodStartDate: '20250301', certificationPeriodEndDate: '20260228', supportLevel: '1', firstPlanCreatedDate: '20250412',
    planCategory: '11',
    targetLifeOneDay: '日中に一度は外出する', targetLifeOneYear: '将棋クラブに再び通う',
    mobilityCurrentState: '腰痛のため長く歩けない', mobilityHasIssue: '1', mobilityIssueBackground: '腰部脊柱管狭窄症、閉じこもり傾向',
    dailyLifeCurrentState: '家事は妻が行っている', dailyLifeHasIssue: '2', socialParticipationCurrentState: '退職後は外出が減っている',
    socialParticipationWishes: '本人：「将棋仲間とまた指したい」', socialParticipationHasIssue: '1',
    socialParticipationIssueBackground: '外出の機会が少ない', healthManagementCurrentState: '糖尿病で内服中', healthManagementHasIssue: '1',
    healthManagementIssueBackground: '食事療法が続かない', overallPolicy: '通所で運動習慣をつけ、外出の機会を増やす。',
    checklistCountExercise: '4', checklistCountNutrition: '1', checklistCountOralCare: '0', checklistCountHousebound: '2',
    checklistCountMemory: '1', checklistCountDepression: '2',
    programNeededExercise: '1', programNeededNutrition: '2', programNeededOralCare: '2', programNeededHousebound: '1',
    programNeededMemory: '2', programNeededDepression: '2', consentDate: '20250412', consentName: '髙木 一郎',
  });
  const service = { serviceKind: '通所型サービス（独自）', serviceOfficeName: DAY_SERVICE.name };
  add('UPYOBO_SUB', { ...U3, planChangeDate: '20250410', issueNo: '1', overallIssue: '膝の痛みで外出の機会が減り、体力が低下している',
    goalAndMeasuresProposal: '通所型サービスで下肢筋力を維持する運動を行う', userFamilyMeasureWishes: '本人：「友人と会えるなら通いたい」',
    goal: '週1回の通所を続け、毎日15分散歩できる', supportPlanNo: '1', supportPoints: '膝への負担に配慮した運動メニュー',
    selfCareInformalSupport: '自宅での膝体操（毎朝）, 長男による週末の買い物同行', insuranceOrCommunityServices: '通所型サービス（独自）',
    serviceUseNo: '1', ...service, servicePeriod: 'R7.4.10～R7.10.31' });
  add('UPYOBO_SUB', { ...U3, planChangeDate: '20250410', issueNo: '1', supportPlanNo: '2', supportPoints: '栄養バランスのよい食事',
    selfCareInformalSupport: '配食サービス（民間、週3回）', serviceUseNo: '2', serviceKind: '配食サービス', serviceOfficeName: '民間事業者',
    servicePeriod: 'R7.4.10～R7.10.31' });
  add('UPYOBO_SUB', { ...U4, planChangeDate: '20250412', issueNo: '1', overallIssue: '腰痛と閉じこもり傾向で活動量が低下している',
    goalAndMeasuresProposal: '通所で運動と交流の機会をつくる', userFamilyMeasureWishes: '妻：「外に出る習慣をつけてほしい」',
    goal: '週2回通所し、月1回は将棋クラブに行く', supportPlanNo: '1', supportPoints: '腰に負担をかけない体操、他の利用者との交流',
    insuranceOrCommunityServices: '通所型サービス（独自）', serviceUseNo: '1', ...service, servicePeriod: 'R7.4.12～R7.9.30' });

  // Withdrawals: U4 was admitted to hospital.
  add('DLTKIHON', { ...U4, consultationDate: '20250408' });
  add('DLTYOBO', { ...U4, planChangeDate: '20250412' });
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const files = { '4.1': { ...kyotaku('4.1'), ...yobo() }, '3.2': kyotaku('3.2') };
for (const [edition, byName] of Object.entries(files)) {
  const dir = `samples/records/${edition}`;
  mkdirSync(dir, { recursive: true });
  for (const [name, records] of Object.entries(byName)) {
    writeFileSync(`${dir}/${name}.json`, `${JSON.stringify(records, null, 2)}\n`);
  }
  console.log(`${dir}: ${Object.keys(byName).sort().join(', ')}`);
}
// The unit at the top of samples/ (used by the tests, the README and the demo) re-sends the 4.1 利用票 unit.
for (const [from, to] of [['UPPLAN', 'UPPLAN'], ['UPSIKYU', 'UPSIKYU'], ['UPHOSOKU.202504', 'UPHOSOKU']]) {
  writeFileSync(`samples/records/${to}.202407.json`, `${JSON.stringify(files['4.1'][from], null, 2)}\n`);
}
console.log('samples/records: UPPLAN.202407, UPSIKYU.202407, UPHOSOKU.202407 (copies of the 4.1 利用票 unit)');
