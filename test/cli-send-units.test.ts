// The command's building blocks, in process: output-name safety, spreadsheet- and XML-safe text, SARIF URIs,
// the CSV shape scanner behind `fix`. (The line of a byte offset: test/issue-lines.test.ts.)
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/context.js';
import { MARK_SYMBOL, markOf, unitTypeName } from '../src/report/summary.js';
import { visitsText } from '../src/cli/commands/diff.js';
import { refusalReason } from '../src/cli/commands/fix.js';
import { atProfile } from '../src/cli/commands/inspect.js';
import { checkNamePart } from '../src/cli/commands/name.js';
import { readRecordsFile } from '../src/cli/records.js';
import { ruleOf, SEND_UNITS, type Issue } from '../src/core.js';
import { makeIssue } from '../src/issues.js';
import { cellSafe, xmlText } from '../src/report/junit.js';
import { artifactUri } from '../src/report/sarif.js';
import { displayWidth, visible } from '../src/report/style.js';
import { planOutput, unsafeNameReason } from '../src/cli/output.js';
import { main } from '../src/cli/run.js';

describe('output names', () => {
  it.each([
    '../UPPLAN.CSV',
    '..',
    '.',
    '',
    'a/../../b.CSV',
    '/etc/passwd',
    'C:\\Windows\\x.CSV',
    'C:x.CSV',
    '\\\\server\\share\\x.CSV',
    'dir/UPPLAN.CSV',
    'dir\\UPPLAN.CSV',
    'UPPLAN..CSV',
    'CON',
    'con.csv',
    'NUL.CSV',
    'Aux.txt',
    'COM1.CSV',
    'lpt9',
    'COM¹.CSV',
    'CON .CSV',
    'x.CSV.',
    'x.CSV ',
    'a\u0000b.CSV',
    'a:b.CSV',
    'a|b.CSV',
    `${'A'.repeat(256)}.CSV`,
  ])('refuses %j', (name) => {
    expect(unsafeNameReason(name)).toBeDefined();
  });

  it.each(['UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV', 'UPKIHON_IMAGE_1370300004_46_1370400002_A1_20250401080000_0001.jpg', 'CONSOLE.CSV', 'COM10.CSV'])(
    'accepts %j',
    (name) => {
      expect(unsafeNameReason(name)).toBeUndefined();
    },
  );

  it('resolves inside --out-dir only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-out-'));
    mkdirSync(join(dir, 'out'));
    expect(planOutput('t', join(dir, 'out'), 'A.CSV', false).target).toBe(join(dir, 'out', 'A.CSV'));
    expect(() => planOutput('t', join(dir, 'out'), '../A.CSV', false)).toThrow(CliError);
    expect(() => planOutput('t', join(dir, 'out'), join(dir, 'A.CSV'), false)).toThrow(/absolute path/);
  });

  it('says that an --out-dir which is a file is not a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-out-'));
    writeFileSync(join(dir, 'afile'), '');
    expect(() => planOutput('t', join(dir, 'afile'), 'A.CSV', false)).toThrow(/is not a folder \(it is a file\)/);
  });
});

describe('the marks of files and send units (command and page)', () => {
  const issue = (severity: Issue['severity']) => ({ severity });
  it('are ✗ for errors, ⚠ for warnings only, ✓ otherwise; info does not count', () => {
    expect(markOf([])).toBe('ok');
    expect(markOf([issue('info')])).toBe('ok');
    expect(markOf([issue('info'), issue('warning')])).toBe('warning');
    expect(markOf([issue('warning'), issue('error')])).toBe('error');
    expect(MARK_SYMBOL).toEqual({ error: '✗', warning: '⚠', ok: '✓' });
  });

  it('name every send-unit type in Japanese and English', () => {
    for (const u of SEND_UNITS) {
      const name = unitTypeName(u.id)!;
      expect(name.ja, u.id).toMatch(/[\u3040-\u9fff]/);
      expect(name.en, u.id).toMatch(/^[ -~]+$/);
      expect(name.ja).not.toContain(u.id);
    }
    expect(unitTypeName(undefined)).toBeUndefined();
    expect(unitTypeName('nope')).toBeUndefined();
  });
});

