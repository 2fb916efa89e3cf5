import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once: the end-to-end tests run the built command (test/cli-e2e.test.ts).
    globalSetup: ['test/global-setup.ts'],
    // Sized for the slowest machine CI runs on (a loaded 2-core box), not for a developer's laptop: a test that
    // reads 20,000 rows or spawns the command takes seconds there, and vitest's default 5 s failed such tests.
    // Tests count work (tokenizer characters examined, records kept) instead of timing it; the timeout only
    // stops a hang. One setting here rather than vi.setConfig per file.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
