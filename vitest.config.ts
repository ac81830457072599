import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    // The precompiled phrases in dist/ must be those of the sources under test.
    globalSetup: ['test/fresh-build.ts'],
  },
});
