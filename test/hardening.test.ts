// Hostile input: limits that fail fast, never a crash, never silent loss.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsvFile, readCsvStream, type Issue } from '../src/index.js';

const NAME = 'UPPLAN_202504_1370100001_43_1370200002_11_20250325120000.CSV';
const sjis = (t: string) => new Uint8Array(iconv.encode(t, 'cp932'));
const line = (free = '"髙田"') =>
  ['202407', '131016', '0000123456', '20250325', '202504', '1370100001', free, '244', '', '20250407', '', '0930', '1000', '1', '111211', '', '', '', '', '1370200002', '"ﾍﾙﾊﾟｰ"', '', '0', '1370100001', ''].join(',');

async function streamed(bytes: Uint8Array, size: number, limits = {}) {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  const records: unknown[] = [];
  const issues: Issue[] = [];
  for await (const item of readCsvStream(parts, { name: NAME, limits })) {
    if (item.type === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { records, issues };
}

describe('limits', () => {
  it('a record longer than the limit is reported at its line and skipped; reading goes on', async () => {
    const long = `"${'あ'.repeat(5000)}"`;
    const bytes = sjis(`${line()}\r\n${line(long)}\r\n${line()}\r\n`);
    const r = readCsvFile({ name: NAME, bytes }, { limits: { maxRecordLength: 2000 } });
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['CSV_RECORD_TOO_LONG', 2]]);
    expect(r.lines).toEqual([1, 3]);
    for (const size of [7, 100, 4096]) {
      const s = await streamed(bytes, size, { maxRecordLength: 2000 });
      expect(s.records, `chunks of ${size}`).toEqual(r.records);
      expect(s.issues.map((i) => [i.code, i.line]), `chunks of ${size}`).toEqual([['CSV_RECORD_TOO_LONG', 2]]);
    }
  });

  it('a single endless field fails fast instead of filling memory', async () => {
    const chunk = new Uint8Array(1 << 20).fill(0x41); // 'A' with no delimiter, 64 MB in all
    async function* endless() {
      yield sjis('202407,"');
      for (let i = 0; i < 64; i++) yield chunk;
    }
    const issues: Issue[] = [];
    const before = process.memoryUsage().rss;
    for await (const item of readCsvStream(endless(), { name: NAME })) if (item.type === 'issue') issues.push(item.issue);
    expect(issues.map((i) => i.code)).toEqual(['CSV_RECORD_TOO_LONG']);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });

  it('a field longer than its limit is reported and its record not read', () => {
    const r = readCsvFile({ name: NAME, bytes: sjis(`${line(`"${'髙'.repeat(300)}"`)}\r\n`) }, { limits: { maxFieldLength: 200 } });
    expect(r.issues.map((i) => [i.code, i.line, i.record])).toEqual([['CSV_FIELD_TOO_LARGE', 1, 1]]);
    expect(r.records).toEqual([]);
  });

  it('reading stops after the record limit, saying from which line', () => {
    const r = readCsvFile({ name: NAME, bytes: sjis(`${line()}\r\n`.repeat(5)) }, { limits: { maxRecords: 3 } });
    expect(r.records).toHaveLength(3);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['CSV_TOO_MANY_RECORDS', 4]]);
  });
});
