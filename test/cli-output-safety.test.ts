// Output never attacks the reader: a file name or value holding escape sequences (a colour, an OSC title
// change, a bidirectional override, a C1 CSI) is printed with its control characters shown as \uXXXX, on stdout
// and stderr, in every command and format — the Ctx escapes everything printed, so no call site can forget.
// JSON, SARIF and JUnit stay well-formed and keep the values. Checked through the format functions and the
// real command.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { makeCtx, type Io } from '../src/cli/context.js';
import { paint, terminalSafe, trusted } from '../src/report/style.js';
import { main } from '../src/cli/run.js';
import { runBuiltCommand as cli } from './support/built-command.js';
import { ROOT } from './support/paths.js';

vi.setConfig({ testTimeout: 60_000 });

const PLAN = join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
const ACTUAL = join(ROOT, 'samples/4.1/UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV');

/** What must never reach a terminal raw: C0 but tab and line feed, DEL, C1, bidi controls, line separators. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** The hostile ファイル連番: a red background, an OSC window-title change ended by BEL, a C1 CSI, a bidi override. */
const HOSTILE_SEQ = '2025\u001b[41m\u001b]0;pwned\u0007\u009b2J\u202e';
const HOSTILE_NAME = `UPPLAN_202504_1370100008_43_1370200006_11_${HOSTILE_SEQ}.CSV`;

function hostileFolder(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'careplan-hostile-'));
  const file = join(dir, HOSTILE_NAME);
  copyFileSync(PLAN, file);
  return { dir, file };
}

/** In process, with a terminal on stdout (colour on). */
function inProcess(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdoutIsTTY: true, stderrIsTTY: true, env: {} };
  return { code: main(argv, io), stdout, stderr };
}

describe('terminalSafe (the one place every printed text passes)', () => {
  it('no unsafe character survives, and JSON passed through it parses to the same values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const safe = terminalSafe(s);
        expect(safe).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(terminalSafe(JSON.stringify({ s }))).s).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows ESC, BEL, C1 and bidi controls as \\uXXXX and CR as \\r; keeps tab and line feed', () => {
    expect(terminalSafe('a\u001b[41mb\u0007\u009b\u202e\r\t\n')).toBe('a\\u001b[41mb\\u0007\\u009b\\u202e\\r\t\n');
  });

  it('lets the command`s own sequences through, and a forged marker stays text', () => {
    expect(terminalSafe(`${trusted('\r')}x${paint({ color: true }, 'red', 'E')}`)).toBe('\rx\u001b[31mE\u001b[0m');
    const forged = '\ue000\ue100\ue100\ue100\ue100\ue100\ue100\ue100\ue100001b005b00340031006d\ue001';
    expect(terminalSafe(forged)).toBe(forged);
  });

  it('every Ctx channel escapes: out, warn, stdout, stderr', () => {
    const seen: string[] = [];
    const ctx = makeCtx({ stdout: (s) => void seen.push(s), stderr: (s) => void seen.push(s), stdoutIsTTY: false, stderrIsTTY: false, env: {} }, 'en');
    ctx.out('\u001b]0;x\u0007');
    ctx.warn('\u001b[2J');
    ctx.stdout('\u009b');
    ctx.stderr('\u202e');
    expect(seen).toEqual(['\\u001b]0;x\\u0007\n', '\\u001b[2J\n', '\\u009b', '\\u202e']);
  });
});

describe('hostile file names through the real command', () => {
  it('validate text: the ファイル連番 escape sequences are shown, not sent (Japanese and English)', () => {
    const { dir } = hostileFolder();
    for (const lang of ['ja', 'en']) {
      const r = cli(['validate', dir, '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain('2025\\u001b[41m\\u001b]0;pwned\\u0007\\u009b2J\\u202e');
    }
  });

  it('validate json and sarif: valid JSON with the name kept exactly; junit: well-formed XML', () => {
    const { dir, file } = hostileFolder();
    const json = cli(['validate', dir, '--format', 'json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).files[0].file).toBe(file);
    const sarif = cli(['validate', dir, '--format', 'sarif']);
    expect(sarif.stdout).not.toMatch(RAW_CONTROL);
    const results = JSON.parse(sarif.stdout).runs[0].results as { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.some((r) => decodeURIComponent(r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '').endsWith(HOSTILE_NAME))).toBe(true);
    const junit = cli(['validate', dir, '--format', 'junit']);
    expect(junit.stdout).not.toMatch(RAW_CONTROL);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
  });

  it('I/O error lines on stderr: the path is shown escaped', () => {
    const { dir } = hostileFolder();
    const missing = join(dir, `missing\u001b]0;pwned\u0007.CSV`);
    for (const args of [['validate', missing], ['inspect', missing], ['diff', missing, ACTUAL]]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('missing\\u001b]0;pwned\\u0007.CSV');
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
  });

  it('name, inspect, diff and fix print the name escaped', () => {
    const { dir, file } = hostileFolder();
    const out = join(dir, 'out');
    mkdirSync(out);
    for (const args of [['name', HOSTILE_NAME], ['inspect', file], ['diff', file, ACTUAL], ['fix', file, '--out-dir', out], ['fix', file, '--out-dir', out, '--format', 'json']]) {
      const r = cli(args);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(r.stderr, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toContain('\\u001b');
    }
  });

  it('with colour on a terminal, only the command`s own colour codes are raw', () => {
    const { dir } = hostileFolder();
    const r = inProcess(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    const raw = r.stdout.match(/\u001b\[[0-9;]*m/g) ?? [];
    expect(raw.length).toBeGreaterThan(0);
    expect(new Set(raw)).toEqual(new Set(raw.filter((s) => ['\u001b[31m', '\u001b[33m', '\u001b[32m', '\u001b[36m', '\u001b[2m', '\u001b[1m', '\u001b[0m'].includes(s))));
    expect(r.stdout.replace(/\u001b\[(31|33|32|36|2|1|0)m/g, '')).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u001b[41m');
  });
});
