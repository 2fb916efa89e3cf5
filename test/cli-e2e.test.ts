// The command as users run it: the built `node dist/src/cli/main.js` as a child process (test/global-setup.ts
// builds dist/ first). Exit codes, every output format (SARIF checked against its schema, JUnit parsed), the
// inspect → convert round trip, safe writing, fix, name, diff, help and version.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { comparePlanToActual, RULES, validateFiles } from '../src/index.js';
import { runBuiltCommand as cli } from './support/built-command.js';
import { CLI, ROOT } from './support/paths.js';

// Each run starts a Node process (~0.3 s on a 2-core machine): allow for it.


const tmp = (label: string) => mkdtempSync(join(tmpdir(), `careplan-e2e-${label}-`));

const S41 = 'samples/4.1';
const PLAN = `${S41}/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV`;
const ANNEX = `${S41}/UPSIKYU_202504_1370100008_43_1370200006_11_20250325100000.CSV`;
const HOSOKU = `${S41}/UPHOSOKU_202504_1370100008_43_1370200006_11_20250325100000.CSV`;
const ACTUAL = `${S41}/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV`;
const BROKEN = 'samples/broken/UPPLAN_202504_1370100008_43_1370200006_11_20250325130000.CSV';

const filesOf = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((n) => /\.csv$/i.test(n))
    .sort()
    .map((n) => `${dir}/${n}`);

/** A schedule unit (UPPLAN + UPSIKYU + UPHOSOKU) copied into a fresh folder, one name changed by `rename`. */
function scheduleUnit(rename: (name: string) => string = (n) => n): string {
  const dir = tmp('unit');
  for (const f of [PLAN, ANNEX, HOSOKU]) copyFileSync(join(ROOT, f), join(dir, rename(basename(f))));
  return dir;
}

/** A sample copied as a UTF-8 file (as a careless export writes it), optionally with a header row and LF. */
function utf8Copy(file: string, options: { header?: boolean; lf?: boolean } = {}): string {
  const dir = tmp('utf8');
  let text = new TextDecoder('shift_jis').decode(readFileSync(join(ROOT, file)));
  if (options.lf) text = text.replace(/\r\n/g, '\n');
  if (options.header) text = `CSVバージョン,保険者番号,被保険者番号${options.lf ? '\n' : '\r\n'}${text}`;
  const path = join(dir, basename(file));
  writeFileSync(path, text, 'utf8');
  return path;
}

