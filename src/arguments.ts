// Argument checks of the public functions. One rule for all of them: an argument of the wrong type is the
// caller's programming error and throws a TypeError at once, naming the function, the argument (down to the
// property: `file.bytes`) and what it must be, in English and Japanese; bad data is never a TypeError (it is an
// issue). Each public function calls expectArguments as its first statement; its shapes are described here,
// next to each other, so that one reading shows the whole contract.
//
// What counts as a type: the JavaScript type of an argument and of its properties (a string, a Uint8Array, an
// array, an object), and the closed sets a TypeScript type spells out (an options `profile`, `kind`,
// `unmappable`). What counts as data, never checked here: the contents a file or a user supplies — bytes, a
// record inside a records array (WRITE_NOT_A_RECORD), a file name's text, a kind/CSVバージョン pair with no layout.
// Nothing is imported: every layer calls in here, the file-name parser too, so the shapes that name facts of
// the spec tables (a file kind, a field's format) live in src/spec-arguments.ts, with the layers that read them.

/** What an argument (or one of its properties) must be. */
export interface Expected {
  /** Its description, completing "must be …": "a string", "a Uint8Array". */
  readonly en: string;
  /** The same for the Japanese message: 「… を渡してください」. */
  readonly ja: string;
  /** The first part of `value` that is wrong (its path below the argument, with what it must be), if any. */
  readonly mismatch: (value: unknown, path: string) => Mismatch | undefined;
}

interface Mismatch {
  readonly path: string;
  readonly expected: Pick<Expected, 'en' | 'ja'>;
  readonly value: unknown;
}

export function leaf(en: string, ja: string, test: (value: unknown) => boolean): Expected {
  const expected: Expected = { en, ja, mismatch: (value, path) => (test(value) ? undefined : { path, expected, value }) };
  return expected;
}

/** `expected` or undefined (an optional parameter or property left out). */
export function optional(expected: Expected): Expected {
  return {
    en: `${expected.en} or undefined`,
    ja: `${expected.ja}（省略可）`,
    mismatch: (value, path) => (value === undefined ? undefined : expected.mismatch(value, path)),
  };
}

/** One of several expectations (the first that fits). */
export function either(...options: readonly Expected[]): Expected {
  const expected: Expected = {
    en: options.map((o) => o.en).join(' or '),
    ja: options.map((o) => o.ja).join('または'),
    mismatch: (value, path) => (options.some((o) => o.mismatch(value, path) === undefined) ? undefined : { path, expected, value }),
  };
  return expected;
}

