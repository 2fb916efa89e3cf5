// The contract every public function keeps (src/arguments.ts): an argument of the wrong type is a TypeError at
// once (a rejection for the async ones) naming the function, the argument and what it must be; bad data is
// never one. The table lists every function exported from both entries, so a new export without a row fails.
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import * as core from '../src/core.js';
import * as api from '../src/index.js';

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325120000.CSV';
const JSK = 'UPJSK_202504_1370200006_11_1370100008_43_20250510120000.CSV';
const EMPTY = new Uint8Array(0);
const RUNS = process.env['FUZZ'] ? 300 : 25;

/** A Uint8Array whose memory was transferred away (as postMessage does): it reads as empty. */
function detached(): Uint8Array {
  const view = new Uint8Array(8);
  structuredClone(view.buffer, { transfer: [view.buffer] });
  return view;
}

const FIELD = api.getLayout('UPPLAN', '202407')!.fields[6]!;
const PARTS: api.FileNameParts = {
  kind: 'UPPLAN',
  edition: 4,
  month: '202504',
  sender: { office: '1370100008', serviceType: '43' },
  receiver: { office: '1370200006', serviceType: '11' },
  timestamp: '20250325120000',
};
const UNIT_DOCUMENT = { type: 'actualDeletion', timestamp: '20250502090000', sender: PARTS.receiver, receiver: PARTS.sender, users: [] };

const ISSUE: api.Issue = { code: 'CSV_EMPTY_FILE', severity: 'warning', message: '空', messageEn: 'empty' };
const REPORT = api.validateFiles([{ name: NAME, bytes: EMPTY }]);
const RUN = api.validationRun(REPORT);
const TOOL = { name: 'careplan-csv', version: '1.0.0', informationUri: 'https://example.invalid/careplan-csv' };

// ---- Wrong values, by what an argument must be. ----
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIterable = (v: unknown) => typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);
const notString = anything.filter((v) => typeof v !== 'string');
const notOptionalString = notString.filter((v) => v !== undefined);
const notObject = anything.filter((v) => !isObject(v));
const notOptionalObject = notObject.filter((v) => v !== undefined);
const notBytes = fc.oneof(
  anything.filter((v) => !(v instanceof Uint8Array)),
  fc.constant(new ArrayBuffer(4)),
  fc.constant(null).map(detached),
);
const notOptionalBytesFile = (nameRequired: boolean) =>
  fc.oneof(
    notObject,
    fc.record({ name: fc.constant(NAME), bytes: notBytes }),
    fc.record({ name: nameRequired ? notString : notOptionalString, bytes: fc.constant(EMPTY) }),
  );
const notOptionalNumber = anything.filter((v) => v !== undefined && typeof v !== 'number');
const notOptionalBoolean = anything.filter((v) => v !== undefined && typeof v !== 'boolean');
const notKind = fc.oneof(notOptionalString, fc.constantFrom('upplan', 'UPLAN', '', 'UPKIHON_IMAGE'));
const notProfile = fc.oneof(anything.filter((v) => v !== undefined && v !== 'strict' && v !== 'lenient'), fc.constant('Strict'));
const notLimits = fc.oneof(notOptionalObject, fc.record({ maxRecords: notOptionalNumber }));
const wrongOptions = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(notOptionalObject, ...Object.entries(fields).map(([key, wrong]) => fc.record({ [key]: wrong })));
const readOptions = { kind: notKind, lenient: notOptionalBoolean, limits: notLimits, maxIssuesPerCode: notOptionalNumber };
const notFunction = anything.filter((v) => typeof v !== 'function');
const notMaster = fc.oneof(notOptionalObject, fc.record({ covers: notFunction, lookup: fc.constant(() => []) }), fc.record({ covers: fc.constant(() => true), lookup: notFunction }));
const validateOptions = { kind: notKind, profile: notProfile, limits: notLimits, maxIssuesPerCode: notOptionalNumber, serviceCodes: notMaster };
/** Not master bytes: not a Uint8Array, a { name, bytes } or an array of them. */
const notMasterInput = fc.oneof(
  anything.filter((v) => !ArrayBuffer.isView(v) && !Array.isArray(v) && !isObject(v)),
  fc.record({ name: notString, bytes: fc.constant(EMPTY) }),
  fc.constant(new ArrayBuffer(4)),
  fc.array(notObject.filter((v) => !ArrayBuffer.isView(v)), { minLength: 1 }),
);
/** A source that is not iterable, or one that yields a chunk that is not a Uint8Array. */
const notSource = fc.oneof(anything.filter((v) => !isIterable(v)), fc.array(notBytes, { minLength: 1 }));
const notArrayOf = (item: fc.Arbitrary<unknown>) => fc.oneof(anything.filter((v) => !Array.isArray(v)), fc.array(item, { minLength: 1 }));
/** For an optional array option: `undefined` is leaving it out, not a wrong type. */
const notOptionalArrayOf = (item: fc.Arbitrary<unknown>) => notArrayOf(item).filter((v) => v !== undefined);
const notOffice = fc.oneof(notObject, fc.record({ office: notString }));
const notParts = fc.oneof(
  notObject,
  ...Object.entries({ kind: notString, edition: anything.filter((v) => v !== 3 && v !== 4), sender: notOffice, timestamp: notString, month: notOptionalString }).map(
    ([key, wrong]) => wrong.map((v) => ({ ...PARTS, [key]: v })),
  ),
);

