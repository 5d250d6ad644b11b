import { defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    // Finds Chromium for the browser tests once: Debian's, or the one packaged on npm (test/setup/chromium.ts).
    globalSetup: ['test/setup/chromium.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one PostgreSQL; two workers keep the 2-core machines responsive.
    maxWorkers: 2,
    // Browser tests poll the page until it shows what they expect; on a busy 2-core machine (CI runs two browser
    // files, each with its own server and Chromium) a write and the list read after it can take more than 10 s, which
    // is slowness, not a wrong answer. A poll that succeeds returns at once, so patience costs nothing.
    expect: { poll: { timeout: 30_000 } },
    // The browser tests run after the rest, not beside the tests that start whole app processes (several
    // processes, the compiled start, kill tests): a page's offline sync and its timers should not share two cores
    // with four servers.
    projects: [
      { extends: true, test: { name: 'server', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: [BROWSER_TESTS], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: [BROWSER_TESTS], sequence: { groupOrder: 1 } } },
    ],
  },
});
