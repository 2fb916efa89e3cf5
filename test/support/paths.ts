// Where the tests find the package and its built command (test/global-setup.ts builds dist/ first).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built command, as installed (`node dist/src/cli/main.js`). */
export const CLI = join(ROOT, 'dist/src/cli/main.js');
