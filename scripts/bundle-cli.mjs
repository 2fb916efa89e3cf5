// The command as package.json "bin" runs it: dist/src/cli/main.js (tsc's output, ~140 ES modules) bundled by
// rolldown (vite's bundler, a devDependency) into dist/bin/careplan-csv.cjs and a few chunks, so that a cold
// start reads, resolves and compiles a handful of files instead of every module. Issue 16 measured the command
// on one small file at ~0.4 s with Node itself at ~0.14 s: most of the rest was loading modules.
// - CommonJS: an ES module importing node:fs makes Node build the ES facade of every export of node:fs, which
//   loads fs/promises and the stream modules the command never uses; require() does not.
// - Split at the command's dynamic imports (src/cli/main.ts): validate and check load only their chunk, as the
//   unbundled command does; the other commands (and zod, for the typed commands) are in chunks of their own.
// - Whitespace removed but names kept (no mangling, no compression): stack traces stay readable and nothing
//   can depend on a renamed function; V8 scans fewer bytes.
// dist/src/cli/main.js stays as it is (the tests spawn it); test/cli-bundle.test.ts checks that both print the
// same. Run by `npm run build` after tsc.
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'rolldown';

const OUT = 'dist/bin';

rmSync(OUT, { recursive: true, force: true });
await build({
  input: 'dist/src/cli/main.js',
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: OUT,
    format: 'cjs',
    entryFileNames: 'careplan-csv.cjs',
    chunkFileNames: '[name]-[hash].cjs',
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  },
});
// Executable as checked out, as npm makes a bin when it installs the package.
chmodSync(`${OUT}/careplan-csv.cjs`, 0o755);
