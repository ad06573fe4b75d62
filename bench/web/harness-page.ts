// Opens the bench harness (bench/browser/harness.tsx) in a fresh context of the given browser, with the probe.
import type { Browser, Page } from '@playwright/test';
import { VIEWPORT } from './app-session';
import { bundleBrowser, pageHtml } from './bundle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openHarness(browser: Browser, mode: string, probe: string): Promise<Page> {
  const html = pageHtml(await bundleBrowser('bench/browser/harness.tsx'));
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: probe });
  await page.route('http://ibdesk-bench.invalid/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  page.on('pageerror', (e) => console.error(`[bench] harness page error: ${e.message}`));
  await page.goto(`http://ibdesk-bench.invalid/harness.html#${mode}`);
  await page.waitForFunction('window.ibdeskHarness && window.ibdeskHarness.ready', undefined, {
    timeout: 30_000,
  });
  return page;
}

export async function frames(page: Page, seconds: number): Promise<number[]> {
  await page.evaluate('window.ibdeskBench.startFrames()');
  await sleep(seconds * 1000);
  return (await page.evaluate('window.ibdeskBench.stopFrames()')) as number[];
}
