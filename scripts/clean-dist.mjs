// Empties dist/ before `npm run build`, so that the package never ships a file whose source is gone (a module
// renamed or removed) or a stale source map.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
