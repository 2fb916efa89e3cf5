// Rules of the JSON form of send-unit documents (src/documents/document-json.ts): what `careplan-csv export` and
// sendUnitDocumentFromJson report when JSON is not a document of the JSON Schema (json-schema/).
import { r } from './define.js';

export const DOCUMENT_JSON_RULES = [
  r('UNITDOC_JSON_SHAPE', 'document', 'error', 'JSONが送信単位の文書の形でない（JSON Schema に合わない: 型の違い、ない項目、余分なプロパティ、base64でない画像 など）', 'the JSON is not a send-unit document (it does not fit the JSON Schema: a wrong type, a missing or unknown property, an image not in base64 …)', 'json-schema/<CSVバージョン>.json'),
] as const;

