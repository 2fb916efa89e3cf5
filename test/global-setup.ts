// Build dist/ once before the tests, so that the end-to-end tests run the command as installed (node
// dist/src/cli/main.js) from the current sources.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    // The same as `npx tsc -p tsconfig.build.json`, without npx's start-up.
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    // tsc still emits on type errors; the type check proper is `npm run typecheck`. Fail only when nothing was built.
    const out = String((e as { stdout?: Buffer }).stdout ?? '');
    if (!existsSync(join(root, 'dist/src/cli/main.js'))) throw new Error(`build failed:\n${out}`);
    process.stderr.write(`global-setup: tsc reported problems (dist was still emitted):\n${out}\n`);
  }
}