/** One of the given values (a TypeScript union of literals). */
export function oneOf(...values: readonly (string | number)[]): Expected {
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  return leaf(`one of ${list}`, `${list} のいずれか`, (value) => values.includes(value as string | number));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object (not null, not an array) whose listed properties are as expected; other properties are ignored. */
export function shape(en: string, ja: string, properties: Readonly<Record<string, Expected>> = {}): Expected {
  const expected: Expected = {
    en,
    ja,
    mismatch: (value, path) => {
      if (!isObject(value)) return { path, expected, value };
      for (const [key, property] of Object.entries(properties)) {
        const wrong = property.mismatch(value[key], `${path}.${key}`);
        if (wrong) return wrong;
      }
      return undefined;
    },
  };
  return expected;
}

/** An array each of whose items is as expected. */
export function arrayOf(en: string, ja: string, item?: Expected): Expected {
  const expected: Expected = {
    en,
    ja,
    mismatch: (value, path) => {
      if (!Array.isArray(value)) return { path, expected, value };
      if (item) {
        for (let i = 0; i < value.length; i++) {
          const wrong = item.mismatch(value[i], `${path}[${i}]`);
          if (wrong) return wrong;
        }
      }
      return undefined;
    },
  };
  return expected;
}

/**
 * Whether a view's memory was transferred away (postMessage, structuredClone with transfer): it then reads as
 * empty, which would pass for an empty file. Node 20 has no `ArrayBuffer.prototype.detached`; viewing a
 * detached buffer again throws, an empty one does not.
 */
function isDetached(view: ArrayBufferView): boolean {
  if (view.byteLength !== 0 || view.buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(view.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

export const STRING = leaf('a string', '文字列', (v) => typeof v === 'string');
export const BOOLEAN = leaf('a boolean', '真偽値', (v) => typeof v === 'boolean');
export const NUMBER = leaf('a number', '数値', (v) => typeof v === 'number');
export const FUNCTION = leaf('a function', '関数', (v) => typeof v === 'function');
export const OBJECT = leaf('an object', 'オブジェクト', isObject);
/** A Uint8Array by its tag rather than instanceof: one made in another realm (a vm context, a worker's copy) counts. */
const isUint8Array = (v: unknown): v is Uint8Array => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
export const BYTES = leaf('a Uint8Array (or Buffer) that is not detached', '切り離されていない Uint8Array（または Buffer）', (v) => isUint8Array(v) && !isDetached(v));
/** Chunks of a stream: iterated later, each chunk then checked by checkedChunks. A string is not a source. */
export const CHUNKS = leaf(
  'an iterable or async iterable of Uint8Array chunks',
  'Uint8Array のチャンクの iterable または async iterable',
  (v) => typeof v === 'object' && v !== null && (Symbol.asyncIterator in v || Symbol.iterator in v),
);

export const PROFILE = oneOf('strict', 'lenient');
export const COUNT = optional(NUMBER);

// ---- The shapes of the public functions' arguments. ----

export const LIMITS = optional(
  shape('a ReadLimits object', 'ReadLimits のオブジェクト', { maxRecordLength: COUNT, maxFieldLength: COUNT, maxRecords: COUNT }),
);
export const COMPARE_OPTIONS = optional(
  shape('a CompareOptions object', 'CompareOptions のオブジェクト', {
    offices: optional(arrayOf('an array of strings', '文字列の配列', STRING)),
    profile: optional(PROFILE),
  }),
);
const SUBSTITUTIONS: Expected = {
  en: 'an object of strings (character → replacement)',
  ja: '文字列の値のオブジェクト（文字 → 置換後）',
  mismatch: (value, path) => {
    if (!isObject(value)) return { path, expected: SUBSTITUTIONS, value };
    for (const [from, to] of Object.entries(value)) if (typeof to !== 'string') return { path: `${path}[${JSON.stringify(from)}]`, expected: STRING, value: to };
    return undefined;
  },
};
export const WRITE_OPTIONS = shape('a WriteOptions object (with csvVersion)', 'WriteOptions のオブジェクト（csvVersion 付き）', {
  csvVersion: STRING,
  unmappable: optional(oneOf('error', 'substitute')),
  substitutions: optional(SUBSTITUTIONS),
  file: optional(STRING),
  firstRecord: COUNT,
});
/** The records argument of writeCsvFile: an array; each record in it is data (a non-object is WRITE_NOT_A_RECORD). */
export const RECORDS = arrayOf('an array of records', 'レコードの配列');

/** readCsvFile's file: the name may be left out (then options.kind gives the kind). */
export const READ_FILE = shape('an object { name?, bytes }', 'オブジェクト { name?, bytes }', { name: optional(STRING), bytes: BYTES });
export const INPUT_FILE = shape('an InputFile { name, bytes }', 'InputFile { name, bytes }', { name: STRING, bytes: BYTES });
export const INPUT_FILES = arrayOf('an array of InputFile { name, bytes }', 'InputFile { name, bytes } の配列', INPUT_FILE);
export const INPUT_STREAMS = arrayOf(
  'an array of InputStream { name, chunks }',
  'InputStream { name, chunks } の配列',
  shape('an InputStream { name, chunks }', 'InputStream { name, chunks }', { name: STRING, chunks: CHUNKS }),
);
export const NAMES = arrayOf('an array of strings', '文字列の配列', STRING);
export const NAMED_FILES = arrayOf(
  'an array of names or { name } objects',
  'ファイル名または { name } の配列',
  either(STRING, shape('an object { name }', 'オブジェクト { name }', { name: STRING })),
);

const OFFICE = shape('an OfficeRef { office, serviceType? }', 'OfficeRef { office, serviceType? }', { office: STRING, serviceType: optional(STRING) });
export const SEND_UNIT_INFO = shape('an object { timestamp, sender, receiver }', 'オブジェクト { timestamp, sender, receiver }', {
  timestamp: STRING,
  sender: OFFICE,
  receiver: OFFICE,
});
export const FILE_NAME_PARTS = shape('a FileNameParts object', 'FileNameParts のオブジェクト', {
  kind: STRING,
  edition: oneOf(3, 4),
  month: optional(STRING),
  sender: OFFICE,
  receiver: OFFICE,
  timestamp: STRING,
  branch: optional(STRING),
  deletion: optional(BOOLEAN),
});
/** writeSendUnit's document: its parts' types (their values are data, reported as issues). */
export const SEND_UNIT_DOCUMENT = shape('a SendUnitDocument object', 'SendUnitDocument のオブジェクト', {
  type: STRING,
  timestamp: STRING,
  sender: OFFICE,
  receiver: OFFICE,
  csvVersion: optional(STRING),
  month: optional(STRING),
  users: arrayOf('an array of users { insurerNumber, insuredNumber, records }', '利用者 { insurerNumber, insuredNumber, records } の配列', shape('a user { insurerNumber, insuredNumber, records }', '利用者 { insurerNumber, insuredNumber, records }', {
    insurerNumber: STRING,
    insuredNumber: STRING,
    records: OBJECT,
  })),
  images: optional(arrayOf('an array of images { branch, jpeg }', '画像 { branch, jpeg } の配列')),
});
export const WRITE_SEND_UNIT_OPTIONS = optional(
  shape('a WriteSendUnitOptions object', 'WriteSendUnitOptions のオブジェクト', {
    timestamp: optional(STRING),
    unmappable: optional(oneOf('error', 'substitute')),
    substitutions: optional(SUBSTITUTIONS),
  }),
);
export const SEVERITY = oneOf('error', 'warning', 'info');

// The report builders (src/report): a run, and how its report is written.
export const LANG = oneOf('ja', 'en');
export const FAIL_ON = oneOf('error', 'warning');
const OBJECTS = arrayOf('an array of objects', 'オブジェクトの配列', OBJECT);
export const VALIDATION_REPORT = shape('a ValidationReport { files, units, issues, summary }', 'ValidationReport { files, units, issues, summary }', {
  files: OBJECTS,
  units: OBJECTS,
  issues: OBJECTS,
  summary: OBJECT,
});
export const RUN_OPTIONS = optional(shape('an object { profile?, failOn? }', 'オブジェクト { profile?, failOn? }', { profile: optional(PROFILE), failOn: optional(FAIL_ON) }));
export const VALIDATION_RUN = shape('a ValidationRun { report, profile, failOn }', 'ValidationRun { report, profile, failOn }', {
  report: VALIDATION_REPORT,
  profile: PROFILE,
  failOn: FAIL_ON,
});
export const TOOL_INFO = shape('a ToolInfo { name, version, informationUri }', 'ToolInfo { name, version, informationUri }', {
  name: STRING,
  version: STRING,
  informationUri: STRING,
});
export const TOOL_NAME = shape('an object { name }', 'オブジェクト { name }', { name: STRING });
export const TEXT_STYLE = shape('a TextStyle { lang, color? }', 'TextStyle { lang, color? }', { lang: LANG, color: optional(BOOLEAN) });

// ---- Throwing. ----

const JA_TYPES: Readonly<Record<string, string>> = { string: '文字列', number: '数値', boolean: '真偽値', bigint: 'bigint', symbol: 'symbol', function: '関数' };

/** A string or number as it was given (short), so that a misspelt option value can be seen in the message. */
function shown(value: unknown): string {
  if (typeof value === 'string') return ` ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${String(value)}`;
  return '';
}

/** How a wrong value reads in a message: "null", "a string \"UPLAN\"", "an ArrayBuffer", "a detached Uint8Array". */
export function describeValue(value: unknown): { en: string; ja: string } {
  if (value === null || value === undefined) return { en: String(value), ja: String(value) };
  if (Array.isArray(value)) return { en: 'an array', ja: '配列' };
  if (typeof value === 'function') return { en: 'a function', ja: '関数' };
  if (typeof value === 'object') {
    if (ArrayBuffer.isView(value) && isDetached(value)) return { en: `a detached ${value.constructor.name}`, ja: `切り離された ${value.constructor.name}` };
    let name: unknown;
    try {
      name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    } catch {
      name = undefined;
    }
    if (typeof name !== 'string' || name === '' || name === 'Object') return { en: 'an object', ja: 'オブジェクト' };
    return { en: `a${/^[AEIOU]/.test(name) ? 'n' : ''} ${name}`, ja: name };
  }
  return { en: `a ${typeof value}${shown(value)}`, ja: `${JA_TYPES[typeof value] ?? typeof value}${shown(value)}` };
}

function hint(value: unknown): { en: string; ja: string } {
  if (value instanceof ArrayBuffer) return { en: ' (view it as new Uint8Array(buffer))', ja: '（new Uint8Array(buffer) で渡してください）' };
  return { en: '', ja: '' };
}

function argumentError(fn: string, wrong: Mismatch): TypeError {
  const got = describeValue(wrong.value);
  const h = hint(wrong.value);
  return new TypeError(
    `${fn}: ${wrong.path} must be ${wrong.expected.en}, got ${got.en}${h.en}.\n` +
      `${fn} の ${wrong.path} には${wrong.expected.ja}を渡してください（渡されたのは ${got.ja}）${h.ja}。`,
  );
}

/**
 * Check a public function's arguments, in order: `[name, value, expected]` each. Throws a TypeError for the
 * first that is wrong, e.g. "readCsvFile: file.bytes must be a Uint8Array (or Buffer) that is not detached, got
 * null." with the same in Japanese on a second line.
 */
export function expectArguments(fn: string, args: readonly (readonly [name: string, value: unknown, expected: Expected])[]): void {
  for (const [name, value, expected] of args) {
    const wrong = expected.mismatch(value, name);
    if (wrong) throw argumentError(fn, wrong);
  }
}

/** expectArguments for one string argument, without allocating: for functions called once per character or row. */
export function expectString(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'string') throw argumentError(fn, { path: name, expected: STRING, value });
}

/** expectArguments for one object argument, without allocating: for a comparator called n log n times. */
export function expectObject(fn: string, name: string, value: unknown): void {
  if (!isObject(value)) throw argumentError(fn, { path: name, expected: OBJECT, value });
}

/** Chunk sources already wrapped by checkedChunks: a source passed on is checked once, by the outermost function. */
const checked = new WeakSet<object>();

/**
 * A stream's chunks, each checked as it arrives: a chunk that is not a Uint8Array (or a detached one) rejects
 * the read with a TypeError naming the chunk's index, rather than being taken for an empty or broken file.
 * Closing early (break) closes the source, as iterating it directly does.
 */
export function checkedChunks(
  fn: string,
  name: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  expectArguments(fn, [[name, source, CHUNKS]]);
  if (checked.has(source)) return source;
  const wrapped = (async function* () {
    let index = 0;
    for await (const chunk of source) {
      const wrong = BYTES.mismatch(chunk, `${name} chunk ${index}`);
      if (wrong) throw argumentError(fn, wrong);
      index++;
      yield chunk;
    }
  })();
  checked.add(wrapped);
  return wrapped;
}

/** validateFileStreams' files with each file's chunks checked as they arrive (see checkedChunks). */
export function checkedStreams<T extends { readonly name: string; readonly chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }>(
  fn: string,
  name: string,
  files: readonly T[],
): T[] {
  expectArguments(fn, [[name, files, INPUT_STREAMS]]);
  return files.map((file, i) => ({ ...file, chunks: checkedChunks(fn, `${name}[${i}].chunks`, file.chunks) }));
}
