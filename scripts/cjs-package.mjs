// Marks dist/cjs (tsconfig.cjs.json's output) as CommonJS: the package itself is "type": "module", so without
// this file Node and TypeScript would read dist/cjs/**/*.js and .d.ts as ES modules.
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
