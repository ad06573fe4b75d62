// E2E: Playwright drives the web host in Chromium (found or installed by tools/chromium.mjs, see `npm test`).
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tools/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry under CI, reported as "flaky" in the list and counted in the JSON: alerts.spec waits up to 90 s for
  // the demo's random walk to come back to a level, which it does not always do (a known test defect, not hidden).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    headless: true,
    // The trader's screen: every pane of the default layout readable in the step screenshots.
    viewport: { width: 1600, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...chromiumArgs],
    },
  },
});
