import { defineConfig } from 'vitest/config';

// Two projects: everything that runs in Node (unit tests beside the code, integration tests in
// test/), and the browser tests that drive Debian's Chromium. Integration tests use the database
// named by TEST_DATABASE_URL (PostgreSQL) or a fresh SQLite file when it is unset.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
