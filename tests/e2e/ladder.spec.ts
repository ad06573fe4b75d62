// The ladder end to end, in Chromium through the web host on the embedded demo gateway (Demo profile): open a
// ladder for a symbol → the book fills both sides and the volume traded at its prices shows → click a bid price below
// the market → confirm (the setting is on by default; the market then jumps away so the buy stays working) → a
// working buy shows on the ladder at that price and in Orders → drag it one tick lower →
// modified there → click it → cancelled; then a
// time-and-sales pane for the symbol fills with prints, some coloured at the bid or the ask. The
// screenshots are kept in the test's output folder; the ladder pane with the working order is docs/ladder.png (written with UPDATE_DOCS=1).
import { copyFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { connected, searchSymbol } from './support/actions';
import { test, expect } from './support/fixtures';

const LIVE_TIMEOUT = 30_000;

// The demo's control API: the market is moved away from the buy once it is sent (a price jump).
test.use({ demoControl: true });

let shot = 0;
async function step(page: Page, name: string): Promise<string> {
  const file = test.info().outputPath(`${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  return file;
}

test('trade from the ladder: a click buys at a price, a click on the order cancels it', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  shot = 0;
  await connected(page, LIVE_TIMEOUT);

  await page.getByRole('combobox', { name: 'Open pane' }).selectOption('ladder');
  const ladder = page.getByRole('region', { name: 'Ladder', exact: true });
  await expect(ladder).toBeVisible();
  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const table = ladder.getByRole('table', { name: 'AAPL ladder' });
  await expect(table).toBeVisible();

  // The book fills both sides: sizes on several bid and ask prices.
  const sized = (side: 'Buy' | 'Sell') =>
    table.getByRole('button', { name: new RegExp(`^${side} 100 at `) }).filter({ hasText: /\d/ });
  await expect.poll(() => sized('Buy').count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(3);
  await expect.poll(() => sized('Sell').count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(3);
  await expect(ladder.getByText('Book live')).toBeVisible();
  // Volume at price: the shares traded at the prices shown, from the symbol's trades (those before the ladder opened
  // first), in whole shares.
  await expect(table.getByRole('columnheader', { name: 'Volume' })).toBeVisible();
  const volumes = table.locator('td.volume').filter({ hasText: /^[\d,]+$/ });
  await expect.poll(() => volumes.count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(0);
  await step(page, 'book');

  // Auto-centre off (the rows stay put), then click the lowest bid price with size: a limit buy below the
  // market, after the confirmation.
  await ladder.getByRole('checkbox', { name: 'Auto-centre' }).uncheck();
  // The lowest bid with size that has a row below it (the drag below goes there; the ladder's window can lag the
  // market by up to 12 rows, so the book's last bid can be its last row).
  const bottom = Number(await table.getByRole('rowheader').last().textContent());
  const bids = await sized('Buy').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const label = bids.filter((l) => Number(l.replace('Buy 100 at ', '')) > bottom).at(-1)!;
  const price = label.replace('Buy 100 at ', '');
  await table.getByRole('button', { name: label, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toContainText(`BUY 100 AAPL LMT @ ${Number(price)}`);
  await step(page, 'confirm');
  await confirm.getByRole('button', { name: 'Send order' }).click();
  // At once the market jumps 3 % up, away from the buy, so the random walk cannot fill it while the test drags and
  // cancels it (on a loaded machine it did). Auto-centre is off: the rows stay where they are.
  await host.demoFault('price-jump', { symbol: 'AAPL', percent: 3 });
  await expect(ladder.getByRole('status', { name: 'Order result' })).toContainText('sent', {
    timeout: LIVE_TIMEOUT,
  });

  // The working buy shows on the ladder, in the row of its price, and in Orders.
  const workingName = /^Cancel order \d+: BUY 100 LMT$/;
  const working = table.getByRole('button', { name: workingName });
  await expect(working).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  const orderId = /Cancel order (\d+)/.exec((await working.getAttribute('aria-label'))!)![1]!;
  const orderRow = table.getByRole('row').filter({ has: page.getByRole('button', { name: workingName }) });
  await expect(orderRow.getByRole('rowheader')).toHaveText(price);
  // The README's picture: the ladder pane alone, with the working order in its row.
  const paneShot = test.info().outputPath('ladder-pane.png');
  await ladder.screenshot({ path: paneShot });
  if (process.env.UPDATE_DOCS === '1') await copyFile(paneShot, 'docs/ladder.png');
  await page.getByRole('tab', { name: 'Orders', exact: true }).click();
  const ordersRow = page
    .getByRole('region', { name: 'Orders', exact: true })
    .locator(`tr[data-order-id="${orderId}"]`);
  await expect(ordersRow).toContainText(/Submitted|PreSubmitted/, { timeout: LIVE_TIMEOUT });
  await step(page, 'working');

  // Dragged one tick lower, the order is modified: it works at the new price on the ladder and in Orders.
  const lower = (Number(price) - 0.01).toFixed(2);
  // The target row in view first, as a user sees it before dragging: a scroll in the middle of the drag (the
  // order on the pane's last visible row) moved the rows under the pointer and the drop missed.
  const target = table.getByRole('rowheader', { name: lower, exact: true });
  await target.scrollIntoViewIfNeeded();
  await expect(working).toBeInViewport();
  await working.dragTo(target);
  await expect(ladder.getByRole('status', { name: 'Modify result' })).toHaveText(
    `Order ${orderId} moved to ${lower}`,
  );
  await expect(orderRow.getByRole('rowheader')).toHaveText(lower, { timeout: LIVE_TIMEOUT });
  await expect(ordersRow).toContainText(lower, { timeout: LIVE_TIMEOUT });
  await step(page, 'modified');

  // A click on the order cancels it: gone from the ladder, cancelled in Orders.
  await working.click();
  await expect(ladder.getByRole('status', { name: 'Cancel result' })).toHaveText(
    `Cancel of order ${orderId} sent`,
  );
  await expect(working).toHaveCount(0, { timeout: LIVE_TIMEOUT });
  await expect(ordersRow).toHaveCount(0, { timeout: LIVE_TIMEOUT });
  await step(page, 'cancelled');

  // Time & sales for the same symbol: the trades before it opened and the live ones, coloured at bid / at ask.
  await page.getByRole('combobox', { name: 'Open pane' }).selectOption('tape');
  await searchSymbol(page, 'AAPL', LIVE_TIMEOUT);
  const tape = page.getByRole('region', { name: 'Time & sales', exact: true });
  const prints = tape.getByRole('table', { name: 'AAPL time and sales' }).locator('tbody tr');
  await expect.poll(() => prints.count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(10);
  await expect(prints.and(page.locator('.at-ask, .at-bid')).first()).toBeVisible({ timeout: LIVE_TIMEOUT });
  await step(page, 'tape');
});
