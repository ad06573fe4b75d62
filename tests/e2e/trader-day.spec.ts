// The trader's day end to end, in Chromium through the web host on the embedded demo gateway: scan → pick →
// chart and ticket follow → watch → LMT buy working, modified, cancelled → MKT buy filled → executions,
// positions and account change → a dropped connection (injected through the demo gateway's control API) shows
// the countdown and disables the ticket, then recovers and everything ticks again → a reload keeps the layout and
// the watchlist. A screenshot of every step is kept in the test's output folder.
import type { Locator, Page } from '@playwright/test';
import {
  changes,
  connected,
  connection,
  prices,
  recordNotifications,
  region,
  shownNotifications,
  stepShots,
} from './support/actions';
import { test, expect } from './support/fixtures';
import { savedText } from './support/saved';

test.use({ demoControl: true });

const LIVE_TIMEOUT = 30_000;

/** Brings a pane to the front of its dock group (its region is named by the active tab). */
async function show(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name, exact: true }).click();
  const r = region(page, name);
  await expect(r).toBeVisible();
  return r;
}

async function symbolsOf(table: Locator): Promise<string[]> {
  return table.locator('tbody tr td:nth-child(2) strong').allInnerTexts();
}

test("the trader's day", async ({ app: page, host }) => {
  test.setTimeout(240_000);
  const step = stepShots();
  const status = connection(page);
  await connected(page, LIVE_TIMEOUT);

  // 1. Start a TOP_PERC_GAIN scan: rows appear, then re-rank.
  const scanner = region(page, 'Scanner');
  await scanner.getByRole('combobox', { name: 'Scan' }).selectOption('TOP_PERC_GAIN');
  await scanner.getByRole('button', { name: 'Start' }).click();
  const results = scanner.getByRole('table', { name: 'Scan results' });
  await expect(results.locator('tbody tr')).not.toHaveCount(0, { timeout: LIVE_TIMEOUT });
  await expect.poll(() => results.locator('tbody tr').count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(5);
  await expect(results.locator('tbody tr').first().locator('td').nth(3)).not.toHaveText('—', {
    timeout: LIVE_TIMEOUT,
  });
  await step(page, 'scan-rows');
  await changes(async () => (await symbolsOf(results)).join(','), 'the scan re-ranks', 90_000);
  await step(page, 'scan-reranked');

  // 2. Click a row: the chart and the ticket show that symbol.
  const firstRow = results.locator('tbody tr').first();
  const symbol = (await firstRow.locator('td').nth(1).locator('strong').innerText()).trim();
  await firstRow.click();
  const chart = region(page, 'Chart');
  await expect(chart.getByRole('img', { name: `${symbol} 1 min candlestick chart` })).toBeVisible();
  await expect(chart.getByRole('note', { name: 'Chart legend' })).toContainText('O ', {
    timeout: LIVE_TIMEOUT,
  });
  const ticket = region(page, 'Order entry');
  await expect(ticket.getByRole('form', { name: 'Order ticket' })).toContainText(symbol);
  await step(page, 'row-picked');

  // 3. Add it to the watchlist: its prices update.
  const watchlist = region(page, 'Watchlist');
  await watchlist.getByRole('button', { name: `Add ${symbol}` }).click();
  const watchRow = watchlist.getByRole('row').filter({ has: page.getByText(symbol, { exact: true }) });
  await expect(watchRow).toHaveCount(1);
  await expect(watchRow.getByRole('cell').nth(1)).not.toHaveText('—', { timeout: LIVE_TIMEOUT });
  await changes(() => prices(watchRow), 'the watchlist row ticks', LIVE_TIMEOUT);
  await step(page, 'watchlist-ticks');

  // 4. A LMT buy below the market: working in Orders; modify its price; cancel it.
  const form = ticket.getByRole('form', { name: 'Order ticket' });
  await form.getByRole('combobox', { name: 'Order type' }).selectOption('LMT');
  const bidText = await form.getByText(/^Bid /).innerText();
  const bid = Number(bidText.replace('Bid ', ''));
  expect(bid).toBeGreaterThan(0);
  const below = (bid * 0.98).toFixed(2);
  await form.getByRole('spinbutton', { name: 'Quantity' }).fill('10');
  await form.getByRole('spinbutton', { name: 'Limit price' }).fill(below);
  await form.getByRole('button', { name: 'Buy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toContainText(`BUY 10 ${symbol} LMT @ ${Number(below)}`);
  await step(page, 'confirm-lmt');
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await expect(form.getByRole('status', { name: 'Order result' })).toContainText('sent', {
    timeout: LIVE_TIMEOUT,
  });

  const orders = await show(page, 'Orders');
  const ordersTable = orders.getByRole('table', { name: 'Orders' });
  const lmtRow = ordersTable.getByRole('row').filter({ hasText: symbol }).filter({ hasText: 'LMT' });
  await expect(lmtRow).toHaveCount(1, { timeout: LIVE_TIMEOUT });
  await expect(lmtRow).toContainText(/Submitted|PreSubmitted/, { timeout: LIVE_TIMEOUT });
  await step(page, 'lmt-working');

  const orderId = await lmtRow.getAttribute('data-order-id');
  const lower = (bid * 0.97).toFixed(2);
  await lmtRow.getByRole('button', { name: `Modify order ${orderId}` }).click();
  const modify = page.getByRole('dialog', { name: `Modify order ${orderId}` });
  await modify.getByRole('spinbutton', { name: 'Limit price' }).fill(lower);
  await modify.getByRole('button', { name: 'Send modification' }).click();
  await expect(modify).toBeHidden();
  await expect(lmtRow.getByRole('cell').nth(6)).toHaveText(Number(lower).toFixed(2), {
    timeout: LIVE_TIMEOUT,
  });
  await step(page, 'lmt-modified');

  await lmtRow.getByRole('button', { name: `Cancel order ${orderId}` }).click();
  await expect(ordersTable.locator(`tr[data-order-id="${orderId}"]`)).toHaveCount(0, {
    timeout: LIVE_TIMEOUT,
  });
  await orders.getByRole('radio', { name: /^Cancelled/ }).click();
  await expect(ordersTable.locator(`tr[data-order-id="${orderId}"]`)).toContainText('Cancelled');
  await step(page, 'lmt-cancelled');

  // 5. A MKT buy fills: executions, positions and account change.
  const account = await show(page, 'Account');
  const netLiq = account.getByRole('row', { name: /^Net liquidation/ }).getByRole('cell');
  await expect(netLiq).not.toHaveText('—', { timeout: LIVE_TIMEOUT });
  const accountTable = account.getByRole('table', { name: /^Account / });
  const accountBefore = await accountTable.innerText();
  await step(page, 'account-before');

  // The fill notification (web host: the browser's Notification API once allowed): record what it would show.
  await recordNotifications(page);
  await form.getByRole('combobox', { name: 'Order type' }).selectOption('MKT');
  await form.getByRole('spinbutton', { name: 'Quantity' }).press('Alt+b'); // the ticket's Buy hotkey
  await expect(confirm).toContainText(`BUY 10 ${symbol} MKT`);
  await confirm.getByRole('button', { name: 'Send order' }).click();
  await show(page, 'Orders');
  await orders.getByRole('radio', { name: /^Filled/ }).click();
  const filled = ordersTable.getByRole('row').filter({ hasText: symbol }).filter({ hasText: 'MKT' });
  await expect(filled).toContainText('Filled', { timeout: LIVE_TIMEOUT });
  await expect
    .poll(() => shownNotifications(page))
    .toContainEqual(expect.stringContaining(`Bought 10 ${symbol} at `));
  await step(page, 'mkt-filled');

  const executions = await show(page, 'Executions');
  await expect(
    executions.getByRole('table', { name: 'Executions' }).getByRole('row').filter({ hasText: symbol }),
  ).not.toHaveCount(0, { timeout: LIVE_TIMEOUT });
  await step(page, 'executions');

  const positions = await show(page, 'Positions');
  await expect(positions.getByRole('row', { name: new RegExp(`^${symbol}\\b`) })).toBeVisible({
    timeout: LIVE_TIMEOUT,
  });
  await step(page, 'positions');
  await show(page, 'Account');
  await expect(accountTable).not.toHaveText(accountBefore, { timeout: LIVE_TIMEOUT });
  await step(page, 'account-after');

  // 6. Inject a disconnect: reconnecting with a countdown, ticket disabled; then it recovers by itself. The gateway
  // refuses connections for 8 s first, so the checks below see the outage however fast the first retry comes (a
  // bare drop let a quick reconnect end it between two checks under load).
  await host.demoFault('reject', { ms: 8000 });
  await host.demoFault('drop-all');
  await expect(status).toContainText('Reconnecting', { timeout: LIVE_TIMEOUT });
  await expect(status).toContainText(/retry in \d+ s/);
  await expect(form.getByRole('button', { name: 'Buy' })).toBeDisabled();
  await expect(form.getByRole('note', { name: 'Order entry disabled' })).toContainText(
    'Not connected to TWS',
  );
  await step(page, 'reconnecting');
  await expect(status).toContainText('Connected', { timeout: 60_000 });
  await expect(form.getByRole('button', { name: 'Buy' })).toBeEnabled();

  const scanStatus = scanner.getByText(/updated \d\d:\d\d:\d\d/);
  await changes(() => scanStatus.innerText(), 'the scanner ticks again after the reconnect', 90_000);
  await changes(() => prices(watchRow), 'the watchlist ticks again after the reconnect', LIVE_TIMEOUT);
  const chartImg = chart.getByRole('img', { name: `${symbol} 1 min candlestick chart` });
  await changes(
    async () =>
      `${await chartImg.getAttribute('data-last-bar-time')}|${await chart.getByRole('note', { name: 'Chart legend' }).innerText()}`,
    'the chart ticks again after the reconnect',
    LIVE_TIMEOUT,
  );
  await step(page, 'recovered');

  // 7. Reload: the layout and the watchlist are as they were.
  await expect.poll(() => savedText(host.dataDir, 'watchlists.json')).toContain(`"${symbol}"`);
  await expect.poll(() => savedText(host.dataDir, 'layouts/demo.json')).toContain(`"${symbol}"`);
  await page.reload();
  await expect(region(page, 'Scanner')).toBeVisible();
  for (const tab of [
    'Watchlist',
    'Chart',
    'Order entry',
    'Orders',
    'Executions',
    'Log',
    'Positions',
    'Account',
  ])
    await expect(page.getByRole('tab', { name: tab, exact: true })).toBeVisible();
  const reloadedRow = region(page, 'Watchlist')
    .getByRole('row')
    .filter({ has: page.getByText(symbol, { exact: true }) });
  await expect(reloadedRow).toHaveCount(1);
  await expect(
    region(page, 'Chart').getByRole('img', { name: `${symbol} 1 min candlestick chart` }),
  ).toBeVisible();
  await expect(
    region(page, 'Scanner').getByRole('table', { name: 'Scan results' }).locator('tbody tr'),
  ).not.toHaveCount(0, {
    timeout: LIVE_TIMEOUT,
  });
  await step(page, 'reloaded');
});
