// Records given as JSON: an array of records, NDJSON (one record a line), or what `inspect` prints (a
// document with `records`, or its NDJSON lines). A record is an object keyed by field key, or inspect's
// `{ fields: [{ key, value }] }`. Text that is not JSON, or JSON that holds no records, is a usage error
// (exit 2); what is wrong with a record's fields is the writer's and validator's business.
import { CliError } from './context.js';
import { readBytes } from './input.js';

export interface RecordsInput {
  readonly records: Record<string, unknown>[];
  /** Present when the input is inspect's output: what it says about the file it came from. */
  readonly origin?: {
    readonly kind?: string;
    readonly csvVersion?: string;
    /** The file it was read from (its name gives the name parts). */
    readonly file?: string;
  };
  readonly format: 'json' | 'ndjson';
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property of the object itself, never one it inherits. */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/**
 * inspect's `{ fields: [{ key, value }] }` as a plain record; anything else as it is. Each key becomes an own
 * property as given (Object.fromEntries: `__proto__` stays a key, which the writer refuses, instead of setting
 * the prototype the record's values would then be read from). A field entry without a string key, or a key
 * given twice, would be lost silently: a usage error instead.
 */
function plainRecord(command: string, path: string, item: unknown, n: number): Record<string, unknown> {
  const fields = isObject(item) ? own(item, 'fields') : undefined;
  if (!Array.isArray(fields)) return item as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  const seen = new Set<string>();
  fields.forEach((f: unknown, i) => {
    const key = isObject(f) ? own(f, 'key') : undefined;
    if (typeof key !== 'string') {
      throw new CliError(
        `${path} の${n}件目のレコードの fields[${i}] に項目キー（key）がありません`,
        `${path}: record ${n}, fields[${i}] has no field key ("key")`,
        command,
      );
    }
    if (seen.has(key)) {
      throw new CliError(`${path} の${n}件目のレコードで項目キー ${key} が2回あります`, `${path}: record ${n} gives field key ${key} twice`, command);
    }
    seen.add(key);
    entries.push([key, own(f as Record<string, unknown>, 'value')]);
  });
  return Object.fromEntries(entries);
}

function parseNdjson(command: string, path: string, text: string): unknown[] {
  const items: unknown[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      items.push(JSON.parse(line));
    } catch (e) {
      throw new CliError(
        `${path} ${i + 1}行目がJSONではありません: ${oneLine(e)}`,
        `${path} line ${i + 1} is not JSON: ${oneLine(e)}`,
        command,
      );
    }
  });
  return items;
}

/** Every item must be a record: an object (a number or a string is not one, and would be written as nothing). */
function checkRecords(command: string, path: string, items: readonly unknown[], ndjson: boolean): void {
  const at = items.findIndex((item) => !isObject(item));
  if (at < 0) return;
  const n = at + 1;
  const shown = JSON.stringify(items[at]) ?? String(items[at]);
  const value = shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
  throw new CliError(
    `${path} の${ndjson ? `${n}件目のレコード` : `${n}番目の要素`}がオブジェクトではありません（${value}）。レコードは項目キーをキーとするオブジェクトです`,
    `${path}: ${ndjson ? `record ${n}` : `element ${n}`} is not an object (${value}); a record is an object keyed by field key`,
    command,
  );
}

/** What inspect's output says about the file it came from. */
function originOf(o: Record<string, unknown>): NonNullable<RecordsInput['origin']> {
  const text = (key: string) => {
    const v = own(o, key);
    return typeof v === 'string' ? { [key]: v } : {};
  };
  return { ...text('kind'), ...text('csvVersion'), ...text('file') };
}

export function readRecordsFile(command: string, path: string): RecordsInput {
  const bytes = readBytes(command, path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${path} はUTF-8のJSONではありません`, `${path} is not UTF-8 JSON`, command);
  }
  if (text.trim() === '') throw new CliError(`${path} は空です`, `${path} is empty`, command);
  const ndjsonByName = /\.(ndjson|jsonl)$/i.test(path);
  let parsed: unknown;
  let format: 'json' | 'ndjson' = 'json';
  if (ndjsonByName) {
    parsed = parseNdjson(command, path, text);
    format = 'ndjson';
  } else {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const lines = text.trim().split(/\r?\n/);
      if (lines.length > 1 && lines.every((l) => l.trim() === '' || /^\s*\{/.test(l))) {
        parsed = parseNdjson(command, path, text);
        format = 'ndjson';
      } else {
        throw new CliError(`${path} はJSONではありません: ${oneLine(e)}`, `${path} is not JSON: ${oneLine(e)}`, command);
      }
    }
  }
  const documented = isObject(parsed) ? own(parsed, 'records') : undefined;
  if (isObject(parsed) && Array.isArray(documented)) {
    checkRecords(command, path, documented, false);
    return {
      records: documented.map((item, i) => plainRecord(command, path, item, i + 1)),
      origin: originOf(parsed),
      format,
    };
  }
  if (!Array.isArray(parsed)) {
    throw new CliError(
      `${path} はレコードの配列ではありません（JSON配列、NDJSON、inspect の出力のいずれか）`,
      `${path} is not an array of records (a JSON array, NDJSON, or inspect's output)`,
      command,
    );
  }
  checkRecords(command, path, parsed, format === 'ndjson');
  // inspect's NDJSON lines carry the file's kind and version on every line.
  const first: unknown = parsed[0];
  const origin = isObject(first) && Array.isArray(own(first, 'fields')) ? originOf(first) : undefined;
  return { records: parsed.map((item, i) => plainRecord(command, path, item, i + 1)), ...(origin ? { origin } : {}), format };
}
