// Unit and integration tests run under plain Node; E2E tests belong to Playwright (tests/e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'bench/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two files at a time on a 2-core machine (Vitest's default is cores − 1): most integration files spend their
    // time waiting on sockets and timers, so two overlap well; every test binds port 0 and its own temp dirs.
    maxWorkers: 2,
    unstubEnvs: true,
  },
});
