// The reports in the library (src/report): the command and the validator page build theirs with the same
// builders, so the same files give byte-for-byte the same JSON and SARIF; a library user gets the command's
// four formats from the package entry. (The page in a real browser: test/web.test.ts.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainAsync, main } from '../src/cli/run.js';
import { buildSarif, formatJson, formatJunit, formatSarif, formatText, validateFiles, validationRun, type ValidationReport } from '../src/index.js';
import type { InputFile, Profile, ValidationRun } from '../src/index.js';

/** What the page's module (web/report.ts) gives; loaded by path, as it is type-checked with the page (web/tsconfig.json). */
interface PageReport {
  orderFiles(files: readonly PageFile[]): PageFile[];
  validateRun(files: readonly PageFile[], profile: Profile): ValidationRun;
  jsonReport(run: ValidationRun): string;
  sarifReport(run: ValidationRun): string;
}
type PageFile = InputFile;
const PAGE_MODULE = '../web/report.ts';
const { jsonReport, orderFiles, sarifReport, validateRun } = (await import(PAGE_MODULE)) as PageReport;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };
// What the page's build writes in (web/vite.config.ts), from the same package.json the command reads.
Object.assign(globalThis, {
  __CAREPLAN_VERSION__: pkg.version,
  __CAREPLAN_HOMEPAGE__: pkg.homepage ?? 'https://www.npmjs.com/package/careplan-csv',
});
const TOOL = { name: 'careplan-csv', version: pkg.version, informationUri: pkg.homepage ?? 'https://www.npmjs.com/package/careplan-csv' };

/** The command in process, its stdout collected: whole files (main) or streamed as installed (mainAsync). */
async function command(argv: string[], streamed: boolean): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, env: {} };
  const code = streamed ? await mainAsync(argv, io) : main(argv, io);
  return { code, stdout };
}

/** The files of a run as the page is given them: each by the name the command shows, with its bytes. */
function pageFiles(report: ValidationReport): PageFile[] {
  return orderFiles(report.files.map((f) => ({ name: f.file, bytes: readFileSync(f.file) })));
}

let dir: string;
let folder: string;

beforeAll(() => {
  // Synthetic problems of the bytes on known lines: an invalid byte on line 2, a gaiji on line 3 (a copy of a
  // conformant sample), and a UTF-8 file.
  dir = mkdtempSync(join(tmpdir(), 'careplan-report-'));
  const sample = readFileSync(join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV'));
  const lines = Buffer.from(sample).toString('latin1').split('\r\n');
  lines[1] = lines[1]!.replace(',', ',\x80');
  lines[2] = lines[2]!.replace(',', ',\xf0\x40');
  writeFileSync(join(dir, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325140000.CSV'), Buffer.from(lines.join('\r\n'), 'latin1'));
  writeFileSync(join(dir, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325150000.CSV'), Buffer.from(`\r\n${new TextDecoder('shift_jis').decode(sample)}`, 'utf8'));
  folder = relative(process.cwd(), dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command and the page build the same reports', () => {
  for (const streamed of [false, true]) {
    it(`JSON and SARIF byte-equal for the samples and files with encoding problems (command ${streamed ? 'streaming' : 'reading whole files'})`, async () => {
      for (const args of [[relative(process.cwd(), join(ROOT, 'samples'))], [folder], [folder, '--profile', 'lenient']]) {
        const json = await command(['validate', ...args, '--format', 'json'], streamed);
        expect(json.code).toBe(1);
        const report = JSON.parse(json.stdout) as ValidationReport;
        const files = pageFiles(report);
        expect(files.map((f) => f.name)).toEqual(report.files.map((f) => f.file)); // the page's order is the command's
        const run = validateRun(files, args.includes('lenient') ? 'lenient' : 'strict');
        expect(jsonReport(run)).toBe(json.stdout);
        expect(sarifReport(run)).toBe((await command(['validate', ...args, '--format', 'sarif'], streamed)).stdout);
      }
    });
  }

  it('gives a library user the command\'s four formats from the package entry', async () => {
    const json = await command(['validate', folder, '--format', 'json'], true);
    const report = validateFiles(pageFiles(JSON.parse(json.stdout) as ValidationReport));
    const run = validationRun(report);
    expect(formatJson(run)).toBe(json.stdout);
    expect(formatSarif(run, TOOL)).toBe((await command(['validate', folder, '--format', 'sarif'], true)).stdout);
    expect(JSON.parse(formatSarif(run, TOOL))).toEqual(buildSarif(run, TOOL));
    for (const lang of ['ja', 'en'] as const) {
      const flags = ['--lang', lang];
      expect(formatJunit(run, lang, TOOL)).toBe((await command(['validate', folder, '--format', 'junit', ...flags], true)).stdout);
      expect(formatText(run, { lang })).toBe((await command(['validate', folder, ...flags], true)).stdout);
    }
    const failing = validationRun(report, { failOn: 'warning', profile: 'strict' });
    expect(formatText(failing, { lang: 'en' })).toContain('FAILED');
  });
});

describe('the reports locate an encoding problem by its line, counted by the decoder', () => {
  it('has the line in JSON (as the library reports it), SARIF and JUnit, and the byte offset beside it', async () => {
    const run = validationRun(validateFiles(pageFiles(JSON.parse((await command(['validate', folder, '--format', 'json'], true)).stdout) as ValidationReport)));
    const issues = run.report.issues.filter((i) => i.offset !== undefined);
    expect(issues.map((i) => [i.code, i.line, i.offset])).toEqual([
      ['CSV_INVALID_BYTES', 2, expect.any(Number)],
      ['CSV_GAIJI', 3, expect.any(Number)],
      ['CSV_NOT_MS932', 2, expect.any(Number)], // its first non-ASCII byte, on line 2
    ]);
    const sarif = buildSarif(run, TOOL) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: unknown } }[] }[] }[] };
    const regions = sarif.runs[0]!.results.filter((r) => r.ruleId.startsWith('CSV_INVALID') || r.ruleId === 'CSV_GAIJI' || r.ruleId === 'CSV_NOT_MS932');
    expect(regions.map((r) => r.locations[0]!.physicalLocation.region)).toEqual(issues.map((i) => ({ startLine: i.line, byteOffset: i.offset })));
    const junit = formatJunit(run, 'en', TOOL);
    for (const i of issues) expect(junit).toContain(`${i.code} line ${i.line}, byte offset ${i.offset}`);
  });
});