interface Argument {
  readonly name: string;
  readonly valid: unknown;
  /** Values of the wrong type for this argument (the others valid). */
  readonly wrong?: fc.Arbitrary<unknown>;
}
type Call = (...args: unknown[]) => unknown;

const notFailOn = fc.oneof(anything.filter((v) => v !== undefined && v !== 'error' && v !== 'warning'), fc.constant('Error'));
const notReport = fc.oneof(
  notObject,
  ...Object.entries({ files: notArrayOf(notObject), units: notArrayOf(notObject), issues: notArrayOf(notObject), summary: notObject }).map(([key, wrong]) =>
    wrong.map((v) => ({ ...REPORT, [key]: v })),
  ),
);
const notRun = fc.oneof(
  notObject,
  notReport.map((report) => ({ ...RUN, report })),
  notProfile.map((profile) => ({ ...RUN, profile })),
  notFailOn.map((failOn) => ({ ...RUN, failOn })),
);
const notTool = fc.oneof(notObject, ...['name', 'version', 'informationUri'].map((key) => notString.map((v) => ({ ...TOOL, [key]: v }))));

/** Every public function, its arguments in order (a valid value and wrong ones for each). */
const FUNCTIONS: Record<string, readonly Argument[]> = {
  getLayout: [
    { name: 'kind', valid: 'UPPLAN', wrong: notString },
    { name: 'csvVersion', valid: '202407', wrong: notString },
  ],
  listLayouts: [],
  isFileKind: [{ name: 'kind', valid: 'UPPLAN', wrong: notString }],
  isServedCsvVersion: [{ name: 'value', valid: '202407', wrong: notString }],
  getCodeTable: [{ name: 'id', valid: 'sex', wrong: notString }],
  getServiceType: [{ name: 'code', valid: '11', wrong: notString }],
  compileFieldChecker: [
    { name: 'field', valid: FIELD, wrong: fc.oneof(notObject, fc.constant({ ...FIELD, format: 'kana' }), fc.constant({ ...FIELD, no: '7' })) },
    { name: 'csvVersion', valid: '202407', wrong: notOptionalString },
  ],
  validationRun: [
    { name: 'report', valid: REPORT, wrong: notReport },
    { name: 'options', valid: {}, wrong: wrongOptions({ profile: notProfile, failOn: notFailOn }) },
  ],
  formatText: [
    { name: 'run', valid: RUN, wrong: notRun },
    { name: 'style', valid: { lang: 'ja' }, wrong: fc.oneof(notObject, anything.filter((v) => v !== 'ja' && v !== 'en').map((lang) => ({ lang })), notOptionalBoolean.map((color) => ({ lang: 'en', color }))) },
  ],
  formatJson: [{ name: 'run', valid: RUN, wrong: notRun }],
  buildSarif: [
    { name: 'run', valid: RUN, wrong: notRun },
    { name: 'tool', valid: TOOL, wrong: notTool },
  ],
  formatSarif: [
    { name: 'run', valid: RUN, wrong: notRun },
    { name: 'tool', valid: TOOL, wrong: notTool },
  ],
  formatJunit: [
    { name: 'run', valid: RUN, wrong: notRun },
    { name: 'lang', valid: 'en', wrong: anything.filter((v) => v !== 'ja' && v !== 'en') },
    { name: 'tool', valid: { name: 'careplan-csv' }, wrong: fc.oneof(notObject, notString.map((name) => ({ name }))) },
  ],
  formatProblemsCsv: [{ name: 'run', valid: RUN, wrong: notRun }],
  byPosition: [
    { name: 'a', valid: ISSUE, wrong: notObject },
    { name: 'b', valid: ISSUE, wrong: notObject },
  ],
  readCsvFile: [
    { name: 'file', valid: { name: NAME, bytes: EMPTY }, wrong: notOptionalBytesFile(false) },
    { name: 'options', valid: {}, wrong: wrongOptions(readOptions) },
  ],
  readCsvItems: [
    { name: 'file', valid: { name: NAME, bytes: EMPTY }, wrong: notOptionalBytesFile(false) },
    { name: 'options', valid: {}, wrong: wrongOptions(readOptions) },
  ],
  forEachCsvItem: [
    { name: 'file', valid: { name: NAME, bytes: EMPTY }, wrong: notOptionalBytesFile(false) },
    { name: 'options', valid: {}, wrong: wrongOptions(readOptions) },
    { name: 'emit', valid: () => undefined, wrong: anything.filter((v) => typeof v !== 'function') },
  ],
  readCsvStream: [
    { name: 'source', valid: [EMPTY], wrong: notSource },
    { name: 'options', valid: { name: NAME }, wrong: wrongOptions({ ...readOptions, name: notOptionalString }) },
  ],
  writeCsvFile: [
    { name: 'kind', valid: 'UPPLAN', wrong: notString },
    // Only the array itself: a record inside it that is not an object is data (WRITE_NOT_A_RECORD).
    { name: 'records', valid: [], wrong: anything.filter((v) => !Array.isArray(v)) },
    {
      name: 'options',
      valid: { csvVersion: '202407' },
      wrong: fc.oneof(
        notObject,
        fc.record({ csvVersion: notString }),
        fc.record({ csvVersion: fc.constant('202407'), unmappable: fc.oneof(notOptionalString, fc.constant('replace')) }),
        fc.record({ csvVersion: fc.constant('202407'), substitutions: fc.oneof(notOptionalObject, fc.constant({ 髙: 7 })) }),
        fc.record({ csvVersion: fc.constant('202407'), file: notOptionalString }),
      ),
    },
  ],
  isEncodable: [{ name: 'ch', valid: '髙', wrong: notString }],
  parseFileName: [{ name: 'name', valid: NAME, wrong: notString }],
  buildFileName: [{ name: 'parts', valid: PARTS, wrong: notParts }],
  formatFileName: [{ name: 'parts', valid: PARTS, wrong: notParts }],
  sendUnitKey: [{ name: 'info', valid: PARTS, wrong: fc.oneof(notObject, fc.record({ timestamp: notString, sender: fc.constant(PARTS.sender), receiver: fc.constant(PARTS.receiver) })) }],
  sendUnitOfficesKey: [{ name: 'info', valid: PARTS, wrong: fc.oneof(notObject, fc.record({ timestamp: notString, sender: fc.constant(PARTS.sender), receiver: fc.constant(PARTS.receiver) })) }],
  sortForImport: [{ name: 'names', valid: [NAME], wrong: notArrayOf(notString) }],
  isFileNameKind: [{ name: 'kind', valid: 'UPPLAN', wrong: notString }],
  officeCheckDigit: [{ name: 'firstNine', valid: '137010000', wrong: notString }],
  hasValidCheckDigit: [{ name: 'office', valid: '1370100008', wrong: notString }],
  validateFile: [
    { name: 'file', valid: { name: NAME, bytes: EMPTY }, wrong: notOptionalBytesFile(true) },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  validateFiles: [
    { name: 'files', valid: [{ name: NAME, bytes: EMPTY }], wrong: notArrayOf(notOptionalBytesFile(true)) },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  createServiceCodeMaster: [
    { name: 'entries', valid: [{ code: '111211', from: '202404', units: 244 }], wrong: fc.oneof(notArrayOf(notObject), fc.record({ code: notString, from: fc.constant('202404') }).map((e) => [e])) },
  ],
  loadServiceCodeCsv: [{ name: 'input', valid: EMPTY, wrong: notMasterInput }],
  mergeServiceCodeMasters: [{ name: 'masters', valid: api.createServiceCodeMaster([]), wrong: fc.oneof(notObject, fc.record({ entries: anything.filter((v) => !Array.isArray(v)) })) }],
  validateStream: [
    { name: 'source', valid: [EMPTY], wrong: notSource },
    { name: 'name', valid: NAME, wrong: notString },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  validateFileStreams: [
    {
      name: 'files',
      valid: [{ name: NAME, chunks: [EMPTY] }],
      wrong: notArrayOf(fc.oneof(notObject, fc.record({ name: notString, chunks: fc.constant([EMPTY]) }), fc.record({ name: fc.constant(NAME), chunks: notSource }))),
    },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  ruleOf: [{ name: 'code', valid: 'CSV_EMPTY_FILE', wrong: notString }],
  listEditions: [],
  getEdition: [{ name: 'id', valid: '4.1', wrong: notString }],
  editionOfCsvVersion: [{ name: 'csvVersion', valid: '202407', wrong: notString }],
  createIssue: [
    { name: 'code', valid: 'FIX_VERIFY_FAILED', wrong: fc.oneof(notString, fc.constant('NO_SUCH_CODE'), fc.constant('')) },
    { name: 'params', valid: {}, wrong: notObject },
    { name: 'where', valid: { file: NAME }, wrong: notObject.filter((v) => v !== undefined) },
  ],
  importOrder: [{ name: 'files', valid: [NAME, { name: JSK }], wrong: notArrayOf(fc.oneof(notObject.filter((v) => typeof v !== 'string'), fc.record({ name: notString }))) }],
  readSendUnits: [
    { name: 'files', valid: [{ name: NAME, bytes: EMPTY }], wrong: notArrayOf(notOptionalBytesFile(true)) },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  writeSendUnit: [
    {
      name: 'document',
      valid: UNIT_DOCUMENT,
      wrong: fc.oneof(
        notObject,
        ...Object.entries({ type: notString, timestamp: notString, sender: notOffice, users: anything.filter((v) => !Array.isArray(v)), csvVersion: notOptionalString }).map(([key, wrong]) =>
          wrong.map((w) => ({ ...UNIT_DOCUMENT, [key]: w })),
        ),
        fc.constant({ ...UNIT_DOCUMENT, users: [{ insurerNumber: '131016', insuredNumber: 1, records: {} }] }),
      ),
    },
    { name: 'options', valid: {}, wrong: wrongOptions({ timestamp: notOptionalString, unmappable: fc.constant('replace'), substitutions: notOptionalObject }) },
  ],
  comparePlanToActual: [
    { name: 'plan', valid: { name: NAME, bytes: EMPTY }, wrong: notOptionalBytesFile(true) },
    { name: 'actual', valid: { name: JSK, bytes: EMPTY }, wrong: notOptionalBytesFile(true) },
    { name: 'options', valid: {}, wrong: wrongOptions({ profile: notProfile, offices: notOptionalArrayOf(notString) }) },
  ],
  // The forms (issue 19): a document as writeSendUnit takes it, the options each checked.
  renderForms: [
    {
      name: 'document',
      valid: UNIT_DOCUMENT,
      wrong: fc.oneof(
        notObject,
        ...Object.entries({ type: notString, timestamp: notString, sender: notOffice, users: anything.filter((v) => !Array.isArray(v)) }).map(([key, wrong]) => wrong.map((w) => ({ ...UNIT_DOCUMENT, [key]: w }))),
        fc.constant({ ...UNIT_DOCUMENT, users: [{ insurerNumber: '131016', insuredNumber: 1, records: {} }] }),
      ),
    },
    {
      name: 'options',
      valid: {},
      wrong: wrongOptions({ actual: fc.oneof(notObject.filter((v) => v !== undefined && !Array.isArray(v)), fc.array(notObject, { minLength: 1 })), serviceCodes: notMaster, users: notOptionalArrayOf(notString), mask: notOptionalBoolean, era: fc.constantFrom('showa', 'Japanese', 1) }),
    },
  ],
  renderSendUnitForms: [
    { name: 'documents', valid: [UNIT_DOCUMENT], wrong: fc.oneof(notArrayOf(notObject), fc.constant([{ ...UNIT_DOCUMENT, users: 'none' }])) },
    { name: 'options', valid: {}, wrong: wrongOptions({ users: notOptionalArrayOf(notString), mask: notOptionalBoolean, era: fc.constant('heisei') }) },
  ],
  planImport: [
    { name: 'files', valid: [{ name: NAME, bytes: EMPTY }], wrong: notArrayOf(notOptionalBytesFile(true)) },
    { name: 'options', valid: {}, wrong: wrongOptions(validateOptions) },
  ],
  recordSchema: [
    { name: 'kind', valid: 'UPPLAN', wrong: notString },
    { name: 'csvVersion', valid: '202407', wrong: notString },
  ],
  recordCodec: [
    { name: 'kind', valid: 'UPPLAN', wrong: notString },
    { name: 'csvVersion', valid: '202407', wrong: notString },
  ],
  // Typed records: the record is data (any object; its values are checked as data), the kind and options types.
  decodeRecord: [
    { name: 'kind', valid: 'UPPLAN', wrong: notKind },
    { name: 'textRecord', valid: {}, wrong: notObject },
    { name: 'options', valid: {}, wrong: wrongOptions({ csvVersion: notOptionalString, file: notOptionalString, line: notOptionalNumber, record: notOptionalNumber, validate: notOptionalBoolean }) },
  ],
  encodeRecord: [
    { name: 'kind', valid: 'UPPLAN', wrong: notKind },
    { name: 'typed', valid: {}, wrong: notObject },
    {
      name: 'options',
      valid: { csvVersion: '202407' },
      wrong: fc.oneof(
        notObject,
        fc.record({ csvVersion: notString }),
        fc.record({ csvVersion: fc.constant('202407'), file: notOptionalString }),
        fc.record({ csvVersion: fc.constant('202407'), record: notOptionalNumber }),
        fc.record({ csvVersion: fc.constant('202407'), validate: notOptionalBoolean }),
      ),
    },
  ],
  codeLabel: [
    { name: 'codeTableId', valid: 'careLevel', wrong: notString },
    { name: 'code', valid: '21', wrong: notString },
  ],
  // The JSON form of send-unit documents: the JSON value is data (anything; a non-document is UNITDOC_JSON_SHAPE).
  sendUnitDocumentSchemas: [{ name: 'csvVersion', valid: '202407', wrong: notString }],
  sendUnitJsonSchema: [{ name: 'csvVersion', valid: '202407', wrong: notString }],
  sendUnitDocumentFromJson: [
    { name: 'json', valid: {} },
    { name: 'options', valid: {}, wrong: wrongOptions({ file: notOptionalString }) },
  ],
  sendUnitDocumentToJson: [{ name: 'document', valid: { ...UNIT_DOCUMENT, key: 'k', csvVersion: '202407' }, wrong: notObject }],
};
/** Exported classes: FileNameError is what formatFileName throws, not something to call. */
const CLASSES = ['FileNameError'];

/** A call's outcome, an async one (a promise, a stream's first item) awaited. */
async function outcome(fn: string, args: readonly unknown[]): Promise<{ threw: unknown } | { value: unknown }> {
  try {
    let value = ((api as unknown as Record<string, Call>)[fn]!)(...args);
    if (value && typeof value === 'object' && Symbol.asyncIterator in value) {
      const items: unknown[] = [];
      for await (const item of value as AsyncIterable<unknown>) items.push(item);
      value = items;
    } else value = await value;
    return { value };
  } catch (threw) {
    return { threw };
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The call with argument `at` replaced throws (or rejects with) a TypeError naming the function and argument. */
async function expectTypeError(fn: string, at: number, wrong: unknown): Promise<TypeError> {
  const args = FUNCTIONS[fn]!.map((a) => a.valid);
  args[at] = wrong;
  const result = await outcome(fn, args);
  const name = FUNCTIONS[fn]![at]!.name;
  if (!('threw' in result)) throw new Error(`${fn}: ${name} = ${String(wrong)} gave a result, not a TypeError`);
  expect(result.threw).toBeInstanceOf(TypeError);
  const message = (result.threw as TypeError).message;
  expect(message).toMatch(new RegExp(`^${fn}: ${escape(name)}\\b[^\\n]* must be [^\\n]+, got [^\\n]+\\.\\n${fn} の ${escape(name)}\\b.*を渡してください`));
  return result.threw as TypeError;
}

describe('every public function', () => {
  it('the table lists every function of both entries', () => {
    for (const entry of [api, core]) {
      const functions = Object.entries(entry)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => k);
      expect(functions.filter((f) => !CLASSES.includes(f)).sort()).toEqual(
        Object.keys(FUNCTIONS)
          .filter((f) => f in entry)
          .sort(),
      );
    }
    expect(Object.keys(FUNCTIONS).filter((f) => !(f in core))).toEqual(['recordSchema', 'recordCodec', 'sendUnitDocumentSchemas', 'sendUnitJsonSchema', 'sendUnitDocumentFromJson', 'sendUnitDocumentToJson']);
  });

  for (const [fn, args] of Object.entries(FUNCTIONS)) {
    it(`${fn}: valid arguments give a result`, async () => {
      const result = await outcome(fn, args.map((a) => a.valid));
      expect(result).not.toHaveProperty('threw');
    });
    args.forEach((arg, at) => {
      if (!arg.wrong) return;
      it(`${fn}: property — any value of the wrong type for ${arg.name} is a TypeError naming it`, async () => {
        await fc.assert(fc.asyncProperty(arg.wrong!, async (wrong) => void (await expectTypeError(fn, at, wrong))), { numRuns: RUNS });
      });
    });
  }
});

describe('the cases of issue 13', () => {
  const sjis = (t: string) => new Uint8Array(iconv.encode(t, 'cp932'));
  it.each([
    ['null', null, 'got null'],
    ['a string', '202407,1', 'got a string "202407,1"'],
    ['an ArrayBuffer', new ArrayBuffer(4), 'got an ArrayBuffer (view it as new Uint8Array(buffer))'],
    ['a detached Uint8Array', detached(), 'got a detached Uint8Array'],
  ])('readCsvFile with bytes %s: a TypeError naming file.bytes', async (_, bytes, got) => {
    const error = await expectTypeError('readCsvFile', 0, { name: NAME, bytes });
    expect(error.message.split('\n')[0]).toBe(`readCsvFile: file.bytes must be a Uint8Array (or Buffer) that is not detached, ${got}.`);
  });

  it('validateFiles(null), writeCsvFile without records, and the Japanese line', () => {
    expect(() => api.validateFiles(null as never)).toThrow(
      new TypeError(
        'validateFiles: files must be an array of InputFile { name, bytes }, got null.\n' +
          'validateFiles の files にはInputFile { name, bytes } の配列を渡してください（渡されたのは null）。',
      ),
    );
    expect(() => api.writeCsvFile('UPPLAN', undefined as never, { csvVersion: '202407' })).toThrow(/^writeCsvFile: records must be an array of records, got undefined\./);
    expect(() => api.validateFiles([{ name: NAME, bytes: EMPTY }, { name: NAME }] as never)).toThrow(/^validateFiles: files\[1\]\.bytes must be a Uint8Array/);
  });

  it('a Buffer, and a Uint8Array made in another realm, are bytes', async () => {
    const bytes = sjis('202407,131016\r\n');
    const foreign = runInNewContext('new Uint8Array(n)', { n: bytes.length }) as Uint8Array;
    foreign.set(bytes);
    expect(foreign).not.toBeInstanceOf(Uint8Array);
    const expected = api.readCsvFile({ name: NAME, bytes });
    expect(api.readCsvFile({ name: NAME, bytes: foreign })).toEqual(expected);
    expect(api.readCsvFile({ name: NAME, bytes: Buffer.from(bytes) })).toEqual(expected);
    expect((await api.validateStream([foreign], NAME)).issues).toEqual(api.validateFile({ name: NAME, bytes }).issues);
  });

  it('readCsvStream: a detached chunk is a TypeError, not CSV_EMPTY_FILE', async () => {
    const error = await expectTypeError('readCsvStream', 0, [detached()]);
    expect(error.message).toMatch(/^readCsvStream: source chunk 0 must be a Uint8Array \(or Buffer\) that is not detached, got a detached Uint8Array\./);
  });

  it('a chunk of the wrong type mid-stream rejects with its index, after the items before it', async () => {
    // Over 64 bytes: a reader holds a file's first 64 bytes until they tell it is no other format (FILE_NOT_SPEC_FILE).
    const good = sjis('202407,131016\r\n'.repeat(5));
    async function* source() {
      yield good;
      yield good;
      yield '202407' as unknown as Uint8Array;
    }
    const items: string[] = [];
    await expect(
      (async () => {
        for await (const item of api.readCsvStream(source(), { name: NAME })) items.push(item.type);
      })(),
    ).rejects.toThrow(/^readCsvStream: source chunk 2 must be a Uint8Array \(or Buffer\) that is not detached, got a string "202407"\./);
    expect(items.length).toBeGreaterThan(0);
    await expect(api.validateStream(source(), NAME)).rejects.toThrow(/^validateStream: source chunk 2 /);
    await expect(api.validateFileStreams([{ name: NAME, chunks: [good] }, { name: JSK, chunks: source() }])).rejects.toThrow(
      /^validateFileStreams: files\[1\]\.chunks chunk 2 /,
    );
  });

  it('the checks do not change what is read: a source stopped early is still closed', async () => {
    let closed = false;
    async function* jpeg() {
      try {
        yield new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
        yield new Uint8Array(1000);
      } finally {
        closed = true;
      }
    }
    const report = await api.validateStream(jpeg(), 'UPKIHON_IMAGE_202504_1370100008_43_1370200006_11_20250325120000_0001.JPG');
    expect(report.issues.filter((i) => i.code === 'NAME_UNKNOWN_PREFIX')).toEqual([]);
    expect(closed).toBe(true);
  });
});

describe('bad data is never a TypeError', () => {
  it('a record that is not an object, an unknown kind, a misspelt name, broken bytes: issues', () => {
    const written = api.writeCsvFile('UPPLAN', [null, 5, 'x'] as never, { csvVersion: '202407' });
    expect(written.issues.map((i) => i.code)).toEqual(['WRITE_NOT_A_RECORD', 'WRITE_NOT_A_RECORD', 'WRITE_NOT_A_RECORD']);
    expect(api.writeCsvFile('UPLAN' as never, [], { csvVersion: '202407' }).issues.map((i) => i.code)).toEqual(['WRITE_NO_LAYOUT']);
    expect(api.buildFileName({ ...PARTS, kind: 'UPLAN' as never }).issues.map((i) => i.code)).toEqual(['NAME_UNKNOWN_PREFIX']);
    expect(api.parseFileName('upplan.csv').ok).toBe(false);
    expect(api.getLayout('UPLAN', '1')).toBeUndefined();
    expect(api.readCsvFile({ name: NAME, bytes: new Uint8Array([0x82, 0x22, 0x0d]) }).issues.length).toBeGreaterThan(0);
  });

  it('property: any bytes, any name, any records of any values: never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.string(), fc.array(anything, { maxLength: 3 }), async (bytes, name, records) => {
        api.readCsvFile({ name, bytes });
        api.validateFiles([{ name, bytes }, { name: NAME, bytes }]);
        await api.validateStream([bytes], name);
        api.parseFileName(name);
        api.importOrder([name]);
        api.writeCsvFile('UPPLAN', records as never, { csvVersion: '202407' });
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
