// Typed records both ways (decodeRecord / encodeRecord): every record of the bundled samples decodes and encodes
// back to the same text record, values have the documented typed forms, and bad values give located issues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, isFileKind, readCsvFile, type CsvVersion } from '../src/index.js';

const SAMPLE_DIRS = ['samples', 'samples/4.1', 'samples/3.2'];
const sampleFiles = SAMPLE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.CSV') && statSync(join(dir, n)).isFile())
    .map((n) => join(dir, n)),
);

describe('every record of samples/ round-trips through its typed form', () => {
  it.each(sampleFiles)('%s', (path) => {
    const read = readCsvFile({ name: path.split('/').pop()!, bytes: readFileSync(path) });
    expect(read.kind && isFileKind(read.kind)).toBe(true);
    expect(read.records.length).toBeGreaterThan(0);
    read.records.forEach((text, i) => {
      const decoded = decodeRecord(read.kind!, text, { file: path, line: read.lines[i], record: i + 1 });
      expect(decoded.issues).toEqual([]);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const encoded = encodeRecord(read.kind!, decoded.value, { csvVersion: text.csvVersion as CsvVersion });
      expect(encoded.issues).toEqual([]);
      expect(encoded.ok && encoded.record).toEqual(text);
    });
  });
});
