// One cause, one issue (issue 18): a cause is reported once, with the records it affects, and the issues that
// only repeat it are counted under it (Issue.consequences) instead of listed — in every report format, whole
// file or streamed at any chunking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSarif,
  formatJunit,
  formatProblemsCsv,
  formatText,
  readCsvFile,
  validateFiles,
  validateFileStreams,
  validationRun,
  writeCsvFile,
  type InputFile,
  type Issue,
  type ValidationReport,
} from '../src/index.js';
import { helperAnnex } from './support/annex.js';
import { fileName, visit } from './support/builders.js';
import { bomFile, planFile, shiftedUnit, unknownKindFile, unknownVersionFile } from './support/one-cause.js';
import { readInParts, splitBytes } from './support/streams.js';

const TIMEOUT = 120_000;
const only = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);
const absorbedTotal = (issues: readonly Issue[]) => issues.reduce((n, i) => n + Object.values(i.consequences ?? {}).reduce((a, b) => a + b, 0), 0);

/** validateFileStreams over each file cut into chunks of `size` bytes (given as async streams, so read as streams). */
async function streamed(files: readonly InputFile[], size: number): Promise<ValidationReport> {
  return validateFileStreams(
    files.map((f) => ({
      name: f.name,
      chunks: (async function* () {
        yield* splitBytes(f.bytes, size);
      })(),
    })),
  );
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('an undefined CSVバージョン: CSV_UNKNOWN_VERSION once per file and version', () => {
  it('reports 202410 once, with its 4 records and their lines, and counts the version mismatches under it', () => {
    const report = validateFiles([unknownVersionFile(4)]);
    const [cause, ...more] = only(report.issues, 'CSV_UNKNOWN_VERSION');
    expect(more).toEqual([]);
    expect(only(report.issues, 'FIELD_CSV_VERSION_MISMATCH')).toEqual([]);
    // Record 2 spans lines 2–3 (free text with a line break): the records start on lines 1, 2, 4 and 5.
    expect(cause).toMatchObject({ line: 1, record: 1, value: '202410', affected: { records: 4, lines: [[1, 5]] }, consequences: { FIELD_CSV_VERSION_MISMATCH: 4 } });
    expect(cause!.params).toMatchObject({ version: '202410', records: 4, lines: [[1, 5]] });
    expect(cause!.message).toContain('CSVバージョン "202410"（仕様にない値）が 4 レコード（行 1–5）');
    expect(cause!.messageEn).toContain('CSV version "202410", not defined by the spec, on 4 records (lines 1–5)');
  });

  it('a historic CSVバージョン (202003) likewise: CSV_UNSUPPORTED_VERSION once, its records counted, the mismatches under it', () => {
    const plan = planFile(3);
    const report = validateFiles([{ name: plan.name, bytes: fromLatin1(latin1(plan.bytes).replace(/(^|\r\n)202407,/g, '$1202003,')) }]);
    const [cause, ...more] = only(report.issues, 'CSV_UNSUPPORTED_VERSION');
    expect(more).toEqual([]);
    expect(only(report.issues, 'FIELD_CSV_VERSION_MISMATCH')).toEqual([]);
    expect(cause).toMatchObject({ line: 1, record: 1, value: '202003', affected: { records: 3, lines: [[1, 4]] }, consequences: { FIELD_CSV_VERSION_MISMATCH: 3 } });
    expect(cause!.message).toContain('このライブラリでは読めません（3 レコード、行 1–4）');
    expect(cause!.messageEn).toContain('is not supported by this library (3 records, lines 1–4)');
  });

  it('one issue per version, each with its own runs of lines', () => {
    const plan = planFile(6);
    // Records 1, 2 and 5 get 202410, records 3 and 4 get 999999; record 6 keeps 202407.
    const starts = readCsvFile(plan).lines;
    const lines = latin1(plan.bytes).split('\r\n');
    const versions = ['202410', '202410', '999999', '999999', '202410'];
    versions.forEach((v, r) => (lines[starts[r]! - 1] = lines[starts[r]! - 1]!.replace(/^202407,/, `${v},`)));
    const report = validateFiles([{ name: plan.name, bytes: fromLatin1(lines.join('\r\n')) }]);
    const causes = only(report.issues, 'CSV_UNKNOWN_VERSION');
    expect(causes.map((c) => [c.value, c.affected?.records, c.affected?.lines])).toEqual([
      ['202410', 3, [[starts[0], starts[1]], [starts[4], starts[4]]]],
      ['999999', 2, [[starts[2], starts[3]]]],
    ]);
    expect(causes.map((c) => c.consequences)).toEqual([{ FIELD_CSV_VERSION_MISMATCH: 3 }, { FIELD_CSV_VERSION_MISMATCH: 2 }]);
    expect(causes[0]!.message).toContain(`3 レコード（行 ${starts[0]}–${starts[1]}、${starts[4]}）`);
  });

  it('the reader alone reports it once too, at the end, and the same at every chunking', async () => {
    const file = unknownVersionFile(5);
    const whole = readCsvFile(file);
    expect(only(whole.issues, 'CSV_UNKNOWN_VERSION')).toHaveLength(1);
    expect(whole.records).toHaveLength(5);
    for (const size of [1, 3, 17, 64, 4096]) {
      const cuts = splitBytes(file.bytes, size).map((_, i) => (i + 1) * size).slice(0, -1);
      const parts = await readInParts(file.bytes, cuts, { name: file.name });
      expect(parts.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), `chunks of ${size}`).toEqual(whole.issues);
      expect(parts.records).toEqual(whole.records);
    }
  }, TIMEOUT);
});