describe('validate: exit codes', () => {
  it('exits 0 on the valid samples, 1 on the broken one, 2 on usage and I/O errors', () => {
    const ok = cli(['validate', S41, 'samples/3.2']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('結果: エラー 0件、警告 0件、情報 0件（41ファイル、20送信単位、プロファイル 厳格（strict））');
    expect(cli(['validate', BROKEN]).code).toBe(1);
    for (const args of [
      ['validate'],
      ['validate', 'no/such/folder'],
      ['validate', S41, '--format', 'xml'],
      ['validate', S41, '--profile', 'loose'],
      ['validate', S41, '--fail-on', 'info'],
      ['validate', S41, '--no-such-option'],
      ['frobnicate'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/careplan-csv: .+ \/ .+/); // Japanese / English
    }
  });

  it('exits 2 when a folder holds no spec files', () => {
    const r = cli(['validate', tmp('empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no files to validate');
  });

  it('--fail-on warning fails on warnings that --fail-on error lets pass', () => {
    // A lower-case extension is a warning (NAME_EXTENSION_CASE); the unit is otherwise complete and valid.
    const dir = scheduleUnit((n) => (n.startsWith('UPSIKYU') ? n.replace(/\.CSV$/, '.csv') : n));
    const r = cli(['validate', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('警告 [NAME_EXTENSION_CASE]');
    expect(r.stdout).toContain('エラー 0件、警告 1件');
    expect(cli(['validate', dir, '--fail-on', 'warning']).code).toBe(1);
    expect(cli(['validate', dir, '--fail-on', 'error']).code).toBe(0);
  });

  it('the lenient profile reads a UTF-8 file on; the send unit still fails', () => {
    const r = cli(['validate', BROKEN, '--profile', 'lenient']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('警告 [CSV_HEADER_ROW] 1行目 値 "CSVバージョン,保険者番号,被保険者番号,作成年月日,対象年月"');
    expect(r.stdout).toContain('警告 [CSV_UNMAPPABLE_CHAR] 2行目 レコード1 No.7「プラン担当者名」 値 "髙田〜﨑子"');
    expect(r.stdout).toContain("No.7 プラン担当者名: '〜' (U+301C) cannot be written in MS932.");
    expect(r.stdout).toContain('エラー [UNIT_MISSING_FILE] 値 "UPSIKYU"');
  });

  it('check is validate, with --lenient for --profile lenient', () => {
    const a = cli(['check', '--lenient', BROKEN]);
    const b = cli(['validate', '--profile', 'lenient', BROKEN]);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('validate: marks and send-unit names', () => {
  it('marks ✗ errors, ⚠ warnings only, ✓ neither — files and units alike', () => {
    // A lower-case extension is the only issue (a warning): the file and its unit get ⚠, the others ✓.
    const dir = scheduleUnit((n) => (n.startsWith('UPSIKYU') ? n.replace(/\.CSV$/, '.csv') : n));
    const r = cli(['validate', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('UPSIKYU_'))).toMatch(/^⚠ /);
    expect(lines.find((l) => l.includes('UPPLAN_'))).toMatch(/^✓ /);
    expect(lines.find((l) => l.includes('送信単位 '))).toMatch(/^⚠ 送信単位 /);
    // Lenient: the broken file has warnings only, its unit errors.
    const lenient = cli(['validate', BROKEN, '--profile', 'lenient']).stdout.split('\n');
    expect(lenient.find((l) => l.includes(basename(BROKEN)))).toMatch(/^⚠ /);
    expect(lenient.find((l) => l.includes('送信単位 '))).toMatch(/^✗ /);
    expect(cli(['validate', BROKEN]).stdout).toMatch(/^✗ samples\/broken\//m);
  });

  it('names the send-unit type in words (Japanese, or English with --lang en), never by its internal id', () => {
    const ja = cli(['validate', S41]).stdout;
    expect(ja).toContain('送信単位 20250325100000:1370100008_43>1370200006_11（サービス利用票（第6表・第7表・利用者補足情報）、3ファイル）');
    expect(ja).toContain('（利用者基本情報_削除、1ファイル）');
    const en = cli(['validate', S41, '--lang', 'en']).stdout;
    expect(en).toContain('send unit 20250325100000:1370100008_43>1370200006_11 (service schedule (tables 6-7 and user supplement), 3 files)');
    expect(en).toContain('(basic information withdrawal, 1 file)');
    for (const id of ['schedule', 'carePlan', 'basicInfoDeletion', 'actualDeletion', 'preventionPlan']) {
      expect(ja).not.toMatch(new RegExp(`[（(]${id}[、,]`));
      expect(en).not.toMatch(new RegExp(`\\(${id},`));
    }
  });
});

describe('validate: text for people', () => {
  it('prints in English with --lang en, and no colour when stdout is not a terminal', () => {
    const r = cli(['validate', BROKEN, '--lang', 'en']);
    expect(r.stdout).toContain('error [CSV_NOT_MS932] byte offset 3: The file is UTF-8 (byte offset 3)');
    expect(r.stdout).toContain('Result: 3 errors, 0 warnings, 0 info (1 file, 1 send unit, profile strict)');
    expect(r.stdout).not.toContain('ファイルがUTF-8で書かれています'); // no Japanese message lines
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe(''); // no progress line off a terminal
  });

  it('never lets a value drive the terminal: control characters are shown escaped', () => {
    const dir = tmp('ctl');
    const text = readFileSync(join(ROOT, PLAN)).toString('latin1').replace('202407,131016,', '202407,\u001b[31m1,');
    writeFileSync(join(dir, basename(PLAN)), Buffer.from(text, 'latin1'));
    const r = cli(['validate', join(dir, basename(PLAN))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('値 "\\u001b[31m1"');
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('validate --format json', () => {
  it('is the library report, unchanged', () => {
    const files = [...filesOf(S41), BROKEN];
    const r = cli(['validate', S41, BROKEN, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const expected = validateFiles(files.map((name) => ({ name, bytes: readFileSync(join(ROOT, name)) })));
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(report)).toEqual(['files', 'units', 'issues', 'summary']);
    expect(report.summary).toEqual({ files: 26, errors: 3, warnings: 0, infos: 0 });
  });
});

describe('validate --format sarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0.json'), 'utf8'));
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid SARIF 2.1.0 (checked against the official schema), with results located at file and line', () => {
    const r = cli(['validate', BROKEN, S41, '--format', 'sarif', '--profile', 'lenient']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('careplan-csv');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(RULES.map((x) => x.code)));
    const rule = driver.rules.find((x: { id: string }) => x.id === 'CSV_HEADER_ROW');
    expect(rule.shortDescription.text).toBe('見出し行がある / a header row');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(driver.rules.find((x: { id: string }) => x.id === 'CSV_NO_FINAL_NEWLINE').defaultConfiguration.level).toBe('note');

    const results = log.runs[0].results;
    expect(results).toHaveLength(6);
    const unmappable = results.find((x: { ruleId: string }) => x.ruleId === 'CSV_UNMAPPABLE_CHAR');
    expect(unmappable.level).toBe('warning');
    expect(unmappable.message.text).toContain('MS932で書けない文字です');
    expect(unmappable.message.text).toContain('cannot be written in MS932');
    expect(unmappable.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: BROKEN }, region: { startLine: 2 } });
    // Located by byte offset only in the library: the line is counted from the bytes for annotations.
    const utf8 = results.find((x: { ruleId: string }) => x.ruleId === 'CSV_NOT_MS932');
    expect(utf8.locations[0].physicalLocation.region).toEqual({ startLine: 1, byteOffset: 3 });
    for (const res of results) expect(driver.rules[res.ruleIndex].id).toBe(res.ruleId);
  });

  it('has no results on valid files, and is still valid', () => {
    const r = cli(['validate', S41, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('would be rejected by the schema if broken (the check has teeth)', () => {
    const log = JSON.parse(cli(['validate', BROKEN, '--format', 'sarif']).stdout);
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});

describe('validate --format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  it('is well-formed XML: one testsuite per file and per failing send unit, failures at or above --fail-on', () => {
    const r = cli(['validate', BROKEN, PLAN, ANNEX, HOSOKU, '--format', 'junit', '--profile', 'lenient']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = parser.parse(r.stdout);
    const suites = doc.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: unknown }[] }[];
    expect(suites.map((s) => s.name)).toEqual([BROKEN, PLAN, ANNEX, HOSOKU, '送信単位 / send unit 20250325130000:1370100008_43>1370200006_11']);
    const broken = suites[0]!;
    expect(broken.testcase).toHaveLength(4); // four warnings, none failing at --fail-on error
    expect(broken.failures).toBe('0');
    expect(suites[1]!.testcase).toEqual([expect.objectContaining({ name: '適合 / conformant' })]);
    expect(suites[4]!.failures).toBe('2');
    expect(doc.testsuites.failures).toBe('2');
    // With --fail-on warning the warnings fail too.
    const strict = parser.parse(cli(['validate', BROKEN, '--format', 'junit', '--profile', 'lenient', '--fail-on', 'warning']).stdout);
    expect(strict.testsuites.testsuite[0].failures).toBe('4');
  });

  it('escapes markup and never starts a value with a formula character', () => {
    const dir = tmp('junit');
    const name = '=HYPERLINK("x")&<b>.CSV';
    writeFileSync(join(dir, name), '202407\r\n');
    const r = cli(['validate', '--format', 'junit', '--', name], { cwd: dir });
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('classname="\'=HYPERLINK(&quot;x&quot;)&amp;&lt;b&gt;.CSV"');
    expect(r.stdout).not.toMatch(/="[=+\-@]/);
    const doc = parser.parse(r.stdout);
    expect(doc.testsuites.testsuite[0].name).toBe('\'=HYPERLINK("x")&<b>.CSV');
  });
});

describe('inspect and convert', () => {
  it('inspect prints the file-name fields and every record with No., key, Japanese name and value', () => {
    const r = cli(['inspect', PLAN]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.file).toBe(PLAN);
    expect(doc.name).toEqual({
      kind: 'UPPLAN',
      edition: 4,
      month: '202504',
      sender: { office: '1370100008', serviceType: '43' },
      receiver: { office: '1370200006', serviceType: '11' },
      timestamp: '20250325100000',
      deletion: false,
    });
    expect(doc).toMatchObject({ kind: 'UPPLAN', csvVersion: '202407', edition: '4.1', encoding: 'ms932', issues: [] });
    expect(doc.records).toHaveLength(31);
    expect(doc.records[0].line).toBe(1);
    expect(doc.records[0].fields[9]).toEqual({ no: 10, key: 'serviceDate', name: 'サービス利用日', value: expect.stringMatching(/^202504\d\d$/) });
  });

  it('inspect --format ndjson prints one record a line', () => {
    const r = cli(['inspect', PLAN, '--format', 'ndjson']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(31);
    expect(lines[0]).toMatchObject({ file: PLAN, kind: 'UPPLAN', csvVersion: '202407', line: 1, record: 1 });
  });

  it('inspect shows a broken file (read leniently) with its issues', () => {
    const doc = JSON.parse(cli(['inspect', BROKEN]).stdout);
    expect(doc.encoding).toBe('utf8');
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0].line).toBe(2);
    expect(doc.issues.map((i: { code: string }) => i.code)).toContain('CSV_NOT_MS932');
  });

  it('inspect tells one story: the records it shows and every issue of that reading, at the severities of --profile', () => {
    const strict = JSON.parse(cli(['inspect', BROKEN]).stdout);
    expect(strict.profile).toBe('strict');
    expect(strict.records).toHaveLength(1);
    const codes = (doc: { issues: { code: string; severity: string }[] }) => doc.issues.map((i) => `${i.code}:${i.severity}`);
    expect(codes(strict)).toEqual(['CSV_LF_LINE_ENDINGS:warning', 'CSV_NOT_MS932:error', 'CSV_HEADER_ROW:error', 'CSV_UNMAPPABLE_CHAR:warning']);
    // Nothing says reading stopped while records are shown.
    expect(JSON.stringify(strict.issues)).not.toContain('Reading stopped');
    expect(strict.issues.find((i: { code: string }) => i.code === 'CSV_NOT_MS932').messageEn).toContain('Reading on as UTF-8');
    const lenient = JSON.parse(cli(['inspect', BROKEN, '--profile', 'lenient']).stdout);
    expect(codes(lenient)).toEqual(['CSV_LF_LINE_ENDINGS:warning', 'CSV_NOT_MS932:warning', 'CSV_HEADER_ROW:warning', 'CSV_UNMAPPABLE_CHAR:warning']);
    expect(lenient.records).toEqual(strict.records);
    // What validate --profile lenient reports for the file is what inspect lists.
    const validated = JSON.parse(cli(['validate', BROKEN, '--profile', 'lenient', '--format', 'json']).stdout).files[0].issues;
    expect(lenient.issues).toEqual(validated);
  });

  it('inspect - (stdin) checks no made-up name, and needs --kind or --name', () => {
    const input = readFileSync(join(ROOT, PLAN), 'latin1');
    const bare = cli(['inspect', '-'], { input });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('the kind of standard input cannot be told: give --kind (the kind) or --name (its file name)');
    // cli() passes text: give stdin its bytes through a file instead.
    const viaShell = (args: string) => spawnSync('sh', ['-c', `node ${JSON.stringify(CLI)} inspect - ${args} < ${JSON.stringify(PLAN)}`], { cwd: ROOT, encoding: 'utf8' });
    const kind = viaShell('--kind UPPLAN');
    expect(kind.status).toBe(0);
    const doc = JSON.parse(kind.stdout);
    expect(doc).toMatchObject({ file: '-', name: null, kind: 'UPPLAN', csvVersion: '202407', issues: [] });
    expect(doc.records).toHaveLength(31);
    const namedOut = viaShell(`--name ${basename(PLAN)}`).stdout;
    const named = JSON.parse(namedOut);
    // convert takes the name parts from the name given.
    const out = tmp('stdin');
    writeFileSync(join(out, 'plan.json'), namedOut);
    expect(cli(['convert', join(out, 'plan.json'), '--out-dir', join(out, 'o')]).code).toBe(0);
    expect(readFileSync(join(out, 'o', basename(PLAN))).equals(readFileSync(join(ROOT, PLAN)))).toBe(true);
    expect(named).toMatchObject({ file: basename(PLAN), kind: 'UPPLAN', issues: [] });
    expect(named.name).toMatchObject({ kind: 'UPPLAN', month: '202504', timestamp: '20250325100000' });
    expect(named.records).toEqual(doc.records);
    // A name given is checked like any other.
    const badName = viaShell('--name upplan.csv --kind UPPLAN');
    expect(JSON.parse(badName.stdout).issues.map((i: { code: string }) => i.code)).toContain('NAME_UNKNOWN_PREFIX');
    expect(viaShell('--name upplan.csv').status).toBe(2);
    expect(cli(['inspect', PLAN, '--name', 'x.CSV']).code).toBe(2);
  });

  it('inspect → convert gives byte-identical files for every sample of edition 4.1', () => {
    const out = tmp('rt');
    for (const file of filesOf(S41)) {
      const json = join(out, `${basename(file)}.json`);
      const inspected = cli(['inspect', file]);
      expect(inspected.code, file).toBe(0);
      writeFileSync(json, inspected.stdout);
      const r = cli(['convert', json, '--out-dir', join(out, 'files')]);
      expect(r.code, `${file}\n${r.stdout}${r.stderr}`).toBe(0);
      expect(readFileSync(join(out, 'files', basename(file))).equals(readFileSync(join(ROOT, file))), file).toBe(true);
    }
    // Two commands per sample, run one after another: the time allowed grows with that count (12 s for each start
    // of the command on a loaded 2-core CI box, where one took ~3 s), rather than a figure fitted to one machine.
  }, filesOf(S41).length * 2 * 12_000);

  it('convert with every option given, and from NDJSON on stdin, gives the same bytes', () => {
    const out = tmp('conv');
    const json = join(out, 'plan.json');
    writeFileSync(json, cli(['inspect', PLAN]).stdout);
    const args = ['--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11', '--month', '202504', '--timestamp', '20250325100000'];
    const r = cli(['convert', json, ...args, '--out-dir', join(out, 'a')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('書き出しました:');
    expect(r.stdout).toContain('(31 records)');
    expect(readFileSync(join(out, 'a', basename(PLAN))).equals(readFileSync(join(ROOT, PLAN)))).toBe(true);
    const ndjson = cli(['inspect', PLAN, '--format', 'ndjson']).stdout;
    const s = cli(['convert', '-', ...args, '--out-dir', join(out, 'b')], { input: ndjson });
    expect(s.code).toBe(0);
    expect(readFileSync(join(out, 'b', basename(PLAN))).equals(readFileSync(join(ROOT, PLAN)))).toBe(true);
  });

  it('convert takes plain record arrays (samples/records) and the month from the records', () => {
    const out = tmp('plain');
    const r = cli(['convert', 'samples/records/3.2/UPPLAN.json', '--kind', 'UPPLAN', '--edition', '3.2', '--from', '1370100008', '--to', '1370200006', '--timestamp', '20230224100000', '--out-dir', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.name).toBe('UPPLAN_202303_1370100008_1370200006_20230224100000.CSV');
    expect(readFileSync(join(out, result.name)).equals(readFileSync(join(ROOT, 'samples/3.2', result.name)))).toBe(true);
  });

  it('convert refuses the whole file when a record cannot be written, and substitutes on request', () => {
    const out = tmp('refuse');
    const records = JSON.parse(readFileSync(join(ROOT, 'samples/records/4.1/UPPLAN.json'), 'utf8')) as Record<string, string>[];
    records[2] = { ...records[2]!, careManagerName: '山田〜花子' };
    const json = join(out, 'records.json');
    writeFileSync(json, JSON.stringify(records));
    const args = ['convert', json, '--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11', '--timestamp', '20250325100000', '--out-dir', join(out, 'o')];
    const r = cli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[WRITE_UNMAPPABLE_CHAR]');
    expect(r.stdout).toContain('何も書き出しませんでした');
    expect(existsSync(join(out, 'o'))).toBe(false);
    const s = cli([...args, '--unmappable', 'substitute']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("置換 / substituted レコード3 No.7「プラン担当者名」: '〜' (U+301C) → '～' (U+FF5E)");
    expect(readdirSync(join(out, 'o'))).toEqual(['UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV']);
  });

  it('convert refuses records that would not validate, unless --allow-invalid', () => {
    const out = tmp('invalid');
    const args = ['convert', 'samples/records/UPPLAN.202407.broken.json', '--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11', '--month', '202504', '--timestamp', '20250325100000', '--out-dir', out];
    const r = cli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FIELD_INVALID_DATE]');
    expect(r.stdout).toContain('--allow-invalid');
    expect(readdirSync(out)).toEqual([]);
    const anyway = cli([...args, '--allow-invalid']);
    expect(anyway.code).toBe(1);
    expect(readdirSync(out)).toEqual(['UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV']);
  });

  it('bad input never crashes: non-JSON, not records, folders, missing options → exit 2 with a bilingual message', () => {
    const dir = tmp('bad');
    writeFileSync(join(dir, 'x.json'), '{ not json');
    writeFileSync(join(dir, 'y.json'), '{"a": 1}');
    const base = ['--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11', '--out-dir', dir];
    for (const args of [
      ['convert', join(dir, 'x.json'), ...base],
      ['convert', join(dir, 'y.json'), ...base],
      ['convert', dir, ...base],
      ['convert', 'samples/records/4.1/UPPLAN.json', '--out-dir', dir],
      ['convert', 'samples/records/4.1/UPPLAN.json', ...base.slice(0, 2), '--edition', '5', '--out-dir', dir],
      ['convert', 'samples/records/4.1/UPPLAN.json', '--kind', 'UP3KYO', '--edition', '3.2', '--from', '1370100008', '--to', '1370200006', '--out-dir', dir],
      ['inspect', 'samples'],
      ['inspect', 'no/such.CSV'],
      ['diff', PLAN],
      ['fix', BROKEN],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^careplan-csv: .+ \/ .+$/m);
      expect(r.stderr, args.join(' ')).not.toMatch(/at .+\.js:\d+/); // no stack trace
    }
  });
});

describe('messages that say what is wrong', () => {
  const base = ['--kind', 'UPPLAN', '--edition', '4.1', '--from', '1370100008/43', '--to', '1370200006/11'];

  it('convert: a --timestamp that is not 14 digits, a --out-dir that is a file, records that are not objects', () => {
    const dir = tmp('msg');
    const ts = cli(['convert', 'samples/records/4.1/UPPLAN.json', ...base, '--timestamp', '../../x', '--out-dir', join(dir, 'o'), '--lang', 'en']);
    expect(ts.code).toBe(2);
    expect(ts.stderr).toContain('--timestamp "../../x" is not 14 digits (YYYYMMDDHHMMSS)');
    expect(ts.stderr).not.toContain('prefix');
    const month = cli(['convert', 'samples/records/4.1/UPPLAN.json', ...base, '--month', '2025_04', '--out-dir', join(dir, 'o'), '--lang', 'en']);
    expect(month.stderr).toContain('--month "2025_04" is not 6 digits (YYYYMM)');
    expect(cli(['name', '--build', ...base.slice(0, 2), '--edition', '4', '--month', '202504', ...base.slice(4), '--timestamp', 'a_b']).stderr).toContain('--timestamp "a_b" は14桁の数字（YYYYMMDDHHMMSS）ではありません');

    const file = join(dir, 'afile');
    writeFileSync(file, '');
    const outFile = cli(['convert', 'samples/records/4.1/UPPLAN.json', ...base, '--timestamp', '20250325100000', '--out-dir', file, '--lang', 'en']);
    expect(outFile.code).toBe(2);
    expect(outFile.stderr).toContain(`--out-dir ${file} is not a folder (it is a file); nothing written`);
    expect(outFile.stderr).not.toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('');

    writeFileSync(join(dir, 'nums.json'), '[1,2]');
    const nums = cli(['convert', join(dir, 'nums.json'), ...base, '--out-dir', join(dir, 'o'), '--lang', 'en']);
    expect(nums.code).toBe(2);
    expect(nums.stderr).toContain('element 1 is not an object (1); a record is an object keyed by field key');
    expect(nums.stderr).not.toContain('--month');
    writeFileSync(join(dir, 'lines.ndjson'), '{"csvVersion":"202407"}\n"x"\n');
    expect(cli(['convert', join(dir, 'lines.ndjson'), ...base, '--out-dir', join(dir, 'o'), '--lang', 'en']).stderr).toContain('record 2 is not an object ("x")');
    writeFileSync(join(dir, 'none.json'), '[]');
    expect(cli(['convert', join(dir, 'none.json'), ...base, '--out-dir', join(dir, 'o'), '--lang', 'en']).stderr).toContain('holds no records');
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('fix: an empty file is refused as empty, not as data a rewrite would lose', () => {
    const dir = tmp('empty');
    const path = join(dir, basename(PLAN));
    writeFileSync(path, '');
    const r = cli(['fix', path, '--out-dir', join(dir, 'out'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[CSV_EMPTY_FILE]');
    expect(r.stdout).toContain('refused: the file is empty (no records), there is nothing to rewrite; nothing written');
    expect(r.stdout).not.toContain('change or lose data');
    expect(existsSync(join(dir, 'out', basename(PLAN)))).toBe(false);
  });
});

describe('writing safely', () => {
  it('refuses names with path tricks or Windows device names, and writes nothing', () => {
    for (const name of ['CON.CSV', 'nul.csv', 'COM1.CSV', 'UPPLAN..CSV']) {
      const dir = tmp('unsafe');
      writeFileSync(join(dir, name), readFileSync(join(ROOT, PLAN)));
      const out = join(dir, 'out');
      const r = cli(['fix', join(dir, name), '--out-dir', out]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(/refusing output file name/);
      expect(existsSync(out), name).toBe(false);
    }
  });

  it('refuses sender/receiver values that would make a path, before writing anything', () => {
    const dir = tmp('path');
    for (const from of ['../1370100008/43', '..', '/etc']) {
      const r = cli(['convert', 'samples/records/4.1/UPPLAN.json', '--kind', 'UPPLAN', '--edition', '4.1', '--from', from, '--to', '1370200006/11', '--out-dir', join(dir, 'out')]);
      expect(r.code, from).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites without --force, and never writes through a symbolic link', () => {
    const dir = tmp('force');
    const args = ['fix', PLAN, '--out-dir', dir];
    expect(cli(args).code).toBe(0);
    const again = cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; pass --force to overwrite');
    expect(cli([...args, '--force']).code).toBe(0);

    const linked = tmp('link');
    const victim = join(tmp('victim'), 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(linked, basename(PLAN)));
    const r = cli(['fix', PLAN, '--out-dir', linked, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });
});

describe('fix', () => {
  it('refuses a file with a character MS932 cannot hold, then rewrites it with --unmappable substitute, listing every change', () => {
    const out = tmp('fix');
    const refused = cli(['fix', BROKEN, '--out-dir', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('[CSV_UNMAPPABLE_CHAR]');
    expect(readdirSync(out)).toEqual([]);

    const r = cli(['fix', BROKEN, '--out-dir', out, '--unmappable', 'substitute']);
    expect(r.code).toBe(0);
    for (const change of [
      'encoding UTF-8 → MS932 (Shift_JIS)',
      'header row removed (line 1) "CSVバージョン,保険者番号,被保険者番号,作成年月日,対象年月"',
      'line endings LF → CRLF (1 line, first on line 2)',
      'line 2 No.18 用具名称（機種名）: free text enclosed in quotes',
      "置換 / substituted 2行目 レコード1 No.7「プラン担当者名」: '〜' (U+301C) → '～' (U+FF5E)",
      '書き出しました（変更 5件） / written (5 changes)',
    ]) {
      expect(r.stdout).toContain(change);
    }
    const fixed = join(out, basename(BROKEN));
    const report = JSON.parse(cli(['validate', fixed, '--format', 'json']).stdout);
    const codes = report.files[0].issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual([]); // no encoding, header, line-ending or quoting issue left
    expect(report.files[0]).toMatchObject({ kind: 'UPPLAN', csvVersion: '202407', records: 1 });
    // The values are the input's, the one substitution aside.
    const before = JSON.parse(cli(['inspect', BROKEN]).stdout).records[0].fields.map((f: { value: string }) => f.value);
    const after = JSON.parse(cli(['inspect', fixed]).stdout).records[0].fields.map((f: { value: string }) => f.value);
    expect(after).toEqual(before.map((v: string) => v.replace('〜', '～')));
  });

  it('leaves a conformant file as it is', () => {
    const out = tmp('fixok');
    const r = cli(['fix', PLAN, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('変更なし（すでに仕様どおり） / no change (already conformant)');
    expect(readFileSync(join(out, basename(PLAN))).equals(readFileSync(join(ROOT, PLAN)))).toBe(true);
  });

  it('refuses a file whose structure a rewrite would lose (wrong field count), and --dry-run writes nothing', () => {
    const dir = tmp('fixbad');
    const name = basename(PLAN);
    const text = readFileSync(join(ROOT, PLAN)).toString('latin1').split('\r\n');
    text[0] = `${text[0]},extra`;
    writeFileSync(join(dir, name), Buffer.from(text.join('\r\n'), 'latin1'));
    const r = cli(['fix', join(dir, name), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[CSV_FIELD_COUNT]');
    expect(existsSync(join(dir, 'out', name))).toBe(false);

    mkdirSync(join(dir, 'lf'));
    writeFileSync(join(dir, 'lf', name), Buffer.from(readFileSync(join(ROOT, PLAN)).toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
    const dry = cli(['fix', join(dir, 'lf', name), '--out-dir', join(dir, 'dry'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('改行 LF → CRLF（31行、最初は1行目）');
    expect(existsSync(join(dir, 'dry', name))).toBe(false);
  });
});

describe('name', () => {
  it('explains a name in Japanese', () => {
    const r = cli(['name', basename(PLAN)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('種別          UPPLAN — 第6表（サービス利用票）予定');
    expect(r.stdout).toContain('対象年月      2025年4月 (202504) — 第6表の対象年月');
    expect(r.stdout).toContain('送信元        1370100008（サービス種類 43 居宅介護支援）');
    expect(r.stdout).toContain('送信先        1370200006（サービス種類 11 訪問介護）');
    expect(r.stdout).toContain('ファイル連番  2025-03-25 10:00:00 (20250325100000)');
  });

  it('says precisely what is wrong, exit 1', () => {
    const r = cli(['name', 'UP1KYO_123456789_43_2468135790_11_20191110102233.CSV']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('エラー [NAME_BAD_OFFICE] ファイル名「送信元の事業所番号」 値 "123456789"');
    expect(r.stdout).toContain('is not 10 digits (9 characters)');
    const json = JSON.parse(cli(['name', 'upplan_x.csv', '--format', 'json']).stdout);
    expect(json.ok).toBe(false);
    expect(json.issues[0].code).toBe('NAME_UNKNOWN_PREFIX');
  });

  it('builds a name', () => {
    const r = cli(['name', '--build', '--kind', 'UPPLAN', '--edition', '4', '--month', '202504', '--from', '1370100008/43', '--to', '1370200006/11', '--timestamp', '20250325100000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV\n');
    const bad = cli(['name', '--build', '--kind', 'UPPLAN', '--edition', '4', '--month', '202513', '--from', '1370100008/43', '--to', '1370200006/11', '--timestamp', '20250325100000']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[NAME_BAD_MONTH]');
    expect(cli(['name', '--build', '--kind', 'UPPLAN', '--edition', '4', '--from', '1370100008/43', '--to', '1370200006/11']).code).toBe(2);
  });
});

describe('diff', () => {
  it('prints the plan-vs-delivery table with Japanese headers, exit 1 on differences', () => {
    const r = cli(['diff', PLAN, ACTUAL]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/保険者番号 +被保険者番号 +事業所番号 +サービスコード +日付 +状態 +予定 +実績/);
    expect(r.stdout).toMatch(/0000123456 +1370200006 +111211 +2025-04-09 +時間・回数違い +1000-1045×1 +1005-1050×1/);
    expect(r.stdout).toMatch(/2025-04-16 +実績なし +1000-1045×1 +—/);
    expect(r.stdout).toContain('予定どおり 24件、実績なし 1件、予定外 0件、時間・回数違い 1件');
    const en = cli(['diff', PLAN, ACTUAL, '--lang', 'en', '--differences']);
    expect(en.stdout).toMatch(/insurer +insured +office +service +date +status +planned +delivered/);
    expect(en.stdout.match(/^131016/gm)).toHaveLength(2);
  });

  it('shows a service without a time of day (9999) in words', () => {
    const ja = cli(['diff', PLAN, ACTUAL, '--office', '1370300004']);
    expect(ja.stdout).toMatch(/171001 +2025-04-01 +実績なし +時間指定なし×1 +—/);
    expect(ja.stdout).not.toContain('9999-9999');
    expect(cli(['diff', PLAN, ACTUAL, '--office', '1370300004', '--lang', 'en']).stdout).toMatch(/171001 +2025-04-01 +not delivered +no time×1 +—/);
  });

  it('prints no table when the comparison means nothing: swapped arguments (exit 2), other months or an unreadable file (exit 1)', () => {
    const swapped = cli(['diff', ACTUAL, PLAN, '--lang', 'en']);
    expect(swapped.code).toBe(2);
    expect(swapped.stdout).toBe('');
    expect(swapped.stderr).toContain('the arguments are swapped');
    expect(swapped.stderr).toContain('[COMPARE_WRONG_KIND]');
    expect(cli(['diff', PLAN, ANNEX]).code).toBe(2);

    const months = cli(['diff', 'samples/3.2/UPPLAN_202303_1370100008_1370200006_20230224100000.CSV', ACTUAL]);
    expect(months.code).toBe(1);
    expect(months.stdout).toContain('[COMPARE_MONTH_MISMATCH]');
    expect(months.stdout).toContain('The files cannot be compared: no table');
    expect(months.stdout).not.toContain('保険者番号');
    expect(months.stdout).not.toContain('対象年月 ?');
    expect(months.stdout).not.toContain('実績なし');
    const json = JSON.parse(cli(['diff', 'samples/3.2/UPPLAN_202303_1370100008_1370200006_20230224100000.CSV', ACTUAL, '--format', 'json']).stdout);
    expect(json).toMatchObject({ compared: false, rows: [] });

    const utf8 = utf8Copy(PLAN);
    const strict = cli(['diff', utf8, ACTUAL]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('エラー [CSV_NOT_MS932]');
    expect(strict.stdout).not.toContain('予定外');
    expect(strict.stdout).toContain('--profile lenient');
  });

  it('--profile lenient reads a UTF-8 plan with a header row and LF, compares it, and keeps the file\'s own lines', () => {
    const utf8 = utf8Copy(PLAN, { header: true, lf: true });
    const r = cli(['diff', utf8, ACTUAL, '--profile', 'lenient']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('警告 [CSV_NOT_MS932]');
    expect(r.stdout).toContain('警告 [CSV_HEADER_ROW]');
    expect(r.stdout).toContain('予定どおり 24件、実績なし 1件、予定外 0件、時間・回数違い 1件');
    const lenient = JSON.parse(cli(['diff', utf8, ACTUAL, '--profile', 'lenient', '--format', 'json']).stdout);
    const original = JSON.parse(cli(['diff', PLAN, ACTUAL, '--format', 'json']).stdout);
    expect(lenient.compared).toBe(true);
    expect(lenient.summary).toEqual(original.summary);
    // One line more: the header row.
    const planLines = (d: { rows: { planned: { line: number }[] }[] }) => d.rows.flatMap((row) => row.planned.map((v) => v.line));
    expect(planLines(lenient)).toEqual(planLines(original).map((l) => l + 1));
  });

  it('--format json is the library comparison, with compared and profile', () => {
    const result = JSON.parse(cli(['diff', PLAN, ACTUAL, '--format', 'json']).stdout);
    expect(result.summary).toEqual({ 'as-planned': 24, 'planned-not-delivered': 1, 'delivered-not-planned': 0, different: 1 });
    expect(result.offices).toEqual(['1370200006']);
    expect(result).toMatchObject({ compared: true, profile: 'strict', issues: [] });
    const library = comparePlanToActual({ name: PLAN, bytes: readFileSync(join(ROOT, PLAN)) }, { name: ACTUAL, bytes: readFileSync(join(ROOT, ACTUAL)) });
    expect(result.rows).toEqual(JSON.parse(JSON.stringify(library.rows)));
  });
});

describe('help, version, demo, layouts', () => {
  const commands = ['validate', 'inspect', 'convert', 'name', 'diff', 'fix', 'layouts', 'layout', 'check-records', 'check', 'demo'];

  it('--help for every command, in Japanese and English (English alone with --lang en)', () => {
    for (const c of commands) {
      const r = cli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain(`careplan-csv ${c} — `);
      expect(r.stdout, c).toContain('使い方:');
      expect(r.stdout, c).toContain('Usage:');
      expect(r.stdout, c).toContain('終了コード:');
      const en = cli([c, '--help', '--lang', 'en']);
      expect(en.stdout, c).not.toContain('使い方:');
      expect(en.stdout, c).toContain('Exit codes:');
    }
    const top = cli(['--help']);
    expect(top.code).toBe(0);
    for (const c of commands) expect(top.stdout).toContain(`  ${c}`);
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('demo validates the bundled samples with the validate output', () => {
    const r = cli(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ careplan-csv validate samples/4.1');
    expect(r.stdout).toContain('結果: エラー 0件、警告 0件、情報 0件（25ファイル、12送信単位、プロファイル 厳格（strict））');
    expect(r.stdout).toContain('警告 [CSV_HEADER_ROW]');
  });

  it('layouts and layout still work', () => {
    expect(cli(['layouts']).stdout).toContain('UPPLAN        202407 第4.1版');
    expect(cli(['layout', 'UPPLAN', '--csv-version', '202208']).stdout).toContain(' 22 識別子 [identifier] 1');
    expect(cli(['layout', 'NOPE']).code).toBe(2);
  });
});

describe('an unreadable file among many', () => {
  /** The 4.1 samples (twenty and more files) copied into a fresh folder. */
  function samplesWith(): string {
    const dir = tmp('unreadable');
    for (const f of filesOf(S41)) copyFileSync(join(ROOT, f), join(dir, basename(f)));
    return dir;
  }

  const check = (dir: string, bad: string, reason: RegExp) => {
    const total = readdirSync(dir).length;
    expect(total).toBeGreaterThanOrEqual(20);
    const r = cli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(total);
    const unreadable = report.files.filter((f: { issues: { code: string }[] }) => f.issues.some((i) => i.code === 'FILE_UNREADABLE'));
    expect(unreadable.map((f: { file: string }) => f.file)).toEqual([join(dir, bad)]);
    const issue = unreadable[0].issues[0];
    expect(issue).toMatchObject({ code: 'FILE_UNREADABLE', severity: 'error', file: join(dir, bad) });
    expect(issue.message).toContain(`${join(dir, bad)} を読めません`);
    expect(issue.messageEn).toMatch(reason);
    // The others were validated: records read.
    expect(report.files.filter((f: { records: number }) => f.records > 0)).toHaveLength(total - 1);
    const text = cli(['validate', dir]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('[FILE_UNREADABLE]');
    expect(text.stdout).toContain('結果:');
  };

  it('a link loop named like a spec file (unreadable even as root): FILE_UNREADABLE, the rest validated, exit 2', () => {
    const dir = samplesWith();
    const bad = 'UPPLAN_202504_1370100008_43_1370900009_11_20250325100000.CSV';
    symlinkSync(join(dir, bad), join(dir, bad));
    check(dir, bad, /symbolic link loop \(ELOOP\)/);
  });

  it('a named file that does not exist is reported among the others, which are validated (exit 2)', () => {
    const files = filesOf(S41).map((f) => join(ROOT, f));
    const missing = join(tmp('missing'), 'UPPLAN_202504_1370100008_43_1370900009_11_20250325100000.CSV');
    const r = cli(['validate', ...files, missing, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(files.length + 1);
    const bad = report.files.find((f: { file: string }) => f.file.endsWith('1370900009_11_20250325100000.CSV'));
    expect(bad.issues).toMatchObject([{ code: 'FILE_UNREADABLE', severity: 'error' }]);
    expect(bad.issues[0].messageEn).toMatch(/no such file or folder \(ENOENT\)/);
    expect(report.files.filter((f: { records: number }) => f.records > 0)).toHaveLength(files.length);
  });

  it('a link to nowhere is reported, not skipped', () => {
    const dir = samplesWith();
    const bad = 'UPPLAN_202504_1370100008_43_1370900009_11_20250325100000.CSV';
    symlinkSync(join(dir, 'gone.CSV'), join(dir, bad));
    check(dir, bad, /no such file or folder \(ENOENT\)/);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission (when not root)', () => {
    const dir = samplesWith();
    const bad = basename(filesOf(S41)[3]!);
    chmodSync(join(dir, bad), 0o000);
    check(dir, bad, /permission denied \(EACCES\)/);
  });

  it('sarif and junit carry the FILE_UNREADABLE issue too', () => {
    const dir = samplesWith();
    const bad = 'UPPLAN_202504_1370100008_43_1370900009_11_20250325100000.CSV';
    symlinkSync(join(dir, bad), join(dir, bad));
    const sarif = cli(['validate', dir, '--format', 'sarif']);
    expect(sarif.code).toBe(2);
    expect(JSON.parse(sarif.stdout).runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'FILE_UNREADABLE')).toBe(true);
    const junit = cli(['validate', dir, '--format', 'junit']);
    expect(junit.code).toBe(2);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('type="FILE_UNREADABLE"');
  });
});

describe('diff --office', () => {
  it('an office in neither file is said so (bilingual), exit 2 — not an empty "all delivered" table', () => {
    for (const format of ['text', 'json']) {
      const r = cli(['diff', PLAN, ACTUAL, '--office', '1399999992', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--office "1399999992" のサービス事業所の行は予定');
      expect(r.stderr).toContain('has a service row of this office (service offices: 1370200006');
    }
  });

  it('the care-management office, which names no service row, is not said to be absent from the files', () => {
    const r = cli(['diff', PLAN, ACTUAL, '--office', '1370100008', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('in neither');
    expect(r.stderr).toContain('has a service row of this office');
  });

  it('an office of the files still compares', () => {
    const r = cli(['diff', PLAN, ACTUAL, '--office', '1370200006', '--format', 'json']);
    expect(r.code).not.toBe(2);
    expect(JSON.parse(r.stdout).rows.length).toBeGreaterThan(0);
  });
});
