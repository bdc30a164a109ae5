import { defineConfig } from 'vitest/config';

// Dates in tests are UTC, as in sqletl's default and the PostgreSQL reference session.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PGlite (PostgreSQL in WebAssembly) takes seconds to start and load the fixtures.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});
