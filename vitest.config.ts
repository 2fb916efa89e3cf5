import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once: the end-to-end tests run the built command (test/cli-e2e.test.ts).
    globalSetup: ['test/global-setup.ts'],
  },
});
