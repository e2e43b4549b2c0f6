import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/requirements.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's modules instead of importing the app (Fastify, Kysely, pg,
    // Preact...) again for each: about 3 s a file. Nothing in src keeps state in a module (the
    // composition root builds it all), and each test builds its own app or store.
    isolate: false,
    reporters: ['default'],
  },
});
