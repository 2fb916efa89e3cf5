// File names (ファイル名規約): every example the spec prints, every kind in both naming generations, every
// check with its located issue, the round trip and a fuzz of the parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILE_NAMES,
  FILE_NAME_EDITIONS,
  OFFICE_ROLES,
  SERVICE_TYPES,
  type FileNameKind,
  type FileNameSpec,
} from '../spec-tables/index.js';
import {
  FILE_NAME_KINDS,
  buildFileName,
  FileNameError,
  formatFileName,
  parseFileName,
  sendUnitKey,
  sortForImport,
  type FileNameInfo,
  type FileNameParts,
} from '../src/filenames/index.js';
import type { Issue } from '../src/issues.js';
import { codes } from './support/issues.js';

const only = (name: string, code: string): Issue => {
  const found = parseFileName(name).issues.filter((i) => i.code === code);
  expect(found, `${name}: exactly one ${code}`).toHaveLength(1);
  return found[0]!;
};

// Written out by hand from the spec (not read from spec-tables) so that a wrong table fails here.
const WITH_MONTH = ['UPHOSOKU', 'UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK', 'UPSIKYU'];
const IN_EDITION_3 = ['UPHOSOKU', 'UP1KYO', 'DLT1KYO', 'UP2KYO', 'UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK', 'UPSIKYU'];
const DELETIONS = ['DLT1KYO', 'DLTPLAN', 'DLTJSK', 'DLTKIHON', 'DLTYOBO'];
const ALL_KINDS = [
  'UPHOSOKU', 'UP1KYO', 'DLT1KYO', 'UP2KYO', 'UP3KYO', 'UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK', 'UPSIKYU',
  'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO',
];

const ed4 = (sender: [string, string], receiver: [string, string]) => ({
  sender: { office: sender[0], serviceType: sender[1] },
  receiver: { office: receiver[0], serviceType: receiver[1] },
});
const ed3 = (sender: string, receiver: string) => ({ sender: { office: sender }, receiver: { office: receiver } });

