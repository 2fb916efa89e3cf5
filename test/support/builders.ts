// Builders of realistic synthetic spec files for tests: 第6表/第7表 rows and spec file names.
import { buildFileName, getLayout, writeCsvFile, type CsvRecord, type FileNameParts } from '../../src/index.js';
import { validRecord } from './records.js';

export const CM = { office: '1370100008', serviceType: '43' };
export const HELPER = { office: '1370200006', serviceType: '11' };

export function fileName(
  kind: FileNameParts['kind'],
  month: string | undefined,
  from = CM,
  to = HELPER,
  edition: 3 | 4 = 4,
  timestamp = '20250325100000',
): string {
  const parts = {
    kind,
    edition,
    ...(month !== undefined ? { month } : {}),
    sender: edition === 4 ? from : { office: from.office },
    receiver: edition === 4 ? to : { office: to.office },
    timestamp,
  };
  const built = buildFileName(parts);
  if (!built.name) throw new Error(JSON.stringify(built.issues));
  return built.name;
}

export function file(kind: Parameters<typeof writeCsvFile>[0], records: CsvRecord[], name: string, csvVersion = '202407') {
  const { bytes, issues } = writeCsvFile(kind, records, { csvVersion });
  if (issues.length) throw new Error(JSON.stringify(issues));
  return { name, bytes };
}

/** 訪問介護 on 2025-04-07 for a synthetic user, as a care-management office plans it. */
export const visit = (o: Record<string, string> = {}): CsvRecord => ({
  ...validRecord(getLayout('UPPLAN', '202407')!),
  insuredNumber: '0000123456',
  createdDate: '20250325',
  serviceMonth: '202504',
  careManagementOfficeNumber: '1370100008',
  careManagerName: '髙田 﨑子',
  units: '244',
  serviceDate: '20250407',
  proratedDays: '',
  serviceStartTime: '0930',
  serviceEndTime: '1000',
  serviceCount: '1',
  serviceCode: '111211',
  taisCode: '',
  equipmentNotificationCode: '',
  equipmentName: '',
  detailDistinctionCode: '',
  serviceOfficeNumber: '1370200006',
  serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿',
  satelliteBranch: '',
  over30Days: '0',
  updaterVendorCode: '1370100008',
  identifier: '',
  ...o,
});

/** 第7表 rows for one user: 訪問介護 detail rows, the 11AAAA subtotal and the 全合計. */
export const annex = (o: Record<string, string> = {}): CsvRecord => ({
  ...validRecord(getLayout('UPSIKYU', '202407')!),
  insuredNumber: '0000123456',
  serviceMonth: '202504',
  serviceOfficeName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ さくら',
  serviceOfficeNumber: '1370200006',
  satelliteBranch: '',
  serviceCode: '111211',
  taisCode: '',
  equipmentNotificationCode: '',
  equipmentName: '',
  units: '244',
  discountRate: '',
  discountedUnits: '',
  timesOrDays: '8',
  serviceUnitsOrAmount: '1952',
  unitPrice: '11.40',
  benefitManagementUnits: '',
  typeLimitExcessUnits: '',
  typeLimitWithinUnits: '',
  categoryLimitExcessUnits: '',
  categoryLimitWithinUnits: '',
  shortStayDaysToPrevMonth: '',
  over30Days: '0',
  officeCode: '',
  inputOperatorCode: '',
  ...o,
});
export const subtotal = (o: Record<string, string> = {}) => annex({ serviceCode: '11AAAA', units: '0', ...o });
export const total = (o: Record<string, string> = {}) =>
  annex({ serviceCode: '999999', serviceOfficeNumber: '9999999999', serviceOfficeName: '', units: '0', ...o });