describe('a UTF-8 file: CSV_NOT_MS932 only, its BOM counted under it', () => {
  it('reports the encoding once and mentions the BOM', () => {
    const report = validateFiles([bomFile(true)]);
    expect(only(report.issues, 'CSV_BOM')).toEqual([]);
    const [cause] = only(report.issues, 'CSV_NOT_MS932');
    expect(cause).toMatchObject({ offset: 0, params: { bom: true }, consequences: { CSV_BOM: 1 } });
    expect(cause!.message).toContain('BOM');
  });

  it('the lenient profile reads it on, as a warning, with the same one issue', () => {
    const report = validateFiles([bomFile(true)], { profile: 'lenient' });
    expect(report.files[0]!.records).toBe(3);
    expect(only(report.issues, 'CSV_BOM')).toEqual([]);
    expect(only(report.issues, 'CSV_NOT_MS932')).toMatchObject([{ severity: 'warning', consequences: { CSV_BOM: 1 } }]);
  });

  it('a BOM on an otherwise MS932 file is CSV_BOM of its own, and the file is read as MS932', () => {
    const report = validateFiles([bomFile(false)]);
    expect(only(report.issues, 'CSV_NOT_MS932')).toEqual([]);
    expect(only(report.issues, 'CSV_BOM')).toMatchObject([{ offset: 0, value: 'EF BB BF' }]);
    expect(report.files[0]!.records).toBe(3);
    expect(readCsvFile(bomFile(false)).records[0]!['careManagerName']).toBe('髙田 﨑子');
  });

  it('gives the same report streamed at any chunking', async () => {
    for (const utf8 of [true, false]) {
      const file = bomFile(utf8);
      const whole = validateFiles([file]);
      for (const size of [1, 2, 4, 100]) expect(await streamed([file], size), `utf8 ${utf8}, chunks of ${size}`).toEqual(whole);
    }
  }, TIMEOUT);
});

describe('an unknown kind in the name: one issue', () => {
  it('NAME_UNKNOWN_PREFIX counts the reader’s CSV_UNKNOWN_KIND under it', () => {
    const report = validateFiles([unknownKindFile()]);
    expect(report.issues.map((i) => i.code)).toEqual(['NAME_UNKNOWN_PREFIX']);
    expect(report.issues[0]).toMatchObject({ value: 'UPXPLAN', consequences: { CSV_UNKNOWN_KIND: 1 } });
  });

  it('the reader alone, which does not check names, still says it cannot tell the kind', () => {
    expect(readCsvFile(unknownKindFile()).issues.map((i) => i.code)).toEqual(['CSV_UNKNOWN_KIND']);
  });
});

