// The command sessions shown in docs/command.md, run as shown: each `$ careplan-csv …` line is run with bash in a
// scratch folder holding the bundled samples (the built command on PATH as `careplan-csv`), and the lines shown
// after it must appear in its output, in order (`…` stands for lines left out; a line ending in `…` is a prefix).
// `$ echo $?` lines check the exit code of the command before them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Step {
  readonly command: string;
  readonly expected: string[];
}
interface Session {
  readonly line: number;
  readonly steps: Step[];
}

/** The sessions of a page: fenced blocks (of no language) whose first line is a `$ ` command. */
function sessions(markdown: string): Session[] {
  const found: Session[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const start = i + 1;
    while (++i < lines.length && lines[i]!.trim() !== '```');
    if (fence[2]) continue; // a block in a language (yaml, sh …), not a session
    const body = lines.slice(start, i).map((l) => l.slice(indent));
    if (!body[0]?.startsWith('$ ')) continue;
    const steps: Step[] = [];
    for (const line of body) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
      else steps.at(-1)!.expected.push(line);
    }
    found.push({ line: start + 1, steps });
  }
  return found;
}

/** Whether the expected lines appear in the output in order; returns the first that does not. */
function firstMissing(expected: readonly string[], output: string): string | undefined {
  const lines = output.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const raw of expected) {
    const want = raw.trimEnd();
    if (want.trim() === '…' || want.trim() === '') continue;
    const prefix = want.endsWith('…');
    const text = prefix ? want.slice(0, -1) : want;
    const found = lines.findIndex((l, i) => i >= at && (prefix ? l.startsWith(text) : l === text));
    if (found < 0) return raw;
    at = found + 1;
  }
  return undefined;
}

const page = readFileSync('docs/command.md', 'utf8');
const shown = sessions(page);
const app = mkdtempSync(join(tmpdir(), 'careplan-transcripts-'));

beforeAll(() => {
  // The command as installed, and the files the sessions use besides the samples.
  mkdirSync(join(app, 'bin'));
  writeFileSync(join(app, 'bin/careplan-csv'), `#!/bin/sh\nexec "${process.execPath}" "${resolve('dist/src/cli/main.js')}" "$@"\n`);
  chmodSync(join(app, 'bin/careplan-csv'), 0o755);
  // recs.json: the sample 第6表 with a wave dash (U+301C) in record 3's プラン担当者名, which MS932 cannot hold.
  const plan = 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV';
  const inspected = JSON.parse(execFileSync(process.execPath, ['dist/src/cli/main.js', 'inspect', plan], { encoding: 'utf8' })) as {
    records: { fields: { key: string; value: string }[] }[];
  };
  inspected.records[2]!.fields.find((f) => f.key === 'careManagerName')!.value = '山田〜花子';
  writeFileSync(join(app, 'recs.json'), JSON.stringify(inspected));

});

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('docs/command.md sessions', () => {
  it('has sessions of every command it documents', () => {
    const commands = new Set(shown.flatMap((s) => s.steps.map((step) => /careplan-csv (\w+)/.exec(step.command)?.[1])));
    expect([...commands].filter(Boolean).sort()).toEqual(expect.arrayContaining(['convert', 'diff', 'fix', 'inspect', 'name', 'validate']));
  });

  it.each(shown.map((s) => [`docs/command.md:${s.line}`, s] as const))('%s runs as shown', (_, session) => {
    // Each session in a folder of its own (what one writes, another does not see), with the samples.
    const cwd = join(app, `session-${session.line}`);
    mkdirSync(join(cwd, 'empty'), { recursive: true });
    symlinkSync(resolve('samples'), join(cwd, 'samples'));
    copyFileSync(join(app, 'recs.json'), join(cwd, 'recs.json'));
    let status = 0;
    for (const step of session.steps) {
      if (step.command === 'echo $?') {
        expect(`${status}`, `exit code of the command before line ${session.line}`).toBe(step.expected[0]);
        continue;
      }
      // stdout and stderr in one stream, in the order a terminal shows them; the command's own redirections apply.
      const run = spawnSync('bash', ['-c', `{ ${step.command}\n} 2>&1`], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(app, 'bin')}:${process.env['PATH']}`, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      status = run.status ?? -1;
      const missing = firstMissing(step.expected, run.stdout);
      expect(missing, `$ ${step.command}\n--- output ---\n${run.stdout}`).toBeUndefined();
    }
  });
});
