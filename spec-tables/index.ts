// The spec tables: the single source of truth of the library. Data only; `src/spec.ts` resolves deltas.
export * from './types.js';
export { EDITIONS, CURRENT_EDITION, CURRENT_CSV_VERSION, ROOT_EDITION } from './editions.js';
export { KIND_ROLES } from './kind-roles.js';
export { CSV_VERSIONS } from './csv-versions.js';
export { CODE_TABLES, type CodeTableId } from './code-tables.js';
export { SERVICE_TYPES } from './service-types.js';
export { FORMATS, OFFICE_CATEGORY } from './formats.js';
export { BREAKS_UNQUOTED_FIELD, CONTROL_CHARACTER, CONTROL_CHARACTER_IN_FREE_TEXT, CONTROL_CHARACTER_NAMES } from './characters.js';
export {
  FILE_NAMES,
  FILE_NAME_SEGMENTS,
  FILE_NAME_EDITIONS,
  FILE_NAME_EDITION_40,
  OFFICE_ROLES,
} from './file-names.js';
export { RECORD_KEYS, type RecordKeySpec } from './record-keys.js';
export { SEND_UNITS, type SendUnitSpec, type SendUnitMember } from './send-units.js';
export { STORED_DOCUMENTS, WITHDRAWALS, type StoredDocumentSpec, type StoredDocumentId, type WithdrawalSpec, type DocumentKeyPart, type FieldSource } from './documents.js';
export { HIERARCHIES, type HierarchySpec, type HierarchyLevel, type HierarchyKind } from './hierarchies.js';
export { FORMS, MASKED_FIELDS, type FormSpec, type FormCell, type FormColumn, type FormShape, type FormId } from './forms.js';