describe('shifted columns: a record with the wrong field count', () => {
  it('reports CSV_FIELD_COUNT alone: its field errors counted under it, its values kept out of the unit checks', () => {
    const report = validateFiles(shiftedUnit([2]));
    expect(report.issues.map((i) => i.code)).toEqual(['CSV_FIELD_COUNT']);
    const [cause] = report.issues;
    expect(cause).toMatchObject({ line: 2, record: 2, affected: { records: 1, lines: [[2, 2]], excluded: 1 } });
    // The garbage the shift made, counted: field checks of the record that read the wrong column.
    expect(absorbedTotal(report.issues)).toBeGreaterThanOrEqual(5);
    expect(Object.keys(cause!.consequences!).every((code) => code.startsWith('FIELD_') || code.startsWith('RECORD_'))).toBe(true);
    expect(report.units.flatMap((u) => u.issues)).toEqual([]);
  });

  it('each shifted record is its own cause', () => {
    const report = validateFiles(shiftedUnit([2, 3]));
    expect(only(report.issues, 'CSV_FIELD_COUNT').map((i) => [i.line, i.affected?.excluded])).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(report.issues.filter((i) => i.code !== 'CSV_FIELD_COUNT')).toEqual([]);
  });

  it('a shifted total row (999999): the file and unit checks of the sums it would have closed are counted under it', () => {
    const report = validateFiles(shiftedUnit([6]));
    expect(report.issues.map((i) => i.code)).toEqual(['CSV_FIELD_COUNT']);
    expect(report.issues[0]).toMatchObject({ line: 6, affected: { excluded: 1 }, consequences: { FILE_TOTAL_MISSING: 1 } });
  });

  it('a record with too few fields: its quoting checks are counted under it too', () => {
    const plan = planFile(3);
    const lines = latin1(plan.bytes).split('\r\n');
    // Record 1 loses its last field (識別子): the quoting of the fields left is read against the wrong layout.
    lines[0] = lines[0]!.replace(/,[^,]*$/, '');
    const report = validateFiles([{ name: plan.name, bytes: fromLatin1(lines.join('\r\n')) }]);
    const [cause] = only(report.issues, 'CSV_FIELD_COUNT');
    expect(cause).toMatchObject({ line: 1, affected: { excluded: 1 } });
    expect(report.issues.filter((i) => i.line === 1 && i.code !== 'CSV_FIELD_COUNT')).toEqual([]);
  });

  it('gives the same report streamed at any chunking', async () => {
    const files = shiftedUnit([2]);
    const whole = validateFiles(files);
    for (const size of [1, 7, 64, 1 << 16]) expect(await streamed(files, size), `chunks of ${size}`).toEqual(whole);
  }, TIMEOUT);
});

describe('every format shows what a cause absorbed', () => {
  const report = validateFiles([unknownVersionFile(4), ...shiftedUnit([2])]);
  const run = validationRun(report);

  it('text: under the cause, and beside the counts', () => {
    const ja = formatText(run, { lang: 'ja' });
    expect(ja).toContain('↳ この原因による問題 4 件（FIELD_CSV_VERSION_MISMATCH 4）は省略。');
    expect(ja).toContain('1 レコードをファイル内・送信単位の照合から除外');
    expect(ja).toMatch(/このほか原因にまとめた問題 \d+件は件数に含みません/);
    const en = formatText(run, { lang: 'en' });
    expect(en).toContain('4 consequences of this cause not listed (FIELD_CSV_VERSION_MISMATCH 4)');
    expect(en).toContain('1 record left out of the cross-record and send-unit checks');
  });

  it('JSON keeps the affected lines and the consequences', () => {
    const json = JSON.parse(JSON.stringify(report)) as ValidationReport;
    const cause = only(json.issues, 'CSV_UNKNOWN_VERSION')[0]!;
    expect(cause.affected).toEqual({ records: 4, lines: [[1, 5]] });
    expect(cause.consequences).toEqual({ FIELD_CSV_VERSION_MISMATCH: 4 });
  });

  it('SARIF: in the result’s message and properties', () => {
    const sarif = buildSarif(run, { name: 'careplan-csv', version: '0.0.0', informationUri: 'https://example.invalid' }) as {
      runs: { results: { ruleId: string; message: { text: string }; properties?: Record<string, unknown> }[] }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'CSV_UNKNOWN_VERSION')!;
    expect(result.message.text).toContain('4 consequences of this cause not listed');
    expect(result.properties).toMatchObject({ consequences: { FIELD_CSV_VERSION_MISMATCH: 4 }, affected: { records: 4 } });
  });

  it('JUnit: in the failure text', () => {
    const xml = formatJunit(run, 'ja', { name: 'careplan-csv' });
    expect(xml).toContain('この原因による問題 4 件（FIELD_CSV_VERSION_MISMATCH 4）は省略。');
  });

  it('the problems CSV: in the message cells', () => {
    const csv = formatProblemsCsv(run);
    expect(csv).toContain('この原因による問題 4 件（FIELD_CSV_VERSION_MISMATCH 4）は省略。');
    expect(csv).toContain('4 consequences of this cause not listed (FIELD_CSV_VERSION_MISMATCH 4).');
  });

  it('a report without a cause reads as before (no line, no count)', () => {
    const clean = validationRun(validateFiles([planFile(2)]));
    expect(formatText(clean, { lang: 'ja' })).not.toContain('原因');
    expect(JSON.stringify(clean.report)).not.toMatch(/consequences|affected/);
  });
});

