// The larger fuzz budget: the property and mutation suites with FUZZ=1 (up to 500 runs per property), with a
// test timeout to match (the default 5 s is for the small budget of `npm test`).
import { spawnSync } from 'node:child_process';

const SUITES = ['test/hardening.test.ts', 'test/codec.test.ts', 'test/severity.test.ts', 'test/streaming-limits.test.ts'];
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--testTimeout=600000', ...SUITES], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ: '1' },
});
process.exit(result.status ?? 1);
