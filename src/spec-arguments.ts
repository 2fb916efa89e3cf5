// Argument shapes that name facts of the spec tables: a file kind (the options of the readers and validators)
// and a field's format kind. Apart from src/arguments.ts so that a file-name-only import (parseFileName) does
// not carry every layout for them.
import { FORMATS } from '../spec-tables/formats.js';
import { isFileKind } from './spec.js';
import { arrayOf, BOOLEAN, COUNT, either, FUNCTION, leaf, LIMITS, NUMBER, oneOf, optional, PROFILE, shape, STRING } from './arguments.js';

export const FILE_KIND = leaf(
  'a file kind of the spec (FILE_KINDS)',
  '仕様のファイル種別（FILE_KINDS のいずれか）',
  (v) => typeof v === 'string' && isFileKind(v),
);

const readOptionFields = { kind: optional(FILE_KIND), lenient: optional(BOOLEAN), limits: LIMITS, maxIssuesPerCode: COUNT };
export const READ_OPTIONS = optional(shape('a ReadOptions object', 'ReadOptions のオブジェクト', readOptionFields));
export const STREAM_READ_OPTIONS = optional(
  shape('a ReadOptions object', 'ReadOptions のオブジェクト', { ...readOptionFields, name: optional(STRING) }),
);
/** A ServiceCodeMaster: an object with the two methods the validator calls. */
export const SERVICE_CODE_MASTER = shape('a ServiceCodeMaster { covers(), lookup() } (see loadServiceCodeCsv)', 'ServiceCodeMaster { covers(), lookup() }（loadServiceCodeCsv を参照）', {
  covers: FUNCTION,
  lookup: FUNCTION,
});
const validateOptionFields = { profile: optional(PROFILE), kind: optional(FILE_KIND), maxIssuesPerCode: COUNT, limits: LIMITS, serviceCodes: optional(SERVICE_CODE_MASTER) };
export const VALIDATE_OPTIONS = optional(shape('a ValidateOptions object', 'ValidateOptions のオブジェクト', validateOptionFields));
export const VALIDATE_STREAMS_OPTIONS = optional(
  shape('a ValidateStreamsOptions object', 'ValidateStreamsOptions のオブジェクト', { ...validateOptionFields, onProgress: optional(FUNCTION) }),
);

export const FIELD = shape('a Field of a layout (getLayout(…).fields)', 'レイアウトの項目（getLayout(…).fields の要素）', {
  no: NUMBER,
  key: STRING,
  name: STRING,
  length: either(NUMBER, leaf('null', 'null', (v) => v === null)),
  required: BOOLEAN,
  format: oneOf(...Object.keys(FORMATS)),
  codeTable: optional(STRING),
  sentinels: optional(arrayOf('an array of strings', '文字列の配列', STRING)),
  fixedValues: optional(arrayOf('an array of strings', '文字列の配列', STRING)),
});
