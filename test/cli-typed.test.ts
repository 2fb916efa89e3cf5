// Typed records on the command line: inspect --typed prints a file's typed records, convert --typed writes them
// back — file → typed JSON → file gives the same bytes; a typed value that cannot be written is refused, located.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './support/command.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'careplan-typed-'));

const SAMPLES = [
  'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV',
  'samples/4.1/UPSIKYU_202504_1370100008_43_1370200006_11_20250325100000.CSV',
  'samples/4.1/UPKIHON_1370400002_46_1370500009_A6_20250415090000.CSV',
  'samples/3.2/' + readdirSync('samples/3.2').find((n) => n.startsWith('UPHOSOKU_'))!,
];

describe('inspect --typed and convert --typed', () => {
  it.each(SAMPLES)('%s: file → typed JSON → file gives the same bytes', (sample) => {
    const dir = tmp();
    const inspected = runCommand(['inspect', sample, '--typed']);
    expect(inspected.code).toBe(0);
    const doc = JSON.parse(inspected.stdout) as { kind: string; records: Record<string, unknown>[]; issues: unknown[] };
    expect(doc.issues).toEqual([]);
    expect(doc.records.length).toBeGreaterThan(0);
    const typedPath = join(dir, 'typed.json');
    writeFileSync(typedPath, inspected.stdout);
    const out = join(dir, 'out');
    const converted = runCommand(['convert', typedPath, '--typed', '--out-dir', out]);
    expect(converted.stderr).toBe('');
    expect(converted.code).toBe(0);
    const name = sample.split('/').pop()!;
    expect(readdirSync(out)).toEqual([name]);
    expect(Buffer.compare(readFileSync(join(out, name)), readFileSync(sample))).toBe(0);
  });

  it('prints typed values: dates, numbers, null for 9999, empty fields left out', () => {
    const doc = JSON.parse(runCommand(['inspect', SAMPLES[0]!, '--typed']).stdout) as { records: Record<string, unknown>[] };
    const first = doc.records[0]!;
    expect(first['csvVersion']).toBe('202407');
    expect(first['serviceDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof first['units']).toBe('number');
    expect(Object.values(first)).not.toContain('');
    // NDJSON: one typed record a line.
    const lines = runCommand(['inspect', SAMPLES[0]!, '--typed', '--format', 'ndjson']).stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(doc.records);
  });

  it('says which spelling will change (DECODE_NORMALISED) rather than changing it silently', () => {
    const dir = tmp();
    const sample = SAMPLES[1]!;
    const text = readFileSync(sample, 'latin1');
    const name = sample.split('/').pop()!;
    // 単位数 387 of the first record spelt 0387 (the same number, another spelling).
    const respelt = text.replace(',"",387,', ',"",0387,');
    expect(respelt).not.toBe(text);
    writeFileSync(join(dir, name), Buffer.from(respelt, 'latin1'));
    const doc = JSON.parse(runCommand(['inspect', join(dir, name), '--typed']).stdout) as { issues: { code: string; value?: string }[] };
    expect(doc.issues.filter((i) => i.code === 'DECODE_NORMALISED').map((i) => i.value)).toEqual(['0387']);
  });

  it('refuses typed values that cannot be written, located by record and field; nothing written', () => {
    const dir = tmp();
    const doc = JSON.parse(runCommand(['inspect', SAMPLES[0]!, '--typed']).stdout) as { records: Record<string, unknown>[] };
    doc.records[1]!['serviceDate'] = '2025-02-30';
    doc.records[2]!['units'] = 'many';
    writeFileSync(join(dir, 'typed.json'), JSON.stringify(doc));
    const out = join(dir, 'out');
    const r = runCommand(['convert', join(dir, 'typed.json'), '--typed', '--out-dir', out, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { written: number; issues: { code: string; record?: number; field?: { key: string }; message: string; messageEn: string }[] };
    expect(report.written).toBe(0);
    const errors = report.issues.filter((i) => i.code === 'ENCODE_BAD_VALUE');
    expect(errors.map((i) => [i.record, i.field?.key])).toEqual([
      [2, 'serviceDate'],
      [3, 'units'],
    ]);
    expect(errors[0]!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(errors[0]!.messageEn).toMatch(/[a-z]/);
    expect(() => readdirSync(out)).toThrow();
    const text = runCommand(['convert', join(dir, 'typed.json'), '--typed', '--out-dir', out]);
    expect(text.stdout).toContain('2件の型付きレコードを書けないため、何も書き出しませんでした / 2 typed record(s) cannot be written: nothing written');
  });
});