describe('the example names printed in edition 4.1 (layout.txt)', () => {
  const cm: [string, string] = ['0300000100', '43'];
  const pr: [string, string] = ['0300000005', '11'];
  const ts = '20191025200201';
  const cases: [string, Omit<FileNameInfo, 'edition'>, string[]][] = [
    ['UPHOSOKU_000000_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPHOSOKU', month: '000000', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPHOSOKU_201909_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPHOSOKU', month: '201909', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UP1KYO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UP1KYO', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['DLT1KYO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'DLT1KYO', ...ed4(cm, pr), timestamp: ts, deletion: true }, []],
    ['UP2KYO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UP2KYO', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UP3KYO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UP3KYO', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPPLAN', month: '201912', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    // The spec's own slip: office numbers swapped against UPPLAN, service types not (43 → 11 for 実績).
    ['UPJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV', { kind: 'UPJSK', month: '201912', ...ed4(['0300000005', '43'], ['0300000100', '11']), timestamp: ts, deletion: false }, ['NAME_DIRECTION']],
    ['DLTPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'DLTPLAN', month: '201912', ...ed4(cm, pr), timestamp: ts, deletion: true }, []],
    ['DLTJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV', { kind: 'DLTJSK', month: '201912', ...ed4(['0300000005', '43'], ['0300000100', '11']), timestamp: ts, deletion: true }, ['NAME_DIRECTION']],
    ['UPSIKYU_201912_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPSIKYU', month: '201912', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPKIHON_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPKIHON', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['DLTKIHON_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'DLTKIHON', ...ed4(cm, pr), timestamp: ts, deletion: true }, []],
    ['UPKIHON_SUB1_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPKIHON_SUB1', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPKIHON_SUB2_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPKIHON_SUB2', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPYOBO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPYOBO', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['DLTYOBO_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'DLTYOBO', ...ed4(cm, pr), timestamp: ts, deletion: true }, []],
    ['UPYOBO_SUB_0300000100_43_0300000005_11_20191025200201.CSV', { kind: 'UPYOBO_SUB', ...ed4(cm, pr), timestamp: ts, deletion: false }, []],
    ['UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0001.JPG', { kind: 'UPKIHON_IMAGE', ...ed4(cm, pr), timestamp: ts, branch: '0001', deletion: false }, []],
    ['UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0002.JPG', { kind: 'UPKIHON_IMAGE', ...ed4(cm, pr), timestamp: ts, branch: '0002', deletion: false }, []],
  ];
  it.each(cases)('%s', (name, expected, issueCodes) => {
    const parsed = parseFileName(name);
    expect(parsed.info).toEqual({ ...expected, edition: 4 });
    // The examples' office numbers, quoted as printed, fail their 検証番号 (0300000100 → 6, 0300000005 → 7: see
    // spec-tables/AUDIT.md): a warning each, besides what the name says.
    expect(codes(parsed.issues).filter((c) => c !== 'NAME_OFFICE_CHECK_DIGIT')).toEqual(issueCodes);
    expect(parsed.issues.filter((i) => i.code === 'NAME_OFFICE_CHECK_DIGIT').map((i) => [i.value, i.params?.['expected']])).toEqual(
      [[name.includes('_0300000005_43_') ? '0300000005' : '0300000100', name.includes('_0300000005_43_') ? '7' : '6'], [name.includes('_0300000005_43_') ? '0300000100' : '0300000005', name.includes('_0300000005_43_') ? '6' : '7']],
    );
    expect(parsed.ok).toBe(true);
  });

  it('covers every kind', () => {
    expect(new Set(cases.map(([, e]) => e.kind))).toEqual(new Set(ALL_KINDS));
  });

  it('the swapped UPJSK example is flagged on the segment that breaks the direction', () => {
    const issue = only('UPJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV', 'NAME_DIRECTION');
    expect(issue).toMatchObject({ severity: 'warning', value: '11', segment: { key: 'receiverServiceType' } });
    expect(issue.message).toContain('43（居宅介護支援事業所）');
  });
});

describe('the example names printed in the spec body (spec.txt §2.4, §3.4): 9-digit office slips', () => {
  const sender = '123456789';
  const receiver: [string, string] = ['2468135790', '11'];
  const ts = '20191110102233';
  it.each([
    ['UP1KYO_123456789_43_2468135790_11_20191110102233.CSV', 'UP1KYO', undefined],
    ['UP2KYO_123456789_43_2468135790_11_20191110102233.CSV', 'UP2KYO', undefined],
    ['UP3KYO_123456789_43_2468135790_11_20191110102233.CSV', 'UP3KYO', undefined],
    ['UPHOSOKU_000000_123456789_43_2468135790_11_20191110102233.CSV', 'UPHOSOKU', '000000'],
    ['UPYOBO_123456789_43_2468135790_11_20191110102233.CSV', 'UPYOBO', undefined],
  ] as const)('%s: fields as printed, NAME_BAD_OFFICE on the sender, a wrong check digit on the receiver', (name, kind, month) => {
    const parsed = parseFileName(name);
    expect(parsed.ok).toBe(false);
    expect(parsed.info).toEqual({
      kind,
      edition: 4,
      ...(month ? { month } : {}),
      ...ed4([sender, '43'], receiver),
      timestamp: ts,
      deletion: false,
    });
    // The examples' receiver 2468135790 fails its 検証番号 (246813579 → 9): a warning, as for any typo.
    expect(codes(parsed.issues)).toEqual(['NAME_BAD_OFFICE', 'NAME_OFFICE_CHECK_DIGIT']);
    expect(parsed.issues[1]).toMatchObject({ severity: 'warning', value: '2468135790', segment: { key: 'receiverOffice' }, params: { expected: '9' } });
    const issue = parsed.issues[0]!;
    expect(issue).toMatchObject({
      severity: 'error',
      file: name,
      value: '123456789',
      segment: { key: 'senderOffice', name: '送信元の事業所番号' },
    });
    expect(issue.message).toContain('「送信元の事業所番号」"123456789"');
    expect(issue.message).toContain('9文字');
    expect(issue.messageEn).toContain('sender office number "123456789"');
  });

  it('UPKIHON_000000_…: the month segment the UPKIHON rule lacks, and the 9-digit office', () => {
    const name = 'UPKIHON_000000_123456789_43_2468135790_11_20191110102233.CSV';
    const parsed = parseFileName(name);
    expect(parsed.info).toEqual({ kind: 'UPKIHON', edition: 4, ...ed4([sender, '43'], receiver), timestamp: ts, deletion: false });
    expect(codes(parsed.issues)).toEqual(['NAME_UNEXPECTED_MONTH', 'NAME_BAD_OFFICE', 'NAME_OFFICE_CHECK_DIGIT']);
    expect(parsed.issues[0]).toMatchObject({ value: '000000', segment: { key: 'month' } });
    expect(parsed.issues[1]).toMatchObject({ value: '123456789', segment: { key: 'senderOffice' } });
  });

  it('the 15-digit 連番 of §2.5/§3.5 would be a bad timestamp', () => {
    const issue = only('UP1KYO_0300000100_43_0300000005_11_201911110102233.CSV', 'NAME_BAD_TIMESTAMP');
    expect(issue).toMatchObject({ value: '201911110102233', segment: { key: 'timestamp' } });
    expect(issue.message).toContain('15文字');
  });
});

describe('the example names of edition 3.2 (介護保険最新情報 vol.1156)', () => {
  it.each([
    ['UPPLAN_201912_0300000100_0300000005_20191025200201.CSV', { kind: 'UPPLAN', month: '201912', ...ed3('0300000100', '0300000005'), timestamp: '20191025200201' }],
    ['UPJSK_201912_0300000005_0300000100_20191025200201.CSV', { kind: 'UPJSK', month: '201912', ...ed3('0300000005', '0300000100'), timestamp: '20191025200201' }],
  ] as const)('%s parses as edition 3 without service types', (name, expected) => {
    const parsed = parseFileName(name);
    expect(parsed).toMatchObject({ ok: true, info: { ...expected, edition: 3, deletion: false } });
    // As printed, both office numbers fail their 検証番号 (spec-tables/AUDIT.md): warnings, nothing else.
    expect(codes(parsed.issues)).toEqual(['NAME_OFFICE_CHECK_DIGIT', 'NAME_OFFICE_CHECK_DIGIT']);
  });

  it.each([
    ['UP1KYO_123456789_2468135790_20191110102233.CSV', 'UP1KYO', undefined],
    ['UP2KYO_123456789_2468135790_20191110102233.CSV', 'UP2KYO', undefined],
    ['UPHOSOKU_000000_123456789_2468135790_20191110102233.CSV', 'UPHOSOKU', '000000'],
  ] as const)('%s: 9-digit sender office located', (name, kind, month) => {
    const parsed = parseFileName(name);
    expect(parsed.info).toEqual({
      kind,
      edition: 3,
      ...(month ? { month } : {}),
      ...ed3('123456789', '2468135790'),
      timestamp: '20191110102233',
      deletion: false,
    });
    expect(parsed.issues).toHaveLength(2);
    expect(parsed.issues[0]).toMatchObject({ code: 'NAME_BAD_OFFICE', value: '123456789', segment: { key: 'senderOffice' } });
    // The example receiver 2468135790 fails its 検証番号 (9 expected).
    expect(parsed.issues[1]).toMatchObject({ code: 'NAME_OFFICE_CHECK_DIGIT', severity: 'warning', value: '2468135790', segment: { key: 'receiverOffice' } });
  });
});

/** Realistic ends for each kind: who sends it to whom. */
function endsOf(kind: string): { s: [string, string]; r: [string, string] } {
  const kyotaku: [string, string] = ['1370100008', '43'];
  const houkatsu: [string, string] = ['1370300004', '46'];
  const homeHelp: [string, string] = ['1370200006', '11'];
  const sogo: [string, string] = ['1370400002', 'A1'];
  if (kind === 'UPJSK' || kind === 'DLTJSK') return { s: homeHelp, r: kyotaku };
  if (/KIHON|YOBO/.test(kind)) return { s: houkatsu, r: sogo };
  return { s: kyotaku, r: homeHelp };
}

describe('every kind in both naming generations', () => {
  const ts = '20250325093015';
  for (const kind of ALL_KINDS) {
    const month = kind === 'UPHOSOKU' ? '000000' : WITH_MONTH.includes(kind) ? '202504' : undefined;
    const { s, r } = endsOf(kind);
    const m = month ? `_${month}` : '';
    const tail = kind === 'UPKIHON_IMAGE' ? '_0003.jpg' : '.CSV';
    const name4 = `${kind}${m}_${s[0]}_${s[1]}_${r[0]}_${r[1]}_${ts}${tail}`;
    const name3 = `${kind}${m}_${s[0]}_${r[0]}_${ts}${tail}`;
    const expected = {
      kind,
      ...(month ? { month } : {}),
      timestamp: ts,
      ...(kind === 'UPKIHON_IMAGE' ? { branch: '0003' } : {}),
      deletion: DELETIONS.includes(kind),
    };

    it(`${kind}, edition 4: parse, format`, () => {
      const parsed = parseFileName(name4);
      expect(parsed).toEqual({ ok: true, info: { ...expected, edition: 4, ...ed4(s, r) }, issues: [] });
      expect(formatFileName(parsed.info!)).toBe(name4);
    });

    it(`${kind}, edition 3: ${IN_EDITION_3.includes(kind) ? 'parse, format' : 'not an edition-3 kind'}`, () => {
      const parsed = parseFileName(name3);
      expect(parsed.info).toEqual({ ...expected, edition: 3, ...ed3(s[0], r[0]) });
      if (IN_EDITION_3.includes(kind)) {
        expect(parsed).toMatchObject({ ok: true, issues: [] });
        expect(formatFileName(parsed.info!)).toBe(name3);
      } else {
        expect(parsed.ok).toBe(false);
        expect(codes(parsed.issues)).toEqual(['NAME_KIND_NOT_IN_EDITION']);
        expect(parsed.issues[0]!.message).toContain(`${kind}`);
        expect(() => formatFileName(parsed.info!)).toThrow(FileNameError);
      }
    });
  }
});

describe('prefixes', () => {
  const tail = '_1370300004_46_1370400002_A1_20250325093015.CSV';
  it('take the longest match: UPYOBO_SUB_ is not UPYOBO_, UPKIHON_SUB1/2/IMAGE are not UPKIHON_', () => {
    expect(parseFileName(`UPYOBO_SUB${tail}`).info?.kind).toBe('UPYOBO_SUB');
    expect(parseFileName(`UPYOBO${tail}`).info?.kind).toBe('UPYOBO');
    expect(parseFileName(`UPKIHON_SUB1${tail}`).info?.kind).toBe('UPKIHON_SUB1');
    expect(parseFileName(`UPKIHON_SUB2${tail}`).info?.kind).toBe('UPKIHON_SUB2');
    expect(parseFileName(`UPKIHON${tail}`).info?.kind).toBe('UPKIHON');
    expect(parseFileName(`UPKIHON_IMAGE${tail.replace('.CSV', '_0001.jpg')}`).info?.kind).toBe('UPKIHON_IMAGE');
  });

  it('an unknown prefix is named, also one that extends a known one', () => {
    expect(only(`UPKEIKAKU${tail}`, 'NAME_UNKNOWN_PREFIX')).toMatchObject({ severity: 'error', value: 'UPKEIKAKU', segment: { key: 'prefix' } });
    const sub3 = parseFileName(`UPKIHON_SUB3${tail}`);
    expect(sub3.info).toBeUndefined();
    expect(sub3.issues).toMatchObject([{ code: 'NAME_UNKNOWN_PREFIX', value: 'UPKIHON_SUB3' }]);
    expect(sub3.issues[0]!.message).toContain('"UPKIHON_SUB3"');
    expect(parseFileName('').issues).toMatchObject([{ code: 'NAME_UNKNOWN_PREFIX', value: '' }]);
    expect(parseFileName('README.md').issues).toMatchObject([{ code: 'NAME_UNKNOWN_PREFIX', value: 'README' }]);
  });

  it('a lower-case prefix says how to write it', () => {
    const issue = only(`upkihon_sub1${tail}`, 'NAME_UNKNOWN_PREFIX');
    expect(issue.value).toBe('upkihon_sub1');
    expect(issue.message).toContain('大文字で UPKIHON_SUB1');
  });

  it('a directory part of a path is ignored, the issue keeps the path', () => {
    const path = 'outbox\\2025-03/UPKIHON_SUB1_1370300004_46_1370400002_A1_20250325093015.csv';
    const parsed = parseFileName(path);
    expect(parsed.info?.kind).toBe('UPKIHON_SUB1');
    expect(parsed.issues).toMatchObject([{ code: 'NAME_EXTENSION_CASE', file: path }]);
  });
});

describe('segment checks, each located', () => {
  const plan = (over: Partial<Record<'month' | 'so' | 'st' | 'ro' | 'rt' | 'ts' | 'ext', string>> = {}) =>
    `UPPLAN_${over.month ?? '202504'}_${over.so ?? '1370100008'}_${over.st ?? '43'}_${over.ro ?? '1370200006'}_${over.rt ?? '11'}_${over.ts ?? '20250325093015'}${over.ext ?? '.CSV'}`;

  it('a correct name has no issue', () => {
    expect(parseFileName(plan())).toMatchObject({ ok: true, issues: [] });
  });

  it('NAME_SEGMENT_COUNT: a service type missing', () => {
    const name = 'UP1KYO_1370100008_43_1370200006_20250325093015.CSV';
    const parsed = parseFileName(name);
    expect(parsed.info).toBeUndefined();
    expect(parsed.issues).toMatchObject([
      { code: 'NAME_SEGMENT_COUNT', severity: 'error', value: '1370100008_43_1370200006_20250325093015', segment: { key: 'segments' } },
    ]);
    expect(parsed.issues[0]!.message).toContain('4個');
    expect(parseFileName('UPKIHON_IMAGE_1370300004_46_1370400002_A1_20250325093015.jpg').issues).toMatchObject([
      { code: 'NAME_SEGMENT_COUNT' },
    ]);
  });

  it('NAME_BAD_OFFICE: receiver office with a letter, sender with 11 digits', () => {
    expect(only(plan({ ro: 'A370200002' }), 'NAME_BAD_OFFICE')).toMatchObject({
      value: 'A370200002',
      segment: { key: 'receiverOffice', name: '送信先の事業所番号' },
    });
    const long = only(plan({ so: '13701000081' }), 'NAME_BAD_OFFICE');
    expect(long).toMatchObject({ value: '13701000081', segment: { key: 'senderOffice' } });
    expect(long.message).toContain('11文字');
  });

  it('service types: 2A and A1 are known; 99 is unknown (warning); 2a, 1 are malformed; 33 is out of scope', () => {
    expect(parseFileName(plan({ rt: '2A' })).issues).toEqual([]);
    expect(parseFileName(plan({ rt: 'A1' })).issues).toEqual([]);
    const unknown = parseFileName(plan({ rt: '99' }));
    expect(unknown.ok).toBe(true);
    expect(unknown.issues).toMatchObject([
      { code: 'NAME_UNKNOWN_SERVICE_TYPE', severity: 'warning', value: '99', segment: { key: 'receiverServiceType' } },
    ]);
    expect(only(plan({ rt: '2a' }), 'NAME_BAD_SERVICE_TYPE')).toMatchObject({ severity: 'error', value: '2a' });
    expect(only(plan({ st: '4' }), 'NAME_BAD_SERVICE_TYPE')).toMatchObject({ value: '4', segment: { key: 'senderServiceType' } });
    expect(only(plan({ rt: '33' }), 'NAME_SERVICE_TYPE_OUT_OF_SCOPE')).toMatchObject({ severity: 'warning', value: '33' });
  });

  it('NAME_BAD_MONTH: month 13, a 5-digit month, letters', () => {
    for (const month of ['202513', '20254', '2025AP', '000001']) {
      const issue = only(plan({ month }), 'NAME_BAD_MONTH');
      expect(issue).toMatchObject({ severity: 'error', value: month, segment: { key: 'month', name: '対象年月' } });
      expect(issue.message).toContain(`「対象年月」"${month}"`);
    }
  });

  it('NAME_ZERO_MONTH_NOT_ALLOWED: 000000 only for UPHOSOKU', () => {
    for (const kind of WITH_MONTH) {
      const { s, r } = endsOf(kind);
      const name = `${kind}_000000_${s[0]}_${s[1]}_${r[0]}_${r[1]}_20250325093015.CSV`;
      const parsed = parseFileName(name);
      if (kind === 'UPHOSOKU') {
        expect(parsed.issues).toEqual([]);
      } else {
        expect(codes(parsed.issues), kind).toEqual(['NAME_ZERO_MONTH_NOT_ALLOWED']);
        expect(parsed.issues[0]).toMatchObject({ value: '000000', segment: { key: 'month' } });
      }
    }
    // Edition 3 too.
    expect(codes(parseFileName('UPSIKYU_000000_1370100008_1370200006_20250325093015.CSV').issues)).toEqual([
      'NAME_ZERO_MONTH_NOT_ALLOWED',
    ]);
    expect(parseFileName('UPHOSOKU_000000_1370100008_1370200006_20250325093015.CSV').ok).toBe(true);
  });

  it('the month is named as each kind prints it: 提供年月 for UPHOSOKU', () => {
    const issue = only('UPHOSOKU_202599_1370100008_43_1370200006_11_20250325093015.CSV', 'NAME_BAD_MONTH');
    expect(issue.segment?.name).toBe('提供年月');
    expect(issue.message).toContain('000000');
  });

  it('NAME_BAD_TIMESTAMP: not a real date-time', () => {
    for (const ts of ['20250229093015', '20250431093015', '20250325240000', '20250325096015', '20250325093060', '2025032509301', 'T0250325093015']) {
      expect(only(plan({ ts }), 'NAME_BAD_TIMESTAMP'), ts).toMatchObject({ severity: 'error', value: ts, segment: { key: 'timestamp' } });
    }
    expect(parseFileName(plan({ ts: '20240229235959' })).issues).toEqual([]);
    expect(parseFileName(plan({ ts: '20250101000000' })).issues).toEqual([]);
  });

  it('NAME_EDITION_40_SERVICE_SEGMENT: the 4.0 rule with 3-digit service segments', () => {
    const name = plan({ st: '430', rt: '111' });
    const parsed = parseFileName(name);
    expect(parsed.ok).toBe(false);
    expect(parsed.info).toMatchObject({ kind: 'UPPLAN', edition: 4, sender: { serviceType: '430' } });
    expect(parsed.issues).toMatchObject([
      { code: 'NAME_EDITION_40_SERVICE_SEGMENT', value: '430', segment: { key: 'senderServiceType' } },
      { code: 'NAME_EDITION_40_SERVICE_SEGMENT', value: '111', segment: { key: 'receiverServiceType' } },
    ]);
    expect(parsed.issues[0]!.message).toContain('第4.0版');
    expect(parsed.issues[0]!.message).toContain('2桁');
  });

  it('extensions: .csv is a warning, anything else an error; images take .jpg or .JPG', () => {
    expect(parseFileName(plan({ ext: '.csv' }))).toMatchObject({ ok: true, issues: [{ code: 'NAME_EXTENSION_CASE', severity: 'warning', value: '.csv' }] });
    expect(codes(parseFileName(plan({ ext: '.Csv' })).issues)).toEqual(['NAME_EXTENSION_CASE']);
    for (const ext of ['.txt', '', '.CSV.bak', '.jpg']) {
      const parsed = parseFileName(plan({ ext }));
      expect(parsed.ok, ext).toBe(false);
      expect(parsed.issues.some((i) => i.code === 'NAME_BAD_EXTENSION' || i.code === 'NAME_BAD_TIMESTAMP'), ext).toBe(true);
    }
    expect(only(plan({ ext: '.txt' }), 'NAME_BAD_EXTENSION')).toMatchObject({ value: '.txt', segment: { key: 'extension' } });
    const image = (ext: string) => `UPKIHON_IMAGE_1370300004_46_1370400002_A1_20250325093015_0001${ext}`;
    expect(parseFileName(image('.jpg')).issues).toEqual([]);
    expect(parseFileName(image('.JPG')).issues).toEqual([]);
    expect(codes(parseFileName(image('.Jpg')).issues)).toEqual(['NAME_EXTENSION_CASE']);
    expect(codes(parseFileName(image('.jpeg')).issues)).toEqual(['NAME_BAD_EXTENSION']);
    expect(codes(parseFileName(image('.CSV')).issues)).toEqual(['NAME_BAD_EXTENSION']);
  });

  it('NAME_BAD_BRANCH: the image branch is 4 digits', () => {
    expect(only('UPKIHON_IMAGE_1370300004_46_1370400002_A1_20250325093015_01.jpg', 'NAME_BAD_BRANCH')).toMatchObject({
      value: '01',
      segment: { key: 'branch', name: '枝番' },
    });
  });

  it('NAME_UNEXPECTED_MONTH and NAME_MISSING_MONTH', () => {
    expect(only('UP2KYO_202504_1370100008_43_1370200006_11_20250325093015.CSV', 'NAME_UNEXPECTED_MONTH')).toMatchObject({ value: '202504' });
    expect(only('UP2KYO_202504_1370100008_1370200006_20250325093015.CSV', 'NAME_UNEXPECTED_MONTH').value).toBe('202504');
    const missing = parseFileName('UPSIKYU_1370100008_43_1370200006_11_20250325093015.CSV');
    expect(missing.info).toMatchObject({ kind: 'UPSIKYU', edition: 4, sender: { office: '1370100008' } });
    expect(missing.info?.month).toBeUndefined();
    expect(missing.issues).toMatchObject([{ code: 'NAME_MISSING_MONTH', value: '1370100008', segment: { key: 'month', name: '対象年月' } }]);
  });

  it('NAME_DIRECTION (warning): kinds sent the wrong way', () => {
    const warn = (name: string) => parseFileName(name).issues.filter((i) => i.code === 'NAME_DIRECTION');
    // 実績 sent by a care manager to a provider: the spec's own swapped example, as written by a vendor.
    expect(warn('UPJSK_202504_1370100008_43_1370200006_11_20250405120000.CSV')).toMatchObject([{ severity: 'warning', value: '11' }]);
    expect(warn('UPJSK_202504_1370200006_11_1370100008_43_20250405120000.CSV')).toEqual([]);
    // 委託あり: the delegated care manager forwards 実績 and 予定 to the 地域包括支援センター.
    expect(warn('UPJSK_202504_1370100008_43_1370300004_46_20250405120000.CSV')).toEqual([]);
    expect(warn('UPPLAN_202504_1370100008_43_1370300004_AF_20250405120000.CSV')).toEqual([]);
    // A provider does not send care plans; 予防 centres do not send 居宅サービス計画書.
    expect(warn('UP1KYO_1370200006_11_1370100008_43_20250405120000.CSV')).toMatchObject([{ value: '11', segment: { key: 'senderServiceType' } }]);
    expect(warn('UP1KYO_1370300004_46_1370200006_11_20250405120000.CSV')).toMatchObject([{ value: '46', segment: { key: 'senderServiceType' } }]);
    // 予防 documents: 包括 → 委託先 居宅, 居宅 → provider are fine; 居宅 → 居宅 is not.
    expect(warn('UPKIHON_1370300004_46_1370100008_43_20250405120000.CSV')).toEqual([]);
    expect(warn('UPYOBO_1370100008_43_1370200006_63_20250405120000.CSV')).toEqual([]);
    expect(warn('UPYOBO_1370100008_43_1370100009_43_20250405120000.CSV')).toMatchObject([{ value: '43', segment: { key: 'receiverServiceType' } }]);
    // A warning only: the name is still ok.
    expect(parseFileName('UP1KYO_1370200006_11_1370100008_43_20250405120000.CSV').ok).toBe(true);
  });

  it('every issue names its segment and value in both languages', () => {
    const names = [
      plan({ month: '202513', so: '137010000', st: '4', ro: '13702', rt: '999', ts: '20250230000000', ext: '.tsv' }),
      'UPKIHON_000000_123456789_43_2468135790_11_20191110102233.CSV',
      'UPKIHON_IMAGE_1370300004_46_1370400002_A1_20250325093015_1.jpeg',
    ];
    for (const name of names) {
      for (const issue of parseFileName(name).issues) {
        expect(issue.code).toMatch(/^NAME_/);
        expect(issue.file).toBe(name);
        expect(issue.value).toBeDefined();
        expect(name).toContain(issue.value!);
        expect(issue.message).toContain(`「${issue.segment!.name}」${JSON.stringify(issue.value)}`);
        expect(issue.messageEn).toContain(JSON.stringify(issue.value));
      }
    }
    expect(codes(parseFileName(names[0]!).issues)).toEqual([
      'NAME_BAD_MONTH',
      'NAME_BAD_OFFICE',
      'NAME_BAD_SERVICE_TYPE',
      'NAME_BAD_OFFICE',
      'NAME_EDITION_40_SERVICE_SEGMENT',
      'NAME_BAD_TIMESTAMP',
      'NAME_BAD_EXTENSION',
    ]);
  });
});

describe('formatFileName', () => {
  const parts: FileNameParts = {
    kind: 'UPPLAN',
    edition: 4,
    month: '202504',
    sender: { office: '1370100008', serviceType: '43' },
    receiver: { office: '1370200006', serviceType: '11' },
    timestamp: '20250325093015',
  };

  it('writes the exact name of the rule', () => {
    expect(formatFileName(parts)).toBe('UPPLAN_202504_1370100008_43_1370200006_11_20250325093015.CSV');
    expect(
      formatFileName({ kind: 'UPKIHON_IMAGE', edition: 4, sender: { office: '0300000100', serviceType: '43' }, receiver: { office: '0300000005', serviceType: '11' }, timestamp: '20191025200201', branch: '0001' }),
    ).toBe('UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0001.jpg');
    expect(formatFileName({ kind: 'DLTJSK', edition: 3, month: '202503', sender: { office: '1370200006' }, receiver: { office: '1370100008' }, timestamp: '20250410180000', deletion: true })).toBe(
      'DLTJSK_202503_1370200006_1370100008_20250410180000.CSV',
    );
  });

  it('refuses parts that break a rule, with the located issues', () => {
    const fail = (p: FileNameParts): readonly Issue[] => {
      try {
        formatFileName(p);
      } catch (e) {
        expect(e).toBeInstanceOf(FileNameError);
        return (e as FileNameError).issues;
      }
      throw new Error('formatFileName did not throw');
    };
    expect(fail({ ...parts, sender: { office: '137010001', serviceType: '43' } })).toMatchObject([{ code: 'NAME_BAD_OFFICE', value: '137010001' }]);
    expect(codes(fail({ ...parts, month: '000000' }))).toEqual(['NAME_ZERO_MONTH_NOT_ALLOWED']);
    expect(codes(fail({ ...parts, month: undefined as unknown as string }))).toEqual(['NAME_BAD_MONTH']);
    expect(codes(fail({ ...parts, kind: 'UP1KYO' }))).toEqual(['NAME_UNUSED_PART']);
    expect(codes(fail({ ...parts, edition: 3 }))).toEqual(['NAME_UNUSED_PART', 'NAME_UNUSED_PART']);
    expect(codes(fail({ ...parts, deletion: true }))).toEqual(['NAME_DELETION_MISMATCH']);
    expect(codes(fail({ ...parts, kind: 'UPPLANX' as FileNameKind }))).toEqual(['NAME_UNKNOWN_PREFIX']);
    expect(codes(fail({ ...parts, timestamp: '2025_0325093015' }))).toEqual(['NAME_SEGMENT_COUNT']);
    expect(codes(fail({ ...parts, sender: { office: '1370100008', serviceType: '043' } }))).toEqual(['NAME_EDITION_40_SERVICE_SEGMENT']);
  });

  it('does not refuse warnings', () => {
    expect(formatFileName({ ...parts, kind: 'UPJSK' })).toBe('UPJSK_202504_1370100008_43_1370200006_11_20250325093015.CSV');
  });
});

// Valid parts for any kind and edition.
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const serviceType = fc.constantFrom(...SERVICE_TYPES.map((s) => s.code));
const dateTime = fc
  .date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31, 23, 59, 59), noInvalidDate: true })
  .map((d) => {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(d.getFullYear(), 4)}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  });
const validParts: fc.Arbitrary<FileNameParts> = fc
  .constantFrom(...ALL_KINDS)
  .chain((kind) =>
    fc.record({
      kind: fc.constant(kind as FileNameKind),
      edition: fc.constantFrom(...(IN_EDITION_3.includes(kind) ? [3, 4] as const : [4] as const)),
      month: WITH_MONTH.includes(kind)
        ? fc.oneof(dateTime.map((t) => t.slice(0, 6)), fc.constant(kind === 'UPHOSOKU' ? '000000' : '202504'))
        : fc.constant(undefined),
      so: digits(10),
      st: serviceType,
      ro: digits(10),
      rt: serviceType,
      timestamp: dateTime,
      branch: kind === 'UPKIHON_IMAGE' ? digits(4) : fc.constant(undefined),
    }),
  )
  .map((r) => ({
    kind: r.kind,
    edition: r.edition,
    ...(r.month !== undefined ? { month: r.month } : {}),
    sender: { office: r.so, ...(r.edition === 4 ? { serviceType: r.st } : {}) },
    receiver: { office: r.ro, ...(r.edition === 4 ? { serviceType: r.rt } : {}) },
    timestamp: r.timestamp,
    ...(r.branch !== undefined ? { branch: r.branch } : {}),
  }));

describe('properties', () => {
  it('round trip: parseFileName(formatFileName(x)) gives x', () => {
    fc.assert(
      fc.property(validParts, (parts) => {
        const parsed = parseFileName(formatFileName(parts));
        expect(parsed.ok).toBe(true);
        expect(parsed.info).toEqual({ ...parts, deletion: DELETIONS.includes(parts.kind) });
        // Only warnings can remain: out-of-scope types or an unusual direction.
        for (const i of parsed.issues) expect(i.severity).toBe('warning');
      }),
      { numRuns: 500 },
    );
  });

  const checkShape = (name: string) => {
    const parsed = parseFileName(name);
    expect(parsed.ok).toBe(!parsed.issues.some((i) => i.severity === 'error'));
    for (const i of parsed.issues) {
      expect(i.code).toMatch(/^NAME_[A-Z0-9_]+$/);
      expect(i.file).toBe(name);
      expect(i.message.length).toBeGreaterThan(0);
      expect(i.messageEn.length).toBeGreaterThan(0);
    }
    if (parsed.ok) expect(formatFileName(parsed.info!).toUpperCase()).toBe(name.slice(name.search(/[^/\\]*$/)).toUpperCase());
  };

  it('parseFileName never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkShape), { numRuns: 2000 });
  });

  it('parseFileName never throws on name-like strings', () => {
    const segment = fc.oneof(digits(10), digits(6), digits(14), digits(4), serviceType, fc.string({ maxLength: 12 }), fc.constant(''));
    const nameLike = fc
      .tuple(
        fc.constantFrom(...ALL_KINDS, 'UPKIHON_SUB', 'upplan', 'UPYOBO_SUBX', ''),
        fc.array(segment, { maxLength: 9 }),
        fc.constantFrom('.CSV', '.csv', '.jpg', '.JPG', '', '.', '.txt', '_'),
      )
      .map(([prefix, segs, ext]) => [prefix, ...segs].join('_') + ext);
    fc.assert(fc.property(nameLike, checkShape), { numRuns: 3000 });
  });
});

