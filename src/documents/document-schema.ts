// The JSON form of a send-unit document as zod schemas, and its JSON Schema. Everything is derived: the typed
// record of each kind is the typed side of recordCodec (src/schemas/record-codec.ts, built from the layout
// tables), the unit types and the kinds they hold come from SEND_UNITS, the field descriptions from the
// layouts. The JSON form differs from SendUnitDocument in one place only: an image's JPEG bytes are a base64
// string (JSON has no bytes), so the document schema is a zod codec: JSON form ⇄ SendUnitDocument.
//
// Two forms per CSVバージョン: the document as readSendUnits gives it (`key`, `csvVersion`, complete typed
// records), and the document writeSendUnit (and `careplan-csv export`) takes, where what the writer derives may be
// left out (`key`, `csvVersion`, `month`, and any field of a record: Partial<TypedRecord>).
import { z } from 'zod';
import { SEND_UNITS, type SendUnitSpec } from '../../spec-tables/send-units.js';
import { expectString } from '../arguments.js';
import { recordCodec } from '../schemas/record-codec.js';
import { getLayout, isServedCsvVersion, listLayouts, type CsvVersion, type FileKind } from '../spec.js';
import { nameEditionOf, unitKinds, type SendUnitDocument, type SendUnitDocumentInput } from './send-unit-document.js';

/** The zod codec of a document's JSON form (`I`) and the document it decodes to (`O`). */
export type DocumentCodec<I, O> = z.ZodCodec<z.ZodType<I>, z.ZodType<O>>;

/** An image of the JSON form: the JPEG bytes as base64. */
export interface SendUnitImageJson {
  branch: string;
  jpeg: string;
}
/** A SendUnitDocument as JSON: the same, with images' bytes as base64. */
export type SendUnitDocumentJson = Omit<SendUnitDocument, 'images'> & { images?: SendUnitImageJson[] };
/** A SendUnitDocumentInput as JSON. */
export type SendUnitDocumentInputJson = Omit<SendUnitDocumentInput, 'images'> & { images?: SendUnitImageJson[] };

export interface DocumentSchemas {
  readonly csvVersion: CsvVersion;
  /** JSON form ⇄ SendUnitDocument (what readSendUnits gives). */
  readonly document: DocumentCodec<SendUnitDocumentJson, SendUnitDocument>;
  /** JSON form ⇄ SendUnitDocumentInput (what writeSendUnit takes: derived values may be left out). */
  readonly input: DocumentCodec<SendUnitDocumentInputJson, SendUnitDocumentInput>;
  /** The typed record schema of each kind of the CSVバージョン's units. */
  readonly records: ReadonlyMap<FileKind, z.ZodObject>;
  /** ids and descriptions for z.toJSONSchema (a registry of its own: nothing is added to zod's global one). */
  readonly registry: z.core.$ZodRegistry<{ id?: string; title?: string; description?: string }>;
}

const isBytes = (v: unknown): v is Uint8Array => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';

const jpegBytes = () =>
  z.codec(z.base64(), z.custom<Uint8Array>(isBytes, { message: 'Uint8Array' }), {
    decode: (text) => z.core.util.base64ToUint8Array(text),
    encode: (bytes) => z.core.util.uint8ArrayToBase64(bytes),
  });

/** The unit types of the CSVバージョン's edition, and the kinds they hold (base first, in SEND_UNITS order). */
function sendUnitsOf(csvVersion: CsvVersion): { specs: SendUnitSpec[]; kinds: FileKind[] } {
  const edition = nameEditionOf(csvVersion);
  const specs = (SEND_UNITS as readonly SendUnitSpec[]).filter((u) => (u.editions as readonly number[]).includes(edition));
  const kinds = new Set<FileKind>();
  for (const spec of specs) for (const k of unitKinds(spec, edition)) if (getLayout(k, csvVersion)) kinds.add(k);
  return { specs, kinds: [...kinds] };
}

const cache = new Map<CsvVersion, DocumentSchemas>();