describe('command details', () => {
  it('diff shows the time 9999 (a service without a time of day) in words', () => {
    const v = (start: string, end: string, count = '1') => ({ start, end, count, line: 1 });
    expect(visitsText([v('9999', '9999')], false)).toBe('時間指定なし×1');
    expect(visitsText([v('9999', '9999', '2'), v('1000', '1045')], true)).toBe('no time×2, 1000-1045×1');
    expect(visitsText([], true)).toBe('—');
  });

  it('inspect raises the lenient profile\'s lowered issues back to their strict severity, and no other', () => {
    const lowered = makeIssue('CSV_HEADER_ROW', 'warning', 'x', 'x', { line: 1 });
    const warning = makeIssue('CSV_LF_LINE_ENDINGS', 'warning', 'x', 'x');
    expect(ruleOf('CSV_HEADER_ROW')!.lowered).toBe('lenientProfile');
    expect(atProfile([lowered, warning], 'strict').map((i) => i.severity)).toEqual(['error', 'warning']);
    expect(atProfile([lowered, warning], 'lenient').map((i) => i.severity)).toEqual(['warning', 'warning']);
  });

  it('fix gives the reason of a refusal that applies', () => {
    const of = (code: string) => makeIssue(code, 'error', 'x', 'x');
    expect(refusalReason([of('CSV_EMPTY_FILE')]).en).toContain('the file is empty');
    expect(refusalReason([of('CSV_UNKNOWN_KIND')]).en).toContain('kind or CSV version is not known');
    expect(refusalReason([of('CSV_UNMAPPABLE_CHAR')]).en).toContain('characters MS932 cannot hold');
    expect(refusalReason([of('CSV_FIELD_COUNT'), of('CSV_UNMAPPABLE_CHAR')]).en).toContain('would change or lose data');
  });

  it('name parts holding "_", "." or a path separator are refused with what the option holds', () => {
    expect(() => checkNamePart('t', 'timestamp', '../../x')).toThrow(/--timestamp "\.\.\/\.\.\/x" is not 14 digits/);
    expect(() => checkNamePart('t', 'month', '2025_04')).toThrow(/is not 6 digits/);
    expect(() => checkNamePart('t', 'from', '1370100008_1/43')).toThrow(/is not OFFICE\/SERVICE_TYPE/);
    expect(() => checkNamePart('t', 'from', '1370100008/43')).not.toThrow();
    expect(() => checkNamePart('t', 'timestamp', '2025')).not.toThrow(); // the length is buildFileName's to report
  });

  it('records that are not objects are refused, naming the first one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-rec-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(() => readRecordsFile('t', file('a.json', '[{"a":"1"}, null]'))).toThrow(/element 2 is not an object \(null\)/);
    expect(() => readRecordsFile('t', file('b.json', '{"records": ["x"]}'))).toThrow(/element 1 is not an object/);
    expect(() => readRecordsFile('t', file('c.ndjson', '{"a":"1"}\n[1]\n'))).toThrow(/record 2 is not an object/);
    expect(readRecordsFile('t', file('d.json', '[{"a":"1"}]')).records).toEqual([{ a: '1' }]);
  });
});

describe('spreadsheet and XML safety', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const v of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(cellSafe(v)).toBe(`'${v}`);
    for (const v of ['1-2', 'a=b', '', '髙田']) expect(cellSafe(v)).toBe(v);
  });

  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(xmlText('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
    expect(xmlText('=cmd')).toBe("'=cmd");
    expect(xmlText('x\u0001y\uffffz')).toBe('x\\u0001y\\uffffz');
    expect(xmlText('𠮷\n')).toBe('𠮷\n');
  });
});

