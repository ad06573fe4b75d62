// Playwright fixtures: a fresh web host per test and a page that records console errors (a test fails on any).
import { test as base, expect, type Page } from '@playwright/test';
import { startBuiltWebHost, type RunningHost } from '../../../tools/web-host-process';

type Fixtures = { host: RunningHost; consoleErrors: string[]; app: Page };
type Options = { demoControl: boolean; hostArgs: string[] };

export const test = base.extend<Fixtures & Options>({
  /** Opens the embedded demo gateway's fault-injection control API (the trader's-day test). */
  demoControl: [false, { option: true }],
  /** Extra command-line options of the web host (e.g. `--demo-accounts A,B` for several accounts). */
  hostArgs: [[], { option: true }],
  host: async ({ demoControl, hostArgs }, use, testInfo) => {
    const host = await startBuiltWebHost({ demoControl, args: hostArgs });
    await use(host);
    await host.stop();
    await testInfo.attach('web-host.log', { body: host.output(), contentType: 'text/plain' });
  },
  // eslint-disable-next-line no-empty-pattern
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, host, consoleErrors }, use) => {
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(host.url);
    await use(page);
    expect(consoleErrors, 'console errors').toEqual([]);
  },
});

export { expect };