function build(csvVersion: CsvVersion): DocumentSchemas {
  const registry = z.registry<{ id?: string; title?: string; description?: string }>();
  const { specs, kinds } = sendUnitsOf(csvVersion);
  const records = new Map<FileKind, z.ZodObject>();
  const inputs = new Map<FileKind, z.ZodObject>();
  for (const kind of kinds) {
    const layout = getLayout(kind, csvVersion)!;
    const typed = (recordCodec(kind as string, csvVersion) as z.ZodCodec<z.ZodObject, z.ZodObject>).out;
    for (const field of layout.fields) {
      registry.add(typed.shape[field.key] as z.ZodType, { description: `No.${field.no} ${field.name}${field.required ? '（必須 / required）' : ''}` });
    }
    const title = `${kind}: ${layout.nameJa}`;
    registry.add(typed, { id: kind, title, description: `${title} — typed record, CSVバージョン ${csvVersion}` });
    const partial = typed.partial();
    registry.add(partial, { id: `${kind}Input`, title, description: `${title} — typed record as writeSendUnit takes it (fields it derives may be left out)` });
    records.set(kind, typed);
    inputs.set(kind, partial);
  }
  const office = z.strictObject({ office: z.string().min(1), serviceType: z.string().min(1).optional() });
  registry.add(office, { id: 'OfficeRef', description: '事業所番号とサービス種類コード（ファイル名のとおり） / office number and service type, as in file names' });
  const image = z.strictObject({ branch: z.string().regex(/^\d{4}$/), jpeg: jpegBytes() });
  registry.add(image, { id: 'SendUnitImage', description: '家族構成画像（UPKIHON_IMAGE）: 枝番とJPEG（base64） / family-diagram image: branch and JPEG bytes as base64' });
  const types = specs.map((s) => s.id) as [string, ...string[]];
  const type = z.enum(types);
  registry.add(type, { id: 'SendUnitType', description: specs.map((s) => `${s.id}: ${s.nameJa} / ${s.nameEn}`).join('; ') });
  const user = (of: ReadonlyMap<FileKind, z.ZodObject>) =>
    z.strictObject({
      insurerNumber: z.string().min(1),
      insuredNumber: z.string().min(1),
      records: z.strictObject(Object.fromEntries([...of].map(([k, s]) => [k, z.array(s).optional()]))),
    });
  const common = {
    type,
    timestamp: z.string().regex(/^\d{14}$/),
    sender: office,
    receiver: office,
    month: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/).optional(),
    images: z.array(image).optional(),
  };
  const documentUser = user(records);
  registry.add(documentUser, { id: 'SendUnitUser', description: '利用者（保険者番号・被保険者番号）とその型付きレコード / a user and their typed records' });
  const inputUser = user(inputs);
  registry.add(inputUser, { id: 'SendUnitUserInput' });
  const document = z.strictObject({ key: z.string().min(1), csvVersion: z.literal(csvVersion), ...common, users: z.array(documentUser) });
  registry.add(document, { id: 'SendUnitDocument', title: `送信単位の文書 / send-unit document (CSVバージョン ${csvVersion})`, description: 'readSendUnits が返す文書 / the document readSendUnits gives' });
  const input = z.strictObject({ key: z.string().min(1).optional(), csvVersion: z.literal(csvVersion).optional(), ...common, users: z.array(inputUser) });
  registry.add(input, { id: 'SendUnitDocumentInput', title: `書き出す文書 / document to write (CSVバージョン ${csvVersion})`, description: 'writeSendUnit・careplan-csv export が受け取る文書（導出する値は省略可） / the document writeSendUnit and careplan-csv export take (derived values may be left out)' });
  return {
    csvVersion,
    document: document as unknown as DocumentSchemas['document'],
    input: input as unknown as DocumentSchemas['input'],
    records,
    registry,
  };
}

/**
 * The zod schemas of a send-unit document's JSON form in a CSVバージョン: `document` and `input` are codecs from
 * the JSON form (images as base64) to SendUnitDocument / SendUnitDocumentInput — `z.decode(s.input, json)`
 * gives what writeSendUnit takes, `z.encode(s.document, doc)` the JSON form of what readSendUnits gives.
 * Undefined for a CSVバージョン this library does not serve.
 */
export function sendUnitDocumentSchemas(csvVersion: string): DocumentSchemas | undefined {
  expectString('sendUnitDocumentSchemas', 'csvVersion', csvVersion);
  if (!isServedCsvVersion(csvVersion)) return undefined;
  let schemas = cache.get(csvVersion);
  if (!schemas) {
    schemas = build(csvVersion);
    cache.set(csvVersion, schemas);
  }
  return schemas;
}

/**
 * The JSON Schema (draft 2020-12) of the JSON form of the send-unit documents of a CSVバージョン: the root is
 * SendUnitDocument; `$defs` hold SendUnitDocumentInput, each kind's typed record (`UPPLAN`) and its input form
 * (`UPPLANInput`), and the parts. Generated with z.toJSONSchema from sendUnitDocumentSchemas.
 */
export function sendUnitJsonSchema(csvVersion: string): Record<string, unknown> | undefined {
  expectString('sendUnitJsonSchema', 'csvVersion', csvVersion);
  const schemas = sendUnitDocumentSchemas(csvVersion);
  if (!schemas) return undefined;
  const generated = z.toJSONSchema(schemas.registry, {
    io: 'input',
    metadata: schemas.registry,
    uri: (id) => `#/$defs/${id}`,
    // JSON Schema has no `base64` format (ajv and others refuse unknown formats): contentEncoding says it.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'base64') delete jsonSchema.format;
    },
  }).schemas;
  const defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _drop, $id: _id, ...rest } = schema as Record<string, unknown>;
    defs[id] = rest;
  }
  const layout = listLayouts().find((l) => l.csvVersion === csvVersion);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `careplan-csv send-unit document, CSVバージョン ${csvVersion}${layout ? ` (第${layout.edition}版)` : ''}`,
    description:
      '送信単位の文書（JSON）。ルートは readSendUnits の文書、$defs.SendUnitDocumentInput は writeSendUnit と careplan-csv export が受け取る文書、$defs の種別名（UPPLAN …）は型付きレコード。 / The JSON form of a send-unit document: the root is what readSendUnits gives, $defs.SendUnitDocumentInput what writeSendUnit and careplan-csv export take, $defs named by kind (UPPLAN …) the typed records.',
    $ref: '#/$defs/SendUnitDocument',
    $defs: defs,
  };
}

/** The CSVバージョン served, for one JSON Schema file each. */
export const JSON_SCHEMA_VERSIONS: readonly CsvVersion[] = [...new Set(listLayouts().map((l) => l.csvVersion))];
