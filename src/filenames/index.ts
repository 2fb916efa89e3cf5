// File names (ファイル名規約): parse, check, build, and order for import.
export { parseFileName } from './parse.js';
export { buildFileName, formatFileName, FileNameError, type BuiltFileName } from './format.js';
export { inImportOrder, sendUnitKey, sendUnitOfficesKey, sortForImport } from './send-unit.js';
export { FILE_NAME_KINDS, isFileNameKind } from './rules.js';
export type {
  FileNameEdition,
  FileNameInfo,
  FileNameKind,
  FileNameParts,
  OfficeRef,
  ParsedFileName,
} from './types.js';
