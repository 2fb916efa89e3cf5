// Docs that run: every TypeScript block of the reference pages (docs/*.md) and every complete block of the
// README (one that starts with its imports) is type-checked against the built package and run with node, as a
// vendor would paste it. A block imports 'careplan-csv' by name: inside this package that resolves to dist/
// through the package's own "exports" (Node's self-reference), which global-setup has just built.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Block {
  readonly source: string;
  readonly line: number;
  readonly code: string;
  /** Marked `<!-- fragment -->` on the line before the fence: shown, not run (a browser-only snippet, a shape). */
  readonly fragment: boolean;
}

/** The ```ts blocks of a Markdown text, with the line each starts on. */
function tsBlocks(source: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    while (++i < lines.length && lines[i] !== '```');
    const fragment = lines[start - 2]?.trim() === '<!-- fragment -->';
    blocks.push({ source, line: start + 1, code: lines.slice(start, i).join('\n'), fragment });
  }
  return blocks;
}

const complete = (b: Block) => !b.fragment && /^import\s/m.test(b.code.split('\n').find((l) => l.trim() !== '' && !l.startsWith('//')) ?? '');

const readme = tsBlocks('README.md', readFileSync('README.md', 'utf8'));
const pages = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => tsBlocks(`docs/${f}`, readFileSync(join('docs', f), 'utf8')));
const runnable = [...readme.filter(complete), ...pages];
// README blocks that are still fragments (a shape, a loop body): their number may only go down.
const README_FRAGMENTS = 4;

const dir = '.docs-run';
// Examples run in a scratch folder (what they write stays out of the project) that sees the bundled samples.
const cwd = mkdtempSync(join(tmpdir(), 'careplan-docs-'));
const fileOf = (b: Block, ext: string) => join(dir, `${b.source.replace(/[^A-Za-z0-9]+/g, '-')}-L${b.line}.${ext}`);

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(resolve('samples'), join(cwd, 'samples'));
  for (const b of runnable) {
    writeFileSync(fileOf(b, 'mts'), `${b.code}\nexport {};\n`);
    const js = ts.transpileModule(b.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(fileOf(b, 'mjs'), js.outputText);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { rootDir: '.', noEmit: true, noUnusedLocals: false }, include: ['*.mts'] }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

describe('docs that run', () => {
  it('has a reference page with runnable examples, and the README few fragments', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(readme.length - readme.filter(complete).length).toBeLessThanOrEqual(README_FRAGMENTS);
  });

  it('every block type-checks against the package as published', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    expect(out).toBe('');
  });

  it.each(runnable.map((b) => [`${b.source}:${b.line}`, b] as const))('%s runs', (_, b) => {
    // Exits 0 and prints nothing on stderr: an example that throws or warns fails here.
    const result = execFileSync(process.execPath, [resolve(fileOf(b, 'mjs'))], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(typeof result).toBe('string');
  });
});
