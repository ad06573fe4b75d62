// Symbol search and the chart on the embedded demo gateway: Ctrl+K puts a symbol on the linked panes, the
// watchlist adds by search, the chart changes bar size and loads older history when scrolled back.
import type { Page } from '@playwright/test';
import { addToWatchlist, connected, region } from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;

async function barCount(page: Page): Promise<number> {
  const text = await region(page, 'Chart')
    .getByText(/[\d,]+ bars/)
    .innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

test('Ctrl+K charts a symbol; the watchlist adds one by search', async ({ app: page }) => {
  await connected(page, LIVE_TIMEOUT);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Symbol search' });
  await dialog.getByRole('combobox', { name: 'Find symbol' }).fill('MSFT');
  await expect(dialog.getByRole('option', { name: /^MSFT\b/ }).first()).toBeVisible({
    timeout: LIVE_TIMEOUT,
  });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const chart = region(page, 'Chart');
  await expect(chart.getByRole('img', { name: 'MSFT 1 min candlestick chart' })).toBeVisible();
  await expect(region(page, 'Order entry').getByRole('form', { name: 'Order ticket' })).toContainText('MSFT');
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });

  const { row } = await addToWatchlist(page, 'AAPL');
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('search.png') });
});

test('the chart changes bar size and pages back through history', async ({ app: page }) => {
  await connected(page, LIVE_TIMEOUT);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Find symbol' }).fill('SPY');
  await expect(page.getByRole('option', { name: /^SPY\b/ }).first()).toBeVisible({ timeout: LIVE_TIMEOUT });
  await page.keyboard.press('Enter');
  const chart = region(page, 'Chart');
  await chart.getByRole('combobox', { name: 'Bar size' }).selectOption('5 mins');
  const img = chart.getByRole('img', { name: 'SPY 5 mins candlestick chart' });
  await expect(img).toBeVisible();
  await expect(chart.getByText(/[\d,]+ bars/)).toBeVisible({ timeout: LIVE_TIMEOUT });
  const before = await barCount(page);
  expect(before).toBeGreaterThan(50);

  // Drag the time scale to the right until the oldest bars come into view: the next page loads. A drag moves the
  // view by about 40 bars and the first page holds about 1,000 (four days of 5-minute bars), so one try drags 30
  // times rather than leaving the distance to the retries.
  const box = (await img.boundingBox())!;
  await expect(async () => {
    for (let i = 0; i < 30; i++) {
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 80, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
    }
    expect(await barCount(page)).toBeGreaterThan(before);
  }).toPass({ timeout: LIVE_TIMEOUT });
  await page.screenshot({ path: test.info().outputPath('paged-back.png') });
});

test('type a ticker and press Enter at once: every symbol field picks it, an unknown one says so', async ({
  app: page,
}) => {
  await connected(page, LIVE_TIMEOUT);
  const typeAndEnter = async (field: ReturnType<Page['getByRole']>, text: string) => {
    await field.click();
    await field.pressSequentially(text);
    await field.press('Enter'); // no wait for the suggestions
  };

  const ticket = region(page, 'Order entry');
  await typeAndEnter(ticket.getByRole('combobox', { name: 'Ticket symbol' }), 'MSFT');
  await expect(ticket.getByRole('form', { name: 'Order ticket' })).toContainText('MSFT', {
    timeout: LIVE_TIMEOUT,
  });

  const watchlist = region(page, 'Watchlist');
  await typeAndEnter(watchlist.getByRole('combobox', { name: 'Add symbol' }), 'AAPL');
  await expect(
    watchlist.getByRole('row').filter({ has: page.getByText('AAPL', { exact: true }) }),
  ).toHaveCount(1, { timeout: LIVE_TIMEOUT });

  const chart = region(page, 'Chart');
  await typeAndEnter(chart.getByRole('combobox', { name: 'Chart symbol' }), 'spy');
  await expect(chart.getByRole('img', { name: /^SPY .* candlestick chart$/ })).toBeVisible({
    timeout: LIVE_TIMEOUT,
  });

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Symbol search' });
  await typeAndEnter(dialog.getByRole('combobox', { name: 'Find symbol' }), 'QQQ');
  await expect(dialog).toBeHidden({ timeout: LIVE_TIMEOUT });
  await expect(chart.getByRole('img', { name: /^QQQ .* candlestick chart$/ })).toBeVisible();

  const field = watchlist.getByRole('combobox', { name: 'Add symbol' });
  await typeAndEnter(field, 'ZQXJ');
  await expect(watchlist.getByRole('alert')).toHaveText('No instrument matches "ZQXJ"', {
    timeout: LIVE_TIMEOUT,
  });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: test.info().outputPath('enter-at-once.png') });
});
