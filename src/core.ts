// careplan-csv without its zod schemas: everything but recordSchema. The command imports this entry so that
// a cold start does not load zod; library users import the package root (src/index.ts), which adds the schemas.
export {
  getLayout,
  listLayouts,
  isFileKind,
  isServedCsvVersion,
  getCodeTable,
  getServiceType,
  listEditions,
  getEdition,
  editionOfCsvVersion,
  CURRENT_EDITION,
  CURRENT_CSV_VERSION,
  KIND_ROLES,
  FILE_KINDS,
  CSV_VERSIONS,
  CODE_TABLES,
  SERVICE_TYPES,
  type Layout,
  type Field,
  type FileKind,
  type LayoutKind,
  type CsvVersion,
  type EditionId,
  type EditionInfo,
  type FieldKey,
  type FormatKind,
  type CodeTableSpec,
  type CsvVersionSpec,
  type ServiceTypeSpec,
} from './spec.js';
export {
  compileFieldChecker,
  type FieldProblem,
  type FieldProblemCode,
  type Severity,
} from './schemas/field-rules.js';
export { FORMATS } from '../spec-tables/formats.js';
export type { FieldCondition, ValueSubstitution, DateOrder } from '../spec-tables/types.js';
export { byPosition, type Issue, type IssueAffected, type IssueConsequences, type IssueLocation } from './issues.js';
export { CAUSES, type CauseRule } from './rules/causes.js';
export {
  readCsvFile,
  readCsvItems,
  forEachCsvItem,
  readCsvStream,
  DEFAULT_LIMITS,
  DEFAULT_MAX_ISSUES_PER_CODE,
  type ReadLimits,
  type Terminator,
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
  sendUnitOfficesKey,
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
// Check digits (検証番号) of 介護保険事業所番号 (MHLW 資料13).
export { officeCheckDigit, hasValidCheckDigit } from './check-digits.js';
// Issues under catalogue codes, for tools that report their own findings as the library does.
export { createIssue } from './issue-sink.js';
export type { MessageParams } from './messages/catalogue.js';
export { FILE_NAMES, OFFICE_ROLES } from '../spec-tables/file-names.js';
export { SEND_UNITS, type SendUnitSpec, type SendUnitMember } from '../spec-tables/send-units.js';
export {
  validateFile,
  validateFiles,
  validateStream,
  validateFileStreams,
  RULES,
  ruleOf,
  type ValidationReport,
  type InputFile,
  type InputStream,
  type FileReport,
  type Profile,
  type ValidateOptions,
  type ValidateStreamsOptions,
  type StreamProgress,
  type RuleSpec,
  type RuleCode,
  type Lowering,
  type RuleLayer,
  importOrder,
  comparePlanToActual,
  type PlanActualComparison,
  type PlanActualRow,
  type PlanActualStatus,
  type Visit,
  type VisitChange,
  type CompareOptions,
  type ImportOrder,
  type ImportOrderSendUnit,
  type UnorderedFile,
  type SendUnitReport,
  DEFAULT_MAX_ISSUES_PER_FILE,
} from './validate/index.js';
export { RECORD_KEYS } from '../spec-tables/record-keys.js';
export type { TypedRecord, FieldValue, FieldSpecOf, AnyTypedRecord, IsoDate, IsoMonth, ClockTime } from './schemas/typed-record.js';
export { VALUE_CODECS, codeLabel, type CodeOf, type ValueCodec, type TypedValue } from './schemas/value-codecs.js';
export { decodeRecord, encodeRecord, type DecodeOptions, type EncodeOptions, type DecodeResult, type EncodeResult, type TextRecord } from './documents/records.js';
export {
  planImport,
  type ImportPlan,
  type ImportPlanOptions,
  type ImportStep,
  type StoreStep,
  type DeleteStep,
  type RejectStep,
  type SendUnitStepBase,
  type StoredDocument,
  type DocumentPart,
  type Withdrawal,
  type StepRef,
  type DocumentKey,
} from './documents/import-plan.js';
export { STORED_DOCUMENTS, WITHDRAWALS, type StoredDocumentSpec, type StoredDocumentId, type WithdrawalSpec } from '../spec-tables/documents.js';
export { readSendUnits, type ReadSendUnitsOptions } from './documents/read-send-units.js';
// The reports of `careplan-csv validate` (and of the validator page), from a ValidationReport.
export { validationRun, type ValidationRun, type FailOn } from './report/issues.js';
export { formatText, type TextStyle } from './report/text.js';
export { formatJson } from './report/json.js';
export { buildSarif, formatSarif, type ToolInfo } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatProblemsCsv } from './report/problems-csv.js';
export { writeSendUnit } from './documents/write-send-unit.js';
export { SEND_UNIT_TYPES, type SendUnitDocument, type SendUnitDocumentInput, type SendUnitUser, type SendUnitImage, type SendUnitType, type SendUnitRecords, type SendUnitRecordsInput, type ReadSendUnitsResult, type WriteSendUnitOptions, type WriteSendUnitResult, type WrittenFile } from './documents/send-unit-document.js';
// The service-code master (ValidateOptions.serviceCodes): the interface, the library's own and its CSV loader.
export {
  createServiceCodeMaster,
  loadServiceCodeCsv,
  mergeServiceCodeMasters,
  type ServiceCodeMaster,
  type ServiceCodeEntry,
  type ServiceCodeQuery,
  type ListedServiceCodeMaster,
  type LoadedServiceCodes,
  type ServiceCodeFile,
} from './service-codes/index.js';
// The standard forms (第1–3表, 第6表 with 予定 and 実績, 第7表) of a send-unit document, as printable HTML.
export { renderForms, renderSendUnitForms, type RenderFormsOptions, type RenderFormsResult, type FormPageInfo } from './forms/render-forms.js';
export { FORMS, MASKED_FIELDS, type FormSpec, type FormCell, type FormColumn, type FormShape, type FormId, type FormSignature, type FormSummaryRows, type FormPanel, type FormPanelColumn, type FormWeek } from '../spec-tables/forms.js';
