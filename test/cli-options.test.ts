// The command declared once: each command's options table is what its parser accepts and what its --help lists;
// every command speaks English with --lang en; check-records reports catalogue codes, each record checked
// against the layout of its own CSVバージョン.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHelp } from '../src/cli/help.js';
import { flagsText, parseOptions, withCommon, type OptionSpec } from '../src/cli/options.js';
import { OUTPUT_FORMATS, VALIDATION_FORMATS } from '../src/cli/output-formats.js';
import { COMMANDS } from '../src/cli/run.js';
import { ruleOf } from '../src/index.js';
import { runCommand as run } from './support/command.js';

afterEach(() => vi.restoreAllMocks());

/** The Options section of a help text (up to the next blank line). */
function optionsSection(help: string, heading: string): string {
  const at = help.indexOf(`\n${heading}\n`);
  expect(at).toBeGreaterThan(0);
  const rest = help.slice(at + heading.length + 2);
  return rest.slice(0, rest.indexOf('\n\n'));
}

/** A value the table accepts for an option. */
function argsFor(o: OptionSpec): string[] {
  if (o.kind === 'flag') return [`--${o.name}`];
  return [`--${o.name}`, o.kind === 'choice' ? o.choices[0]! : o.kind === 'count' ? '1' : 'x'];
}

