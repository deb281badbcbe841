import { defineConfig } from 'vitest/config';

// Integration and e2e tests start real daemons, tmux servers and Claude Code: give them time,
// and run files in separate processes so one test's daemon cannot leak into another's.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    maxWorkers: process.env.CI === 'true' ? 2 : undefined,
  },
});
