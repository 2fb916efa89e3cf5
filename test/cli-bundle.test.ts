// The command of package.json "bin" is a bundle of dist/src/cli/main.js (scripts/bundle-cli.mjs, run by
// `npm run build` and by test/global-setup.ts), made for a faster cold start. It must be the same command: same
// stdout, stderr and exit code as the unbundled build on the samples, in every output format, and for help,
// version and the other commands (which the bundle loads from chunks of their own).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };
const BIN = join(ROOT, pkg.bin['careplan-csv']!);

const run = (entry: string, args: string[]) => {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, encoding: 'utf8', input: '', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const csvs = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((n) => /\.csv$/i.test(n))
    .sort()
    .map((n) => `${dir}/${n}`);

const S41 = csvs('samples/4.1');
const cases: string[][] = [
  ...['text', 'json', 'sarif', 'junit', 'csv'].flatMap((f) => [
    ['validate', 'samples', '--format', f],
    ['validate', 'samples/broken', '--format', f],
    ['validate', S41[0]!, '--format', f],
  ]),
  ['validate', 'samples/4.1', '--lang', 'en'],
  ['check', 'samples/3.2', '--format', 'json'],
  ['validate', 'no-such-file.CSV'],
  ['validate', '--no-such-option'],
  ['--help'],
  ['validate', '--help'],
  ['--version'],
  ['layouts'],
  ['layout', 'UPPLAN'],
  ['name', S41[0]!.split('/').pop()!],
  ['inspect', S41[0]!],
];

describe('the bundled command (package.json "bin")', () => {
  it('is built by `npm run build` and shipped', () => {
    expect(pkg.bin['careplan-csv']).toBe('./dist/bin/careplan-csv.cjs');
    expect(pkg.scripts['build']).toContain('node scripts/bundle-cli.mjs');
    expect(pkg.files).toContain('dist');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.each(cases.map((args) => [args.join(' '), args] as const))('prints what dist/src/cli/main.js prints: %s', (_, args) => {
    const bundled = run(BIN, args);
    const built = run(CLI, args);
    expect(bundled).toEqual(built);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
  });
});
