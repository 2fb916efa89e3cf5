// The larger fuzz budget: the property and mutation suites with FUZZ=1 (500 runs per property).
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/hardening.test.ts', 'test/codec.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ: '1' },
});
process.exit(result.status ?? 1);
