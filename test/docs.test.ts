// Docs that run: every TypeScript and JavaScript block of the README and of the reference pages (docs/*.md) is run
// with node as a vendor would paste it, from a program that has installed the package (node_modules/careplan-csv
// is this package, built by global-setup); TypeScript blocks are type-checked against the built package first.
// Every export of the two entries has its row in docs/api.md, and every link between the pages leads somewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Block {
  readonly source: string;
  readonly line: number;
  readonly lang: 'ts' | 'js';
  readonly code: string;
  /** Marked `<!-- fragment -->` on the line before the fence: shown, not run. */
  readonly fragment: boolean;
}

const PAGES = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = new Map(PAGES.map((p) => [p, readFileSync(p, 'utf8')]));

/** The ```ts and ```js blocks of a Markdown text, with the line each starts on. */
function codeBlocks(source: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|js)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const start = i + 1;
    while (++i < lines.length && lines[i] !== '```');
    const fragment = lines[start - 2]?.trim() === '<!-- fragment -->';
    blocks.push({ source, line: start + 1, lang: fence[1] as 'ts' | 'js', code: lines.slice(start, i).join('\n'), fragment });
  }
  return blocks;
}

const blocks = PAGES.flatMap((p) => codeBlocks(p, text.get(p)!));
const runnable = blocks.filter((b) => !b.fragment);
// Blocks shown and not run: their number may only go down.
const FRAGMENTS = 0;

const dir = '.docs-run';
// The examples run in a scratch program folder (what they write stays out of the project) that has the package
// installed, the example's other dependencies, and the bundled samples at ./samples.
const app = mkdtempSync(join(tmpdir(), 'careplan-docs-'));
const fileOf = (b: Block, ext: string) => join(dir, `${b.source.replace(/[^A-Za-z0-9]+/g, '-')}-L${b.line}.${ext}`);
const scriptOf = (b: Block) => join(app, `${b.source.replace(/[^A-Za-z0-9]+/g, '-')}-L${b.line}.mjs`);

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(resolve('.'), join(app, 'node_modules/careplan-csv'), 'dir');
  for (const dep of ['ajv', 'ajv-formats', 'zod']) symlinkSync(resolve('node_modules', dep), join(app, 'node_modules', dep), 'dir');
  symlinkSync(resolve('samples'), join(app, 'samples'));
  for (const b of runnable) {
    if (b.lang === 'ts') writeFileSync(fileOf(b, 'mts'), `${b.code}\nexport {};\n`);
    const js = b.lang === 'ts' ? ts.transpileModule(b.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText : b.code;
    writeFileSync(scriptOf(b), js);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { rootDir: '.', noEmit: true, noUnusedLocals: false }, include: ['*.mts'] }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(app, { recursive: true, force: true });
});

describe('docs that run', () => {
  it('has runnable examples on the README and the reference pages, and few fragments', () => {
    expect(runnable.filter((b) => b.source === 'README.md').length).toBeGreaterThan(0);
    expect(runnable.filter((b) => b.source !== 'README.md').length).toBeGreaterThan(10);
    expect(blocks.filter((b) => b.fragment).map((b) => `${b.source}:${b.line}`)).toHaveLength(FRAGMENTS);
  });

  it('every block is complete: it imports the package by its name, never a path into it', () => {
    for (const b of runnable) {
      expect(b.code, `${b.source}:${b.line}`).toMatch(/from 'careplan-csv(\/core)?'|require\('careplan-csv/);
      expect(b.code, `${b.source}:${b.line}`).not.toMatch(/from '\.|from 'careplan-csv\/(?!core')/);
    }
  });

  it('every TypeScript block type-checks against the package as published', () => {
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
    const result = execFileSync(process.execPath, [scriptOf(b)], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(typeof result).toBe('string');
  });
});

/** Every name a module exports, values and types alike, as TypeScript sees it. */
function exportsOf(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(module).map((s) => s.name);
}

describe('docs/api.md', () => {
  const api = readFileSync('docs/api.md', 'utf8');
  /** The names of the rows of api.md's tables: a row starts with the name in backticks. */
  const rows = [...api.matchAll(/^\| `([A-Za-z_$][\w$]*)`/gm)].map((m) => m[1]!);
  const exported = new Set([...exportsOf('src/index.ts'), ...exportsOf('src/core.ts')]);

  it('documents every export of careplan-csv and careplan-csv/core, each once', () => {
    expect(exported.size).toBeGreaterThan(100);
    expect([...exported].filter((name) => !rows.includes(name))).toEqual([]);
    expect(rows.filter((name, i) => rows.indexOf(name) !== i)).toEqual([]);
  });

  it('documents nothing that is not exported', () => {
    expect(rows.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('says which exports are not in careplan-csv/core', () => {
    const core = new Set(exportsOf('src/core.ts'));
    const rootOnly = [...exported].filter((name) => !core.has(name)).sort();
    const section = api.slice(api.indexOf('## Schemas and JSON'));
    const listed = [...section.matchAll(/^\| `([A-Za-z_$][\w$]*)`/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(rootOnly);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation but hyphens dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6} (.*)$/.exec(line);
    if (heading) anchors.add(slug(heading[1]!));
  }
  return anchors;
}

describe('links between the pages', () => {
  it.each(PAGES)('%s: every relative link names a file that exists, and a heading of it', (page) => {
    const broken: string[] = [];
    let inFence = false;
    for (const line of text.get(page)!.split('\n')) {
      if (/^\s*```/.test(line)) inFence = !inFence;
      if (inFence) continue;
      for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const file = path === '' ? page : join(dirname(page), path);
        if (!existsSync(file)) broken.push(target!);
        else if (anchor !== undefined && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) broken.push(target!);
      }
    }
    expect(broken).toEqual([]);
  });
});