describe('options declared once', () => {
  it('every option of the table is in --help (Japanese and English), and every option --help names is in the table', () => {
    for (const command of COMMANDS) {
      const table = withCommon(command.options);
      for (const lang of ['ja', 'en'] as const) {
        const help = renderHelp(command, lang);
        const section = optionsSection(help, lang === 'ja' ? 'オプション:' : 'Options:');
        const listed = section.split('\n').map((l) => l.trim());
        expect(listed.length, command.name).toBe(table.length);
        table.forEach((o, i) => expect(listed[i], `${command.name} ${o.name}`).toMatch(new RegExp(`^${flagsText(o).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  `)));
        // The synopsis and the options section name no option the table lacks.
        const named = new Set([...help.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));
        const known = new Set(table.map((o) => o.name));
        const usage = command.usage.join(' ');
        for (const name of [...usage.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!)) expect(known.has(name), `${command.name} usage --${name}`).toBe(true);
        for (const line of listed) {
          const flag = /^(?:-\w, )?--([a-z][a-z-]*)/.exec(line)?.[1];
          expect(flag !== undefined && known.has(flag), `${command.name}: ${line}`).toBe(true);
        }
        expect(named.size).toBeGreaterThan(0);
      }
    }
  });

  it("the parser accepts every option of the table (with its short alias) and refuses any other (exit 2, as before)", () => {
    for (const command of COMMANDS) {
      const required = command.options.filter((o) => o.required).flatMap(argsFor);
      for (const o of withCommon(command.options)) {
        expect(() => parseOptions(command.name, [...required, ...argsFor(o)], command.options), `${command.name} --${o.name}`).not.toThrow();
        if (o.short) expect(() => parseOptions(command.name, [...required, `-${o.short}`, ...argsFor(o).slice(1)], command.options)).not.toThrow();
      }
      const r = run([command.name, '--no-such-option']);
      expect(r.code, command.name).toBe(2);
      expect(r.stderr, command.name).toContain("引数が正しくありません: Unknown option '--no-such-option'. / invalid arguments: Unknown option '--no-such-option'.");
      expect(r.stderr, command.name).toContain(`careplan-csv ${command.name} --help`);
    }
  });

  it('a value outside a choice, or a count that is not a whole number, is a usage error naming the option', () => {
    const format = run(['import', 'samples/4.1', '--format', 'sarif']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format は text、json のいずれかです（"sarif"） / --format must be one of text, json (got "sarif")');
    const count = run(['validate', 'samples/4.1', '--max-records', '0', '--lang', 'en']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--max-records must be a whole number of at least 1 (got "0")');
    expect(run(['fix', 'samples/4.1/x.CSV']).stderr).toContain('--out-dir を指定してください / --out-dir is required');
  });

  it('output formats come from one registry: validate offers every format with a validation builder, each described in help', () => {
    expect(VALIDATION_FORMATS).toEqual(['text', 'json', 'sarif', 'junit', 'csv']);
    const help = renderHelp(COMMANDS.find((c) => c.name === 'validate')!, 'en');
    const section = optionsSection(help, 'Output formats:');
    for (const f of VALIDATION_FORMATS) expect(section).toContain(`${f}`.padEnd(7) + OUTPUT_FORMATS[f].help.en);
    for (const command of COMMANDS) {
      const format = command.options.find((o) => o.name === 'format');
      if (format?.kind === 'choice') for (const f of format.choices) expect(Object.keys(OUTPUT_FORMATS), command.name).toContain(f);
    }
  });
});

describe('--lang en for layouts, layout and check-records', () => {
  it('layouts: English words, English names', () => {
    const r = run(['layouts', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UPPLAN        202407 edition 4.1  25 fields table 6');
    expect(r.stdout).not.toMatch(/第|項目/);
    expect(run(['layouts']).stdout).toContain('UPPLAN        202407 第4.1版  25項目');
  });

  it('layout: an English heading and required marks', () => {
    const r = run(['layout', 'UPPLAN', '--csv-version', '202208', '--lang', 'en']);
    expect(r.code).toBe(0);
    const [head, ...fields] = r.stdout.trim().split('\n');
    expect(head).toMatch(/^UPPLAN table 6 .* — CSV version 202208 \(edition 3\.2\)$/);
    expect(fields[1]).toMatch(/^ {2}2 保険者番号 \[insurerNumber\] 6 required insurerNumber$/);
    expect(r.stdout).not.toContain('○');
  });

  it('check-records: one English line per issue, an English summary', () => {
    const r = run(['check-records', 'UPPLAN', 'samples/records/UPPLAN.202407.broken.json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('UPPLAN.202407.broken.json record 1 serviceDate: [FIELD_INVALID_DATE] No.10 サービス利用日: "20250431" is not a real date');
    expect(r.stdout).toContain('UPPLAN.202407.broken.json: 1 of 1 records with errors');
    expect(r.stdout).not.toMatch(/レコード|件|は実在しない/);
  });
});

describe('check-records', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careplan-check-records-'));
  const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>[];
  const plan41 = load('samples/records/4.1/UPPLAN.json');
  const plan32 = load('samples/records/3.2/UPPLAN.json');
  const write = (name: string, records: unknown[]) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(records));
    return path;
  };
  const codesOf = (stdout: string) => [...stdout.matchAll(/\[([A-Z0-9_]+)\]/g)].map((m) => m[1]!);

  it('checks each record against the layout of its own CSVバージョン', () => {
    expect(plan41[0]!['csvVersion']).toBe('202407');
    expect(plan32[0]!['csvVersion']).toBe('202208');
    const mixed = write('mixed.json', [plan41[0], plan32[0], plan41[1], plan32[1]]);
    const r = run(['check-records', 'UPPLAN', mixed]);
    expect(r.stdout).toContain('mixed.json: 4件中 0件にエラー / 0 of 4 records with errors');
    expect(r.code).toBe(0);
    // --csv-version checks every record against that one layout: the 4.1 records have fields 3.2 lacks.
    const one = run(['check-records', 'UPPLAN', mixed, '--csv-version', '202208']);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('mixed.json レコード1 taisCode: [WRITE_UNKNOWN_FIELD]');
    expect(one.stdout).not.toContain('mixed.json レコード2');
    expect(one.stdout).toContain('mixed.json: 4件中 2件にエラー / 2 of 4 records with errors');
  });

  it('reports only codes of the catalogue: a key the layout lacks, a missing field, a version without the layout', () => {
    const { insurerNumber: _dropped, ...missing } = plan41[0]!;
    const path = write('bad.json', [{ ...plan41[0], extra: 'x' }, missing, { ...plan32[0], csvVersion: '209901' }, { ...plan41[0], serviceDate: 20250401 }]);
    const r = run(['check-records', 'UPPLAN', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.json レコード1 extra: [WRITE_UNKNOWN_FIELD] レコード1: レイアウトにない項目 extra があります');
    expect(r.stdout).toContain('bad.json レコード2 insurerNumber: [WRITE_MISSING_FIELD] レコード2: No.2「保険者番号」 がありません');
    expect(r.stdout).toContain('bad.json レコード3: [WRITE_NO_LAYOUT] UPPLAN のCSVバージョン 209901 のレイアウトは仕様にありません。');
    expect(r.stdout).toContain('bad.json レコード4 serviceDate: [WRITE_MISSING_FIELD]');
    const broken = run(['check-records', 'UPPLAN', 'samples/records/UPPLAN.202407.broken.json']).stdout;
    const codes = [...codesOf(r.stdout), ...codesOf(broken)];
    expect(codes).toEqual(expect.arrayContaining(['WRITE_UNKNOWN_FIELD', 'WRITE_MISSING_FIELD', 'WRITE_NO_LAYOUT', 'FIELD_INVALID_DATE']));
    for (const code of codes) expect(ruleOf(code), code).toBeDefined();
    expect(codes).not.toContain('UNKNOWN_KEY');
    expect(codes).not.toContain('MISSING_FIELD');
  });
});
