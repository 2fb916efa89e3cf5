// A send-unit document from and to its JSON form (images as base64; see document-schema.ts). From JSON, the
// value is checked against the zod schema of its CSVバージョン's input form — the same schema json-schema/ is
// generated from — and every mismatch becomes an issue located by its path in the document (and, inside a
// record, by field No. and name), in Japanese (zod's ja locale) with English (its en locale). Never throws on
// bad data.
import { z } from 'zod';
import { expectArguments, expectObject, optional, shape, STRING } from '../arguments.js';
import type { Issue } from '../issues.js';
import { toIssue } from '../issue-sink.js';
import { issue } from '../rules/index.js';
import { getLayout, isServedCsvVersion } from '../spec.js';
import { versionOf } from './check-document.js';
import { sendUnitDocumentSchemas, type SendUnitDocumentJson, type SendUnitImageJson } from './document-schema.js';
import type { SendUnitDocument, SendUnitDocumentInput } from './send-unit-document.js';

export interface FromJsonOptions {
  /** The file the JSON came from, for the issues' `file`. */
  readonly file?: string;
}

export type FromJsonResult = { ok: true; document: SendUnitDocumentInput; issues: Issue[] } | { ok: false; issues: Issue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ja = z.locales.ja().localeError;
const en = z.locales.en().localeError;

/** A path as a reader writes it: users[0].records.UPPLAN[3].serviceDate. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '（文書 / document）';
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function localised(map: typeof ja, issue: z.core.$ZodIssue): string {
  const m = map(issue as never);
  return typeof m === 'string' ? m : (m?.message ?? issue.message);
}

/** The CSVバージョン whose schema applies: as writeSendUnit picks it (the document's, its records', its parties'). */
function versionOfJson(json: Record<string, unknown>): string {
  const users = Array.isArray(json['users']) ? json['users'].filter((u): u is Record<string, unknown> => isObject(u) && isObject(u['records'])) : [];
  const party = (p: unknown) => (isObject(p) ? { office: String(p['office']), ...(p['serviceType'] !== undefined ? { serviceType: String(p['serviceType']) } : {}) } : { office: '' });
  return versionOf({
    type: '',
    timestamp: '',
    ...(typeof json['csvVersion'] === 'string' ? { csvVersion: json['csvVersion'] as never } : {}),
    sender: party(json['sender']),
    receiver: party(json['receiver']),
    users: users as never,
  });
}

/**
 * A send-unit document from its JSON form (a parsed JSON value: one document): checked against the zod schema of
 * the input form of its CSVバージョン and decoded (images' base64 to bytes). The result is what writeSendUnit
 * takes. Issues are `UNITDOC_JSON_SHAPE` (located by path, field and record) or `UNITDOC_BAD_VERSION`.
 */
const FROM_JSON_OPTIONS = optional(shape('a FromJsonOptions object', 'FromJsonOptions のオブジェクト', { file: optional(STRING) }));

export function sendUnitDocumentFromJson(json: unknown, options: FromJsonOptions = {}): FromJsonResult {
  expectArguments('sendUnitDocumentFromJson', [['options', options, FROM_JSON_OPTIONS]]);
  const file = options.file;
  if (!isObject(json)) {
    return { ok: false, issues: [toIssue(issue('UNITDOC_JSON_SHAPE', { notObject: true }, { file, value: shown(json) }))] };
  }
  const version = versionOfJson(json);
  const schemas = isServedCsvVersion(version) ? sendUnitDocumentSchemas(version) : undefined;
  if (!schemas) {
    return { ok: false, issues: [toIssue(issue('UNITDOC_BAD_VERSION', { version: String(version) }, { file, value: version }))] };
  }
  const parsed = schemas.input.safeDecode(json as never, { reportInput: true });
  if (parsed.success) return { ok: true, document: parsed.data, issues: [] };
  const issues = parsed.error.issues.map((found) => {
    const path = found.path;
    // Inside a record: users[u].records.KIND[i].field — name the field as the layout does.
    const layout = path[2] === 'records' && typeof path[3] === 'string' ? getLayout(path[3], version) : undefined;
    const field = layout && typeof path[5] === 'string' ? layout.fields.find((f) => f.key === path[5]) : undefined;
    const problem = { ja: localised(ja, found), en: localised(en, found) };
    const params = field ? { path: pathText(path), field: { no: field.no, name: field.name }, problem } : { path: pathText(path), problem };
    return toIssue(
      issue('UNITDOC_JSON_SHAPE', params, {
        file,
        record: layout && typeof path[4] === 'number' ? path[4] + 1 : undefined,
        field: field ? { no: field.no, key: field.key, name: field.name } : undefined,
        value: shown((found as { input?: unknown }).input),
      }),
    );
  });
  return { ok: false, issues };
}

/**
 * The JSON form of a document (as readSendUnits or writeSendUnit give it): the same plain data, images' bytes as
 * base64 — `JSON.stringify` of it is what `careplan-csv export` reads. Nothing is checked or copied here: users and
 * records are the document's own objects.
 */
export function sendUnitDocumentToJson(document: SendUnitDocument): SendUnitDocumentJson {
  expectObject('sendUnitDocumentToJson', 'document', document);
  const { images, ...rest } = document;
  if (!Array.isArray(images)) return rest;
  // Anything that is not bytes is left as it is (sendUnitDocumentFromJson then says what is wrong with it).
  const base64 = (v: unknown) => (ArrayBuffer.isView(v) && v instanceof Uint8Array ? z.core.util.uint8ArrayToBase64(v) : (v as string));
  return { ...rest, images: images.map((i) => (isObject(i) ? { ...i, jpeg: base64(i.jpeg) } : i)) as SendUnitImageJson[] };
}
