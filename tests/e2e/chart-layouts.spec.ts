// Several timeframes in one chart pane on the embedded demo gateway: SPY switched to 4 charts (each its own bar
// size, each live), one chart's bar size changed, the crosshair over one chart placing the others on the bar that
// holds its time, QQQ compared in percent on every chart, and the layout still there after a reload. An alert line
// set with the mouse: on both charts of a 2-chart layout, one deleted by keyboard, one dragged with the mouse and
// moved with the arrow keys, then crossed by a price jump on the demo gateway, where main fires it once (toast,
// browser notification, history) and its spent line leaves the charts.
import { copyFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  connected,
  recordNotifications,
  searchSymbol,
  shownNotifications,
  twoCharts,
} from './support/actions';
import { test, expect } from './support/fixtures';
import { savedText } from './support/saved';

const LIVE_TIMEOUT = 30_000;
const chartRegion = (page: Page) => page.getByRole('region', { name: 'Chart', exact: true });
const SECONDS: Record<string, number> = {
  '1 min': 60,
  '5 mins': 300,
  '15 mins': 900,
  '1 hour': 3600,
  '1 day': 86_400,
};

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
    // Its crosshair is set on the next frame after the 1-minute chart's (an empty time would read as 0 below).
    await expect(img, `chart ${i + 2} (${size})`).toHaveAttribute('data-crosshair-time', /^\d+$/);
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
  await chart
    .getByRole('option', { name: /^QQQ\b/ })
    .first()
    .click();
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

test.describe('alert lines', () => {
  test.use({ demoControl: true });
  test('an alert line set on the chart shows on every timeframe, is dragged and moved, fires once', async ({
    app: page,
    host,
  }) => {
    test.setTimeout(90_000);
    await recordNotifications(page);
    const { chart, box } = await twoCharts(page, 'SPY', LIVE_TIMEOUT);
    const lines = chart.getByRole('button', { name: /^Alert: SPY crosses / });
    const levelOf = async (i: number) =>
      Number((await lines.nth(i).getAttribute('aria-label'))!.replace(/^Alert: SPY crosses /, ''));
    // Near the top of the chart: above the candles (the price scale keeps a margin), so it does not fire yet.
    const setLine = async () => {
      await chart.getByRole('button', { name: 'Alert line', exact: true }).click();
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.1);
    };

    // Each alert is a line on both charts; one deleted with the keyboard on the second chart is gone from both.
    await setLine();
    await expect(lines).toHaveCount(2, { timeout: LIVE_TIMEOUT });
    await page.screenshot({ path: test.info().outputPath('alert-line-set.png') });
    await lines.nth(1).focus();
    await page.keyboard.press('Delete');
    await expect(lines).toHaveCount(0);

    // Another, dragged down with the mouse: its alert's level follows, on both charts.
    await setLine();
    await expect(lines).toHaveCount(2, { timeout: LIVE_TIMEOUT });
    const placed = await levelOf(0);
    // Taken where the line is now: a new high since it was placed may have rescaled the chart under it.
    const drawn = (await lines.nth(0).locator('line.shape').boundingBox())!;
    const lineY = drawn.y + drawn.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, lineY);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, lineY + box.height * 0.2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => levelOf(0)).toBeLessThan(placed);
    await expect(lines.nth(1)).toHaveAttribute(
      'aria-label',
      (await lines.nth(0).getAttribute('aria-label')) ?? '',
    );
    await page.screenshot({ path: test.info().outputPath('alert-line-dragged.png') });
    // The mouse off the chart: the legend shows the live bar again, not the one under the crosshair.
    await page.mouse.move(10, box.y + box.height * 2);

    // A tick up with the arrow key (ten with Shift), on both charts: each move arms the alert afresh.
    const dragged = await levelOf(0);
    await lines.nth(0).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => levelOf(0)).toBeCloseTo(dragged + 0.01, 6);
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => levelOf(0)).toBeCloseTo(dragged + 0.11, 6);
    await expect.poll(() => levelOf(1)).toBeCloseTo(dragged + 0.11, 6);
    // Not crossed by the walk yet; then SPY jumps 5 % through it on the demo gateway's tick stream (its
    // price-jump fault: the crossing comes when the test asks, not when the random walk wanders there). The walk
    // may have climbed past the dragged line, so the jump goes towards the line: up from below, down from above.
    const toast = page.getByRole('alert', { name: /^Alert: SPY crossed (above|below) / });
    await expect(toast).toHaveCount(0);
    const ticket = page.getByRole('region', { name: 'Order entry', exact: true });
    // Each move re-arms the alert, and a crossing needs a reading on the other side first: two quote changes seen
    // after the move (one may have left main before it) mean main has read the price since.
    for (let i = 0; i < 2; i++) {
      const before = await ticket.textContent();
      await expect.poll(() => ticket.textContent(), { timeout: 15_000 }).not.toBe(before);
    }
    const last = Number(/Last ([\d.]+)/.exec((await ticket.textContent()) ?? '')?.[1]);
    expect(last).toBeGreaterThan(0);
    const up = last < (await levelOf(0));
    await host.demoFault('price-jump', { symbol: 'SPY', percent: up ? 5 : -5 });
    await expect(
      page.getByRole('alert', { name: up ? /^Alert: SPY crossed above / : /^Alert: SPY crossed below / }),
    ).toBeVisible({ timeout: LIVE_TIMEOUT });
    expect(await shownNotifications(page)).toEqual([expect.stringMatching(/^IBDesk alert: SPY crossed/)]);
    // Fired once: the alert is spent, so its line leaves the charts.
    await expect(lines).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Open pane' }).selectOption('alerts');
    const history = page.getByRole('region', { name: 'Alerts', exact: true }).getByRole('table', {
      name: 'Alert history',
    });
    await expect(history.getByRole('row').filter({ hasText: /SPY crossed (above|below)/ })).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('alert-line-fired.png') });
  });
});