describe('property: damaged plans', () => {
  /** Free text of the kind offices write: kanji, katakana, half-width kana, quotes, commas, line breaks. */
  const FREE = fc.array(fc.constantFrom('髙', '﨑', 'さ', 'く', 'ら', 'ﾍﾙﾊﾟｰ', '"', ',', '\r\n', ' ', '新宿'), { maxLength: 6 }).map((a) => a.join(''));
  const damage = fc.array(fc.record({ name: FREE, version: fc.constantFrom(undefined, '202410', '999999'), shift: fc.boolean() }), { minLength: 1, maxLength: 6 });

  it('never throws, streams as it reads whole, and the causes count what a model says', async () => {
    await fc.assert(
      fc.asyncProperty(damage, fc.integer({ min: 1, max: 200 }), async (rows, size) => {
        const records = rows.map((r, i) => visit({ serviceDate: `202504${String(7 + i).padStart(2, '0')}`, serviceOfficeName: r.name }));
        const written = writeCsvFile('UPPLAN', records, { csvVersion: '202407' });
        const starts = readCsvFile({ name: 'x', bytes: written.bytes }, { kind: 'UPPLAN' }).lines;
        const lines = latin1(written.bytes).split('\r\n');
        rows.forEach((r, i) => {
          const at = starts[i]! - 1;
          if (r.version) lines[at] = lines[at]!.replace(/^202407,/, `${r.version},`);
          if (r.shift) lines[at] = lines[at]!.replace(/^(\d{6}),/, '$1,0000999999,');
        });
        const file = { name: fileName('UPPLAN', '202504'), bytes: fromLatin1(lines.join('\r\n')) };
        const whole = validateFiles([file]);
        expect(await streamed([file], size)).toEqual(whole);
        const issues = whole.issues;
        // No consequence listed: no version mismatch at all, nothing but the cause (and reader findings) on a shifted line.
        expect(only(issues, 'FIELD_CSV_VERSION_MISMATCH')).toEqual([]);
        for (const version of ['202410', '999999']) {
          const of = rows.map((r, i) => ({ ...r, line: starts[i]! })).filter((r) => r.version === version);
          const causes = issues.filter((i) => i.code === 'CSV_UNKNOWN_VERSION' && i.value === version);
          if (!of.length) {
            expect(causes).toEqual([]);
            continue;
          }
          expect(causes).toHaveLength(1);
          expect(causes[0]!.line).toBe(of[0]!.line);
          expect(causes[0]!.affected!.records).toBe(of.length);
          // Every record of the version counted once: its mismatch under the version, or under its own CSV_FIELD_COUNT.
          expect(causes[0]!.consequences?.['FIELD_CSV_VERSION_MISMATCH'] ?? 0).toBe(of.filter((r) => !r.shift).length);
          const covered = causes[0]!.affected!.lines.reduce((n, [a, b]) => n + of.filter((r) => r.line >= a && r.line <= b).length, 0);
          expect(covered).toBe(of.length);
        }
        rows.forEach((r, i) => {
          const at = issues.filter((x) => x.line === starts[i] && x.code !== 'CSV_UNKNOWN_VERSION' && !x.code.startsWith('CSV_'));
          if (r.shift) {
            expect(at).toEqual([]);
            expect(issues.filter((x) => x.code === 'CSV_FIELD_COUNT' && x.line === starts[i])).toMatchObject([{ affected: { excluded: 1 } }]);
          }
        });
        expect(only(issues, 'CSV_FIELD_COUNT')).toHaveLength(rows.filter((r) => r.shift).length);
      }),
      { numRuns: 40 },
    );
  }, TIMEOUT);
});

