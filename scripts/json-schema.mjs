// Writes the JSON Schema of the send-unit documents, one file per CSVバージョン, into json-schema/ (shipped in
// the package: `careplan-csv/json-schema/202407.json`). Run with `npm run json-schema` (it builds first); a test
// fails when the committed files differ from what this writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMA_VERSIONS, sendUnitJsonSchema } from '../dist/src/index.js';

const DIR = 'json-schema';
mkdirSync(DIR, { recursive: true });
for (const f of readdirSync(DIR)) if (f.endsWith('.json')) rmSync(`${DIR}/${f}`);
for (const v of JSON_SCHEMA_VERSIONS) {
  writeFileSync(`${DIR}/${v}.json`, `${JSON.stringify(sendUnitJsonSchema(v), null, 2)}\n`);
  console.log(`${DIR}/${v}.json`);
}
