// careplan-csv: read, validate and write the CSV files of the ケアプランデータ連携標準仕様.
export {
  getLayout,
  listLayouts,
  isFileKind,
  isServedCsvVersion,
  getCodeTable,
  getServiceType,
  FILE_KINDS,
  CSV_VERSIONS,
  CODE_TABLES,
  SERVICE_TYPES,
  type Layout,
  type Field,
  type FileKind,
  type LayoutKind,
  type CsvVersion,
  type FieldKey,
  type FormatKind,
  type CodeTableSpec,
  type CsvVersionSpec,
  type ServiceTypeSpec,
} from './spec.js';
export { recordSchema, type RecordOf, type RecordSchema } from './schemas/record-schema.js';
export {
  compileFieldChecker,
  type FieldProblem,
  type FieldProblemCode,
  type Severity,
} from './schemas/field-rules.js';
export { FORMATS } from '../spec-tables/formats.js';
export { makeIssue, type Issue, type IssueLocation } from './issues.js';
export {
  readCsvFile,
  readCsvStream,
  writeCsvFile,
  DEFAULT_SUBSTITUTIONS,
  isEncodable,
  type ReadOptions,
  type ReadResult,
  type CsvRecord,
  type ReadItem,
  type WriteOptions,
  type WriteResult,
  type Substitution,
} from './codec/index.js';
export {
  parseFileName,
  buildFileName,
  formatFileName,
  FileNameError,
  sendUnitKey,
  sortForImport,
  FILE_NAME_KINDS,
  isFileNameKind,
  type BuiltFileName,
  type FileNameInfo,
  type FileNameParts,
  type FileNameKind,
  type FileNameEdition,
  type OfficeRef,
  type ParsedFileName,
} from './filenames/index.js';
export { FILE_NAMES, OFFICE_ROLES } from '../spec-tables/file-names.js';
export {
  validateFile,
  validateFiles,
  validateStream,
  RULES,
  ruleOf,
  catalogueMarkdown,
  type ValidationReport,
  type InputFile,
  type FileReport,
  type Profile,
  type ValidateOptions,
  type RuleSpec,
  type RuleLayer,
} from './validate/index.js';
export { RECORD_KEYS } from '../spec-tables/record-keys.js';
