// The validator page (web/): a static page that validates spec files in the browser. `npm run web:build`
// writes web/dist, `npm run web` builds and serves it on 127.0.0.1. Relative asset paths (base './'), so the
// built folder works from any path of any static server.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(webRoot, '..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string; homepage?: string };

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: false,
  define: {
    __CAREPLAN_VERSION__: JSON.stringify(pkg.version ?? '0.0.0'),
    __CAREPLAN_HOMEPAGE__: JSON.stringify(pkg.homepage ?? 'https://www.npmjs.com/package/careplan-csv'),
  },
  build: {
    outDir: join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // One script, one stylesheet: nothing is fetched after load, and no modulepreload helper is needed.
    modulePreload: false,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1' },
});
