// CommonJS users: `require('careplan-csv')` and `require('careplan-csv/core')` load (the "require" conditions
// point at the CommonJS build in dist/cjs, built by test/global-setup.ts as `npm run build` builds it), and
// @arethetypeswrong/cli finds no problem in the packed package for any resolution mode, TypeScript's
// node16-from-CommonJS included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';


describe('CommonJS', () => {
  it('a .cjs file requires both entries by name and calls them', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'test/fixtures/commonjs/require-both.cjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rootKind: string; rootSchema: string; coreHasSchema: boolean; coreCodes: string[]; resolved: string[] };
    expect(out).toEqual({
      rootKind: 'UPPLAN',
      rootSchema: 'function',
      // The core entry stays without zod, as for ES module users.
      coreHasSchema: false,
      coreCodes: ['CSV_EMPTY_FILE'],
      resolved: [join(ROOT, 'dist/cjs/src/index.js'), join(ROOT, 'dist/cjs/src/core.js')],
    });
  });

  it('the CommonJS build is read as CommonJS, and the command package.json names runs', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/cjs/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const r = spawnSync(process.execPath, [join(ROOT, pkg.bin['careplan-csv']!), '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it('runs no script when installed: the build is `prepack` (publishing), not `prepare` or an install hook', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook], hook).toBeUndefined();
    expect(pkg.scripts['prepack']).toBe('npm run build');
  });

  it('@arethetypeswrong/cli: no problem in any resolution mode, each entry typed by the build it loads', () => {
    // Packed without scripts (dist/ is already built; `prepack` would build it again), offline.
    const dir = mkdtempSync(join(tmpdir(), 'careplan-attw-'));
    try {
      const npm = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
      expect(npm.status, npm.stderr).toBe(0);
      const packed = (JSON.parse(npm.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
      // No source map (it would point at TypeScript sources the package does not ship).
      expect(packed.files.map((f) => f.path).filter((p) => p.endsWith('.map'))).toEqual([]);
      const tarball = join(dir, packed.filename);
      const attw = join(dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');
      const r = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
      const result = JSON.parse(r.stdout) as {
        analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
      };
      expect(result.analysis.problems).toEqual([]);
      expect(r.status).toBe(0);
      for (const entry of ['.', './core']) {
        const types = (mode: string) => result.analysis.entrypoints[entry]!.resolutions[mode]!.resolution!.fileName;
        expect(types('node16-cjs')).toMatch(/\/dist\/cjs\/src\/(index|core)\.d\.ts$/);
        expect(types('node10')).toMatch(/\/dist\/cjs\/src\/(index|core)\.d\.ts$/);
        expect(types('node16-esm')).toMatch(/\/dist\/src\/(index|core)\.d\.ts$/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
