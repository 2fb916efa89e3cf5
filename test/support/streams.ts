// The streaming reader over a byte array cut at given offsets, collected as the whole-file reader returns it.
import { readCsvStream, type CsvRecord, type Issue, type ReadOptions } from '../../src/index.js';

export async function readInParts(bytes: Uint8Array, cuts: readonly number[], options: ReadOptions & { name?: string }) {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const end of [...cuts, bytes.length]) {
    parts.push(bytes.subarray(at, end));
    at = end;
  }
  const records: CsvRecord[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  for await (const item of readCsvStream(parts, options)) {
    if (item.type === 'record') {
      records.push(item.record);
      lines.push(item.line);
    } else issues.push(item.issue);
  }
  return { records, lines, issues };
}

/** The bytes in chunks of `size` (the last one shorter), as a stream would deliver them. */
export const splitBytes = (bytes: Uint8Array, size: number): Uint8Array[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
