// npm run bundle-size: what the library costs a browser page. Each entry is bundled as a page's bundler
// would (Vite, ES module, every dependency bundled, minified, exports kept), then measured raw, gzip and
// brotli. Checks that no entry reaches for Node (a node: import, Buffer, or a module Vite had to stub),
// and that importing only parseFileName leaves the CSV and encoding code out (tree-shaking).
//
//   node scripts/bundle-size.mjs            the table (markdown), exit 1 when a check fails
//   node scripts/bundle-size.mjs --json     the same as JSON
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => JSON.stringify(join(root, p).replace(/\\/g, '/'));

/** Code that only the CSV reader/writer and the MS932 codec contain (class names, unminified, and strings). */
const CODEC_MARKERS = ['CsvTokenizer', 'RowProcessor', 'ByteDecoder', 'shift_jis', 'CSV_NOT_MS932'];

const ENTRIES = [
  { name: 'careplan-csv (src/index.ts, everything)', code: `export * from ${src('src/index.ts')};` },
  { name: 'careplan-csv core (src/core.ts, no zod)', code: `export * from ${src('src/core.ts')};` },
  {
    name: "import { parseFileName } from core",
    code: `export { parseFileName } from ${src('src/core.ts')};`,
    withoutCodec: true,
  },
  {
    name: 'import { readCsvFile } from core',
    code: `export { readCsvFile } from ${src('src/core.ts')};`,
  },
  {
    name: 'import { validateFiles } from core',
    code: `export { validateFiles } from ${src('src/core.ts')};`,
  },
  {
    name: 'import { validateFiles } from the package root',
    code: `export { validateFiles } from ${src('src/index.ts')};`,
  },
  {
    name: 'import { parseFileName } from the package root',
    code: `export { parseFileName } from ${src('src/index.ts')};`,
    withoutCodec: true,
  },
];

async function bundle(entryFile, minify) {
  const warnings = [];
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      // An application build with the entry's exports kept: fully minified, as a page ships it (Vite's
      // library mode leaves the whitespace of ES output unminified).
      rollupOptions: {
        input: entryFile,
        preserveEntrySignatures: 'strict',
        output: { format: 'es' },
        onwarn(w) {
          warnings.push(String(w.message ?? w));
        },
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  return { code: chunks.map((c) => c.code).join('\n'), chunks: chunks.length, warnings };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const tmp = mkdtempSync(join(tmpdir(), 'careplan-bundle-'));
const rows = [];
const failures = [];
try {
  for (const [i, entry] of ENTRIES.entries()) {
    const file = join(tmp, `entry${i}.js`);
    writeFileSync(file, `${entry.code}\n`);
    const min = await bundle(file, true);
    const plain = await bundle(file, false);
    const bytes = Buffer.from(min.code);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const nodeOnly = [
      ...(/\bfrom\s*["']node:|import\(["']node:|require\(["']node:/.test(plain.code) ? ['node: import'] : []),
      ...(/\bBuffer\.(from|alloc|concat|isBuffer)\b/.test(plain.code) ? ['Buffer'] : []),
      ...(plain.code.includes('__vite-browser-external') ? ['a Node module stubbed by Vite'] : []),
      ...min.warnings.filter((w) => /externalized for browser compatibility/i.test(w)),
    ];
    const codecFound = CODEC_MARKERS.filter((m) => plain.code.includes(m));
    rows.push({
      entry: entry.name,
      minified: bytes.length,
      gzip,
      brotli,
      nodeOnly,
      codecMarkers: codecFound,
      containsZod: /\bZodError\b|\$ZodType\b/.test(plain.code),
    });
    if (nodeOnly.length) failures.push(`${entry.name}: Node-only code: ${nodeOnly.join(', ')}`);
    if (entry.withoutCodec && codecFound.length) failures.push(`${entry.name}: CSV/encoding code was not shaken out: ${codecFound.join(', ')}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, failures }, null, 2));
} else {
  console.log('| entry | minified | gzip | brotli | CSV/MS932 code | zod |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    console.log(`| ${r.entry} | ${kib(r.minified)} | ${kib(r.gzip)} | ${kib(r.brotli)} | ${r.codecMarkers.length ? 'yes' : 'no'} | ${r.containsZod ? 'yes' : 'no'} |`);
  }
  console.log('\nVite 8 (Rolldown, Oxc minifier), ES module, dependencies bundled, minified, exports kept; gzip -9, brotli q11.');
  for (const f of failures) console.error(`FAIL ${f}`);
  if (!failures.length) console.log('No entry uses Node-only APIs; the parseFileName-only bundle holds no CSV or encoding code.');
}
process.exitCode = failures.length ? 1 : 0;
