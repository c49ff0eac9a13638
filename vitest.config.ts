import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects; every *.test.ts file belongs to exactly one (test/projects.unit.test.ts checks it):
 * - unit: pure functions, named *.unit.test.ts: no database, no web build, answers in seconds;
 * - integration: the app on a real database (a copy of the migrated, seeded template per file);
 * - e2e: the built product: browser tests, the compiled server, bundle budgets.
 */
export const UNIT = ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts', 'scripts/**/*.unit.test.ts'];
export const E2E = ['test/e2e/**/*.test.ts'];
export const INTEGRATION = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves one core to its main process, which mostly waits: on a 2-core CI machine
    // that ran one test file at a time. Unit and integration files run one per core (VITEST_MAX_WORKERS
    // overrides); the browser tests, whose Chromium and server want the other core, run after them, one at a time.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || Math.max(2, availableParallelism()),
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...UNIT, ...E2E],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          exclude: UNIT,
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