describe('a left-out record absorbs only its own user\'s file and unit checks', () => {
  const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
  const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  /** User 0000123456's complete 第7表 (its 全合計 row damaged by `damage`), then user 0000654321's, with no 全合計 at all. */
  const twoUsers = (damage: (line: string) => string): InputFile => {
    const a = helperAnnex();
    const b = helperAnnex().slice(0, 4).map((r) => ({ ...r, insuredNumber: '0000654321' }));
    const { bytes } = writeCsvFile('UPSIKYU', [...a, ...b], { csvVersion: '202407' });
    const lines = latin1(bytes).split('\r\n');
    const total = lines.findIndex((l) => l.includes(',999999,'));
    lines[total] = damage(lines[total]!);
    return { name: fileName('UPSIKYU', '202504'), bytes: fromLatin1(lines.join('\r\n')) };
  };
  const missing = (r: ValidationReport) => r.issues.filter((i) => i.code === 'FILE_TOTAL_MISSING').map((i) => i.value);
  const cause = (r: ValidationReport) => r.issues.filter((i) => i.code === 'CSV_FIELD_COUNT');

  it('a shift after the key (a column too many at the end): the own user\'s missing 全合計 is counted, the other user\'s listed', () => {
    const r = validateFiles([twoUsers((l) => `${l},"余分な列, ""髙﨑"""`)]);
    expect(cause(r)).toHaveLength(1);
    expect(cause(r)[0]!.consequences).toMatchObject({ FILE_TOTAL_MISSING: 1 });
    expect(missing(r)).toEqual(['131016-0000654321']);
  });

  it('a shift before the key (a column too many after the CSVバージョン): the same, read at the moved positions', () => {
    const r = validateFiles([twoUsers((l) => l.replace(/^(\d{6}),/, '$1,ｶﾀｶﾅ,'))]);
    expect(cause(r)[0]!.consequences).toMatchObject({ FILE_TOTAL_MISSING: 1 });
    expect(missing(r)).toEqual(['131016-0000654321']);
  });

  it('a shift that hit the key (被保険者番号 lost): its user cannot be told, so both users\' missing 全合計 stay listed', () => {
    const r = validateFiles([twoUsers((l) => l.replace(/^(\d{6}),(\d{6}),[^,]*,/, '$1,$2,'))]);
    expect(cause(r)).toHaveLength(1);
    expect(cause(r)[0]!.consequences?.['FILE_TOTAL_MISSING']).toBeUndefined();
    expect(missing(r)).toEqual(['131016-0000123456', '131016-0000654321']);
  });

  it('the send unit: a UNIT_* check of a user with no left-out record stays listed', () => {
    // The sample unit with its 第7表 line 2 shifted, and its 第6表 given a row of a user the 第7表 never had.
    const [plan, annex, supplement] = shiftedUnit([2]);
    const read = readCsvFile(plan!);
    const extra = { ...read.records[0]!, insuredNumber: '0000777777' };
    const { bytes } = writeCsvFile('UPPLAN', [...read.records, extra], { csvVersion: read.csvVersion! });
    const r = validateFiles([{ name: plan!.name, bytes }, annex!, supplement!]);
    const listed = r.units.flatMap((u) => u.issues).filter((i) => i.code === 'UNIT_PLAN_NOT_IN_ANNEX' || i.code === 'UNIT_KEY_NOT_IN_DEPENDENT');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((i) => JSON.stringify(i.params).includes('0000777777'))).toBe(true);
  });
});
