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
  // One retry under CI, reported as "flaky" in the list and counted in the JSON (a flaky test shows, it is not
  // hidden). alerts.spec no longer waits for the demo's random walk: it jumps the price through the demo control.
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