describe('text helpers', () => {
  it('shows control characters', () => {
    expect(visible('a\u001b[31m\r\n\tb\u0085')).toBe('a\\u001b[31m\\r\\n\\tb\\u0085');
  });
  it('measures East Asian width', () => {
    expect(displayWidth('保険者番号')).toBe(10);
    expect(displayWidth('ﾀｶﾊｼ')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
  });
});

describe('SARIF URIs', () => {
  it('keeps relative paths relative, with forward slashes, percent-encoded', () => {
    expect(artifactUri('samples/4.1/UPPLAN_x.CSV')).toBe('samples/4.1/UPPLAN_x.CSV');
    expect(artifactUri('exports\\a b.CSV')).toBe('exports/a%20b.CSV');
    expect(artifactUri('出力/UPPLAN.CSV')).toBe('%E5%87%BA%E5%8A%9B/UPPLAN.CSV');
    expect(artifactUri('/srv/exports/x.CSV')).toBe('file:///srv/exports/x.CSV');
    expect(artifactUri('C:\\x\\y.CSV')).toBe('file:///C:/x/y.CSV');
  });
});

describe('colour and progress (in process, with a pretend terminal)', () => {
  const collect = (argv: string[], tty: boolean, env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = main(argv, {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      stdoutIsTTY: tty,
      stderrIsTTY: tty,
      env,
    });
    return { code, stdout, stderr };
  };

  it('colours only a terminal, and never with NO_COLOR', () => {
    expect(collect(['validate', 'samples/broken'], true).stdout).toContain('\u001b[31m');
    expect(collect(['validate', 'samples/broken'], true, { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(collect(['validate', 'samples/broken'], false).stdout).not.toContain('\u001b[');
  });

  it('shows progress on a terminal for many files only', () => {
    const many = collect(['validate', 'samples/4.1', 'samples/3.2', '--format', 'json'], true);
    expect(many.stderr).toContain('検証中 / validating 41/41');
    expect(JSON.parse(many.stdout).summary.files).toBe(41);
    expect(collect(['validate', 'samples/broken'], true).stderr).toBe('');
    expect(collect(['validate', 'samples/4.1', 'samples/3.2'], false).stderr).toBe('');
  });
});

describe('structure of src/cli', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const files = readdirSync(join(root, 'src/cli'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, 'src/cli', f));
  const importsOf = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'";]*?from '([^']+)'/gm)].map((m) => m[1]!).filter((s) => s.startsWith('.'));

  // src/core.ts is the public API minus the zod schemas: the command's cold start does not load zod. The
  // reports are the library's too (src/report, used by the page as well), built on src/core.ts's modules.
  it('uses the library only through its public API (src/core.ts) and the report builders (src/report)', () => {
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (target.startsWith(join(root, 'src/cli'))) continue;
        if (target.startsWith(join(root, 'src/report') + sep)) continue;
        expect(target, `${file} imports ${spec}`).toBe(join(root, 'src/core.ts'));
      }
    }
  });

  it('has report builders that import neither the command nor the zod schemas (src/index.ts)', () => {
    const reports = readdirSync(join(root, 'src/report')).map((f) => join(root, 'src/report', f));
    expect(reports.length).toBeGreaterThan(5);
    for (const file of reports) {
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        expect(target.startsWith(join(root, 'src/cli') + sep), `${file} imports ${spec}`).toBe(false);
        expect([join(root, 'src/index.ts'), join(root, 'src/schemas/record-schema.ts'), join(root, 'src/documents/document-schema.ts')], `${file} imports ${spec}`).not.toContain(target);
      }
    }
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts'))).filter((t) => t.startsWith(join(root, 'src/cli')))]));
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') throw new Error(`import cycle: ${[...path, f].map((p) => p.slice(root.length + 1)).join(' → ')}`);
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(files.length).toBeGreaterThan(10);
  });
});
