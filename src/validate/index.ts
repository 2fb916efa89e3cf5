// The validation layer: field, record and file rules with located issues, on top of the codec.
export { validateFile, validateFiles, validateStream, validateFileStreams, type ValidationReport, type InputFile, type InputStream, type StreamProgress, type ValidateStreamsOptions } from './validate.js';
export { DEFAULT_MAX_ISSUES_PER_FILE, FileValidator, type FileReport, type Profile, type ValidateOptions } from './file-validator.js';
export { RULES, ruleOf, catalogueMarkdown, type RuleSpec, type RuleLayer, type RuleCode, type Lowering } from '../rules/index.js';
export { importOrder, type ImportOrder, type ImportOrderSendUnit, type UnorderedFile, type SendUnitReport } from './send-units.js';
export { comparePlanToActual, type PlanActualComparison, type PlanActualRow, type PlanActualStatus, type Visit, type VisitChange, type CompareOptions } from './compare.js';
