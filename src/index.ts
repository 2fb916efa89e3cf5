// careplan-csv: read, validate and write the CSV files of the ケアプランデータ連携標準仕様.
export * from './core.js';
export { recordSchema, type RecordOf, type RecordSchema } from './schemas/record-schema.js';
export { recordCodec, type RecordCodec } from './schemas/record-codec.js';
export { sendUnitDocumentSchemas, sendUnitJsonSchema, JSON_SCHEMA_VERSIONS, type DocumentSchemas, type DocumentCodec, type SendUnitDocumentJson, type SendUnitDocumentInputJson, type SendUnitImageJson } from './documents/document-schema.js';
export { sendUnitDocumentFromJson, sendUnitDocumentToJson, type FromJsonOptions, type FromJsonResult } from './documents/document-json.js';