describe('send units and import order', () => {
  const cm = '1370100008_43';
  const hh = '1370200006_11';
  const T1 = '20250320090000';
  const T2 = '20250325093015';
  const T3 = '20250325100000';
  const T4 = '20250401080000';

  it('sendUnitKey: 連番 first, then sender and receiver', () => {
    const a = parseFileName(`UP1KYO_${cm}_${hh}_${T1}.CSV`).info!;
    const b = parseFileName(`UPHOSOKU_000000_${cm}_${hh}_${T1}.CSV`).info!;
    const c = parseFileName(`UP1KYO_${cm}_1370200003_13_${T1}.CSV`).info!;
    expect(sendUnitKey(a)).toBe(`${T1}:${cm}>${hh}`);
    expect(sendUnitKey(b)).toBe(sendUnitKey(a));
    expect(sendUnitKey(c)).not.toBe(sendUnitKey(a));
    const e3 = parseFileName(`UP1KYO_1370100008_1370200006_${T1}.CSV`).info!;
    expect(sendUnitKey(e3)).toBe(`${T1}:1370100008>1370200006`);
  });

  it('sortForImport: the order of §2.5/§3.5, the files of a unit together, bases first', () => {
    const expected = [
      // 連番 1: 第1表, 第2表, 第3表, 利用者補足 (tied to 第1/2表)
      `UP1KYO_${cm}_${hh}_${T1}.CSV`,
      `UP2KYO_${cm}_${hh}_${T1}.CSV`,
      `UP3KYO_${cm}_${hh}_${T1}.CSV`,
      `UPHOSOKU_000000_${cm}_${hh}_${T1}.CSV`,
      // 連番 2: 第6表, 第7表, 利用者補足, to two providers: each unit together
      `UPPLAN_202504_${cm}_${hh}_${T2}.CSV`,
      `UPSIKYU_202504_${cm}_${hh}_${T2}.CSV`,
      `UPHOSOKU_202504_${cm}_${hh}_${T2}.CSV`,
      `UPPLAN_202504_${cm}_1370500009_15_${T2}.CSV`,
      `UPSIKYU_202504_${cm}_1370500009_15_${T2}.CSV`,
      `UPHOSOKU_202504_${cm}_1370500009_15_${T2}.CSV`,
      // 連番 3: 第1表_削除
      `DLT1KYO_${cm}_${hh}_${T3}.CSV`,
      // 連番 4: 予防: 計画書 + 利用者基本情報 with its 別表 and images
      `UPYOBO_1370300004_46_1370400002_A1_${T4}.CSV`,
      `UPYOBO_SUB_1370300004_46_1370400002_A1_${T4}.CSV`,
      `UPKIHON_1370300004_46_1370400002_A1_${T4}.CSV`,
      `UPKIHON_SUB1_1370300004_46_1370400002_A1_${T4}.CSV`,
      `UPKIHON_SUB2_1370300004_46_1370400002_A1_${T4}.CSV`,
      `UPKIHON_IMAGE_1370300004_46_1370400002_A1_${T4}_0001.jpg`,
      `UPKIHON_IMAGE_1370300004_46_1370400002_A1_${T4}_0002.jpg`,
      // unreadable names last, in their given order
      'memo.txt',
      'UPPLAN_2025_broken.CSV',
    ];
    const shuffled = [expected[15]!, expected[18]!, ...expected.slice(0, 15).reverse(), expected[19]!, expected[17]!, expected[16]!];
    expect(new Set(shuffled)).toEqual(new Set(expected));
    expect(sortForImport(shuffled)).toEqual(expected);

    fc.assert(
      fc.property(fc.shuffledSubarray(expected.slice(0, 18), { minLength: 18, maxLength: 18 }), (names) => {
        expect(sortForImport(names)).toEqual(expected.slice(0, 18));
      }),
    );
  });

  it('sortForImport does not change its input', () => {
    const input = [`UP2KYO_${cm}_${hh}_${T2}.CSV`, `UP1KYO_${cm}_${hh}_${T1}.CSV`];
    const copy = [...input];
    expect(sortForImport(input)).toEqual([copy[1], copy[0]]);
    expect(input).toEqual(copy);
  });
});

