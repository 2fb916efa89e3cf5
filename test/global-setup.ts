// Build dist/ once before the tests, so that the end-to-end tests run the command as installed (node
// dist/src/cli/main.js) and the CommonJS tests require the package (dist/cjs) from the current sources.
// And give the run one temporary folder of its own: the tests make hundreds of folders (os.tmpdir() reads TMPDIR,
// in the test processes, the commands they spawn and the browser), removed together when the run ends instead of
// each test cleaning up after itself — a run used to leave about a hundred behind in /tmp.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const runTmp = mkdtempSync(join(tmpdir(), 'careplan-test-run-'));
  process.env['TMPDIR'] = runTmp;
  const teardown = () => rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
  try {
    build();
  } catch (e) {
    teardown();
    throw e;
  }
  return teardown;
}

function build(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // The same as `npm run build` (dist/ emptied, so that no file of a removed or renamed source is left to test;
  // the ES modules and the command; the CommonJS build behind the "require" conditions; the bundled command of
  // package.json "bin"; the validator page), without npm's start-up.
  execFileSync(process.execPath, ['scripts/clean-dist.mjs'], { cwd: root, stdio: 'pipe' });
  const steps: [args: string[], built: string][] = [
    [[tsc, '-p', 'tsconfig.build.json'], 'dist/src/cli/main.js'],
    [[tsc, '-p', 'tsconfig.cjs.json'], 'dist/cjs/src/index.js'],
    [['scripts/cjs-package.mjs'], 'dist/cjs/package.json'],
    [['scripts/bundle-cli.mjs'], 'dist/bin/careplan-csv.cjs'],
    [['scripts/build-page.mjs'], 'dist/page/careplan-csv-validator.html'],
  ];
  for (const [args, built] of steps) {
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    } catch (e) {
      // tsc still emits on type errors; the type check proper is `npm run typecheck`. Fail only when nothing was built.
      const out = String((e as { stdout?: Buffer }).stdout ?? '');
      if (!existsSync(join(root, built))) throw new Error(`build failed:\n${out}`);
      process.stderr.write(`global-setup: ${args.join(' ')} reported problems (dist was still emitted):\n${out}\n`);
    }
  }
}
