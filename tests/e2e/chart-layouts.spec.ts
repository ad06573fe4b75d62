// Several timeframes in one chart pane on the embedded demo gateway: SPY switched to 4 charts (each its own bar
// size, each live), one chart's bar size changed, the crosshair over one chart placing the others on the bar that
// holds its time, QQQ compared in percent on every chart, and the layout still there after a reload.
import { copyFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { connected, searchSymbol } from './support/actions';
import { test, expect } from './support/fixtures';
import { savedText } from './support/saved';

const LIVE_TIMEOUT = 30_000;
const chartRegion = (page: Page) => page.getByRole('region', { name: 'Chart', exact: true });
const SECONDS: Record<string, number> = { '1 min': 60, '5 mins': 300, '15 mins': 900, '1 hour': 3600, '1 day': 86_400 };

test('4 timeframes of SPY: own bar sizes, a shared crosshair, QQQ compared, kept across a reload', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 2400, height: 1300 });
  await connected(page, LIVE_TIMEOUT);
  await searchSymbol(page, 'SPY', LIVE_TIMEOUT);
  const chart = chartRegion(page);
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });

  await chart.getByRole('combobox', { name: 'Chart layout' }).selectOption('4');
  const images = chart.getByRole('img', { name: /^SPY .* candlestick chart$/ });
  await expect(images).toHaveCount(4);
  const names = await images.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toEqual([
    'SPY 1 min candlestick chart',
    'SPY 5 mins candlestick chart',
    'SPY 1 hour candlestick chart',
    'SPY 1 day candlestick chart',
  ]);
  // Every chart has its bars (a legend with prices).
  for (const legend of await chart.getByRole('note', { name: 'Chart legend' }).all())
    await expect(legend).toContainText('O ', { timeout: LIVE_TIMEOUT });

  await chart.getByRole('combobox', { name: 'Bar size of chart 3' }).selectOption('15 mins');
  await expect(chart.getByRole('img', { name: 'SPY 15 mins candlestick chart' })).toBeVisible();
  await expect(chart.getByRole('note', { name: 'Chart legend' }).nth(2)).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });
  await page.screenshot({ path: test.info().outputPath('four-charts.png') });

  // The mouse over the 1-minute chart: the others put their crosshair on their bar that holds that time.
  await expect.poll(async () => (await images.nth(0).boundingBox())?.width ?? 0).toBeGreaterThan(250);
  const first = (await images.nth(0).boundingBox())!;
  await page.mouse.move(first.x + first.width * 0.6, first.y + first.height * 0.4);
  await expect(images.nth(0)).toHaveAttribute('data-crosshair-time', /^\d+$/);
  const t = Number(await images.nth(0).getAttribute('data-crosshair-time'));
  const sizes = ['5 mins', '15 mins', '1 day'];
  for (const [i, size] of sizes.entries()) {
    const img = images.nth(i + 1);
    // On the bar of its own size that holds the 1-minute chart's time.
    await expect
      .poll(async () => t - Number(await img.getAttribute('data-crosshair-time')), {
        message: `chart ${i + 2} (${size})`,
      })
      .toBeGreaterThanOrEqual(0);
    const other = Number(await img.getAttribute('data-crosshair-time'));
    expect(other, `chart ${i + 2} (${size})`).toBeGreaterThan(t - SECONDS[size]! * 4);
  }
  await page.screenshot({ path: test.info().outputPath('shared-crosshair.png') });

  // QQQ compared in percent on every chart.
  await chart.getByRole('combobox', { name: 'Compare with' }).fill('QQQ');
  await chart.getByRole('option', { name: /^QQQ\b/ }).first().click();
  await expect(chart.getByRole('button', { name: 'Stop comparing QQQ' })).toBeVisible();
  for (let i = 0; i < 4; i++)
    await expect(images.nth(i)).toHaveAttribute('data-compare', 'QQQ', { timeout: LIVE_TIMEOUT });
  await page.mouse.move(first.x + first.width * 0.9, first.y + first.height * 0.95);
  const shot = test.info().outputPath('chart-layouts.png');
  await chart.screenshot({ path: shot });
  if (process.env.DOCS_SCREENSHOTS) await copyFile(shot, 'docs/chart-layouts.png');

  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain('"compare"');
  await page.reload();
  const again = chartRegion(page).getByRole('img', { name: /^SPY .* candlestick chart$/ });
  await expect(again).toHaveCount(4, { timeout: LIVE_TIMEOUT });
  await expect(chartRegion(page).getByRole('img', { name: 'SPY 15 mins candlestick chart' })).toBeVisible();
  await expect(again.nth(3)).toHaveAttribute('data-compare', 'QQQ', { timeout: LIVE_TIMEOUT });

  await chartRegion(page).getByRole('button', { name: 'Stop comparing QQQ' }).click();
  await expect(again.nth(0)).toHaveAttribute('data-compare', '');
  await chartRegion(page).getByRole('combobox', { name: 'Chart layout' }).selectOption('1');
  await expect(again).toHaveCount(1);
  await expect(chartRegion(page).getByRole('combobox', { name: 'Bar size' })).toBeVisible();
});
