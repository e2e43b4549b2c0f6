import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/requirements.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest runs one worker fewer than the CPUs: one on a 2-core machine, where much of a test's
    // time is spent waiting on Chromium, PostgreSQL or ffmpeg. Two there: 896 s instead of 1,204 s.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Test files share their worker's modules instead of importing the app (Fastify, Kysely, pg,
    // Preact...) again for each: about 3 s a file. Nothing in src keeps state in a module (the
    // composition root builds it all) but pure functions made once (the response serializers,
    // src/web/shared/serializer-cache.ts), and each test builds its own app or store.
    isolate: false,
    reporters: ['default'],
  },
});