describe('spec-tables/file-names.ts', () => {
  it('has every kind, each prefix its kind, the deletions and month kinds the spec prints', () => {
    expect(FILE_NAME_KINDS).toEqual(Object.keys(FILE_NAMES));
    expect(new Set(FILE_NAME_KINDS)).toEqual(new Set(ALL_KINDS));
    for (const kind of FILE_NAME_KINDS) {
      const spec = FILE_NAMES[kind];
      expect(spec.prefix).toBe(kind);
      expect(spec.deletion, kind).toBe(DELETIONS.includes(kind));
      expect('month' in spec, kind).toBe(WITH_MONTH.includes(kind));
      expect([...spec.editions].includes(3), kind).toBe(IN_EDITION_3.includes(kind));
      expect(spec.directions.length, kind).toBeGreaterThan(0);
    }
    expect(FILE_NAME_KINDS.filter((k) => (FILE_NAMES[k] as FileNameSpec).month?.zero !== undefined)).toEqual(['UPHOSOKU']);
    expect(new Set(FILE_NAME_KINDS.map((k) => FILE_NAMES[k].importRank)).size).toBe(FILE_NAME_KINDS.length);
    expect(FILE_NAME_EDITIONS.map((e) => e.segments.length)).toEqual([5, 3]);
  });

  it('office roles use care-management codes of service-types.ts', () => {
    for (const role of [OFFICE_ROLES.careManager, OFFICE_ROLES.preventionCareManager]) {
      for (const code of role.serviceTypes) {
        expect(SERVICE_TYPES.find((s) => s.code === code)?.group).toBe('careManagement');
      }
    }
  });
});

describe('buildFileName (never throws)', () => {
  it('returns the name, or ok: false with the located issues', () => {
    const good = buildFileName({
      kind: 'UPPLAN',
      edition: 4,
      month: '202504',
      sender: { office: '1370100008', serviceType: '43' },
      receiver: { office: '1370200006', serviceType: '11' },
      timestamp: '20250325093015',
    });
    expect(good).toEqual({ ok: true, name: 'UPPLAN_202504_1370100008_43_1370200006_11_20250325093015.CSV', issues: [] });
    const bad = buildFileName({
      kind: 'UPPLAN',
      edition: 4,
      month: '202513',
      sender: { office: '137010000', serviceType: '43' },
      receiver: { office: '1370200006', serviceType: '11' },
      timestamp: '20250325093015',
    });
    expect(bad.ok).toBe(false);
    expect(bad.name).toBeUndefined();
    expect(bad.issues.map((i) => i.code).sort()).toEqual(['NAME_BAD_MONTH', 'NAME_BAD_OFFICE']);
  });
});
